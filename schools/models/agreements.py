"""Counsellor agreements: a counsellor serving a school for a station, for a term."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .counsellors import Counsellor
from .schools import School
from .stations import Station

RENEWAL_WINDOW_DAYS = 30
MAX_SESSIONS_PER_TERM = 60


class AgreementRole(models.TextChoices):
    OFF_CAMPUS = "off_campus", _("Off-campus counsellor")
    ANTI_DRUG = "anti_drug", _("Anti-drug counsellor")
    PUBLICITY = "publicity", _("Publicity officer")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    RENEWAL_DUE = "renewal_due", _("Renewal due")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class AgreementQuerySet(models.QuerySet):
    def with_status(self, today=None):
        """Annotate ``status``, computed in the database from dates and actions, so that
        listings can filter and count by it."""
        today = today or timezone.localdate()
        renewal_from = today + datetime.timedelta(days=RENEWAL_WINDOW_DAYS)
        return self.annotate(
            status=Case(
                When(terminated_on__isnull=False, then=Value(AgreementStatus.TERMINATED)),
                When(signed_on__isnull=True, then=Value(AgreementStatus.DRAFT)),
                When(end_date__lt=today, then=Value(AgreementStatus.EXPIRED)),
                When(
                    Q(end_date__lte=renewal_from) & Q(renewal__isnull=True),
                    then=Value(AgreementStatus.RENEWAL_DUE),
                ),
                default=Value(AgreementStatus.ACTIVE),
                output_field=models.CharField(),
            )
        )

    def in_force(self, today=None):
        """Signed, not terminated, and covering ``today``."""
        today = today or timezone.localdate()
        return self.filter(
            signed_on__isnull=False,
            terminated_on__isnull=True,
            start_date__lte=today,
            end_date__gte=today,
        )


class CounsellorAgreement(models.Model):
    """The agreement under which a counsellor serves a school (校外辅导员聘书). Its status
    is derived, never typed: draft until signed; active; renewal due in the last
    30 days unless renewed; expired after its end date; or terminated."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.PROTECT, related_name="agreements"
    )
    counsellor = models.ForeignKey(
        Counsellor,
        verbose_name=_("counsellor"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    station = models.ForeignKey(
        Station,
        verbose_name=_("work station"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    role = models.CharField(_("role"), max_length=20, choices=AgreementRole.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    sessions_per_term = models.PositiveSmallIntegerField(
        _("sessions committed per term"),
        default=2,
        validators=[
            MaxValueValidator(MAX_SESSIONS_PER_TERM, _("At most %(limit_value)s sessions a term."))
        ],
    )
    signed_on = models.DateField(
        _("signed on"), null=True, blank=True, help_text=_("Empty while the agreement is a draft.")
    )
    signed_letter = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed letter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Scan of the signed appointment letter. Kept in a private collection."),
    )
    notes = models.TextField(_("notes"), blank=True)
    renewal_of = models.OneToOneField(
        "self",
        verbose_name=_("renewal of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewal",
    )
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for termination"), blank=True)
    renewal_reminder_sent_at = models.DateTimeField(
        _("renewal reminder sent at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    panels = [
        FieldPanel("school"),
        FieldRowPanel([FieldPanel("counsellor"), FieldPanel("station"), FieldPanel("role")]),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("sessions_per_term")]
        ),
        FieldRowPanel([FieldPanel("signed_on"), FieldPanel("signed_letter")]),
        FieldPanel("notes"),
        MultiFieldPanel(
            [FieldPanel("terminated_on"), FieldPanel("termination_reason")],
            heading=_("Termination"),
            classname="collapsed",
        ),
    ]

    class Meta:
        ordering = ["-start_date", "school__name"]
        verbose_name = _("counsellor agreement")
        verbose_name_plural = _("counsellor agreements")
        permissions = [
            ("export_counselloragreement", "Can export agreements"),
            ("renew_counselloragreement", "Can renew agreements"),
        ]
        indexes = [
            models.Index(fields=["station", "end_date"]),
            models.Index(fields=["school", "counsellor", "role"]),
            models.Index(fields=["end_date", "signed_on", "terminated_on"]),
        ]

    def __str__(self):
        return f"{self.school} · {self.counsellor.name} · {self.get_role_display()}"

    def get_status(self, today=None):
        today = today or timezone.localdate()
        if self.terminated_on:
            return AgreementStatus.TERMINATED
        if not self.signed_on:
            return AgreementStatus.DRAFT
        if self.end_date < today:
            return AgreementStatus.EXPIRED
        renewed = (
            self.pk is not None and CounsellorAgreement.objects.filter(renewal_of=self).exists()
        )
        if self.end_date <= today + datetime.timedelta(days=RENEWAL_WINDOW_DAYS) and not renewed:
            return AgreementStatus.RENEWAL_DUE
        return AgreementStatus.ACTIVE

    def _status_label(self):
        status = getattr(self, "status", None) or self.get_status()
        return AgreementStatus(status).label

    # What listings and the inspect view call the column.
    _status_label.short_description = _("status")
    status_label = property(_status_label)

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            errors["end_date"] = _("The agreement must end after it starts.")
        if bool(self.terminated_on) != bool(self.termination_reason.strip()):
            if not self.terminated_on:
                errors["terminated_on"] = _("Give the date the agreement was terminated.")
            else:
                errors["termination_reason"] = _("Give the reason the agreement was terminated.")
        if self.terminated_on and self.start_date and self.terminated_on < self.start_date:
            errors["terminated_on"] = _("An agreement cannot end before it starts.")
        if self.pk is None:
            if self.counsellor_id and not self.counsellor.active:
                errors["counsellor"] = _(
                    "%(name)s is no longer active and cannot take on a new agreement."
                ) % {"name": self.counsellor.name}
            if self.school_id and not self.school.active:
                errors["school"] = _(
                    "%(name)s is no longer active and cannot get a new agreement."
                ) % {"name": self.school.name}
        else:
            errors.update(self._locked_date_errors())
        if not errors:
            overlap = self._overlapping()
            if overlap is not None:
                errors["start_date"] = _(
                    "%(counsellor)s already serves %(school)s as %(role)s from %(start)s to "
                    "%(end)s; agreements for the same role cannot overlap."
                ) % {
                    "counsellor": overlap.counsellor.name,
                    "school": overlap.school.name,
                    "role": overlap.get_role_display(),
                    "start": overlap.start_date,
                    "end": overlap.end_date,
                }
        if errors:
            raise ValidationError(errors)

    def _locked_date_errors(self):
        """A terminated or expired agreement is a record of the past: its dates stay."""
        saved = CounsellorAgreement.objects.filter(pk=self.pk).first()
        if saved is None:
            return {}
        status = saved.get_status()
        if status not in (AgreementStatus.TERMINATED, AgreementStatus.EXPIRED):
            return {}
        errors = {}
        message = _("The dates of a terminated or expired agreement cannot be changed.")
        for name in ("start_date", "end_date"):
            if getattr(saved, name) != getattr(self, name):
                errors[name] = message
        if status == AgreementStatus.TERMINATED and saved.terminated_on != self.terminated_on:
            errors["terminated_on"] = message
        return errors

    def _overlapping(self):
        if not (
            self.school_id
            and self.counsellor_id
            and self.role
            and self.start_date
            and self.end_date
        ):
            return None
        others = CounsellorAgreement.objects.filter(
            school_id=self.school_id,
            counsellor_id=self.counsellor_id,
            role=self.role,
            terminated_on__isnull=True,
            start_date__lte=self.end_date,
            end_date__gte=self.start_date,
        ).select_related("school", "counsellor")
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.first()

    def renewal_dates(self):
        """The next term: from the day after this one ends, for the same length."""
        length = self.end_date - self.start_date
        start = self.end_date + datetime.timedelta(days=1)
        return start, start + length

    def renew(self):
        """Create the next agreement, a draft linked to this one. Refused for terminated
        agreements and for agreements already renewed."""
        if self.terminated_on:
            raise ValidationError(_("A terminated agreement cannot be renewed."))
        if CounsellorAgreement.objects.filter(renewal_of=self).exists():
            raise ValidationError(_("This agreement has already been renewed."))
        start, end = self.renewal_dates()
        renewal = CounsellorAgreement(
            school=self.school,
            counsellor=self.counsellor,
            station=self.station,
            role=self.role,
            start_date=start,
            end_date=end,
            sessions_per_term=self.sessions_per_term,
            renewal_of=self,
        )
        renewal.full_clean()
        renewal.save()
        return renewal

    def history(self):
        """This agreement's renewal chain, earliest first."""
        chain = [self]
        previous = self.renewal_of
        while previous is not None and len(chain) < 50:
            chain.insert(0, previous)
            previous = previous.renewal_of
        following = CounsellorAgreement.objects.filter(renewal_of=chain[-1]).first()
        while following is not None and len(chain) < 50:
            chain.append(following)
            following = CounsellorAgreement.objects.filter(renewal_of=following).first()
        return chain
