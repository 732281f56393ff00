"""Background work of the project package: the two steps of a spreadsheet import, and
taking up again the jobs whose worker died."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

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


def stalled_before(now=None):
    return (now or timezone.now()) - datetime.timedelta(
        seconds=settings.SPREADSHEET_IMPORT_STALLED_SECONDS
    )


def recover_stalled(jobs, now=None):
    """Jobs of ``jobs`` whose worker stopped showing signs of life: checked or imported
    again by a new worker the first time (the check writes nothing and the import is one
    transaction, so a killed worker left nothing half-done), marked failed the second.
    Returns how many were taken up again and how many failed."""
    Model = jobs.model
    Status = Model.Status
    now = now or timezone.now()
    retried = failed = 0
    for job in jobs.filter(status__in=[Status.CHECKING, Status.IMPORTING]):
        if (job.heartbeat_at or job.created_at) > stalled_before(now):
            continue
        unchanged = Model.objects.filter(pk=job.pk, status=job.status, attempts=job.attempts)
        if job.attempts < 1:
            if unchanged.update(attempts=job.attempts + 1, heartbeat_at=now):
                task = check_spreadsheet if job.status == Status.CHECKING else import_spreadsheet
                task.enqueue(job.pk)
                retried += 1
        elif unchanged.update(
            status=Status.FAILED,
            content=b"",
            finished_at=now,
            failure=_(
                "The server stopped twice while working on this file. Nothing was imported "
                "and the file was deleted. Upload it again, or split it into smaller files."
            ),
        ):
            failed += 1
    return retried, failed
