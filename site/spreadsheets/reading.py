"""Reading a spreadsheet file into rows of text: CSV (UTF-8 or GB18030/GBK) or the first
sheet of an XLSX workbook, at most SPREADSHEET_IMPORT_MAX_ROWS rows."""

import csv
import io

from django.conf import settings
from django.utils.translation import gettext as _

import openpyxl


def max_rows():
    return getattr(settings, "SPREADSHEET_IMPORT_MAX_ROWS", 50000)


class UnreadableFile(Exception):
    """The file as a whole cannot be imported; nothing was written. The message says why,
    in the uploader's language."""


def read_table(name, content):
    """(headings, [(row number, cells)]) of the file's first sheet; row 1 holds the headings."""
    lowered = (name or "").lower()
    if lowered.endswith(".xlsx"):
        rows = _xlsx_rows(content)
    elif lowered.endswith(".csv") or lowered.endswith(".txt"):
        rows = _csv_rows(content)
    else:
        raise UnreadableFile(_("Only .csv and .xlsx files can be imported."))
    rows = [[_text(cell) for cell in row] for row in rows]
    while rows and not any(rows[0]):
        rows.pop(0)
    if not rows:
        raise UnreadableFile(_("The file is empty."))
    if len(rows) - 1 > max_rows():
        raise UnreadableFile(
            _("The file has %(rows)s rows; at most %(max)s can be imported at once.")
            % {"rows": len(rows) - 1, "max": max_rows()}
        )
    return rows[0], list(enumerate(rows[1:], start=2))


def _csv_rows(content):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile(_("The CSV file is neither UTF-8 nor GB18030 (GBK) text."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;，")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _xlsx_rows(content):
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    return rows


def _text(cell):
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()
