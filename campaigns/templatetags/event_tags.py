"""An event's words in the reader's language: the English title and description where staff
gave them, else the Chinese, marked as Chinese (lang) so readers and screen readers know."""

from django import template
from django.utils import translation
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from jindu.templatetags.jindu_tags import bcp47

register = template.Library()


@register.filter
def shown(event, field):
    """``field`` ("title" or "description") as HTML: a description in paragraphs, and a
    <span> or <div> with its language where it is not the page's."""
    reader = translation.get_language() or ""
    text, language = event.text_in(field, reader)
    if field == "description":
        html = mark_safe(linebreaks(text, autoescape=True))  # noqa: S308 - escaped by linebreaks
        if language == reader:
            return html
        return format_html('<div lang="{}">{}</div>', bcp47(language), html)
    if language == reader:
        return text
    return format_html('<span lang="{}">{}</span>', bcp47(language), text)


@register.filter
def shown_text(event, field):
    """The same words as plain text (a page's <title>, an attribute)."""
    return event.text_in(field, translation.get_language() or "")[0]
