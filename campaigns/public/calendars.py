"""Calendars: the iCalendar feeds and the month grid of the admin calendar.

Public feeds carry only what the public events page shows. Private feeds (a station's, a
counsellor's) sit behind an unguessable token and carry no one's contact details either."""

import calendar as calendar_module
import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from campaigns.models import PUBLIC_STATUSES, CalendarToken, Event, EventIndexPage
from campaigns.public.ical import build_calendar, ics_response
from jindu.models.mixins import first_live

PAST_DAYS = 90


def month_grid(year, month):
    """Weeks of the month as lists of dates (Monday first), padded with neighbouring days."""
    return calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month)


def public_events(now=None):
    now = now or timezone.now()
    return (
        Event.objects.filter(
            is_public=True,
            end__gte=now - datetime.timedelta(days=PAST_DAYS),
            status__in=PUBLIC_STATUSES,
        )
        .select_related("school")
        .order_by("start")
    )


def _public_url(request):
    index = first_live(EventIndexPage, locale__language_code=settings.LANGUAGE_CODE)

    def url_for(event):
        if index is None:
            return None
        return request.build_absolute_uri(
            index.url + index.reverse_subpage("event_detail", args=[event.pk])
        )

    return url_for


@require_GET
def public_feed(request):
    # Kept by the page cache and the proxy for LIVE_PAGE_SECONDS (jindu.serving.headers):
    # saving an event purges nothing.
    calendar = build_calendar(
        "禁毒宣传活动 Anti-drug events", public_events(), _public_url(request)
    )
    response = ics_response(calendar, "events.ics")
    patch_cache_control(response, max_age=settings.LIVE_PAGE_SECONDS)
    return response


@require_GET
@cache_control(max_age=300, private=True)
def private_feed(request, token):
    owner = get_object_or_404(
        CalendarToken.objects.select_related("station", "counsellor"), token=token
    )
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    if owner.station_id:
        events = Event.objects.filter(station_id=owner.station_id, end__gte=since)
        name = owner.station.name
    elif owner.counsellor_id:
        events = Event.objects.filter(counsellors=owner.counsellor_id, end__gte=since)
        name = owner.counsellor.name
    else:  # pragma: no cover - the check constraint forbids it
        raise Http404
    calendar = build_calendar(name, events.select_related("school").order_by("start"))
    return ics_response(calendar, "calendar.ics")
