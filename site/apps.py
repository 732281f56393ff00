from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JinduConfig(AppConfig):
    """The project package doubles as the public content app (home, sections, articles)."""

    name = "jindu"
    label = "jindu"
    verbose_name = _("Public site")

    def ready(self):

        from jindu import search_query, site_address, translation_review  # noqa: F401 - site_address registers a check
        from jindu.serving import invalidation

        invalidation.connect_signals()
        translation_review.connect_signals()
        search_query.connect_signals()
