"""Spreadsheets out as Chinese offices use them: CSV that Excel opens (GB18030 on request),
XLSX with types and no live formulas, local times and labels, each staff member's own
station only; both open in LibreOffice with the figures the screens show. The imports are
in tests/test_spreadsheets.py."""

import csv
import datetime
import io
import re
import shutil
import subprocess

from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest
import time_machine

from campaigns.models import EventStatus
from schools.scoping import OUTREACH_STAFF, STATION_MANAGERS
from tests.factories import EventFactory, StationFactory, station_member


@pytest.fixture
def exported_world(outreach_groups, pudong):
    station = StationFactory(name="浦东站", district=pudong)
    other = StationFactory(name="别的站")
    start = timezone.make_aware(datetime.datetime(2026, 11, 20, 19, 0))
    EventFactory(
        title='=HYPERLINK("http://evil.example","点我")',
        station=station,
        district=pudong,
        start=start,
        end=start + datetime.timedelta(hours=1),
        status=EventStatus.COMPLETED,
    )
    EventFactory(
        title="别站活动", station=other, start=start, end=start + datetime.timedelta(hours=1)
    )
    return station


def export(client, url, fmt, **params):
    response = client.get(url, {"export": fmt, **params})
    assert response.status_code == 200
    if fmt == "csv":
        return b"".join(response.streaming_content)
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_export_opens_in_excel_as_staff_see_it(client, exported_world):
    client.force_login(station_member(exported_world, OUTREACH_STAFF))
    raw = export(client, reverse("wagtailsnippets_campaigns_event:list"), "csv")
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    heading = text.splitlines()[0]
    assert "标题" in heading and "工作站" in heading and "station.name" not in heading
    assert "2026-11-20 19:00" in text and "+00:00" not in text
    assert "已完成" in text and "completed" not in text
    assert "'=HYPERLINK" in text
    assert "别站活动" not in text  # their own station only
    gb = export(client, reverse("wagtailsnippets_campaigns_event:list"), "csv", encoding="gb18030")
    assert gb.decode("gb18030").splitlines()[0] == heading


def test_xlsx_export_has_types_and_no_formulas(client, exported_world):
    client.force_login(station_member(exported_world, STATION_MANAGERS))
    raw = export(client, reverse("wagtailsnippets_campaigns_event:list"), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    rows = list(sheet.iter_rows(values_only=True))
    start = rows[0].index(next(h for h in rows[0] if "开始" in h))
    assert rows[1][start] == datetime.datetime(2026, 11, 20, 19, 0)
    assert rows[1][0].startswith("=HYPERLINK")
    assert sheet.cell(row=2, column=1).data_type == "s"


def test_staff_export_attendance_and_stock_but_not_schools(client, exported_world):
    client.force_login(station_member(exported_world, OUTREACH_STAFF))
    for name in ("attendance", "stockmovement"):
        url = reverse(f"wagtailsnippets_campaigns_{name}:list")
        assert client.get(url, {"export": "csv"}).status_code == 200
    # Wagtail answers a missing permission with the dashboard.
    schools = client.get(reverse("wagtailsnippets_schools_school:list"), {"export": "csv"})
    assert (schools.status_code, schools["Location"]) == (302, "/admin/")
    assert client.get(reverse("campaigns_stock"), {"export": "xlsx"}).status_code == 200


def test_event_listing_export_buttons_for_staff(client, exported_world):
    client.force_login(station_member(exported_world, OUTREACH_STAFF))
    html = client.get(reverse("wagtailsnippets_campaigns_event:list")).content.decode()
    assert "下载CSV" in html
    assert re.search(r"export=csv&amp;encoding=gb18030", html)


SOFFICE = shutil.which("soffice")


def libreoffice_convert(path, target, infilter=None):
    """``path`` opened by LibreOffice (headless) and saved as ``target`` (csv or xlsx)."""
    command = [
        SOFFICE,
        "--headless",
        "--norestore",
        f"-env:UserInstallation=file://{path.parent}/lo",
    ]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(path.parent / "out"), str(path)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return path.parent / "out" / f"{path.stem}.{target.split(':')[0]}"


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (libreoffice-calc-nogui) is not installed")
def test_exports_open_in_libreoffice_with_the_screens_figures(client, exported_world, tmp_path):
    from campaigns.models import Attendance

    event = exported_world.events.get()
    Attendance.objects.create(event=event, group="students", count=120)
    Attendance.objects.create(event=event, group="teachers", count=8)
    client.force_login(station_member(exported_world, STATION_MANAGERS))
    url = reverse("campaigns_report", args=["station"])
    screen = client.get(url).content.decode()
    assert "128" in screen and "浦东站" in screen

    workbook = tmp_path / "report.xlsx"
    workbook.write_bytes(export(client, url, "xlsx"))
    text = libreoffice_convert(workbook, "csv:Text - txt - csv (StarCalc):44,34,76").read_text()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["分组", "活动场次", "计划场次", "受众人次", "发放宣传资料", "覆盖学校"]
    station_row = next(row for row in rows if row[0] == "浦东站")
    held, audience = 1, 3
    assert (station_row[held], station_row[audience]) == ("1", "128")

    listing = tmp_path / "events.csv"
    raw = export(client, reverse("wagtailsnippets_campaigns_event:list"), "csv")
    assert raw.startswith("\ufeff".encode())
    listing.write_bytes(raw)
    # Opened as UTF-8 (headless LibreOffice asks no questions): the byte order mark is
    # taken as such, not as part of the first heading.
    opened = libreoffice_convert(listing, "xlsx", infilter="CSV:44,34,76")
    sheet = openpyxl.load_workbook(opened).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert cells[0].value == "标题"
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]  # no live formula
    values = [str(cell.value) for cell in cells]
    assert any("2026-11-20 19:00" in value for value in values)


@time_machine.travel(datetime.datetime(2027, 3, 5, 10, tzinfo=datetime.UTC), tick=False)
def test_exports_are_named_for_what_they_hold_and_when(client, exported_world):
    """活动_2027-03-05.xlsx with a sheet called 活动, not events.xlsx and Sheet1."""
    from urllib.parse import unquote

    client.force_login(station_member(exported_world, STATION_MANAGERS))
    url = reverse("wagtailsnippets_campaigns_event:list")
    for fmt in ("xlsx", "csv"):
        response = client.get(url, {"export": fmt})
        disposition = unquote(response["Content-Disposition"])
        assert f"活动_2027-03-05.{fmt}" in disposition, disposition
    raw = export(client, url, "xlsx")
    assert openpyxl.load_workbook(io.BytesIO(raw)).sheetnames == ["活动"]
