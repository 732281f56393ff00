import os

from django.core.management.base import BaseCommand, CommandError

from jindu.pages.site_address import set_site_address


class Command(BaseCommand):
    help = (
        "Set the public address of the default site (canonical links, the sitemap, feeds), "
        "e.g. https://jindu.example.org; without an argument, from SITE_URL."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", default=os.environ.get("SITE_URL", ""))

    def handle(self, url, **options):
        if not url:
            raise CommandError("Give the site's address, or set SITE_URL.")
        try:
            root = set_site_address(url)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"The site's address is now {root}")
