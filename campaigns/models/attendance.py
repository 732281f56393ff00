"""Headcounts of one event by audience group: counts only, never names of minors."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from jindu.pages.choices import STUDENT_GROUPS, AudienceGroup

from .choices import EventStatus
from .events import MAX_HEADCOUNT, Event


class Attendance(models.Model):
    """A headcount of one audience group at one event (受众人次). Counts only: never the
    names of the people, many of them minors."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attendance"
    )
    group = models.CharField(_("audience group"), max_length=20, choices=AudienceGroup.choices)
    count = models.PositiveIntegerField(
        _("headcount"),
        validators=[
            MaxValueValidator(
                MAX_HEADCOUNT, _("A headcount above %(limit_value)s is not plausible.")
            )
        ],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    panels = [
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("group"), FieldPanel("count")]),
        # A field of AttendanceForm, not of the model: without a panel Wagtail would render
        # it as a bare checkbox with no label below the form.
        FieldPanel("confirm_over_enrolment"),
    ]

    class Meta:
        ordering = ["event", "group"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["event", "group"], name="one_headcount_per_group")
        ]

    def __str__(self):
        return f"{self.event.title} · {self.get_group_display()} · {self.count}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.event.mark_held_if_over()

    def clean(self):
        if self.event_id and not self.event.has_started:
            raise ValidationError(
                {"event": _("Attendance can be recorded once the event has started.")}
            )
        if self.event_id and self.event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
            raise ValidationError({"event": _("A cancelled or postponed event has no attendance.")})
        if self.event_id and self.event.status == EventStatus.REQUESTED:
            raise ValidationError(
                {"event": _("Confirm the requested event before recording its attendance.")}
            )
        if self.event_id and self.group:
            duplicate = Attendance.objects.filter(event_id=self.event_id, group=self.group).exclude(
                pk=self.pk
            )
            if duplicate.exists():
                raise ValidationError(
                    {
                        "group": _(
                            "This event already has a headcount for this group; edit that one."
                        )
                    }
                )

    def students_over_enrolment(self):
        """(students counted at the event with this record, enrolment) when a school event
        would count more students than the school has; else None."""
        if self.group not in STUDENT_GROUPS or not self.event.school_id:
            return None
        others = (
            Attendance.objects.filter(event_id=self.event_id, group__in=STUDENT_GROUPS)
            .exclude(pk=self.pk)
            .aggregate(total=Sum("count"))["total"]
            or 0
        )
        total = others + (self.count or 0)
        enrolment = self.event.school.enrolment
        return (total, enrolment) if enrolment and total > enrolment else None
