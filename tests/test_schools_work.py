"""Renewal reminders, the schools import, the coverage report and the public station
directory."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

import openpyxl
import pytest

from jindu.editorial.localization import translate
from schools.models import StationDirectoryPage
from schools.reminders import send_renewal_reminders
from schools.roles import ensure_outreach_groups
from schools.scoping import STATION_MANAGERS
from schools.views import coverage_rows
from tests.factories import (
    AgreementFactory,
    CounsellorFactory,
    DistrictFactory,
    SchoolFactory,
    StationFactory,
    UserFactory,
    station_member,
)

D = datetime.date


@pytest.fixture
def groups(db):
    return ensure_outreach_groups()


def manager_of(station, email):
    return station_member(station, STATION_MANAGERS, email=email)


# Reminders


def test_reminder_goes_to_the_stations_managers_once_per_agreement(groups):
    station, other = StationFactory(), StationFactory()
    manager_of(station, "boss@station.example")
    manager_of(other, "other@station.example")
    due = AgreementFactory(counsellor=CounsellorFactory(station=station), end_date=D(2026, 12, 31))
    AgreementFactory(
        counsellor=CounsellorFactory(station=station), end_date=D(2027, 6, 30)
    )  # not yet due
    today = D(2026, 12, 10)
    assert send_renewal_reminders(today) == (1, 1)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["boss@station.example"]
    assert due.school.name in message.body
    assert "2026-12-31" in message.body
    # The link leads to the renewal page itself (GET shows the next term, its button renews).
    assert f"/admin/schools/agreements/{due.pk}/renew/" in message.body
    assert send_renewal_reminders(today) == (0, 0)
    assert send_renewal_reminders(D(2026, 12, 11)) == (0, 0)
    assert len(mail.outbox) == 1


def test_reminder_waits_when_a_station_has_no_manager(groups):
    station = StationFactory()
    AgreementFactory(counsellor=CounsellorFactory(station=station), end_date=D(2026, 12, 31))
    assert send_renewal_reminders(D(2026, 12, 10)) == (0, 0)
    manager_of(station, "new@station.example")
    assert send_renewal_reminders(D(2026, 12, 11)) == (1, 1)


def test_renewed_draft_and_terminated_agreements_get_no_reminder(groups):
    station = StationFactory()
    manager_of(station, "boss@station.example")
    renewed = AgreementFactory(
        counsellor=CounsellorFactory(station=station), end_date=D(2026, 12, 31)
    )
    renewed.renew()
    AgreementFactory(
        counsellor=CounsellorFactory(station=station), end_date=D(2026, 12, 31), signed_on=None
    )
    AgreementFactory(
        counsellor=CounsellorFactory(station=station),
        end_date=D(2026, 12, 31),
        terminated_on=D(2026, 6, 1),
        termination_reason="停止合作",
    )
    assert send_renewal_reminders(D(2026, 12, 10)) == (0, 0)


def test_reminder_command_and_task(groups):
    from schools.reminders import send_renewal_reminders_task

    out = io.StringIO()
    call_command("send_renewal_reminders", stdout=out)
    assert "0 emails sent, 0 agreements reported" in out.getvalue()
    result = send_renewal_reminders_task.enqueue()
    assert result.return_value == [0, 0] or result.return_value == (0, 0)


# Coverage


@pytest.fixture
def coverage_world(groups):
    today = D(2026, 11, 22)
    east, west = (
        DistrictFactory(name="东区", sort_order=1),
        DistrictFactory(name="西区", sort_order=2),
    )
    station = StationFactory(district=east)
    counsellor = CounsellorFactory(station=station)
    schools = [SchoolFactory(district=east, enrolment=e) for e in (500, 700, 900, 1100)]
    SchoolFactory(district=east, enrolment=9999, active=False)
    SchoolFactory(district=west, enrolment=300)
    in_force = dict(counsellor=counsellor, start_date=D(2026, 1, 1), end_date=D(2026, 12, 31))
    AgreementFactory(school=schools[0], **in_force)
    AgreementFactory(school=schools[0], role="publicity", **in_force)  # counted once
    AgreementFactory(school=schools[1], **in_force)
    AgreementFactory(
        school=schools[2], counsellor=counsellor, start_date=D(2025, 1, 1), end_date=D(2025, 12, 31)
    )
    AgreementFactory(school=schools[3], signed_on=None, **in_force)  # draft
    return {"today": today, "east": east, "west": west, "station": station}


def test_coverage_figures_match_hand_computed(coverage_world):
    admin = UserFactory(is_superuser=True)
    rows = {r.name: r for r in coverage_rows(admin, coverage_world["today"])}
    east, west = rows["东区"], rows["西区"]
    assert (
        east.school_count,
        east.covered_count,
        east.enrolment_total,
        east.covered_enrolment,
    ) == (4, 2, 3200, 1200)
    assert (
        west.school_count,
        west.covered_count,
        west.enrolment_total,
        west.covered_enrolment,
    ) == (1, 0, 300, 0)


def test_coverage_report_page_chart_and_export(client, coverage_world):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(reverse("schools_coverage"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-chart="coverage-chart"' in html
    assert 'id="coverage-chart"' in html
    assert "vendor/chartjs/chart.umd.min.js" in html
    export = client.get(reverse("schools_coverage"), {"export": "xlsx"})
    assert export.status_code == 200
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(export.streaming_content) if export.streaming else export.content)
    )
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert values[0][0] in ("District", "区/县", "区县")
    assert any(row[0] == "东区" and row[1] == 4 for row in values[1:])


# Public directory


def test_station_directory_in_both_languages_without_private_data(client, home, en_home):
    district = DistrictFactory(name="浦东新区", code="pudong")
    station = StationFactory(
        name="浦东新区工作站", district=district, address="民生路600号311室", phone="021-68537013"
    )
    StationFactory(name="内部工作站", is_public=False)
    counsellor = CounsellorFactory(
        station=station, phone="13900000001", email="secret@private.example"
    )
    school = SchoolFactory(contact_person="保密联系人", contact_phone="021-59999999")
    AgreementFactory(counsellor=counsellor, school=school)
    translate(district, "en", {"浦东新区": "Pudong New Area"})
    translate(
        station,
        "en",
        {
            "浦东新区工作站": "Pudong work station",
            "民生路600号311室": "Room 311, 600 Minsheng Road",
        },
    )
    page = home.add_child(instance=StationDirectoryPage(title="禁毒社工站查询", slug="stations"))
    english = translate(
        page, "en", {"禁毒社工站查询": "Find a work station", "stations": "stations"}
    )
    private = [
        "13900000001",
        "secret@private.example",
        "保密联系人",
        "021-59999999",
        counsellor.name,
        "内部工作站",
    ]
    zh = client.get(page.url).content.decode()
    assert "浦东新区工作站" in zh and "民生路600号311室" in zh and "021-68537013" in zh
    en = client.get(english.url).content.decode()
    assert (
        "Pudong work station" in en
        and "Room 311, 600 Minsheng Road" in en
        and "Pudong New Area" in en
    )
    for html in (zh, en):
        for value in private:
            assert value not in html
