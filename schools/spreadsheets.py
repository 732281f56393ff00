"""Importing the schools lists agencies already keep in spreadsheets (CSV or XLSX).

Rows are matched by (name, district): a second import updates, never duplicates. Every bad
row is reported with its row number and the good rows are imported; a file that cannot be
read at all changes nothing."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

import openpyxl

from jindu.choices import SchoolLevel
from jindu.localization import default_locale
from schools.models import District, School

COLUMNS = ["name", "district", "level", "enrolment", "address", "contact", "phone"]
REQUIRED = ["name", "district", "level"]
# Column headings staff actually use, in either language.
HEADINGS = {
    "name": "name",
    "学校": "name",
    "学校名称": "name",
    "名称": "name",
    "district": "district",
    "区": "district",
    "区县": "district",
    "所在区": "district",
    "level": "level",
    "类型": "level",
    "学段": "level",
    "学校类型": "level",
    "enrolment": "enrolment",
    "enrollment": "enrolment",
    "学生数": "enrolment",
    "在校生": "enrolment",
    "address": "address",
    "地址": "address",
    "contact": "contact",
    "联系人": "contact",
    "phone": "phone",
    "电话": "phone",
    "联系电话": "phone",
}
LEVEL_NAMES = {
    "小学": SchoolLevel.PRIMARY,
    "初中": SchoolLevel.JUNIOR,
    "高中": SchoolLevel.SENIOR,
    "职业学校": SchoolLevel.VOCATIONAL,
    "职校": SchoolLevel.VOCATIONAL,
    "中职": SchoolLevel.VOCATIONAL,
    "高校": SchoolLevel.UNIVERSITY,
    "大学": SchoolLevel.UNIVERSITY,
}
MAX_ROWS = 20000


class UnreadableFile(Exception):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class SchoolImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (row number, message)

    @property
    def summary(self):
        return _(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(failed)s rows with errors"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": len(self.errors),
        }


def read_rows(name, content):
    """(row number, {column: text}) for every data row; the first row holds the headings."""
    lowered = (name or "").lower()
    if lowered.endswith(".xlsx"):
        rows = _xlsx_rows(content)
    elif lowered.endswith(".csv"):
        rows = _csv_rows(content)
    else:
        raise UnreadableFile(_("Only .csv and .xlsx files can be imported."))
    try:
        headings = next(rows)
    except StopIteration as error:
        raise UnreadableFile(_("The file is empty.")) from error
    columns = [
        HEADINGS.get(str(h or "").strip().lower(), HEADINGS.get(str(h or "").strip()))
        for h in headings
    ]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise UnreadableFile(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise UnreadableFile(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
        record = {}
        for column, value in zip(columns, values, strict=False):
            if column:
                record[column] = "" if value is None else str(value).strip()
        if any(record.values()):
            yield number, record


def _csv_rows(content):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile(_("The CSV file is neither UTF-8 nor GB18030 text."))
    yield from csv.reader(io.StringIO(text))


def _xlsx_rows(content):
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(values_only=True):
        yield [_cell(value) for value in row]
    workbook.close()


def _cell(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _district_lookup():
    lookup = {}
    for district in District.objects.filter(locale=default_locale()):
        lookup[district.name] = district
        lookup[district.code.lower()] = district
        # "浦东新区" and "浦东" both name Pudong.
        for suffix in ("新区", "区", "县"):
            if district.name.endswith(suffix):
                lookup[district.name[: -len(suffix)]] = district
    return lookup


def _level(text):
    text = text.strip()
    if text.lower() in SchoolLevel.values:
        return text.lower()
    for label, value in LEVEL_NAMES.items():
        if text == label:
            return value
    for value, label in SchoolLevel.choices:
        if text.lower() == str(label).lower():
            return value
    return None


def import_schools(name, content):
    """Import a spreadsheet's rows. Raises UnreadableFile (nothing imported) when the file
    itself cannot be read."""
    rows = list(read_rows(name, content))  # read everything before writing anything
    districts = _district_lookup()
    report = SchoolImportReport()
    for number, record in rows:
        try:
            with transaction.atomic():
                outcome = _import_row(record, districts)
        except ValidationError as error:
            messages = "; ".join(
                f"{field}: {' '.join(errs)}" if field != "__all__" else " ".join(errs)
                for field, errs in error.message_dict.items()
            )
            report.errors.append((number, messages))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
    return report


def _import_row(record, districts):
    name = record.get("name", "")
    if not name:
        raise ValidationError({"name": [_("The school has no name.")]})
    district = districts.get(record.get("district", "").strip()) or districts.get(
        record.get("district", "").strip().lower()
    )
    if district is None:
        raise ValidationError(
            {"district": [_("Unknown district “%(name)s”.") % {"name": record.get("district", "")}]}
        )
    level = _level(record.get("level", ""))
    if level is None:
        raise ValidationError(
            {
                "level": [
                    _("Unknown level “%(level)s”; use 小学, 初中, 高中, 职业学校 or 高校.")
                    % {"level": record.get("level", "")}
                ]
            }
        )
    enrolment_text = record.get("enrolment", "").replace(",", "") or "0"
    try:
        enrolment = int(float(enrolment_text))
    except ValueError as error:
        raise ValidationError(
            {"enrolment": [_("“%(value)s” is not a number.") % {"value": record.get("enrolment")}]}
        ) from error
    values = {
        "level": level,
        "enrolment": enrolment,
        "address": record.get("address", "")[:255],
        "contact_person": record.get("contact", "")[:50],
        "contact_phone": record.get("phone", "")[:40],
    }
    school = School.objects.filter(Q(name=name) & Q(district=district)).first()
    if school is None:
        school = School(name=name[:100], district=district, **values)
        school.full_clean()
        school.save()
        return "created"
    if all(getattr(school, key) == value for key, value in values.items()):
        return "unchanged"
    for key, value in values.items():
        setattr(school, key, value)
    school.full_clean()
    school.save()
    return "updated"
