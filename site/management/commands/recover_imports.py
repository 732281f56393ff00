"""manage.py recover_imports: spreadsheet jobs whose task worker died are taken up again once,
then marked failed with their file deleted (jindu.spreadsheets.tasks.recover_stalled). Run it
every few minutes from cron (docs/deploy.md)."""

from django.core.management.base import BaseCommand

from jindu.models import SpreadsheetImport
from jindu.spreadsheets.tasks import recover_stalled


class Command(BaseCommand):
    help = "Take up again, or mark failed, spreadsheet imports whose worker stopped."

    def handle(self, *args, **options):
        retried, failed = recover_stalled(SpreadsheetImport.objects.all())
        if options["verbosity"]:
            self.stdout.write(f"{retried} taken up again, {failed} marked failed.")
