"""Reading a spreadsheet file into rows of text: CSV (UTF-8, GB18030/GBK, Big5 or a Western
code page, told apart by charset-normalizer) or the first sheet of an XLSX workbook, at most
SPREADSHEET_IMPORT_MAX_ROWS rows. Rows are read one at a time and reading stops at the cap,
and a workbook that would unpack to far more than it weighs is refused before anything is
read from it (a 4 MB file can hold gigabytes of cells)."""

import csv
import io
import itertools
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

import openpyxl
from charset_normalizer import from_bytes

# A workbook's XML is typically 5–20 times its zipped size; refuse above these.
MAX_UNPACKED_RATIO = 100
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# The encodings a CSV other than UTF-8 is tried in: the Chinese offices' GB18030 (GBK) and
# Big5, and the Western code page Excel writes elsewhere.
LEGACY_ENCODINGS = ["gb18030", "big5", "cp1252"]


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
    rows = list(itertools.islice(rows, max_rows() + 2))
    rows = [[_text(cell) for cell in row] for row in rows]
    while rows and not any(rows[0]):
        rows.pop(0)
    if not rows:
        raise UnreadableFile(_("The file is empty."))
    if len(rows) - 1 > max_rows():
        raise UnreadableFile(
            _("The file has more than %(max)s rows; at most %(max)s can be imported at once.")
            % {"max": max_rows()}
        )
    return rows[0], list(enumerate(rows[1:], start=2))


def _csv_rows(content):
    text = _decoded(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;，")
    except csv.Error:
        dialect = csv.excel
    # newline="": a row may end in \r\n, \n or a lone \r (old Mac Excel).
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        yield from reader
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV file cannot be read near row %(row)s: %(problem)s")
            % {"row": reader.line_num, "problem": error}
        ) from error


def _decoded(content):
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = content.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    # Almost any bytes decode as GB18030; mainland text keeps to GB2312's characters
    # (a rare one in a name is fine), where Big5 read as GB18030 does not.
    if text is not None and _reads_as_simplified_chinese(text):
        return text
    best = from_bytes(content, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise UnreadableFile(
            _(
                "The CSV file's text encoding cannot be recognised. Save it from Excel or WPS "
                "as “CSV UTF-8” and upload it again."
            )
        )
    return str(best)


def _reads_as_simplified_chinese(text):
    han = [c for c in text if "\u3040" <= c <= "\u9fff" or "\ue000" <= c <= "\uf8ff"]
    if not han:
        return not any("\x80" <= c <= "\uffff" for c in text)
    rare = 0
    for character in han:
        try:
            character.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare <= len(han) // 10


def _xlsx_rows(content):
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as error:
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_UNPACKED_RATIO * max(len(content), 1):
        raise UnreadableFile(
            _(
                "The workbook unpacks to %(size)s MB, too much for an import. Keep only the "
                "sheet to import, or save it as CSV."
            )
            % {"size": unpacked // (1024 * 1024)}
        )
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    try:
        # One row at a time: read_table stops reading at the row cap.
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    except Exception as error:  # noqa: BLE001
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    finally:
        workbook.close()


def _text(cell):
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()
