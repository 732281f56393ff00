"""The admin screens of a spreadsheet import (jindu.spreadsheets.importer): upload, the check's
progress and preview, confirm or cancel, the report. A job is its uploader's alone."""

import csv
import io

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from jindu.models import SpreadsheetImport
from jindu.spreadsheets.exports import BOM, neutralised
from jindu.spreadsheets.importer import importer_for, summary
from jindu.spreadsheets.tasks import check_spreadsheet, import_spreadsheet, recover_stalled

Status = SpreadsheetImport.Status
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Jobs (and any file left in them) older than this are deleted when their uploader uploads.
KEEP_DAYS = 30


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "CSV (UTF-8 or GB18030/GBK) or XLSX; the first row names the columns."
        ),
    )
    empty_cells_clear = forms.BooleanField(
        label=gettext_lazy("Empty cells clear the field"),
        help_text=gettext_lazy(
            "Off: an empty cell leaves what is recorded unchanged. On: an empty cell in a "
            "column of the file empties that field."
        ),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; at most %(max)s can be imported.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Only .csv and .xlsx files can be imported."))
        return upload


def _importer_or_404(kind, user):
    importer = importer_for(kind)
    if importer is None:
        raise Http404
    if not importer.may_import(user):
        raise PermissionDenied
    return importer


def _job_or_404(request, pk):
    job = get_object_or_404(SpreadsheetImport, pk=pk)
    if job.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    return job


def _listing_url(importer):
    meta = importer.model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")


def _breadcrumbs(importer):
    return [
        {
            "url": _listing_url(importer),
            "label": force_str(importer.model._meta.verbose_name_plural).capitalize(),
        },
        {"url": "", "label": _("Import")},
    ]


def upload(request, kind):
    importer = _importer_or_404(kind, request.user)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            SpreadsheetImport.objects.filter(
                user=request.user,
                created_at__lt=timezone.now() - timezone.timedelta(days=KEEP_DAYS),
            ).delete()
            job = SpreadsheetImport.objects.create(
                kind=kind,
                user=request.user,
                file_name=form.cleaned_data["file"].name[:255],
                content=form.cleaned_data["file"].read(),
                empty_cells_clear=form.cleaned_data["empty_cells_clear"],
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
            transaction.on_commit(lambda: check_spreadsheet.enqueue(job.pk))
            return redirect("jindu_import_job", job.pk)
    else:
        form = UploadForm()
    title = _("Import %(records)s") % {"records": importer.label}
    return TemplateResponse(
        request,
        "jindu/admin/import_upload.html",
        {
            "form": form,
            "importer": importer,
            "columns": importer.columns,
            "page_title": title,
            "header_title": title,
            "header_icon": "upload",
            "breadcrumbs_items": _breadcrumbs(importer),
            "recent": SpreadsheetImport.objects.filter(user=request.user, kind=kind)[:5],
        },
    )


def job_view(request, pk):
    job = _job_or_404(request, pk)
    # The uploader waiting on a job whose worker died need not wait for the scheduled
    # recovery.
    if job.in_progress and recover_stalled(SpreadsheetImport.objects.filter(pk=job.pk)) != (0, 0):
        job.refresh_from_db()
    importer = importer_for(job.kind)
    if importer is None:
        raise Http404
    counts = job.outcome.get("counts", {})
    problems = job.outcome.get("problems", [])
    title = _("Import %(records)s") % {"records": importer.label}
    return TemplateResponse(
        request,
        "jindu/admin/import_job.html",
        {
            "job": job,
            "importer": importer,
            "counts": counts,
            "summary": summary(counts) if counts else "",
            "problems": problems[:200],
            "problems_left_out": max(0, len(problems) - 200),
            "recognised": job.outcome.get("recognised", []),
            "unrecognised": job.outcome.get("unrecognised", []),
            "will_write": counts.get("created", 0) + counts.get("updated", 0),
            "listing_url": _listing_url(importer),
            "page_title": title,
            "header_title": title,
            "header_icon": "upload",
            "breadcrumbs_items": _breadcrumbs(importer),
        },
    )


@require_POST
def confirm(request, pk):
    job = _job_or_404(request, pk)
    _importer_or_404(job.kind, request.user)
    # Only one confirmation (a double click, two tabs) starts the import.
    claimed = SpreadsheetImport.objects.filter(pk=job.pk, status=Status.READY).update(
        status=Status.IMPORTING
    )
    if claimed:
        transaction.on_commit(lambda: import_spreadsheet.enqueue(job.pk))
    else:
        messages.warning(request, _("This file is no longer waiting to be imported."))
    return redirect("jindu_import_job", job.pk)


@require_POST
def cancel(request, pk):
    job = _job_or_404(request, pk)
    cancelled = SpreadsheetImport.objects.filter(
        pk=job.pk, status__in=[Status.CHECKING, Status.READY]
    ).update(status=Status.CANCELLED, content=b"", finished_at=timezone.now())
    if cancelled:
        messages.success(request, _("The import was cancelled; nothing was imported."))
    return redirect("jindu_import_upload", job.kind)


def report(request, pk):
    """Every row with a problem, by number, as CSV (with a BOM, for Excel)."""
    job = _job_or_404(request, pk)
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow([_("Row"), _("Problem")])
    for number, problem in job.outcome.get("problems", []):
        writer.writerow([number, neutralised(problem)])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-problems.csv"'
    return response


def sample(request, kind):
    """A file with the headings in the reader's language and an example row."""
    importer = _importer_or_404(kind, request.user)
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow([force_str(column.label) for column in importer.columns])
    # The example rows in the reader's language: names of the demo's stations and schools,
    # so the file imports into the demo as it is.
    language = (translation.get_language() or "zh-hans").split("-")[0]
    for row in importer.sample_rows.get(language, importer.sample_rows.get("zh", ())):
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}-sample-{language}.csv"'
    return response
