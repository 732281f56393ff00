"""Background work of the project package."""

from django_tasks import task


@task()
def check_spreadsheet(job_id):
    """Step one of a spreadsheet import: read and check the file (the preview)."""
    from jindu.models import SpreadsheetImport
    from jindu.spreadsheets.jobs import run_check

    job = SpreadsheetImport.objects.filter(
        pk=job_id, status=SpreadsheetImport.Status.CHECKING
    ).first()
    if job is not None:
        run_check(job)


@task()
def import_spreadsheet(job_id):
    """Step two, once confirmed: write the checked rows in one transaction."""
    from jindu.models import SpreadsheetImport
    from jindu.spreadsheets.jobs import run_import

    job = SpreadsheetImport.objects.filter(pk=job_id).first()
    if job is not None:
        run_import(job)
