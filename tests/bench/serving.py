"""`make bench`, serving part: the production shape under load, side by side in one run.

- Varnish (deploy/varnish) in front of two app servers (gunicorn, production settings,
  sharing the database and Redis, or this machine's file caches without Redis): cached
  pages through the proxy against a static file of the same size through the same proxy;
  page-cache hits at the origin against that static file at the origin.
- Pages missing from the page cache (the first render after a change; nothing else of a
  page is kept) against wagtail/bakerydemo's comparable pages (home vs
  home, article vs blog page, section vs blog index) on the same machine in the same run,
  when a checkout is given (BAKERYDEMO_DIR; tests/bench/peer.py builds it).
- Worker memory (proportional set size, shared pages split) against bakerydemo's.
- The June 26 mix: 60 s at 32 connections over the public pages through the proxy while a
  writer records one attendance line a second; errors, p99 and the proxy's hit ratio.
- Redis down: every public page through an app server whose REDIS_URL answers nothing.
- The size of our serving code (site/serving/, the VCL) and the private framework
  attributes used anywhere in the apps' code.

Load comes from wrk (Debian's) on 127.0.0.1; the machine's cores are shared by everything,
so the figures are ratios, their two sides timed in turns over several rounds (``alternated``).
"""

import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from tests.localserver import ROOT, free_port, start_gunicorn

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
DEAD_REDIS = "redis://127.0.0.1:1/0"

# Targets of issue #37 (never asserted in tests).
MIN_PROXY_SHARE = 0.9
MIN_ORIGIN_HIT_SHARE = 0.7
MIN_FIRST_RENDER_PEER_RATIO = 1.5
MAX_SERVING_LINES = 500
SERVING_CODE = ("site/serving", "deploy/varnish")
APP_CODE = ("site", "campaigns", "schools")
# An attribute with one leading underscore read or set on another object (``obj._x``), but
# Django's documented ``_meta``, ``_default_manager``, namedtuple's ``_replace`` and our own
# ``_jindu_`` attributes.
PRIVATE_ATTRIBUTE = re.compile(
    r"(?<!self)(?<!cls)\.(?!_meta\b|_default_manager\b|_replace\b|_jindu_)_[a-z]\w*"
)
MAX_MEMORY_PEER_RATIO = 1.5
MIN_MIX_HIT_RATIO = 0.99
# The pages timed from the page cache, through the proxy and at the origin.
CACHED_PAGES = ("home", "article", "campaign")
# Figures compared in a ratio are taken in turns, this many times each, and the ratio is the
# median of each round's: the machine's speed drifts (other tenants of the host), and two
# figures taken minutes apart compared the machine's moments as much as the servers.
ROUNDS = 5


def quoted(path):
    return quote(path, safe="/?=&%")


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http only
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.headers, response.read()


def wrk(url, seconds, connections=16, script=None):
    """Requests per second, latency percentiles and errors from wrk (2 threads)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )

    def percentile(label):
        value, unit = re.search(rf"\s{label}\s+([\d.]+)(us|ms|s)", output).groups()
        return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

    result = {
        "requests per second": round(rate),
        "p50 ms": percentile("50%"),
        "p99 ms": percentile("99%"),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
    }
    hits = re.search(r"PROXY_HITS (\d+) (\d+)", output)
    if hits:
        result["proxy hits"], result["responses"] = int(hits.group(1)), int(hits.group(2))
    return result


def app_env(base_env, workdir, **extra):
    return {
        **base_env,
        "DJANGO_SETTINGS_MODULE": "jindu.settings.production",
        "CACHE_DIR": str(Path(workdir) / "cache"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
        **extra,
    }


class AppServer:
    def __init__(self, env, workers=2):
        self.env, self.workers, self.port, self.process = env, workers, free_port(), None

    def __enter__(self):
        self.process = start_gunicorn(self.env, self.port, workers=self.workers, cwd=ROOT)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{quoted(path)}"


class Varnish:
    def __init__(self, workdir, ports):
        self.workdir, self.ports = Path(workdir), ports
        self.port, self.process = free_port(), None

    def __enter__(self):
        vcl = self.workdir / "bench.vcl"
        subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "deploy/varnish/backends.py"), str(vcl)]
            + [f"127.0.0.1:{port}" for port in self.ports],
            check=True,
        )
        self.process = subprocess.Popen(  # noqa: S603
            [VARNISHD, "-F", "-j", "none", "-a", f"127.0.0.1:{self.port}", "-f", str(vcl)]
            + ["-n", str(self.workdir / "varnish"), "-s", "malloc,256m"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                fetch(self.url("/robots.txt"))
                time.sleep(4)  # both backends' probes pass
                return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("Varnish did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{quoted(path)}"


@contextlib.contextmanager
def cluster(env, workdir):
    """Two app servers and, when Varnish is installed, Varnish in front of them; the app
    servers purge it."""
    one, two = AppServer(dict(env)), AppServer(dict(env))
    proxy = Varnish(workdir, [one.port, two.port]) if Path(VARNISHD).exists() else None
    if proxy is not None:
        for server in (one, two):
            server.env["FRONTEND_CACHE_PURGE_URL"] = f"http://127.0.0.1:{proxy.port}"
    with one, two:
        if proxy is None:
            yield one, two, None
        else:
            with proxy:
                yield one, two, proxy


def pss_kb(pid):
    """Proportional set size: a process's own pages plus its share of pages it shares."""
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    return int(re.search(r"^Pss:\s+(\d+)", text, re.M).group(1))


def worker_pids(process):
    return Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()


def send_requests(urls_of, count):
    """``count`` requests spread over ``urls_of``, four at a time."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: fetch(urls_of[n % len(urls_of)]), range(count)))


def hit_counting_script(workdir, paths):
    """A wrk script that rotates over ``paths`` and counts the proxy's hits."""
    listed = ", ".join('"' + quoted(path) + '"' for path in paths)
    script = Path(workdir) / "mix.lua"
    script.write_text(
        textwrap.dedent(
            f"""
            local paths = {{{listed}}}
            local counter = 0
            -- Globals: done() reads each thread's own with thread:get().
            hits, total = 0, 0
            local threads = {{}}
            function setup(thread) table.insert(threads, thread) end
            function init(args) counter = math.random(#paths) end
            function request()
              counter = counter % #paths + 1
              return wrk.format("GET", paths[counter])
            end
            function response(status, headers, body)
              total = total + 1
              if headers["X-Proxy-Cache"] == "hit" then hits = hits + 1 end
            end
            function done(summary, latency, requests)
              local h, t = 0, 0
              for _, thread in ipairs(threads) do
                h = h + thread:get("hits"); t = t + thread:get("total")
              end
              io.write(string.format("PROXY_HITS %d %d\\n", h, t))
            end
            """
        )
    )
    return script


WRITER = """
import time
from campaigns.models import Attendance, EventStatus
from campaigns.models import CampaignPage
page = CampaignPage.objects.live().order_by("-year").first()
event = page.campaign.events.filter(status=EventStatus.COMPLETED).first()
line, _ = Attendance.objects.get_or_create(event=event, group="others", defaults={"count": 1})
deadline = time.monotonic() + SECONDS
while time.monotonic() < deadline:
    line.count += 1
    line.save()
    time.sleep(1)
print("WRITES", line.count)
"""


def june_26_mix(proxy, env, paths, seconds, workdir):
    """wrk at 32 connections over ``paths`` through the proxy while a writer records an
    attendance line every second (its campaign page is not among ``paths``)."""
    writer = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", WRITER.replace("SECONDS", str(seconds))],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for path in paths:
        fetch(proxy.url(path))
    result = wrk(
        proxy.url("/"), seconds, connections=32, script=hit_counting_script(workdir, paths)
    )
    out, err = writer.communicate(timeout=120)
    writes = re.search(r"WRITES (\d+)", out)
    result["writer"] = "ok" if writes else f"failed: {err[-500:]}"
    if "responses" in result and result["responses"]:
        result["hit ratio"] = round(result["proxy hits"] / result["responses"], 4)
    return result


def redis_down(base_env, workdir, paths):
    """Share of public pages that answer 200 with REDIS_URL pointing at a dead port."""
    env = app_env(base_env, workdir, REDIS_URL=DEAD_REDIS)
    ok = 0
    with AppServer(env, workers=1) as server:
        for path in paths:
            try:
                status, _headers, _body = fetch(server.url(path))
            except urllib.error.HTTPError as error:
                status = error.code
            ok += status == 200
    return {"pages": len(paths), "answered 200": ok, "share": round(ok / len(paths), 3)}


def redis_url():
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return None
    import redis

    for database in (10, 11):
        redis.Redis("127.0.0.1", 6379, db=database).flushdb()
    return "redis://127.0.0.1:6379/10"


def run(urls, *, seconds, mix_seconds, memory_requests, peer, static_root, stdout):
    """``urls``: {name: path} of the public pages (home, section, article, campaign...)."""
    result = {"skipped": []}
    if shutil.which("wrk") is None:
        result["skipped"].append("wrk not found (apt-get install wrk): no throughput figures")
        return result
    base_env = dict(os.environ)
    # Each page is compared with a static file of its own size: the bytes cost the same.
    (Path(static_root) / "bench").mkdir(parents=True, exist_ok=True)
    static = {}
    for name in CACHED_PAGES:
        (Path(static_root) / "bench" / f"{name}-sized.html").write_bytes(
            fetch_in_process(urls[name])
        )
        static[name] = f"/static/bench/{name}-sized.html"
    redis = redis_url()
    with tempfile.TemporaryDirectory(prefix="jindu-bench-") as workdir:
        shared = {"REDIS_URL": redis} if redis else {}
        result["shared cache"] = "Redis" if redis else "files of this machine"
        stdout.write("  the cluster: Varnish in front of two app servers")
        with cluster(app_env(base_env, workdir, **shared), workdir) as (one, _two, proxy):
            # Each page next to a static file of its size, in turns: the machine's speed
            # drifts, and a ratio is only as good as the two figures were close in time.
            if proxy is not None:
                for name in CACHED_PAGES:
                    fetch(proxy.url(static[name]))
                    fetch(proxy.url(urls[name]))
                result.update(
                    alternated(
                        {
                            label: url
                            for name in CACHED_PAGES
                            for label, url in (
                                (f"proxy: static, {name}'s size", proxy.url(static[name])),
                                (f"proxy: {name}", proxy.url(urls[name])),
                            )
                        },
                        seconds,
                    )
                )
            else:
                result["skipped"].append("no varnishd (apt-get install varnish)")
            for name in CACHED_PAGES:
                fetch(one.url(static[name]))
                fetch(one.url(urls[name]))
            result.update(
                alternated(
                    {
                        label: url
                        for name in CACHED_PAGES
                        for label, url in (
                            (f"origin: static, {name}'s size", one.url(static[name])),
                            (f"origin hit: {name}", one.url(urls[name])),
                        )
                    },
                    seconds,
                )
            )
            if proxy is not None:
                stdout.write(f"  the June 26 mix ({mix_seconds} s at 32 connections)")
                # Pages the writer's records do not show; searches are never kept (each is
                # counted), so they are not pages a proxy could answer.
                unrelated = [
                    path for name, path in urls.items() if name not in ("campaign", "search")
                ]
                result["june 26 mix"] = june_26_mix(proxy, one.env, unrelated, mix_seconds, workdir)
        stdout.write("  pages missing from the page cache, next to the peer's")
        first_env = app_env(base_env, workdir, PAGE_CACHE="0", **shared)
        peer_serving = peer.serving() if peer is not None else contextlib.nullcontext()
        with AppServer(first_env) as first, peer_serving as other:
            if isinstance(other, str):
                result["peer"], other = {"skipped": other}, None
            turns = {}
            for name in ("home", "section", "article"):
                fetch(first.url(urls[name]))
                turns[f"first render: {name}"] = first.url(urls[name])
                if other is not None:
                    turns[f"peer: {PEER_PAGES[name]}"] = other.page_url(PEER_PAGES[name])
            measured = alternated(turns, seconds)
            result.update({k: v for k, v in measured.items() if not k.startswith("peer: ")})
            paths = [first.url(path) for path in urls.values()]
            send_requests(paths, memory_requests)
            result["memory"] = {
                "worker pss kb": [pss_kb(pid) for pid in worker_pids(first.process)],
                "requests": memory_requests,
            }
            if other is not None:
                result["peer"] = {
                    k.removeprefix("peer: "): v
                    for k, v in measured.items()
                    if k.startswith("peer: ")
                }
                result["peer"]["memory"] = other.memory(memory_requests)
        stdout.write("  Redis down")
        result["redis down"] = redis_down(base_env, workdir, list(urls.values()))
    result["code"] = code_figures()
    ratios(result)
    return result


def fetch_in_process(path):
    from django.test import Client, override_settings

    with override_settings(WAGTAIL_CACHE=False):
        return Client(HTTP_HOST="localhost").get(path).content


PEER_PAGES = {"home": "home", "section": "blog index", "article": "blog page"}


def alternated(turns, seconds, rounds=ROUNDS):
    """wrk on each URL of ``turns`` ({label: url}) in turn, ``rounds`` times, each for half
    of ``seconds`` (at least 2): {label: the median round's figures, with every round's
    rate under "rounds"}."""
    runs = {label: [] for label in turns}
    for _ in range(rounds):
        for label, url in turns.items():
            runs[label].append(wrk(url, max(2, seconds // 2)))
    result = {}
    for label, measured in runs.items():
        rates = [run["requests per second"] for run in measured]
        result[label] = {
            "requests per second": round(statistics.median(rates)),
            "p50 ms": statistics.median(run["p50 ms"] for run in measured),
            "p99 ms": statistics.median(run["p99 ms"] for run in measured),
            "errors": sum(run["errors"] for run in measured),
            "rounds": rates,
        }
    return result


def median_ratio(row, other, key):
    """The median of the rounds' ratios of ``row`` to ``other`` (taken in the same turns),
    kept in ``row`` under ``key``, with the lowest and highest under "round ratios"."""
    pairs = list(zip(row.get("rounds", []), other.get("rounds", []), strict=False))
    if not pairs:
        pairs = [(row["requests per second"], other["requests per second"])]
    each = [ours / theirs for ours, theirs in pairs if theirs]
    if each:
        digits = 2 if key == "share of static" else 1
        row[key] = round(statistics.median(each), digits)
        row["round ratios"] = [round(min(each), digits), round(max(each), digits)]


def code_figures():
    """Lines of our serving code, and the private attributes the apps' code touches."""
    lines = 0
    for folder in SERVING_CODE:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".vcl"):
                lines += len(path.read_text().splitlines())
    private = []
    for folder in APP_CODE:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if PRIVATE_ATTRIBUTE.search(line.split("#")[0]):
                    private.append(f"{path.relative_to(ROOT)}:{number}")
    return {"serving lines": lines, "private attributes": private}


def ratios(result):
    for name in CACHED_PAGES:
        for served, static in (("proxy", "proxy"), ("origin hit", "origin")):
            page, file = (
                result.get(f"{served}: {name}"),
                result.get(f"{static}: static, {name}'s size"),
            )
            if page and file:
                median_ratio(page, file, "share of static")
    peer = result.get("peer")
    if not peer or "skipped" in peer:
        return
    for label in ("first render",):
        for ours, theirs in PEER_PAGES.items():
            row = result.get(f"{label}: {ours}")
            if row and peer.get(theirs):
                median_ratio(row, peer[theirs], "× bakerydemo")
    if "memory" in result and peer.get("memory"):
        ours = statistics.median(result["memory"]["worker pss kb"])
        theirs = statistics.median(peer["memory"]["worker pss kb"])
        result["memory"]["× bakerydemo"] = round(ours / theirs, 2)


def targets(result):
    rows = []

    def add(text, holds):
        rows.append({"target": text, "holds": bool(holds)})

    for name in CACHED_PAGES:
        share = result.get(f"proxy: {name}", {}).get("share of static")
        if share is not None:
            add(f"proxy: cached {name} ≥ {MIN_PROXY_SHARE}× static ({share}×)", share >= 0.9)
        share = result.get(f"origin hit: {name}", {}).get("share of static")
        if share is not None:
            add(f"origin hit: {name} ≥ {MIN_ORIGIN_HIT_SHARE}× static ({share}×)", share >= 0.7)
    code = result.get("code") or code_figures()
    add(
        f"serving code ≤ {MAX_SERVING_LINES} lines ({code['serving lines']})",
        code["serving lines"] <= MAX_SERVING_LINES,
    )
    private = code["private attributes"]
    add(f"private framework attributes: 0 ({', '.join(private) or 'none'})", not private)
    for label, minimum in (("first render", MIN_FIRST_RENDER_PEER_RATIO),):
        for name in PEER_PAGES:
            ratio = result.get(f"{label}: {name}", {}).get("× bakerydemo")
            if ratio is not None:
                add(f"{label}: {name} ≥ {minimum}× bakerydemo ({ratio}×)", ratio >= minimum)
    memory = result.get("memory", {}).get("× bakerydemo")
    if memory is not None:
        add(f"worker memory ≤ {MAX_MEMORY_PEER_RATIO}× bakerydemo ({memory}×)", memory <= 1.5)
    mix = result.get("june 26 mix")
    if mix:
        add(f"June 26 mix: no errors ({mix['errors']})", mix["errors"] == 0)
        ratio = mix.get("hit ratio")
        if ratio is not None:
            add(f"June 26 mix: proxy hit ratio ≥ 99 % ({ratio:.2%})", ratio >= 0.99)
    down = result.get("redis down")
    if down:
        add(f"Redis down: every public page answers ({down['share']:.0%})", down["share"] == 1)
    return rows


def markdown(result):
    lines = [f"Shared cache: {result.get('shared cache', '-')}.", ""]
    for reason in result.get("skipped", []):
        lines.append(f"Skipped: {reason}.")
    lines += [
        "| served | req/s | p50 ms | p99 ms | errors | ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in result.items():
        if isinstance(row, dict) and "requests per second" in row and name != "june 26 mix":
            ratio = row.get("share of static") or row.get("× bakerydemo")
            kind = "× static" if "share of static" in row else "× bakerydemo"
            spread = row.get("round ratios")
            shown = f"{ratio} {kind}" if ratio else ""
            if ratio and spread:
                shown += f" (rounds {spread[0]}–{spread[1]})"
            lines.append(
                f"| {name} | {row['requests per second']} | {row['p50 ms']} | {row['p99 ms']} "
                f"| {row['errors']} | {shown} |"
            )
    peer = result.get("peer") or {}
    for name, row in peer.items():
        if isinstance(row, dict) and "requests per second" in row:
            lines.append(
                f"| bakerydemo: {name} | {row['requests per second']} | {row['p50 ms']} "
                f"| {row['p99 ms']} | {row['errors']} | |"
            )
    if "skipped" in peer:
        lines.append(f"\nbakerydemo: {peer['skipped']}")
    mix = result.get("june 26 mix")
    if mix:
        lines.append(
            f"\nJune 26 mix: {mix['requests per second']} req/s, p99 {mix['p99 ms']} ms, "
            f"{mix['errors']} errors, proxy hit ratio {mix.get('hit ratio', 0):.2%}, "
            f"writer {mix['writer']}."
        )
    memory = result.get("memory")
    if memory:
        kb = memory["worker pss kb"]
        theirs = peer.get("memory", {}).get("worker pss kb")
        lines.append(
            f"\nWorker memory (PSS) after {memory['requests']} requests: "
            + ", ".join(f"{value // 1024} MB" for value in kb)
            + ("; bakerydemo " + ", ".join(f"{v // 1024} MB" for v in theirs) if theirs else "")
            + "."
        )
    down = result.get("redis down")
    if down:
        lines.append(
            f"\nRedis down: {down['answered 200']} of {down['pages']} public pages answered 200."
        )
    code = result.get("code")
    if code:
        lines.append(
            f"\nServing code: {code['serving lines']} lines; private framework attributes: "
            f"{len(code['private attributes'])}."
        )
    return "\n".join(lines) + "\n"
