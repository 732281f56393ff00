from django.core.management.base import BaseCommand, CommandError

from jindu.articles_import import import_paths


class Command(BaseCommand):
    help = (
        "Import articles from Markdown or plain-text files with YAML front matter "
        "(title, slug, date, section, tags, audience, language, translation_of, source). "
        "Folders are searched for .md, .markdown and .txt files. Re-importing updates the "
        "page; it never makes a duplicate."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument("--publish", action="store_true", help="publish (default: drafts)")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen, change nothing"
        )

    def handle(self, *args, paths, publish, dry_run, **options):
        report = import_paths(paths, publish=publish, dry_run=dry_run)
        prefix = "[dry run] " if dry_run else ""
        for result in report.results:
            self.stdout.write(f"{prefix}{result.action}: {result.path} → {result.page.title}")
        for path, reason in report.failures:
            self.stderr.write(self.style.ERROR(f"failed: {path}: {reason}"))
        summary = (
            f"{prefix}{report.count('created')} created, {report.count('updated')} updated, "
            f"{report.count('unchanged')} unchanged, {len(report.failures)} failed"
        )
        if report.failures:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
