import datetime

from django.core.management.base import BaseCommand, CommandError

from campaigns.reports.monthly import send_monthly_reports


class Command(BaseCommand):
    help = (
        "Email each station's managers the monthly report to the district office (XLSX) for "
        "the month before this one, or for --month YYYY-MM. Run on the 1st of each month."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM; the month before this one by default")

    def handle(self, *args, month=None, **options):
        chosen = None
        if month:
            try:
                chosen = datetime.datetime.strptime(month, "%Y-%m").date()
            except ValueError as error:
                raise CommandError("--month takes the form YYYY-MM, e.g. 2027-06") from error
        sent = send_monthly_reports(chosen)
        self.stdout.write(f"{sent} emails sent")
