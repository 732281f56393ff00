"""The production shape: Varnish (Debian's) in front of two app servers that share the
database and Redis. An editor publishes through one app server, or a setting changes; the
next anonymous reader through the proxy, whichever server answers, sees the change at once;
the other server sees it too. Attendance recorded shows on the campaign page within the
lifetime the page declares. Readers get pages from the proxy, staff never do."""

import http.client
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import pytest
from playwright.sync_api import expect

from tests.browser_site import ROOT, manage_shell, sign_in
from tests.localserver import free_port, start_gunicorn

pytestmark = pytest.mark.browser

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
REDIS = ("127.0.0.1", 6379)
# How long the campaign page is kept here: short, so the test waits little.
LIVE_SECONDS = 3


def redis_answers():
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


def get(url, **headers):
    with urlopen(Request(url, headers=headers), timeout=30) as response:  # noqa: S310
        return response.headers, response.read().decode()


class Cluster:
    def __init__(self, site):
        if not Path(VARNISHD).exists():
            pytest.skip("no varnishd (apt-get install varnish)")
        if not redis_answers():
            pytest.skip("no Redis at 127.0.0.1:6379")
        self.workdir = Path(tempfile.mkdtemp(prefix="jindu-cluster-"))
        self.proxy_port = free_port()
        self.proxy = f"http://127.0.0.1:{self.proxy_port}"
        self.env = {
            **site.env,
            "REDIS_URL": "redis://127.0.0.1:6379/12",
            "CACHE_DIR": str(self.workdir / "cache"),
            "FRONTEND_CACHE_PURGE_URL": self.proxy,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LIVE_PAGE_SECONDS": str(LIVE_SECONDS),
            # As `make serve-cluster`: Varnish on this machine is the proxy to believe. One
            # answer per connection, so five counted answers prove five addresses were seen.
            "TRUSTED_PROXIES": "127.0.0.1,::1",
            "FEEDBACK_ANSWERS_PER_ADDRESS": "1",
        }
        self.ports = [free_port(), free_port()]
        self.servers, self.varnish = [], None

    def start(self):
        import redis

        for database in (12, 13):
            redis.Redis(*REDIS, db=database).flushdb()
        self.servers = [start_gunicorn(self.env, port, workers=1, cwd=ROOT) for port in self.ports]
        vcl = self.workdir / "cluster.vcl"
        subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "deploy/varnish/backends.py"), str(vcl)]
            + [f"127.0.0.1:{port}" for port in self.ports],
            check=True,
        )
        self.varnish = subprocess.Popen(  # noqa: S603
            [VARNISHD, "-F", "-j", "none", "-a", f"127.0.0.1:{self.proxy_port}"]
            + ["-f", str(vcl), "-n", str(self.workdir / "varnish"), "-s", "malloc,64m"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                headers, _body = get(self.proxy + "/robots.txt")
                # Both app servers healthy, as the probes see them.
                if self.healthy():
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("Varnish did not start")

    def shell(self, code):
        """Runs ``code`` as a command on this cluster's database, Redis and proxy."""
        result = manage_shell(self, code)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    def healthy(self):
        result = subprocess.run(  # noqa: S603
            ["varnishadm", "-n", str(self.workdir / "varnish"), "backend.list"],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout.count("healthy") >= 2

    def stop(self):
        if self.varnish is not None:
            self.varnish.terminate()
            self.varnish.wait(timeout=30)
        for server in self.servers:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(self.workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster(site):
    running = Cluster(site).start()
    yield running
    running.stop()


def an_article(cluster):
    _headers, body = get(
        f"http://127.0.0.1:{cluster.ports[0]}/api/v2/pages/?type=jindu.ArticlePage&locale=zh-hans&limit=1"
    )
    item = json.loads(body)["items"][0]
    return item["id"], urlsplit(item["meta"]["html_url"]).path


def test_a_publish_through_one_server_shows_through_the_proxy_and_on_the_other(
    browser, site, cluster
):
    page_id, path = an_article(cluster)
    get(cluster.proxy + path)
    headers, before = get(cluster.proxy + path)
    assert headers["X-Proxy-Cache"] == "hit"
    assert "s-maxage=" in headers["Cache-Control"]

    context = browser.new_context(base_url=f"http://127.0.0.1:{cluster.ports[0]}", locale="zh-CN")
    editor = context.new_page()
    sign_in(editor, site, "admin")
    editor.goto(f"/admin/pages/{page_id}/edit/")
    title = f"集群发布测试{int(time.time())}"
    editor.fill("#id_title", title)
    editor.click("button:has-text('更多动作')")
    editor.click("button[name=action-publish]")
    expect(editor.locator(".messages")).to_be_visible()
    context.close()

    assert title not in before
    # Round robin: two requests reach both app servers (or the proxy's fresh copy).
    for _ in range(2):
        headers, after = get(cluster.proxy + path)
        assert title in after
    _headers, direct = get(f"http://127.0.0.1:{cluster.ports[1]}{path}")
    assert title in direct


def test_signed_in_staff_never_get_a_page_from_the_proxy(cluster):
    _page_id, path = an_article(cluster)
    get(cluster.proxy + path)
    headers, _body = get(cluster.proxy + path, Cookie="sessionid=not-a-real-session")
    assert headers["X-Proxy-Cache"] == "miss"
    assert re.search(r"s-maxage", headers.get("Cache-Control", "")) is None


HOTLINE = re.compile(r'class="call-number">([^<]+)<')


def test_a_setting_changed_shows_on_every_page_through_the_proxy_at_once(cluster):
    _page_id, path = an_article(cluster)
    for url in (path, "/", "/en/"):
        get(cluster.proxy + url)
        assert get(cluster.proxy + url)[0]["X-Proxy-Cache"] == "hit"
    number = f"021-5{int(time.time()) % 1000:03d}-0626"
    cluster.shell(
        "from wagtail.models import Site\n"
        "from jindu.models import SiteSettings\n"
        "s = SiteSettings.for_site(Site.objects.get(is_default_site=True))\n"
        f"s.hotline_number = '{number}'\n"
        "s.save()\n"
    )
    for url in (path, "/", "/en/"):
        for _ in range(2):  # both app servers, or the proxy's fresh copy
            assert HOTLINE.findall(get(cluster.proxy + url)[1]) == [number], url
    assert HOTLINE.findall(get(f"http://127.0.0.1:{cluster.ports[1]}/")[1]) == [number]


FIGURE = re.compile(r"<li><strong>([\d,]+)</strong>")


def test_attendance_shows_on_the_campaign_page_within_its_lifetime(cluster):
    found = cluster.shell(
        "from campaigns.models import CampaignPage, EventStatus\n"
        "from campaigns.reports.figures import campaign_events\n"
        "pages = CampaignPage.objects.live().filter(locale__language_code='zh-hans')\n"
        "for p in pages.order_by('-year', 'pk'):\n"
        "    e = campaign_events(p.campaign).filter(status=EventStatus.COMPLETED).first()\n"
        "    if e:\n"
        "        print(p.url, e.pk)\n"
        "        break\n"
    )
    path, event_id = found.split()
    headers, before = get(cluster.proxy + path)
    assert f"s-maxage={LIVE_SECONDS}," in headers["Cache-Control"]
    reached = int(FIGURE.findall(before)[1].replace(",", ""))
    cluster.shell(
        "from campaigns.models import Attendance\n"
        f"line, _ = Attendance.objects.get_or_create(event_id={event_id}, group='others',"
        " defaults={'count': 0})\n"
        "line.count += 37\n"
        "line.save()\n"
    )
    # Past its lifetime the proxy may serve the kept copy once more while it fetches a
    # fresh one (stale-while-revalidate); the reader after that sees the new figure.
    time.sleep(LIVE_SECONDS + 1)
    shown = []
    for _ in range(3):
        shown.append(int(FIGURE.findall(get(cluster.proxy + path)[1])[1].replace(",", "")))
        if shown[-1] == reached + 37:
            break
        time.sleep(0.5)
    assert shown[-1] == reached + 37, shown


def post_feedback_from(address, proxy_port, path):
    """A phone at ``address`` (another loopback address) opens the feedback page through the
    proxy and answers every question with the first option."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", proxy_port, timeout=30, source_address=(address, 0)
    )
    connection.request("GET", path)
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    answers = {name: "0" for name in set(re.findall(r'type="radio" name="(q\d+)"', page))}
    fields = {"csrfmiddlewaretoken": token, "usefulness": "4", "recommend": "yes", **answers}
    connection.request(
        "POST",
        path,
        body="&".join(f"{key}={value}" for key, value in fields.items()),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )
    answered = connection.getresponse()
    answered.read()
    connection.close()
    return answered.status


def test_five_phones_at_five_addresses_all_count_through_the_proxy(cluster):
    found = cluster.shell(
        "from campaigns.field.evidence import feedback_for\n"
        "from django.utils import timezone\n"
        "from campaigns.models import Event\n"
        "for event in Event.objects.filter(end__lte=timezone.now()).order_by('-end'):\n"
        "    feedback = feedback_for(event)\n"
        "    if feedback.is_open('after'):\n"
        "        print(feedback.token, feedback.tallies.filter(phase='after').first() and"
        " feedback.tallies.get(phase='after').responses or 0)\n"
        "        break\n"
    )
    token, before = found.split()
    path = f"/feedback/{token}/"
    statuses = [post_feedback_from(f"127.0.0.{n}", cluster.proxy_port, path) for n in range(2, 7)]
    assert statuses == [200] * 5
    counted = cluster.shell(
        "from campaigns.models import FeedbackTally\n"
        f"print(FeedbackTally.objects.get(feedback__token='{token}', phase='after').responses)\n"
    )
    assert int(counted) == int(before) + 5


def test_a_stopped_app_server_costs_readers_nothing(cluster):
    """Killed, not drained: until the health probe notices, the proxy retries each page it
    sent there on the other server, so no reader sees a 503."""
    stopped = cluster.servers[1]
    stopped.kill()
    stopped.wait(timeout=30)
    try:
        # Search pages are never kept, so each one reaches an app server.
        statuses = []
        for n in range(20):
            try:
                get(f"{cluster.proxy}/search/?q=%E6%AF%92%E5%93%81{n}")
                statuses.append(200)
            except HTTPError as error:
                statuses.append(error.code)
        assert statuses == [200] * 20
    finally:
        cluster.servers[1] = start_gunicorn(cluster.env, cluster.ports[1], workers=1, cwd=ROOT)
        deadline = time.monotonic() + 30
        while not cluster.healthy() and time.monotonic() < deadline:
            time.sleep(0.5)
