from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools")

    def ready(self):
        from schools.letters import connect_signals

        connect_signals()
