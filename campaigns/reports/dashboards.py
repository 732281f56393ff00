"""The dashboards: the station's own (today's talks with their actions, this month and this
term, what waits to be recorded, agreements due) and a campaign's (progress against its
goals, charts)."""

import datetime

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.admin.widgets import Button

from campaigns.field.recording import awaiting_record, record_url
from campaigns.models import Campaign, Event, EventStatus
from campaigns.reports import feedback_results
from campaigns.reports import figures as reports
from campaigns.reports.terms import current_term
from campaigns.views import _require, scoped_events
from campaigns.viewsets import event_buttons
from jindu.security.query_values import chosen_id
from schools.models import Station
from schools.scoping import scope, station_ids
from schools.views import agreements_ending_soon


def today_and_tomorrow(events, user, now):
    """What staff open the dashboard for on the day: talks under way, then today's and
    tomorrow's, each with its actions as buttons (sheet and feedback, record, open)."""
    tomorrow_ends = datetime.datetime.combine(
        timezone.localdate(now) + datetime.timedelta(days=2),
        datetime.time.min,
        tzinfo=timezone.get_current_timezone(),
    )
    rows = []
    for event in (
        events.filter(start__lt=tomorrow_ends, end__gt=now)
        .exclude(status__in=[EventStatus.CANCELLED, EventStatus.POSTPONED])
        .select_related("school", "station")
        .order_by("start")[:20]
    ):
        rows.append(
            {
                "event": event,
                "under_way": event.start <= now,
                "buttons": sorted(event_buttons(user, event, Button)),
            }
        )
    return rows


def month_bounds(today):
    first = today.replace(day=1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return first, last


def station_dashboard_view(request):
    """My station (本站概况): what the user's station did this month and this term, the
    events that ended but are not recorded yet (so nothing is left out of the figures), and
    the agreements that end soon. Administrators see every station, or one they choose."""
    _require(request, "campaigns.view_event")
    today = timezone.localdate()
    events = scoped_events(request.user)
    stations = scope(Station.objects.filter(locale__language_code="zh-hans"), request.user, "pk")
    chosen = chosen_id(request.GET.get("station"))
    if chosen is not None and stations.filter(pk=chosen).exists():
        events = events.filter(station_id=chosen)
    reach = station_ids(request.user)
    own = stations.first() if reach is not None and len(reach) == 1 else None
    periods = []
    for label, (first, last) in (
        (_("This month"), month_bounds(today)),
        (_("This term"), current_term(today)),
    ):
        periods.append(
            {
                "label": label,
                "first": first,
                "last": last,
                "figures": reports.figures(events.starting_between(first, last)),
                "feedback": feedback_results.results(events.starting_between(first, last)),
                "report_url": reverse("campaigns_report", args=["venue_type"])
                + f"?from={first.isoformat()}&to={last.isoformat()}",
                "feedback_url": reverse("campaigns_feedback_report", args=["month"])
                + f"?from={first.isoformat()}&to={last.isoformat()}",
            }
        )
    today_rows = today_and_tomorrow(events, request.user, timezone.now())
    waiting = [
        {"event": event, "record_url": record_url(event)}
        for event in awaiting_record(events).select_related("school", "station")[:50]
    ]
    upcoming = (
        events.filter(start__gte=timezone.now(), status__in=Event.AWAITING_RECORD)
        .select_related("school")
        .order_by("start")[:10]
    )
    return TemplateResponse(
        request,
        "campaigns/admin/station_dashboard.html",
        {
            "page_title": own.name if own else _("Station dashboard"),
            "header_icon": "home",
            "periods": periods,
            "today": today_rows,
            "waiting": waiting,
            "upcoming": upcoming,
            "agreements": list(agreements_ending_soon(request.user)[:20]),
            "stations": stations if reach is None else None,
            "chosen": chosen,
            "campaign_url": reverse("campaigns_dashboard"),
            "workload_url": reverse("campaigns_workload"),
            "monthly_url": reverse("campaigns_monthly_report"),
        },
    )


def dashboard_view(request):
    _require(request, "campaigns.view_event")
    campaigns = Campaign.objects.order_by("-start_date")
    chosen = chosen_id(request.GET.get("campaign"))
    if chosen is not None:
        campaign = campaigns.filter(pk=chosen).first()
    else:
        campaign = Campaign.most_relevant(timezone.localdate())
    events = scoped_events(request.user)
    if campaign is not None:
        events = events.filter(campaign_id__in=campaign.with_descendants())
    totals = reports.figures(events)
    by_venue = reports.breakdown(events, "venue_type")
    by_month = reports.breakdown(events, "month")
    goals = []
    if campaign is not None:
        for label, value, goal in [
            (_("Events held"), totals["held"], campaign.goal_events),
            (_("Audience person-times"), totals["audience"], campaign.goal_audience),
            (_("Materials distributed"), totals["materials"], campaign.goal_materials),
        ]:
            goals.append(
                {
                    "label": label,
                    "value": value,
                    "goal": goal,
                    "percent": reports.progress(value, goal),
                }
            )
    charts = {
        "venue_chart": {
            "type": "bar",
            "labels": [row["label"] for row in by_venue],
            "datasets": [
                {"label": str(_("Events held")), "data": [row["held"] for row in by_venue]},
                {"label": str(_("Events planned")), "data": [row["planned"] for row in by_venue]},
            ],
        },
        "month_chart": {
            "type": "bar",
            "labels": [row["label"] for row in by_month],
            "datasets": [
                {
                    "label": str(_("Audience person-times")),
                    "data": [row["audience"] for row in by_month],
                },
                {
                    "label": str(_("Materials distributed")),
                    "data": [row["materials"] for row in by_month],
                },
            ],
        },
        "goal_chart": {
            "type": "bar",
            "percent": True,
            "labels": [str(g["label"]) for g in goals if g["percent"] is not None],
            "datasets": [
                {
                    "label": str(_("Progress (%)")),
                    "data": [min(g["percent"], 100) for g in goals if g["percent"] is not None],
                }
            ],
        },
    }
    return TemplateResponse(
        request,
        "campaigns/admin/dashboard.html",
        {
            "page_title": _("Campaign dashboard"),
            "header_icon": "pick",
            "campaigns": campaigns,
            "campaign": campaign,
            "totals": totals,
            "goals": goals,
            "by_venue": by_venue,
            "charts": charts,
        },
    )
