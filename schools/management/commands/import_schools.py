from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jindu.spreadsheets.importer import check, summary, write
from jindu.spreadsheets.reading import UnreadableFile
from schools.spreadsheets import SchoolImporter


class Command(BaseCommand):
    help = (
        "Import schools from a CSV (UTF-8 or GB18030) or XLSX file whose first row names the "
        "columns (学校名称, 区, 学段, 在校学生数, 学校地址, 联系人, 联系电话 or their English "
        "names). Matched by name and district; only the file's columns are written; rows with "
        "problems are listed by number and the others imported, in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--check",
            action="store_true",
            dest="only_check",
            help="Only say what the import would do.",
        )
        parser.add_argument(
            "--empty-cells-clear",
            action="store_true",
            help="An empty cell empties the field (by default it changes nothing).",
        )

    def handle(self, *args, file, only_check, empty_cells_clear, **options):
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        importer = SchoolImporter()
        try:
            result = check(importer, None, path.name, content, empty_cells_clear)
        except UnreadableFile as error:
            raise CommandError(f"{path}: {error}") from error
        if result.unrecognised:
            self.stderr.write(f"columns not recognised: {', '.join(result.unrecognised)}")
        for number, problem in result.problems:
            self.stderr.write(self.style.ERROR(f"row {number}: {problem}"))
        if not only_check:
            write(importer, result)
        counts = result.as_outcome()["counts"]
        if result.problems:
            raise CommandError(summary(counts))
        self.stdout.write(self.style.SUCCESS(summary(counts)))
