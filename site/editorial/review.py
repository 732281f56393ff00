"""Translations go live through review, and nobody forgets them when their source moves on.

wagtail-localize keeps what we need to say where every translated page stands: its
``TranslationSource`` (the source's text as of the last sync, ``last_updated_at``), a
``TranslationLog`` each time the translation was saved into its page, and the pages' own
dates. From those, in the database (so the report pages and sorts like any listing):

- ``source_changed``: the source page was published after the last sync. Sync to bring its
  new text in.
- ``in_review``: the translated page waits in the review workflow.
- ``to_translate``: synced since the translation was last saved into its page: new text
  waits to be translated and submitted.
- ``draft``: translated text that is not live: a new translation, text translated in the
  editor since the translation was last saved into its page, or one sent back by a
  reviewer.
- ``up_to_date``: nothing to do.

Editors submit a translation for review (``submit_for_review``): its page is saved as a
draft with the translations made so far and the page's workflow starts, which tells the
reviewers. When a source page goes live with translations, the Editors group is told by
email which translations to update (a background task, never the publishing request).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils import translation as django_translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, WorkflowState
from wagtail.signals import page_published
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from django_tasks import task

logger = logging.getLogger(__name__)

SOURCE_CHANGED = "source_changed"
IN_REVIEW = "in_review"
TO_TRANSLATE = "to_translate"
DRAFT = "draft"
UP_TO_DATE = "up_to_date"

STATE_LABELS = {
    SOURCE_CHANGED: _("Source changed: sync"),
    IN_REVIEW: _("Waiting for review"),
    TO_TRANSLATE: _("New text to translate"),
    DRAFT: _("Draft, not submitted"),
    UP_TO_DATE: _("Up to date"),
}
# Most urgent first: the report lists them in this order.
STATE_ORDER = [SOURCE_CHANGED, TO_TRANSLATE, DRAFT, IN_REVIEW, UP_TO_DATE]


def page_translations():
    """Every enabled translation of a page, annotated with its pages, dates and ``state``."""
    pages = Page.objects.filter(translation_key=OuterRef("source__object_id"))
    source_page = pages.filter(locale_id=OuterRef("source__locale_id"))
    target_page = pages.filter(locale_id=OuterRef("target_locale_id"))
    last_saved = (
        TranslationLog.objects.filter(
            source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    # Text translated in the editor after the translation was last saved into its page.
    last_translated = (
        StringTranslation.objects.filter(
            locale_id=OuterRef("target_locale_id"),
            translation_of__segments__source_id=OuterRef("source_id"),
            translation_of__segments__context_id=F("context_id"),
        )
        .order_by("-updated_at")
        .values("updated_at")[:1]
    )
    in_workflow = WorkflowState.objects.active().filter(
        base_content_type_id=ContentType.objects.get_for_model(Page).pk,
        status=WorkflowState.STATUS_IN_PROGRESS,
        object_id=Cast(OuterRef("target_page_id"), CharField()),
    )
    return (
        Translation.objects.filter(enabled=True)
        .annotate(
            source_page_id=Subquery(source_page.values("pk")[:1]),
            source_published_at=Subquery(source_page.values("last_published_at")[:1]),
            target_page_id=Subquery(target_page.values("pk")[:1]),
            target_live=Subquery(target_page.values("live")[:1]),
            target_has_changes=Subquery(target_page.values("has_unpublished_changes")[:1]),
            last_saved_at=Subquery(last_saved),
            last_translated_at=Subquery(last_translated),
        )
        .filter(source_page_id__isnull=False, target_page_id__isnull=False)
        .annotate(
            in_review=Exists(in_workflow),
            state=Case(
                When(
                    source_published_at__gt=F("source__last_updated_at"), then=Value(SOURCE_CHANGED)
                ),
                When(in_review=True, then=Value(IN_REVIEW)),
                When(
                    Q(last_saved_at__isnull=True)
                    | Q(last_saved_at__lt=F("source__last_updated_at")),
                    then=Value(TO_TRANSLATE),
                ),
                When(
                    Q(target_live=False)
                    | Q(target_has_changes=True)
                    | Q(last_translated_at__gt=F("last_saved_at")),
                    then=Value(DRAFT),
                ),
                default=Value(UP_TO_DATE),
                output_field=CharField(),
            ),
            state_rank=Case(
                *[When(state=value, then=Value(rank)) for rank, value in enumerate(STATE_ORDER)],
                output_field=IntegerField(),
            ),
            out_of_date=Case(
                When(state__in=[SOURCE_CHANGED, TO_TRANSLATE], then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .select_related("source", "source__locale", "target_locale")
    )


def translation_of_page(page):
    """The enabled translation whose target is ``page``, annotated, or None."""
    return page_translations().filter(target_page_id=page.pk).first()


def pending_translations():
    return page_translations().exclude(state=UP_TO_DATE)


def may_publish(user, page):
    return page.permissions_for_user(user).can_publish()


def may_submit(user, page):
    """Whoever may edit the translated page may send it to review, unless it is locked or
    already waiting there."""
    permissions = page.permissions_for_user(user)
    return (
        permissions.can_edit()
        and not permissions.page_locked()
        and page.get_workflow() is not None
        and not page.workflow_in_progress
    )


@transaction.atomic
def submit_for_review(translation, user):
    """Save ``translation`` into its page as a draft (untranslated text falls back to the
    source, as a publish would) and start the page's workflow, or resume it where a
    reviewer asked for changes. Returns the translated page."""
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(
        translation_key=translation.source.object_id, locale_id=translation.target_locale_id
    ).specific
    follow_the_sources_go_live(page, translation.source, user)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)
    return page


def follow_the_sources_go_live(page, source, user):
    """A translation goes live when its source does: the draft sent to review takes the
    source's go-live time (wagtail-localize copies it only when a translation is first
    made), so approving both in one round keeps the English page off-line until the
    scheduled Chinese one goes live, and both appear together."""
    original = Page.objects.filter(
        translation_key=source.object_id, locale_id=source.locale_id
    ).first()
    if original is None:
        return
    scheduled = original.specific.scheduled_revision
    go_live_at = (
        scheduled.approved_go_live_at
        if scheduled is not None
        else original.specific.get_latest_revision_as_object().go_live_at
    )
    if go_live_at is None or go_live_at <= timezone.now():
        return
    draft = page.get_latest_revision_as_object()
    if draft.go_live_at != go_live_at:
        draft.go_live_at = go_live_at
        draft.save_revision(user=user)


def sync_and_submit(source, user):
    """After a sync by someone who may not publish: every enabled translation of ``source``
    saved as a draft with the new text and sent to review (wagtail-localize's sync would
    otherwise leave the new text in the translation editor only)."""
    submitted = []
    for translation in source.translations.filter(enabled=True).select_related("source"):
        page = Page.objects.filter(
            translation_key=source.object_id, locale_id=translation.target_locale_id
        ).first()
        if page is None or not may_submit(user, page):
            continue
        submitted.append(submit_for_review(translation, user))
    return submitted


def translation_notice(user, translation, page):
    """(level, text, [(url, label)]) for the bar above the translation editor of ``page``:
    where the translation stands and what to do next."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    total, done = translation.get_progress()
    progress = _("%(done)s of %(total)s texts translated.") % {"done": done, "total": total}
    submit = []
    if may_submit(user, page):
        submit = [
            (reverse("jindu_submit_translation", args=[translation.pk]), _("Submit for review"))
        ]
    if translation.state == SOURCE_CHANGED:
        sync_url = reverse("jindu_update_translations", args=[translation.source_id])
        text = _(
            "Out of date: the original page was changed and published on %(published)s, after "
            "this translation was last synced (%(synced)s). Sync to bring its new text in."
        ) % {
            "published": _local(translation.source_published_at),
            "synced": _local(translation.source.last_updated_at),
        }
        return "warning", text, [(f"{sync_url}?next={edit_url}", _("Sync translated pages"))]
    if translation.state == IN_REVIEW:
        return "info", _("This translation is waiting for review."), []
    if translation.state == TO_TRANSLATE:
        text = _("Out of date: new text from the original page waits to be translated.")
        return "warning", f"{text} {progress}", submit
    if translation.state == DRAFT:
        text = _("Translated text not yet live: submit it for review when it is ready.")
        return "info", f"{text} {progress}", submit
    text = _("Up to date. Changes to this translation go live once a reviewer approves them.")
    return "success", text, submit


def out_of_date_notice(page):
    """(level, text, [(url, label)]) for the editor of a source page whose translations
    fell behind it, or None."""
    behind = [
        t for t in page_translations().filter(source_page_id=page.pk) if t.state == SOURCE_CHANGED
    ]
    if not behind:
        return None
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    languages = "、".join(str(t.target_locale.get_display_name()) for t in behind)
    sync_url = reverse("jindu_update_translations", args=[behind[0].source_id])
    text = _("Translations out of date since this page was last published: %(languages)s.") % {
        "languages": languages
    }
    return "warning", text, [(f"{sync_url}?next={edit_url}", _("Sync translated pages"))]


def _local(moment):
    from django.utils import timezone
    from django.utils.formats import date_format

    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else "—"


# Told by email when a source page goes live while it has translations.


def _editors():
    from jindu.editorial.roles import EDITORS

    return (
        get_user_model()
        .objects.filter(groups__name=EDITORS, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
    )


def _language_of(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.preferred_language if profile else "") or settings.LANGUAGE_CODE


@task()
def tell_editors_translations_are_out_of_date(page_id):
    """Email each editor, in the language of their admin, which translations of the page
    that just went live now need updating, with the links to do it."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    translations = [
        t
        for t in page_translations().filter(source_page_id=page.pk)
        if t.state in (SOURCE_CHANGED, TO_TRANSLATE)
    ]
    if not translations:
        return 0
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    sent = 0
    for user in _editors():
        with django_translation.override(_language_of(user)):
            context = {
                "page": page,
                "user": user,
                "translations": [
                    {
                        "language": t.target_locale.get_display_name(),
                        "edit_url": base
                        + reverse("wagtailadmin_pages:edit", args=[t.target_page_id]),
                    }
                    for t in translations
                ],
                "sync_url": base
                + reverse("jindu_update_translations", args=[translations[0].source_id]),
                "report_url": base + reverse("jindu_translations_to_update"),
            }
            subject = str(_("Translation to update: %(title)s") % {"title": page.title})
            body = render_to_string("jindu/email/translations_out_of_date.txt", context)
        send_mail(subject, body, None, [user.email])
        sent += 1
    logger.info("told %s editors that translations of page %s are out of date", sent, page.pk)
    return sent


def _source_went_live(sender, instance, **kwargs):
    is_source = TranslationSource.objects.filter(
        object_id=instance.translation_key,
        locale_id=instance.locale_id,
        translations__enabled=True,
    ).exists()
    if is_source:
        page_id = instance.pk
        transaction.on_commit(lambda: tell_editors_translations_are_out_of_date.enqueue(page_id))


def connect_signals():
    page_published.connect(_source_went_live, dispatch_uid="jindu-translations-out-of-date")
