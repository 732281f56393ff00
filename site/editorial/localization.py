"""Translating pages and snippets the way an editor does in the admin: through
wagtail-localize's translation sources and string translations, so that the English side
stays in step with the Chinese source (synchronised fields, later source updates)."""

import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.utils import translation

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

_request = threading.local()


def _request_started(**kwargs):
    _request.memo = {}


def _request_finished(**kwargs):
    _request.memo = None


request_started.connect(_request_started, dispatch_uid="jindu-request-memo-start")
request_finished.connect(_request_finished, dispatch_uid="jindu-request-memo-end")


def request_memo():
    """A dict for the current request only, for what one request looks up many times.
    Outside a request (commands, the task worker) an empty one each call: nothing read
    there is kept, since the rows may change between two calls."""
    memo = getattr(_request, "memo", None)
    return {} if memo is None else memo


def _locales():
    """Locales by code and by id, read once per request (a page shows dozens of links, and
    Wagtail's Locale.get_active() and page.locale each cost a query)."""
    memo = request_memo()
    if "locales" not in memo:
        locales = list(Locale.objects.all())
        memo["locales"] = (
            {locale.language_code: locale for locale in locales},
            {locale.pk: locale for locale in locales},
        )
    return memo["locales"]


def default_locale():
    """The Locale of the site's default language (Chinese)."""
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def locale_for(language_code):
    """The Locale of ``language_code`` (None when the site has no such language)."""
    return _locales()[0].get(language_code)


def locale_of(instance):
    """``instance.locale`` without a query per instance."""
    return _locales()[1].get(instance.locale_id) or instance.locale


def active_locale():
    return locale_for(translation.get_language()) or locale_for(settings.LANGUAGE_CODE)


def localized(page):
    """Wagtail's ``page.localized`` (the live translation in the active language, else the
    page itself), each page's translation looked up once per request."""
    locale = active_locale()
    if locale is None or locale.pk == page.locale_id:
        return page
    translations = request_memo().setdefault("translations", {})
    key = (type(page), page.pk, locale.pk)
    if key not in translations:
        translations[key] = page.get_translation_or_none(locale)
    translated = translations[key]
    if translated is None or not getattr(translated, "live", True):
        return page
    return translated


def prime_localized(pages):
    """Look up the translations of ``pages`` in the active language together (one query
    per page type, usually one), for the ``localized`` calls that follow."""
    locale = active_locale()
    if locale is None:
        return
    translations = request_memo().setdefault("translations", {})
    wanted = {}
    for page in pages:
        if page is not None and page.locale_id != locale.pk:
            if (type(page), page.pk, locale.pk) not in translations:
                wanted.setdefault(type(page), {})[page.translation_key] = page
    for page_class, by_key in wanted.items():
        found = {
            translated.translation_key: translated
            for translated in page_class.objects.filter(translation_key__in=by_key, locale=locale)
        }
        for translation_key, page in by_key.items():
            translations[(page_class, page.pk, locale.pk)] = found.get(translation_key)


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


def bcp47(language_code):
    """Django says zh-hans; HTML's lang attribute wants the BCP 47 spelling zh-Hans."""
    code = (language_code or "").lower()
    if code == "zh-hans":
        return "zh-Hans"
    if code == "zh-hant":
        return "zh-Hant"
    return code
