from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from jindu.backoffice.viewsets import ProjectSnippetViewSet
from jindu.models import Resource, SearchSynonym


class ResourceViewSet(ProjectSnippetViewSet):
    model = Resource
    icon = "doc-full-inverse"
    menu_label = _("Downloads")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "resource_type", "language", "created_at"]
    list_filter = ["resource_type", "language", "audiences"]
    search_fields = ["title", "description"]
    list_export = ["title", "resource_type", "language", "created_at"]
    ordering = ["-created_at"]


register_snippet(ResourceViewSet)


class SearchSynonymViewSet(ProjectSnippetViewSet):
    """The words readers use for the same thing (jindu.search.query), kept by editors."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 260
    add_to_settings_menu = True
    list_display = ["__str__", "terms", "note"]
    search_fields = ["terms", "note"]
    list_export = ["terms", "note"]


register_snippet(SearchSynonymViewSet)


@hooks.register("insert_global_admin_css")
def project_admin_css():
    """The project's admin styles (reports, dashboards, the review bar) on every admin page."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("jindu/css/admin.css"))


NEVER_KEPT = ("/calendars/", "/feedback/")


@hooks.register("is_request_cacheable")
def keep_only_anonymous_public_pages(request, is_cacheable):
    """The page cache answers and keeps anonymous public GETs only: never the admin, a
    preview, anyone with a session (every signed-in member of staff, since the cache is
    asked before sessions are loaded) or the token calendar feeds, whose URL is the
    secret, nor the feedback pages, which read a cookie of their own that the page cache
    would strip from the request (it keeps only Django's session and CSRF cookies).
    Wagtail marks a preview only after the middleware has run, but its simulated request is
    flagged ``is_dummy`` from the start."""
    from jindu.serving.headers import is_anonymous_public_request

    # Matched anywhere in the path: in English they start with /en/.
    if not is_anonymous_public_request(request) or any(part in request.path for part in NEVER_KEPT):
        return False
    return is_cacheable


@hooks.register("register_admin_urls")
def register_spreadsheet_import_urls():
    from django.urls import path

    from jindu.spreadsheets import views as import_views

    return [
        path("imports/<slug:kind>/", import_views.upload, name="jindu_import_upload"),
        path("imports/<slug:kind>/sample.csv", import_views.sample, name="jindu_import_sample"),
        path("imports/job/<int:pk>/", import_views.job_view, name="jindu_import_job"),
        path("imports/job/<int:pk>/confirm/", import_views.confirm, name="jindu_import_confirm"),
        path("imports/job/<int:pk>/cancel/", import_views.cancel, name="jindu_import_cancel"),
        path("imports/job/<int:pk>/problems.csv", import_views.report, name="jindu_import_report"),
    ]


@hooks.register("register_admin_urls")
def register_translation_review_urls():
    from django.urls import path

    from jindu.editorial import sync as localize_views

    return [
        path(
            "translations/<int:translation_id>/submit/",
            localize_views.submit_translation,
            name="jindu_submit_translation",
        ),
        path(
            "reports/translations-to-update/",
            localize_views.TranslationsToUpdateView.as_view(),
            name="jindu_translations_to_update",
        ),
        path(
            "reports/translations-to-update/results/",
            localize_views.TranslationsToUpdateView.as_view(results_only=True),
            name="jindu_translations_to_update_results",
        ),
    ]


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_translations_to_update_menu_item():
    return TranslatorsMenuItem(
        _("Translations to update"),
        reverse("jindu_translations_to_update"),
        icon_name="globe",
        order=650,
    )


@hooks.register("before_edit_page")
def tell_which_translations_fell_behind(request, page):
    """A notice at the top of a source page's editor when its translations are out of
    date (a translated page's own editor says where it stands: jindu_review_tags)."""
    if request.method != "GET":
        return None
    from wagtail.admin import messages

    from jindu.editorial.review import out_of_date_notice

    notice = out_of_date_notice(page)
    if notice is not None:
        level, text, buttons = notice
        getattr(messages, level)(
            request, text, buttons=[messages.button(url, label) for url, label in buttons]
        )
    return None
