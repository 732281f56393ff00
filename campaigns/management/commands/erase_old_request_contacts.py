from django.core.management.base import BaseCommand

from campaigns.public.retention import erase_old_request_contacts


class Command(BaseCommand):
    help = (
        "Erase the names and phone numbers of school talk requesters older than "
        "TALK_REQUEST_RETENTION_DAYS. Run daily from a scheduler (cron)."
    )

    def handle(self, *args, **options):
        erased = erase_old_request_contacts()
        self.stdout.write(f"{erased} requests had their contact details erased")
