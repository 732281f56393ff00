from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SpreadsheetImport(models.Model):
    """One spreadsheet on its way in: uploaded, read and checked in the background (the
    preview), then written on the uploader's confirmation, in one transaction, also in the
    background (jindu.spreadsheets.importer). The file is kept only until it is imported or
    cancelled; the report stays for its uploader."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("Checking the file")
        READY = "ready", _("Ready to import")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=40)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=255)
    content = models.BinaryField(editable=False)
    empty_cells_clear = models.BooleanField(_("empty cells clear the field"), default=False)
    language = models.CharField(max_length=10, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CHECKING
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    # {"recognised": [[heading, label]], "unrecognised": [heading], "counts": {...},
    #  "problems": [[row, message]]}: what the preview shows and, once imported, the report.
    outcome = models.JSONField(default=dict, blank=True)
    failure = models.TextField(_("why it was not imported"), blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # When a task worker last showed it was working on the job, and how many workers took
    # it: a job whose worker died is taken up again once, then marked failed
    # (jindu.spreadsheets.jobs.recover_stalled).
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name

    @property
    def in_progress(self):
        return self.status in (self.Status.CHECKING, self.Status.IMPORTING)
