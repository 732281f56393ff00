"""The public site as a reader in need meets it (issue 18): help in the header of every page,
events in the reader's language that point to themselves and keep their page when called
off, feeds with a language and each article's own date, addresses from the configured site,
and doors by audience that lead to what was written for them."""

import datetime
import re
from xml.etree import ElementTree

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Site

import pytest
import time_machine
from icalendar import Calendar

from campaigns.models import EventIndexPage, EventStatus
from jindu.editorial.localization import translate
from jindu.models import SiteSettings
from tests.factories import (
    SHANGHAI,
    ArticlePageFactory,
    AudiencePageFactory,
    EventFactory,
    ResourceFactory,
    SectionPageFactory,
)

NOW = datetime.datetime(2026, 6, 10, 12, 0, tzinfo=SHANGHAI)


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


@pytest.fixture
def events(home, en_home):
    index = home.add_child(instance=EventIndexPage(title="近期禁毒活动", slug="events"))
    index.save_revision().publish()
    english = translate(index, "en", {"近期禁毒活动": "Upcoming events", "events": "events"})
    return index, english


def public_event(**fields):
    start = datetime.datetime(2026, 6, 20, 9, 0, tzinfo=SHANGHAI)
    return EventFactory(
        is_public=True,
        status=EventStatus.PLANNED,
        start=start,
        end=start + datetime.timedelta(hours=2),
        title="社区禁毒宣传日",
        description="欢迎居民参加。",
        **fields,
    )


# Help on every page


def test_every_page_has_the_hotline_call_button_and_a_search_box(client, home):
    settings = SiteSettings.for_site(Site.objects.get())
    settings.hotline_number = "021-6100-0626"
    settings.save()
    section = SectionPageFactory(parent=home, slug="news")
    article = ArticlePageFactory(parent=section, slug="a")
    for url in ("/", section.url, article.url, "/search/?q=毒品", "/no-such-page/"):
        html = client.get(url).content.decode()
        header = html[html.index('<header class="site-header">') : html.index("</header>")]
        assert 'class="call-button" href="tel:02161000626"' in header, url
        assert 'role="search"' in header and 'name="q"' in header, url


def test_the_demo_says_it_is_a_demo_only_when_told(client, home):
    settings = SiteSettings.for_site(Site.objects.get())
    assert "演示网站" not in client.get("/").content.decode()
    settings.demo_notice = True
    settings.save()
    assert "这是演示网站" in client.get("/").content.decode()


# Events


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("status", [EventStatus.CANCELLED, EventStatus.POSTPONED])
def test_an_event_called_off_keeps_its_page_and_the_feed_says_cancelled(client, events, status):
    index, _english = events
    event = public_event()
    detail = index.url + f"{event.pk}/"
    assert client.get(detail).status_code == 200
    event.status = status
    event.save()
    page = client.get(detail)
    assert page.status_code == 200  # a reader who saved it learns the news
    html = page.content.decode()
    assert "本活动已取消" in html or "本活动已延期" in html
    assert ".ics" not in html.split("event-detail", 1)[1]  # nothing to add to a calendar
    listing = client.get(index.url).content.decode()
    assert "社区禁毒宣传日" in listing and event.get_status_display() in listing
    feed = Calendar.from_ical(client.get("/events.ics").content)
    entry = next(c for c in feed.walk("VEVENT") if c["UID"] == f"event-{event.pk}@jindu.events")
    assert str(entry["STATUS"]) == "CANCELLED"


@time_machine.travel(NOW, tick=False)
def test_an_internal_or_requested_event_still_has_no_page(client, events):
    index, _english = events
    for fields in ({"is_public": False}, {"status": EventStatus.REQUESTED}):
        event = public_event()
        for name, value in fields.items():
            setattr(event, name, value)
        event.save()
        assert client.get(index.url + f"{event.pk}/").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_english_event_pages_speak_english_and_point_to_themselves(client, events):
    index, english = events
    translated = public_event(
        title_en="Community drug prevention day", description_en="All welcome."
    )
    untranslated = public_event()
    html = client.get(f"/en/events/{translated.pk}/").content.decode()
    assert "<h1>Community drug prevention day</h1>" in html
    assert "All welcome." in html and "欢迎居民参加" not in html
    assert canonical(html) == f"http://localhost/en/events/{translated.pk}/"
    assert alternates(html) == {
        "zh-Hans": f"http://localhost/events/{translated.pk}/",
        "en": f"http://localhost/en/events/{translated.pk}/",
    }
    # The language switcher leads to the same event, not the list.
    assert f'href="/events/{translated.pk}/" hreflang="zh-Hans"' in html
    # Without English words the Chinese shows, marked as Chinese.
    html = client.get(f"/en/events/{untranslated.pk}/").content.decode()
    assert '<h1><span lang="zh-Hans">社区禁毒宣传日</span></h1>' in html
    assert '<div lang="zh-Hans"><p>欢迎居民参加。</p></div>' in html
    listing = client.get("/en/events/").content.decode()
    assert "Community drug prevention day" in listing
    assert '<span lang="zh-Hans">社区禁毒宣传日</span>' in listing
    # The Chinese page shows the Chinese, unmarked.
    html = client.get(f"/events/{translated.pk}/").content.decode()
    assert "<h1>社区禁毒宣传日</h1>" in html
    assert canonical(html) == f"http://localhost/events/{translated.pk}/"
    ics = Calendar.from_ical(client.get(f"/en/events/{translated.pk}/ics/").content)
    assert str(next(iter(ics.walk("VEVENT")))["SUMMARY"]) == "Community drug prevention day"


def test_an_article_names_its_audiences_in_the_readers_language(client, home, en_home):
    from jindu.models import Audience

    section = SectionPageFactory(parent=home, slug="news", title="工作动态")
    article = ArticlePageFactory(parent=section, slug="for-parents", title="家长须知")
    article.audiences.set(Audience.objects.filter(code="parents"))
    article.save_revision().publish()
    translate(section, "en", {"工作动态": "News"})
    english = translate(article, "en", {"家长须知": "For parents"})
    assert '?audience=parents">家长</a>' in client.get(article.url).content.decode()
    assert '?audience=parents">Parents</a>' in client.get(english.url).content.decode()
    # The section's filter too, in each language.
    assert ">家长</option>" in client.get(section.url).content.decode()
    assert ">Parents</option>" in client.get("/en/news/").content.decode()


# Feeds


def test_section_feeds_say_their_language_and_each_articles_own_date(client, home, en_home):
    section = SectionPageFactory(parent=home, slug="news", title="工作动态")
    ArticlePageFactory(
        parent=section, slug="old", title="十六年", published_date=datetime.date(2019, 11, 7)
    )
    translate(section, "en", {"工作动态": "News"})
    for url, language in ((section.url + "feed/", "zh-Hans"), ("/en/news/feed/", "en")):
        response = client.get(url)
        assert response.status_code == 200, url
        channel = ElementTree.fromstring(response.content).find("channel")
        assert channel.findtext("language") == language
    channel = ElementTree.fromstring(client.get(section.url + "feed/").content).find("channel")
    assert channel.find("item").findtext("pubDate").startswith("Thu, 07 Nov 2019")


# The site's address


def test_addresses_come_from_the_configured_site_address(client, home, en_home, caplog):
    from jindu.pages.site_address import check_site_address, warn_if_local

    section = SectionPageFactory(parent=home, slug="news", title="工作动态")
    html = client.get(section.url).content.decode()
    assert canonical(html).startswith("http://localhost/")
    assert [warning.id for warning in check_site_address()] == ["jindu.W001"]
    with caplog.at_level("WARNING", logger="jindu.pages.site_address"):
        assert warn_if_local()
    assert "http://localhost" in caplog.text

    call_command("set_site_address", "https://jindu.example.org")
    html = client.get(section.url).content.decode()
    assert canonical(html) == "https://jindu.example.org/news/"
    assert 'property="og:url" content="https://jindu.example.org/news/"' in html
    assert "https://jindu.example.org/en/" in alternates(client.get("/").content.decode()).values()
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert "https://jindu.example.org/news/" in sitemap and "localhost" not in sitemap
    assert check_site_address() == []


def test_a_site_address_that_is_not_one_is_refused(home):
    from django.core.management.base import CommandError

    for wrong in ("jindu.example.org", "ftp://jindu.example.org", "https://jindu.example.org/x/"):
        with pytest.raises(CommandError):
            call_command("set_site_address", wrong)
    assert Site.objects.get().hostname == "localhost"


# Doors by audience


def test_each_audience_lands_on_what_was_written_for_it(client, home):
    section = SectionPageFactory(parent=home, slug="help")
    ArticlePageFactory(
        parent=section, slug="signs", title="可能接触毒品的迹象", audiences=["parents"]
    )
    ArticlePageFactory(parent=section, slug="meth", title="认识冰毒", audiences=["junior"])
    ResourceFactory(title="家长手册", resource_type="handbook", audiences=["parents"])
    ResourceFactory(title="禁毒海报", resource_type="poster", audiences=["teachers"])
    ResourceFactory(title="初中禁毒主题班会教案", resource_type="lesson", audiences=["teachers"])
    parents = AudiencePageFactory(parent=home, slug="parents", audiences=["parents"])
    teachers = AudiencePageFactory(
        parent=home, slug="teachers", title="我是老师", audiences=["teachers"]
    )
    html = client.get(parents.url).content.decode()
    assert "可能接触毒品的迹象" in html and "家长手册" in html
    assert "认识冰毒" not in html and "禁毒海报" not in html
    html = client.get(teachers.url).content.decode()
    # Teachers come for material for class: the lesson plan first, then the poster.
    assert html.index("初中禁毒主题班会教案") < html.index("禁毒海报")
    assert "家长手册" not in html


def test_a_new_article_for_parents_shows_on_the_parents_door_at_once(client, settings, home):
    settings.WAGTAIL_CACHE = True
    section = SectionPageFactory(parent=home, slug="help")
    parents = AudiencePageFactory(parent=home, slug="parents", audiences=["parents"])
    client.get(parents.url)
    assert client.get(parents.url)["X-Page-Cache"] == "hit"
    article = ArticlePageFactory(
        parent=section, slug="talk", title="和孩子谈毒品", audiences=["parents"], live=False
    )
    article.save_revision().publish()
    assert "和孩子谈毒品" in client.get(parents.url).content.decode()
