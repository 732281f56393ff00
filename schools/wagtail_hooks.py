from functools import cached_property

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSetGroup

from django_filters import ChoiceFilter, ModelChoiceFilter

from jindu.backoffice.viewsets import ProjectSnippetViewSet
from schools import views
from schools.forms import StationScopedForm, TranslatableChoicesForm
from schools.models import (
    AgreementStatus,
    Counsellor,
    CounsellorAgreement,
    District,
    School,
    Station,
    StationMembership,
    default_locale_only,
)
from schools.scoping import ExportPermissionMixin, scope
from schools.viewsets import StationScopedSnippetViewSet


def edit_handler(model, form_class):
    """The model's panels with the form that enforces the rules of its listing's role."""
    return ObjectList(model.panels, base_form_class=form_class)


def renew_button(user, agreement, button_class):
    """Renew (续签) leads to the page that shows the next term and creates it."""
    if not user.has_perm("schools.renew_counselloragreement") or agreement.terminated_on:
        return None
    return button_class(
        _("Renew"),
        url=reverse("schools_renew_agreement", args=[agreement.pk]),
        icon_name="repeat",
        priority=30,
    )


class AgreementIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        button = renew_button(self.request.user, instance, ListingMenuItem)
        return [*buttons, button] if button else buttons


class AgreementEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        button = renew_button(self.request.user, self.object, Button)
        return [*buttons, button] if button else buttons


class DistrictViewSet(ProjectSnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    list_display = ["name", "code", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "code"]
    ordering = ["sort_order"]


class StationViewSet(StationScopedSnippetViewSet):
    model = Station
    station_path = "pk"
    icon = "home"
    menu_label = _("Work stations")
    list_display = ["name", "district", "address", "phone", "is_public", "locale"]
    list_filter = ["district", "is_public", "locale"]
    list_export = ["name", "district.name", "address", "phone", "fax", "postcode", "is_public"]
    list_select_related = ["district", "locale"]
    search_fields = ["name", "address", "district__name"]
    edit_handler = edit_handler(Station, StationScopedForm)


def station_filter():
    return ModelChoiceFilter(
        label=_("work station"), queryset=Station.objects.filter(**default_locale_only())
    )


def district_filter(field_name="district"):
    return ModelChoiceFilter(
        label=_("district"),
        field_name=field_name,
        queryset=District.objects.filter(**default_locale_only()),
    )


class CounsellorFilterSet(WagtailFilterSet):
    station = station_filter()

    class Meta:
        model = Counsellor
        fields = ["role", "station", "active"]


class CounsellorViewSet(StationScopedSnippetViewSet):
    model = Counsellor
    icon = "user"
    menu_label = _("Counsellors")
    list_display = ["name", "role", "station", "active"]
    filterset_class = CounsellorFilterSet
    list_export = ["name", "role", "station.name", "qualifications", "phone", "email", "active"]
    list_select_related = ["station"]
    search_fields = ["name", "qualifications", "station__name"]
    edit_handler = edit_handler(Counsellor, StationScopedForm)
    import_kind = "counsellors"


class SchoolFilterSet(WagtailFilterSet):
    district = district_filter()

    class Meta:
        model = School
        fields = ["district", "level", "active"]


class SchoolViewSet(ProjectSnippetViewSet):
    """Schools are shared by all stations: every outreach role may read them."""

    model = School
    # Read by all; the export (with the private contact details) is for managers.
    index_view_class = type("SchoolIndexView", (ExportPermissionMixin, IndexView), {})
    import_kind = "schools"
    icon = "group"
    menu_label = _("Schools")
    list_display = ["name", "district", "level", "enrolment", "active"]
    filterset_class = SchoolFilterSet
    list_export = [
        "name",
        "district.name",
        "level",
        "enrolment",
        "address",
        "contact_person",
        "contact_phone",
        "active",
    ]
    export_filename = "schools"
    search_fields = ["name", "address", "district__name"]
    edit_handler = edit_handler(School, TranslatableChoicesForm)
    inspect_view_enabled = True
    inspect_view_class = views.SchoolInspectView
    inspect_view_fields = [
        "name",
        "district",
        "level",
        "enrolment",
        "address",
        "contact_person",
        "contact_phone",
        "active",
    ]

    def get_queryset(self, request):
        return School.objects.select_related("district")


class AgreementFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("status"), choices=AgreementStatus.choices, field_name="status")
    station = station_filter()
    district = district_filter("school__district")
    level = ChoiceFilter(
        label=_("level"),
        field_name="school__level",
        choices=School._meta.get_field("level").choices,
    )

    class Meta:
        model = CounsellorAgreement
        fields = ["status", "station", "role", "district", "level"]


class AgreementViewSet(StationScopedSnippetViewSet):
    model = CounsellorAgreement
    index_view_class = AgreementIndexView
    edit_view_class = AgreementEditView
    edit_handler = edit_handler(CounsellorAgreement, StationScopedForm)
    icon = "doc-full"
    menu_label = _("Agreements")
    list_display = [
        "school",
        "counsellor",
        "role",
        "station",
        "start_date",
        "end_date",
        "status_label",
    ]
    filterset_class = AgreementFilterSet
    list_export = [
        "school.name",
        "school.district.name",
        "counsellor.name",
        "role",
        "station.name",
        "start_date",
        "end_date",
        "sessions_per_term",
        "signed_on",
        "status_label",
        "terminated_on",
        "termination_reason",
    ]
    export_headings = {
        "school.name": _("school"),
        "school.district.name": _("district"),
        "counsellor.name": _("counsellor"),
        "station.name": _("work station"),
        "status_label": _("status"),
    }
    export_filename = "counsellor-agreements"
    search_fields = ["school__name", "counsellor__name", "notes"]

    def get_queryset(self, request):
        queryset = CounsellorAgreement.objects.with_status().select_related(
            "school", "school__district", "counsellor", "station"
        )
        return scope(queryset, request.user)


class MembershipViewSet(ProjectSnippetViewSet):
    model = StationMembership
    icon = "key"
    menu_label = _("Station staff")
    list_display = ["user", "station"]
    list_filter = ["station"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "station__name"]
    edit_handler = edit_handler(StationMembership, TranslatableChoicesForm)


class SchoolsGroup(SnippetViewSetGroup):
    items = (
        SchoolViewSet,
        AgreementViewSet,
        CounsellorViewSet,
        StationViewSet,
        DistrictViewSet,
        MembershipViewSet,
    )
    menu_icon = "group"
    menu_label = _("Schools")
    menu_name = "schools"
    menu_order = 300


register_snippet(SchoolsGroup)


@hooks.register("jindu_spreadsheet_importers")
def spreadsheet_importers():
    from schools.spreadsheets import IMPORTERS

    return IMPORTERS


@hooks.register("register_admin_urls")
def register_schools_urls():
    return [
        path(
            "schools/agreements/<int:pk>/renew/",
            views.renew_agreement,
            name="schools_renew_agreement",
        ),
        path("reports/coverage/", views.CoverageReportView.as_view(), name="schools_coverage"),
        path(
            "reports/coverage/results/",
            views.CoverageReportView.as_view(results_only=True),
            name="schools_coverage_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_coverage_report_menu_item():
    return CoverageMenuItem(
        _("School coverage"), reverse("schools_coverage"), icon_name="site", order=700
    )


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("schools.view_school")


class AgreementsEndingPanel(Component):
    name = "agreements_ending"
    order = 110

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        agreements = list(views.agreements_ending_soon(self.request.user)[:20])
        return render_to_string(
            "schools/dashboard_agreements_panel.html",
            {"agreements": agreements},
            request=self.request,
        )


@hooks.register("construct_homepage_panels")
def add_agreements_panel(request, panels):
    if request.user.has_perm("schools.view_counselloragreement"):
        panels.append(AgreementsEndingPanel(request))


@hooks.register("jindu_search_words")
def station_words():
    """Districts and public stations are words readers type (闵行, minhang): the search
    reads them as words, in pinyin too, and corrects typos towards them."""
    from schools.models import District, Station

    return [
        *District.objects.values_list("name", flat=True),
        *Station.objects.filter(is_public=True).values_list("name", flat=True),
    ]


@hooks.register("jindu_search_hits")
def stations_found(understanding, locale, request):
    """Work stations whose name, district or address says what the reader asked (闵行,
    浦东新区, Pudong), shown in the reader's language, leading to the directory."""
    from django.conf import settings

    from jindu.models.mixins import first_live
    from jindu.search.ranking import Hit
    from schools.models import StationDirectoryPage, localized

    originals = list(
        Station.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, is_public=True
        ).select_related("district")
    )
    shown = localized(originals, locale.pk)
    districts = localized({station.district for station in originals}, locale.pk)
    hits = []
    for station in originals:
        here, district = shown[station.pk], districts[station.district_id]
        hit = Hit(
            kind=str(_("Work station")),
            title=f"{here.name} · {district.name}",
            # Judged by both languages' names: 闵行 finds the Minhang station in English too.
            also=f"{station.name} {station.district.name}",
            url=f"#district-{district.code}",  # in the directory, whose address comes last
            text=f"{here.address} {station.address} {here.phone}",
            score=1.0,  # a place named is most often the station there
        )
        if any(
            concept.found_in(f"{hit.title} {hit.also} {hit.text}")
            for concept in understanding.concepts
        ):
            # The station named, before the others of its district.
            if any(
                concept.found_in(f"{here.name} {station.name}")
                for concept in understanding.concepts
            ):
                hit.score += 0.5
            hits.append(hit)
    # The directory's address is read only when a station is found (most searches find none).
    directory = first_live(StationDirectoryPage, locale=locale) if hits else None
    if directory is None:
        return []
    directory_url = directory.get_url(request)
    for hit in hits:
        hit.url = directory_url + hit.url
    return hits
