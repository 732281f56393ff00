"""Search latency at two sizes of the site (issue 19): readers' queries — questions,
traditional characters, slang, pinyin, a typo, a place — against 500 and 5,000 articles in
each language, through the whole stack (test client, production settings, page cache off).
`make bench BENCH_ARGS="--only search"`; the figures go into docs/benchmarks.md by hand."""

import statistics
import time

from django.core.management import call_command
from django.db import connection
from django.test import Client

QUERIES = [
    ("", "毒品"),
    ("", "孩子吸毒怎么办"),
    ("", "什么是冰毒"),
    ("", "戒毒康復"),
    ("", "溜冰"),
    ("", "dupin"),
    ("", "闵行"),
    ("/en", "what is cannabis"),
    ("/en", "herion"),
    ("/en", "drugs in snacks"),
]
TARGET_MS = 50
MAX_GROWTH = 3


def measure(repeat):
    client = Client(HTTP_HOST="localhost")
    rows = {}
    for prefix, query in QUERIES:
        url = f"{prefix}/search/"
        for _ in range(2):  # warm: the vocabulary and synonyms are kept between requests
            client.get(url, {"q": query})
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url, {"q": query})
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (query, response.status_code)
        rows[f"{prefix or 'zh'} {query}"] = round(statistics.median(times), 2)
    return rows


def run(articles, repeat=15):
    report = {"database": connection.vendor, "sizes": {}}
    for count in articles:
        call_command("generate_scale_data", events=2000, articles=count, schools=200, verbosity=0)
        call_command("update_index", verbosity=0)  # titles in pinyin, the dictionary's words
        rows = measure(repeat)
        report["sizes"][count] = {
            "queries": rows,
            "median": round(statistics.median(rows.values()), 2),
        }
    small, large = (report["sizes"][count]["median"] for count in articles)
    report["growth"] = round(large / small, 2)
    report["holds"] = {
        f"median under {TARGET_MS} ms at {articles[1]} articles a language": large < TARGET_MS,
        f"≤ {MAX_GROWTH}× the {articles[0]}-article time": report["growth"] <= MAX_GROWTH,
    }
    return report


def markdown(report):
    sizes = list(report["sizes"])
    lines = [
        f"| query ({report['database']}) | "
        + " | ".join(f"ms at {s} articles" for s in sizes)
        + " |",
        "|---|" + "---:|" * len(sizes),
    ]
    for name in report["sizes"][sizes[0]]["queries"]:
        cells = " | ".join(str(report["sizes"][s]["queries"][name]) for s in sizes)
        lines.append(f"| {name} | {cells} |")
    lines.append(
        "| **median** | " + " | ".join(str(report["sizes"][s]["median"]) for s in sizes) + " |"
    )
    lines.append(
        f"\nGrowth {report['growth']}×. "
        + "; ".join(
            f"{target}: {'yes' if holds else 'no'}" for target, holds in report["holds"].items()
        )
    )
    return "\n".join(lines)
