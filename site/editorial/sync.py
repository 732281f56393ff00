"""wagtail-localize's screens without a way around review, and what editors need to keep
translations current (issue 20).

- *Sync translated pages* offers *Publish immediately* only to those who may publish every
  translated page. Everyone else may tick *Submit for review* instead: the translations are
  saved as drafts with the new text and sent to the workflow (jindu.editorial.review).
  This view answers at wagtail-localize's own address (site/urls.py); the test in
  tests/test_localize_review.py fails if wagtail-localize renames the form's field.
- *Convert to alias* would copy the source page's latest revision into the translated page
  and mirror its live status: a translation live with nobody reviewing it. Only those who
  may publish the page may do it; anyone else is sent back with the reason.
- *Submit for review* from the translation editor, and the *Translations to update* report.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.update_translations import UpdateTranslationsView

import django_filters

from jindu.editorial import review as review

PUBLISH_FIELD = "publish_translations"
SUBMIT_FIELD = "submit_for_review"


def may_publish_translations(user, source):
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:  # not created yet: syncing creates it as a draft
            continue
        if isinstance(target, Page) and not target.permissions_for_user(user).can_publish():
            return False
    return True


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        if not may_publish_translations(self.request.user, self.object):
            field = form.fields[PUBLISH_FIELD]
            # A disabled field ignores what is posted: it stays False, whatever is sent.
            field.disabled = True
            field.initial = False
            field.widget = forms.HiddenInput()
            form.fields[SUBMIT_FIELD] = forms.BooleanField(
                label=gettext_lazy("Submit for review"),
                help_text=gettext_lazy(
                    "Save the translations with the new text and send them to the reviewers. "
                    "Text not yet translated stays in the original language until it is."
                ),
                required=False,
            )
        return form

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get(SUBMIT_FIELD):
            submitted = review.sync_and_submit(self.object, self.request.user)
            for page in submitted:
                messages.success(
                    self.request,
                    _("'%(title)s' has been submitted for review.")
                    % {"title": page.get_admin_display_title()},
                )
        return response


def reviewed_convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        messages.error(
            request,
            _(
                "Only those who may publish this page can turn it into a copy of the original: "
                "the copy would go live without review. Submit the translation for review instead."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return convert_to_alias(request, page_id)


def submit_translation(request, translation_id):
    """*Submit for review* (提交审核) of a translation: the page says what will be sent and
    how much is translated; its button saves the translated page as a draft and starts
    the workflow. The notice on the translation editor leads here."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    page = get_object_or_404(
        Page,
        translation_key=translation.source.object_id,
        locale_id=translation.target_locale_id,
    )
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    problems = []
    if not review.may_submit(request.user, page):
        problems.append(
            _(
                "This translation cannot be submitted now: it is locked or already waiting for review."
            )
        )
    if request.method != "POST" or problems:
        total, done = translation.get_progress()
        return TemplateResponse(
            request,
            "jindu/admin/confirm.html",
            {
                "page_title": _("Submit for review"),
                "header_title": _("Submit for review"),
                "header_icon": "globe",
                "lead": _(
                    "The translation is saved as a draft and sent to the reviewers, who are told "
                    "by email. It goes live when a reviewer approves it. Text not yet translated "
                    "is shown in the original language."
                ),
                "facts": [
                    (_("Page"), page.get_admin_display_title()),
                    (_("Language"), translation.target_locale.get_display_name()),
                    (
                        _("Translated"),
                        _("%(done)s of %(total)s texts") % {"done": done, "total": total},
                    ),
                ],
                "problems": problems,
                "action_url": request.path,
                "submit_label": _("Submit for review"),
                "cancel_url": edit_url,
            },
            status=200 if request.method != "POST" else 409,
        )
    page = review.submit_for_review(translation, request.user)
    messages.success(
        request,
        _("'%(title)s' has been submitted for review.") % {"title": page.get_admin_display_title()},
    )
    return redirect(edit_url)


class TranslationStateFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"),
        choices=[
            (state, label)
            for state, label in review.STATE_LABELS.items()
            if state != review.UP_TO_DATE
        ],
    )
    target_locale = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Language"),
        queryset=Locale.objects.all(),
    )

    class Meta:
        model = Translation
        fields = ["state", "target_locale"]


class ActionColumn(Column):
    """What to do next: sync when the source moved on, otherwise open the translation."""

    cell_template_name = "jindu/admin/translation_action_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[instance.target_page_id])
        if instance.state == review.SOURCE_CHANGED:
            context["sync_url"] = reverse("jindu_update_translations", args=[instance.source_id])
        return context


class TranslationsToUpdateView(ReportView):
    """Every page translation that needs someone: the source changed, new text to
    translate, a draft not yet submitted, or waiting for review; most urgent first."""

    page_title = gettext_lazy("Translations to update")
    header_icon = "globe"
    index_url_name = "jindu_translations_to_update"
    index_results_url_name = "jindu_translations_to_update_results"
    filterset_class = TranslationStateFilterSet
    columns = [
        TitleColumn(
            "title",
            label=gettext_lazy("Page"),
            accessor="source.object_repr",
            get_url=lambda t: reverse("wagtailadmin_pages:edit", args=[t.source_page_id]),
        ),
        Column(
            "target_locale",
            label=gettext_lazy("Language"),
            accessor="target_locale.get_display_name",
        ),
        Column("state", label=gettext_lazy("State"), accessor="state_label"),
        DateColumn("source_published_at", label=gettext_lazy("Original last published")),
        DateColumn(
            "last_sync", label=gettext_lazy("Last synced"), accessor="source.last_updated_at"
        ),
        DateColumn("last_saved_at", label=gettext_lazy("Translation last saved")),
        ActionColumn("action", label=gettext_lazy("Next step")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return review.pending_translations().order_by("state_rank", "-source_published_at", "pk")

    def decorate_paginated_queryset(self, object_list):
        for translation in object_list:
            translation.state_label = review.STATE_LABELS[translation.state]
        return object_list
