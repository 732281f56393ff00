"""Snippet viewsets whose every view is station-scoped (see schools.scoping). campaigns uses
the same base for events, attendance and stock."""

from jindu.backoffice.viewsets import ProjectSnippetViewSet
from schools.scoping import SCOPED_MODELS, ExportPermissionMixin, ScopedViewMixin, scope

SCOPED_VIEWS = [
    "index_view_class",
    "edit_view_class",
    "delete_view_class",
    "inspect_view_class",
    "history_view_class",
    "usage_view_class",
    "copy_view_class",
]


def scoped(view_class, station_path, *extra_mixins, **attributes):
    return type(
        f"Scoped{view_class.__name__}",
        (*extra_mixins, ScopedViewMixin, view_class),
        {"station_path": station_path, **attributes},
    )


class StationScopedSnippetViewSet(ProjectSnippetViewSet):
    """A SnippetViewSet for records that belong to a work station. ``station_path`` is the
    lookup from the model to its station (e.g. "station", or "event__station")."""

    station_path = "station"
    # Outreach staff may export the listing (their own station's records) too.
    export_for_staff = False

    def __init__(self, *args, **kwargs):
        SCOPED_MODELS[self.model] = self.station_path
        for name in SCOPED_VIEWS:
            view_class = getattr(type(self), name)
            if name == "index_view_class":
                view_class = scoped(
                    view_class,
                    self.station_path,
                    ExportPermissionMixin,
                    export_for_staff=self.export_for_staff,
                )
            else:
                view_class = scoped(view_class, self.station_path)
            setattr(self, name, view_class)
        super().__init__(*args, **kwargs)

    def get_chooser_view_mixins(self):
        return [*super().get_chooser_view_mixins(), ScopedViewMixin]

    def get_chooser_view_attributes(self):
        return {**super().get_chooser_view_attributes(), "station_path": self.station_path}

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        return scope(queryset, request.user, self.station_path)

    list_select_related = ()
