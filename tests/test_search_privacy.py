"""What readers search for is kept only as daily counts, only for a while, and never
written while they wait (issue 19); the synonym dictionary is data editors extend."""

import datetime

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest
import time_machine

from jindu.models import SearchSynonym
from tests.factories import SHANGHAI, DrugFactPageFactory, DrugIndexPageFactory

DAY = datetime.datetime(2026, 6, 26, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def drugs(home):
    index = DrugIndexPageFactory(parent=home)
    return DrugFactPageFactory(parent=index, title="海洛因", slug="heroin", summary="阿片类毒品。")


def writes(context):
    return [
        q["sql"]
        for q in context.captured_queries
        if q["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE"}
    ]


def test_a_search_writes_nothing_while_the_reader_waits(client, drugs):
    client.get("/search/", {"q": "海洛因"})  # the site settings row is made on first use
    with CaptureQueriesContext(connection) as context:
        response = client.get("/search/", {"q": "海洛因的危害"})
    assert response.status_code == 200 and "海洛因" in response.content.decode()
    assert writes(context) == []
    assert not Query.objects.exists()


def test_searches_reach_editors_as_daily_counts_and_no_term_outlives_the_retention(
    client, drugs, settings
):
    settings.SEARCH_TERMS_RETENTION_DAYS = 30
    with time_machine.travel(DAY, tick=False):
        for query in ("海洛因", "海洛因", "  HEROIN ", "13912345678", "someone@example.org"):
            client.get("/search/", {"q": query})
    with time_machine.travel(DAY + datetime.timedelta(days=1), tick=False):
        call_command("flush_search_terms", verbosity=0)
    counts = {hit.query.query_string: hit.hits for hit in QueryDailyHits.objects.all()}
    assert counts == {"海洛因": 2, "heroin": 1}
    # What looks like a phone number or an email address is never kept, even counted.
    assert not Query.objects.filter(query_string__contains="1391").exists()
    assert not Query.objects.filter(query_string__contains="example").exists()
    # An editor promotes a result for one term: that term (not its counts) stays.
    SearchPromotion.objects.create(query=Query.objects.get(query_string="heroin"), page=drugs)
    with time_machine.travel(DAY + datetime.timedelta(days=31), tick=False):
        call_command("flush_search_terms", verbosity=0)
    assert not QueryDailyHits.objects.exists()
    assert list(Query.objects.values_list("query_string", flat=True)) == ["heroin"]


def test_counts_not_yet_flushed_stay_in_the_cache_only_for_days(client, drugs):
    from django.core.cache import cache

    from jindu.search import terms as search_terms

    with time_machine.travel(DAY, tick=False):
        client.get("/search/", {"q": "海洛因"})
        keys = cache.get(f"jindu-search-day:{DAY.date().isoformat()}")
    assert keys and len(keys) == 1
    # Each count expires with the cache, days before the retention ends.
    assert search_terms.CACHE_DAYS < 30


def test_editors_extend_the_dictionary_and_searches_use_it_at_once(client, drugs):
    found = '">海洛因</a></h2>'
    assert found not in client.get("/search/", {"q": "白面儿"}).content.decode()
    SearchSynonym.objects.create(terms="白面儿, 海洛因", note="北方俗称")
    assert found in client.get("/search/", {"q": "白面儿"}).content.decode()
