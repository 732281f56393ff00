"""The figures agencies report in (活动场次 · 受众人次 · 发放宣传资料 · 覆盖学校), for any
set of events, computed by the database: a handful of grouped queries whatever the number
of events."""

import zoneinfo
from collections import OrderedDict

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from campaigns.models.attendance import Attendance

# The models' own modules: the campaign pages read these figures while the models package
# is still being loaded.
from campaigns.models.choices import EventStatus, VenueType
from campaigns.models.events import Event
from campaigns.models.stock import HANDED_OUT, StockMovement

HELD = Q(status=EventStatus.COMPLETED)
PLANNED = Q(status__in=[EventStatus.REQUESTED, EventStatus.PLANNED, EventStatus.CONFIRMED])

DIMENSIONS = OrderedDict(
    [
        ("campaign", (_("Campaign"), "campaign__name")),
        ("district", (_("District"), "district__name")),
        ("station", (_("Work station"), "station__name")),
        ("venue_type", (_("Venue type"), "venue_type")),
        ("month", (_("Month"), "month")),
    ]
)


def figures(events):
    """Totals for ``events`` (a queryset): events held and planned, audience person-times
    and materials distributed at held events, schools and districts reached."""
    counts = events.aggregate(
        held=Count("pk", filter=HELD),
        planned=Count("pk", filter=PLANNED),
        schools=Count("school", filter=HELD, distinct=True),
        districts=Count("district", filter=HELD, distinct=True),
    )
    held = events.filter(HELD).values("pk")
    counts["audience"] = Attendance.objects.filter(event__in=held).aggregate(
        n=Sum("count", default=0)
    )["n"]
    counts["materials"] = StockMovement.objects.filter(event__in=held).aggregate(n=HANDED_OUT)["n"]
    return counts


def _keyed(events, dimension):
    if dimension == "month":
        tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        return events.annotate(month=TruncMonth("start", tzinfo=tz)), "month"
    return events, DIMENSIONS[dimension][1]


def breakdown(events, dimension):
    """One row per value of ``dimension`` with the same figures as `figures`."""
    events, key = _keyed(events, dimension)
    rows = OrderedDict()
    for row in (
        events.values(key)
        .annotate(
            held=Count("pk", filter=HELD),
            planned=Count("pk", filter=PLANNED),
            schools=Count("school", filter=HELD, distinct=True),
        )
        .order_by(key)
    ):
        rows[row[key]] = {
            "key": row[key],
            "held": row["held"],
            "planned": row["planned"],
            "schools": row["schools"],
            "audience": 0,
            "materials": 0,
        }
    held = events.filter(HELD)
    attendance_key = "event__month" if dimension == "month" else f"event__{key}"
    if dimension == "month":
        tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        attendance = Attendance.objects.filter(event__in=held.values("pk")).annotate(
            event__month=TruncMonth("event__start", tzinfo=tz)
        )
        movements = StockMovement.objects.filter(event__in=held.values("pk")).annotate(
            event__month=TruncMonth("event__start", tzinfo=tz)
        )
    else:
        attendance = Attendance.objects.filter(event__in=held.values("pk"))
        movements = StockMovement.objects.filter(event__in=held.values("pk"))
    for row in attendance.values(attendance_key).annotate(n=Sum("count")).order_by():
        rows.setdefault(row[attendance_key], _empty(row[attendance_key]))["audience"] = row["n"]
    for row in movements.values(attendance_key).annotate(n=HANDED_OUT).order_by():
        rows.setdefault(row[attendance_key], _empty(row[attendance_key]))["materials"] = row["n"]
    result = list(rows.values())
    for row in result:
        row["label"] = label_for(dimension, row["key"])
    return result


def _empty(key):
    return {"key": key, "held": 0, "planned": 0, "schools": 0, "audience": 0, "materials": 0}


def label_for(dimension, key):
    if key is None:
        return str(_("(none)"))
    if dimension == "venue_type":
        return str(VenueType(key).label)
    if dimension == "month":
        return key.strftime("%Y-%m")
    return str(key)


def progress(value, goal):
    """Percent of a goal reached, capped for drawing; None where no goal was set."""
    if not goal:
        return None
    return round(value * 100 / goal, 1)


def campaign_events(campaign):
    return Event.objects.filter(campaign_id__in=campaign.with_descendants())


def kept_campaign_figures(campaign):
    """A campaign's figures (seven sums) for the campaigns index, which shows one set per
    campaign, shared by every process for LIVE_PAGE_SECONDS; nothing forgets them on a
    change, so the index may trail a new record by up to twice its lifetime. A campaign's
    own page sums afresh."""
    from django.core.cache import cache

    return cache.get_or_set(
        f"campaign-figures:{campaign.pk}",
        lambda: figures(campaign_events(campaign)),
        settings.LIVE_PAGE_SECONDS,
    )
