from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter

from campaigns import views
from campaigns.forms import AttendanceForm, EventForm, StockMovementForm
from campaigns.models import (
    Attendance,
    Campaign,
    Event,
    EventStatus,
    Material,
    StockMovement,
    TalkRequest,
    VenueType,
)
from schools.models import District, Station, default_locale_only
from schools.viewsets import StationScopedSnippetViewSet

Event.base_form_class = EventForm
Attendance.base_form_class = AttendanceForm
StockMovement.base_form_class = StockMovementForm

POST_BUTTON = {"data-controller": "w-action", "data-action": "w-action#post"}


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "pick"
    menu_label = gettext_lazy("Campaigns")
    list_display = ["name", "kind", "start_date", "end_date", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "theme"]
    list_export = [
        "name",
        "kind",
        "theme",
        "start_date",
        "end_date",
        "goal_events",
        "goal_audience",
        "goal_materials",
    ]


class EventFilterSet(WagtailFilterSet):
    start = DateFromToRangeFilter(label=gettext_lazy("date"), widget=DateRangePickerWidget)
    station = ModelChoiceFilter(
        label=gettext_lazy("work station"), queryset=Station.objects.filter(**default_locale_only())
    )
    district = ModelChoiceFilter(
        label=gettext_lazy("district"), queryset=District.objects.filter(**default_locale_only())
    )
    status = ChoiceFilter(label=gettext_lazy("status"), choices=EventStatus.choices)
    venue_type = ChoiceFilter(label=gettext_lazy("venue type"), choices=VenueType.choices)

    class Meta:
        model = Event
        fields = [
            "start",
            "status",
            "venue_type",
            "format",
            "station",
            "district",
            "campaign",
            "is_public",
        ]


class EventCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class EventEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.status == EventStatus.COMPLETED:
            buttons.append(
                Button(
                    _("Write it up"),
                    url=reverse("campaigns_write_up", args=[self.object.pk]),
                    icon_name="doc-full",
                    priority=30,
                    attrs=POST_BUTTON,
                )
            )
        return buttons


class EventViewSet(StationScopedSnippetViewSet):
    model = Event
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    icon = "date"
    menu_label = gettext_lazy("Events")
    list_display = ["title", "start", "venue_type", "format", "station", "status", "is_public"]
    filterset_class = EventFilterSet
    list_select_related = ["station", "district", "school", "campaign"]
    search_fields = ["title", "description", "organisation"]
    list_export = [
        "title",
        "start",
        "end",
        "venue_type",
        "format",
        "status",
        "is_public",
        "station.name",
        "district.name",
        "school_name",
        "organisation",
        "campaign_name",
        "session_number",
        "session_count",
    ]
    export_filename = "events"
    copy_view_enabled = True
    inspect_view_enabled = True


class AttendanceViewSet(StationScopedSnippetViewSet):
    model = Attendance
    station_path = "event__station"
    icon = "group"
    menu_label = gettext_lazy("Attendance")
    list_display = ["event", "group", "count", "recorded_at"]
    list_filter = ["group"]
    list_select_related = ["event"]
    search_fields = ["event__title"]
    list_export = ["event.title", "event.start", "event.station.name", "group", "count"]
    export_filename = "attendance"


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "doc-empty"
    menu_label = gettext_lazy("Materials")
    list_display = ["name", "kind", "language", "unit", "active"]
    list_filter = ["kind", "language", "active"]
    search_fields = ["name"]


class StockMovementCreateView(CreateView):
    """Movements are saved through StockMovement.record, which refuses to take the stock
    below zero even when two people record at the same moment."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        return instance.record(user=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            self.produced_error_message = _("The stock movement could not be saved.")
            return self.form_invalid(form)


class LedgerLineIsFinal:
    """A ledger line is never edited or deleted: a mistake is corrected by an adjustment,
    so the stock history stays true."""

    def dispatch(self, request, *args, **kwargs):
        messages.error(
            request,
            _("Stock movements cannot be changed or deleted; record an adjustment instead."),
        )
        return redirect(reverse("wagtailsnippets_campaigns_stockmovement:list"))


class StockMovementEditView(LedgerLineIsFinal, EditView):
    pass


class StockMovementDeleteView(LedgerLineIsFinal, DeleteView):
    pass


class StockMovementViewSet(StationScopedSnippetViewSet):
    model = StockMovement
    add_view_class = StockMovementCreateView
    edit_view_class = StockMovementEditView
    delete_view_class = StockMovementDeleteView
    icon = "download"
    menu_label = gettext_lazy("Stock movements")
    list_display = [
        "created_at",
        "material",
        "station",
        "kind",
        "quantity",
        "event",
        "note",
        "created_by",
    ]
    list_filter = ["kind", "material"]
    list_select_related = ["material", "station", "event", "created_by"]
    search_fields = ["material__name", "note"]
    list_export = [
        "created_at",
        "material.name",
        "station.name",
        "kind",
        "quantity",
        "event_title",
        "note",
        "created_by",
    ]
    export_filename = "stock-movements"
    inspect_view_enabled = True


class TalkRequestViewSet(StationScopedSnippetViewSet):
    """What schools sent through the public form, with their contact details: for the
    staff of the station the request went to."""

    model = TalkRequest
    station_path = "event__station"
    icon = "mail"
    menu_label = gettext_lazy("Talk requests")
    list_display = ["school_name", "event", "preferred_dates", "audience_size", "created_at"]
    list_select_related = ["event"]
    search_fields = ["school_name"]
    inspect_view_enabled = True
    list_export = [
        "school_name",
        "contact_name",
        "contact_phone",
        "preferred_dates",
        "grades",
        "audience_size",
        "topic",
        "created_at",
    ]
    export_filename = "talk-requests"


class OutreachGroup(SnippetViewSetGroup):
    items = (
        EventViewSet,
        TalkRequestViewSet,
        AttendanceViewSet,
        StockMovementViewSet,
        MaterialViewSet,
        CampaignViewSet,
    )
    menu_icon = "date"
    menu_label = gettext_lazy("Outreach")
    menu_name = "outreach"
    menu_order = 290


register_snippet(OutreachGroup)


@hooks.register("register_admin_urls")
def register_campaign_admin_urls():
    return [
        path("campaigns/calendar/", views.calendar_view, name="campaigns_calendar"),
        path(
            "campaigns/calendar/reset/<int:pk>/",
            views.reset_feed_token,
            name="campaigns_reset_feed_token",
        ),
        path("campaigns/dashboard/", views.dashboard_view, name="campaigns_dashboard"),
        path("campaigns/stock/", views.StockLevelsView.as_view(), name="campaigns_stock"),
        path(
            "campaigns/stock/results/",
            views.StockLevelsView.as_view(results_only=True),
            name="campaigns_stock_results",
        ),
        path(
            "campaigns/reports/<slug:dimension>/",
            views.EventReportView.as_view(),
            name="campaigns_report",
        ),
        path(
            "campaigns/reports/<slug:dimension>/results/",
            views.EventReportView.as_view(results_only=True),
            name="campaigns_report_results",
        ),
        path(
            "campaigns/events/<int:pk>/write-up/", views.write_up_event, name="campaigns_write_up"
        ),
    ]


class OutreachMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("campaigns.view_event")


@hooks.register("register_admin_menu_item")
def calendar_menu_item():
    return OutreachMenuItem(
        gettext_lazy("Event calendar"),
        reverse("campaigns_calendar"),
        icon_name="calendar",
        order=291,
    )


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return OutreachMenuItem(
        gettext_lazy("Campaign dashboard"),
        reverse("campaigns_dashboard"),
        icon_name="pick",
        order=292,
    )


class StockMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("campaigns.view_stockmovement")


@hooks.register("register_reports_menu_item")
def stock_levels_menu_item():
    return StockMenuItem(
        gettext_lazy("Stock levels"), reverse("campaigns_stock"), icon_name="download", order=720
    )


@hooks.register("register_reports_menu_item")
def events_report_menu_item():
    return OutreachMenuItem(
        gettext_lazy("Outreach figures"),
        reverse("campaigns_report", args=["campaign"]),
        icon_name="table",
        order=710,
    )


@hooks.register("schools_school_inspect_sections")
def sessions_delivered(request, school):
    """Completed events count toward the school's agreements: sessions delivered this term
    against those committed."""
    from campaigns.terms import current_term, sessions_for_agreements
    from schools.models import CounsellorAgreement
    from schools.scoping import scope

    agreements = scope(
        CounsellorAgreement.objects.in_force().filter(school=school).select_related("counsellor"),
        request.user,
    )
    start, end = current_term(timezone.localdate())
    rows = sessions_for_agreements(agreements, start, end)
    return render_to_string(
        "campaigns/admin/school_sessions.html",
        {"rows": rows, "term_start": start, "term_end": end},
        request=request,
    )


@hooks.register("jindu_public_changes")
def public_changes_of_outreach():
    from campaigns.changes import RULES

    return RULES


@hooks.register("jindu_public_paths")
def public_feed_path():
    from campaigns.changes import PUBLIC_FEED

    return [PUBLIC_FEED]


@hooks.register("jindu_home_sections")
def home_events(request, page):
    from campaigns.home import upcoming_section

    return upcoming_section(request, page)


@hooks.register("schools_coverage_columns")
def coverage_reached_by_events(request, rows):
    """Per district: schools reached by at least one completed event this term, and the
    students counted at school events this term against the district's enrolment."""
    from campaigns.terms import current_term, reach_by_district

    start, end = current_term(timezone.localdate())
    reach = reach_by_district(request.user, start, end)
    for row in rows:
        schools, students = reach.get(row.pk, (0, 0))
        row.schools_reached = schools
        row.students_reached = students
        row.students_share = (
            round(students * 100 / row.enrolment_total, 1) if row.enrolment_total else 0.0
        )
    return [
        ("schools_reached", gettext_lazy("Schools reached by an event this term")),
        ("students_reached", gettext_lazy("Student person-times this term")),
        ("students_share", gettext_lazy("Against enrolment (%)")),
    ]
