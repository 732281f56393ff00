"""Station scoping: which work stations' records a user may reach.

Outreach staff and station managers belong to one station (`StationMembership`); they reach
that station's records and nothing else, wherever a record can be reached: listings,
edit, delete and inspect views, exports, choosers, dashboards, reports, feeds and URLs typed
by hand. Superusers and the Administrators group reach every station. Anyone else reaches
none. Every query of station-owned records in the admin goes through `scope`."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import cached_property

ADMINISTRATORS = "Administrators"
STATION_MANAGERS = "Station managers"
OUTREACH_STAFF = "Outreach staff"

ALL_STATIONS = None

# {model: lookup from the model to its station}, for every model an admin viewset scopes
# (schools.viewsets): logs and reports about those records are scoped the same way.
SCOPED_MODELS = {}


def station_ids(user):
    """The ids of the stations ``user`` may reach, or ALL_STATIONS (None) for everyone's."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_jindu_station_ids", "unset")
    if cached != "unset":
        return cached
    if user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists():
        result = ALL_STATIONS
    else:
        from schools.models import StationMembership

        result = frozenset(
            StationMembership.objects.filter(user=user).values_list("station_id", flat=True)
        )
    user._jindu_station_ids = result
    return result


def reaches_all_stations(user):
    return station_ids(user) is ALL_STATIONS


def is_station_manager(user):
    return reaches_all_stations(user) or user.groups.filter(name=STATION_MANAGERS).exists()


def scope(queryset, user, station_path="station"):
    """``queryset`` narrowed to the stations ``user`` may reach."""
    ids = station_ids(user)
    if ids is ALL_STATIONS:
        return queryset
    if station_path is None:
        return queryset
    return queryset.filter(**{f"{station_path}__in": ids})


def may_reach(user, instance, station_path="station"):
    ids = station_ids(user)
    if ids is ALL_STATIONS:
        return True
    station_id = _station_id(instance, station_path)
    return station_id in ids


def _station_id(instance, station_path):
    if station_path == "pk":
        return instance.pk
    parts = station_path.split("__")
    obj = instance
    for part in parts[:-1]:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return getattr(obj, f"{parts[-1]}_id", None)


class ScopedViewMixin:
    """For Wagtail's generic admin views (index, edit, delete, inspect, history, usage,
    chooser): every queryset they read is scoped, so a record of another station is a 404
    whether it is listed, opened by its URL or exported."""

    station_path = "station"

    def _scoped(self, queryset):
        # History and usage views list log entries and references, not the model itself;
        # those are reached through get_object below.
        if getattr(queryset, "model", None) is not self.model:
            return queryset
        return scope(queryset, self.request.user, self.station_path)

    def get_queryset(self, *args, **kwargs):
        return self._scoped(super().get_queryset(*args, **kwargs))

    def get_base_queryset(self, *args, **kwargs):
        return self._scoped(super().get_base_queryset(*args, **kwargs))

    def get_object_list(self, *args, **kwargs):
        return self._scoped(super().get_object_list(*args, **kwargs))

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if isinstance(instance, self.model) and not may_reach(
            self.request.user, instance, self.station_path
        ):
            raise Http404
        return instance


class ExportPermissionMixin:
    """Spreadsheet exports are for station managers and administrators, and where the
    viewset sets ``export_for_staff`` for outreach staff too (the listing is scoped, so
    that is their own station's records); others see no export buttons and get a 403 if
    they ask for one by URL."""

    export_for_staff = False

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not (self.export_for_staff or is_station_manager(request.user)):
            if getattr(self, "is_export", False):
                raise PermissionDenied
            self.list_export = []

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export)
