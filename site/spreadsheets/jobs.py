"""The two steps of an import as a job (jindu.models.SpreadsheetImport), run by the task
worker (jindu.spreadsheets.tasks): check, then import; the file is dropped once used,
cancelled or failed. A worker killed in the middle (a deploy, the machine's memory) leaves
a job whose heartbeat stops: it is taken up again once, then marked failed, so no job says
"importing" forever and no file with contacts stays behind."""

import logging

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jindu.spreadsheets.importer import check, importer_for, write
from jindu.spreadsheets.reading import UnreadableFile

logger = logging.getLogger(__name__)


def run_check(job):
    Status = type(job).Status
    importer = importer_for(job.kind)
    with translation.override(job.language):

        def progress(done, total):
            type(job).objects.filter(pk=job.pk).update(
                rows_checked=done, rows_total=total, heartbeat_at=timezone.now()
            )

        try:
            result = check(
                importer,
                job.user,
                job.file_name,
                bytes(job.content),
                job.empty_cells_clear,
                progress,
            )
        except UnreadableFile as error:
            _finish(job, Status.FAILED, failure=str(error))
            return
        except Exception:
            logger.exception("Checking spreadsheet import %s failed", job.pk)
            _finish(
                job,
                Status.FAILED,
                failure=_(
                    "The file could not be checked because of an error on the server. Nothing was imported."
                ),
            )
            return
        # Unless the uploader cancelled it meanwhile.
        type(job).objects.filter(pk=job.pk, status=Status.CHECKING).update(
            outcome=result.as_outcome(),
            rows_total=len(result.rows),
            rows_checked=len(result.rows),
            status=Status.READY,
        )


def run_import(job):
    """Import a checked job; only one of concurrent confirmations gets to."""
    Status = type(job).Status
    claimed = (
        type(job)
        .objects.filter(pk=job.pk, status=Status.IMPORTING)
        .update(heartbeat_at=timezone.now())
    )
    if not claimed:
        return
    importer = importer_for(job.kind)
    with translation.override(job.language):
        try:
            result = check(
                importer, job.user, job.file_name, bytes(job.content), job.empty_cells_clear
            )
            write(importer, result)
        except UnreadableFile as error:
            _finish(job, Status.FAILED, failure=str(error))
            return
        except Exception:
            logger.exception("Spreadsheet import %s failed; nothing was written", job.pk)
            _finish(
                job,
                Status.FAILED,
                failure=_(
                    "An error on the server stopped the import. Nothing was imported: the database is as it was."
                ),
            )
            return
        _finish(job, Status.DONE, outcome=result.as_outcome())


def _finish(job, status, failure="", outcome=None):
    job.status, job.failure, job.finished_at = status, failure, timezone.now()
    fields = ["status", "failure", "finished_at"]
    if outcome is not None:
        job.outcome = outcome
        fields.append("outcome")
    if status in (type(job).Status.DONE, type(job).Status.FAILED):
        # The file held private details (contact people, phones): not kept once used.
        job.content = b""
        fields.append("content")
    job.save(update_fields=fields)
