from django.utils.translation import gettext_lazy as _

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
