from django.core.management.base import BaseCommand

from schools.reminders import send_renewal_reminders


class Command(BaseCommand):
    help = (
        "Email each station's managers the counsellor agreements that have reached "
        "'renewal due'. Run daily from a scheduler (cron); each agreement is reported once."
    )

    def handle(self, *args, **options):
        emails, reported = send_renewal_reminders()
        self.stdout.write(f"{emails} emails sent, {reported} agreements reported")
