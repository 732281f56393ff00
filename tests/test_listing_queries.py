"""Listing pages cost the same number of queries whether they list 5 or 50 items."""

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


def queries_for(client, url):
    client.get(url)  # warm caches that are filled once per process (site root paths, etc.)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


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
