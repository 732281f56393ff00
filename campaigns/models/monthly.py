"""The layout of the monthly report to the district office (issue 21): an XLSX workbook whose
cells hold placeholders such as ``{school.held}``, replaced by a station's figures for a
month (campaigns.reports.monthly). Jindu ships a default layout; an administrator may replace it
with the district's own form, checked here when it is chosen."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .choices import VenueType

PLACEHOLDER = re.compile(r"\{([a-z_.]+)\}")
MEASURES = ("held", "audience", "materials")


def known_placeholders():
    names = {"station", "district", "month", "generated", "schools_covered", "agreements_in_force"}
    for group in [*VenueType.values, "total"]:
        names.update(f"{group}.{measure}" for measure in MEASURES)
    return names


def placeholders_in(workbook):
    """Every placeholder in the cells of ``workbook`` (an openpyxl workbook)."""
    found = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    found.update(PLACEHOLDER.findall(cell.value))
    return found


def check_layout(file):
    """The problems of an uploaded layout, as a message, or None."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file)
    except Exception:  # openpyxl raises many kinds of error on a file that is not XLSX
        return _("The layout must be an Excel workbook (.xlsx).")
    found = placeholders_in(workbook)
    unknown = sorted(found - known_placeholders())
    if unknown:
        return _("Unknown placeholders: %(names)s.") % {
            "names": ", ".join("{" + name + "}" for name in unknown)
        }
    if not found:
        return _("The layout has no placeholders, so no figure would be filled in.")
    return None


@register_setting(icon="table")
class MonthlyReportLayout(BaseGenericSetting):
    layout = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("layout"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An .xlsx workbook with placeholders; empty to use Jindu's default layout."),
    )

    panels = [
        HelpPanel(
            content=_(
                "Placeholders: {station}, {district}, {month}, {generated}, {schools_covered}, "
                "{agreements_in_force}, and for each venue type (community, family, school, "
                "entertainment, construction, enterprise, public_place, rehabilitation, "
                "methadone, online) and for total: {school.held}, {school.audience}, "
                "{school.materials}. A cell holding only a placeholder becomes a number."
            )
        ),
        FieldPanel("layout"),
    ]

    class Meta:
        verbose_name = _("monthly report layout")

    def clean(self):
        super().clean()
        if self.layout_id:
            with self.layout.file.open("rb") as file:
                problem = check_layout(file)
            if problem:
                raise ValidationError({"layout": problem})
