"""The admin form of every page (``base_form_class`` of jindu.models.mixins.PublicPageMixin).
Kept apart from jindu.uploads.forms, whose upload forms cannot be imported while models load."""

from wagtail.admin.forms.pages import WagtailAdminPageForm

from jindu.pages.text import latin_slug


class LatinSlugPageForm(WagtailAdminPageForm):
    """A slug typed (or filled in from the title) in Chinese is saved as pinyin
    (jindu.pages.text.latin_slug), before Wagtail checks that no sibling has it; a Latin slug the
    editor typed is kept as it is."""

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        return slug if slug.isascii() else latin_slug(slug)
