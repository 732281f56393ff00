"""Did the talk work? (issue 21) The feedback page a QR code opens (anonymous, counts only,
open for a window, one answer per address, honeypot, CSRF), its results for the event, the
reports and the public page (hidden for small groups), the sheets, and the photos."""

import datetime
import io
import json
import os

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

import pytest
import time_machine
from PIL import Image

from campaigns.field.evidence import feedback_for
from campaigns.field.writeup import create_write_up
from campaigns.models import Event, EventFeedback, EventPhoto, FeedbackTally, Phase
from campaigns.reports.feedback_results import breakdown, event_results, public_summary
from schools.roles import ensure_outreach_groups
from schools.scoping import OUTREACH_STAFF, STATION_MANAGERS
from tests.factories import (
    SHANGHAI,
    EventFactory,
    QuizPageFactory,
    SchoolFactory,
    SectionPageFactory,
    StationFactory,
    station_member,
)
from tests.test_june26 import campaign_world  # noqa: F401, F811 - a fixture

START = datetime.datetime(2026, 6, 20, 9, 0, tzinfo=SHANGHAI)
DURING = START + datetime.timedelta(minutes=30)


@pytest.fixture
def quiz(home):
    return QuizPageFactory(parent=home)


@pytest.fixture
def event(quiz):
    school = SchoolFactory(level="junior")
    return EventFactory(school=school, venue_type="school", district=school.district)


def answer_url(event, phase=Phase.AFTER):
    feedback = feedback_for(event)
    name = "campaigns_feedback_before" if phase == Phase.BEFORE else "campaigns_feedback"
    return reverse(name, args=[feedback.token])


def answers(right=True, **extra):
    """Both factory questions: the right option of the first is 1, of the second 0."""
    data = {"q0": "1" if right else "0", "q1": "0" if right else "1", "website": ""}
    data.update(extra)
    return data


def after_answers(right=True, **extra):
    return answers(right, usefulness="5", recommend="yes", **extra)


def tally(event, phase=Phase.AFTER):
    return FeedbackTally.objects.filter(feedback__event=event, phase=phase).first()


@time_machine.travel(DURING, tick=False)
def test_an_answer_is_kept_as_counts_only(event, client):
    url = answer_url(event)
    page = client.get(url)
    assert page.status_code == 200
    assert "国际禁毒日是哪一天？" in page.content.decode()
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    response = client.post(
        url,
        after_answers(),
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="PhoneBrowser/9.9 (device-4711)",
    )
    assert response.status_code == 200
    assert "2" in response.content.decode() and "谢谢" in response.content.decode()
    counted = tally(event)
    assert (counted.responses, counted.questions_asked, counted.questions_right) == (1, 2, 2)
    assert (counted.usefulness_total, counted.recommend_yes) == (5, 1)
    # No personal data: nothing anywhere in the database holds the address or the device.
    dump = io.StringIO()
    call_command("dumpdata", "campaigns", "jindu", stdout=dump)
    assert "203.0.113.77" not in dump.getvalue()
    assert "device-4711" not in dump.getvalue()
    kept = {field.name for field in FeedbackTally._meta.get_fields()}
    assert kept == {
        "id",
        "feedback",
        "phase",
        "responses",
        "usefulness_total",
        "usefulness_answers",
        "recommend_yes",
        "recommend_answers",
        "questions_asked",
        "questions_right",
    }


@time_machine.travel(DURING, tick=False)
def test_each_phone_answers_once_and_is_told_its_answer_counted(event, client):
    url = answer_url(event)
    assert client.post(url, after_answers(), REMOTE_ADDR="198.51.100.1").status_code == 200
    again = client.post(url, after_answers(False), REMOTE_ADDR="198.51.100.1")
    assert "已经作答" in again.content.decode() and "已计入" in again.content.decode()
    assert tally(event).responses == 1
    # A second phone on the same school Wi-Fi counts.
    other_phone = Client()
    assert (
        other_phone.post(url, after_answers(False), REMOTE_ADDR="198.51.100.1").status_code == 200
    )
    assert tally(event).responses == 2
    # The check before the talk is answered apart from the feedback after it.
    before = answer_url(event, Phase.BEFORE)
    assert client.post(before, answers(False), REMOTE_ADDR="198.51.100.1").status_code == 200
    assert tally(event, Phase.BEFORE).responses == 1


@time_machine.travel(DURING, tick=False)
def test_a_flood_from_one_connection_is_refused_and_not_called_counted(event, settings):
    settings.FEEDBACK_ANSWERS_PER_ADDRESS = 2
    url = answer_url(event)
    statuses = [Client().post(url, after_answers(), REMOTE_ADDR="198.51.100.9") for _ in range(3)]
    assert [response.status_code for response in statuses] == [200, 200, 429]
    refused = statuses[-1].content.decode()
    assert "未计入" in refused and "已计入" not in refused
    assert tally(event).responses == 2


UNREACHABLE_REDIS = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
}


@time_machine.travel(DURING, tick=False)
def test_with_the_limits_cache_down_answers_still_count(event, settings):
    settings.CACHES = {**settings.CACHES, "limits": UNREACHABLE_REDIS}
    settings.RATELIMIT_USE_CACHE = "limits"
    url = answer_url(event)
    answered = [Client().post(url, after_answers(), REMOTE_ADDR="198.51.100.3") for _ in range(2)]
    assert [response.status_code for response in answered] == [200, 200]
    assert tally(event).responses == 2


@time_machine.travel(DURING, tick=False)
def test_robots_and_forged_posts_count_for_nothing(event, client):
    url = answer_url(event)
    client.post(url, after_answers(website="http://spam.example"), REMOTE_ADDR="192.0.2.9")
    assert tally(event) is None
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url, after_answers(), REMOTE_ADDR="192.0.2.10").status_code == 403
    assert tally(event) is None
    # An unanswered question is asked again, in Chinese, and nothing is counted.
    response = client.post(url, {"q0": "1", "website": ""}, REMOTE_ADDR="192.0.2.11")
    assert "请回答每一个问题" in response.content.decode()
    assert tally(event) is None


def test_the_page_is_open_only_around_the_event(event, client):
    url = answer_url(event)
    for moment in (
        START - datetime.timedelta(hours=2),
        event.end + datetime.timedelta(days=3, minutes=1),
    ):
        with time_machine.travel(moment, tick=False):
            page = client.get(url)
            assert "已关闭" in page.content.decode()
            client.post(url, after_answers(), REMOTE_ADDR="192.0.2.20")
    assert tally(event) is None
    # Before the talk: the check alone, closing when the event ends.
    with time_machine.travel(event.end + datetime.timedelta(minutes=1), tick=False):
        assert "已关闭" in client.get(answer_url(event, Phase.BEFORE)).content.decode()
    with time_machine.travel(event.end + datetime.timedelta(days=2), tick=False):
        assert "已关闭" not in client.get(url).content.decode()


def test_an_unknown_address_is_404(db, client):
    assert client.get("/feedback/not-a-token/").status_code == 404


@time_machine.travel(DURING, tick=False)
def test_english_audience_gets_english_questions(event, client, quiz):
    from jindu.editorial.localization import translate

    translate(
        quiz,
        "en",
        {"禁毒知识小测验": "Drug quiz", "国际禁毒日是哪一天？": "When is the day against drugs?"},
    )
    page = client.get("/en" + answer_url(event)).content.decode()
    assert "When is the day against drugs?" in page


def results_with(event, before, before_right, after, after_right):
    feedback = feedback_for(event)
    FeedbackTally.objects.create(
        feedback=feedback,
        phase=Phase.BEFORE,
        responses=before,
        questions_asked=before * 2,
        questions_right=before_right,
    )
    FeedbackTally.objects.create(
        feedback=feedback,
        phase=Phase.AFTER,
        responses=after,
        questions_asked=after * 2,
        questions_right=after_right,
        usefulness_total=after * 4,
        usefulness_answers=after,
        recommend_yes=after // 2,
        recommend_answers=after,
    )


def test_results_before_and_after(event):
    results_with(event, before=10, before_right=10, after=20, after_right=30)
    found = event_results(event)
    assert (found["right_before"], found["right_after"], found["change"]) == (50.0, 75.0, 25.0)
    assert (found["usefulness"], found["recommend"]) == (4.0, 50.0)
    with translation.override("en"):  # whatever an earlier request left active
        rows = breakdown(Event.objects.all(), "audience")
    assert [(row["label"], row["responses"]) for row in rows] == [("Junior secondary students", 20)]


def test_the_public_sees_results_only_for_groups_big_enough(event):
    events = Event.objects.filter(pk=event.pk)
    results_with(event, before=12, before_right=12, after=19, after_right=30)
    assert public_summary(events) is None  # 19 answers: one class could be singled out
    FeedbackTally.objects.filter(phase=Phase.AFTER).update(responses=20, questions_asked=40)
    shown = public_summary(events)
    assert shown["right_after"] == 75.0
    assert shown["right_before"] is None and shown["change"] is None  # 12 before: too few
    FeedbackTally.objects.filter(phase=Phase.BEFORE).update(responses=20, questions_asked=40)
    assert public_summary(events)["change"] is not None


def test_campaign_page_states_the_change_once_enough_answered(client, campaign_world):  # noqa: F811
    from django.core.cache import caches

    page, event = campaign_world["page"], campaign_world["e1"]
    results_with(event, before=25, before_right=25, after=25, after_right=40)
    html = client.get(page.url).content.decode()
    assert "80.0" in html and "50.0" in html
    caches["default"].clear()
    english = client.get(campaign_world["english"].url).content.decode()
    assert "80.0 %" in english and "up from 50.0 %" in english
    FeedbackTally.objects.filter(phase=Phase.AFTER).update(responses=5)
    caches["default"].clear()
    assert "80.0" not in client.get(page.url).content.decode()


# The admin screens


@pytest.fixture
def people(db):
    from campaigns.roles import ensure_campaign_permissions

    ensure_outreach_groups()
    ensure_campaign_permissions()
    own, other = StationFactory(name="本站"), StationFactory(name="他站")

    def member(name, group, station):
        return station_member(station, group, username=name)

    return {
        "own": own,
        "other": other,
        "staff": member("staff", OUTREACH_STAFF, own),
        "manager": member("manager", STATION_MANAGERS, own),
        "stranger": member("stranger", OUTREACH_STAFF, other),
    }


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def jpeg_with_location():
    image = Image.new("RGB", (80, 60), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (31.0, 14.0, 0.0), 3: "E", 4: (121.0, 28.0, 0.0)}
    exif[0x0110] = "SecretPhone 12"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    buffer.name = "talk.jpg"
    buffer.seek(0)
    return buffer


def test_the_sheet_page_warns_while_the_codes_point_to_localhost(people, quiz):
    from wagtail.models import Site

    event = EventFactory(station=people["own"])
    url = reverse("campaigns_event_feedback", args=[event.pk])
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    html = signed_in(people["staff"]).get(url).content.decode()
    assert "data-jindu-local-address" in html and "http://localhost" in html
    site.hostname, site.port = "jindu.example.org", 443
    site.save()
    html = signed_in(people["staff"]).get(url).content.decode()
    assert "data-jindu-local-address" not in html


def test_staff_see_the_sheet_codes_and_results_of_their_own_events(people, quiz):
    event = EventFactory(station=people["own"])
    url = reverse("campaigns_event_feedback", args=[event.pk])
    for role in ("staff", "manager"):
        page = signed_in(people[role]).get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "<svg" in html and feedback_for(event).token in html
        sheet = signed_in(people[role]).get(reverse("campaigns_event_sheet", args=[event.pk]))
        assert sheet["Content-Type"] == "application/pdf" and sheet.content[:4] == b"%PDF"
        poster = signed_in(people[role]).get(reverse("campaigns_event_poster", args=[event.pk]))
        assert poster.content[:4] == b"%PDF"
    stranger = signed_in(people["stranger"])
    for name in ("campaigns_event_feedback", "campaigns_event_sheet", "campaigns_event_poster"):
        assert stranger.get(reverse(name, args=[event.pk])).status_code == 404
    # The edit screen and the record screen lead to it.
    edit = signed_in(people["staff"]).get(
        reverse("wagtailsnippets_campaigns_event:edit", args=[event.pk])
    )
    assert url in edit.content.decode()
    record = signed_in(people["staff"]).get(reverse("campaigns_record_event", args=[event.pk]))
    assert url in record.content.decode()


def test_the_questionnaire_can_be_changed_until_someone_answers(people, quiz, home):
    adults = QuizPageFactory(parent=home, slug="adults", title="家长测验")
    from jindu.models import Audience

    adults.audiences.set([Audience.objects.get_or_create(code="parents")[0]])
    adults.save()
    event = EventFactory(station=people["own"])
    url = reverse("campaigns_event_feedback", args=[event.pk])
    client = signed_in(people["staff"])
    client.get(url)
    client.post(url, {"audience": "parents", "language": "en", "save_settings": "1"})
    feedback = EventFeedback.objects.get(event=event)
    assert (feedback.audience, feedback.language) == ("parents", "en")
    assert feedback.questions[0]["quiz"] == str(adults.translation_key)
    assert "/en/feedback/" in client.get(url).content.decode()
    FeedbackTally.objects.create(feedback=feedback, phase=Phase.AFTER, responses=1)
    # Once answered, the questions stay (a disabled field is not sent); the language changes.
    client.post(url, {"language": "zh-hans", "save_settings": "1"})
    changed = EventFeedback.objects.get(event=event)
    assert changed.language == "zh-hans"
    assert (changed.audience, changed.questions) == ("parents", feedback.questions)


def test_photos_lose_their_location_and_stay_with_the_station(
    people, django_capture_on_commit_callbacks
):
    event = EventFactory(station=people["own"])
    url = reverse("campaigns_event_feedback", args=[event.pk])
    client = signed_in(people["staff"])
    refused = client.post(url, {"upload_photo": "1", "file": jpeg_with_location(), "caption": "x"})
    assert "同意" in refused.content.decode() and not EventPhoto.objects.exists()
    client.post(
        url,
        {"upload_photo": "1", "file": jpeg_with_location(), "caption": "讲座现场", "consent": "on"},
    )
    photo = EventPhoto.objects.get()
    with photo.file.open("rb") as stored:
        kept = Image.open(io.BytesIO(stored.read()))
        assert not kept.getexif()
    photo_url = reverse("campaigns_event_photo", args=[photo.pk])
    assert photo_url in client.get(url).content.decode()
    assert client.get(photo_url).status_code == 200
    assert signed_in(people["stranger"]).get(photo_url).status_code == 404
    assert Client().get(photo_url).status_code == 302  # to the login page
    assert not photo.file.url.startswith("/media/")
    # Not a picture: refused in Chinese.
    fake = io.BytesIO(b"%PDF-1.4 not a photo")
    fake.name = "photo.jpg"
    refused = client.post(url, {"upload_photo": "1", "file": fake, "consent": "on"})
    assert EventPhoto.objects.count() == 1 and "error-message" in refused.content.decode()
    # Deleting the event leaves no photo file behind.
    stored = photo.file.path
    assert os.path.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    assert not os.path.exists(stored)
    assert not EventPhoto.objects.exists()


def test_the_write_up_uses_only_photos_marked_for_the_public(people, home):
    SectionPageFactory(parent=home, slug="news", title="工作动态")
    event = EventFactory(station=people["own"])
    client = signed_in(people["manager"])
    url = reverse("campaigns_event_feedback", args=[event.pk])
    for caption, public in (("公开照片", True), ("内部照片", False)):
        data = {"upload_photo": "1", "file": jpeg_with_location(), "caption": caption}
        data["consent"] = "on"
        if public:
            data["may_publish"] = "on"
        client.post(url, data)
    page = create_write_up(event, people["manager"])
    body = json.dumps(page.body.get_prep_value(), ensure_ascii=False)
    assert "公开照片" in body and "内部照片" not in body


def test_feedback_report_in_both_languages_and_export(people, quiz):
    event = EventFactory(station=people["own"])
    results_with(event, before=10, before_right=10, after=20, after_right=30)
    client = signed_in(people["manager"])
    for dimension in ("campaign", "venue_type", "audience", "station", "month"):
        url = reverse("campaigns_feedback_report", args=[dimension]) + "?from=2026-01-01"
        page = client.get(url)
        assert page.status_code == 200, dimension
        assert "75.0" in page.content.decode()
    csv = client.get(url + "&export=csv")
    assert "75.0" in b"".join(csv.streaming_content).decode()
    profile = UserProfile.get_for_user(people["manager"])
    profile.preferred_language = "en"
    profile.save()
    assert "Feedback by" in client.get(url).content.decode()
    # Another station's staff see none of it.
    other = signed_in(people["stranger"]).get(url).content.decode()
    assert "75.0" not in other
