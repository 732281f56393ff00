"""No way around review through wagtail-localize's *Sync translated pages*: its *Publish
immediately* is for those who may publish the translated pages; an editor's sync updates
the drafts, which then go to review like any edit (issue 20)."""

import datetime
import io
import json
import re
from html import unescape as html_unescape
from pathlib import Path

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import resolve
from django.utils import timezone

from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

import pytest
import time_machine

from jindu.editorial.localization import translate
from jindu.editorial.review import (
    IN_REVIEW,
    SOURCE_CHANGED,
    TO_TRANSLATE,
    UP_TO_DATE,
    submit_for_review,
    translation_of_page,
)
from jindu.editorial.roles import EDITORS, REVIEWERS, ensure_editorial_groups
from jindu.editorial.sync import PUBLISH_FIELD, SUBMIT_FIELD, ReviewedUpdateTranslationsView
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


# Every other path to live goes through review too, and translations that fall behind their
# source are told (issue 20).


def test_an_editors_new_translation_of_a_live_page_is_a_draft(
    client, home, en_home, django_capture_on_commit_callbacks
):
    ensure_editorial_groups([home, en_home])
    section = SectionPageFactory(parent=home, slug="news", title="工作动态")
    translate(section, "en", {"工作动态": "News"})
    article = ArticlePageFactory(parent=section, title="认识冰毒", slug="meth")
    client.force_login(member(EDITORS))
    # (wagtail-localize publishes once the transaction commits)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{article.pk}/",
            {"locales": [Locale.objects.get(language_code="en").pk]},
        )
    assert response.status_code == 302
    english = article.get_translation(Locale.objects.get(language_code="en"))
    # wagtail-localize publishes a live page's translation at once unless told otherwise.
    assert not english.live
    assert client.get(english.url or "/en/news/meth/").status_code == 404


def test_an_editors_sync_can_submit_the_translations_for_review(client, article, mailoutbox):
    article, english = article
    reviewer = member(REVIEWERS)
    client.force_login(member(EDITORS))
    source = TranslationSource.objects.get_for_instance(article)
    url = f"/admin/localize/update/{source.pk}/"
    assert 'name="submit_for_review"' in client.get(url).content.decode()
    assert client.post(url, {SUBMIT_FIELD: "on"}).status_code == 302
    english.refresh_from_db()
    assert english.workflow_in_progress
    assert english.live_revision.as_object().title == "Stay away from drugs"  # still live
    assert english.get_latest_revision().as_object().title == "远离毒品，珍爱生命"
    assert any(reviewer.email in message.to for message in mailoutbox)


def test_an_editor_cannot_turn_a_translation_into_a_live_copy_of_the_original(client, article):
    article, english = article
    client.force_login(member(EDITORS))
    url = f"/admin/localize/page/{english.pk}/convert_to_alias/"
    response = client.post(url)
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{english.pk}/edit/"
    english.refresh_from_db()
    assert english.alias_of_id is None
    assert english.title == "Stay away from drugs"
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("审核" in m for m in messages), messages


def test_submit_for_review_says_what_it_sends_and_starts_the_workflow(client, article, mailoutbox):
    article, english = article
    reviewer = member(REVIEWERS)
    client.force_login(member(EDITORS))
    translation = Translation.objects.get(source__object_id=article.translation_key)
    url = f"/admin/translations/{translation.pk}/submit/"
    page = client.get(url).content.decode()
    assert "Stay away from drugs" in page and "提交审核" in page
    # How much is translated: the title, not yet the rest (the factory's intro and body).
    total, done = translation.get_progress()
    assert 0 < done < total
    assert f"{total} 段文字中已翻译 {done} 段" in page
    response = client.post(url)
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.workflow_in_progress
    assert [m for m in mailoutbox if reviewer.email in m.to]
    # Once it waits for review it cannot be sent again.
    again = client.post(url)
    assert again.status_code == 409
    assert english.workflow_states.count() == 1


def test_a_reviewer_approves_a_submitted_translation_and_it_is_live(client, article):
    article, english = article
    editor, reviewer = member(EDITORS), member(REVIEWERS)
    translation = Translation.objects.get(source__object_id=article.translation_key)
    translation.source.update_from_db()  # synced: the new source text is in
    submit_for_review(translation, editor)
    english.refresh_from_db()
    task_state = english.current_workflow_task_state
    client.force_login(reviewer)
    response = client.post(
        f"/admin/pages/workflow/action/{english.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    english.refresh_from_db()
    assert english.live and not english.has_unpublished_changes
    assert state_of(english) == UP_TO_DATE


def review_bar(response):
    html = response.content.decode()
    match = re.search(
        r'<div class="jindu-review-bar[^"]*" role="status" data-translation-state="(\w+)">(.*?)</div>',
        html,
        re.S,
    )
    assert match, "no review bar"
    return {
        "state": match.group(1),
        "text": re.sub(r"<[^>]+>", " ", match.group(2)),
        "links": re.findall(r'href="([^"]+)"', match.group(2)),
    }


def test_the_translation_editor_offers_submit_and_hides_convert_to_alias_from_editors(
    client, article
):
    article, english = article
    translation = Translation.objects.get(source__object_id=article.translation_key)
    translation.source.update_from_db()
    client.force_login(member(EDITORS))
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    bar = review_bar(response)
    assert bar["state"] == TO_TRANSLATE
    assert bar["links"] == [f"/admin/translations/{translation.pk}/submit/"]
    props = json.loads(
        html_unescape(
            re.search(
                r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
            ).group(1)
        )
    )
    assert props["links"]["convertToAliasUrl"] is None
    client.force_login(member(REVIEWERS))
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    props = json.loads(
        html_unescape(
            re.search(
                r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
            ).group(1)
        )
    )
    assert props["links"]["convertToAliasUrl"]


def test_our_copy_of_the_translation_editor_template_follows_wagtail_localizes():
    """Our template copies wagtail-localize's content block with two changes; this fails
    when wagtail-localize changes the original, so that the copy is looked at again."""
    import wagtail_localize

    def content_block(path):
        text = Path(path).read_text()
        return re.search(r"\{% block content %\}.*?\n\{% endblock %\}", text, re.S).group()

    original = content_block(
        Path(wagtail_localize.__file__).parent
        / "templates/wagtail_localize/admin/edit_translation.html"
    )
    ours = content_block(
        Path(__file__).parent.parent / "site/templates/wagtail_localize/admin/edit_translation.html"
    ).replace(
        "    {% if is_page %}{% translation_review_bar translation instance %}{% endif %}\n", ""
    )
    ours = ours.replace("{% translation_editor_props props instance %}", "{{ props }}")
    assert ours == original


def state_of(page):
    return translation_of_page(page).state


def test_a_translation_falls_behind_when_its_source_goes_live(
    client, home, en_home, mailoutbox, django_capture_on_commit_callbacks
):
    ensure_editorial_groups([home, en_home])
    editor = member(EDITORS)
    section = SectionPageFactory(parent=home, slug="news", title="工作动态")
    translate(section, "en", {"工作动态": "News"})
    article = ArticlePageFactory(parent=section, title="远离毒品", slug="stay-away")
    english = translate(article, "en", {"远离毒品": "Stay away from drugs"})
    assert state_of(english) == UP_TO_DATE
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "远离毒品，珍爱生命"
        article.save_revision().publish()
    assert state_of(english) == SOURCE_CHANGED
    # The editors are told, in the language of their admin, with the links to act on.
    told = [m for m in mailoutbox if editor.email in m.to]
    assert len(told) == 1
    assert "远离毒品，珍爱生命" in told[0].subject
    assert f"/admin/pages/{english.pk}/edit/" in told[0].body
    assert "/admin/reports/translations-to-update/" in told[0].body

    client.force_login(editor)
    # The translation's editor, the original's and the report say so.
    bar = review_bar(client.get(f"/admin/pages/{english.pk}/edit/"))
    assert bar["state"] == SOURCE_CHANGED and "译文已过时" in bar["text"]
    assert "/admin/localize/update/" in bar["links"][0]
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    notices = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("英语" in n and "过时" in n for n in notices), notices
    report = client.get("/admin/reports/translations-to-update/").content.decode()
    assert "远离毒品" in report and "同步" in report

    # Synced: the new text waits to be translated; submitted: waiting for review.
    source = TranslationSource.objects.get_for_instance(article)
    client.post(f"/admin/localize/update/{source.pk}/", {})
    assert state_of(english) == TO_TRANSLATE
    translation = Translation.objects.get(source=source)
    submit_for_review(translation, editor)
    assert state_of(english) == IN_REVIEW


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_report_opens_in_both_languages_and_filters_by_state(client, article, language):
    from django.utils import translation as django_translation

    article, english = article
    user = member(EDITORS)
    client.force_login(user)
    with django_translation.override(language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        response = client.get("/admin/reports/translations-to-update/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "远离毒品" in html
        label = "Source changed: sync" if language == "en" else "原文已改：请同步"
        assert label in html
        empty = client.get("/admin/reports/translations-to-update/?state=in_review")
        assert "远离毒品" not in empty.content.decode()


def test_the_report_is_for_those_who_translate(client, article):
    client.force_login(UserFactory())
    assert client.get("/admin/reports/translations-to-update/").status_code in (302, 403)


def test_installations_made_before_get_the_chinese_workflow_and_collection_names(home, en_home):
    """The workflow, its task and the site media collection are named in Chinese; an older
    installation's English ones are renamed, never duplicated."""
    from wagtail.models import Collection, GroupApprovalTask, Workflow

    from jindu.editorial.roles import REVIEW_TASK_NAME, SITE_MEDIA, WORKFLOW_NAME

    Workflow.objects.create(name="Review before publishing")
    GroupApprovalTask.objects.create(name="Reviewer approval")
    Collection.get_first_root_node().add_child(name="Site media")
    ensure_editorial_groups([home, en_home])
    names = list(Workflow.objects.values_list("name", flat=True))
    assert names.count(WORKFLOW_NAME) == 1 and "Review before publishing" not in names
    tasks = list(GroupApprovalTask.objects.values_list("name", flat=True))
    assert tasks.count(REVIEW_TASK_NAME) == 1 and "Reviewer approval" not in tasks
    assert Collection.objects.filter(name=SITE_MEDIA).count() == 1
    assert not Collection.objects.filter(name="Site media").exists()


def test_a_translation_approved_with_its_scheduled_source_goes_live_with_it(client, article):
    """The June 26 case: the Chinese page scheduled for 00:00, its English translation
    approved in the same review round; neither is live before, both are after."""
    article, english = article
    editor, reviewer = member(EDITORS), member(REVIEWERS)
    go_live = (timezone.now() + datetime.timedelta(days=30)).replace(second=0, microsecond=0)
    article.title = "6·26 国际禁毒日"
    article.go_live_at = go_live
    article.save_revision(user=editor).publish()  # approved, scheduled
    article.refresh_from_db()
    assert article.scheduled_revision is not None
    translation = Translation.objects.get(source__object_id=article.translation_key)
    translation.source.update_from_db()
    submit_for_review(translation, editor)
    english.refresh_from_db()
    task_state = english.current_workflow_task_state
    client.force_login(reviewer)
    client.post(
        f"/admin/pages/workflow/action/{english.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    english.refresh_from_db()
    assert english.live_revision.as_object().title == "Stay away from drugs"  # not yet
    assert english.scheduled_revision is not None
    assert english.scheduled_revision.approved_go_live_at == go_live
    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled", stdout=io.StringIO())
    english.refresh_from_db()
    article.refresh_from_db()
    assert english.title == "6·26 国际禁毒日" and article.title == "6·26 国际禁毒日"
