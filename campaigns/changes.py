"""Where changes to outreach records show on public pages (the ``jindu_public_changes``
hook, see jindu.caching), and nowhere else:

- a public event (or one that was public) shows on the events pages, its own pages and
  calendar download, the home pages' upcoming events, /events.ics and its campaign's pages;
- the figures of a campaign page (events held, person-times, materials, schools,
  districts) count completed events only: an event that is or was completed, and
  attendance or distributions recorded on a completed event, change the figures of its
  campaign and of the campaigns it is part of — nothing else;
- an internal event that never counted in any figure changes nothing public; neither do
  receipts and adjustments of stock, talk requests or calendar tokens.
"""

from wagtail.models import Page

from campaigns.models import (
    Attendance,
    Campaign,
    CampaignIndexPage,
    CampaignPage,
    Event,
    EventIndexPage,
    EventStatus,
    MovementKind,
    StockMovement,
)
from campaigns.reports import forget_figures
from jindu.caching import pages_paths, site_root_keys
from schools.models import District, School

PUBLIC_FEED = "/events.ics"


def campaign_chain(campaign_ids):
    """The campaigns and every campaign they are part of (figures include sub-campaigns)."""
    found = set()
    frontier = {pk for pk in campaign_ids if pk}
    while frontier:
        found |= frontier
        frontier = (
            set(
                Campaign.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                    "parent_id", flat=True
                )
            )
            - found
        )
    return found


def figures_changed(campaign_ids):
    """Forget the cached figures of these campaigns (and those they belong to); the paths
    of the pages that show them."""
    chain = campaign_chain(campaign_ids)
    if not chain:
        return set()
    forget_figures(chain)
    return pages_paths(CampaignPage.objects.live().filter(campaign_id__in=chain)) | pages_paths(
        CampaignIndexPage.objects.live()
    )


def home_paths():
    return pages_paths(Page.objects.live().filter(translation_key__in=site_root_keys()))


def event_pages(event_ids):
    """The events pages and, under each, the detail and .ics pages of these events."""
    paths = set()
    for index in EventIndexPage.objects.live():
        paths |= pages_paths([index])
        for pk in event_ids:
            for name in ("event_detail", "event_ics"):
                paths.add(index.url + index.reverse_subpage(name, args=[pk]))
    return paths


def _before(event, name):
    return getattr(event, "loaded_values", {}).get(name, getattr(event, name))


def event_changed(event, deleted):
    was_public, is_public = _before(event, "is_public"), event.is_public
    was_held = _before(event, "status") == EventStatus.COMPLETED
    is_held = event.status == EventStatus.COMPLETED
    campaigns = {_before(event, "campaign_id"), event.campaign_id}
    paths = set()
    if was_held or is_held:
        paths |= figures_changed(campaigns)
    if was_public or is_public:
        paths |= event_pages([event.pk]) | home_paths() | {PUBLIC_FEED}
        paths |= pages_paths(
            CampaignPage.objects.live().filter(campaign_id__in=campaign_chain(campaigns))
        )
    return paths


def counted_on_event(event):
    return event is not None and event.status == EventStatus.COMPLETED


def attendance_changed(attendance, deleted):
    event = Event.objects.filter(pk=attendance.event_id).first()
    if counted_on_event(event):
        return figures_changed({event.campaign_id})
    return set()


def stock_changed(movement, deleted):
    if movement.kind != MovementKind.DISTRIBUTION or not movement.event_id:
        return set()
    event = Event.objects.filter(pk=movement.event_id).first()
    if counted_on_event(event):
        return figures_changed({event.campaign_id})
    return set()


def campaign_changed(campaign, deleted):
    # Its name and theme show on the home pages; its place in the hierarchy changes what
    # its own and its parents' figures add up.
    every = set(Campaign.objects.values_list("pk", flat=True)) | {campaign.pk}
    return figures_changed(every) | home_paths()


def district_changed(district, deleted):
    # District names show on the events pages and their filters.
    public = Event.objects.filter(is_public=True, district_id=district.pk).values_list(
        "pk", flat=True
    )
    return event_pages(list(public)) | home_paths() | {PUBLIC_FEED}


def school_changed(school, deleted):
    return schools_changed([school])


def schools_changed(schools):
    # A school's name is where its public events take place.
    public = list(
        Event.objects.filter(
            is_public=True, school_id__in=[school.pk for school in schools]
        ).values_list("pk", flat=True)
    )
    if not public:
        return set()
    return event_pages(public) | {PUBLIC_FEED}


# Asked once for many schools written in bulk (a spreadsheet import).
school_changed.for_many = schools_changed


RULES = {
    Event: event_changed,
    Attendance: attendance_changed,
    StockMovement: stock_changed,
    Campaign: campaign_changed,
    District: district_changed,
    School: school_changed,
}
