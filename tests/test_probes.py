"""What a prober sends: every query value a crafted link can carry, in both languages, as a
reader and as staff. Each row of the table is one probe; none may end in a 500, and
implausible records are refused by the models whatever form, import or API brings them."""

import datetime

from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

import pytest

from campaigns.models import EventIndexPage, MovementKind, StockMovement
from schools.scoping import OUTREACH_STAFF
from tests.factories import (
    CounsellorFactory,
    EventFactory,
    MaterialFactory,
    QuizPageFactory,
    StationFactory,
    UserFactory,
    station_member,
)

SUPERSCRIPT_TWO = "%C2%B2"  # "²": a digit to str.isdigit, not to int
FORTY_DIGITS = "1" * 40

PUBLIC_PROBES = [
    ("GET", "/events/?district=" + SUPERSCRIPT_TWO),
    ("GET", "/events/?district=" + FORTY_DIGITS),
    ("GET", "/events/?page=" + SUPERSCRIPT_TWO),
    ("GET", "/en/events/?district=" + SUPERSCRIPT_TWO),
    ("GET", "/en/events/?district=" + FORTY_DIGITS),
    ("GET", "/search/?q=%E6%AF%92&page=" + SUPERSCRIPT_TWO),
    ("GET", "/api/v2/pages/find/?id=abc"),
    ("GET", "/api/v2/pages/find/?id=" + FORTY_DIGITS),
    ("GET", "/api/v2/pages/?offset=" + FORTY_DIGITS),
    ("GET", "/api/v2/pages/?limit=" + SUPERSCRIPT_TWO),
    ("GET", "/api/v2/images/?offset=" + FORTY_DIGITS),
    ("GET", "/api/v2/documents/find/?id=" + SUPERSCRIPT_TWO),
    ("POST", "/quiz/", {"q0": "²", "q1": FORTY_DIGITS}),
    ("POST", "/en/quiz/", {"q0": "²"}),
]

STAFF_PROBES = [
    "/admin/campaigns/calendar/?date=9999-12-31",
    "/admin/campaigns/calendar/?date=0001-01-01&view=week",
    "/admin/campaigns/calendar/?station=" + SUPERSCRIPT_TWO,
    "/admin/campaigns/reports/month/?from=0001-01-01&to=9999-12-31",
    "/admin/campaigns/reports/month/?campaign=" + SUPERSCRIPT_TWO,
    "/admin/campaigns/reports/month/?campaign=" + FORTY_DIGITS,
    "/admin/campaigns/station/?station=" + SUPERSCRIPT_TWO,
    "/admin/campaigns/station/?station=" + FORTY_DIGITS,
    "/admin/campaigns/dashboard/?campaign=" + SUPERSCRIPT_TWO,
]


@pytest.fixture
def world(home, en_home, outreach_groups):
    home.add_child(instance=EventIndexPage(title="近期禁毒活动", slug="events"))
    QuizPageFactory(parent=home)
    station = StationFactory()
    return {
        "administrator": UserFactory(is_superuser=True),
        "staff": station_member(station, OUTREACH_STAFF),
        "station": station,
    }


@pytest.mark.parametrize("probe", PUBLIC_PROBES, ids=lambda probe: " ".join(map(str, probe[:2])))
def test_a_reader_never_gets_a_500(world, probe):
    method, url, *data = probe
    client = Client(raise_request_exception=False)
    response = client.get(url) if method == "GET" else client.post(url, data[0])
    assert response.status_code < 500, response.content.decode()[:500]


@pytest.mark.parametrize("role", ["administrator", "staff"])
@pytest.mark.parametrize("url", STAFF_PROBES)
def test_staff_never_get_a_500(world, role, url):
    client = Client(raise_request_exception=False)
    client.force_login(world[role])
    assert client.get(url).status_code < 500


def test_the_error_page_gives_the_hotline(world, monkeypatch):
    from jindu.models import SiteSettings
    from jindu.search import views

    site_settings = SiteSettings.for_site(home_site())
    site_settings.hotline_number = "021-12345678"
    site_settings.save()

    def broken(*args, **kwargs):
        raise RuntimeError("a fault")

    monkeypatch.setattr(views, "search_everything", broken)
    response = Client(raise_request_exception=False).get("/search/?q=%E6%AF%92")
    assert response.status_code == 500
    assert "021-12345678" in response.content.decode()


def home_site():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


# Accepted though implausible: refused by the models, so by every way in.


def test_an_event_of_thirty_days_is_refused(world):
    start = timezone.now() - datetime.timedelta(days=40)
    event = EventFactory.build(
        station=world["station"], start=start, end=start + datetime.timedelta(days=30)
    )
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "end" in refused.value.message_dict


def test_a_receipt_of_two_to_the_fortieth_leaflets_is_refused(world):
    movement = StockMovement(
        material=MaterialFactory(),
        station=world["station"],
        kind=MovementKind.RECEIPT,
        quantity=2**40,
    )
    with pytest.raises(ValidationError):
        movement.record()
    assert not StockMovement.objects.exists()


@pytest.mark.parametrize("phone", ["call-me<script>", "abc", "12"])
def test_a_phone_that_is_not_a_number_is_refused(world, phone):
    counsellor = CounsellorFactory.build(station=world["station"], phone=phone)
    with pytest.raises(ValidationError) as refused:
        counsellor.full_clean()
    assert "phone" in refused.value.message_dict
