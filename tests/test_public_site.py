"""What readers, search engines and apps get from the public site beyond single pages: the
quiz, the home page as front door, the sitemap, robots.txt and the content API."""

import re

from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import format_html

from wagtail import hooks
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests.factories import (
    ArticlePageFactory,
    DocumentFactory,
    DrugIndexPageFactory,
    QuizPageFactory,
    SectionPageFactory,
)


@pytest.fixture
def quiz(home):
    return QuizPageFactory(parent=home)


def test_quiz_shows_questions_without_answers(client, quiz):
    html = client.get(quiz.url).content.decode()
    assert "国际禁毒日是哪一天？" in html
    assert 'type="radio" name="q0"' in html
    assert "每年6月26日是国际禁毒日" not in html


def test_quiz_scores_answers_and_explains(client, quiz):
    # Question 0: option 1 is right; question 1: option 0 is right. Answer one of each.
    response = client.post(quiz.url, {"q0": "1", "q1": "1"})
    html = response.content.decode()
    assert "你的得分：1 / 2" in html
    assert "每年6月26日是国际禁毒日" in html
    assert "冰毒即甲基苯丙胺" in html


def test_quiz_stores_nothing(client, quiz):
    client.get(quiz.url)  # the site settings row is created on the very first request
    with CaptureQueriesContext(connection) as context:
        client.post(quiz.url, {"q0": "1", "q1": "0"})
    writes = [
        q["sql"]
        for q in context.captured_queries
        if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []


@pytest.mark.parametrize("answers", [{"q0": "99"}, {"q0": "-1"}, {"q0": "abc"}, {}])
def test_quiz_tolerates_tampered_answers(client, quiz, answers):
    response = client.post(quiz.url, answers)
    assert response.status_code == 200
    assert "你的得分：0 / 2" in response.content.decode()


def test_quiz_answers_are_posted_never_put_in_an_address(client, quiz):
    """Answers in a URL end up in access logs and browser history, although the page
    promises nothing is recorded (issue 18): the form posts, with a CSRF token, and answers
    in the address mark nothing."""
    from django.test import Client

    html = client.get(quiz.url).content.decode()
    form = re.search(r'<form class="quiz" method="(\w+)"', html)
    assert form and form.group(1) == "post"
    assert 'name="csrfmiddlewaretoken"' in html
    assert "你的得分" not in client.get(quiz.url, {"submitted": "1", "q0": "1"}).content.decode()
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(quiz.url, {"q0": "1"}).status_code == 403
    # The form's page carries a token for one visitor: no shared cache may keep it.
    assert "private" in client.get(quiz.url)["Cache-Control"]
    assert "no-store" in client.post(quiz.url, {"q0": "1"})["Cache-Control"]


def test_an_articles_chosen_related_articles_keep_the_editors_order(client, home):
    section = SectionPageFactory(parent=home, slug="news")
    first = ArticlePageFactory(parent=section, title="先看这篇", slug="first")
    second = ArticlePageFactory(parent=section, title="再看这篇", slug="second")
    withdrawn = ArticlePageFactory(parent=section, title="已撤下的文章", slug="withdrawn")
    withdrawn.unpublish()
    article = ArticlePageFactory(parent=section, title="正文", slug="article")
    # Chosen against the tree's order (first was created, so sits, before second).
    article.related = [{"type": "article", "value": page.pk} for page in (second, withdrawn, first)]
    article.save_revision().publish()
    related = client.get(article.url).content.decode().split('id="related-heading"')[1]
    assert related.index("再看这篇") < related.index("先看这篇")
    assert "已撤下的文章" not in related


def test_home_page_shows_featured_latest_drug_index_and_quiz(client, home, quiz):
    section = SectionPageFactory(parent=home, slug="news")
    featured = ArticlePageFactory(parent=section, title="推荐文章", slug="featured")
    ArticlePageFactory(parent=section, title="最新文章", slug="latest")
    DrugIndexPageFactory(parent=home)
    home.featured = [{"type": "article", "value": featured.pk}]
    home.quiz_page = quiz
    home.entry_points = [
        {"type": "entry", "value": {"title": "我是学生", "text": "认识毒品", "page": section.pk}}
    ]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert html.count("推荐文章") == 1  # featured, and not repeated among the latest
    assert "最新文章" in html
    assert "我是学生" in html
    assert "毒品知识 A–Z" in html
    assert quiz.title in html


def test_other_apps_add_home_sections_through_the_hook(client, home):
    def section(request, page):
        return format_html("<section>{}</section>", "本月活动")

    with hooks.register_temporarily("jindu_home_sections", section):
        html = client.get("/").content.decode()
    assert "<section>本月活动</section>" in html


def test_sitemap_lists_both_languages(client, en_home):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "http://localhost/</loc>" in xml
    assert "http://localhost/en/</loc>" in xml


def test_sitemap_leaves_out_drafts(client, home):
    section = SectionPageFactory(parent=home, slug="news")
    draft = ArticlePageFactory(parent=section, slug="draft", live=False)
    assert draft.url not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_sitemap_and_keeps_admin_out(client, home):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.parametrize("path", ["/favicon.ico", "/apple-touch-icon.png"])
def test_icons_asked_for_at_the_root_lead_to_the_site_icon(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/static/jindu/icons/")
    assert finders.find(response["Location"].removeprefix("/static/"))


def test_pages_name_their_icons_and_they_exist(client, home):
    html = client.get("/").content.decode()
    icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="/static/([^"]+)"', html)
    assert len(icons) == 3
    assert all(finders.find(icon) for icon in icons), icons


def test_api_lists_live_pages_with_locale(client, en_home):
    items = client.get("/api/v2/pages/").json()["items"]
    locales = {item["meta"]["locale"] for item in items}
    assert locales == {"zh-hans", "en"}


def test_api_hides_documents_in_restricted_collections(client, home):
    root = Collection.get_first_root_node()
    private = root.add_child(name="协议（内部）")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    DocumentFactory(title="公开海报")
    DocumentFactory(title="签署的协议", collection=private)
    titles = {item["title"] for item in client.get("/api/v2/documents/").json()["items"]}
    assert "公开海报" in titles
    assert "签署的协议" not in titles
