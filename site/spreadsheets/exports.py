"""Spreadsheet exports as Chinese offices open them (Wagtail's SpreadsheetExportMixin, the
public mixin every admin listing and report exports through, adjusted in one place):

- CSV starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as GBK and shows
  mojibake; ``?encoding=gb18030`` gives the GB18030 file older systems ask for;
- times in the reader's time zone (Wagtail writes UTC), dates as dates;
- labels, not codes: the display value of every choice, 是/否 for yes and no, nothing for
  nothing; headings in the reader's language, as the listing's columns or the fields
  name them;
- text that a spreadsheet would run as a formula (a leading ``=``, ``+``, ``-``, ``@``, tab
  or carriage return) is prefixed with an apostrophe in CSV (OWASP's advice); XLSX stores
  it as text, which Wagtail already does.
"""

import datetime
import re
from functools import cached_property

from django.core.exceptions import FieldDoesNotExist
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.admin.widgets import Button

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_ENCODINGS = {"utf-8": "utf-8", "gb18030": "gb18030"}
BOM = "\ufeff"


def neutralised(text):
    """``text`` as a spreadsheet shows it and never runs it."""
    if text and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def model_field(model, path):
    """The model field a dotted ``list_export`` path ends on, and the fields on the way;
    (None, fields) for a method or property."""
    fields = []
    for part in path.split("."):
        if model is None:
            return None, fields
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None, fields
        fields.append(field)
        model = field.related_model if field.is_relation else None
    return fields[-1], fields


def readable(value):
    """A value as staff read it in the admin (inspect views, columns): local times, 是/否,
    a dash for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "Y-m-d H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "Y-m-d")
    return value


def export_value(value, spreadsheet_format):
    """``value`` as a cell: as ``readable`` shows it, but nothing for None, and in XLSX real
    dates and times (local, as Excel has no time zones); CSV text neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime.date) and spreadsheet_format == "xlsx":
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value).replace(tzinfo=None)
        return value
    if isinstance(value, bool | datetime.date):
        return readable(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        value = ", ".join(force_str(item) for item in value)
    text = force_str(value)
    return neutralised(text) if spreadsheet_format == "csv" else text


UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s·]+')
UNSAFE_IN_SHEET_NAMES = re.compile(r"[\\/*?:\[\]]")


class LocalExportMixin:
    """Mixed in before Wagtail's SpreadsheetExportMixin (see the module docstring)."""

    @cached_property
    def choice_labels(self):
        """{list_export path: {code: label}} for the paths that end on a field with choices,
        worked out once per export rather than once per row."""
        labels = {}
        for path in self.list_export:
            field, _fields = model_field(self.model, path)
            if field is not None and field.choices:
                labels[path] = dict(field.flatchoices)
        return labels

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for path, labels in self.choice_labels.items():
            if row.get(path) is not None:
                row[path] = labels.get(row[path], row[path])
        return row

    def preprocess_field_value(self, field, value, export_format):
        if field in self.custom_field_preprocess:
            return super().preprocess_field_value(field, value, export_format)
        return export_value(value, export_format)

    def get_heading(self, queryset, field):
        if self.export_headings.get(field):
            return force_str(self.export_headings[field])
        for column in getattr(self, "columns", None) or ():
            if getattr(column, "name", None) == field and getattr(column, "label", None):
                return force_str(column.label)
        model = getattr(queryset, "model", None)
        if model is None:
            return force_str(field)
        final, fields = model_field(model, field)
        if not fields:
            return super().get_heading(queryset, field)
        names = [force_str(part.verbose_name) for part in fields if hasattr(part, "verbose_name")]
        if final is not None and final.name in ("name", "title") and len(names) > 1:
            names = names[:-1]  # "station.name" reads as the station
        if final is None:
            names.append(force_str(field.rsplit(".", 1)[-1]))
        return capfirst(" ".join(names))

    def what_it_holds(self):
        """The listing's or report's title in the reader's language (活动, 学校覆盖情况)."""
        title = getattr(self, "page_title", "") or getattr(self, "header_title", "")
        model = getattr(self, "model", None)
        if not title and model is not None:
            title = model._meta.verbose_name_plural
        return force_str(title) or super().get_filename()

    def get_filename(self):
        """What and when: 活动_2026-12-08, never an English code name."""
        what = UNSAFE_IN_FILE_NAMES.sub("_", self.what_it_holds()).strip("_")
        return f"{what}_{timezone.localdate():%Y-%m-%d}"

    def write_xlsx(self, queryset, output):
        """Wagtail's, with the sheet named for what it holds instead of "Sheet1"."""
        from wagtail.admin.views.mixins import ExcelDateFormatter

        from openpyxl import Workbook

        workbook = Workbook(write_only=True, iso_dates=True)
        title = UNSAFE_IN_SHEET_NAMES.sub(" ", self.what_it_holds())[:31] or "Sheet1"
        worksheet = workbook.create_sheet(title=title)
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
        workbook.save(output)

    @property
    def csv_encoding(self):
        return CSV_ENCODINGS.get(self.request.GET.get("encoding"), "utf-8")

    def stream_csv(self, queryset):
        if self.csv_encoding == "utf-8":
            yield BOM
        # Wagtail's rows come encoded as UTF-8; as text, the response encodes them in the
        # encoding asked for.
        for row in super().stream_csv(queryset):
            yield row.decode("utf-8") if isinstance(row, bytes) else row

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type=f"text/csv; charset={self.csv_encoding}"
        )
        suffix = "-gb18030" if self.csv_encoding == "gb18030" else ""
        # A Chinese name goes in filename* (RFC 6266), which every browser reads.
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.get_filename()}{suffix}.csv"
        )
        return response

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.show_export_buttons:
            buttons.append(
                Button(
                    _("Download CSV (GB18030)"),
                    url=self.get_export_url("csv") + "&encoding=gb18030",
                    icon_name="download",
                    priority=110,
                )
            )
        return buttons
