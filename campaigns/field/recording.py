"""Record this event (记录活动): one screen, one save, after a talk — the headcounts of each
audience group, the materials handed out (several lines), and the event closed as held, so
its figures count at once. Reached from the event, the calendar and the dashboards; made
for a phone as much as a desk."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import log

from campaigns.models import (
    MAX_HEADCOUNT,
    Attendance,
    Event,
    EventStatus,
    Material,
    MovementKind,
    StockBalance,
    StockMovement,
)
from jindu.pages.choices import STUDENT_GROUPS, AudienceGroup
from schools.scoping import may_reach

MATERIAL_LINES = 3


class HeadcountsForm(forms.Form):
    """A number for each audience group; an empty box means nobody of that group."""

    held = forms.BooleanField(
        label=gettext_lazy("The event took place: mark it as held"),
        required=False,
        initial=True,
    )
    confirm_over_enrolment = forms.BooleanField(
        label=gettext_lazy("The count is right even though it exceeds the school's enrolment"),
        required=False,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        existing = dict(event.attendance.values_list("group", "count"))
        for group in AudienceGroup:
            self.fields[group.value] = forms.IntegerField(
                label=group.label,
                min_value=0,
                max_value=MAX_HEADCOUNT,
                required=False,
                initial=existing.get(group.value),
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "jindu-count"}),
            )
        # Most groups are never used at one event: the likely ones first.
        self.order_fields([*likely_groups(event), *AudienceGroup.values, "held"])

    def counts(self):
        return {group: self.cleaned_data.get(group) or 0 for group in AudienceGroup.values}

    def clean(self):
        cleaned = super().clean()
        school = self.event.school
        if school is not None and school.enrolment and not cleaned.get("confirm_over_enrolment"):
            students = sum(cleaned.get(group) or 0 for group in STUDENT_GROUPS)
            if students > school.enrolment:
                raise ValidationError(
                    _(
                        "%(school)s has %(enrolment)s students, but this would count %(total)s "
                        "students at the event. Check the numbers, or tick the confirmation below "
                        "if they are right."
                    )
                    % {"school": school.name, "enrolment": school.enrolment, "total": students}
                )
        return cleaned


def likely_groups(event):
    """The audience groups staff most often count at this kind of event."""
    if event.school_id:
        return [event.school.level, AudienceGroup.TEACHERS]
    return {
        "community": [AudienceGroup.RESIDENTS, AudienceGroup.PARENTS],
        "family": [AudienceGroup.PARENTS],
        "enterprise": [AudienceGroup.EMPLOYEES],
        "construction": [AudienceGroup.EMPLOYEES],
    }.get(event.venue_type, [AudienceGroup.RESIDENTS])


class MaterialChoiceField(forms.ModelChoiceField):
    """Each material with what the station has in stock, so nobody types more than there is."""

    def __init__(self, *args, stock=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stock = stock or {}

    def label_from_instance(self, material):
        return _("%(name)s (%(stock)s %(unit)s in stock)") % {
            "name": material.name,
            "stock": self.stock.get(material.pk, 0),
            "unit": material.unit,
        }


class HandoutForm(forms.Form):
    material = MaterialChoiceField(
        label=gettext_lazy("Material"), queryset=Material.objects.none(), required=False
    )
    quantity = forms.IntegerField(
        label=gettext_lazy("Quantity"),
        min_value=1,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "jindu-count"}),
    )

    def __init__(self, *args, stock=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["material"]
        field.queryset = Material.objects.filter(active=True).order_by("name")
        field.stock = stock or {}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("material") and not cleaned.get("quantity"):
            self.add_error("quantity", _("Enter how many were handed out."))
        if cleaned.get("quantity") and not cleaned.get("material"):
            self.add_error("material", _("Choose the material."))
        return cleaned


HandoutFormSet = forms.formset_factory(HandoutForm, extra=MATERIAL_LINES)


def record_url(event):
    return reverse("campaigns_record_event", args=[event.pk])


def record_event(request, pk):
    event = get_object_or_404(
        Event.objects.select_related("school", "station", "district", "campaign"), pk=pk
    )
    if not may_reach(request.user, event):
        raise Http404
    if not request.user.has_perm("campaigns.add_attendance"):
        raise PermissionDenied
    refusal = refusal_for(event)
    data = request.POST if request.method == "POST" and not refusal else None
    form = HeadcountsForm(data, event=event)
    stock = {
        balance.material_id: balance.in_stock
        for balance in StockBalance.objects.filter(station=event.station)
    }
    recorded = StockMovement.handed_out_at(event)
    # The screen opens with what was recorded: saving it again changes nothing, and
    # changing a quantity corrects the record instead of handing out more. Posted lines
    # are the new totals as they stand (no initial then: a line equal to its initial value
    # would count as untouched and be dropped).
    initial = [{"material": material, "quantity": n} for material, n in recorded.items()]
    handouts = HandoutFormSet(
        data,
        prefix="handout",
        initial=None if data is not None else initial,
        form_kwargs={"stock": stock},
    )
    if data is not None and form.is_valid() and handouts.is_valid():
        try:
            summary = save_record(event, form, handouts, recorded, request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, summary)
            return redirect(admin_path_or(request.GET.get("next"), "campaigns_station_dashboard"))
    return TemplateResponse(
        request,
        "campaigns/admin/record_event.html",
        {
            "page_title": _("Record this event"),
            "header_icon": "group",
            "event": event,
            "refusal": refusal,
            "form": form,
            "handouts": handouts,
            "edit_url": reverse("wagtailsnippets_campaigns_event:edit", args=[event.pk]),
            "feedback_url": reverse("campaigns_event_feedback", args=[event.pk]),
        },
    )


def admin_path_or(next_url, fallback):
    """Where to go after saving: ``next`` only when it is a path of our own admin (a link
    someone sent could otherwise carry staff off to another site), else ``fallback``."""
    if (
        next_url
        and next_url.startswith(reverse("wagtailadmin_home"))
        and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None)
    ):
        return next_url
    return reverse(fallback)


def refusal_for(event):
    if event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        return _("A cancelled or postponed event has no attendance.")
    if event.status == EventStatus.REQUESTED:
        return _("Confirm the requested event before recording its attendance.")
    if not event.has_started:
        return _("Attendance can be recorded once the event has started.")
    return None


def save_record(event, form, handouts, recorded, user):
    """Everything in one transaction: a material out of stock saves nothing. ``recorded`` is
    what the event's record holds as this save begins; each material's new total is
    compared with it and only the difference reaches the ledger."""
    counts = form.counts()
    totals = {}
    for row in handouts.cleaned_data:
        if row and row.get("material") and row.get("quantity"):
            totals[row["material"]] = totals.get(row["material"], 0) + row["quantity"]
    changes = []
    with transaction.atomic():
        existing = {row.group: row for row in event.attendance.all()}
        for group, count in counts.items():
            row = existing.get(group)
            if not count:
                if row is not None:
                    row.delete()
            elif row is None:
                Attendance(event=event, group=group, count=count, recorded_by=user).save()
            elif row.count != count:
                row.count, row.recorded_by = count, user
                row.save()
        for material in sorted({*recorded, *totals}, key=lambda material: material.name):
            before, after = recorded.get(material, 0), totals.get(material, 0)
            if before == after:
                continue
            correction = before > 0
            StockMovement(
                material=material,
                station=event.station,
                # Fewer than recorded: the difference goes back to stock as an adjustment
                # that names the event, so the ledger keeps both lines.
                kind=MovementKind.DISTRIBUTION if after > before else MovementKind.ADJUSTMENT,
                quantity=abs(after - before),
                event=event,
                note=_("Correction of the record: %(before)s → %(after)s")
                % {
                    "before": before,
                    "after": after,
                }
                if correction
                else "",
            ).record(user=user)
            changes.append((material, before, after))
        event.refresh_from_db()
        if form.cleaned_data.get("held") and event.status != EventStatus.COMPLETED:
            event.status = EventStatus.COMPLETED
            event.save(update_fields=["status", "updated_at"])
        record = {
            "people": sum(counts.values()),
            "items": sum(totals.values()),
            "held": event.status == EventStatus.COMPLETED,
            "corrections": [
                [material.name, before, after, material.unit]
                for material, before, after in changes
                if before
            ],
        }
        # In the event's history, with who and when, and what changed in the stock.
        log(instance=event, action="campaigns.record", user=user, data=record)
    return _("Recorded for “%(event)s”: %(record)s") % {
        "event": event.title,
        "record": describe(record),
    }


def describe(record):
    """A record's figures in the reader's language, for the message after saving and the
    event's history."""
    text = _("%(people)s person-times, %(items)s materials.") % record
    text += " " + (
        _("The event is marked as held, so it counts in the figures.")
        if record["held"]
        else _("The event is not marked as held: its figures do not count yet.")
    )
    corrections = [
        _("%(material)s corrected from %(before)s to %(after)s %(unit)s")
        % {"material": name, "before": before, "after": after, "unit": unit}
        for name, before, after, unit in record["corrections"]
    ]
    if corrections:
        text += " " + _("Stock adjusted: %(corrections)s.") % {
            "corrections": _(", ").join(corrections)
        }
    return text


def awaiting_record(events, now=None):
    """Events that have ended but are not recorded as held: the work missing from the
    figures."""
    now = now or timezone.now()
    return events.filter(status__in=Event.AWAITING_RECORD, end__lte=now).order_by("-end")
