"""The monthly report to the district office and the workload (issue 21): the workbook's
figures are the outreach report's for the same station and month; the layout can be
replaced (and a bad one is refused); managers get it by email; sessions and hours per person
and the volunteer's statement."""

import csv
import datetime
import io

from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from campaigns.models import Attendance, MonthlyReportLayout
from campaigns.reports.monthly import monthly_report, send_monthly_reports
from campaigns.roles import ensure_campaign_permissions
from schools.models import StationMembership
from schools.roles import ensure_outreach_groups
from schools.scoping import OUTREACH_STAFF, STATION_MANAGERS
from tests.factories import (
    SHANGHAI,
    AgreementFactory,
    CounsellorFactory,
    EventFactory,
    MaterialFactory,
    SchoolFactory,
    StationFactory,
    UserFactory,
    distribute,
    receive,
)


def at(month, day, hour=9):
    return datetime.datetime(2026, month, day, hour, tzinfo=SHANGHAI)


@pytest.fixture
def world(db):
    """One station's October: two school talks (one school twice), a community stand, a
    planned and a cancelled event, one in September, and the other station's event the
    same month; a social worker and a volunteer."""
    ensure_outreach_groups()
    ensure_campaign_permissions()
    own, other = StationFactory(name="东站"), StationFactory(name="西站")
    worker = CounsellorFactory(station=own, name="王社工", role="social_worker")
    volunteer = CounsellorFactory(station=own, name="李志愿者", role="volunteer")
    school = SchoolFactory(district=own.district)
    leaflet = MaterialFactory(name="宣传单")
    receive(leaflet, own, 1000)
    receive(leaflet, other, 1000)
    held = [
        EventFactory(
            station=own,
            venue_type="school",
            school=school,
            start=at(10, 9),
            end=at(10, 9, 11),
            counsellors=[worker, volunteer],
        ),
        EventFactory(
            station=own,
            venue_type="school",
            school=school,
            start=at(10, 20),
            end=at(10, 20, 10),
            counsellors=[worker],
        ),
        EventFactory(
            station=own,
            venue_type="community",
            start=at(10, 31, 14),
            end=at(10, 31, 17),
            counsellors=[volunteer],
        ),
    ]
    EventFactory(station=own, status="planned", start=at(10, 25), end=at(10, 25, 11))
    EventFactory(station=own, status="cancelled", start=at(10, 26), end=at(10, 26, 11))
    september = EventFactory(station=own, start=at(9, 30), end=at(9, 30, 11))
    elsewhere = EventFactory(station=other, start=at(10, 9), end=at(10, 9, 11))
    for event, count in zip([*held, september, elsewhere], [300, 280, 60, 45, 500], strict=True):
        Attendance.objects.create(event=event, group="residents", count=count)
        distribute(leaflet, event, count // 2)
    AgreementFactory(school=school, counsellor=worker)
    AgreementFactory(counsellor=worker, end_date=datetime.date(2026, 9, 30))  # ended
    people = {}
    for name, group, station in (
        ("staff", OUTREACH_STAFF, own),
        ("manager", STATION_MANAGERS, own),
        ("stranger", OUTREACH_STAFF, other),
    ):
        user = UserFactory(username=name, email=f"{name}@station.example")
        user.groups.add(Group.objects.get(name=group))
        StationMembership.objects.create(user=user, station=station)
        people[name] = user
    return {"own": own, "other": other, "worker": worker, "volunteer": volunteer, **people}


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def workbook_values(data):
    """{label in column A: [B, C, D]} of the first sheet."""
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return {row[0]: list(row[1:4]) for row in sheet.iter_rows(values_only=True) if row and row[0]}


def outreach_report(client):
    """The outreach report by venue type for October, as its CSV export."""
    response = client.get(
        reverse("campaigns_report", args=["venue_type"]),
        {"from": "2026-10-01", "to": "2026-10-31", "export": "csv"},
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return {row[0]: row for row in csv.reader(io.StringIO(text))}


def test_monthly_figures_equal_the_outreach_reports(world):
    client = signed_in(world["staff"])
    response = client.get(
        reverse("campaigns_monthly_report"),
        {"station": world["own"].pk, "month": "2026-10", "download": "1"},
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    values = workbook_values(response.content)
    report = outreach_report(client)
    # The outreach report's columns: group, held, planned, audience, materials, schools.
    for label in ("学校", "社区"):
        held, _planned, audience, materials = (int(n) for n in report[label][1:5])
        assert values[label] == [held, audience, materials]
    assert values["学校"] == [2, 580, 290]
    assert values["社区"] == [1, 60, 30]
    assert values["合计"] == [3, 640, 320]
    assert values["家庭"] == [0, 0, 0]
    assert values["覆盖学校（所）"][0] == 1
    assert values["在履行的禁毒志愿辅导员协议（份）"][0] == 1
    assert values["工作站："][0] == "东站" and values["月份："][0] == "2026年10月"


def test_the_page_shows_the_figures_and_keeps_to_the_users_stations(world):
    client = signed_in(world["manager"])
    page = client.get(reverse("campaigns_monthly_report"), {"month": "2026-10"})
    assert page.status_code == 200 and "月报" in page.content.decode()
    shown = client.get(
        reverse("campaigns_monthly_report"), {"station": world["own"].pk, "month": "2026-10"}
    ).content.decode()
    assert "580" in shown
    stranger = signed_in(world["stranger"])
    refused = stranger.get(
        reverse("campaigns_monthly_report"),
        {"station": world["own"].pk, "month": "2026-10", "download": "1"},
    )
    assert refused.status_code == 200 and "580" not in refused.content.decode()
    assert "xlsx" not in refused.get("Content-Type", "")
    bad = client.get(reverse("campaigns_monthly_report"), {"station": "x", "month": "October"})
    assert bad.status_code == 200 and "error-message" in bad.content.decode()


def layout_document(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return get_document_model().objects.create(
        title="区禁毒办月报表", file=ContentFile(buffer.getvalue(), name="district.xlsx")
    )


def test_an_administrator_replaces_the_layout(world):
    workbook = Workbook()
    workbook.active.append(["单位", "{station}"])
    workbook.active.append(["学校讲座场次", "{school.held}", "人次 {school.audience} 人"])
    settings = MonthlyReportLayout.load()
    settings.layout = layout_document(workbook)
    settings.full_clean()
    settings.save()
    sheet = load_workbook(io.BytesIO(monthly_report(world["own"], datetime.date(2026, 10, 1))))
    rows = list(sheet.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("单位", "东站", None)
    assert rows[1] == ("学校讲座场次", 2, "人次 580 人")


def test_a_bad_layout_is_refused_in_the_admin(world):
    from django.core.exceptions import ValidationError

    workbook = Workbook()
    workbook.active.append(["{school.held}", "{school.visitors}"])
    settings = MonthlyReportLayout.load()
    settings.layout = layout_document(workbook)
    with pytest.raises(ValidationError, match="school.visitors"):
        settings.full_clean()
    settings.layout = get_document_model().objects.create(
        title="不是表格", file=ContentFile(b"hello", name="notes.xlsx")
    )
    with pytest.raises(ValidationError, match="xlsx"):
        settings.full_clean()


def test_managers_receive_last_months_report_by_email(world):
    sent = send_monthly_reports(datetime.date(2026, 10, 1))
    assert sent == 1  # the other station has no manager
    message = mail.outbox[0]
    assert message.to == ["manager@station.example"]
    name, data, kind = message.attachments[0]
    assert name.endswith("2026-10.xlsx")
    assert workbook_values(data)["合计"] == [3, 640, 320]
    out = io.StringIO()
    call_command("send_monthly_reports", "--month", "2026-10", stdout=out)
    assert "1 emails sent" in out.getvalue()
    with pytest.raises(Exception, match="YYYY-MM"):
        call_command("send_monthly_reports", "--month", "October")


def test_workload_counts_sessions_and_hours_of_held_events(world):
    client = signed_in(world["manager"])
    url = reverse("campaigns_workload") + "?from=2026-10-01&to=2026-10-31"
    html = client.get(url).content.decode()
    assert "王社工" in html and "李志愿者" in html
    response = client.get(url + "&export=csv")
    rows = {
        row[0]: row
        for row in csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    }
    assert rows["王社工"][3:] == ["2", "3.0"]  # 2 h + 1 h
    assert rows["李志愿者"][3:] == ["2", "5.0"]  # 2 h + 3 h
    # A volunteer's statement of service hours, with every session.
    statement = client.get(
        reverse("campaigns_hours_statement", args=[world["volunteer"].pk]),
        {"from": "2026-10-01", "to": "2026-10-31"},
    )
    text = PdfReader(io.BytesIO(statement.content)).pages[0].extract_text()
    assert "李志愿者" in text and "5.0" in text and "2026-10-31" in text
    assert (
        signed_in(world["stranger"])
        .get(reverse("campaigns_hours_statement", args=[world["volunteer"].pk]))
        .status_code
        == 404
    )
    assert "王社工" not in signed_in(world["stranger"]).get(url).content.decode()
