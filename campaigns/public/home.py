"""The campaigns section of the public home page: the current campaign and upcoming public
events (through the jindu_home_sections hook)."""

from django.template.loader import render_to_string
from django.utils import timezone

from campaigns.models import Campaign, Event, EventIndexPage
from jindu.models.mixins import first_live

UPCOMING = 4


def upcoming_section(request, page):
    today = timezone.localdate()
    # Only what the section shows: an event row has two dozen columns.
    campaign = (
        Campaign.objects.filter(start_date__lte=today, end_date__gte=today, parent__isnull=True)
        .only("name", "theme")
        .order_by("start_date")
        .first()
    )
    events = list(
        Event.objects.public_upcoming()
        .only("start", "title", "title_en")
        .order_by("start")[:UPCOMING]
    )
    index = first_live(EventIndexPage, locale_id=page.locale_id)
    if index is None or not (events or campaign):
        return ""
    return render_to_string(
        "campaigns/home_section.html",
        {"campaign": campaign, "events": events, "index": index, "page": page},
        request=request,
    )
