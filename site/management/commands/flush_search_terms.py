from django.core.management.base import BaseCommand

from jindu.search import terms as search_terms


class Command(BaseCommand):
    help = (
        "Move the days before today's search counts into the daily counts editors see, and "
        "delete those older than SEARCH_TERMS_RETENTION_DAYS (run daily, from cron)."
    )

    def handle(self, **options):
        moved, deleted = search_terms.flush()
        self.stdout.write(f"{moved} search terms counted, {deleted} old counts and terms deleted.")
