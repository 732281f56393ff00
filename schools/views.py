from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry
from wagtail.snippets.views.snippets import InspectView

from jindu.editorial.localization import default_locale
from jindu.spreadsheets.exports import LocalExportMixin
from schools.models import CounsellorAgreement, District, School
from schools.scoping import (
    SCOPED_MODELS,
    is_station_manager,
    may_reach,
    reaches_all_stations,
    scope,
)


def agreement_edit_url(agreement):
    return reverse("wagtailsnippets_schools_counselloragreement:edit", args=[agreement.pk])


def renewal_problems(agreement):
    """Why ``agreement`` cannot be renewed, in the user's language (empty if it can)."""
    problems = []
    if agreement.terminated_on:
        problems.append(_("A terminated agreement cannot be renewed."))
    elif CounsellorAgreement.objects.filter(renewal_of=agreement).exists():
        problems.append(_("This agreement has already been renewed."))
    return problems


def renew_agreement(request, pk):
    """Renew (续签): the page says what the next term will be; its button creates the draft
    and opens it. Listings, the edit page and the reminder email all lead here."""
    agreement = get_object_or_404(
        CounsellorAgreement.objects.select_related("school", "counsellor", "station"), pk=pk
    )
    if not may_reach(request.user, agreement):
        raise Http404
    if not request.user.has_perm("schools.renew_counselloragreement"):
        raise PermissionDenied
    if request.method != "POST":
        start, end = agreement.renewal_dates()
        return TemplateResponse(
            request,
            "jindu/admin/confirm.html",
            {
                "page_title": _("Renew agreement"),
                "header_title": _("Renew agreement"),
                "header_icon": "repeat",
                "lead": _(
                    "The next term is created as a draft with the same school, counsellor, "
                    "role and sessions. Add the signing date once the letter is signed."
                ),
                "facts": [
                    (_("School"), agreement.school.name),
                    (_("Counsellor"), agreement.counsellor.name),
                    (_("Role"), agreement.get_role_display()),
                    (
                        _("This term"),
                        f"{agreement.start_date:%Y-%m-%d} – {agreement.end_date:%Y-%m-%d}",
                    ),
                    (_("Next term"), f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"),
                ],
                "problems": renewal_problems(agreement),
                "action_url": request.path,
                "submit_label": _("Renew"),
                "cancel_url": agreement_edit_url(agreement),
                "breadcrumbs_items": [
                    {
                        "url": reverse("wagtailsnippets_schools_counselloragreement:list"),
                        "label": _("Agreements"),
                    },
                    {"url": agreement_edit_url(agreement), "label": str(agreement)},
                    {"url": "", "label": _("Renew")},
                ],
            },
        )
    try:
        renewal = agreement.renew()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(agreement_edit_url(agreement))
    messages.success(
        request,
        _(
            "A draft renewal from %(start)s to %(end)s was created. Check it and add the signing date once signed."
        )
        % {"start": renewal.start_date, "end": renewal.end_date},
    )
    return redirect(agreement_edit_url(renewal))


class SchoolInspectView(InspectView):
    """A school with its agreements, each with its renewal history; agreements of other
    stations are left out."""

    template_name = "schools/school_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreements = scope(
            CounsellorAgreement.objects.with_status()
            .filter(school=self.object)
            .select_related("counsellor", "station", "renewal_of"),
            self.request.user,
        ).order_by("counsellor__name", "role", "start_date")
        context["agreements"] = agreements
        context["school_sections"] = [
            section
            for hook in _hooks("schools_school_inspect_sections")
            if (section := hook(self.request, self.object))
        ]
        return context


def _hooks(name):
    from wagtail import hooks

    return hooks.get_hooks(name)


def coverage_rows(user, today=None):
    """Per district: active schools, those with an agreement in force (of the stations the
    user reaches), the share covered, and their enrolment. Computed in the database."""
    in_force = scope(CounsellorAgreement.objects.in_force(today), user)
    schools = School.objects.filter(district=OuterRef("pk"), active=True)
    covered = schools.filter(pk__in=in_force.values("school_id"))

    def count(queryset):
        return Coalesce(
            Subquery(queryset.values("district").annotate(n=Count("pk")).values("n")[:1]),
            Value(0),
            output_field=IntegerField(),
        )

    def enrolment(queryset):
        return Coalesce(
            Subquery(queryset.values("district").annotate(n=Sum("enrolment")).values("n")[:1]),
            Value(0),
            output_field=IntegerField(),
        )

    return (
        District.objects.filter(locale=default_locale())
        .annotate(
            school_count=count(schools),
            covered_count=count(covered),
            enrolment_total=enrolment(schools),
            covered_enrolment=enrolment(covered),
        )
        .order_by("sort_order", "name")
    )


def percentage(part, whole):
    return round(part * 100 / whole, 1) if whole else 0.0


class CoverageReportView(LocalExportMixin, ReportView):
    page_title = gettext_lazy("School coverage")
    header_icon = "site"
    template_name = "schools/coverage_report.html"
    results_template_name = "schools/coverage_report_results.html"
    index_url_name = "schools_coverage"
    index_results_url_name = "schools_coverage_results"
    paginate_by = None
    export_filename = "school-coverage"
    list_export = [
        "name",
        "school_count",
        "covered_count",
        "coverage",
        "enrolment_total",
        "covered_enrolment",
    ]
    export_headings = {
        "name": gettext_lazy("District"),
        "school_count": gettext_lazy("Schools"),
        "covered_count": gettext_lazy("Schools with an active agreement"),
        "coverage": gettext_lazy("Covered (%)"),
        "enrolment_total": gettext_lazy("Enrolment"),
        "covered_enrolment": gettext_lazy("Enrolment of covered schools"),
    }
    columns = [
        Column("name", label=gettext_lazy("District")),
        Column("school_count", label=gettext_lazy("Schools")),
        Column("covered_count", label=gettext_lazy("Schools with an active agreement")),
        Column("coverage", label=gettext_lazy("Covered (%)")),
        Column("enrolment_total", label=gettext_lazy("Enrolment")),
        Column("covered_enrolment", label=gettext_lazy("Enrolment of covered schools")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("schools.view_school"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        rows = list(coverage_rows(self.request.user))
        for row in rows:
            row.coverage = percentage(row.covered_count, row.school_count)
        # Other apps add figures per district (campaigns: schools and students reached by
        # events this term): a hook takes (request, rows), sets attributes on the rows and
        # returns [(attribute, label)] for the extra columns.
        self.columns = list(type(self).columns)
        self.list_export = list(type(self).list_export)
        self.export_headings = dict(type(self).export_headings)
        for hook in _hooks("schools_coverage_columns"):
            for attribute, label in hook(self.request, rows) or []:
                self.columns.append(Column(attribute, label=label))
                self.list_export.append(attribute)
                self.export_headings[attribute] = label
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.object_list
        totals = {
            "school_count": sum(r.school_count for r in rows),
            "covered_count": sum(r.covered_count for r in rows),
            "enrolment_total": sum(r.enrolment_total for r in rows),
            "covered_enrolment": sum(r.covered_enrolment for r in rows),
        }
        totals["coverage"] = percentage(totals["covered_count"], totals["school_count"])
        context["totals"] = totals
        context["chart"] = {
            "type": "bar",
            "percent": True,
            "labels": [r.name for r in rows],
            "datasets": [
                {"label": str(gettext_lazy("Covered (%)")), "data": [r.coverage for r in rows]}
            ],
        }
        context["can_export"] = is_station_manager(self.request.user)
        return context

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.is_export and not is_station_manager(request.user):
            raise PermissionDenied


def agreements_ending_soon(user, today=None, days=30):
    from datetime import timedelta

    from django.utils import timezone

    today = today or timezone.localdate()
    return scope(
        CounsellorAgreement.objects.with_status(today)
        .filter(
            signed_on__isnull=False,
            terminated_on__isnull=True,
            end_date__gte=today,
            end_date__lte=today + timedelta(days=days),
        )
        .filter(Q(renewal__isnull=True))
        .select_related("school", "counsellor", "station")
        .order_by("end_date"),
        user,
    )


class ScopedSiteHistoryView(LogEntriesView):
    """Wagtail's site history, with the entries about another station's records left out
    for those who reach one station only (its titles name schools and counsellors, and who
    did what). It answers at Wagtail's own address (jindu/urls.py)."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if reaches_all_stations(self.request.user) or queryset.model is not ModelLogEntry:
            return queryset
        for model, station_path in SCOPED_MODELS.items():
            reachable = (
                scope(model._default_manager.all(), self.request.user, station_path)
                .annotate(log_object_id=Cast("pk", CharField()))
                .values("log_object_id")
            )
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            queryset = queryset.exclude(Q(content_type=content_type) & ~Q(object_id__in=reachable))
        return queryset
