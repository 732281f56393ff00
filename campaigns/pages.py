"""Public pages of the campaigns app (imported by campaigns.models so Django registers
them): the events page."""

import calendar as calendar_module
import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from jindu.listing import paginate, querystring_without_page
from jindu.models.mixins import PublicPageMixin, intro_field, page_search_fields
from schools.models import District

EVENTS_PER_PAGE = 30


class EventIndexPage(RoutablePageMixin, PublicPageMixin, Page):
    """Upcoming public events by month, filterable by district and venue type, each with a
    detail view and an .ics download. Internal events never appear, nor does anything about
    the people involved (counsellors, school contacts, requesters)."""

    intro = intro_field()

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = page_search_fields(Page, index.SearchField("intro"))
    parent_page_types = ["jindu.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "campaigns/event_index_page.html"

    class Meta:
        verbose_name = _("events page")
        verbose_name_plural = _("events pages")

    def upcoming(self):
        from campaigns.models import Event

        return (
            Event.objects.public_upcoming().select_related("school", "district").order_by("start")
        )

    def _localized_districts(self):
        originals = District.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
            "sort_order"
        )
        translations = {
            d.translation_key: d for d in District.objects.filter(locale_id=self.locale_id)
        }
        return [(d, translations.get(d.translation_key, d)) for d in originals]

    @path("")
    def index_view(self, request):
        from campaigns.models import VenueType

        events = self.upcoming()
        district = request.GET.get("district", "")
        venue = request.GET.get("venue", "")
        if district.isdigit():
            events = events.filter(district_id=int(district))
        if venue in VenueType.values:
            events = events.filter(venue_type=venue)
        page_of_events = paginate(request, events, EVENTS_PER_PAGE)
        districts = self._localized_districts()
        names = {original.pk: shown.name for original, shown in districts}
        months = []
        for event in page_of_events:
            event.district_name = names.get(event.district_id, event.district.name)
            local = timezone.localtime(event.start)
            month = datetime.date(local.year, local.month, 1)
            if not months or months[-1][0] != month:
                months.append((month, []))
            months[-1][1].append(event)
        return self.render(
            request,
            context_overrides={
                "events": page_of_events,
                "months": months,
                "districts": [(original.pk, shown.name) for original, shown in districts],
                "venue_types": VenueType.choices,
                "selected_district": district,
                "selected_venue": venue,
                "querystring": querystring_without_page(request),
            },
        )

    def _public_event(self, event_id):
        from campaigns.models import Event, EventStatus

        return get_object_or_404(
            Event.objects.select_related("school", "district", "campaign"),
            pk=event_id,
            is_public=True,
            status__in=[EventStatus.PLANNED, EventStatus.CONFIRMED, EventStatus.COMPLETED],
        )

    @path("<int:event_id>/", name="event_detail")
    def event_view(self, request, event_id):
        event = self._public_event(event_id)
        names = {original.pk: shown.name for original, shown in self._localized_districts()}
        event.district_name = names.get(event.district_id, event.district.name)
        return self.render(
            request,
            template="campaigns/event_detail.html",
            context_overrides={"event": event},
        )

    @path("<int:event_id>/ics/", name="event_ics")
    def event_ics_view(self, request, event_id):
        from campaigns.calendars import build_calendar, ics_response

        event = self._public_event(event_id)
        url = request.build_absolute_uri(
            self.url + self.reverse_subpage("event_detail", args=[event.pk])
        )
        return ics_response(
            build_calendar(event.title, [event], lambda e: url), f"event-{event.pk}.ics"
        )


def month_grid(year, month):
    """Weeks of the month as lists of dates (Monday first), padded with neighbouring days."""
    cal = calendar_module.Calendar(firstweekday=0)
    return cal.monthdatescalendar(year, month)


__all__ = ["EventIndexPage", "Http404", "month_grid"]
