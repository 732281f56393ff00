"""The back office as outreach staff use it: every admin link answers for every role, every
listing searches (scoped to what the user may see), Renew and Write it up work from a link,
and Record this event closes an event in one save so that nothing recorded is missing from
the figures, whatever state the event was in."""

import datetime
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from campaigns.models import Attendance, Event, StockMovement
from campaigns.reports import figures as reports
from campaigns.roles import ensure_campaign_permissions
from jindu.editorial.roles import ensure_editorial_groups
from jindu.models import ArticlePage
from schools.models import CounsellorAgreement, StationMembership
from schools.roles import ensure_outreach_groups
from tests.factories import (
    AgreementFactory,
    CounsellorFactory,
    EventFactory,
    MaterialFactory,
    SchoolFactory,
    SectionPageFactory,
    StationFactory,
    UserFactory,
    receive,
)

ROLES = {
    "staff": "Outreach staff",
    "manager": "Station managers",
    "administrator": "Administrators",
    "editor": "Editors",
    "reviewer": "Reviewers",
}


@pytest.fixture
def office(home):
    ensure_outreach_groups()
    news = SectionPageFactory(parent=home, title="工作动态", slug="news")
    ensure_campaign_permissions()
    ensure_editorial_groups([home])
    stations = {"own": StationFactory(name="浦东本站"), "other": StationFactory(name="徐汇别站")}
    past = timezone.now() - datetime.timedelta(days=2)
    world = {"news": news, "stations": stations}
    for side, station in stations.items():
        counsellor = CounsellorFactory(station=station, name=f"{side}社工")
        school = SchoolFactory(name=f"{side}实验中学", district=station.district, enrolment=500)
        world[side] = {
            "counsellor": counsellor,
            "school": school,
            "event": EventFactory(
                station=station,
                school=school,
                venue_type="school",
                title=f"{side}禁毒讲座",
                status="confirmed",
                start=past,
                end=past + datetime.timedelta(hours=2),
                counsellors=[counsellor],
            ),
            "agreement": AgreementFactory(
                school=school,
                counsellor=counsellor,
                start_date=datetime.date.today() - datetime.timedelta(days=300),
                end_date=datetime.date.today() + datetime.timedelta(days=20),
            ),
        }
        receive(MaterialFactory(name=f"{side}宣传单"), station, 500)
    users = {}
    for role, group in ROLES.items():
        user = UserFactory(username=f"{role}-user")
        user.groups.add(Group.objects.get(name=group))
        if role in ("staff", "manager"):
            StationMembership.objects.create(user=user, station=stations["own"])
        users[role] = user
    world["users"] = users
    return world


ADMIN = "/admin/"
NOT_FOLLOWED = re.compile(r"/admin/(logout|password_reset)/|/admin/.*/(unlock|lock)/")


def crawl(client, limit):
    """GET every admin page reachable by links from the dashboard, up to ``limit``."""
    seen, queue, answers = {ADMIN}, deque([ADMIN]), {}
    while queue and len(answers) < limit:
        url = queue.popleft()
        response = client.get(url)
        answers[url] = response.status_code
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)"', response.content.decode()):
            href = urldefrag(href.replace("&amp;", "&"))[0]
            if not href.startswith(ADMIN) or NOT_FOLLOWED.search(href) or href in seen:
                continue
            # One page of each listing's sort orders and filters is enough.
            if "ordering=" in urlsplit(href).query or "p=" in urlsplit(href).query:
                continue
            seen.add(href)
            queue.append(href)
    return answers


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_link_answers_for_every_role(client, office, role):
    client.force_login(office["users"][role])
    answers = crawl(client, limit=250)
    failed = {url: status for url, status in answers.items() if status >= 500}
    assert not failed, failed
    assert len(answers) > 10


LISTINGS = [
    ("wagtailsnippets_campaigns_event:list", "禁毒讲座", "own禁毒讲座", "other禁毒讲座"),
    ("wagtailsnippets_campaigns_attendance:list", "讲座", None, None),
    # Materials are one catalogue for every station: their names show in its filter.
    ("wagtailsnippets_campaigns_stockmovement:list", "宣传单", "own宣传单", None),
    ("wagtailsnippets_campaigns_talkrequest:list", "学校", None, None),
    ("wagtailsnippets_campaigns_material:list", "宣传单", None, None),
    ("wagtailsnippets_campaigns_campaign:list", "6·26", None, None),
    ("wagtailsnippets_schools_school:list", "实验中学", "own实验中学", None),
    ("wagtailsnippets_schools_counselloragreement:list", "实验", "own实验中学", "other实验中学"),
    ("wagtailsnippets_schools_counsellor:list", "社工", "own社工", "other社工"),
    ("wagtailsnippets_schools_station:list", "浦东", "浦东本站", None),
    ("wagtailsnippets_schools_district:list", "区", None, None),
    ("wagtailsnippets_schools_stationmembership:list", "staff", None, None),
    ("wagtailsnippets_jindu_resource:list", "海报", None, None),
]


EMPTY_FILTERS = {"wagtailsnippets_jindu_resource:list": {"resource_type": "", "language": ""}}


@pytest.mark.parametrize("role", ROLES)
def test_every_listing_searches_in_both_languages(client, office, role, subtests):
    client.force_login(office["users"][role])
    for listing, query, own, other in LISTINGS:
        with subtests.test(listing=listing):
            url = reverse(listing)
            for words in (query, "talk", "讲座 学校", "a%b_c"):
                response = client.get(url, {"q": words})
                assert response.status_code in (200, 302), (url, words, response.status_code)
            # As the listing's search box asks: its results URL, with the filters left empty.
            results = client.get(url + "results/", {"q": query, **EMPTY_FILTERS.get(listing, {})})
            assert results.status_code in (200, 302), (url, "results", results.status_code)
            response = client.get(url, {"q": query})
            if response.status_code != 200 or role not in ("staff", "manager", "administrator"):
                continue
            html = response.content.decode()
            if own:
                assert own in html
            if other and role != "administrator":
                assert other not in html


def test_renew_from_the_listing_the_edit_page_and_the_email_link(client, office):
    agreement = office["own"]["agreement"]
    client.force_login(office["users"]["manager"])
    url = reverse("schools_renew_agreement", args=[agreement.pk])
    listing = client.get(reverse("wagtailsnippets_schools_counselloragreement:list"))
    assert url in listing.content.decode()
    edit = client.get(
        reverse("wagtailsnippets_schools_counselloragreement:edit", args=[agreement.pk])
    )
    assert url in edit.content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    start, end = agreement.renewal_dates()
    assert f"{start:%Y-%m-%d} – {end:%Y-%m-%d}" in html
    assert f'action="{url}"' in html
    response = client.post(url)
    renewal = CounsellorAgreement.objects.get(renewal_of=agreement)
    assert response["Location"] == reverse(
        "wagtailsnippets_schools_counselloragreement:edit", args=[renewal.pk]
    )
    assert renewal.signed_on is None
    # A second time: the page says why not, and offers no button.
    again = client.get(url).content.decode()
    assert "data-jindu-confirm" not in again


def test_staff_cannot_renew_and_never_reach_another_stations_agreement(client, office):
    client.force_login(office["users"]["staff"])
    own = reverse("schools_renew_agreement", args=[office["own"]["agreement"].pk])
    # Wagtail answers a missing permission with a redirect to the dashboard and a message.
    denied = client.get(own)
    assert (denied.status_code, denied["Location"]) == (302, "/admin/")
    assert (
        own
        not in client.get(
            reverse("wagtailsnippets_schools_counselloragreement:list")
        ).content.decode()
    )
    client.force_login(office["users"]["manager"])
    other = reverse("schools_renew_agreement", args=[office["other"]["agreement"].pk])
    assert client.get(other).status_code == 404


def test_staff_write_up_a_held_event_and_can_edit_and_submit_the_draft(client, office):
    event = office["own"]["event"]
    Event.objects.filter(pk=event.pk).update(status="completed")
    client.force_login(office["users"]["staff"])
    url = reverse("campaigns_write_up", args=[event.pk])
    edit = client.get(reverse("wagtailsnippets_campaigns_event:edit", args=[event.pk]))
    assert url in edit.content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "工作动态" in confirm.content.decode()
    response = client.post(url)
    page = ArticlePage.objects.get(slug=f"event-{event.pk}")
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.owner == office["users"]["staff"] and not page.live
    assert client.get(response["Location"]).status_code == 200
    # The staff member may change and submit it, not publish it.
    permissions = page.permissions_for_user(office["users"]["staff"])
    assert permissions.can_edit() and not permissions.can_publish()


# Record this event, and the figures.


def record(client, event, counts=None, materials=(), held=True):
    data = {"handout-TOTAL_FORMS": "3", "handout-INITIAL_FORMS": "0"}
    for group, count in (counts or {}).items():
        data[group] = str(count)
    for index, (material, quantity) in enumerate(materials):
        data[f"handout-{index}-material"] = str(material.pk)
        data[f"handout-{index}-quantity"] = str(quantity)
    if held:
        data["held"] = "on"
    return client.post(reverse("campaigns_record_event", args=[event.pk]), data)


def own_figures(office):
    return reports.figures(Event.objects.filter(station=office["stations"]["own"]))


def test_one_save_records_two_groups_two_materials_and_closes_the_event(client, office):
    event = office["own"]["event"]
    second = MaterialFactory(name="own手册")
    receive(second, event.station, 50)
    client.force_login(office["users"]["staff"])
    before = own_figures(office)
    assert before["held"] == 0
    leaflet = StockMovement.objects.get(material__name="own宣传单").material
    response = record(
        client, event, {"junior": 320, "teachers": 12}, [(leaflet, 300), (second, 20)]
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "completed"
    after = own_figures(office)
    assert (after["held"], after["audience"], after["materials"]) == (1, 332, 320)


@pytest.fixture
def recorded_once(client, office):
    """The own station's event recorded by its staff with 200 leaflets: (event, leaflet,
    the stock after)."""
    event = office["own"]["event"]
    leaflet = StockMovement.objects.get(material__name="own宣传单").material
    client.force_login(office["users"]["staff"])
    record(client, event, {"junior": 100}, [(leaflet, 200)])
    return event, leaflet, StockMovement.stock(leaflet, event.station)


def test_saving_the_same_record_twice_hands_out_nothing_more(client, office, recorded_once):
    event, leaflet, stock = recorded_once
    page = client.get(reverse("campaigns_record_event", args=[event.pk])).content.decode()
    # The screen opens with what was recorded.
    assert 'name="handout-INITIAL_FORMS" value="1"' in page
    assert 'name="handout-0-quantity" value="200"' in page
    response = record(client, event, {"junior": 100}, [(leaflet, 200)])
    assert response.status_code == 302
    assert StockMovement.stock(leaflet, event.station) == stock
    assert own_figures(office)["materials"] == 200


def test_a_corrected_record_moves_the_stock_by_the_difference_only(client, office, recorded_once):
    event, leaflet, stock = recorded_once
    response = record(
        client,
        event,
        {"junior": 100},
        [(leaflet, 150)],
    )
    assert StockMovement.stock(leaflet, event.station) == stock + 50
    assert own_figures(office)["materials"] == 150
    message = client.get(response["Location"]).content.decode()
    assert "200" in message and "150" in message
    record(client, event, {"junior": 100}, [(leaflet, 260)])
    assert StockMovement.stock(leaflet, event.station) == stock - 60
    assert own_figures(office)["materials"] == 260
    history = client.get(
        reverse("wagtailsnippets_campaigns_event:history", args=[event.pk])
    ).content.decode()
    assert "从 200 更正为 150" in history and "从 150 更正为 260" in history


@pytest.mark.parametrize(
    ("next_url", "landing"),
    [
        ("https://evil.example/phish", "/admin/campaigns/station/"),
        ("//evil.example/phish", "/admin/campaigns/station/"),
        ("/events/", "/admin/campaigns/station/"),
        ("/admin/calendar/", "/admin/calendar/"),
    ],
)
def test_after_recording_staff_stay_in_our_admin(client, office, next_url, landing):
    event = office["own"]["event"]
    client.force_login(office["users"]["staff"])
    response = client.post(
        reverse("campaigns_record_event", args=[event.pk]) + "?next=" + next_url,
        {"handout-TOTAL_FORMS": "3", "handout-INITIAL_FORMS": "0", "junior": "10", "held": "on"},
    )
    assert response["Location"] == landing


@pytest.mark.parametrize(
    ("status", "ended", "recorded", "counted"),
    [
        ("planned", True, True, True),
        ("confirmed", True, True, True),
        ("completed", True, True, True),
        ("requested", True, False, False),
        ("cancelled", True, False, False),
        ("postponed", True, False, False),
        ("confirmed", False, False, False),
    ],
)
def test_recorded_work_is_never_missing_from_the_figures(
    client, office, status, ended, recorded, counted
):
    """Through the generic attendance form, as staff do without the record screen: an event
    that has ended and gets a headcount counts; one that cannot take a headcount says why."""
    event = office["own"]["event"]
    if not ended:
        later = timezone.now() + datetime.timedelta(days=3)
        event.start, event.end = later, later + datetime.timedelta(hours=1)
    event.status = status
    event.save()
    client.force_login(office["users"]["staff"])
    response = client.post(
        reverse("wagtailsnippets_campaigns_attendance:add"),
        {"event": event.pk, "group": "junior", "count": 100},
    )
    assert Attendance.objects.filter(event=event).exists() == recorded
    if not recorded:
        html = response.content.decode()
        assert "select a valid choice" not in html.lower()
        assert "有效" not in html or "选择一个有效的选项" not in html
    assert (own_figures(office)["audience"] == 100) == counted


def test_attendance_on_an_event_not_started_says_why(client, office):
    event = office["own"]["event"]
    later = timezone.now() + datetime.timedelta(days=3)
    Event.objects.filter(pk=event.pk).update(start=later, end=later + datetime.timedelta(hours=1))
    client.force_login(office["users"]["staff"])
    page = client.get(reverse("campaigns_record_event", args=[event.pk])).content.decode()
    assert "活动开始后才能" in page or "once the event has started" in page


def test_a_material_out_of_stock_saves_nothing(client, office):
    event = office["own"]["event"]
    leaflet = StockMovement.objects.get(material__name="own宣传单").material
    client.force_login(office["users"]["staff"])
    response = record(client, event, {"junior": 50}, [(leaflet, 9999)])
    assert response.status_code == 200
    assert not Attendance.objects.filter(event=event).exists()
    event.refresh_from_db()
    assert event.status == "confirmed"


def test_more_students_than_enrolled_asks_for_confirmation(client, office):
    event = office["own"]["event"]
    client.force_login(office["users"]["staff"])
    response = record(client, event, {"junior": 900})
    assert response.status_code == 200
    assert not Attendance.objects.filter(event=event).exists()
    assert 'name="confirm_over_enrolment"' in response.content.decode()


def test_staff_never_record_another_stations_event(client, office):
    client.force_login(office["users"]["staff"])
    response = client.get(reverse("campaigns_record_event", args=[office["other"]["event"].pk]))
    assert response.status_code == 404


def test_the_station_dashboard_lists_what_waits_to_be_recorded(client, office):
    client.force_login(office["users"]["staff"])
    html = client.get(reverse("campaigns_station_dashboard")).content.decode()
    assert "own禁毒讲座" in html and "other禁毒讲座" not in html
    assert reverse("campaigns_record_event", args=[office["own"]["event"].pk]) in html
    home = client.get("/admin/").content.decode()
    assert reverse("campaigns_record_event", args=[office["own"]["event"].pk]) in home


def test_inspect_views_show_local_times_and_readable_values(client, office):
    client.force_login(office["users"]["manager"])
    event = office["own"]["event"]
    html = client.get(reverse("wagtailsnippets_campaigns_event:inspect", args=[event.pk]))
    text = html.content.decode()
    local = timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M")
    assert local in text
    assert ">None<" not in text and ">False<" not in text and ">True<" not in text
    assert "Created by" not in text


def test_yes_and_no_in_listings_read_in_the_admins_language(client, office):
    """Boolean columns (公开, 有效) say 是/否 in the Chinese admin, never True/False."""
    client.force_login(office["users"]["administrator"])
    for listing in ("campaigns_event", "campaigns_material", "schools_counsellor"):
        html = client.get(reverse(f"wagtailsnippets_{listing}:list")).content.decode()
        cells = re.findall(r"<td[^>]*>\s*([^<]*?)\s*</td>", html)
        assert "True" not in cells and "False" not in cells, listing
        assert "是" in cells or "否" in cells, listing


def test_the_bulk_bar_speaks_of_records_not_snippets(client, office):
    """Wagtail calls them 片段 ("snippets"); staff select events, schools, counsellors."""
    import json

    client.force_login(office["users"]["administrator"])
    html = client.get(reverse("wagtailsnippets_campaigns_event:list")).content.decode()
    config = json.loads(re.search(r'id="wagtail-config"[^>]*>(.*?)</script>', html, re.S)[1])
    bar = config["STRINGS"]["BULK_ACTIONS"]["SNIPPET"]
    assert bar["PLURAL"] == "已选择 %(objects)s 条记录"
    assert "片段" not in json.dumps(bar, ensure_ascii=False) and "片段" not in html
