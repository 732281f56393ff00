"""Schools in the Wagtail admin as staff meet them: station scoping of agreements and
counsellors, exports for managers only, renewals, the school inspect view, the dashboard
panel and clear form errors."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from schools.models import CounsellorAgreement
from schools.roles import ensure_outreach_groups
from schools.scoping import OUTREACH_STAFF, STATION_MANAGERS
from tests.factories import (
    AgreementFactory,
    CounsellorFactory,
    SchoolFactory,
    StationFactory,
    station_member,
)

D = datetime.date


@pytest.fixture
def world(db):
    ensure_outreach_groups()
    station_a, station_b = StationFactory(name="浦东新区工作站"), StationFactory(name="徐汇工作站")
    a = AgreementFactory(
        counsellor=CounsellorFactory(station=station_a, name="王丽华"),
        school=SchoolFactory(name="浦东第一中学"),
    )
    b = AgreementFactory(
        counsellor=CounsellorFactory(station=station_b, name="李建国"),
        school=SchoolFactory(name="徐汇初级中学"),
    )

    def member(group, station):
        return station_member(station, group)

    return {
        "a": a,
        "b": b,
        "station_a": station_a,
        "staff_a": member(OUTREACH_STAFF, station_a),
        "manager_a": member(STATION_MANAGERS, station_a),
    }


def url(action, agreement=None):
    name = f"wagtailsnippets_schools_counselloragreement:{action}"
    return reverse(name, args=[agreement.pk]) if agreement else reverse(name)


def test_staff_list_only_their_station(client, world):
    client.force_login(world["staff_a"])
    html = client.get(url("list")).content.decode()
    assert "浦东第一中学" in html
    assert "徐汇初级中学" not in html


@pytest.mark.parametrize("action", ["edit", "delete", "history", "usage"])
def test_other_stations_records_are_404_by_url(client, world, action):
    client.force_login(world["manager_a"])
    response = client.get(url(action, world["b"]))
    assert response.status_code == 404
    assert client.get(url("edit", world["a"])).status_code == 200


def test_posting_to_another_stations_record_changes_nothing(client, world):
    client.force_login(world["manager_a"])
    response = client.post(url("delete", world["b"]))
    assert response.status_code == 404
    assert CounsellorAgreement.objects.filter(pk=world["b"].pk).exists()


def test_counsellor_listing_and_edit_are_scoped(client, world):
    client.force_login(world["manager_a"])
    html = client.get(reverse("wagtailsnippets_schools_counsellor:list")).content.decode()
    assert "王丽华" in html and "李建国" not in html
    other = world["b"].counsellor
    assert (
        client.get(reverse("wagtailsnippets_schools_counsellor:edit", args=[other.pk])).status_code
        == 404
    )


def denied(response):
    """Wagtail answers a permission error in the admin with a redirect to the dashboard
    and a message; a 403 is as good. Either way no data."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_export_is_for_managers_and_scoped(client, world):
    client.force_login(world["staff_a"])
    assert denied(client.get(url("list"), {"export": "csv"}))
    assert "export=csv" not in client.get(url("list")).content.decode()
    client.force_login(world["manager_a"])
    response = client.get(url("list"), {"export": "csv"})
    assert response.status_code == 200
    text = (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode()
    )
    assert "浦东第一中学" in text
    assert "徐汇初级中学" not in text


def test_staff_cannot_create_for_another_station(client, world):
    client.force_login(world["staff_a"])
    form_page = client.get(url("add")).content.decode()
    assert "徐汇工作站" not in form_page
    response = client.post(
        url("add"),
        {
            "school": world["b"].school.pk,
            "counsellor": world["b"].counsellor.pk,
            "station": world["b"].station.pk,
            "role": "publicity",
            "start_date": "2027-01-01",
            "end_date": "2027-12-31",
            "sessions_per_term": "2",
        },
    )
    assert response.status_code == 200  # the form again, with errors
    assert CounsellorAgreement.objects.count() == 2


def test_overlap_is_a_form_error_not_a_500(client, world):
    client.force_login(world["staff_a"])
    a = world["a"]
    response = client.post(
        url("add"),
        {
            "school": a.school.pk,
            "counsellor": a.counsellor.pk,
            "station": a.station.pk,
            "role": a.role,
            "start_date": "2026-06-01",
            "end_date": "2027-05-31",
            "sessions_per_term": "2",
        },
    )
    assert response.status_code == 200
    assert "王丽华" in response.content.decode()
    assert CounsellorAgreement.objects.count() == 2


def test_staff_can_record_an_agreement_for_their_station(client, world):
    client.force_login(world["staff_a"])
    a = world["a"]
    response = client.post(
        url("add"),
        {
            "school": SchoolFactory(name="浦东实验小学").pk,
            "counsellor": a.counsellor.pk,
            "station": a.station.pk,
            "role": "anti_drug",
            "start_date": "2026-09-01",
            "end_date": "2027-08-31",
            "sessions_per_term": "3",
        },
    )
    assert response.status_code == 302
    assert CounsellorAgreement.objects.filter(school__name="浦东实验小学").exists()


def test_renew_is_for_managers_of_the_station(client, world):
    client.force_login(world["staff_a"])
    assert denied(client.post(reverse("schools_renew_agreement", args=[world["a"].pk])))
    assert not CounsellorAgreement.objects.filter(renewal_of=world["a"]).exists()
    client.force_login(world["manager_a"])
    assert client.post(reverse("schools_renew_agreement", args=[world["b"].pk])).status_code == 404
    response = client.post(reverse("schools_renew_agreement", args=[world["a"].pk]))
    assert response.status_code == 302
    renewal = CounsellorAgreement.objects.get(renewal_of=world["a"])
    assert response["Location"] == url("edit", renewal)
    again = client.post(reverse("schools_renew_agreement", args=[world["a"].pk]), follow=True)
    assert "already been renewed" in again.content.decode() or "已续签" in again.content.decode()
    assert CounsellorAgreement.objects.filter(renewal_of=world["a"]).count() == 1


def test_school_inspect_shows_agreements_of_own_station_only(client, world):
    shared = world["a"].school
    AgreementFactory(school=shared, counsellor=world["b"].counsellor, role="publicity")
    client.force_login(world["staff_a"])
    response = client.get(reverse("wagtailsnippets_schools_school:inspect", args=[shared.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "王丽华" in html
    assert "李建国" not in html


def test_dashboard_lists_agreements_ending_soon(client, world):
    today = timezone.localdate()
    AgreementFactory(
        counsellor=world["a"].counsellor,
        school=SchoolFactory(name="即将到期中学"),
        start_date=today - datetime.timedelta(days=300),
        end_date=today + datetime.timedelta(days=10),
    )
    AgreementFactory(
        counsellor=world["b"].counsellor,
        school=SchoolFactory(name="别站到期中学"),
        start_date=today - datetime.timedelta(days=300),
        end_date=today + datetime.timedelta(days=10),
    )
    client.force_login(world["staff_a"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "即将到期中学" in html
    assert "别站到期中学" not in html


def test_schools_are_readable_by_all_outreach_staff(client, world):
    client.force_login(world["staff_a"])
    html = client.get(reverse("wagtailsnippets_schools_school:list")).content.decode()
    assert "浦东第一中学" in html and "徐汇初级中学" in html
    assert denied(client.get(reverse("wagtailsnippets_schools_school:add")))


def test_agreements_filter_by_derived_status(client, world):
    AgreementFactory(
        counsellor=world["a"].counsellor,
        school=SchoolFactory(name="草稿中学"),
        signed_on=None,
        start_date=D(2027, 9, 1),
        end_date=D(2028, 8, 31),
    )
    client.force_login(world["manager_a"])
    html = client.get(url("list"), {"status": "draft"}).content.decode()
    assert "草稿中学" in html
    assert "浦东第一中学" not in html


def test_choosers_are_scoped(client, world):
    client.force_login(world["staff_a"])
    response = client.get(reverse("wagtailsnippetchoosers_schools_counsellor:choose"))
    html = (
        response.json()["html"]
        if response["Content-Type"].startswith("application/json")
        else response.content.decode()
    )
    assert "王丽华" in html
    assert "李建国" not in html
    other = world["b"].counsellor
    chosen = client.get(
        reverse("wagtailsnippetchoosers_schools_counsellor:chosen", args=[other.pk])
    )
    assert chosen.status_code == 404
