"""How fast a spreadsheet import goes (jindu.spreadsheets.importer): a file of schools checked,
then written in its one transaction, in rows per second. The schools it adds are deleted
afterwards."""

import io
import time

from django.db import transaction

import openpyxl

from jindu.editorial.localization import default_locale
from jindu.spreadsheets.importer import check, write
from schools.models import District, School
from schools.spreadsheets import SchoolImporter

HEADINGS = ["学校名称", "区", "学段", "在校学生数", "学校地址", "联系人", "联系电话"]


def workbook(rows, district):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADINGS)
    for number in range(rows):
        sheet.append(
            [
                f"导入测速学校{number}",
                district,
                "小学",
                300 + number % 900,
                f"测速路{number}号",
                "李老师",
                "021-60000000",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(rows=20000):
    district = District.objects.filter(locale=default_locale()).first()
    if district is None:
        district = District.objects.create(name="测速区", code="bench", locale=default_locale())
    content = workbook(rows, district.name)
    importer = SchoolImporter()
    started = time.perf_counter()
    result = check(importer, None, "schools.xlsx", content)
    checked = time.perf_counter()
    write(importer, result)
    written = time.perf_counter()
    with transaction.atomic():
        School.objects.filter(name__startswith="导入测速学校").delete()
    created = result.count("created")
    return {
        "rows": rows,
        "created": created,
        "check rows/s": round(rows / (checked - started)),
        "write rows/s": round(created / (written - checked)) if created else None,
        "rows/s": round(rows / (written - started)),
    }


def markdown(report):
    return "\n".join(
        [
            f"| spreadsheet import ({report['rows']} schools, XLSX) | rows/s |",
            "|---|---:|",
            f"| check (read, match, validate) | {report['check rows/s']} |",
            f"| write (one transaction, search index) | {report['write rows/s']} |",
            f"| whole import | {report['rows/s']} |",
        ]
    )
