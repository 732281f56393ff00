"""wagtail-localize's *Sync translated pages* without a way around review.

Its form offers *Publish immediately* to anyone who may edit the source page, and publishes
every translation with it: an editor could put the English page live with no review. Here
the option is offered only to those who may publish every translated page; for everyone else
the sync updates the translations' drafts, which go through the workflow like any edit.
This view answers at wagtail-localize's own address (site/urls.py); the test in
tests/test_localize_review.py fails if wagtail-localize renames the form's field."""

from django import forms
from django.core.exceptions import ObjectDoesNotExist

from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

PUBLISH_FIELD = "publish_translations"


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
        return form
