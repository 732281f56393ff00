"""`load_demo` gives a newcomer a real-looking bilingual site, and running it again changes
nothing."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Page, Revision, WorkflowPage

import pytest

from jindu.models import ArticlePage, DrugFactPage, QuizPage, Resource


@pytest.fixture
def demo(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-demo-password")
    call_command("load_demo", stdout=StringIO())


def test_demo_has_bilingual_articles_drugs_quiz_and_downloads(demo):
    for model, minimum in [(ArticlePage, 8), (DrugFactPage, 6), (QuizPage, 1)]:
        for language in ("zh-hans", "en"):
            assert model.objects.live().filter(locale__language_code=language).count() >= minimum
    assert Resource.objects.count() >= 4


def test_demo_pages_render_in_both_languages(demo, client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_english_demo_article_is_translated(demo, client):
    html = client.get("/en/news/shanghai-16-years/").content.decode()
    assert "Sixteen years of anti-drug social workers" in html
    assert "More than 10 million audience person-times" in html


def test_demo_search_finds_chinese_words(demo, client):
    html = client.get("/search/", {"q": "社工"}).content.decode()
    assert "十六年，禁毒社工在这座超大城市改变了什么" in html


def test_second_run_changes_nothing(demo):
    counts = (Page.objects.count(), Revision.objects.count(), Resource.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (Page.objects.count(), Revision.objects.count(), Resource.objects.count()) == counts


def test_review_workflow_and_editorial_groups(demo):
    editors = Group.objects.get(name="Editors")
    reviewers = Group.objects.get(name="Reviewers")
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()
    assert reviewers.page_permissions.filter(permission__codename="publish_page").exists()
    for article in ArticlePage.objects.all():
        assert article.get_workflow().name == "Review before publishing", article.url
    review = WorkflowPage.objects.filter(workflow__name="Review before publishing")
    assert {wp.page.locale.language_code for wp in review} == {"zh-hans", "en"}
