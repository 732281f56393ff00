"""The real site for the browser tests: production settings under gunicorn (2 workers, page
cache on, hashed static files), with the demo content, on a database of its own: a SQLite
file, or on PostgreSQL (when DATABASE_URL points there) a database named after the test
database with "_browser" appended, created afresh."""

import contextlib
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from tests.localserver import free_port, start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASSWORD = "browser-" + secrets.token_urlsafe(12)  # noqa: S105 - every demo account's
# The README's pictures are taken by the journeys; they land in docs/screenshots only when
# asked for (`make screenshots` sets SCREENSHOTS), so the tests leave the checkout clean.
SCREENSHOTS = Path(
    os.environ.get("SCREENSHOTS") or Path(tempfile.gettempdir()) / "jindu-screenshots"
)

# What the page checks cover: every public page type, in both languages.
PAGE_TYPES = [
    "jindu.HomePage",
    "jindu.SectionPage",
    "jindu.ArticlePage",
    "jindu.DrugIndexPage",
    "jindu.DrugFactPage",
    "jindu.QuizPage",
    "jindu.ResourceLibraryPage",
    "jindu.AudiencePage",
    "schools.StationDirectoryPage",
    "campaigns.EventIndexPage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
    "campaigns.TalkRequestPage",
]
# Views that are not Wagtail pages but readers reach them all the same.
OTHER_VIEWS = ["event detail", "search results", "quiz score", "not found"]
# The quiz's score is the answer to a posted form (answers never go in an address).
QUIZ_ANSWERS = {"q0": "0", "q1": "1", "q2": "0"}


def open_public(page, public_pages, key, **options):
    """Open one of the public views in a browser page, as a reader reaches it: the quiz
    score by answering the quiz and sending it. Returns the document's response."""
    path = public_pages[key]
    if key[0] != "quiz score":
        return page.goto(path, **options)
    page.goto(path, **options)
    # Every question is required: answer each (the first option where QUIZ_ANSWERS is silent).
    for number in range(page.locator("fieldset.quiz-question").count()):
        value = QUIZ_ANSWERS.get(f"q{number}", "0")
        page.check(f"input[name=q{number}][value='{value}']")
    with page.expect_navigation(**options) as navigation:
        page.click("form.quiz button[type=submit]")
    return navigation.value


class BrowserProblems:
    """What went wrong while a page loaded: console errors (the browser reports blocked
    resources there too), uncaught script errors, failed requests, error responses."""

    QUIET_SECONDS = 0.15  # no request in flight for this long: the page has settled

    def __init__(self, page):
        self.page = page
        self.found = []
        self.in_flight = set()
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.found.append(f"script error: {error}"))
        page.on("request", lambda request: self.in_flight.add(request))
        page.on("requestfinished", lambda request: self.in_flight.discard(request))
        page.on("requestfailed", self.failed)
        page.on("response", self.response)

    def failed(self, request):
        self.in_flight.discard(request)
        self.found.append(f"failed: {request.url} ({request.failure})")

    def console(self, message):
        if message.type != "error":
            return
        # The 404 page itself arrives with status 404, which the browser logs; that is all
        # that is forgiven (a blocked inline script is logged against the page too).
        own_status = message.text.startswith("Failed to load resource")
        if own_status and message.location.get("url") == self.page.url:
            return
        self.found.append(f"console: {message.text} ({message.location.get('url')})")

    def response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.found.append(f"{response.status}: {response.url}")

    def settle(self, deadline=15):
        """Wait, after the load event, until no request has been in flight for QUIET_SECONDS,
        so that what the page fetches late (fonts, lazy images, scripts' requests) is in
        ``found``. Playwright's networkidle does the same with half a second of quiet,
        which on every page the suite checks added half a minute of waiting."""
        step, quiet, waited = 0.025, 0.0, 0.0
        while quiet < self.QUIET_SECONDS and waited < deadline:
            self.page.wait_for_timeout(step * 1000)
            waited += step
            quiet = 0.0 if self.in_flight else quiet + step

    def open(self, path):
        self.document = self.page.goto(path)
        self.settle()
        return self.found

    def open_public(self, public_pages, key):
        self.document = open_public(self.page, public_pages, key)
        self.settle()
        return self.found


LANGUAGES = ["zh-hans", "en"]
PAGES = [(kind, language) for kind in PAGE_TYPES + OTHER_VIEWS for language in LANGUAGES]

# (who signs in, admin path): what outreach staff, station managers and editors open daily.
ADMIN_VIEWS = [
    ("staff_pudong", "/admin/"),
    ("staff_pudong", "/admin/campaigns/dashboard/"),
    ("staff_pudong", "/admin/campaigns/calendar/"),
    ("staff_pudong", "/admin/snippets/campaigns/event/"),
    ("staff_pudong", "/admin/snippets/campaigns/event/add/"),
    ("staff_pudong", "/admin/snippets/campaigns/attendance/add/"),
    ("staff_pudong", "/admin/snippets/campaigns/stockmovement/add/"),
    ("staff_pudong", "/admin/campaigns/stock/"),
    ("manager_pudong", "/admin/snippets/campaigns/talkrequest/"),
    ("manager_pudong", "/admin/snippets/schools/counselloragreement/"),
    ("manager_pudong", "/admin/snippets/schools/counselloragreement/add/"),
    ("manager_pudong", "/admin/snippets/schools/school/"),
    ("manager_pudong", "/admin/imports/schools/"),
    ("manager_pudong", "/admin/imports/counsellors/"),
    ("manager_pudong", "/admin/campaigns/reports/month/"),
    ("manager_pudong", "/admin/reports/coverage/"),
    ("editor", "/admin/pages/"),
    ("editor", "article editor"),
]


def manage_shell(site, code):
    """Runs ``code`` in ``manage.py shell`` with the site's settings (``site.env``)."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", textwrap.dedent(code)],
        env=site.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def admin_path(site, view):
    """The path of one of ADMIN_VIEWS ("article editor": the first article's edit view)."""
    if view == "article editor":
        article = json.loads(site.get("/api/v2/pages/?type=jindu.ArticlePage&limit=1"))
        return f"/admin/pages/{article['items'][0]['id']}/edit/"
    return view


def sign_in(page, site, username):
    """Sign in through the admin's login form, as a person would."""
    from playwright.sync_api import expect

    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", site.password)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def chromium_missing():
    """Why the browser tests cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def vnu_jar():
    """The Nu HTML Checker: VNU_JAR, or vnu-jar installed by `make browser-deps`."""
    candidates = [
        os.environ.get("VNU_JAR", ""),
        str(ROOT / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"),
    ]
    return next((path for path in candidates if path and Path(path).exists()), None)


def migrated_copy():
    """Where the suite keeps a copy of its freshly migrated SQLite test database (conftest's
    django_db_setup writes it): the browser site starts from it instead of running every
    migration again, 20–27 s of `make test`'s second pass. Named after the migrations it
    holds, so an added or changed migration never starts from an old copy."""
    from django.apps import apps

    digest = hashlib.sha256()
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        for path in sorted((Path(config.path) / "migrations").glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return Path(tempfile.gettempdir()) / f"jindu-migrated-{digest.hexdigest()[:16]}.sqlite3"


def fresh_database_url(workdir):
    """A database of the browser site's own, next to the suite's."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / 'site.sqlite3'}"
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"test_{parts.path.strip('/')}_browser"
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(parts._replace(path=f"/{name}"))


class RunningSite:
    mail_dir = None

    def __init__(self, url, password):
        self.url = url.rstrip("/")
        self.password = password

    def mails_to(self, address):
        """The emails the site sent to ``address`` so far, oldest first, as messages."""
        import email
        from email import policy

        import pytest

        if self.mail_dir is None:
            pytest.skip("the site's emails are not readable from here (BROWSER_SITE_URL)")
        found = []
        folder = self.mail_dir
        for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime):
            # The file backend writes each message followed by a line of dashes.
            for raw in path.read_bytes().split(b"-" * 79):
                if raw.strip():
                    message = email.message_from_bytes(raw.strip(), policy=policy.default)
                    if address in str(message["To"]):
                        found.append(message)
        return found

    def post_form(self, path, data):
        """The page at ``path`` answered with its form filled in with ``data`` (its CSRF
        token and cookie first read from the page, as a browser would)."""
        import http.cookiejar
        from urllib.parse import urlencode

        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        url = self.url + quote(path, safe="/?=&")
        html = opener.open(url, timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310
        return opener.open(request, timeout=30).read()

    def get(self, path):
        with urllib.request.urlopen(self.url + quote(path, safe="/?=&"), timeout=30) as response:  # noqa: S310
            return response.read()


class SiteServer(RunningSite):
    def __init__(self, workdir):
        self.password = PASSWORD
        self.workdir = Path(workdir)
        self.mail_dir = self.workdir / "mail"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
            "DJANGO_SETTINGS_MODULE": "jindu.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "SERVE_MEDIA": "1",
            "TASKS_IMMEDIATE": "1",
            # What the site sends lands in files the tests read (mails_to).
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "WAGTAILADMIN_BASE_URL": self.url,
            # The QR codes of printed sheets carry the site's address: this server's.
            "SITE_URL": self.url,
            "DATABASE_URL": fresh_database_url(self.workdir),
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.workdir / "private"),
            "CACHE_DIR": str(self.workdir / "cache"),
            # The tests record attendance and events and look at the public pages straight
            # after: pages that show back-office records are not kept here (the cluster
            # test keeps them a few seconds and checks they follow).
            "LIVE_PAGE_SECONDS": "0",
            "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
            # A browser test signs in several times from one address.
            "AXES_FAILURE_LIMIT": "50",
            "LOG_LEVEL": "ERROR",
        }
        self.process = None

    def manage(self, *args):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )

    def start(self):
        # The static files need no database: collected while the database is built.
        statics = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            env=self.env,
            cwd=ROOT,
        )
        try:
            database, kept = self.env["DATABASE_URL"], migrated_copy()
            if database.startswith("sqlite:///") and kept.exists():
                shutil.copyfile(kept, database.removeprefix("sqlite:///"))
            # After a copy, this applies only what the copy lacks and runs post-migrate steps.
            self.manage("migrate", "--no-input", "-v0")
            self.manage("load_demo", "-v0")
        finally:
            collected = statics.wait() == 0
        if not collected:
            raise RuntimeError("collectstatic failed")
        self.process = start_gunicorn(self.env, self.port, cwd=ROOT)
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.workdir / "cache", ignore_errors=True)

    def described(self):
        return {
            "workdir": str(self.workdir),
            "port": self.port,
            "env": self.env,
            "password": self.password,
        }

    @classmethod
    def described_by(cls, description):
        """The site another test process started, as that process sees it."""
        site = cls.__new__(cls)
        site.workdir = Path(description["workdir"])
        site.mail_dir = site.workdir / "mail"
        site.port = description["port"]
        site.url = f"http://127.0.0.1:{site.port}"
        site.env = description["env"]
        site.password = description["password"]
        site.process = None
        return site


@contextlib.contextmanager
def _locked(path):
    with open(path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# How long the process that started the shared site waits for the others to finish with it.
SHARED_SITE_PATIENCE = 30 * 60


@contextlib.contextmanager
def shared_site(folder):
    """One site for all the test processes of a run (`make test` runs the browser tests in
    two, pytest-xdist's workers, which ``folder`` is common to): the first to ask starts it
    and the others use it, so the demo is loaded once. Each says when it is done; the one
    that started it stops it when none is using it any more."""
    folder = Path(folder)
    lock, described, users = folder / "site.lock", folder / "site.json", folder / "site.users"

    def count(change):  # with the lock held
        now = int(users.read_text() or 0) if users.exists() else 0
        users.write_text(str(now + change))
        return now + change

    with _locked(lock):
        if described.exists():
            started, site = None, SiteServer.described_by(json.loads(described.read_text()))
        else:
            (folder / "browser-site").mkdir(exist_ok=True)
            started = site = SiteServer(folder / "browser-site").start()
            described.write_text(json.dumps(site.described()))
        count(+1)
    try:
        yield site
    finally:
        with _locked(lock):
            left = count(-1)
        if started is not None:
            deadline = time.monotonic() + SHARED_SITE_PATIENCE
            while left > 0 and time.monotonic() < deadline:
                time.sleep(0.5)
                with _locked(lock):
                    left = count(0)
            with _locked(lock):
                described.unlink(missing_ok=True)
                started.stop()
