from django.conf import settings

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import TranslatableMixin

from schools.scoping import ALL_STATIONS, station_ids


def limit_translatable_choices(form):
    """Districts and stations exist once per language; a form offers those of the record's
    own language (the default language for records that are not translated)."""
    locale_id = getattr(form.instance, "locale_id", None)
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None or not issubclass(queryset.model, TranslatableMixin):
            continue
        if locale_id:
            field.queryset = queryset.filter(locale_id=locale_id)
        else:
            field.queryset = queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


class TranslatableChoicesForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_translatable_choices(self)


class StationScopedForm(WagtailAdminModelForm):
    """Staff forms offer only the user's own station, and only that station's counsellors;
    saving a record for another station is refused even if the form is tampered with."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        limit_translatable_choices(self)
        self.reachable = station_ids(for_user) if for_user is not None else ALL_STATIONS
        if self.reachable is ALL_STATIONS:
            return
        station = self.fields.get("station")
        if station is not None:
            station.queryset = station.queryset.filter(pk__in=self.reachable)
            if len(self.reachable) == 1 and not self.instance.pk:
                station.initial = next(iter(self.reachable))
        counsellor = self.fields.get("counsellor")
        if counsellor is not None:
            counsellor.queryset = counsellor.queryset.filter(station__in=self.reachable)
        counsellors = self.fields.get("counsellors")
        if counsellors is not None:
            counsellors.queryset = counsellors.queryset.filter(station__in=self.reachable)
