import datetime
import zoneinfo

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from campaigns.field.writeup import create_write_up, news_section
from campaigns.models import (
    CalendarToken,
    Campaign,
    Event,
    EventStatus,
    StockBalance,
    VenueType,
)
from campaigns.public.calendars import month_grid
from campaigns.reports import figures as reports
from jindu.security.query_values import chosen_date, chosen_id
from jindu.spreadsheets.exports import LocalExportMixin
from schools.models import Counsellor, Station
from schools.scoping import may_reach, scope

TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _require(request, codename):
    if not request.user.has_perm(codename):
        raise PermissionDenied


def scoped_events(user):
    return scope(Event.objects.all(), user)


# Calendar


def calendar_view(request):
    """Month and week views of the events the user may see, with filters."""
    _require(request, "campaigns.view_event")
    today = timezone.localdate()
    mode = "week" if request.GET.get("view") == "week" else "month"
    anchor = chosen_date(request.GET.get("date")) or today
    if mode == "week":
        first = anchor - datetime.timedelta(days=anchor.weekday())
        weeks = [[first + datetime.timedelta(days=i) for i in range(7)]]
        previous, following = first - datetime.timedelta(days=7), first + datetime.timedelta(days=7)
    else:
        weeks = month_grid(anchor.year, anchor.month)
        previous = (anchor.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        following = (anchor.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    start = datetime.datetime.combine(weeks[0][0], datetime.time.min, tzinfo=TZ)
    end = datetime.datetime.combine(
        weeks[-1][-1] + datetime.timedelta(days=1), datetime.time.min, tzinfo=TZ
    )
    events = (
        scoped_events(request.user)
        .filter(start__lt=end, end__gt=start)
        .select_related("station", "school")
    )
    station = request.GET.get("station", "")
    status = request.GET.get("status", "")
    venue = request.GET.get("venue", "")
    if (station_id := chosen_id(station)) is not None:
        events = events.filter(station_id=station_id)
    if status in EventStatus.values:
        events = events.filter(status=status)
    if venue in VenueType.values:
        events = events.filter(venue_type=venue)
    by_day = {}
    now = timezone.now()
    for event in events.order_by("start"):
        event.awaiting_record = event.status in Event.AWAITING_RECORD and event.end <= now
        by_day.setdefault(timezone.localtime(event.start).date(), []).append(event)
    stations = scope(
        Station.objects.filter(locale__language_code=settings.LANGUAGE_CODE), request.user, "pk"
    )
    return TemplateResponse(
        request,
        "campaigns/admin/calendar.html",
        {
            "page_title": _("Event calendar"),
            "header_icon": "date",
            "mode": mode,
            "anchor": anchor,
            "today": today,
            "weeks": [[(day, by_day.get(day, [])) for day in week] for week in weeks],
            "previous": previous,
            "following": following,
            "stations": stations,
            "statuses": EventStatus.choices,
            "venues": VenueType.choices,
            "selected": {"station": station, "status": status, "venue": venue},
            "feeds": _feed_links(request),
            "can_record": request.user.has_perm("campaigns.add_attendance"),
        },
    )


def _feed_links(request):
    links = []
    membership = getattr(request.user, "station_membership", None)
    if membership is not None:
        token = CalendarToken.for_owner(station=membership.station)
        links.append((membership.station.name, token))
    counsellor = Counsellor.objects.filter(user=request.user).first()
    if counsellor is not None:
        links.append((counsellor.name, CalendarToken.for_owner(counsellor=counsellor)))
    return [
        {
            "label": label,
            "url": request.build_absolute_uri(reverse("campaigns_private_feed", args=[t.token])),
            "pk": t.pk,
        }
        for label, t in links
    ]


@require_POST
def reset_feed_token(request, pk):
    token = get_object_or_404(CalendarToken, pk=pk)
    own_station = getattr(getattr(request.user, "station_membership", None), "station_id", None)
    own_counsellor = (
        Counsellor.objects.filter(user=request.user).values_list("pk", flat=True).first()
    )
    allowed = (token.station_id and token.station_id == own_station) or (
        token.counsellor_id and token.counsellor_id == own_counsellor
    )
    if not allowed:
        raise Http404
    token.reset()
    messages.success(request, _("The calendar address was reset; the old address no longer works."))
    return redirect("campaigns_calendar")


# Reports


class EventReportView(LocalExportMixin, ReportView):
    """Figures by campaign, district, station, venue type or month, exportable."""

    template_name = "campaigns/admin/report.html"
    results_template_name = "campaigns/admin/report_results.html"
    header_icon = "table"
    paginate_by = None
    list_export = ["label", "held", "planned", "audience", "materials", "schools"]
    export_headings = {
        "label": gettext_lazy("Group"),
        "held": gettext_lazy("Events held"),
        "planned": gettext_lazy("Events planned"),
        "audience": gettext_lazy("Audience person-times"),
        "materials": gettext_lazy("Materials distributed"),
        "schools": gettext_lazy("Schools reached"),
    }
    columns = [
        Column("label", label=gettext_lazy("Group")),
        Column("held", label=gettext_lazy("Events held")),
        Column("planned", label=gettext_lazy("Events planned")),
        Column("audience", label=gettext_lazy("Audience person-times")),
        Column("materials", label=gettext_lazy("Materials distributed")),
        Column("schools", label=gettext_lazy("Schools reached")),
    ]

    def setup(self, request, *args, dimension="campaign", **kwargs):
        super().setup(request, *args, **kwargs)
        if dimension not in self.dimensions:
            raise Http404
        self.dimension = dimension
        # Everyone who may see the report may export it: it is scoped to their station.
        self.export_filename = f"{self.export_prefix}-by-{dimension}"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("campaigns.view_event"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    index_url_name = "campaigns_report"

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.dimension])

    def get_index_results_url(self):
        return reverse(self.results_url_name, args=[self.dimension])

    def get_page_title(self):
        return _("Events by %(dimension)s") % {
            "dimension": str(self.dimensions[self.dimension][0]).lower()
        }

    dimensions = reports.DIMENSIONS
    export_prefix = "events"
    results_url_name = "campaigns_report_results"
    breakdown = staticmethod(reports.breakdown)

    def chosen_events(self):
        """The user's events of the chosen campaign and dates."""
        events = scoped_events(self.request.user)
        params = self.request.GET
        if (campaign_id := chosen_id(params.get("campaign"))) is not None:
            campaign = Campaign.objects.filter(pk=campaign_id).first()
            if campaign is not None:
                events = events.filter(campaign_id__in=campaign.with_descendants())
        self.period = report_period(params, timezone.localdate())
        return events.starting_between(*self.period)

    def get_queryset(self):
        rows = self.breakdown(self.chosen_events(), self.dimension)
        return [type("Row", (), row)() for row in rows]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dimensions"] = [(key, label) for key, (label, _field) in self.dimensions.items()]
        context["dimension"] = self.dimension
        context["report_url_name"] = self.index_url_name
        context["campaigns"] = Campaign.objects.order_by("-start_date")
        first, last = self.period
        context["params"] = {
            **self.request.GET.dict(),
            "from": first.isoformat() if first else "",
            "to": last.isoformat() if last else "",
        }
        context["totals"] = self.totals(self.object_list)
        return context

    def totals(self, rows):
        return {
            key: sum(getattr(r, key) for r in rows)
            for key in ("held", "planned", "audience", "materials")
        }


def report_period(params, today):
    """The days a report covers: the dates asked for; else, unless a campaign is chosen, the
    last twelve months. All of an agency's history at once is rarely what is wanted and
    costs the most; clearing the dates shows it."""

    first, last = chosen_date(params.get("from")), chosen_date(params.get("to"))
    if "from" not in params and "to" not in params and not params.get("campaign"):
        first = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    return first, last


# Write-up


def write_up_event(request, pk):
    """Write it up (撰写报道): the page says what the draft will hold and where it goes; its
    button creates the draft news article, owned by the person who asked, who can edit it
    and submit it for review (outreach roles may add news pages and edit their own)."""
    event = get_object_or_404(Event.objects.select_related("station", "school", "district"), pk=pk)
    if not may_reach(request.user, event):
        raise Http404
    _require(request, "campaigns.view_event")
    edit_url = reverse("wagtailsnippets_campaigns_event:edit", args=[event.pk])
    problems = []
    if event.status != EventStatus.COMPLETED:
        problems.append(_("Only a completed event can be written up."))
    try:
        section = news_section()
    except LookupError as error:
        problems.append(str(error))
        section = None
    if request.method != "POST" or problems:
        if request.method == "POST":
            for problem in problems:
                messages.error(request, problem)
            return redirect(edit_url)
        return TemplateResponse(
            request,
            "jindu/admin/confirm.html",
            {
                "page_title": _("Write it up"),
                "header_icon": "doc-full",
                "lead": _(
                    "A draft news article is written from what was recorded: the date, the "
                    "station, the place, the headcounts and the materials. You edit it and "
                    "submit it for review; a reviewer publishes it."
                ),
                "facts": [
                    (_("Event"), event.title),
                    (_("Date"), timezone.localtime(event.start).strftime("%Y-%m-%d")),
                    (_("The draft goes to"), section.title if section else "—"),
                    (
                        _("Photos for the article"),
                        str(event.photos.filter(may_publish=True, consent=True).count()),
                    ),
                ],
                "problems": problems,
                "action_url": request.path,
                "submit_label": _("Write the draft"),
                "cancel_url": edit_url,
            },
        )
    page = create_write_up(event, request.user)
    messages.success(
        request,
        _(
            "A draft article was created in “%(section)s”. Edit it and submit it for review; "
            "reviewers are told and publish it."
        )
        % {"section": section.title},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class StockLevelsView(LocalExportMixin, ReportView):
    """What each station has in stock, material by material, from the ledger."""

    page_title = gettext_lazy("Stock levels")
    header_icon = "download"
    paginate_by = None
    index_url_name = "campaigns_stock"
    index_results_url_name = "campaigns_stock_results"
    export_filename = "stock-levels"
    list_export = ["station", "material", "unit", "received", "distributed", "adjusted", "in_stock"]
    columns = [
        Column("station", label=gettext_lazy("Work station")),
        Column("material", label=gettext_lazy("Material")),
        Column("in_stock", label=gettext_lazy("In stock")),
        Column("unit", label=gettext_lazy("Unit")),
        Column("received", label=gettext_lazy("Received")),
        Column("distributed", label=gettext_lazy("Distributed")),
        Column("adjusted", label=gettext_lazy("Adjusted")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("campaigns.view_stockmovement"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        from campaigns.reports.stock_levels import stock_levels

        balances = scope(StockBalance.objects.all(), self.request.user)
        return [
            type(
                "Row",
                (),
                {
                    "station": row["station__name"],
                    "material": row["material__name"],
                    "unit": row["material__unit"],
                    "received": row["received"],
                    "distributed": row["distributed"],
                    "adjusted": row["adjusted"],
                    "in_stock": row["in_stock"],
                },
            )()
            for row in stock_levels(balances)
        ]
