"""`make bench` (manage.py bench): how fast the site is at a city-wide agency's scale.

Separate from the tests, because times depend on the machine; the tests assert query counts
only. One run measures, on the database the settings point at:

- uncached render time of each public page type (page cache off), as a ratio to a bare
  Wagtail page (a plain ``Page`` with Wagtail's own minimal template) rendered in the same
  process: once with the worker's rendered fragments kept, as a worker serves a page again,
  and once without, as the first render after a content change;
- queries per public page and per admin listing, at two data sizes;
- reports, dashboard, search and the admin event listing at both sizes, and the ratio;
- under gunicorn (2 workers), anonymous page views with and without the page cache, as a
  ratio to the same server sending a static file of the same size (load from wrk, a second
  process on 127.0.0.1);
- worker memory after 1,000 and 10,000 requests.

Results are printed as a table and written to docs/benchmarks/<database>.json.
"""

import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page, Site

from jindu.localserver import free_port, start_gunicorn

ROOT = Path(settings.BASE_DIR)
RESULTS_DIR = ROOT / "docs" / "benchmarks"
HOST = "localhost"

# Targets from issue #8, checked against the figures (never asserted in tests).
MAX_RENDER_RATIO = 2.0
MAX_PUBLIC_QUERIES = 12
MAX_GROWTH_RATIO = 3.0
MAX_LARGE_MEDIAN_MS = 500
MIN_CACHED_SHARE = 0.70
MAX_MEMORY_GROWTH = 0.10


def median_ms(client, url, repeat):
    for _ in range(2):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def query_count(client, url):
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context.captured_queries)


def bare_page():
    """A plain wagtailcore Page under the home page: Wagtail's own minimal template."""
    home = Site.objects.get(is_default_site=True).root_page
    page = Page.objects.child_of(home).filter(slug="bench-bare-page").first()
    if page is None:
        page = home.add_child(instance=Page(title="Bench", slug="bench-bare-page"))
    return page


def public_urls():
    from campaigns.pages import CampaignPage, EventIndexPage
    from jindu.models import ArticlePage, DrugFactPage, HomePage, SectionPage

    language = settings.LANGUAGE_CODE

    def first(model, **filters):
        page = (
            model.objects.live()
            .filter(locale__language_code=language, **filters)
            .order_by("path")
            .first()
        )
        if page is None:
            raise RuntimeError(f"No live {model.__name__}: run load_demo first.")
        return page.url

    return {
        "bare page": bare_page().url,
        "home": first(HomePage),
        "section": first(SectionPage, slug="news"),
        "article": first(ArticlePage),
        "drug fact": first(DrugFactPage),
        "events": first(EventIndexPage),
        "campaign": first(CampaignPage),
        "search": "/search/?q=毒品",
    }


def admin_urls():
    return {
        "event listing": reverse("wagtailsnippets_campaigns_event:list"),
        "attendance listing": reverse("wagtailsnippets_campaigns_attendance:list"),
        "stock listing": reverse("wagtailsnippets_campaigns_stockmovement:list"),
        "agreement listing": reverse("wagtailsnippets_schools_counselloragreement:list"),
        "school listing": reverse("wagtailsnippets_schools_school:list"),
        "dashboard": reverse("campaigns_dashboard"),
        "report by month": reverse("campaigns_report", args=["month"]),
        "report by station": reverse("campaigns_report", args=["station"]),
        "coverage report": reverse("schools_coverage"),
        "stock levels": reverse("campaigns_stock"),
    }


def measure_size(repeat):
    """Render times and queries of every public page and admin view at the current size."""
    from django.contrib.auth import get_user_model

    from campaigns.models import Event

    anonymous = Client(HTTP_HOST=HOST)
    staff = Client(HTTP_HOST=HOST)
    admin = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
    staff.force_login(admin)
    result = {"events": Event.objects.count(), "public": {}, "admin": {}}
    with override_settings(WAGTAIL_CACHE=False):
        for name, url in public_urls().items():
            row = result["public"][name] = {
                "url": url,
                "ms": median_ms(anonymous, url, repeat),
                "queries": query_count(anonymous, url),
            }
            # The first render after a content change: no rendered fragment kept.
            with override_settings(FRAGMENT_CACHE=False):
                row["first render ms"] = median_ms(anonymous, url, repeat)
                row["first render queries"] = query_count(anonymous, url)
        for name, url in admin_urls().items():
            result["admin"][name] = {
                "url": url,
                "ms": median_ms(staff, url, max(3, repeat // 4)),
                "queries": query_count(staff, url),
            }
    bare = result["public"]["bare page"]["ms"]
    for row in result["public"].values():
        row["ratio to bare page"] = round(row["ms"] / bare, 2)
        row["first render ratio"] = round(row["first render ms"] / bare, 2)
    return result


# Under gunicorn


class Server:
    """gunicorn with the production settings, 2 workers, on a free port."""

    def __init__(self, static_root, page_cache, workdir):
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "jindu.settings.production",
            "STATIC_ROOT": str(static_root),
            "PAGE_CACHE": "1" if page_cache else "0",
            "CACHE_DIR": str(Path(workdir) / "cache"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "ERROR",
        }
        self.process = None

    def __enter__(self):
        self.process = start_gunicorn(self.env, self.port, cwd=ROOT)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{quote(path, safe='/?=&')}"

    def workers_rss_kb(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        total = 0
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        return total


def wrk(url, seconds):
    """Requests per second and latency percentiles from wrk (2 threads, 16 connections)."""
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)

    def percentile(label):
        value, unit = re.search(rf"\s{label}\s+([\d.]+)(us|ms|s)", output).groups()
        return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

    return {
        "requests per second": round(rate),
        "p50 ms": percentile("50%"),
        "p99 ms": percentile("99%"),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.read()


def measure_servers(urls, seconds, memory_requests):
    static_root = Path(settings.STATIC_ROOT)
    if not (static_root / "staticfiles.json").exists():
        raise RuntimeError(f"Run collectstatic first (STATIC_ROOT={static_root}).")
    result = {}
    # A static file of the same size as the home page, served by the same server (whitenoise
    # finds it when the server starts).
    with override_settings(WAGTAIL_CACHE=False):
        home = Client(HTTP_HOST=HOST).get(urls["home"]).content
    (static_root / "bench").mkdir(exist_ok=True)
    (static_root / "bench" / "page-sized.html").write_bytes(home)
    with tempfile.TemporaryDirectory(prefix="jindu-bench-") as workdir:
        with Server(static_root, page_cache=True, workdir=workdir) as server:
            if shutil.which("wrk") is None:
                result["skipped"] = "wrk not found (apt-get install wrk)"
            else:
                result["static file"] = wrk(server.url("/static/bench/page-sized.html"), seconds)
                for name in ("home", "article", "campaign"):
                    fetch(server.url(urls[name]))
                    result[f"cached {name}"] = wrk(server.url(urls[name]), seconds)
        with Server(static_root, page_cache=False, workdir=workdir) as server:
            if "skipped" not in result:
                result["uncached home"] = wrk(server.url(urls["home"]), seconds)
            result["memory"] = worker_memory(server, urls, memory_requests)
    static_rate = result.get("static file", {}).get("requests per second")
    if static_rate:
        for row in result.values():
            if isinstance(row, dict) and "requests per second" in row:
                row["share of static"] = round(row["requests per second"] / static_rate, 2)
    result["page bytes"] = len(home)
    return result


def worker_memory(server, urls, total):
    """Worker RSS (both workers) after 1,000 and after ``total`` uncached page views over
    every public page type."""
    paths = [url for name, url in urls.items() if name != "bare page"]
    checkpoints = {}
    done = 0
    with ThreadPoolExecutor(max_workers=4) as pool:
        for stop in (1000, total):
            list(pool.map(lambda n: fetch(server.url(paths[n % len(paths)])), range(done, stop)))
            done = stop
            checkpoints[stop] = server.workers_rss_kb()
    first, last = checkpoints[1000], checkpoints[total]
    return {
        "rss kb after 1000": first,
        f"rss kb after {total}": last,
        "growth": round((last - first) / first, 3),
    }


# The run


def database_label():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def targets(report):
    small, large = report["sizes"]
    rows = []
    for size in report["sizes"].values():
        for name, row in size["public"].items():
            if name in ("bare page", "search"):
                continue
            rows.append(
                (
                    f"render {name} ≤ {MAX_RENDER_RATIO}× bare page ({size['events']} events)",
                    row["ratio to bare page"] <= MAX_RENDER_RATIO,
                )
            )
    for name in report["sizes"][small]["public"]:
        small_row = report["sizes"][small]["public"][name]
        large_row = report["sizes"][large]["public"][name]
        few, many = small_row["first render queries"], large_row["first render queries"]
        rows.append(
            (
                f"{name}: ≤ {MAX_PUBLIC_QUERIES} queries, same at both sizes "
                f"(first render {few}, {many}; later {small_row['queries']}, "
                f"{large_row['queries']})",
                few == many
                and many <= MAX_PUBLIC_QUERIES
                and small_row["queries"] == large_row["queries"],
            )
        )
    for name in report["sizes"][small]["admin"]:
        few = report["sizes"][small]["admin"][name]["queries"]
        many = report["sizes"][large]["admin"][name]["queries"]
        rows.append((f"{name}: same queries at both sizes ({few}, {many})", few == many))
    for name, ratio in report["growth"].items():
        ms = report["sizes"][large]["admin"].get(name, report["sizes"][large]["public"].get(name))
        rows.append((f"{name}: large ≤ {MAX_GROWTH_RATIO}× small ({ratio}×)", ratio <= 3))
        if connection.vendor == "postgresql":
            rows.append((f"{name}: < {MAX_LARGE_MEDIAN_MS} ms at the large size", ms["ms"] < 500))
    servers = report.get("servers", {})
    for name in ("cached home", "cached article", "cached campaign"):
        if name in servers:
            share = servers[name]["share of static"]
            rows.append((f"{name} ≥ {MIN_CACHED_SHARE:.0%} of static ({share:.0%})", share >= 0.7))
    if "memory" in servers:
        growth = servers["memory"]["growth"]
        rows.append((f"worker memory grows < {MAX_MEMORY_GROWTH:.0%} ({growth:.1%})", growth < 0.1))
    return [{"target": text, "holds": holds} for text, holds in rows]


GROWTH_VIEWS = [
    "event listing",
    "dashboard",
    "report by month",
    "report by station",
    "coverage report",
    "stock levels",
    "search",
]


def run(*, sizes, articles, schools, repeat, seconds, memory_requests, stdout):
    label = database_label()
    report = {
        "database": label,
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
        "sizes": {},
    }
    stdout.write(f"Benchmarks on {label}")
    for events, article_count in zip(sizes, articles, strict=True):
        started = time.monotonic()
        call_command("generate_scale_data", events=events, articles=article_count, schools=schools)
        stdout.write(f"{events} events ready in {time.monotonic() - started:.0f} s; measuring")
        report["sizes"][str(events)] = measure_size(repeat)
    small, large = (report["sizes"][str(size)] for size in sizes)
    report["growth"] = {}
    for name in GROWTH_VIEWS:
        group = "public" if name == "search" else "admin"
        report["growth"][name] = round(large[group][name]["ms"] / small[group][name]["ms"], 2)
    stdout.write("Under gunicorn")
    report["servers"] = measure_servers(
        {name: row["url"] for name, row in large["public"].items()}, seconds, memory_requests
    )
    report["targets"] = targets(report)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    vendor = "postgresql" if connection.vendor == "postgresql" else "sqlite"
    path = RESULTS_DIR / f"{vendor}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    stdout.write(markdown(report))
    stdout.write(f"Written to {path.relative_to(ROOT)}")
    return report


def markdown(report):
    """The report as the Markdown tables docs/benchmarks.md shows."""
    sizes = list(report["sizes"])
    small, large = (report["sizes"][size] for size in sizes)
    lines = [f"### {report['database']} — {report['date']} ({report['machine']})", ""]
    for size in sizes:
        lines += [
            f"| public page ({size} events) | ms | × bare | queries "
            "| first render ms | × bare | queries |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, row in report["sizes"][size]["public"].items():
            lines.append(
                f"| {name} | {row['ms']} | {row['ratio to bare page']} | {row['queries']} "
                f"| {row['first render ms']} | {row['first render ratio']} "
                f"| {row['first render queries']} |"
            )
        lines.append("")
    lines += [
        f"| staff view | ms ({sizes[0]}) | queries | ms ({sizes[1]}) | queries | growth |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in small["admin"].items():
        big = large["admin"][name]
        growth = report["growth"].get(name, "")
        lines.append(
            f"| {name} | {row['ms']} | {row['queries']} | {big['ms']} | {big['queries']} "
            f"| {growth}{'×' if growth else ''} |"
        )
    lines.append(f"\nSearch grows {report['growth']['search']}× between the two sizes.")
    servers = report["servers"]
    if "skipped" in servers:
        lines.append(f"\nThroughput: skipped ({servers['skipped']}).")
    else:
        lines += [
            "",
            f"| gunicorn, 2 workers ({servers['page bytes']} bytes) | req/s | p50 ms | p99 ms | share of static |",
            "|---|---:|---:|---:|---:|",
        ]
        for name, row in servers.items():
            if isinstance(row, dict) and "requests per second" in row:
                lines.append(
                    f"| {name} | {row['requests per second']} | {row['p50 ms']} "
                    f"| {row['p99 ms']} | {row['share of static']:.0%} |"
                )
    memory = servers["memory"]
    kb = [value for key, value in memory.items() if key.startswith("rss")]
    lines.append(
        f"\nWorker memory (both workers): {kb[0] // 1024} MB after 1,000 requests, "
        f"{kb[1] // 1024} MB after the last; growth {memory['growth']:.1%}."
    )
    lines += ["", "| target | holds |", "|---|---|"]
    for row in report["targets"]:
        lines.append(f"| {row['target']} | {'yes' if row['holds'] else '**no**'} |")
    return "\n".join(lines) + "\n"
