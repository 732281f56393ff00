"""The anonymous page cache (wagtail-cache, jindu.serving): readers get kept pages; a
change to content shows on the very next request; what back-office records show (campaign
figures, events) within the short lifetime those pages declare. Staff, previews,
restricted pages, the talk request form, searches and token calendars never come from the
cache."""

import datetime
import re

from django.core.cache import caches
from django.test import RequestFactory
from django.utils import timezone

from wagtail.contrib.search_promotions.models import QueryDailyHits
from wagtail.models import PageViewRestriction, Site

import pytest
import time_machine

from campaigns.models import (
    Attendance,
    CalendarToken,
    CampaignIndexPage,
    CampaignPage,
    TalkRequestPage,
)
from jindu.editorial.localization import translate
from jindu.models import SiteSettings
from tests.factories import (
    SHANGHAI,
    ArticlePageFactory,
    CampaignFactory,
    EventFactory,
    SectionPageFactory,
    StationFactory,
    UserFactory,
)

HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.WAGTAIL_CACHE = True
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="工作动态", slug="news")


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="远离毒品危害", slug="stay-away")


def served(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_second_anonymous_view_comes_from_the_cache(client, article):
    first = client.get(article.url)
    second = client.get(article.url)
    assert first.status_code == second.status_code == 200
    assert (first[HEADER], second[HEADER]) == ("miss", "hit")
    assert second.content == first.content
    # Browsers revalidate; shared caches in front keep it for the rest of its lifetime.
    assert second["Cache-Control"] == (
        "public, max-age=0, s-maxage=600, stale-while-revalidate=30, stale-if-error=86400"
    )
    assert not second.has_header("Expires")


def test_a_kept_page_tells_the_proxy_its_age(client, article):
    """A page kept 100 s at the origin is told to the proxy as 100 s old, so the two caches
    together never keep it past its lifetime."""
    start = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=SHANGHAI)
    with time_machine.travel(start, tick=False) as clock:
        assert client.get(article.url)[HEADER] == "miss"
        clock.shift(datetime.timedelta(seconds=100))
        kept = client.get(article.url)
    assert kept[HEADER] == "hit"
    assert kept["Age"] == "100"
    assert "s-maxage=600" in kept["Cache-Control"]


def test_cached_page_keeps_its_security_headers(client, article):
    client.get(article.url)
    hit = client.get(article.url)
    assert hit[HEADER] == "hit"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"


def test_publishing_shows_on_the_next_request(client, section, article):
    client.get(article.url)
    client.get(section.url)
    article.title = "毒品的危害（修订）"
    article.save_revision().publish()
    response, html = served(client, article.url)
    assert response[HEADER] == "miss"
    assert "毒品的危害（修订）" in html
    assert "毒品的危害（修订）" in served(client, section.url)[1]


def test_a_newly_published_article_is_listed_and_found_at_once(client, section, article):
    client.get(section.url)
    client.get("/search/?q=海洛因")
    new = ArticlePageFactory(parent=section, title="海洛因的危害", slug="heroin", live=False)
    new.save_revision().publish()
    assert "海洛因的危害" in served(client, section.url)[1]
    assert "海洛因的危害" in served(client, "/search/?q=海洛因")[1]


def test_unpublishing_shows_on_the_next_request(client, section, article):
    url = article.url
    assert client.get(url).status_code == 200
    client.get(section.url)
    article.unpublish()
    assert client.get(url).status_code == 404
    assert "远离毒品危害" not in served(client, section.url)[1]


def test_moving_shows_on_the_next_request(client, home, section, article):
    old_url = article.url
    other = SectionPageFactory(parent=home, title="禁毒知识", slug="knowledge")
    client.get(old_url)
    client.get(other.url)
    article.move(other, pos="last-child")
    article.refresh_from_db()
    # Wagtail leaves a redirect behind; the cached page at the old address is gone.
    moved = client.get(old_url)
    assert (moved.status_code, moved["Location"]) == (301, article.url)
    assert client.get(article.url).status_code == 200
    assert "远离毒品危害" in served(client, other.url)[1]


def test_translating_shows_on_the_next_request(client, en_home, section, article):
    before = served(client, article.url)[1]
    translate(section, "en", {"工作动态": "News"})
    english = translate(article, "en", {"远离毒品危害": "Stay away from drugs"})
    assert f'href="{english.url}"' not in before
    assert f'href="{english.url}"' in served(client, article.url)[1]
    assert "Stay away from drugs" in served(client, english.url)[1]


def test_site_settings_show_on_the_next_request(client, home, article):
    client.get(article.url)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.hotline_number = "021-5555-0626"
    site_settings.save()
    assert "021-5555-0626" in served(client, article.url)[1]


def test_deleting_a_page_shows_on_the_next_request(client, section, article):
    url = article.url
    client.get(url)
    article.delete()
    assert client.get(url).status_code == 404


@pytest.fixture
def campaign_page(home):
    campaign = CampaignFactory(name="2026年6·26宣传月")
    station = StationFactory()
    event = EventFactory(station=station, campaign=campaign, venue_type="community")
    Attendance.objects.create(event=event, group="junior", count=300)
    index = home.add_child(instance=CampaignIndexPage(title="6·26国际禁毒日", slug="june-26"))
    page = index.add_child(
        instance=CampaignPage(
            title="2026年6·26", slug="2026", campaign=campaign, year=2026, theme="珍爱生命"
        )
    )
    return page, event


def reached(html):
    return [int(n.replace(",", "")) for n in re.findall(r"<li><strong>([\d,]+)</strong>", html)][1]


def test_new_attendance_shows_on_the_campaign_page_within_its_lifetime(client, campaign_page):
    """Recording purges nothing: the campaign page declares a minute's lifetime instead."""
    page, event = campaign_page
    start = datetime.datetime(2026, 6, 20, 10, 0, tzinfo=SHANGHAI)
    with time_machine.travel(start, tick=False) as clock:
        first = client.get(page.url)
        assert reached(first.content.decode()) == 300
        assert "s-maxage=60," in first["Cache-Control"]
        Attendance.objects.create(event=event, group="teachers", count=25)
        clock.shift(datetime.timedelta(seconds=30))
        assert reached(served(client, page.url)[1]) == 300
        clock.shift(datetime.timedelta(seconds=31))
        response, html = served(client, page.url)
    assert response[HEADER] == "miss"
    assert reached(html) == 325


def test_unrelated_pages_stay_kept_while_staff_record_their_work(client, article, campaign_page):
    page, event = campaign_page
    client.get(article.url)
    Attendance.objects.create(event=event, group="teachers", count=25)
    EventFactory(station=event.station, campaign=event.campaign, is_public=True)
    assert client.get(article.url)[HEADER] == "hit"


def test_a_new_station_shows_on_the_directory_within_its_lifetime(client, home):
    from schools.models import StationDirectoryPage

    directory = home.add_child(instance=StationDirectoryPage(title="社工站", slug="stations"))
    start = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=SHANGHAI)
    with time_machine.travel(start, tick=False) as clock:
        first = client.get(directory.url)
        assert "s-maxage=60," in first["Cache-Control"]
        StationFactory(name="陆家嘴社工站")
        clock.shift(datetime.timedelta(seconds=61))
        assert "陆家嘴社工站" in served(client, directory.url)[1]


def test_every_search_is_counted_with_the_page_cache_on(client, article):
    from jindu.search import terms as search_terms

    for _ in range(3):
        response = client.get("/search/?q=海洛因")
        assert response[HEADER] != "hit"
        assert "no-store" in response["Cache-Control"]
    # What the editors' popular-searches report reads, once the day's counts are moved in.
    search_terms.flush(today=timezone.localdate() + datetime.timedelta(days=1))
    hits = QueryDailyHits.objects.filter(query__query_string="海洛因")
    assert sum(hits.values_list("hits", flat=True)) == 3


def test_signed_in_staff_are_never_served_from_the_cache(client, section, article):
    client.get(article.url)
    # A change no signal reports: readers keep the cached page until the next real change,
    # staff always see the database.
    type(article).objects.filter(pk=article.pk).update(title="仅工作人员可见的标题")
    assert "仅工作人员可见的标题" not in served(client, article.url)[1]
    client.force_login(UserFactory(is_superuser=True))
    response, html = served(client, article.url)
    assert response[HEADER] == "skip"
    assert "仅工作人员可见的标题" in html
    client.logout()
    assert "仅工作人员可见的标题" not in served(client, article.url)[1]


@pytest.mark.parametrize("signed_in", [True, False])
def test_previews_are_never_served_from_or_kept_in_the_cache(client, article, signed_in):
    client.get(article.url)
    article.title = "尚未审核的草稿标题"
    revision = article.save_revision()
    draft = revision.as_object()
    original = RequestFactory().get(article.url)
    if signed_in:
        original.user = UserFactory(is_superuser=True)
    preview = draft.make_preview_request(original)
    assert "尚未审核的草稿标题" in preview.content.decode()
    assert "尚未审核的草稿标题" not in served(client, article.url)[1]
    assert "尚未审核的草稿标题" not in served(client, article.url)[1]


def test_restricted_pages_are_never_kept(client, section, article):
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    first = client.get(article.url)
    second = client.get(article.url)
    assert second[HEADER] != "hit"
    assert "private" in first["Cache-Control"]


def test_adding_a_restriction_takes_a_cached_page_off_at_once(client, section, article):
    assert "毒品危害" in served(client, article.url)[1]
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "远离毒品危害，珍爱生命健康" not in served(client, article.url)[1]


def test_talk_request_form_is_never_kept(client, home):
    form_page = home.add_child(instance=TalkRequestPage(title="预约禁毒讲座", slug="request"))
    first = client.get(form_page.url)
    second = client.get(form_page.url)
    assert first.status_code == 200
    assert HEADER not in second or second[HEADER] == "skip"
    assert "private" in second["Cache-Control"]


def test_token_calendar_feed_is_never_kept(client, home):
    token = CalendarToken.for_owner(station=StationFactory())
    url = f"/calendars/{token.token}.ics"
    assert client.get(url).status_code == 200
    assert client.get(url)[HEADER] == "skip"
    token.reset()
    assert client.get(url).status_code == 404


def test_renditions_made_while_rendering_do_not_empty_the_cache(client, article):
    from tests.factories import ImageFactory

    image = ImageFactory()
    client.get(article.url)
    image.get_rendition("fill-100x100")
    assert client.get(article.url)[HEADER] == "hit"
