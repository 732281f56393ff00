"""Kept page parts ({% wagtailcache %} under content generations, jindu.caching): a page
missing from the page cache reuses the navigation, footer and listings its worker rendered
before, and every change that shows on a public page shows on the next request all the
same. Previews, signed-in
staff and form answers never use or keep them. The page cache is off here, so what is seen
comes from fragments or the database; tests/test_page_cache.py covers the page cache and
tests/test_demo_content.py checks every demo page renders the same from kept fragments."""

import datetime
import re

from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest
import time_machine

from campaigns.models import (
    Attendance,
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    TalkRequestPage,
)
from jindu.localization import translate
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


@pytest.fixture(autouse=True)
def fragments(settings):
    settings.WAGTAIL_CACHE = False
    settings.FRAGMENT_CACHE = True
    caches["fragments"].clear()
    yield caches["fragments"]
    caches["fragments"].clear()


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="工作动态", slug="news", show_in_menus=True)


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="远离毒品危害", slug="stay-away")


@pytest.fixture
def campaign_page(home):
    campaign = CampaignFactory(name="2026年6·26宣传月")
    event = EventFactory(station=StationFactory(), campaign=campaign, venue_type="community")
    Attendance.objects.create(event=event, group="junior", count=300)
    index = home.add_child(instance=CampaignIndexPage(title="6·26国际禁毒日", slug="june-26"))
    page = index.add_child(
        instance=CampaignPage(
            title="2026年6·26", slug="2026", campaign=campaign, year=2026, theme="珍爱生命"
        )
    )
    return page, event


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def kept(client, *urls):
    """Render each page twice: the second is built from the fragments the first kept."""
    for url in urls:
        html(client, url)
        html(client, url)


def test_a_page_served_again_skips_its_listing_queries(
    client, home, section, article, campaign_page, django_assert_max_num_queries
):
    events = home.add_child(instance=EventIndexPage(title="近期禁毒活动", slug="events"))
    urls = ["/", section.url, article.url, events.url, campaign_page[0].url]
    kept(client, *urls)
    for url in urls:
        # The site, the home page, the locales and the page a path routes to are kept by
        # the worker; listings, menu and footer are kept fragments.
        with django_assert_max_num_queries(0):
            html(client, url)


def test_staff_and_a_first_render_find_the_page_in_the_database(
    admin_client, client, settings, section, article, django_assert_max_num_queries
):
    kept(client, article.url)
    # A draft changes the page's row but not what readers see: staff still read the row.
    type(article).objects.filter(pk=article.pk).update(draft_title="草稿标题")
    response = admin_client.get(article.url)
    assert response.context["page"].draft_title == "草稿标题"
    settings.FRAGMENT_CACHE = False
    with django_assert_max_num_queries(50) as queries:
        html(client, article.url)
    assert any("wagtailcore_page" in query["sql"] for query in queries.captured_queries)


def test_publishing_shows_in_every_listing_on_the_next_request(client, home, section, article):
    kept(client, "/", section.url, article.url)
    article.title = "毒品的危害（修订）"
    article.save_revision().publish()
    for url in ("/", section.url, article.url):
        assert "毒品的危害（修订）" in html(client, url)
    new = ArticlePageFactory(parent=section, title="海洛因的危害", slug="heroin", live=False)
    assert "海洛因的危害" not in html(client, section.url)
    new.save_revision().publish()
    assert "海洛因的危害" in html(client, section.url)
    assert "海洛因的危害" in html(client, "/")


def test_unpublishing_and_deleting_show_on_the_next_request(client, home, section, article):
    other = ArticlePageFactory(parent=section, title="新型毒品辨识", slug="new-drugs")
    kept(client, "/", section.url)
    article.unpublish()
    assert "远离毒品危害" not in html(client, section.url)
    assert "远离毒品危害" not in html(client, "/")
    other.delete()
    assert "新型毒品辨识" not in html(client, section.url)


def test_moving_changes_breadcrumbs_and_listings(client, home, section, article):
    knowledge = SectionPageFactory(parent=home, title="禁毒知识", slug="knowledge")
    kept(client, article.url, knowledge.url)
    article.move(knowledge, pos="last-child")
    article.refresh_from_db()
    page = html(client, article.url)
    assert re.search(r'<a href="/knowledge/">禁毒知识</a>', page)
    assert "远离毒品危害" in html(client, knowledge.url)


def test_new_menu_section_settings_and_translations_show_on_every_page(
    client, home, en_home, section, article
):
    kept(client, article.url)
    SectionPageFactory(parent=home, title="康复帮扶", slug="recovery", show_in_menus=True)
    assert "康复帮扶" in html(client, article.url)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.hotline_number = "021-5555-0626"
    site_settings.save()
    assert "021-5555-0626" in html(client, article.url)
    translate(section, "en", {"工作动态": "News"})
    english = translate(article, "en", {"远离毒品危害": "Stay away from drugs"})
    assert f'<a href="{english.url}" hreflang="en"' in html(client, article.url)


def test_a_page_the_footer_links_to_shows_its_change_on_every_page(client, home, section, article):
    """The footer (kept once for the whole site) names pages chosen in the site settings:
    renaming or unpublishing one of them shows on every page, not only on its own."""
    downloads = SectionPageFactory(parent=section, title="资料下载", slug="downloads")
    stations = SectionPageFactory(parent=section, title="工作站", slug="stations")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_links = [("page", downloads)]
    site_settings.station_directory_page = stations
    site_settings.save()
    kept(client, article.url, "/")
    downloads.title = "宣传资料下载"
    downloads.save_revision().publish()
    for url in (article.url, "/"):
        assert ">宣传资料下载</a>" in html(client, url)
    stations.unpublish()
    for url in (article.url, "/"):
        assert 'href="/news/stations/"' not in html(client, url)


def test_a_page_taken_out_of_the_menu_leaves_it_on_every_page(client, home, section, article):
    elsewhere = SectionPageFactory(parent=home, title="禁毒知识", slug="knowledge")
    kept(client, elsewhere.url, article.url)
    section.show_in_menus = False
    section.save_revision().publish()
    for url in (elsewhere.url, article.url):
        assert 'class="primary-nav"' not in html(client, url)


def test_new_attendance_changes_the_campaign_figures_on_the_next_request(client, campaign_page):
    page, event = campaign_page
    kept(client, page.url)
    assert "<strong>300</strong>" in html(client, page.url)
    Attendance.objects.create(event=event, group="teachers", count=25)
    assert "<strong>325</strong>" in html(client, page.url)


def test_no_fragment_outlives_the_local_day(client, campaign_page):
    page, _event = campaign_page
    with time_machine.travel(datetime.datetime(2026, 6, 24, 23, 59, 50, tzinfo=SHANGHAI)):
        kept(client, page.url)
        before = html(client, page.url)
    with time_machine.travel(datetime.datetime(2026, 6, 25, 0, 0, 5, tzinfo=SHANGHAI)):
        after = html(client, page.url)
    assert "距6·26国际禁毒日还有 2 天" in before
    assert "距6·26国际禁毒日还有 1 天" in after


@pytest.mark.parametrize("signed_in", [True, False])
def test_previews_neither_use_nor_keep_fragments(client, section, article, signed_in):
    kept(client, article.url, section.url)
    article.title = "尚未审核的草稿标题"
    draft = article.save_revision().as_object()
    original = RequestFactory().get(article.url)
    if signed_in:
        original.user = UserFactory(is_superuser=True)
    stored = len(caches["fragments"]._cache)
    preview = draft.make_preview_request(original).content.decode()
    assert "尚未审核的草稿标题" in preview
    assert len(caches["fragments"]._cache) == stored
    assert "尚未审核的草稿标题" not in html(client, article.url)
    assert "尚未审核的草稿标题" not in html(client, section.url)


def test_signed_in_staff_see_the_database(client, section, article):
    kept(client, article.url)
    # A change no signal reports: readers keep the rendered page parts until the next real
    # change; staff always see the database, and what they see is never kept.
    type(article).objects.filter(pk=article.pk).update(title="仅工作人员可见的标题")
    assert "仅工作人员可见的标题" not in html(client, article.url)
    client.force_login(UserFactory(is_superuser=True))
    assert "仅工作人员可见的标题" in html(client, article.url)
    client.logout()
    assert "仅工作人员可见的标题" not in html(client, article.url)


def test_a_form_sent_by_post_neither_uses_nor_keeps_fragments(client, home):
    form_page = home.add_child(instance=TalkRequestPage(title="预约禁毒讲座", slug="request"))
    response = client.post(form_page.url, {"school_name": ""})
    assert response.status_code == 200
    assert "预约禁毒讲座" in response.content.decode()
    assert len(caches["fragments"]._cache) == 0
    # The form itself carries a per-visitor CSRF token and is never a fragment.
    first, second = html(client, form_page.url), html(client, form_page.url)
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(first).group(1) != token.search(second).group(1)


def test_fragments_can_be_turned_off(client, settings, section, article):
    settings.FRAGMENT_CACHE = False
    kept(client, article.url)
    assert len(caches["fragments"]._cache) == 0
    type(article).objects.filter(pk=article.pk).update(title="改过的标题")
    assert "改过的标题" in html(client, article.url)


def test_a_missing_cache_is_reported_at_start_up(settings):
    from jindu.caching import check_caches

    assert check_caches() == []
    without = {alias: conf for alias, conf in settings.CACHES.items() if alias != "fragments"}
    with override_settings(CACHES=without):
        assert [error.id for error in check_caches()] == ["jindu.E001"]


def test_footer_links_cost_one_query_however_many_pages_they_name(
    client, settings, home, section, article
):
    settings.FRAGMENT_CACHE = False  # render the footer every time
    site_settings = SiteSettings.for_site(Site.objects.get())

    def queries_with_links(*pages):
        site_settings.footer_links = [("page", page) for page in pages]
        site_settings.save()
        client.get("/")
        with CaptureQueriesContext(connection) as context:
            html = client.get("/").content.decode()
        for page in pages:
            assert f">{page.title}</a>" in html
        return len(context.captured_queries)

    # Three kinds of page: reading each one's own fields was a query each.
    assert queries_with_links(section) == queries_with_links(section, article, home)


def test_a_first_render_reads_nothing_that_only_a_site_wide_change_alters(
    client, settings, home, section, article
):
    """The menu, the site settings, the footer's links and the station directory's address
    are kept by each worker while the site's generation holds (jindu.site_wide): the first
    render of a page after a change to that page reads only what the page itself shows."""
    settings.FRAGMENT_CACHE = False  # nothing rendered is kept
    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.hotline_number = "021-5555-0626"
    site_settings.station_directory_page = section
    site_settings.save()
    html(client, "/")
    with CaptureQueriesContext(connection) as context:
        page = html(client, article.url)
    assert "021-5555-0626" in page
    assert '<a href="/news/">工作动态</a>' in page  # the menu
    assert '<a href="/news/">' in page.split('class="site-footer"')[1]  # the directory
    conditions = [query["sql"].split(" WHERE ")[-1] for query in context.captured_queries]
    assert not [
        condition
        for condition in conditions
        if "jindu_sitesettings" in condition or "show_in_menus" in condition
    ]


def test_an_articles_tags_are_read_once_for_the_page_and_its_related_articles(
    client, settings, section, article
):
    settings.FRAGMENT_CACHE = False
    article.tags.add("新型毒品")
    article.save()
    other = ArticlePageFactory(parent=section, title="识别伪装毒品", slug="disguised")
    other.tags.add("新型毒品")
    other.save()

    with CaptureQueriesContext(connection) as context:
        html = client.get(article.url).content.decode()

    assert "识别伪装毒品" in html  # related by the tag
    assert "?tag=" in html
    tag_reads = [q for q in context.captured_queries if q["sql"].startswith('SELECT "taggit_tag"')]
    assert len(tag_reads) == 1


def test_related_articles_by_tag_are_listed_once_each_in_the_articles_language(
    client, settings, home, en_home, section, article
):
    settings.FRAGMENT_CACHE = False
    article.tags.add("新型毒品", "青少年")
    article.save()
    both = ArticlePageFactory(parent=section, title="伪装成零食的毒品", slug="snacks")
    both.tags.add("新型毒品", "青少年")  # shares two tags: still one card
    both.save()
    unrelated = ArticlePageFactory(parent=section, title="社区戒毒康复", slug="recovery")
    unrelated.tags.add("康复")
    unrelated.save()
    translate(section, "en", {"工作动态": "News"})
    english = translate(both, "en", {"伪装成零食的毒品": "Drugs dressed up as snacks"})
    page = html(client, article.url)
    related = page.split('id="related-heading"')[1]
    assert related.count(">伪装成零食的毒品</a>") == 1
    assert "社区戒毒康复" not in related and "远离毒品危害</a>" not in related
    assert english.title not in related  # another language's article
