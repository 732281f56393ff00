"""Public pages of the campaigns app: the events page, the June 26 campaign pages and the
talk request form. They read the outreach models; the models never read them."""

import datetime

from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField

from campaigns.public.ical import build_calendar, ics_response
from campaigns.public.requests import handle_talk_request
from campaigns.reports.feedback_results import public_summary
from campaigns.reports.figures import campaign_events, figures, kept_campaign_figures
from jindu.models import Resource
from jindu.models.mixins import (
    IntroPage,
    PublicPageMixin,
    image_field,
    intro_field,
    page_search_fields,
    public,
)
from jindu.pages.blocks import BodyBlock
from jindu.pages.listing import paginate, querystring_without_page
from jindu.security.query_values import chosen_id
from jindu.serving.headers import LiveFiguresMixin
from schools.models import District, localized

from .campaigns import Campaign
from .choices import PUBLIC_STATUSES, EventFormat, VenueType
from .events import Event

EVENTS_PER_PAGE = 30


class EventIndexPage(LiveFiguresMixin, RoutablePageMixin, IntroPage):
    """Upcoming public events by month, filterable by district and venue type, each with a
    detail view and an .ics download. Internal events never appear, nor does anything about
    the people involved (counsellors, school contacts, requesters)."""

    parent_page_types = ["jindu.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events page")
        verbose_name_plural = _("events pages")

    def upcoming(self):
        return Event.objects.public_listed().select_related("school", "district").order_by("start")

    def district_names(self):
        """{district pk: its name in this page's language}, in the districts' order."""
        originals = District.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
            "sort_order"
        )
        return {pk: shown.name for pk, shown in localized(originals, self.locale_id).items()}

    @path("")
    def index_view(self, request):
        events = self.upcoming()
        district = chosen_id(request.GET.get("district"))
        venue = request.GET.get("venue", "")
        if district is not None:
            events = events.filter(district_id=district)
        if venue in VenueType.values:
            events = events.filter(venue_type=venue)

        def listing():
            page_of_events = paginate(request, events, EVENTS_PER_PAGE)
            names = self.district_names()
            # Looked up once, not through get_FOO_display for every event.
            venue_labels, format_labels = dict(VenueType.choices), dict(EventFormat.choices)
            months = []
            for event in page_of_events:
                event.district_name = names.get(event.district_id, event.district.name)
                event.venue_label = venue_labels.get(event.venue_type, event.venue_type)
                event.format_label = format_labels.get(event.format, event.format)
                local = timezone.localtime(event.start)
                month = datetime.date(local.year, local.month, 1)
                if not months or months[-1][0] != month:
                    months.append((month, []))
                months[-1][1].append(event)
            return {"events": page_of_events, "months": months, "districts": list(names.items())}

        return self.render(
            request,
            context_overrides={
                **listing(),
                "venue_types": VenueType.choices,
                "selected_district": district,
                "selected_venue": venue,
                "querystring": querystring_without_page(request),
            },
        )

    def _public_event(self, event_id):
        # Called-off events keep their page, with the news (PUBLIC_STATUSES).
        return get_object_or_404(
            Event.objects.select_related("school", "district", "campaign"),
            pk=event_id,
            is_public=True,
            status__in=PUBLIC_STATUSES,
        )

    @path("<int:event_id>/", name="event_detail")
    def event_view(self, request, event_id):
        event = self._public_event(event_id)
        event.district_name = self.district_names().get(event.district_id, event.district.name)
        return self.render(
            request,
            template="campaigns/event_detail.html",
            context_overrides={"event": event},
        )

    @path("<int:event_id>/ics/", name="event_ics")
    def event_ics_view(self, request, event_id):
        event = self._public_event(event_id)
        url = request.build_absolute_uri(
            self.url + self.reverse_subpage("event_detail", args=[event.pk])
        )
        title = event.text_in("title", self.locale.language_code)[0]
        return ics_response(
            build_calendar(title, [event], lambda e: url, self.locale.language_code),
            f"event-{event.pk}.ics",
        )


def june_26(year):
    return datetime.date(year, 6, 26)


def countdown(year, now=None):
    """The countdown to June 26 in Asia/Shanghai: ("before", days left), ("today", 0) or
    ("after", days since)."""
    today = timezone.localtime(now or timezone.now()).date()
    day = june_26(year)
    if today < day:
        return "before", (day - today).days
    if today == day:
        return "today", 0
    return "after", (today - day).days


class CampaignPage(LiveFiguresMixin, PublicPageMixin, Page):
    """The June 26 campaign page: theme and slogan, a countdown, the campaign's live figures
    (the same numbers in every language), its upcoming public events and a toolkit."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    theme = models.CharField(_("theme"), max_length=255)
    slogan = models.CharField(_("slogan"), max_length=255, blank=True)
    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    hero_image = image_field()
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    toolkit = StreamField(
        [("resource", SnippetChooserBlock("jindu.Resource", label=_("download")))],
        verbose_name=_("toolkit"),
        blank=True,
        help_text=_("Posters, slides and leaflets for schools and communities to use."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("campaign"), FieldPanel("year")]),
        FieldPanel("theme"),
        FieldPanel("slogan"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("toolkit"),
    ]
    search_fields = page_search_fields(
        Page,
        index.SearchField("theme", boost=1.5),
        index.SearchField("slogan"),
        index.SearchField("intro"),
        index.SearchField("body"),
    )
    override_translatable_fields = [
        SynchronizedField("campaign"),
        SynchronizedField("year"),
        SynchronizedField("hero_image"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage", "jindu.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("June 26 campaign page")
        verbose_name_plural = _("June 26 campaign pages")

    def figures(self):
        return figures(campaign_events(self.campaign))

    def feedback(self):
        """What the knowledge checks of the campaign's talks show, once enough people
        answered (campaigns.reports.feedback_results)."""
        return public_summary(campaign_events(self.campaign))

    def upcoming_events(self):
        return (
            Event.objects.public_upcoming()
            .filter(campaign_id__in=self.campaign.with_descendants())
            .select_related("district")
            .order_by("start")[:8]
        )

    def toolkit_resources(self):
        ids = [block.value.pk for block in self.toolkit if block.value]
        found = {
            r.pk: r
            for r in Resource.objects.filter(pk__in=ids)
            .select_related("document")
            .prefetch_related("audiences")
        }
        return [found[pk] for pk in ids if pk in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        state, days = countdown(self.year)
        context.update(
            countdown_state=state,
            countdown_days=days,
            june_26=june_26(self.year),
            figures=self.figures(),
            feedback=self.feedback(),
            upcoming=list(self.upcoming_events()),
            toolkit_items=self.toolkit_resources(),
            events_page=EventIndexPage.objects.live().filter(locale_id=self.locale_id).first(),
        )
        return context


class CampaignIndexPage(LiveFiguresMixin, IntroPage):
    """Past and present June 26 campaigns, newest first, each with its final figures."""

    parent_page_types = ["jindu.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = list(
            public(CampaignPage.objects.live())
            .child_of(self)
            .select_related("campaign", "hero_image")
            .order_by("-year")
        )
        for page in pages:
            # One set of sums per campaign: kept a while (campaigns.reports.figures).
            page.final_figures = kept_campaign_figures(page.campaign)
        context["campaign_pages"] = pages
        return context


class TalkRequestPage(PublicPageMixin, Page):
    """A form where a school asks for a prevention talk. It creates a requested event for
    the station of the school's district and tells the station's managers. What the school
    sends is seen by that station's staff only."""

    intro = intro_field()
    privacy_notice = RichTextField(
        _("privacy notice"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("What is kept and for how long. Leave empty for the standard notice."),
    )
    thank_you = RichTextField(_("thank-you text"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you"),
    ]
    search_fields = page_search_fields(Page, index.SearchField("intro"))
    parent_page_types = ["jindu.HomePage", "jindu.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("talk request form")
        verbose_name_plural = _("talk request forms")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.TALK_REQUEST_RETENTION_DAYS
        return context

    def serve(self, request, *args, **kwargs):
        response = handle_talk_request(self, request, super().serve, *args, **kwargs)
        # The form carries a per-visitor CSRF token: never kept in the page cache.
        patch_cache_control(response, private=True)
        return response
