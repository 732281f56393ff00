"""What the site search finds among outreach records: public events still to come."""

from django.utils import timezone
from django.utils.translation import gettext as _


def public_events_found(understanding, locale, request):
    """Public events still to come whose title, place or district says what the reader
    asked, in the reader's language, leading to the event's page."""
    from django.db.models import Q

    from campaigns.models import Event, EventIndexPage
    from jindu.models.mixins import first_live
    from jindu.search.query import containing
    from jindu.search.ranking import Hit

    query = Q()
    for word in understanding.words:
        if len(word) > 1:
            query |= (
                containing("title", word)
                | containing("title_en", word)
                | containing("organisation", word)
                | containing("district__name", word)
            )
    if not query:
        return []
    events = list(
        Event.objects.public_listed()
        .filter(query)
        .select_related("district")
        .order_by("start")[:20]
    )
    # The events page's address is read only when an event is found (most searches find none).
    index = first_live(EventIndexPage, locale=locale) if events else None
    if index is None:
        return []
    index_url = index.get_url(request)
    hits = []
    for event in events:
        title = event.text_in("title", locale.language_code)[0]
        hits.append(
            Hit(
                kind=str(_("Event")),
                title=title,
                also=event.title,
                url=index_url + index.reverse_subpage("event_detail", args=[event.pk]),
                text=f"{event.organisation} {event.district.name} "
                f"{timezone.localtime(event.start):%Y-%m-%d %H:%M}",
                score=-1.0,  # events are many and alike: below what explains
            )
        )
    return hits
