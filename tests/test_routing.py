"""Pages are found where Wagtail's own routing puts them, with their breadcrumbs in both
languages, and what a page shows (the menu, settings, restrictions) follows every change."""

import datetime

from wagtail.models import Page, PageViewRestriction

import pytest
import time_machine

from campaigns.models import EventIndexPage
from jindu.models import SiteSettings
from tests.factories import ArticlePageFactory, EventFactory, SectionPageFactory, StationFactory


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="工作动态", slug="news", show_in_menus=True)


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="远离毒品危害", slug="stay-away")


def test_pages_are_served_at_every_depth_in_both_languages(client, home, en_home, article):
    assert client.get("/").status_code == 200
    assert client.get("/news/").status_code == 200
    response = client.get("/news/stay-away/")
    assert response.status_code == 200
    assert response.context["page"].pk == article.pk
    assert client.get("/en/").status_code == 200
    assert client.get("/news/nowhere/").status_code == 404


def test_breadcrumbs_and_menu_come_from_the_route(client, section, article):
    html = client.get(article.url).content.decode()
    assert f'href="{section.url}"' in html
    assert "工作动态" in html


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def test_a_restriction_added_after_pages_were_served_applies_at_once(client, section, article):
    assert "远离毒品危害，珍爱生命健康" in client.get(article.url).content.decode()
    assert "远离毒品危害" in client.get("/search/?q=毒品").content.decode()
    restriction = restrict(section)
    html = client.get(article.url).content.decode()
    assert "远离毒品危害，珍爱生命健康" not in html
    assert 'name="password"' in html
    assert "远离毒品危害" not in client.get("/search/?q=毒品").content.decode()
    assert article.url not in client.get("/sitemap.xml").content.decode()
    form = f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"
    response = client.post(form, {"password": "secret", "return_url": article.url})
    assert response.status_code == 302
    assert "远离毒品危害，珍爱生命健康" in client.get(article.url).content.decode()
    client.cookies.clear()
    assert 'name="password"' in client.get(article.url).content.decode()
    restriction.delete()
    assert "远离毒品危害，珍爱生命健康" in client.get(article.url).content.decode()


def test_an_alias_of_a_restricted_page_is_restricted_too(client, home, section, article):
    other = SectionPageFactory(parent=home, slug="elsewhere")
    alias = article.create_alias(parent=other, update_slug="alias")
    assert "远离毒品危害，珍爱生命健康" in client.get(alias.url).content.decode()
    restrict(article)
    html = client.get(alias.url).content.decode()
    assert "远离毒品危害，珍爱生命健康" not in html
    assert 'name="password"' in html


def test_a_new_menu_section_and_new_settings_show_on_the_next_request(client, home, section):
    assert "工作动态" in client.get("/").content.decode()
    new = SectionPageFactory(
        parent=home, title="康复帮扶", slug="recovery", show_in_menus=True, live=False
    )
    assert "康复帮扶" not in client.get("/").content.decode()
    new.save_revision().publish()
    assert "康复帮扶" in client.get("/").content.decode()
    settings_row = SiteSettings.for_site(home.get_site())
    settings_row.hotline_number = "021-55555555"
    settings_row.save()
    assert "021-55555555" in client.get("/").content.decode()


def test_a_change_made_without_signals_shows_within_the_cache_lifetime(client, settings, section):
    """Bulk updates send no signals; kept pages expire within PAGE_CACHE_SECONDS anyway."""
    settings.WAGTAIL_CACHE = True
    start = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        assert "工作动态" in client.get(section.url).content.decode()
        Page.objects.filter(pk=section.pk).update(title="新闻中心")
        assert "工作动态" in client.get(section.url).content.decode()
        clock.shift(datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS + 1))
        assert "新闻中心" in client.get(section.url).content.decode()


def test_the_site_and_home_are_found_again_after_a_site_wide_change(client, home, section):
    """A new home page title (a change on every page) shows at once."""
    assert "工作动态" in client.get("/").content.decode()
    home.title = "远离毒品 珍爱生命"
    home.save_revision().publish()
    assert "远离毒品 珍爱生命" in client.get("/news/").content.decode()


def test_breadcrumbs_lead_home_in_each_language(client, home, article):
    """The breadcrumbs and an article's section link in the reader's language; a page
    served further down by its parent's own route (an event under the events page) still
    gets its full trail."""
    article.tags.add("新型毒品")
    article.save()
    english = translate_for_test(home, article)
    for url, trail in (
        (article.url, ['<a href="/">远离毒品，珍爱生命</a>', '<a href="/news/">工作动态</a>']),
        (english.url, ['<a href="/en/">Stay away from drugs</a>', '<a href="/en/news/">News</a>']),
    ):
        page = client.get(url).content.decode()
        crumbs = page.split('class="breadcrumbs"')[1].split("</nav>")[0]
        assert [link for link in trail if link in crumbs] == trail, crumbs
        # The tag links under the article go to the same section.
        assert f'href="{trail[1].split(chr(34))[1]}?tag=' in page
    index = home.add_child(instance=EventIndexPage(title="近期禁毒活动", slug="events"))
    event = EventFactory(station=StationFactory(), is_public=True, status="confirmed")
    page = client.get(f"{index.url}{event.pk}/").content.decode()
    crumbs = page.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert '<a href="/">远离毒品，珍爱生命</a>' in crumbs


def translate_for_test(home, article):
    from jindu.editorial.localization import translate

    translate(home, "en", {home.title: "Stay away from drugs", "home": "home-en"})
    translate(article.get_parent().specific, "en", {"工作动态": "News"})
    return translate(article, "en", {"远离毒品危害": "Stay away from drugs"})
