"""The outreach screens of the admin beyond the snippet viewsets: calendar, dashboards,
recording, stock, reports, write-up, an event's sheet and feedback, workload and the
monthly report. Registered by wagtail_hooks."""

from django.urls import path

from campaigns import views
from campaigns.field import evidence, recording
from campaigns.reports import dashboards, monthly, workload

urlpatterns = [
    path("campaigns/calendar/", views.calendar_view, name="campaigns_calendar"),
    path(
        "campaigns/calendar/reset/<int:pk>/",
        views.reset_feed_token,
        name="campaigns_reset_feed_token",
    ),
    path("campaigns/dashboard/", dashboards.dashboard_view, name="campaigns_dashboard"),
    path(
        "campaigns/station/",
        dashboards.station_dashboard_view,
        name="campaigns_station_dashboard",
    ),
    path(
        "campaigns/events/<int:pk>/record/",
        recording.record_event,
        name="campaigns_record_event",
    ),
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
    path("campaigns/events/<int:pk>/write-up/", views.write_up_event, name="campaigns_write_up"),
    *evidence.urls,
    *workload.urls,
    *monthly.urls,
]
