"""The review bar of wagtail-localize's translation editor (our copy of its template)."""

import json

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review_bar(context, translation, page):
    from jindu.editorial.review import translation_notice, translation_of_page

    annotated = translation_of_page(page)
    if annotated is None or annotated.pk != translation.pk:
        return ""
    level, text, buttons = translation_notice(context["request"].user, annotated, page)
    return render_to_string(
        "jindu/admin/translation_review_bar.html",
        {"level": level, "text": text, "buttons": buttons, "state": annotated.state},
    )


@register.simple_tag(takes_context=True)
def translation_editor_props(context, props, page):
    """The editor's props, without *Convert to alias* for those who may not publish the
    page (the copy would go live with no review)."""
    data = json.loads(props)
    if not page.permissions_for_user(context["request"].user).can_publish():
        data["links"]["convertToAliasUrl"] = None
    return json.dumps(data)
