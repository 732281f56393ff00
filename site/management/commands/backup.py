"""manage.py backup: the database, media and private media in one archive in BACKUP_DIR,
keeping the newest BACKUP_KEEP (jindu.backups; the schedule is in docs/deploy.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from jindu.backups import contents, make_backup


class Command(BaseCommand):
    help = "Back up the database, media and private media into one archive."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=settings.BACKUP_DIR)
        parser.add_argument("--keep", type=int, default=settings.BACKUP_KEEP)

    def handle(self, *args, folder, keep, **options):
        path = make_backup(folder, max(keep, 1))
        held = contents(path)
        self.stdout.write(
            f"{path} ({held['database']}, {held['media']} media files, "
            f"{held['private-media']} private files)"
        )
