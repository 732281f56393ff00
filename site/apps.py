from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JinduConfig(AppConfig):
    """The project package doubles as the public content app (home, sections, articles)."""

    name = "jindu"
    label = "jindu"
    verbose_name = _("Public site")

    def ready(self):
        from jindu.editorial import review
        from jindu.pages import site_address  # noqa: F401 - registers its check
        from jindu.search import query
        from jindu.security import mail  # noqa: F401 - registers its check
        from jindu.serving import invalidation

        invalidation.connect_signals()
        review.connect_signals()
        query.connect_signals()
