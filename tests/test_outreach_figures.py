"""Reports, feeds, the public events page and the write-up, against a small fixed data set
whose figures are worked out by hand."""

import datetime
import re

from django.urls import reverse
from django.utils import translation

import pytest
import time_machine
from icalendar import Calendar

from campaigns.field.writeup import create_write_up, write_up_body
from campaigns.models import Attendance, CalendarToken, Event, EventIndexPage, EventStatus
from campaigns.reports.figures import breakdown, figures
from jindu.editorial.localization import translate
from jindu.models import ArticlePage
from tests.factories import (
    SHANGHAI,
    CampaignFactory,
    CounsellorFactory,
    DistrictFactory,
    EventFactory,
    MaterialFactory,
    SchoolFactory,
    SectionPageFactory,
    StationFactory,
    UserFactory,
    distribute,
    receive,
)


def at(day, hour=9):
    return datetime.datetime(2026, 6, day, hour, 0, tzinfo=SHANGHAI)


@pytest.fixture
def data(db):
    """Two stations in two districts; June campaign with the June 26 day inside it.

    held: e1 (school A, east, 120+8 people, 100 leaflets), e2 (community, east, 50 people,
    30 leaflets + 20 posters), e3 (school B, west, 200 people, day campaign); planned: e4;
    cancelled: e5 (with nothing recorded); outside the campaign: e6 held in May (40 people).
    """
    june = CampaignFactory(
        name="六月宣传月", goal_events=10, goal_audience=1000, goal_materials=400
    )
    day = CampaignFactory(
        name="6·26",
        parent=june,
        start_date=datetime.date(2026, 6, 26),
        end_date=datetime.date(2026, 6, 26),
    )
    east, west = DistrictFactory(name="东区"), DistrictFactory(name="西区")
    s_east, s_west = (
        StationFactory(district=east, name="东站"),
        StationFactory(district=west, name="西站"),
    )
    school_a, school_b = (
        SchoolFactory(district=east, enrolment=1000),
        SchoolFactory(district=west, enrolment=900),
    )
    e1 = EventFactory(
        station=s_east,
        venue_type="school",
        school=school_a,
        campaign=june,
        start=at(10),
        end=at(10, 11),
    )
    e2 = EventFactory(
        station=s_east, venue_type="community", campaign=june, start=at(12), end=at(12, 11)
    )
    e3 = EventFactory(
        station=s_west,
        venue_type="school",
        school=school_b,
        campaign=day,
        start=at(26),
        end=at(26, 11),
    )
    e4 = EventFactory(station=s_west, status="planned", campaign=june, start=at(28), end=at(28, 11))
    e5 = EventFactory(
        station=s_east, status="cancelled", campaign=june, start=at(15), end=at(15, 11)
    )
    e6 = EventFactory(
        station=s_east,
        start=datetime.datetime(2026, 5, 5, 9, tzinfo=SHANGHAI),
        end=datetime.datetime(2026, 5, 5, 11, tzinfo=SHANGHAI),
    )
    for event, group, count in [
        (e1, "junior", 120),
        (e1, "teachers", 8),
        (e2, "residents", 50),
        (e3, "senior", 200),
        (e6, "residents", 40),
    ]:
        Attendance.objects.create(event=event, group=group, count=count)
    leaflet, poster = (
        MaterialFactory(name="宣传单", unit="份"),
        MaterialFactory(name="海报", unit="张"),
    )
    receive(leaflet, s_east, 1000)
    receive(poster, s_east, 100)
    distribute(leaflet, e1, 100)
    distribute(leaflet, e2, 30)
    distribute(poster, e2, 20)
    return locals()


def test_campaign_figures_match_hand_computed(data):
    events = Event.objects.filter(campaign_id__in=data["june"].with_descendants())
    assert figures(events) == {
        "held": 3,
        "planned": 1,
        "schools": 2,
        "districts": 2,
        "audience": 378,
        "materials": 150,
    }


def test_all_events_include_may(data):
    totals = figures(Event.objects.all())
    assert (totals["held"], totals["audience"], totals["materials"]) == (4, 418, 150)


def test_breakdowns_by_district_station_venue_and_month(data):
    events = Event.objects.all()
    by_district = {row["label"]: row for row in breakdown(events, "district")}
    assert (
        by_district["东区"]["held"],
        by_district["东区"]["audience"],
        by_district["东区"]["materials"],
    ) == (3, 218, 150)
    assert (
        by_district["西区"]["held"],
        by_district["西区"]["planned"],
        by_district["西区"]["audience"],
    ) == (1, 1, 200)
    by_venue = {row["key"]: row for row in breakdown(events, "venue_type")}
    assert (
        by_venue["school"]["held"],
        by_venue["school"]["audience"],
        by_venue["school"]["schools"],
    ) == (2, 328, 2)
    by_month = {row["label"]: row for row in breakdown(events, "month")}
    assert (by_month["2026-05"]["audience"], by_month["2026-06"]["audience"]) == (40, 378)
    by_campaign = {row["key"]: row for row in breakdown(events, "campaign")}
    assert by_campaign["6·26"]["audience"] == 200
    assert by_campaign[None]["held"] == 1


def test_report_view_and_export_for_managers(client, data):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    html = client.get(reverse("campaigns_report", args=["district"])).content.decode()
    assert "东区" in html and "218" in html
    response = client.get(reverse("campaigns_report", args=["district"]), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "东区,3,0,218,150" in text.replace("\r", "")


def test_dashboard_shows_campaign_progress(client, data):
    client.force_login(UserFactory(is_superuser=True))
    html = client.get(
        reverse("campaigns_dashboard"), {"campaign": data["june"].pk}
    ).content.decode()
    assert "<strong>378</strong>" in html
    assert "37.8%" in html  # 378 of a 1,000 person-times goal
    assert 'data-chart="venue_chart"' in html


def campaign_shown_first(client, when):
    """The campaign the dashboard opens on, for someone signing in at ``when``."""
    with time_machine.travel(when, tick=False):
        client.force_login(UserFactory(is_superuser=True))
        html = client.get(reverse("campaigns_dashboard")).content.decode()
    return re.search(r'<option value="\d+" selected>([^<]+)</option>', html).group(1)


def test_dashboard_opens_on_the_campaign_running_today(client, data):
    CampaignFactory(
        name="2027年6·26", start_date=datetime.date(2027, 6, 1), end_date=datetime.date(2027, 6, 30)
    )
    # On June 26 both the month and the day run: the whole month is shown.
    assert campaign_shown_first(client, at(26)) == "六月宣传月"
    # In July none runs and next year's has not started: the month that just ended.
    assert campaign_shown_first(client, datetime.datetime(2026, 7, 10, tzinfo=SHANGHAI)) == (
        "六月宣传月"
    )
    assert campaign_shown_first(client, datetime.datetime(2027, 6, 2, tzinfo=SHANGHAI)) == (
        "2027年6·26"
    )


# Feeds


def parse(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return Calendar.from_ical(body)


@time_machine.travel(datetime.datetime(2026, 6, 20, 12, 0, tzinfo=SHANGHAI), tick=False)
def test_public_feed_has_public_events_only_and_parses(client, data):
    Event.objects.filter(pk=data["e2"].pk).update(is_public=True)
    Event.objects.filter(pk=data["e4"].pk).update(is_public=True, title="公开的计划活动")
    Event.objects.filter(pk=data["e5"].pk).update(is_public=True, title="已取消的活动")
    with_time = EventFactory(
        station=data["s_east"],
        is_public=False,
        title="内部培训",
        status="planned",
        start=at(29),
        end=at(29, 11),
    )
    response = client.get("/events.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = parse(response)
    events = calendar.walk("VEVENT")
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "公开的计划活动" in summaries
    # Called off, it stays in the feed as cancelled, so calendars that saved it update.
    cancelled = next(e for e in events if str(e["SUMMARY"]) == "已取消的活动")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert with_time.title not in summaries
    assert all(str(e["UID"]).endswith("@jindu.events") for e in events)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Shanghai"
    planned = next(e for e in events if str(e["SUMMARY"]) == "公开的计划活动")
    assert planned.decoded("DTSTART") == at(28)
    assert str(planned["UID"]) == f"event-{data['e4'].pk}@jindu.events"


@time_machine.travel(datetime.datetime(2026, 6, 20, 12, 0, tzinfo=SHANGHAI), tick=False)
def test_feeds_carry_no_personal_data(client, data):
    counsellor = CounsellorFactory(
        station=data["s_east"], phone="13900000009", email="private@example.org"
    )
    school = SchoolFactory(
        contact_person="保密联系人", contact_phone="021-59999999", district=data["east"]
    )
    event = EventFactory(
        station=data["s_east"],
        venue_type="school",
        school=school,
        is_public=True,
        status="planned",
        counsellors=[counsellor],
        start=at(27),
        end=at(27, 11),
    )
    token = CalendarToken.for_owner(station=data["s_east"])
    for url in ["/events.ics", f"/calendars/{token.token}.ics"]:
        text = parse(client.get(url)).to_ical().decode()
        assert event.title in text
        for private in (
            "13900000009",
            "private@example.org",
            "保密联系人",
            "021-59999999",
            counsellor.name,
        ):
            assert private not in text


@time_machine.travel(datetime.datetime(2026, 6, 20, 12, 0, tzinfo=SHANGHAI), tick=False)
def test_station_and_personal_feeds_need_the_current_token(client, data):
    counsellor = CounsellorFactory(station=data["s_east"])
    EventFactory(
        station=data["s_east"],
        title="内部培训",
        counsellors=[counsellor],
        start=at(29),
        end=at(29, 11),
    )
    station_token = CalendarToken.for_owner(station=data["s_east"])
    personal = CalendarToken.for_owner(counsellor=counsellor)
    station_titles = {
        str(e["SUMMARY"])
        for e in parse(client.get(f"/calendars/{station_token.token}.ics")).walk("VEVENT")
    }
    assert "内部培训" in station_titles
    personal_titles = {
        str(e["SUMMARY"])
        for e in parse(client.get(f"/calendars/{personal.token}.ics")).walk("VEVENT")
    }
    assert personal_titles == {"内部培训"}
    old = station_token.token
    station_token.reset()
    assert client.get(f"/calendars/{old}.ics").status_code == 404
    assert client.get(f"/calendars/{station_token.token}.ics").status_code == 200
    assert len(station_token.token) >= 40


# Public events page


@pytest.fixture
def events_page(home, en_home):
    page = home.add_child(instance=EventIndexPage(title="近期禁毒活动", slug="events"))
    english = translate(page, "en", {"近期禁毒活动": "Upcoming events", "events": "events"})
    return page, english


def test_public_events_page_hides_internal_events(client, events_page, db):
    page, english = events_page
    station = StationFactory()
    soon = datetime.datetime.now(SHANGHAI) + datetime.timedelta(days=3)
    public = EventFactory(
        station=station,
        title="广场禁毒宣传",
        is_public=True,
        status="confirmed",
        start=soon,
        end=soon + datetime.timedelta(hours=2),
    )
    internal = EventFactory(
        station=station,
        title="内部培训会",
        is_public=False,
        status="confirmed",
        start=soon,
        end=soon + datetime.timedelta(hours=2),
    )
    requested = EventFactory(
        station=station,
        title="待确认讲座",
        is_public=True,
        status="requested",
        start=soon,
        end=soon + datetime.timedelta(hours=2),
    )
    for url in (page.url, english.url):
        html = client.get(url).content.decode()
        assert "广场禁毒宣传" in html
        assert "内部培训会" not in html and "待确认讲座" not in html
    assert client.get(f"{page.url}{public.pk}/").status_code == 200
    assert client.get(f"{page.url}{internal.pk}/").status_code == 404
    assert client.get(f"{page.url}{requested.pk}/").status_code == 404
    ics = client.get(f"{page.url}{public.pk}/ics/")
    assert [str(e["SUMMARY"]) for e in parse(ics).walk("VEVENT")] == ["广场禁毒宣传"]


def test_public_events_page_filters_by_district_and_venue(client, events_page, db):
    page, _english = events_page
    soon = datetime.datetime.now(SHANGHAI) + datetime.timedelta(days=3)
    east, west = StationFactory(), StationFactory()
    EventFactory(
        station=east,
        title="东区社区活动",
        venue_type="community",
        is_public=True,
        status="planned",
        start=soon,
        end=soon + datetime.timedelta(hours=1),
    )
    EventFactory(
        station=west,
        title="西区线上竞赛",
        venue_type="online",
        is_public=True,
        status="planned",
        start=soon,
        end=soon + datetime.timedelta(hours=1),
    )
    html = client.get(page.url, {"district": east.district_id}).content.decode()
    assert "东区社区活动" in html and "西区线上竞赛" not in html
    html = client.get(page.url, {"venue": "online"}).content.decode()
    assert "西区线上竞赛" in html and "东区社区活动" not in html
    assert client.get(page.url, {"district": "abc", "venue": "<x>"}).status_code == 200


# Write-up


def test_write_up_creates_a_draft_with_the_right_numbers(client, data, home):
    SectionPageFactory(parent=home, slug="news", title="工作动态")
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(reverse("campaigns_write_up", args=[data["e2"].pk]))
    page = ArticlePage.objects.get()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.get_parent().slug == "news"
    text = " ".join(
        str(block.value) if block.block_type == "paragraph" else " ".join(block.value["facts"])
        for block in page.body
    )
    assert "2026年6月12日" in text and "东站" in text and "50" in text
    assert "社区居民：50" in text
    assert "宣传单发放：30 份" in text and "海报发放：20 张" in text
    assert page.published_date == datetime.date(2026, 6, 12)


def test_only_completed_events_are_written_up(client, data, home):
    SectionPageFactory(parent=home, slug="news")
    client.force_login(UserFactory(is_superuser=True))
    client.post(reverse("campaigns_write_up", args=[data["e4"].pk]))
    assert not ArticlePage.objects.exists()
    assert data["e4"].status == EventStatus.PLANNED


def test_the_write_up_reads_as_a_social_worker_would_write_it(data, home):
    """Whole sentences from the records (issue 20): who, where, what, who came, what was
    handed out, with no field values strung together and no venue said twice."""
    SectionPageFactory(parent=home, slug="news")
    school = data["school_a"].name
    page = create_write_up(data["e1"])
    opening = page.body[0].value.source
    assert opening == (
        f"<p>2026年6月10日，东站的禁毒社工走进{school}，开展了一场禁毒主题讲座。"
        "共有128人次参加，其中初中生120人和教师8人。活动中发放了宣传单100份。</p>"
    )
    data["e2"].format = "caravan"
    data["e2"].save()
    opening = create_write_up(data["e2"]).body[0].value.source
    assert opening == (
        "<p>2026年6月12日，东站的禁毒社工在东区的社区开展了禁毒大篷车宣传活动。"
        "共有社区居民50人参加。活动中发放了宣传单30份和海报20张。</p>"
    )
    with translation.override("en"):
        body, _total = write_up_body(data["e1"])
    assert body[0]["value"] == (
        f"<p>On June 10, 2026, anti-drug social workers of 东站 visited {school} and gave a drug "
        "prevention talk. 128 people took part: 120 junior secondary students and 8 teachers. "
        "They handed out 宣传单 (100 份).</p>"
    )


def test_write_up_twice_makes_two_distinct_drafts(data, home):
    SectionPageFactory(parent=home, slug="news")
    first, second = create_write_up(data["e1"]), create_write_up(data["e1"])
    assert first.slug != second.slug


@time_machine.travel(datetime.datetime(2026, 6, 30, 12, tzinfo=SHANGHAI), tick=False)
def test_coverage_report_counts_schools_and_students_reached_this_term(client, data):
    """Spring term 2026 (1 Feb – 31 Aug): e1 reached school A (120 junior students), e3 school
    B (200 senior students); teachers are not students."""
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("schools_coverage"), {"export": "csv"})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").replace("\r", "").splitlines()
    rows = {line.split(",")[0]: line.split(",") for line in lines[1:]}
    # district, schools, covered, %, enrolment, covered enrolment, reached, students, share
    assert rows["东区"][6:] == ["1", "120", "12.0"]
    assert rows["西区"][6:] == ["1", "200", "22.2"]


def test_reports_cover_the_last_twelve_months_unless_asked_otherwise(client, db):
    from tests.factories import SHANGHAI, EventFactory, UserFactory

    def at(*day):
        return datetime.datetime(*day, 9, 0, tzinfo=SHANGHAI)

    EventFactory(start=at(2024, 3, 1), end=at(2024, 3, 1) + datetime.timedelta(hours=2))
    EventFactory(start=at(2025, 12, 1), end=at(2025, 12, 1) + datetime.timedelta(hours=2))
    EventFactory(start=at(2026, 11, 20), end=at(2026, 11, 20) + datetime.timedelta(hours=2))
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("campaigns_report", args=["station"])
    with time_machine.travel(at(2026, 11, 22), tick=False):
        default = client.get(url)
        everything = client.get(url, {"from": "", "to": ""})
        chosen = client.get(url, {"from": "2024-01-01", "to": "2024-12-31"})
    # The form shows the period it used, so nothing is left out silently.
    assert default.context["params"]["from"] == "2025-12-01"
    assert 'value="2025-12-01"' in default.content.decode()
    assert default.context["totals"]["held"] == 2
    assert everything.context["totals"]["held"] == 3
    assert chosen.context["totals"]["held"] == 1


def test_public_events_page_names_district_venue_and_format_in_the_readers_language(
    client, events_page
):
    page, english = events_page
    soon = datetime.datetime.now(SHANGHAI) + datetime.timedelta(days=3)
    EventFactory(
        station=StationFactory(),
        title="商场禁毒摊位",
        is_public=True,
        status="confirmed",
        venue_type="public_place",
        format="booth",
        start=soon,
        end=soon + datetime.timedelta(hours=2),
    )
    assert "公共场所 · 摊位宣传" in client.get(page.url).content.decode()
    assert "Public place · Booth" in client.get(english.url).content.decode()
