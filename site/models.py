from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The root of each language tree; one per locale, the English one a translation."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A sentence or two under the site name on the home page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "jindu/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


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
