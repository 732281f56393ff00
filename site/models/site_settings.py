from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


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

    footer_links = StreamField(
        [("page", blocks.PageChooserBlock(label=_("page"), icon="link"))],
        verbose_name=_("footer links"),
        blank=True,
        max_num=12,
        help_text=_(
            "Pages every visitor should be able to reach from any page: getting help, "
            "downloads, requesting a talk… Each language shows its own translation."
        ),
    )
    demo_notice = models.BooleanField(
        _("demonstration site"),
        default=False,
        help_text=_(
            "Says on every page that phone numbers, stations and events are examples. "
            "Turn it off once the agency's own information is in."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("hotline_number"),
        PageChooserPanel("station_directory_page"),
        FieldPanel("footer_links"),
        FieldPanel("demo_notice"),
    ]

    class Meta:
        verbose_name = _("site settings")
