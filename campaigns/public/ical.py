"""iCalendar files written with the icalendar library: valid RFC 5545 with stable UIDs and
the Asia/Shanghai time zone, so they load in common calendar clients. What goes in is the
caller's choice (campaigns.public.calendars): a public feed carries only what the public events
page shows."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from campaigns.models.choices import EventStatus

ICAL_STATUS = {
    EventStatus.REQUESTED: "TENTATIVE",
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.COMPLETED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "CANCELLED",
}
UID_DOMAIN = "jindu.events"


def event_location(event):
    place = event.school.name if event.school_id else event.organisation
    return "，".join(part for part in (place, event.address) if part)


def event_uid(event):
    return f"event-{event.pk}@{UID_DOMAIN}"


def build_calendar(name, events, url_for=None, language=None):
    """An iCalendar of ``events``, their words in ``language`` where given (public pages;
    the feeds are in the site's first language)."""
    language = language or settings.LANGUAGE_CODE
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
        entry.add("summary", event.text_in("title", language)[0])
        location = event_location(event)
        if location:
            entry.add("location", location)
        description = event.text_in("description", language)[0]
        if description:
            entry.add("description", description)
        # RFC 5545: an event called off says STATUS:CANCELLED, and its SEQUENCE moves on
        # with every change, so calendars that saved it update it.
        entry.add("status", ICAL_STATUS[event.status])
        entry.add("sequence", int(event.updated_at.timestamp()))
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
