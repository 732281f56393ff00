from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from jindu.models import Resource


class ResourceViewSet(SnippetViewSet):
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


@hooks.register("is_request_cacheable")
def never_cache_admin_previews_or_token_feeds(request, is_cacheable):
    """Signed-in users, the admin, previews and the token calendar feeds (whose URL is the
    secret) are never served from or kept in the page cache. Wagtail marks a preview only after
    the middleware has run, but its simulated request is flagged ``is_dummy`` from the start."""
    if getattr(request, "is_dummy", False):
        return False
    # The cache is consulted before sessions are loaded: anyone with a session (every
    # signed-in user) is treated as staff and gets a fresh page.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if request.path.startswith((settings.ADMIN_PATH_PREFIX, "/calendars/")):
        return False
    return is_cacheable
