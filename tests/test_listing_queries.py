"""Listing pages cost the same number of queries whether they list 5 or 50 items."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from jindu.models import Audience
from tests.factories import (
    ArticlePageFactory,
    DrugFactPageFactory,
    DrugIndexPageFactory,
    ImageFactory,
    ResourceFactory,
    ResourceLibraryPageFactory,
    SectionPageFactory,
)

# Every public page, whatever it lists and however many rows the agency has, is rendered in
# at most this many queries (docs/benchmarks.md): Wagtail's own routing, site and locale
# look-ups (about half of them), then what the page shows (a campaign page's figures are
# seven sums).
MAX_QUERIES_PER_PAGE = 26


def queries_for(client, url):
    # Warm what is kept between requests (Wagtail's site root paths). Twice: a new site's
    # first request creates its settings row.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    count = len(context.captured_queries)
    assert count <= MAX_QUERIES_PER_PAGE, f"{url}: {count} queries"
    return count


def fill_section(section, count, image, audience, start=0):
    for number in range(start, start + count):
        article = ArticlePageFactory(
            parent=section, hero_image=image, slug=f"a-{section.pk}-{number}"
        )
        article.tags.add("上海", f"tag{number % 3}")
        article.audiences.add(audience)
        article.save()


@pytest.mark.parametrize("path_suffix", ["", "?audience=parents", "?tag=上海", "feed/"])
def test_section_listing_queries_do_not_grow(client, home, path_suffix):
    image = ImageFactory()
    parents = Audience.objects.get(code="parents")
    small = SectionPageFactory(parent=home, slug="small")
    large = SectionPageFactory(parent=home, slug="large")
    fill_section(small, 5, image, parents)
    fill_section(large, 50, image, parents)
    assert queries_for(client, small.url + path_suffix) == queries_for(
        client, large.url + path_suffix
    )


def test_home_page_queries_do_not_grow(client, home):
    image = ImageFactory()
    parents = Audience.objects.get(code="parents")
    section = SectionPageFactory(parent=home, slug="news")
    fill_section(section, 5, image, parents)
    few = queries_for(client, home.url)
    fill_section(section, 45, image, parents, start=5)
    assert queries_for(client, home.url) == few


def test_drug_index_queries_do_not_grow(client, home):
    small = DrugIndexPageFactory(parent=home, slug="drugs")
    for number in range(5):
        DrugFactPageFactory(parent=small, slug=f"d{number}")
    few = queries_for(client, small.url)
    for number in range(5, 50):
        DrugFactPageFactory(parent=small, slug=f"d{number}")
    assert queries_for(client, small.url) == few


def test_resource_library_queries_do_not_grow(client, home):
    library = ResourceLibraryPageFactory(parent=home)
    parents = Audience.objects.get(code="parents")
    image = ImageFactory()
    for _ in range(5):
        ResourceFactory(preview_image=image).audiences.add(parents)
    few = queries_for(client, library.url)
    for _ in range(45):
        ResourceFactory(preview_image=image).audiences.add(parents)
    assert queries_for(client, library.url) == few


def test_search_queries_do_not_grow(client, home):
    section = SectionPageFactory(parent=home, slug="news")
    parents = Audience.objects.get(code="parents")
    image = ImageFactory()
    fill_section(section, 5, image, parents)
    few = queries_for(client, "/search/?q=毒品")
    fill_section(section, 45, image, parents, start=5)
    assert queries_for(client, "/search/?q=毒品") == few


# The other public page types: what they list grows with the agency's records.


def public_events(station, count, start=0):
    import datetime

    from tests.factories import SHANGHAI, EventFactory

    base = datetime.datetime(2030, 3, 1, 9, 0, tzinfo=SHANGHAI)
    return [
        EventFactory(
            station=station,
            is_public=True,
            status="confirmed",
            start=base + datetime.timedelta(days=number),
            end=base + datetime.timedelta(days=number, hours=2),
        )
        for number in range(start, start + count)
    ]


def test_events_page_and_event_detail_queries_do_not_grow(client, home):
    from campaigns.models import EventIndexPage
    from tests.factories import StationFactory

    index = home.add_child(instance=EventIndexPage(title="近期禁毒活动", slug="events"))
    station = StationFactory()
    first = public_events(station, 3)[0]
    detail = f"{index.url}{first.pk}/"
    few, few_detail = queries_for(client, index.url), queries_for(client, detail)
    public_events(StationFactory(), 30, start=3)
    assert queries_for(client, index.url) == few
    assert queries_for(client, detail) == few_detail


def test_campaign_pages_queries_do_not_grow(client, home):
    from campaigns.models import Attendance, CampaignIndexPage, CampaignPage
    from tests.factories import CampaignFactory, StationFactory

    index = home.add_child(instance=CampaignIndexPage(title="6·26国际禁毒日", slug="june-26"))

    def year(number):
        campaign = CampaignFactory(name=f"{number}年6·26")
        page = index.add_child(
            instance=CampaignPage(
                title=f"{number}年6·26",
                slug=str(number),
                year=number,
                campaign=campaign,
                theme="珍爱生命",
            )
        )
        for event in public_events(StationFactory(), 3, start=number):
            event.campaign = campaign
            event.save()
            Attendance.objects.create(event=event, group="junior", count=40)
        return page

    page = year(2025)
    few, few_index = queries_for(client, page.url), queries_for(client, index.url)
    for number in range(2015, 2025):
        year(number)
    for event in public_events(StationFactory(), 20, start=100):
        event.campaign = page.campaign
        event.save()
    assert queries_for(client, page.url) == few
    assert queries_for(client, index.url) == few_index


def test_station_directory_and_talk_request_queries_do_not_grow(client, home):
    from campaigns.models import TalkRequestPage
    from schools.models import StationDirectoryPage
    from tests.factories import StationFactory

    directory = home.add_child(instance=StationDirectoryPage(title="禁毒社工站", slug="stations"))
    form = home.add_child(instance=TalkRequestPage(title="预约禁毒讲座", slug="request"))
    for _ in range(3):
        StationFactory()
    few, few_form = queries_for(client, directory.url), queries_for(client, form.url)
    for _ in range(30):
        StationFactory()
    assert queries_for(client, directory.url) == few
    assert queries_for(client, form.url) == few_form


def test_article_drug_fact_and_quiz_queries_do_not_grow(client, home):
    from tests.factories import QuizPageFactory

    section = SectionPageFactory(parent=home, slug="news")
    parents = Audience.objects.get(code="parents")
    image = ImageFactory()
    fill_section(section, 3, image, parents)
    article = section.get_children().first().specific
    drugs = DrugIndexPageFactory(parent=home)
    fact = DrugFactPageFactory(parent=drugs, slug="heroin")
    quiz = QuizPageFactory(parent=home)
    urls = [article.url, fact.url, quiz.url]
    few = [queries_for(client, url) for url in urls]
    fill_section(section, 30, image, parents, start=3)
    for number in range(20):
        DrugFactPageFactory(parent=drugs, slug=f"drug-{number}")
    assert [queries_for(client, url) for url in urls] == few


def test_article_cards_read_only_what_a_card_shows(client, home):
    """A card shows an article's picture, title, date, reading time and introduction: its
    body and related-article blocks (the largest columns, decoded from JSON) and its
    audiences and tags are not read for it."""
    image = ImageFactory()
    parents = Audience.objects.get(code="parents")
    section = SectionPageFactory(parent=home, slug="news")
    fill_section(section, 5, image, parents)
    article = section.get_children().last().specific
    for url in (home.url, section.url, article.url):
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        cards = [
            query["sql"]
            for query in context.captured_queries
            if 'LEFT OUTER JOIN "jindu_jinduimage"' in query["sql"]
            # Not the article itself, read with its picture (one row: LIMIT 21 of a get()).
            and not query["sql"].endswith("LIMIT 21")
        ]
        assert cards, url
        assert not [sql for sql in cards if '"jindu_articlepage"."body"' in sql], url
        # Nothing a card shows is left out of its row (it would be read a card at a time).
        single_rows = [
            query["sql"]
            for query in context.captured_queries
            if query["sql"].endswith("LIMIT 21")
            and ('"jindu_articlepage"' in query["sql"] or '"jindu_jinduimage"' in query["sql"])
        ]
        # The article itself, and its picture.
        assert len(single_rows) == (2 if url == article.url else 0), url
        if url == section.url:
            assert not [
                query["sql"]
                for query in context.captured_queries
                if "jindu_articlepage_audiences" in query["sql"]
                or re.search(r'"content_object_id" IN \(\d', query["sql"])
            ]
