"""`make bench` runs ``python -m tests.bench`` with the production settings on a database
of its own (see the Makefile and docs/benchmarks.md). It adds data to that database."""

import argparse
import os
import sys


def sizes(value):
    numbers = [int(part) for part in value.split(",")]
    if len(numbers) != 2 or not 0 < numbers[0] < numbers[1]:
        raise argparse.ArgumentTypeError(f"two increasing sizes, e.g. 2000,20000: {value}")
    return numbers


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make bench BENCH_ARGS=…", description=__doc__)
    parser.add_argument("--events", type=sizes, default=[20000, 200000])
    parser.add_argument("--articles", type=sizes, default=[500, 5000], help="per language")
    parser.add_argument("--schools", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30, help="renders per page")
    parser.add_argument("--seconds", type=int, default=10, help="wrk run length")
    parser.add_argument("--mix-seconds", type=int, default=60, help="the June 26 mix")
    parser.add_argument("--requests", type=int, default=10000, help="before reading memory")
    parser.add_argument("--import-rows", type=int, default=20000, help="spreadsheet import")
    parser.add_argument(
        "--only",
        choices=["imports", "search", "serving"],
        help="only this part (printed, not written to docs); serving runs on the demo data",
    )
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jindu.settings.production")
    if options.only == "search":
        # The search itself, not the page cache's copy of its answer.
        os.environ["PAGE_CACHE"] = "0"
    import django

    django.setup()
    from tests.bench import imports, pages, search

    if options.only == "imports":
        print(imports.markdown(imports.run(options.import_rows)))
        return 0
    if options.only == "search":
        print(search.markdown(search.run(options.articles)))
        return 0
    if options.only == "serving":
        print(pages.serving_only(options, stdout=Output()))
        return 0
    pages.run(
        import_rows=options.import_rows,
        sizes=options.events,
        articles=options.articles,
        schools=options.schools,
        repeat=options.repeat,
        seconds=options.seconds,
        mix_seconds=options.mix_seconds,
        memory_requests=options.requests,
        stdout=Output(),
    )


class Output:
    def write(self, text):
        print(text, flush=True)


if __name__ == "__main__":
    sys.exit(main())
