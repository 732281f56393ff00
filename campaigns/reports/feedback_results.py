"""What the answers to events' feedback add up to (issue 21): responses, usefulness, "would
tell a friend" and the share of the knowledge check answered right before and after the talk,
with the change — for one event, for any set of events, or grouped by campaign, venue type,
audience, station or month. Computed from the per-event counts by the database."""

import zoneinfo
from collections import OrderedDict

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

# The models' own module: the campaign pages read these figures while the models package is
# still being loaded.
from campaigns.models.feedback import FeedbackTally, Phase
from campaigns.reports.figures import label_for
from jindu.pages.choices import AudienceGroup

DIMENSIONS = OrderedDict(
    [
        ("campaign", (_("Campaign"), "feedback__event__campaign__name")),
        ("venue_type", (_("Venue type"), "feedback__event__venue_type")),
        ("audience", (_("Audience"), "feedback__audience")),
        ("station", (_("Work station"), "feedback__event__station__name")),
        ("month", (_("Month"), "month")),
    ]
)
SUMS = (
    "responses",
    "usefulness_total",
    "usefulness_answers",
    "recommend_yes",
    "recommend_answers",
    "questions_asked",
    "questions_right",
)


def _percent(part, whole):
    return round(part * 100 / whole, 1) if whole else None


def describe(before, after):
    """The figures people read, from the summed counts of each phase (dicts of SUMS)."""
    before_right = _percent(before["questions_right"], before["questions_asked"])
    after_right = _percent(after["questions_right"], after["questions_asked"])
    return {
        "responses": after["responses"],
        "responses_before": before["responses"],
        "usefulness": (
            round(after["usefulness_total"] / after["usefulness_answers"], 1)
            if after["usefulness_answers"]
            else None
        ),
        "recommend": _percent(after["recommend_yes"], after["recommend_answers"]),
        "right_before": before_right,
        "right_after": after_right,
        "change": (
            round(after_right - before_right, 1)
            if before_right is not None and after_right is not None
            else None
        ),
    }


def _zero():
    return dict.fromkeys(SUMS, 0)


def results(events):
    """The figures of ``events`` (a queryset) taken together."""
    phases = {Phase.BEFORE: _zero(), Phase.AFTER: _zero()}
    rows = (
        FeedbackTally.objects.filter(feedback__event__in=events.values("pk"))
        .values("phase")
        .annotate(**{name: Sum(name) for name in SUMS})
        .order_by()
    )
    for row in rows:
        phases[row["phase"]] = {name: row[name] or 0 for name in SUMS}
    return describe(phases[Phase.BEFORE], phases[Phase.AFTER])


def event_results(event):
    return results(type(event).objects.filter(pk=event.pk))


def breakdown(events, dimension):
    """One row per value of ``dimension``: the events with answers and their figures."""
    tallies = FeedbackTally.objects.filter(feedback__event__in=events.values("pk"))
    key = DIMENSIONS[dimension][1]
    if dimension == "month":
        tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        tallies = tallies.annotate(month=TruncMonth("feedback__event__start", tzinfo=tz))
    grouped = OrderedDict()
    for row in (
        tallies.values(key, "phase")
        .annotate(events=Count("feedback", distinct=True), **{n: Sum(n) for n in SUMS})
        .order_by(key)
    ):
        entry = grouped.setdefault(
            row[key], {Phase.BEFORE: _zero(), Phase.AFTER: _zero(), "events": 0}
        )
        entry[row["phase"]] = {name: row[name] or 0 for name in SUMS}
        entry["events"] = max(entry["events"], row["events"])
    found = []
    for value, entry in grouped.items():
        row = describe(entry[Phase.BEFORE], entry[Phase.AFTER])
        row.update(key=value, label=_label(dimension, value), events=entry["events"])
        found.append(row)
    return found


def _label(dimension, value):
    if dimension == "audience" and value in AudienceGroup.values:
        return str(AudienceGroup(value).label)
    return label_for(dimension, value)


def public_summary(events):
    """What a public page may say: only once enough people answered after the talk that no
    small group (one class, one family session) can be singled out; the "before" figure only
    if as many answered it too."""
    found = results(events)
    minimum = settings.FEEDBACK_MIN_GROUP
    if found["responses"] < minimum or found["right_after"] is None:
        return None
    if found["responses_before"] < minimum:
        found["right_before"] = found["change"] = None
    return found
