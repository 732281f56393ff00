"""What every admin listing, chooser and inspect view of the project does the same way:

- search by words in the database (``icontains`` on the viewset's ``search_fields``, every
  word required), so a search is always a queryset that station scoping and filters can
  narrow further, Chinese without spaces is split into words (jieba), and it works the
  same on SQLite and PostgreSQL;
- exports as Chinese offices open them (jindu.spreadsheets.exports);
- inspect views in the reader's time zone and language: local times, 是/否 for yes and
  no, a dash for nothing.
"""

from functools import cached_property

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from jindu.search.words import query_words
from jindu.spreadsheets.exports import LocalExportMixin, readable


def words_filter(queryset, query, fields):
    """``queryset`` narrowed to rows where every word of ``query`` is found in one of
    ``fields``."""
    for word in query_words(query):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(any_field)
    return queryset


class WordSearchMixin:
    """For Wagtail's generic index views (``search_backend_name = None``)."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return words_filter(queryset, self.search_query, self.search_fields or [])


class WordSearchChooseMixin:
    """For Wagtail's chooser views: the same search by words, on ``search_fields``."""

    search_fields = ()

    def get_filter_form_class(self):
        fields = self.search_fields

        class WordSearchForm(BaseFilterForm):
            q = forms.CharField(
                label=_("Search term"),
                widget=forms.TextInput(attrs={"placeholder": _("Search")}),
                required=False,
            )

            def filter(self, objects):
                objects = super().filter(objects)
                query = self.cleaned_data.get("q")
                if query:
                    objects = words_filter(objects, query, fields)
                    self.is_searching, self.search_query = True, query
                return objects

        if self.i18n_enabled:
            return type("WordSearchForm", (LocaleFilterMixin, WordSearchForm), {})
        return WordSearchForm


CHOOSER_VIEWS = ["choose_view_class", "choose_results_view_class", "chosen_view_class"]


class ReadableInspectMixin:
    """For Wagtail's inspect views."""

    def get_field_display_value(self, field_name, field):
        return readable(super().get_field_display_value(field_name, field))


class ImportButtonMixin:
    """An Import button on the listing, for those who may import its records
    (jindu.spreadsheets.importer); ``import_kind`` names the importer."""

    import_kind = None

    @cached_property
    def header_buttons(self):
        from jindu.spreadsheets.importer import importer_for

        buttons = super().header_buttons
        importer = importer_for(self.import_kind)
        if importer is not None and importer.may_import(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import"),
                    url=reverse("jindu_import_upload", args=[self.import_kind]),
                    icon_name="upload",
                    priority=20,
                )
            )
        return buttons


def with_mixin(mixin, view_class):
    if issubclass(view_class, mixin):
        return view_class
    return type(view_class.__name__, (mixin, view_class), {})


class ProjectSnippetViewSet(SnippetViewSet):
    """A SnippetViewSet whose listing and chooser search by words in the database and whose
    inspect view reads as the staff member expects (see the module docstring).

    ``chooser_view_mixins`` are added to the chooser's views (station scoping, columns);
    ``chooser_search_fields`` default to ``search_fields``."""

    search_backend_name = None
    chooser_view_mixins = ()
    chooser_search_fields = None
    # The importer (jindu.spreadsheets.importer) whose Import button the listing shows.
    import_kind = None

    def __init__(self, *args, **kwargs):
        if self.import_kind:
            self.index_view_class = type(
                self.index_view_class.__name__,
                (ImportButtonMixin, self.index_view_class),
                {"import_kind": self.import_kind},
            )
        self.index_view_class = with_mixin(
            LocalExportMixin, with_mixin(WordSearchMixin, self.index_view_class)
        )
        self.inspect_view_class = with_mixin(ReadableInspectMixin, self.inspect_view_class)
        super().__init__(*args, **kwargs)

    def get_chooser_view_mixins(self):
        return list(self.chooser_view_mixins)

    def get_chooser_view_attributes(self):
        return {"search_fields": self.chooser_search_fields or self.search_fields or []}

    @cached_property
    def chooser_viewset_class(self):
        attributes = self.get_chooser_view_attributes()
        views = {}
        for name in CHOOSER_VIEWS:
            base = getattr(SnippetChooserViewSet, name)
            mixins = self.get_chooser_view_mixins()
            if name != "chosen_view_class":
                mixins.append(WordSearchChooseMixin)
            views[name] = type(base.__name__, (*mixins, base), attributes)
        return type(f"{self.model.__name__}ChooserViewSet", (SnippetChooserViewSet,), views)
