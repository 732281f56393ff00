from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from campaigns import views
from campaigns.field import recording
from campaigns.public.search_hits import public_events_found
from campaigns.viewsets import OutreachGroup

register_snippet(OutreachGroup)


@hooks.register("register_admin_urls")
def register_campaign_admin_urls():
    from campaigns.admin_urls import urlpatterns

    return urlpatterns


class OutreachMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("campaigns.view_event")


@hooks.register("register_admin_menu_item")
def station_dashboard_menu_item():
    return OutreachMenuItem(
        gettext_lazy("Station dashboard"),
        reverse("campaigns_station_dashboard"),
        icon_name="home",
        order=289,
    )


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


@hooks.register("register_reports_menu_item")
def feedback_report_menu_item():
    return OutreachMenuItem(
        gettext_lazy("Feedback and knowledge checks"),
        reverse("campaigns_feedback_report", args=["campaign"]),
        icon_name="clipboard-list",
        order=711,
    )


@hooks.register("register_reports_menu_item")
def workload_menu_item():
    return OutreachMenuItem(
        gettext_lazy("Workload and volunteer hours"),
        reverse("campaigns_workload"),
        icon_name="user",
        order=712,
    )


@hooks.register("register_reports_menu_item")
def monthly_report_menu_item():
    return OutreachMenuItem(
        gettext_lazy("Monthly report"), reverse("campaigns_monthly_report"), order=713
    )


@hooks.register("schools_school_inspect_sections")
def sessions_delivered(request, school):
    """Completed events count toward the school's agreements: sessions delivered this term
    against those committed."""
    from campaigns.reports.terms import current_term, sessions_for_agreements
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


class AwaitingRecordPanel(Component):
    """On the admin's home page: the user's events that ended but are not recorded."""

    name = "awaiting_record"
    order = 105

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        events = recording.awaiting_record(views.scoped_events(self.request.user))
        return render_to_string(
            "campaigns/admin/awaiting_record_panel.html",
            {
                "rows": [
                    {"event": event, "record_url": recording.record_url(event)}
                    for event in events.select_related("school")[:10]
                ],
                "count": events.count(),
                "dashboard_url": reverse("campaigns_station_dashboard"),
            },
            request=self.request,
        )


@hooks.register("construct_homepage_panels")
def add_awaiting_record_panel(request, panels):
    if request.user.has_perm("campaigns.add_attendance"):
        panels.append(AwaitingRecordPanel(request))


@hooks.register("jindu_home_sections")
def home_events(request, page):
    from campaigns.public.home import upcoming_section

    return upcoming_section(request, page)


@hooks.register("schools_coverage_columns")
def coverage_reached_by_events(request, rows):
    """Per district: schools reached by at least one completed event this term, and the
    students counted at school events this term against the district's enrolment."""
    from campaigns.reports.terms import current_term, reach_by_district

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


@hooks.register("jindu_spreadsheet_importers")
def spreadsheet_importers():
    from campaigns.spreadsheets import EventImporter

    return [EventImporter()]


# Public events are found by the site search (jindu.search.ranking).
hooks.register("jindu_search_hits", public_events_found)


@hooks.register("register_log_actions")
def register_recording_in_history(actions):
    @actions.register_action("campaigns.record")
    class RecordFormatter(LogFormatter):
        label = gettext_lazy("Record the event")

        def format_message(self, log_entry):
            return recording.describe(log_entry.data)
