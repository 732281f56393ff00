"""Each change retires the cached pages that show it, and nothing else (jindu.caching and
each app's ``jindu_public_changes`` rules): a publish its page, listings, feeds, search and
the sitemap; attendance and stock only their campaign's pages; an internal event, a draft,
a school or an agreement nothing public. Through the client: unrelated pages stay in the
page cache while staff record their work."""

import datetime

from django.core.cache import caches
from django.utils import timezone

from wagtail.models import Site

import pytest

from campaigns.models import (
    Attendance,
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    StockMovement,
)
from jindu import caching
from jindu.models import SiteSettings
from schools.models import StationDirectoryPage
from tests.factories import (
    AgreementFactory,
    ArticlePageFactory,
    CampaignFactory,
    CounsellorFactory,
    EventFactory,
    MaterialFactory,
    SchoolFactory,
    SectionPageFactory,
    StationFactory,
    distribute,
    receive,
)

HEADER = "X-Page-Cache"


class Retired:
    """What changes retired while the test ran: paths, and whether everything."""

    def __init__(self):
        self.paths, self.everything = set(), False

    def clear(self):
        self.paths, self.everything = set(), False


@pytest.fixture
def retired(monkeypatch):
    record = Retired()
    original = caching._move_generations

    def recording(paths, everything):
        record.paths |= set(paths)
        record.everything |= everything
        original(paths, everything)

    monkeypatch.setattr(caching, "_move_generations", recording)
    return record


@pytest.fixture
def site_tree(home):
    news = SectionPageFactory(parent=home, title="工作动态", slug="news")
    knowledge = SectionPageFactory(parent=home, title="禁毒知识", slug="knowledge")
    article = ArticlePageFactory(parent=news, title="远离毒品危害", slug="stay-away")
    other = ArticlePageFactory(parent=knowledge, title="认识冰毒", slug="meth")
    events = home.add_child(instance=EventIndexPage(title="近期禁毒活动", slug="events"))
    stations = home.add_child(instance=StationDirectoryPage(title="工作站", slug="stations"))
    return {
        "news": news,
        "article": article,
        "other": other,
        "events": events,
        "stations": stations,
    }


@pytest.fixture
def campaigns(home):
    june = CampaignFactory(name="2026年6·26")
    other = CampaignFactory(name="2026年5月主题", kind="monthly")
    index = home.add_child(instance=CampaignIndexPage(title="6·26", slug="june-26"))
    june_page = index.add_child(
        instance=CampaignPage(title="2026", slug="2026", campaign=june, year=2026, theme="珍爱")
    )
    other_page = index.add_child(
        instance=CampaignPage(title="5月", slug="may", campaign=other, year=2026, theme="远离")
    )
    return {"june": june, "other": other, "june_page": june_page, "other_page": other_page}


def test_publishing_an_article_retires_its_page_listings_feeds_search_and_sitemap(
    site_tree, retired
):
    article = site_tree["article"]
    retired.clear()
    article.title = "远离毒品危害（修订）"
    article.save_revision().publish()
    assert not retired.everything
    assert {
        "/news/stay-away/",
        "/news/",
        "/news/feed/",
        "/",
        "/sitemap.xml",
        "/search/",
        "/en/search/",
        "/api/v2/pages/",
    } <= retired.paths
    assert "/knowledge/" not in retired.paths
    assert "/knowledge/meth/" not in retired.paths
    assert "/events/" not in retired.paths


def test_a_draft_retires_nothing(site_tree, retired):
    retired.clear()
    article = site_tree["article"]
    article.title = "尚未审核的草稿"
    article.save_revision()
    assert (retired.paths, retired.everything) == (set(), False)


def test_a_page_in_the_menu_and_site_settings_retire_everything(home, site_tree, retired):
    retired.clear()
    menu = SectionPageFactory(parent=home, slug="recovery", show_in_menus=True, live=False)
    assert not retired.everything
    menu.save_revision().publish()
    assert retired.everything
    retired.clear()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.hotline_number = "021-5555-0626"
    site_settings.save()
    assert retired.everything


def test_an_internal_event_retires_nothing(site_tree, campaigns, retired):
    station = StationFactory()
    retired.clear()
    event = EventFactory(
        station=station, campaign=campaigns["june"], status="planned", is_public=False
    )
    event.title = "内部培训"
    event.save()
    assert (retired.paths, retired.everything) == (set(), False)


def test_an_internal_event_held_changes_its_campaigns_figures_only(site_tree, campaigns, retired):
    event = EventFactory(campaign=campaigns["june"], status="planned", is_public=False)
    retired.clear()
    event.status = "completed"
    event.save()
    assert retired.paths == {campaigns["june_page"].url, "/june-26/"}


def test_a_public_event_retires_the_events_pages_home_feed_and_campaign(
    site_tree, campaigns, retired
):
    retired.clear()
    event = EventFactory(campaign=campaigns["june"], status="confirmed", is_public=True)
    assert {
        "/events/",
        f"/events/{event.pk}/",
        f"/events/{event.pk}/ics/",
        "/",
        "/events.ics",
        campaigns["june_page"].url,
    } <= retired.paths
    assert campaigns["other_page"].url not in retired.paths
    assert "/news/" not in retired.paths
    # Made internal again: the pages that showed it must forget it.
    retired.clear()
    event.refresh_from_db()
    event.is_public = False
    event.save()
    assert f"/events/{event.pk}/" in retired.paths


def test_attendance_and_distributions_retire_their_campaign_only(site_tree, campaigns, retired):
    held = EventFactory(campaign=campaigns["june"], status="completed")
    retired.clear()
    Attendance.objects.create(event=held, group="junior", count=120)
    assert retired.paths == {campaigns["june_page"].url, "/june-26/"}
    material = MaterialFactory()
    retired.clear()
    receive(material, held.station, 500)
    assert retired.paths == set()
    distribute(material, held, 80)
    assert retired.paths == {campaigns["june_page"].url, "/june-26/"}


def test_attendance_on_an_event_still_going_on_retires_nothing(site_tree, campaigns, retired):
    """Counted while the talk is still on: the event is not held until it ends (then the
    headcount makes it completed, see tests/test_back_office.py)."""
    now = timezone.now()
    planned = EventFactory(
        campaign=campaigns["june"],
        status="confirmed",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    retired.clear()
    Attendance.objects.create(event=planned, group="teachers", count=12)
    assert (retired.paths, retired.everything) == (set(), False)


def test_schools_counsellors_and_agreements_retire_nothing_public(site_tree, retired):
    station = StationFactory()
    retired.clear()
    school = SchoolFactory(district=station.district)
    counsellor = CounsellorFactory(station=station)
    AgreementFactory(school=school, counsellor=counsellor)
    school.enrolment = 900
    school.save()
    assert (retired.paths, retired.everything) == (set(), False)


def test_a_station_retires_the_station_directory_only(site_tree, retired):
    district = StationFactory().district
    retired.clear()
    StationFactory(district=district)
    assert retired.paths == {"/stations/"}


# Through the client, with the page cache on.


@pytest.fixture
def page_cache(settings):
    settings.WAGTAIL_CACHE = True
    caches["pages"].clear()


def test_unrelated_pages_stay_cached_while_staff_record_their_work(
    client, page_cache, site_tree, campaigns
):
    held = EventFactory(campaign=campaigns["june"], status="completed")
    urls = ["/", "/news/", "/news/stay-away/", "/knowledge/meth/", campaigns["other_page"].url]
    for url in urls + [campaigns["june_page"].url]:
        client.get(url)
    Attendance.objects.create(event=held, group="junior", count=300)
    StockMovement(
        material=MaterialFactory(), station=held.station, kind="receipt", quantity=100
    ).record()
    for url in urls:
        assert client.get(url)[HEADER] == "hit", url
    assert client.get(campaigns["june_page"].url)[HEADER] == "miss"


def test_a_spreadsheet_import_retires_the_public_events_at_its_schools_once(site_tree, retired):
    """Bulk writes send no signals: the import asks the same rules, once for all rows."""
    from jindu.spreadsheet_import import check, write
    from schools.spreadsheets import SchoolImporter

    station = StationFactory()
    at = SchoolFactory(name="有公开活动的学校", district=station.district, enrolment=100)
    quiet = SchoolFactory(name="没有公开活动的学校", district=station.district, enrolment=100)
    event = EventFactory(station=station, school=at, district=station.district, is_public=True)
    retired.clear()
    content = (
        "学校名称,区,在校学生数\n"
        f"{at.name},{station.district.name},500\n{quiet.name},{station.district.name},600\n"
    ).encode()
    importer = SchoolImporter()
    write(importer, check(importer, None, "schools.csv", content))
    assert f"/events/{event.pk}/" in retired.paths
    assert "/events.ics" in retired.paths
    assert retired.everything is False
