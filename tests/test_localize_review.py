"""No way around review through wagtail-localize's *Sync translated pages*: its *Publish
immediately* is for those who may publish the translated pages; an editor's sync updates
the drafts, which then go to review like any edit (issue 20)."""

from django.contrib.auth.models import Group
from django.urls import resolve

from wagtail_localize.models import TranslationSource
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

import pytest

from jindu.localization import translate
from jindu.localize_views import PUBLISH_FIELD, ReviewedUpdateTranslationsView
from jindu.roles import EDITORS, REVIEWERS, ensure_editorial_groups
from tests.factories import ArticlePageFactory, SectionPageFactory, UserFactory


@pytest.fixture
def article(home, en_home):
    ensure_editorial_groups([home, en_home])
    section = SectionPageFactory(parent=home, slug="news", title="工作动态")
    translate(section, "en", {"工作动态": "News"})
    article = ArticlePageFactory(parent=section, title="远离毒品", slug="stay-away")
    english = translate(article, "en", {"远离毒品": "Stay away from drugs"})
    # The Chinese page changes and is published by a reviewer: the English page is behind.
    article.title = "远离毒品，珍爱生命"
    article.save_revision().publish()
    return article, english


def member(group):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


def sync(client, article, publish):
    source = TranslationSource.objects.get_for_instance(article)
    url = f"/admin/localize/update/{source.pk}/"
    data = {PUBLISH_FIELD: "on"} if publish else {}
    return client.get(url), client.post(url, data)


def test_an_editor_cannot_publish_a_translation_by_syncing(client, article):
    article, english = article
    client.force_login(member(EDITORS))
    form, response = sync(client, article, publish=True)
    assert form.status_code == 200
    assert 'type="checkbox" name="publish_translations"' not in form.content.decode()
    assert response.status_code == 302
    english.refresh_from_db()
    # The translation now has the new source text to translate; the live page is unchanged
    # until a translation of it goes through review.
    assert english.title == "Stay away from drugs"
    assert english.live_revision.as_object().title == "Stay away from drugs"


def test_a_reviewer_may_still_publish_by_syncing(
    client, article, django_capture_on_commit_callbacks
):
    article, english = article
    client.force_login(member(REVIEWERS))
    with django_capture_on_commit_callbacks(execute=True):
        form, response = sync(client, article, publish=True)
    assert 'name="publish_translations"' in form.content.decode()
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.title == "远离毒品，珍爱生命"  # untranslated text falls back, as before
    assert not english.has_unpublished_changes


def test_our_view_answers_at_wagtail_localizes_address():
    """Fails when wagtail-localize moves its sync view or renames the publish field."""
    assert resolve("/admin/localize/update/1/").url_name == "jindu_update_translations"
    assert issubclass(ReviewedUpdateTranslationsView, UpdateTranslationsView)
    assert PUBLISH_FIELD in UpdateTranslationsForm().fields
