"""How outreach records appear in the admin: campaigns, events, attendance, materials, the
stock ledger and talk requests, grouped under one menu (registered in wagtail_hooks.py)."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import DurationField, ExpressionWrapper, F, Value
from django.db.models.functions import Greatest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    SnippetViewSetGroup,
)

from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter

from campaigns.field import evidence, recording
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
from jindu.backoffice.viewsets import ProjectSnippetViewSet, readable
from schools.models import District, Station, default_locale_only
from schools.viewsets import StationScopedSnippetViewSet


class CampaignViewSet(ProjectSnippetViewSet):
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


def event_buttons(user, event, button_class):
    """What can be done with an event besides editing it: record it once it has started,
    write it up once it was held."""
    buttons = []
    if user.has_perm("campaigns.add_attendance") and recording.refusal_for(event) is None:
        buttons.append(
            button_class(
                _("Record this event"),
                url=recording.record_url(event),
                icon_name="group",
                priority=25,
            )
        )
    buttons.append(
        button_class(
            _("Sign-in sheet & feedback"),
            url=evidence.feedback_url_of(event),
            icon_name="clipboard-list",
            priority=27,
        )
    )
    if event.status == EventStatus.COMPLETED:
        buttons.append(
            button_class(
                _("Write it up"),
                url=reverse("campaigns_write_up", args=[event.pk]),
                icon_name="doc-full",
                priority=30,
            )
        )
    return buttons


class EventIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *event_buttons(self.request.user, instance, ListingMenuItem),
        ]


class EventEditView(EditView):
    # In sight, not behind "…": at a school hall these are what staff open the event for.
    @cached_property
    def header_buttons(self):
        return event_buttons(self.request.user, self.object, HeaderButton)


def event_place(event):
    if event.school_id:
        return event.school.name
    return event.organisation or event.address or "—"


class NearestEventsFirst:
    """The event chooser: when, where and which station, so events with the same title can
    be told apart; the events nearest to now first."""

    @property
    def columns(self):
        return [
            self.title_column,
            Column("when", label=gettext_lazy("When"), accessor=lambda e: readable(e.start)),
            Column("place", label=gettext_lazy("School or place"), accessor=event_place),
            Column("station", label=gettext_lazy("Work station"), accessor="station"),
        ]

    def get_object_list(self):
        now = Value(timezone.now())
        return (
            super()
            .get_object_list()
            .select_related("school", "station")
            .annotate(
                distance=Greatest(
                    ExpressionWrapper(F("start") - now, output_field=DurationField()),
                    ExpressionWrapper(now - F("start"), output_field=DurationField()),
                )
            )
        )

    def apply_object_list_ordering(self, objects):
        return objects.order_by("distance", "-start")


class EventViewSet(StationScopedSnippetViewSet):
    model = Event
    index_view_class = EventIndexView
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    edit_handler = ObjectList(Event.panels, base_form_class=EventForm)
    chooser_view_mixins = (NearestEventsFirst,)
    icon = "date"
    menu_label = gettext_lazy("Events")
    list_display = ["title", "start", "venue_type", "format", "station", "status", "is_public"]
    filterset_class = EventFilterSet
    list_select_related = ["station", "district", "school", "campaign"]
    search_fields = ["title", "description", "organisation", "school__name", "station__name"]
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
    export_for_staff = True
    import_kind = "events"
    export_headings = {
        "school_name": gettext_lazy("School"),
        "campaign_name": gettext_lazy("Campaign"),
    }
    copy_view_enabled = True
    inspect_view_enabled = True


class AttendanceCreateView(CreateView):
    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        before = self.form.instance.event.status
        instance = super().save_instance()
        if before != EventStatus.COMPLETED and instance.event.status == EventStatus.COMPLETED:
            messages.info(
                self.request,
                _("“%(event)s” has ended, so it is now marked as held and its figures count.")
                % {"event": instance.event.title},
            )
        return instance


class AttendanceViewSet(StationScopedSnippetViewSet):
    model = Attendance
    add_view_class = AttendanceCreateView
    edit_handler = ObjectList(Attendance.panels, base_form_class=AttendanceForm)
    station_path = "event__station"
    icon = "group"
    menu_label = gettext_lazy("Attendance")
    list_display = ["event", "group", "count", "recorded_at"]
    list_filter = ["group"]
    list_select_related = ["event"]
    search_fields = ["event__title", "event__school__name", "event__organisation"]
    list_export = ["event.title", "event.start", "event.station.name", "group", "count"]
    export_filename = "attendance"
    export_for_staff = True


class MaterialViewSet(ProjectSnippetViewSet):
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
    edit_handler = ObjectList(StockMovement.panels, base_form_class=StockMovementForm)
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
    search_fields = ["material__name", "note", "event__title", "station__name"]
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
    export_for_staff = True
    export_headings = {"event_title": gettext_lazy("Event")}
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
    search_fields = ["school_name", "grades", "topic"]
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
