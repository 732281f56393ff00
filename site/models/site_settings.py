from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="help")
class SiteSettings(BaseSiteSetting):
    """What the footer of every page shows: the help line and where to find a station.

    Editable in Settings, never hard-coded, because each agency runs its own line."""

    hotline_number = models.CharField(
        _("24-hour hotline number"),
        max_length=40,
        blank=True,
        help_text=_("Shown in the footer of every page, e.g. 021-12345678."),
    )
    station_directory_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("work-station directory page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The footer links here; each language shows its own translation."),
    )
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=120,
        blank=True,
        help_text=_("Shown in the footer, e.g. 上海市自强社会服务总社."),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("hotline_number"),
        PageChooserPanel("station_directory_page"),
    ]

    class Meta:
        verbose_name = _("site settings")
