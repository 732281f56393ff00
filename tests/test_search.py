"""Chinese-aware search, on whichever database the suite runs against (SQLite and, in CI,
PostgreSQL): words inside longer runs of Chinese are found, by the site search and the API."""

import re

from wagtail.models import Page, get_page_models
from wagtail.search import index

import pytest

from jindu.search.words import segment_for_index, segment_query
from tests.factories import ArticlePageFactory, SectionPageFactory


@pytest.fixture
def articles(home):
    section = SectionPageFactory(parent=home, title="工作动态", slug="news")
    harm = ArticlePageFactory(
        parent=section,
        title="远离毒品危害",
        slug="harm",
        intro="珍爱生命。",
        body=[{"type": "paragraph", "value": "<p>青少年应当远离新型合成毒品。</p>"}],
    )
    workers = ArticlePageFactory(
        parent=section,
        title="禁毒社工走进校园",
        slug="workers",
        intro="社工为学生讲授预防课程。",
        body=[{"type": "paragraph", "value": "<p>社工在学校讲解毒品危害与拒绝技巧。</p>"}],
    )
    english = ArticlePageFactory(
        parent=section,
        title="Talking with teenagers",
        slug="teenagers",
        intro="How parents can start the conversation.",
        body=[{"type": "paragraph", "value": "<p>Ask open questions about drugs and parties.</p>"}],
    )
    return {"harm": harm, "workers": workers, "english": english, "section": section}


def test_segmentation_splits_chinese_runs_and_leaves_latin_alone():
    assert "毒品" in segment_for_index("远离毒品危害").split()
    assert segment_query("毒品危害") == "毒品 危害"
    assert segment_query("Drugs AND parties") == "drugs drug and parties parti"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("毒品", "harm"),
        ("社工", "workers"),
        ("危害", "harm"),
        ("合成毒品", "harm"),
        ("parents", "english"),
        ("teenagers", "english"),
    ],
)
def test_site_search_finds_words_inside_chinese_text(client, articles, query, first):
    html = client.get("/search/", {"q": query}).content.decode()
    titles = re.findall(r"<h2><a href=\"[^\"]*\">([^<]+)</a></h2>", html)
    assert titles and titles[0] == articles[first].title, titles


def test_words_found_nowhere_find_nothing(client, articles):
    html = client.get("/search/", {"q": "社工"}).content.decode()
    assert "远离毒品危害" not in html  # no word of it there


def test_title_match_ranks_first(client, articles):
    html = client.get("/search/", {"q": "毒品"}).content.decode()
    # 远离毒品危害 has the word in its title; the other only in its body.
    assert html.index("远离毒品危害") < html.index("禁毒社工走进校园")


def test_results_show_snippet_with_the_word_marked(client, articles):
    html = client.get("/search/", {"q": "社工"}).content.decode()
    assert "<mark>社工</mark>" in html


def test_api_search_finds_words_inside_chinese_text(client, articles):
    response = client.get("/api/v2/pages/", {"search": "毒品", "type": "jindu.ArticlePage"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    # The same ranking as the site search; "drugs" means 毒品 too (the synonyms).
    assert titles[0] == "远离毒品危害"
    assert set(titles) == {"远离毒品危害", "禁毒社工走进校园", "Talking with teenagers"}


def test_nonsense_finds_nothing(client, articles):
    html = client.get("/search/", {"q": "zxqvbnm"}).content.decode()
    assert "没有找到" in html
    response = client.get("/api/v2/pages/", {"search": "zxqvbnm"})
    assert response.json()["meta"]["total_count"] == 0


@pytest.mark.parametrize(
    "query",
    [
        '"毒品"',
        "%",
        "'",
        "100%",
        "毒品' OR 1=1 --",
        "NOT",
        "AND OR",
        "*",
        "(",
        "a" * 2000,
        "毒" * 2000,
    ],
)
def test_awkward_queries_do_not_fail(client, articles, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/api/v2/pages/", {"search": query}).status_code == 200


def test_search_keeps_to_the_readers_language_unless_it_has_nothing(client, articles, en_home):
    from jindu.editorial.localization import translate

    # Nothing in English yet: the Chinese page, marked as Chinese.
    html = client.get("/en/search/", {"q": "毒品"}).content.decode()
    assert '<li lang="zh-Hans">' in html and "远离毒品危害" in html
    translate(articles["section"], "en", {"工作动态": "News"})
    translate(articles["harm"], "en", {"远离毒品危害": "The harm drugs do"})
    html = client.get("/en/search/", {"q": "毒品"}).content.decode()
    assert "The harm drugs do" in html and "远离毒品危害" not in html


def test_search_term_is_escaped_when_echoed(client, articles):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_drafts_are_not_found(client, articles):
    articles["harm"].unpublish()
    html = client.get("/search/", {"q": "危害"}).content.decode()
    assert "远离毒品危害" not in html


def test_every_page_model_indexes_the_core_page_fields():
    core = {(type(f).__name__, f.field_name) for f in Page.search_fields}
    for model in get_page_models():
        if model._meta.app_label != "jindu":
            continue
        names = {f.field_name for f in model.search_fields}
        assert {name for _kind, name in core} <= names, model
        title_fields = [
            f
            for f in model.search_fields
            if isinstance(f, index.SearchField) and f.field_name == "title"
        ]
        assert title_fields, model


@pytest.mark.parametrize("query", ["禁毒主题班会", "主题班会", "禁毒主"])
def test_admin_chooser_finds_events_by_chinese_words_as_you_type(client, db, query):
    from django.urls import reverse

    from tests.factories import EventFactory, UserFactory

    EventFactory(title="禁毒主题班会")
    EventFactory(title="社区禁毒宣传日")
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(
        reverse("wagtailsnippetchoosers_campaigns_event:choose_results"), {"q": query}
    )
    html = response.content.decode()
    assert "禁毒主题班会" in html
    assert "社区禁毒宣传日" not in html


@pytest.mark.parametrize(("query", "first"), [("毒品", "harm"), ("社工", "workers")])
def test_a_big_site_is_not_scored_row_by_row(client, articles, monkeypatch, query, first):
    """Past RANKED_MATCHES, ordering every match by relevance is slow (SQLite's backend runs
    an FTS query per page, PostgreSQL ranks each): the search takes the pages whose title
    says the words and other matches unordered, and still puts the right one first."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jindu.search import ranking as site_search

    monkeypatch.setattr(site_search, "RANKED_MATCHES", 0)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/search/", {"q": query}).content.decode()
    ranking = "bm25(" if connection.vendor == "sqlite" else "ts_rank("
    assert not [q["sql"] for q in queries.captured_queries if ranking in q["sql"]]
    titles = re.findall(r"<h2><a href=\"[^\"]*\">([^<]+)</a></h2>", html)
    assert titles and titles[0] == articles[first].title, titles


def test_title_matching_is_case_blind_for_english_and_plain_for_chinese(
    client, articles, monkeypatch
):
    """The pages whose title says the query's words (past RANKED_MATCHES): "TEENAGERS" finds
    "Talking with teenagers"; a Chinese word is looked for as it is, without PostgreSQL
    upper-casing every title of the site for it (jindu.search.query.containing)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jindu.search import ranking as site_search

    monkeypatch.setattr(site_search, "RANKED_MATCHES", 0)
    html = client.get("/search/", {"q": "TEENAGERS"}).content.decode()
    assert "Talking with teenagers" in html
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/search/", {"q": "毒品"}).content.decode()
    assert "远离毒品危害" in html
    title_scans = [q["sql"] for q in queries.captured_queries if "%毒品%" in q["sql"]]
    assert title_scans
    for sql in title_scans:
        assert "UPPER('%毒品%')" not in sql, sql


def test_postgresql_has_the_indexes_its_search_queries_need(client, articles):
    """Wagtail's PostgreSQL backend looks for the query in ``title || body`` of its index
    and joins the pages on ``page.id::varchar``; migration jindu 0013 indexes both
    expressions, and 0014 keeps new entries out of a pending list that every search reads.
    Fails when a Wagtail release searches or joins by another expression (the indexes would
    then serve nothing) or when the indexes are missing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("SQLite searches its FTS5 table")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/search/", {"q": "毒品"}).status_code == 200
    searches = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    assert searches
    for sql in searches:
        assert '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body")' in sql
        assert '("wagtailcore_page"."id")::varchar(50)' in sql
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'jindu_%'")
        indexes = dict(cursor.fetchall())
    assert "gin (((title || body)))" in indexes["jindu_indexentry_title_body_gin"]
    # New entries go straight into the tree (0014): a pending list is read by every search.
    assert "fastupdate=off" in indexes["jindu_indexentry_title_body_gin"]
    assert "((id)::character varying(50))" in indexes["jindu_page_id_text"]


def test_a_search_that_finds_no_station_or_event_reads_neither_listing_page(client, articles):
    """The stations directory and the events page are looked up (for their address) only
    when a station or an event is found: most searches find neither."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/search/", {"q": "毒品"}).status_code == 200
    read = " ".join(q["sql"] for q in queries.captured_queries)
    assert "schools_stationdirectorypage" not in read
    assert "campaigns_eventindexpage" not in read


@pytest.mark.parametrize(("prefix", "query"), [("", "毒品"), ("", "社工"), ("/en", "drugs")])
def test_a_search_reads_a_bounded_number_of_queries(client, articles, en_home, prefix, query):
    """However many pages match, a search page is a fixed handful of queries: the results
    are read together, never one page (or one deferred field) at a time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(f"{prefix}/search/", {"q": query})  # the synonyms and vocabulary, kept after
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{prefix}/search/", {"q": query}).status_code == 200
    assert len(queries) <= 16, [q["sql"][:120] for q in queries.captured_queries]


@pytest.mark.parametrize("words", ["远离笑气", "守护青春", "笑气"])
def test_the_admin_page_search_finds_chinese_drafts_by_their_words(client, home, words):
    """Editors look for drafts the public search cannot show: the admin's search box finds
    the words of a title as the public search does, not only a title's first characters."""
    from tests.factories import UserFactory

    section = SectionPageFactory(parent=home, slug="campaign", title="专题")
    draft = ArticlePageFactory(parent=section, title="远离笑气，守护青春", slug="n2o", live=False)
    client.force_login(UserFactory(is_superuser=True))
    html = client.get("/admin/pages/search/", {"q": words}).content.decode()
    assert f"/admin/pages/{draft.pk}/edit/" in html
