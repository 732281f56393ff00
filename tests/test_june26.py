"""The June 26 campaign page and the school talk request form."""

import datetime
import re
from io import StringIO

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Page

import pytest
import time_machine

from campaigns.models import (
    Attendance,
    CampaignIndexPage,
    CampaignPage,
    Event,
    EventStatus,
    TalkRequest,
    TalkRequestPage,
    countdown,
)
from campaigns.public.retention import erase_old_request_contacts
from jindu.editorial.localization import translate
from jindu.editorial.roles import WORKFLOW_NAME
from schools.roles import ensure_outreach_groups
from tests.factories import (
    SHANGHAI,
    CampaignFactory,
    DistrictFactory,
    EventFactory,
    MaterialFactory,
    SchoolFactory,
    StationFactory,
    UserFactory,
    distribute,
    receive,
)

# Countdown


@pytest.mark.parametrize(
    ("moment", "state", "days"),
    [
        (datetime.datetime(2026, 6, 25, 23, 59, 59, tzinfo=SHANGHAI), "before", 1),
        (datetime.datetime(2026, 6, 26, 0, 0, 0, tzinfo=SHANGHAI), "today", 0),
        # 16:00 UTC on 25 June is already midnight in Shanghai.
        (datetime.datetime(2026, 6, 25, 16, 0, 0, tzinfo=datetime.UTC), "today", 0),
        (datetime.datetime(2026, 6, 26, 23, 59, 59, tzinfo=SHANGHAI), "today", 0),
        (datetime.datetime(2026, 6, 27, 0, 0, 0, tzinfo=SHANGHAI), "after", 1),
        (datetime.datetime(2026, 1, 1, 12, 0, tzinfo=SHANGHAI), "before", 176),
    ],
)
def test_countdown_turns_at_shanghai_midnight(moment, state, days):
    with time_machine.travel(moment, tick=False):
        assert countdown(2026) == (state, days)


# Campaign page


@pytest.fixture
def campaign_world(home, en_home):
    cache.clear()
    june = CampaignFactory(name="2026年6·26宣传月", goal_audience=1000)
    station = StationFactory()
    school = SchoolFactory(district=station.district)
    e1 = EventFactory(station=station, campaign=june, venue_type="school", school=school)
    Attendance.objects.create(event=e1, group="junior", count=300)
    leaflet = MaterialFactory()
    receive(leaflet, station, 500)
    distribute(leaflet, e1, 120)
    index = home.add_child(instance=CampaignIndexPage(title="6·26国际禁毒日", slug="june-26"))
    page = index.add_child(
        instance=CampaignPage(
            title="2026年6·26国际禁毒日",
            slug="2026",
            campaign=june,
            year=2026,
            theme="珍爱生命，远离毒品",
        )
    )
    strings = {
        "6·26国际禁毒日": "June 26",
        "june-26": "june-26",
        "2026年6·26国际禁毒日": "June 26, 2026",
        "2026": "2026",
        "珍爱生命，远离毒品": "Cherish life, stay away from drugs",
    }
    translate(index, "en", strings)
    english = translate(page, "en", strings)
    return {
        "june": june,
        "page": page,
        "english": english,
        "index": index,
        "station": station,
        "e1": e1,
    }


def figures_in(html):
    return [int(n.replace(",", "")) for n in re.findall(r"<li><strong>([\d,]+)</strong>", html)]


@time_machine.travel(datetime.datetime(2026, 7, 1, 10, tzinfo=SHANGHAI), tick=False)
def test_page_shows_the_campaigns_sums_in_both_languages(client, campaign_world):
    zh = client.get(campaign_world["page"].url).content.decode()
    en = client.get(campaign_world["english"].url).content.decode()
    # held, person-times, materials, schools, districts
    assert figures_in(zh)[:5] == [1, 300, 120, 1, 1]
    assert figures_in(en)[:5] == figures_in(zh)[:5]
    assert "This year's results (2026)" in en
    assert "Cherish life, stay away from drugs" in en


@time_machine.travel(datetime.datetime(2026, 7, 1, 10, tzinfo=SHANGHAI), tick=False)
def test_figures_change_after_new_attendance(client, campaign_world):
    page = campaign_world["page"]
    assert figures_in(client.get(page.url).content.decode())[1] == 300
    Attendance.objects.create(event=campaign_world["e1"], group="teachers", count=25)
    assert figures_in(client.get(page.url).content.decode())[1] == 325
    assert figures_in(client.get(campaign_world["english"].url).content.decode())[1] == 325


@time_machine.travel(datetime.datetime(2026, 7, 1, 10, tzinfo=SHANGHAI), tick=False)
def test_large_figures_follow_each_languages_number_format(client, campaign_world):
    Attendance.objects.create(event=campaign_world["e1"], group="residents", count=12_000)
    english = client.get(campaign_world["english"].url).content.decode()
    chinese = client.get(campaign_world["page"].url).content.decode()
    assert "<strong>12,300</strong>" in english
    assert "<strong>12300</strong>" in chinese  # Chinese writes no thousands separator


@time_machine.travel(datetime.datetime(2026, 6, 20, 10, tzinfo=SHANGHAI), tick=False)
def test_page_before_june_26_counts_down_and_lists_upcoming_public_events(client, campaign_world):
    EventFactory(
        station=campaign_world["station"],
        campaign=campaign_world["june"],
        title="广场禁毒宣传",
        status="confirmed",
        is_public=True,
        start=datetime.datetime(2026, 6, 26, 9, tzinfo=SHANGHAI),
        end=datetime.datetime(2026, 6, 26, 11, tzinfo=SHANGHAI),
    )
    EventFactory(
        station=campaign_world["station"],
        campaign=campaign_world["june"],
        title="内部筹备会",
        status="confirmed",
        is_public=False,
        start=datetime.datetime(2026, 6, 22, 9, tzinfo=SHANGHAI),
        end=datetime.datetime(2026, 6, 22, 11, tzinfo=SHANGHAI),
    )
    en = client.get(campaign_world["english"].url).content.decode()
    assert "6 days until June 26" in en
    assert "广场禁毒宣传" in en
    assert "内部筹备会" not in en


@time_machine.travel(datetime.datetime(2026, 7, 1, 10, tzinfo=SHANGHAI), tick=False)
def test_campaign_index_lists_years_with_final_figures(client, campaign_world):
    html = client.get(campaign_world["index"].url).content.decode()
    assert "2026年6·26国际禁毒日" in html
    assert figures_in(html)[:3] == [1, 300, 120]


def test_scheduled_publishing_through_review(campaign_world):
    """An editor sets go-live for 26 June 00:00 Shanghai and submits; a reviewer approves;
    the page is not live before go-live and is live after `publish_scheduled`."""
    from wagtail.models import Workflow

    from jindu.editorial.roles import ensure_editorial_groups

    index = campaign_world["index"]
    groups = ensure_editorial_groups([Page.objects.get(depth=2, locale__language_code="zh-hans")])
    editor = UserFactory()
    editor.groups.add(groups["Editors"])
    reviewer = UserFactory()
    reviewer.groups.add(groups["Reviewers"])
    go_live = datetime.datetime(2027, 6, 26, 0, 0, tzinfo=SHANGHAI)
    with time_machine.travel(datetime.datetime(2027, 6, 20, 9, tzinfo=SHANGHAI), tick=False):
        page = index.add_child(
            instance=CampaignPage(
                title="2027年6·26",
                slug="2027",
                campaign=campaign_world["june"],
                year=2027,
                theme="主题",
                live=False,
            )
        )
        page.go_live_at = go_live
        page.save_revision(user=editor)
        workflow = page.get_workflow()
        assert workflow == Workflow.objects.get(name=WORKFLOW_NAME)
        state = workflow.start(page, editor)
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        page.refresh_from_db()
        assert not page.live
        assert page.scheduled_revision is not None
    with time_machine.travel(datetime.datetime(2027, 6, 25, 23, 59, tzinfo=SHANGHAI), tick=False):
        call_command("publish_scheduled", stdout=StringIO())
        page.refresh_from_db()
        assert not page.live
    with time_machine.travel(datetime.datetime(2027, 6, 26, 0, 1, tzinfo=SHANGHAI), tick=False):
        call_command("publish_scheduled", stdout=StringIO())
        page.refresh_from_db()
        assert page.live


# Talk request


@pytest.fixture
def form_page(home, en_home, settings):
    settings.TALK_REQUEST_RATE = "3/h"
    cache.clear()
    ensure_outreach_groups()
    page = home.add_child(instance=TalkRequestPage(title="预约禁毒讲座", slug="request-a-talk"))
    english = translate(
        page, "en", {"预约禁毒讲座": "Request a talk", "request-a-talk": "request-a-talk"}
    )
    district = DistrictFactory(name="浦东新区")
    station = StationFactory(district=district, name="浦东新区工作站")
    manager = UserFactory(email="manager@station.example")
    from django.contrib.auth.models import Group

    from schools.models import StationMembership

    manager.groups.add(Group.objects.get(name="Station managers"))
    StationMembership.objects.create(user=manager, station=station)
    school = SchoolFactory(name="浦东实验小学", district=district)
    return {
        "page": page,
        "english": english,
        "district": district,
        "station": station,
        "school": school,
    }


def valid_data(world, **changes):
    data = {
        "school_name": "浦东实验小学",
        "district": world["district"].pk,
        "contact_name": "张老师",
        "contact_phone": "021-50001234",
        "preferred_date": (datetime.date.today() + datetime.timedelta(days=20)).isoformat(),
        "alternative_dates": "周三下午",
        "grades": "五年级",
        "audience_size": "120",
        "topic": "新型毒品的识别",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


def test_valid_request_creates_a_requested_event_and_an_email(
    client, form_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_page["page"].url, valid_data(form_page))
    assert response.status_code == 302
    assert response["Location"] == form_page["page"].url + "?sent=1"
    event = Event.objects.get()
    assert (event.status, event.station, event.school, event.is_public) == (
        EventStatus.REQUESTED,
        form_page["station"],
        form_page["school"],
        False,
    )
    request = TalkRequest.objects.get()
    assert (request.contact_name, request.contact_phone, request.audience_size) == (
        "张老师",
        "021-50001234",
        120,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["manager@station.example"]
    assert "浦东实验小学" in mail.outbox[0].subject
    assert "021-50001234" not in mail.outbox[0].body  # contacts stay in the admin
    confirmation = client.get(response["Location"]).content.decode()
    assert "您的申请已发送" in confirmation or "your request has been sent" in confirmation


# The worker closes its database connection between tasks, as it should, which a test
# wrapped in one transaction would not survive (PostgreSQL); the rows migrations made (the
# root page, locales) are put back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_a_task_worker_the_request_is_kept_before_the_email_goes(
    client, form_page, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_page["page"].url, valid_data(form_page))
    assert TalkRequest.objects.count() == 1
    assert mail.outbox == []  # waiting for the worker, not lost
    call_command(
        "db_worker", batch=True, no_startup_delay=True, stdout=StringIO(), stderr=StringIO()
    )
    assert len(mail.outbox) == 1
    assert "浦东实验小学" in mail.outbox[0].subject


def test_unknown_school_still_arrives_for_staff_to_match(client, form_page):
    client.post(form_page["page"].url, valid_data(form_page, school_name="新建学校"))
    event = Event.objects.get()
    assert event.school is None
    assert event.organisation == "新建学校"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"school_name": ""}, "school_name", "必需字段"),
        ({"contact_phone": "call me"}, "contact_phone", "请输入由数字组成的电话号码"),
        ({"preferred_date": "2020-01-01"}, "preferred_date", "请选择今天以后的日期。"),
        ({"audience_size": "0"}, "audience_size", ""),
        ({"district": "99999"}, "district", ""),
        ({"consent": ""}, "consent", ""),
    ],
)
def test_invalid_input_shows_field_errors_and_creates_nothing(
    client, form_page, changes, field, message
):
    response = client.post(form_page["page"].url, valid_data(form_page, **changes))
    html = response.content.decode()
    assert response.status_code == 200
    # The error is tied to its field for screen readers, and listed at the top with a link.
    control = re.search(rf'<(?:input|select|textarea)[^>]*\bid="id_{field}"[^>]*>', html).group(0)
    described_by = re.search(r'aria-describedby="([^"]*)"', control)
    assert described_by and f"id_{field}_error" in described_by.group(1).split()
    error = re.search(rf'<div class="error" id="id_{field}_error">(.*?)</div>', html, re.S)
    assert error and message in error.group(1)
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', html, re.S).group(0)
    assert f'href="#id_{field}"' in summary
    assert not Event.objects.exists() and not TalkRequest.objects.exists()


def test_invalid_input_in_english(client, form_page):
    html = client.post(
        form_page["english"].url, valid_data(form_page, contact_phone="x")
    ).content.decode()
    assert "Enter a phone number of digits" in html


def test_honeypot_refuses_without_creating_anything(client, form_page):
    response = client.post(
        form_page["page"].url, valid_data(form_page, website="http://spam.example")
    )
    assert response.status_code == 400
    assert not Event.objects.exists() and not TalkRequest.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_ip_refuses_without_creating_anything(client, form_page):
    for _ in range(3):
        client.post(form_page["page"].url, valid_data(form_page), REMOTE_ADDR="203.0.113.7")
    response = client.post(form_page["page"].url, valid_data(form_page), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert TalkRequest.objects.count() == 3
    other = client.post(
        form_page["page"].url,
        valid_data(form_page, contact_phone="021-50001111"),
        REMOTE_ADDR="198.51.100.1",
    )
    assert other.status_code == 302


def test_one_phone_number_is_limited_whatever_the_address_and_with_redis_down(
    client, form_page, settings
):
    settings.CACHES = {
        **settings.CACHES,
        "limits": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        },
    }
    settings.RATELIMIT_USE_CACHE = "limits"
    statuses = [
        client.post(
            form_page["page"].url, valid_data(form_page), REMOTE_ADDR=f"203.0.113.{n}"
        ).status_code
        for n in range(1, 6)
    ]
    assert statuses == [302, 302, 302, 200, 200]
    refused = client.post(form_page["page"].url, valid_data(form_page), REMOTE_ADDR="203.0.113.9")
    assert "此电话号码" in refused.content.decode()
    assert TalkRequest.objects.count() == 3


def test_corrected_mistakes_do_not_use_up_the_rate_limit(client, form_page):
    for _ in range(5):
        refused = client.post(
            form_page["page"].url,
            valid_data(form_page, contact_phone="x"),
            REMOTE_ADDR="203.0.113.8",
        )
        assert refused.status_code == 200  # shown its errors, not 429
    for _ in range(3):
        sent = client.post(form_page["page"].url, valid_data(form_page), REMOTE_ADDR="203.0.113.8")
        assert sent.status_code == 302
    assert TalkRequest.objects.count() == 3


def test_post_without_csrf_token_is_refused(form_page):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(form_page["page"].url, valid_data(form_page))
    assert response.status_code == 403
    assert not TalkRequest.objects.exists()


def test_requester_details_never_reach_public_pages(client, form_page):
    client.post(
        form_page["page"].url,
        valid_data(form_page, contact_name="保密的张老师", contact_phone="021-59990000"),
    )
    event = Event.objects.get()
    event.status = EventStatus.CONFIRMED
    event.is_public = True
    event.save()
    urls = [
        "/",
        "/en/",
        form_page["page"].url,
        "/events.ics",
        "/sitemap.xml",
        "/api/v2/pages/",
        "/search/?q=张老师",
    ]
    for url in urls:
        body = client.get(url).content.decode()
        assert "保密的张老师" not in body and "021-59990000" not in body, url


def test_declining_needs_a_reason(client, form_page):
    client.post(form_page["page"].url, valid_data(form_page))
    event = Event.objects.get()
    event.status = EventStatus.CANCELLED
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    assert "decline_reason" in caught.value.message_dict
    event.decline_reason = "该日期社工已满档，请改约其他日期。"
    event.full_clean()


def test_old_request_contacts_are_erased(client, form_page, settings):
    settings.TALK_REQUEST_RETENTION_DAYS = 30
    client.post(form_page["page"].url, valid_data(form_page))
    TalkRequest.objects.update(
        created_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=31)
    )
    assert erase_old_request_contacts() == 1
    request = TalkRequest.objects.get()
    assert (request.contact_name, request.contact_phone) == ("", "")
    assert request.contacts_erased_at is not None
    assert request.school_name == "浦东实验小学"  # the work itself is still counted
    assert erase_old_request_contacts() == 0
    out = StringIO()
    call_command("erase_old_request_contacts", stdout=out)
    assert "0 requests" in out.getvalue()
