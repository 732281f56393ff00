"""Who did the work (issue 21): the sessions held and the hours spent at them by each
social worker, peer counsellor and volunteer, for a month or a school term, and the statement
of volunteer service hours (志愿服务时长证明) a volunteer can be given. An event's hours are
its scheduled length; only events recorded as held count."""

import datetime
from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from campaigns.field.sheets import grid
from campaigns.models import Event, EventStatus
from campaigns.reports.dashboards import month_bounds
from campaigns.reports.terms import current_term
from jindu.spreadsheets.exports import LocalExportMixin
from jindu.uploads.pdf import build, styles
from schools.models import Counsellor
from schools.scoping import may_reach, scope


def periods(today):
    """The periods offered: this and last month, this and last term."""
    this_month = month_bounds(today)
    last_month = month_bounds(this_month[0] - datetime.timedelta(days=1))
    this_term = current_term(today)
    last_term = current_term(this_term[0] - datetime.timedelta(days=1))
    return [
        ("this-month", _("This month"), this_month),
        ("last-month", _("Last month"), last_month),
        ("this-term", _("This term"), this_term),
        ("last-term", _("Last term"), last_term),
    ]


def chosen_period(params, today):
    """The period asked for by name, or by dates (from, to); this term by default."""
    offered = {key: bounds for key, _label, bounds in periods(today)}
    if params.get("period") in offered:
        return params["period"], offered[params["period"]]
    try:
        first = datetime.date.fromisoformat(params.get("from", ""))
        last = datetime.date.fromisoformat(params.get("to", ""))
    except ValueError:
        return "this-term", offered["this-term"]
    return "", (min(first, last), max(first, last))


def sessions(counsellors, first, last):
    """{counsellor id: [events held between the days, with each event's hours]}."""
    held = defaultdict(list)
    through = Event.counsellors.through
    rows = (
        through.objects.filter(counsellor__in=counsellors)
        .filter(event__in=Event.objects.starting_between(first, last).values("pk"))
        .filter(event__status=EventStatus.COMPLETED)
        .select_related("event", "event__school")
        .order_by("event__start")
    )
    for row in rows:
        event = row.event
        event.hours = round((event.end - event.start).total_seconds() / 3600, 1)
        held[row.counsellor_id].append(event)
    return held


def workload(counsellors, first, last):
    held = sessions(counsellors, first, last)
    rows = []
    for counsellor in counsellors:
        events = held.get(counsellor.pk, [])
        rows.append(
            {
                "pk": counsellor.pk,
                "name": counsellor.name,
                "role": counsellor.get_role_display(),
                "station": counsellor.station.name,
                "sessions": len(events),
                "hours": round(sum(event.hours for event in events), 1),
            }
        )
    return rows


class WorkloadView(LocalExportMixin, ReportView):
    """Sessions and hours per person, for the user's station(s), exportable."""

    page_title = gettext_lazy("Workload and volunteer hours")
    header_icon = "user"
    template_name = "campaigns/admin/workload.html"
    results_template_name = "campaigns/admin/workload_results.html"
    index_url_name = "campaigns_workload"
    index_results_url_name = "campaigns_workload_results"
    paginate_by = None
    export_filename = "workload"
    list_export = ["name", "role", "station", "sessions", "hours"]
    export_headings = {
        "name": gettext_lazy("Name"),
        "role": gettext_lazy("Role"),
        "station": gettext_lazy("Work station"),
        "sessions": gettext_lazy("Sessions held"),
        "hours": gettext_lazy("Hours"),
    }

    @property
    def columns(self):
        return [
            TitleColumn("name", label=self.export_headings["name"], get_url=self.statement_url),
            *[Column(name, label=self.export_headings[name]) for name in self.list_export[1:]],
        ]

    def statement_url(self, row):
        first, last = self.period
        return (
            reverse("campaigns_hours_statement", args=[row.pk])
            + f"?from={first.isoformat()}&to={last.isoformat()}"
        )

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("campaigns.view_event"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.period_key, self.period = chosen_period(self.request.GET, timezone.localdate())
        counsellors = scope(
            Counsellor.objects.filter(active=True).select_related("station"), self.request.user
        ).order_by("station__name", "role", "name")
        role = self.request.GET.get("role", "")
        if role:
            counsellors = counsellors.filter(role=role)
        rows = workload(list(counsellors), *self.period)
        return [type("Row", (), row)() for row in rows]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            periods=[(key, label) for key, label, _bounds in periods(timezone.localdate())],
            period_key=self.period_key,
            first=self.period[0],
            last=self.period[1],
            roles=Counsellor._meta.get_field("role").choices,
            role=self.request.GET.get("role", ""),
            totals={
                "sessions": sum(row.sessions for row in self.object_list),
                "hours": round(sum(row.hours for row in self.object_list), 1),
            },
        )
        return context


def hours_statement(request, pk):
    """The statement of service hours of one person for the chosen days, as a PDF: each
    session, the total, and a line for the station's signature and seal."""
    if not request.user.has_perm("campaigns.view_event"):
        raise PermissionDenied
    counsellor = get_object_or_404(Counsellor.objects.select_related("station"), pk=pk)
    if not may_reach(request.user, counsellor):
        raise Http404
    _key, (first, last) = chosen_period(request.GET, timezone.localdate())
    events = sessions([counsellor], first, last).get(counsellor.pk, [])
    style = styles()
    body = style["body"]
    story = [
        Paragraph(_("Statement of volunteer service hours"), style["title"]),
        Paragraph(
            _(
                "%(name)s (%(role)s) of %(station)s took part in %(sessions)s drug prevention "
                "sessions from %(first)s to %(last)s, for %(hours)s hours in all."
            )
            % {
                "name": counsellor.name,
                "role": counsellor.get_role_display(),
                "station": counsellor.station.name,
                "sessions": len(events),
                "first": first.isoformat(),
                "last": last.isoformat(),
                "hours": round(sum(event.hours for event in events), 1),
            },
            body,
        ),
        Spacer(1, 5 * mm),
    ]
    rows = [[Paragraph(text, body) for text in (_("Date"), _("Event"), _("Hours"))]]
    for event in events:
        rows.append(
            [
                Paragraph(f"{timezone.localtime(event.start):%Y-%m-%d}", body),
                Paragraph(event.title, body),
                Paragraph(str(event.hours), body),
            ]
        )
    table = Table(rows, colWidths=[30 * mm, 120 * mm, 20 * mm], repeatRows=1)
    table.setStyle(grid())
    story += [
        table,
        Spacer(1, 12 * mm),
        Paragraph(_("Issued by (signature and seal): ____________________"), body),
        Paragraph(_("Date of issue: %(date)s") % {"date": timezone.localdate().isoformat()}, body),
    ]
    pdf = build(story, title=_("Statement of volunteer service hours"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="hours-{counsellor.pk}-{first}-{last}.pdf"'
    return response


urls = [
    path("campaigns/workload/", WorkloadView.as_view(), name="campaigns_workload"),
    path(
        "campaigns/workload/results/",
        WorkloadView.as_view(results_only=True),
        name="campaigns_workload_results",
    ),
    path(
        "campaigns/workload/<int:pk>/statement.pdf",
        hours_statement,
        name="campaigns_hours_statement",
    ),
]
