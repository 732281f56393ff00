"""iCalendar feeds, written with the icalendar library: valid RFC 5545 with stable UIDs and
the Asia/Shanghai time zone, so they load in common calendar clients.

Public feeds carry only what the public events page shows. Private feeds (a station's, a
counsellor's) sit behind an unguessable token and carry no one's contact details either."""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from campaigns.models import CalendarToken, Event, EventStatus

ICAL_STATUS = {
    EventStatus.REQUESTED: "TENTATIVE",
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.COMPLETED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "CANCELLED",
}
UID_DOMAIN = "jindu.events"
PAST_DAYS = 90


def event_location(event):
    place = event.school.name if event.school_id else event.organisation
    return "，".join(part for part in (place, event.address) if part)


def event_uid(event):
    return f"event-{event.pk}@{UID_DOMAIN}"


def build_calendar(name, events, url_for=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Jindu//Anti-drug outreach events//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", event_uid(event))
        entry.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
        entry.add("dtstart", timezone.localtime(event.start))
        entry.add("dtend", timezone.localtime(event.end))
        entry.add("summary", event.title)
        location = event_location(event)
        if location:
            entry.add("location", location)
        if event.description:
            entry.add("description", event.description)
        entry.add("status", ICAL_STATUS[event.status])
        url = url_for(event) if url_for is not None else None
        if url:
            entry.add("url", url)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def public_events(now=None):
    now = now or timezone.now()
    return (
        Event.objects.filter(
            is_public=True,
            end__gte=now - datetime.timedelta(days=PAST_DAYS),
            status__in=[EventStatus.PLANNED, EventStatus.CONFIRMED, EventStatus.COMPLETED],
        )
        .select_related("school")
        .order_by("start")
    )


def _public_url(request):
    from campaigns.pages import EventIndexPage

    index = (
        EventIndexPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )

    def url_for(event):
        if index is None:
            return None
        return request.build_absolute_uri(
            index.url + index.reverse_subpage("event_detail", args=[event.pk])
        )

    return url_for


@require_GET
@cache_control(max_age=900, public=True)
def public_feed(request):
    calendar = build_calendar(
        "禁毒宣传活动 Anti-drug events", public_events(), _public_url(request)
    )
    return ics_response(calendar, "events.ics")


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
