"""manage.py bench: see jindu/benchmarks.py and docs/benchmarks.md. Run it through
`make bench`, which uses the production settings and a database of its own."""

from django.core.management.base import BaseCommand, CommandError

from jindu import benchmarks


def sizes(value):
    numbers = [int(part) for part in value.split(",")]
    if len(numbers) != 2 or not 0 < numbers[0] < numbers[1]:
        raise ValueError(value)
    return numbers


class Command(BaseCommand):
    help = (
        "Generate scale data at two sizes and measure pages, admin views and the production "
        "server; writes docs/benchmarks/<database>.json. Adds data to the configured database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=sizes, default=[20000, 200000])
        parser.add_argument("--articles", type=sizes, default=[500, 5000], help="per language")
        parser.add_argument("--schools", type=int, default=2000)
        parser.add_argument("--repeat", type=int, default=30, help="renders per page")
        parser.add_argument("--seconds", type=int, default=10, help="wrk run length")
        parser.add_argument("--requests", type=int, default=10000, help="for worker memory")

    def handle(self, *args, **options):
        if options["requests"] <= 1000:
            raise CommandError("--requests must be more than 1000")
        benchmarks.run(
            sizes=options["events"],
            articles=options["articles"],
            schools=options["schools"],
            repeat=options["repeat"],
            seconds=options["seconds"],
            memory_requests=options["requests"],
            stdout=self.stdout,
        )
