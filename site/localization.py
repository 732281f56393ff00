"""Translating pages and snippets the way an editor does in the admin: through
wagtail-localize's translation sources and string translations, so that the English side
stays in step with the Chinese source (synchronised fields, later source updates)."""

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


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
