"""Translating pages and snippets the way an editor does in the admin: through
wagtail-localize's translation sources and string translations, so that the English side
stays in step with the Chinese source (synchronised fields, later source updates)."""

import threading

from django.conf import settings
from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

# Locales looked up once per request instead of once per link: a page shows dozens of
# links, and Wagtail's Locale.get_active() and page.locale each cost a query.
_request_locales = threading.local()


def _forget_locales(**kwargs):
    _request_locales.__dict__.clear()


request_started.connect(_forget_locales, dispatch_uid="jindu-forget-locales")
post_save.connect(_forget_locales, sender=Locale, dispatch_uid="jindu-locale-saved")
post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="jindu-locale-deleted")


def _locales():
    if not hasattr(_request_locales, "by_code"):
        locales = list(Locale.objects.all())
        _request_locales.by_code = {locale.language_code: locale for locale in locales}
        _request_locales.by_id = {locale.pk: locale for locale in locales}
    return _request_locales


def locale_for(language_code):
    """The Locale of ``language_code`` (None when the site has no such language)."""
    return _locales().by_code.get(language_code)


def locale_of(instance):
    """``instance.locale`` without a query per instance."""
    return _locales().by_id.get(instance.locale_id) or instance.locale


def active_locale():
    return locale_for(translation.get_language()) or locale_for(settings.LANGUAGE_CODE)


def localized(page):
    """Wagtail's ``page.localized`` (the live translation in the active language, else the
    page itself) with the locale looked up once per request."""
    locale = active_locale()
    if locale is None or locale.pk == page.locale_id:
        return page
    translated = page.get_translation_or_none(locale)
    if translated is None or not getattr(translated, "live", True):
        return page
    return translated


def translate(instance, language_code, strings, *, user=None, publish=True):
    """Translate ``instance`` into ``language_code`` using ``strings``, a mapping of source
    text to translated text. Strings without a translation fall back to the source text,
    as wagtail-localize does when an editor publishes an incomplete translation.

    Returns the translated instance (the specific page for pages)."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        translated = strings.get(segment.string.data)
        if translated is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    # wagtail-localize publishes in transaction.on_commit; inside load_demo's transaction
    # (or a test's) that would leave the page a draft until much later, so save a draft
    # here and publish it now.
    drafts_possible = isinstance(instance, DraftStateMixin)
    source.create_or_update_translation(
        locale,
        user=user,
        publish=not drafts_possible,
        fallback=True,
        copy_parent_pages=True,
    )
    result = instance.get_translation(locale)
    if isinstance(result, Page):
        result = result.specific
    if publish and drafts_possible:
        result.get_latest_revision().publish(user=user)
        result.refresh_from_db()
    return result
