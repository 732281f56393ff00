from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schools.forms import StationScopedForm
from schools.scoping import ALL_STATIONS


class EventForm(StationScopedForm):
    """Refuses double bookings, naming who is booked where and when."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        school = self.fields.get("school")
        if school is not None:
            school.queryset = school.queryset.select_related("district")

    def clean(self):
        cleaned = super().clean()
        school = cleaned.get("school")
        if school is not None and not cleaned.get("district"):
            cleaned["district"] = school.district
            self.errors.pop("district", None)
        counsellors = cleaned.get("counsellors")
        if counsellors and cleaned.get("start") and cleaned.get("end"):
            probe = self.instance
            probe.start, probe.end = cleaned["start"], cleaned["end"]
            probe.status = cleaned.get("status") or probe.status
            chosen = {c.pk: c for c in counsellors}
            for clash in probe.double_bookings(counsellors)[:5]:
                for person in clash.counsellors.all():
                    if person.pk in chosen:
                        self.add_error(
                            "counsellors",
                            _(
                                "%(name)s is already booked for “%(event)s” from %(start)s to %(end)s."
                            )
                            % {
                                "name": person.name,
                                "event": clash.title,
                                "start": timezone.localtime(clash.start).strftime("%Y-%m-%d %H:%M"),
                                "end": timezone.localtime(clash.end).strftime("%H:%M"),
                            },
                        )
        return cleaned


class AttendanceForm(StationScopedForm):
    confirm_over_enrolment = forms.BooleanField(
        label=gettext_lazy("The count is right even though it exceeds the school's enrolment"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.fields.get("event")
        if event is not None:
            # Every event of the station: one that has not started, or was cancelled, is
            # refused by the model's own rule, which says why (not "select a valid choice").
            events = event.queryset
            if self.reachable is not ALL_STATIONS:
                events = events.filter(station__in=self.reachable)
            event.queryset = events.select_related("school").order_by("-start")

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        instance = self.instance
        instance.event = cleaned.get("event")
        instance.group = cleaned.get("group")
        instance.count = cleaned.get("count")
        if instance.event is None:
            return cleaned
        over = instance.students_over_enrolment()
        if over and not cleaned.get("confirm_over_enrolment"):
            total, enrolment = over
            self.add_error(
                "count",
                _(
                    "%(school)s has %(enrolment)s students, but this would count %(total)s students at "
                    "the event. Check the number, or tick the confirmation below if it is right."
                )
                % {"school": instance.event.school.name, "enrolment": enrolment, "total": total},
            )
        return cleaned


class StockMovementForm(StationScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.fields.get("event")
        if event is not None and self.reachable is not ALL_STATIONS:
            event.queryset = event.queryset.filter(station__in=self.reachable)
        material = self.fields.get("material")
        if material is not None:
            material.queryset = material.queryset.filter(active=True)
