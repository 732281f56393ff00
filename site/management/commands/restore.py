"""manage.py restore ARCHIVE --confirm: put back the database, media and private media of an
archive made by `manage.py backup`. Without --confirm it only says what it would replace."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jindu.backups import contents, restore


class Command(BaseCommand):
    help = "Restore the database, media and private media from a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--confirm",
            action="store_true",
            help="Replace the current database and files (stop the app servers first).",
        )

    def handle(self, *args, archive, confirm, **options):
        if not Path(archive).is_file():
            raise CommandError(f"No archive at {archive}.")
        held = contents(archive)
        if held["database"] is None:
            raise CommandError(f"{archive} is not a backup made by `manage.py backup`.")
        summary = (
            f"{archive} holds {held['database']}, {held['media']} media files and "
            f"{held['private-media']} private files."
        )
        if not confirm:
            raise CommandError(
                f"{summary} Restoring replaces the current database and files. Stop the app "
                "servers and the task worker, then run again with --confirm."
            )
        restore(archive)
        self.stdout.write(f"Restored. {summary}")
