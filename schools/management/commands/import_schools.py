from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schools.spreadsheets import UnreadableFile, import_schools


class Command(BaseCommand):
    help = (
        "Import schools from a CSV or XLSX file with the columns name, district, level, "
        "enrolment, address, contact, phone. Matched by name and district; re-importing "
        "updates. Bad rows are reported with their row number; good rows are imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        try:
            report = import_schools(path.name, content)
        except UnreadableFile as error:
            raise CommandError(f"{path}: {error}") from error
        for number, message in report.errors:
            self.stderr.write(self.style.ERROR(f"row {number}: {message}"))
        if report.errors:
            raise CommandError(report.summary)
        self.stdout.write(self.style.SUCCESS(report.summary))
