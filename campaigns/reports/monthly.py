"""The monthly report to the district office (issue 21): one XLSX per station and month in a
fixed layout — venue types × 场次 (events held) / 受众人次 (person-times) / 发放资料
(materials handed out), the schools covered and the agreements in force — generated on
demand in the admin and on the 1st of each month for the month before, emailed to each
station's managers. The figures are the outreach report's (campaigns.reports.figures) for the same
station and month; the layout is Jindu's default or the one an administrator chose
(Settings → Monthly report layout)."""

import datetime
import io

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from django_tasks import task
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side

from campaigns.models import Event, MonthlyReportLayout, VenueType
from campaigns.models.monthly import MEASURES, PLACEHOLDER
from campaigns.reports import figures as reports
from campaigns.reports.dashboards import month_bounds
from schools.models import CounsellorAgreement, Station
from schools.reminders import station_managers
from schools.scoping import scope

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def previous_month(today):
    return month_bounds(today.replace(day=1) - datetime.timedelta(days=1))[0]


def values_for(station, month):
    """{placeholder: value} for ``station`` in ``month``."""
    first, last = month_bounds(month)
    events = Event.objects.filter(station=station).starting_between(first, last)
    values = {}
    for venue in VenueType.values:
        for measure in MEASURES:
            values[f"{venue}.{measure}"] = 0
    for row in reports.breakdown(events, "venue_type"):
        for measure in MEASURES:
            values[f"{row['key']}.{measure}"] = row[measure]
    totals = reports.figures(events)
    for measure in MEASURES:
        values[f"total.{measure}"] = totals[measure]
    values["schools_covered"] = totals["schools"]
    values["agreements_in_force"] = (
        CounsellorAgreement.objects.filter(
            station=station, signed_on__isnull=False, start_date__lte=last, end_date__gte=first
        )
        .filter(Q(terminated_on__isnull=True) | Q(terminated_on__gte=first))
        .count()
    )
    values["station"] = station.name
    values["district"] = station.district.name if station.district_id else ""
    values["month"] = f"{first:%Y}年{first.month}月"
    values["generated"] = timezone.localdate().isoformat()
    return values


def default_layout():
    """Jindu's layout, in Chinese as the district offices' forms are."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "月报"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.append(["禁毒预防宣传教育工作月报表"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:D1")
    sheet.append(["工作站：", "{station}", "所属区：", "{district}"])
    sheet.append(["月份：", "{month}", "填报日期：", "{generated}"])
    sheet.append([])
    sheet.append(["场所类型", "场次", "受众人次", "发放资料（份）"])
    with translation.override("zh-hans"):
        for venue in VenueType:
            sheet.append([str(venue.label), *[f"{{{venue.value}.{m}}}" for m in MEASURES]])
    sheet.append(["合计", *[f"{{total.{m}}}" for m in MEASURES]])
    for row in sheet.iter_rows(min_row=5, max_row=sheet.max_row, max_col=4):
        for cell in row:
            cell.border = box
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    sheet.append([])
    sheet.append(["覆盖学校（所）", "{schools_covered}"])
    sheet.append(["在履行的禁毒志愿辅导员协议（份）", "{agreements_in_force}"])
    sheet.column_dimensions["A"].width = 34
    for column in "BCD":
        sheet.column_dimensions[column].width = 16
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(vertical="center")
    return workbook


def layout():
    chosen = MonthlyReportLayout.load().layout
    if chosen is None:
        return default_layout()
    with chosen.file.open("rb") as file:
        return load_workbook(file)


def fill(workbook, values):
    """Each placeholder replaced; a cell holding only one becomes that value (a number where
    it is one, so the office's sums work)."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or "{" not in cell.value:
                    continue
                whole = PLACEHOLDER.fullmatch(cell.value.strip())
                if whole:
                    cell.value = values.get(whole.group(1), "")
                else:
                    cell.value = PLACEHOLDER.sub(
                        lambda match: str(values.get(match.group(1), "")), cell.value
                    )
    return workbook


def monthly_report(station, month):
    """The XLSX bytes of ``station``'s report for ``month``."""
    buffer = io.BytesIO()
    fill(layout(), values_for(station, month)).save(buffer)
    return buffer.getvalue()


def filename(station, month):
    return f"monthly-report-{station.pk}-{month:%Y-%m}.xlsx"


class MonthlyReportForm(forms.Form):
    station = forms.ModelChoiceField(label=gettext_lazy("Work station"), queryset=None)
    month = forms.DateField(
        label=gettext_lazy("Month"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )

    def __init__(self, *args, stations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations


def monthly_report_view(request):
    """Choose a station and a month; see the figures; download the workbook."""
    if not request.user.has_perm("campaigns.view_event"):
        raise PermissionDenied
    stations = scope(
        Station.objects.filter(locale__language_code=settings.LANGUAGE_CODE), request.user, "pk"
    ).order_by("name")
    initial = {"station": stations.first(), "month": previous_month(timezone.localdate())}
    form = MonthlyReportForm(request.GET or None, stations=stations, initial=initial)
    values = None
    if form.is_valid():
        station, month = form.cleaned_data["station"], form.cleaned_data["month"]
        if "download" in request.GET:
            response = HttpResponse(monthly_report(station, month), content_type=XLSX)
            response["Content-Disposition"] = f'attachment; filename="{filename(station, month)}"'
            return response
        values = values_for(station, month)
    return TemplateResponse(
        request,
        "campaigns/admin/monthly_report.html",
        {
            "page_title": _("Monthly report to the district office"),
            "header_icon": "table",
            "form": form,
            "values": values,
            "rows": _rows(values) if values else [],
            "default_layout_url": reverse("campaigns_monthly_default_layout"),
        },
    )


def _rows(values):
    return [
        (str(venue.label), *[values[f"{venue.value}.{m}"] for m in MEASURES]) for venue in VenueType
    ] + [(_("Total"), *[values[f"total.{m}"] for m in MEASURES])]


def default_layout_view(request):
    """Jindu's layout with its placeholders, to start a district's own from."""
    if not request.user.has_perm("campaigns.view_event"):
        raise PermissionDenied
    buffer = io.BytesIO()
    default_layout().save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="monthly-report-layout.xlsx"'
    return response


def send_monthly_reports(month=None):
    """Email each station's managers their report for ``month`` (by default the month
    before this one). Returns the number of emails sent."""
    month = month or previous_month(timezone.localdate())
    sent = 0
    for station in Station.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        recipients = list(station_managers(station).values_list("email", flat=True))
        if not recipients:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Monthly report of %(station)s for %(month)s") % {
                "station": station.name,
                "month": f"{month:%Y-%m}",
            }
            body = _(
                "The monthly report to the district office is attached. Check it against "
                "the events recorded before you send it on; it can be made again at any "
                "time in the admin (Reports → Monthly report)."
            )
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        message.attach(filename(station, month), monthly_report(station, month), XLSX)
        message.send()
        sent += 1
    return sent


@task()
def send_monthly_reports_task():
    return send_monthly_reports()


urls = [
    path("campaigns/monthly/", monthly_report_view, name="campaigns_monthly_report"),
    path(
        "campaigns/monthly/layout.xlsx",
        default_layout_view,
        name="campaigns_monthly_default_layout",
    ),
]
