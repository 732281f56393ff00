import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from jindu.choices import SchoolLevel
from jindu.models.mixins import IntroPage
from jindu.search import segmented
from jindu.serving.headers import LiveFiguresMixin
from jindu.text import PlainTextFieldsMixin

RENEWAL_WINDOW_DAYS = 30
MAX_ENROLMENT = 20000
MAX_SESSIONS_PER_TERM = 60


def default_locale_only():
    """Choices of translatable records in staff forms: the default-language rows only, so
    that every record points at the same station or district whatever the admin language."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


def localized(originals, locale_id):
    """{original pk: the row shown in ``locale_id``}: each default-language district or
    station in the page's language where it has been translated, else the original. One
    query, whatever the number of rows."""
    originals = list(originals)
    if not originals:
        return {}
    if all(original.locale_id == locale_id for original in originals):
        return {o.pk: o for o in originals}  # already in that language: nothing to read
    model = type(originals[0])
    translations = {
        row.translation_key: row
        for row in model.objects.filter(
            locale_id=locale_id, translation_key__in=[o.translation_key for o in originals]
        )
    }
    return {o.pk: translations.get(o.translation_key, o) for o in originals}


class District(PlainTextFieldsMixin, TranslatableMixin, models.Model):
    """A district of the city (区/县). Editable, not hard-coded; its name is translated."""

    plain_text_fields = ("name",)

    name = models.CharField(_("name"), max_length=50)
    code = models.SlugField(_("code"), max_length=50, help_text=_("Short Latin name, e.g. pudong."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("code"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "locale"], name="unique_district_code_per_locale"
            )
        ]

    def __str__(self):
        return self.name


class Station(PlainTextFieldsMixin, TranslatableMixin, index.Indexed, models.Model):
    """A work station (工作站 / 社工站). Public stations appear on the station directory;
    everything outreach staff record belongs to one station."""

    plain_text_fields = ("name", "address")

    name = models.CharField(_("name"), max_length=100)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="stations",
    )
    address = models.CharField(_("address"), max_length=255)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    is_public = models.BooleanField(_("show on the public directory"), default=True)
    letters_collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection of signed letters"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only this station's staff and the administrators may open it."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("district"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("postcode")]),
        FieldPanel("is_public"),
    ]
    override_translatable_fields = [
        SynchronizedField("phone"),
        SynchronizedField("fax"),
        SynchronizedField("postcode"),
        SynchronizedField("is_public"),
    ]
    search_fields = segmented(
        [
            index.SearchField("name", boost=2),
            index.SearchField("address"),
            index.AutocompleteField("name"),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["district__sort_order", "name"]
        verbose_name = _("work station")
        verbose_name_plural = _("work stations")

    def __str__(self):
        return self.name


class StationMembership(models.Model):
    """Which station a staff member or station manager works for. Their role (staff or
    manager) is their group; their reach is this station (see schools.scoping)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="station_membership",
    )
    station = models.ForeignKey(
        Station,
        verbose_name=_("work station"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    panels = [FieldPanel("user"), FieldPanel("station")]

    class Meta:
        verbose_name = _("station membership")
        verbose_name_plural = _("station memberships")

    def __str__(self):
        return f"{self.user} — {self.station}"


class CounsellorRole(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("Social worker")
    PEER = "peer", _("Peer counsellor")
    VOLUNTEER = "volunteer", _("Volunteer")


class Counsellor(PlainTextFieldsMixin, index.Indexed, models.Model):
    """A person who delivers sessions. Phone and email are private: admin only."""

    plain_text_fields = ("name",)

    name = models.CharField(_("name"), max_length=50)
    role = models.CharField(_("role"), max_length=20, choices=CounsellorRole.choices)
    station = models.ForeignKey(
        Station,
        verbose_name=_("work station"),
        on_delete=models.PROTECT,
        related_name="counsellors",
    )
    qualifications = models.TextField(
        _("qualifications"), blank=True, help_text=_("e.g. assistant social worker, 2015.")
    )
    phone = models.CharField(_("phone (private)"), max_length=40, blank=True)
    email = models.EmailField(_("email (private)"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("admin user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="counsellor",
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("station")]),
        FieldPanel("qualifications"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email")], heading=_("Private contact details")
        ),
        FieldPanel("user"),
        FieldPanel("active"),
    ]
    search_fields = segmented(
        [
            index.SearchField("name", boost=2),
            index.AutocompleteField("name"),
            index.FilterField("station"),
        ]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("counsellor")
        verbose_name_plural = _("counsellors")
        indexes = [models.Index(fields=["station", "active"])]

    def __str__(self):
        return f"{self.name}（{self.get_role_display()}）"


class School(PlainTextFieldsMixin, index.Indexed, models.Model):
    """A school. Its contact person and phone are private: admin only."""

    plain_text_fields = ("name", "address", "contact_person")

    name = models.CharField(_("name"), max_length=100)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="schools",
    )
    level = models.CharField(_("level"), max_length=20, choices=SchoolLevel.choices)
    enrolment = models.PositiveIntegerField(
        _("enrolment"),
        default=0,
        validators=[
            MaxValueValidator(
                MAX_ENROLMENT,
                _("Enrolment cannot exceed %(limit_value)s students."),
            )
        ],
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    contact_person = models.CharField(_("contact person (private)"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone (private)"), max_length=40, blank=True)
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("district"), FieldPanel("level"), FieldPanel("enrolment")]),
        FieldPanel("address"),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_phone")],
            heading=_("Private contact details"),
        ),
        FieldPanel("active"),
    ]
    search_fields = segmented(
        [
            index.SearchField("name", boost=2),
            index.SearchField("address"),
            index.AutocompleteField("name"),
            index.FilterField("district"),
            index.FilterField("level"),
        ]
    )

    class Meta:
        ordering = ["district__sort_order", "name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.UniqueConstraint(fields=["name", "district"], name="unique_school_per_district")
        ]
        indexes = [models.Index(fields=["district", "level", "active"])]

    def __str__(self):
        return self.name


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


class StationDirectoryPage(LiveFiguresMixin, IntroPage):
    """The public list of work stations by district, with address and public phone, and
    the 24-hour hotline. It shows stations and nothing about the people who work there."""

    parent_page_types = ["jindu.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("station directory")
        verbose_name_plural = _("station directories")

    def stations_by_district(self):
        """Public stations in this page's language (falling back to the original where a
        station has not been translated), grouped by district."""
        originals = list(
            Station.objects.filter(locale__language_code=settings.LANGUAGE_CODE, is_public=True)
            .select_related("district")
            .order_by("district__sort_order", "name")
        )
        shown_stations = localized(originals, self.locale_id)
        shown_districts = localized({s.district for s in originals}, self.locale_id)
        groups = []
        for station in originals:
            shown = shown_stations[station.pk]
            district = shown_districts[station.district_id]
            if not groups or groups[-1][0] != district:
                groups.append((district, []))
            groups[-1][1].append(shown)
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.stations_by_district()
        return context
