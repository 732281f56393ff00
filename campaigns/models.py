import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from jindu.search import segmented

MAX_HEADCOUNT = 100000
MAX_SESSIONS = 50


class CampaignKind(models.TextChoices):
    JUNE_26 = "june26", _("June 26 campaign")
    MONTHLY = "monthly", _("Monthly theme")
    PROJECT = "project", _("Project")


class Campaign(models.Model):
    """A named push (宣传活动): the June 26 campaign month, a monthly theme (月主题) or a
    project, with its goals. Events belong to campaigns; a campaign may sit in another
    (the June 26 day within the June campaign month)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=CampaignKind.choices)
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    goal_events = models.PositiveIntegerField(_("goal: events"), default=0)
    goal_audience = models.PositiveIntegerField(_("goal: audience person-times"), default=0)
    goal_materials = models.PositiveIntegerField(_("goal: materials distributed"), default=0)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        FieldPanel("theme"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("goal_events"),
                        FieldPanel("goal_audience"),
                        FieldPanel("goal_materials"),
                    ]
                )
            ],
            heading=_("Goals"),
        ),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign must end on or after its start.")})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A campaign cannot be part of itself.")})

    @classmethod
    def most_relevant(cls, today):
        """The campaign staff most likely mean today: a running one, else the one that
        started last; a whole campaign rather than a part of it (the June 26 month, not the
        day inside it). One entered ahead for next year does not take over before it starts."""
        started = cls.objects.filter(start_date__lte=today).order_by("-start_date")
        running = started.filter(end_date__gte=today)
        for candidates in (running.filter(parent=None), running, started.filter(parent=None)):
            campaign = candidates.first()
            if campaign is not None:
                return campaign
        return started.first() or cls.objects.order_by("start_date").first()

    def with_descendants(self):
        """This campaign and every campaign within it (two levels are all agencies use)."""
        ids = {self.pk}
        frontier = {self.pk}
        while frontier:
            frontier = (
                set(Campaign.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
                - ids
            )
            ids |= frontier
        return ids


class VenueType(models.TextChoices):
    COMMUNITY = "community", _("Community")
    FAMILY = "family", _("Family")
    SCHOOL = "school", _("School")
    ENTERTAINMENT = "entertainment", _("Entertainment venue")
    CONSTRUCTION = "construction", _("Construction site")
    ENTERPRISE = "enterprise", _("Enterprise or institution")
    PUBLIC_PLACE = "public_place", _("Public place")
    REHABILITATION = "rehabilitation", _("Rehabilitation centre")
    METHADONE = "methadone", _("Methadone clinic")
    ONLINE = "online", _("Online")


class EventFormat(models.TextChoices):
    TALK = "talk", _("Talk")
    EXHIBITION = "exhibition", _("Exhibition")
    BOOTH = "booth", _("Booth")
    GROUP = "group", _("Group session")
    TRAINING = "training", _("Training")
    CONTEST = "contest", _("Contest")
    EXPERIENCE = "experience", _("Experience / VR")
    CARAVAN = "caravan", _("Caravan")


class EventStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    PLANNED = "planned", _("Planned")
    CONFIRMED = "confirmed", _("Confirmed")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


# Events in these states hold their counsellors' time.
BOOKING_STATUSES = [
    EventStatus.REQUESTED,
    EventStatus.PLANNED,
    EventStatus.CONFIRMED,
    EventStatus.COMPLETED,
]


class EventQuerySet(models.QuerySet):
    def public_upcoming(self, now=None):
        now = now or timezone.now()
        return self.filter(
            is_public=True,
            end__gte=now,
            status__in=[EventStatus.PLANNED, EventStatus.CONFIRMED],
        )

    def overlapping(self, start, end):
        return self.filter(start__lt=end, end__gt=start, status__in=BOOKING_STATUSES)

    def starting_between(self, first_day=None, last_day=None):
        """Events starting on local days ``first_day`` to ``last_day`` (either may be None).
        Compared as instants, not with start__date, so that the database uses its index on
        start instead of converting every row's time."""
        tz = timezone.get_current_timezone()
        events = self
        if first_day is not None:
            events = events.filter(
                start__gte=datetime.datetime.combine(first_day, datetime.time.min, tzinfo=tz)
            )
        if last_day is not None:
            after = last_day + datetime.timedelta(days=1)
            events = events.filter(
                start__lt=datetime.datetime.combine(after, datetime.time.min, tzinfo=tz)
            )
        return events


class Event(index.Indexed, ClusterableModel):
    """One outreach event (活动). Public events appear on the events page and in the public
    calendar feed with their title, time, place and description only."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    venue_type = models.CharField(_("venue type"), max_length=20, choices=VenueType.choices)
    format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    school = models.ForeignKey(
        "schools.School",
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("For events outside schools.")
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    district = models.ForeignKey(
        "schools.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    station = models.ForeignKey(
        "schools.Station",
        verbose_name=_("work station"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    counsellors = ParentalManyToManyField(
        "schools.Counsellor", verbose_name=_("counsellors"), blank=True, related_name="events"
    )
    partners = models.CharField(_("partners"), max_length=255, blank=True)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Show on the public events page and calendar.")
    )
    session_number = models.PositiveSmallIntegerField(
        _("session"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSIONS)]
    )
    session_count = models.PositiveSmallIntegerField(
        _("of sessions"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSIONS)],
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("venue_type"), FieldPanel("format"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("station"), FieldPanel("district")]),
        FieldPanel("school"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("address")]),
        FieldPanel("counsellors"),
        FieldRowPanel([FieldPanel("campaign"), FieldPanel("partners")]),
        FieldRowPanel([FieldPanel("session_number"), FieldPanel("session_count")]),
        FieldPanel("description"),
        FieldPanel("is_public"),
        FieldPanel("decline_reason"),
    ]
    search_fields = segmented(
        [
            index.SearchField("title", boost=2),
            index.SearchField("description"),
            index.SearchField("organisation"),
            index.AutocompleteField("title"),
            index.FilterField("station"),
            index.FilterField("status"),
            index.FilterField("start"),
        ]
    )

    class Meta:
        ordering = ["-start"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["station", "start"]),
            models.Index(fields=["status", "start"]),
            models.Index(fields=["campaign", "status"]),
            models.Index(fields=["district", "start"]),
            models.Index(fields=["venue_type", "start"]),
            models.Index(fields=["is_public", "status", "end"]),
            models.Index(fields=["school", "status"]),
            models.Index(fields=["start"]),
        ]

    def __str__(self):
        return f"{self.title}（{timezone.localtime(self.start):%Y-%m-%d}）"

    # What a change must be compared with: a public event made internal, or a completed
    # one reopened, still changes the pages that showed it (campaigns.changes).
    TRACKED_FIELDS = ("is_public", "status", "campaign_id")

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.loaded_values = {
            name: value
            for name, value in zip(field_names, values, strict=True)
            if name in cls.TRACKED_FIELDS
        }
        return instance

    def _remember_saved_values(self):
        self.loaded_values = {name: getattr(self, name) for name in self.TRACKED_FIELDS}

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._remember_saved_values()

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_saved_values()

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.venue_type == VenueType.SCHOOL and not self.school_id:
            errors["school"] = _("Choose the school for a school event.")
        if self.session_number and self.session_count and self.session_number > self.session_count:
            errors["session_number"] = _("Session %(n)s of %(count)s does not exist.") % {
                "n": self.session_number,
                "count": self.session_count,
            }
        if self.status == EventStatus.COMPLETED and self.start and self.start > timezone.now():
            errors["status"] = _("An event that has not started yet cannot be completed.")
        if (
            self.status == EventStatus.CANCELLED
            and self.pk
            and TalkRequest.objects.filter(event_id=self.pk).exists()
            and not self.decline_reason.strip()
        ):
            errors["decline_reason"] = _("Give the reason for declining the school's request.")
        if errors:
            raise ValidationError(errors)

    def double_bookings(self, counsellors):
        """Other events that already hold any of ``counsellors`` at this time."""
        if not (self.start and self.end) or self.status not in BOOKING_STATUSES:
            return Event.objects.none()
        clashes = Event.objects.overlapping(self.start, self.end).filter(
            counsellors__in=counsellors
        )
        if self.pk:
            clashes = clashes.exclude(pk=self.pk)
        return clashes.distinct().prefetch_related("counsellors")

    # Labels for spreadsheet exports, where a missing school or campaign is an empty cell.
    @property
    def school_name(self):
        return self.school.name if self.school_id else ""

    @property
    def campaign_name(self):
        return self.campaign.name if self.campaign_id else ""

    @property
    def has_started(self):
        return self.start <= timezone.now()

    @property
    def total_attendance(self):
        return sum(a.count for a in self.attendance.all())


class AudienceGroup(models.TextChoices):
    PRIMARY = "primary", _("Primary school students")
    JUNIOR = "junior", _("Junior secondary students")
    SENIOR = "senior", _("Senior secondary students")
    VOCATIONAL = "vocational", _("Vocational students")
    UNIVERSITY = "university", _("University students")
    TEACHERS = "teachers", _("Teachers")
    PARENTS = "parents", _("Parents")
    RESIDENTS = "residents", _("Community residents")
    EMPLOYEES = "employees", _("Employees")
    OTHERS = "others", _("Others")


STUDENT_GROUPS = [
    AudienceGroup.PRIMARY,
    AudienceGroup.JUNIOR,
    AudienceGroup.SENIOR,
    AudienceGroup.VOCATIONAL,
    AudienceGroup.UNIVERSITY,
]


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
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    recorded_at = models.DateTimeField(auto_now=True)

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

    def clean(self):
        if self.event_id and not self.event.has_started:
            raise ValidationError(
                {"event": _("Attendance can be recorded once the event has started.")}
            )
        if self.event_id and self.event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
            raise ValidationError({"event": _("A cancelled or postponed event has no attendance.")})
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


class MaterialKind(models.TextChoices):
    LEAFLET = "leaflet", _("Leaflet")
    POSTER = "poster", _("Poster")
    BOOKLET = "booklet", _("Booklet")
    HANDBOOK = "handbook", _("Handbook")
    GIVEAWAY = "giveaway", _("Giveaway")


class Material(models.Model):
    """A kind of publicity material in the catalogue (宣传资料)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=MaterialKind.choices)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[("zh-hans", _("Chinese")), ("en", _("English"))],
        default="zh-hans",
    )
    unit = models.CharField(
        _("unit"), max_length=20, default="份", help_text=_("e.g. 份, 张, 本, 个")
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language"), FieldPanel("unit")]),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.name


class MovementKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt")
    DISTRIBUTION = "distribution", _("Distribution to an event")
    ADJUSTMENT = "adjustment", _("Adjustment")


class InsufficientStock(ValidationError):
    pass


class StockMovement(models.Model):
    """One line of a station's stock ledger (出入库). Stock is the sum of a station's
    movements of a material and never drops below zero: every movement is recorded through
    `record`, which locks the material while it checks."""

    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.PROTECT, related_name="movements"
    )
    station = models.ForeignKey(
        "schools.Station",
        verbose_name=_("work station"),
        on_delete=models.PROTECT,
        related_name="stock_movements",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MovementKind.choices)
    quantity = models.IntegerField(
        _("quantity"),
        help_text=_(
            "Received and distributed quantities are positive; an adjustment may be negative."
        ),
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stock_movements",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("material"), FieldPanel("station")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("quantity")]),
        FieldPanel("event"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        indexes = [
            models.Index(fields=["material", "station"]),
            models.Index(fields=["event", "kind"]),
            # The ledger is listed newest first.
            models.Index(fields=["-created_at", "-id"], name="stock_newest_first"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="adjustment") | Q(quantity__gt=0),
                name="receipts_and_distributions_are_positive",
            ),
            models.CheckConstraint(
                condition=~Q(kind="distribution") | Q(event__isnull=False),
                name="distribution_names_its_event",
            ),
        ]

    def __str__(self):
        return f"{self.material} · {self.get_kind_display()} · {self.quantity}"

    def save(self, *args, **kwargs):
        if self.pk is None:
            raise RuntimeError(
                "Record stock movements with StockMovement.record(), which checks the stock."
            )
        super().save(*args, **kwargs)

    @property
    def event_title(self):
        return self.event.title if self.event_id else ""

    @property
    def delta(self):
        return -self.quantity if self.kind == MovementKind.DISTRIBUTION else self.quantity

    def clean(self):
        errors = {}
        if (
            self.kind != MovementKind.ADJUSTMENT
            and self.quantity is not None
            and self.quantity <= 0
        ):
            errors["quantity"] = _("Enter a positive quantity.")
        if self.kind == MovementKind.ADJUSTMENT and self.quantity == 0:
            errors["quantity"] = _("An adjustment of zero changes nothing.")
        if self.kind == MovementKind.DISTRIBUTION and not self.event_id:
            errors["event"] = _("Choose the event the materials were handed out at.")
        if self.event_id and self.station_id and self.event.station_id != self.station_id:
            errors["event"] = _("The event belongs to another station.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def stock(cls, material, station):
        balance = StockBalance.objects.filter(material=material, station=station).first()
        return balance.in_stock if balance else 0

    def record(self, user=None):
        """Save this new movement if the stock allows it. Two staff recording at the same
        moment are serialised by locking the material's row, so neither can take the stock
        below zero. Raises InsufficientStock (a ValidationError) otherwise."""
        self.full_clean()
        with transaction.atomic():
            Material.objects.select_for_update().get(pk=self.material_id)
            available = StockMovement.stock(self.material_id, self.station_id)
            if available + self.delta < 0:
                raise InsufficientStock(
                    {
                        "quantity": _(
                            "Only %(available)s %(unit)s of %(material)s are in stock at this station."
                        )
                        % {
                            "available": available,
                            "unit": self.material.unit,
                            "material": self.material.name,
                        }
                    }
                )
            self.created_by = user if user and user.is_authenticated else None
            super().save(force_insert=True)
            StockBalance.add(self)
        return self


# The column of a balance each kind of movement adds to.
BALANCE_COLUMNS = {
    MovementKind.RECEIPT: "received",
    MovementKind.DISTRIBUTION: "distributed",
    MovementKind.ADJUSTMENT: "adjusted",
}


class StockBalance(models.Model):
    """A station's running totals of one material. The ledger is append-only and every line
    goes through StockMovement.record, which adds it here in the same transaction, so stock
    levels are read from one row instead of summing the whole ledger (which grows by
    thousands of lines a year)."""

    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.CASCADE, related_name="balances"
    )
    station = models.ForeignKey(
        "schools.Station",
        verbose_name=_("work station"),
        on_delete=models.CASCADE,
        related_name="stock_balances",
    )
    received = models.IntegerField(_("received"), default=0)
    distributed = models.IntegerField(_("distributed"), default=0)
    adjusted = models.IntegerField(_("adjusted"), default=0)

    class Meta:
        verbose_name = _("stock balance")
        verbose_name_plural = _("stock balances")
        constraints = [
            models.UniqueConstraint(
                fields=["material", "station"], name="one_balance_per_material_and_station"
            )
        ]

    def __str__(self):
        return f"{self.station} · {self.material} · {self.in_stock}"

    @property
    def in_stock(self):
        return self.received + self.adjusted - self.distributed

    @classmethod
    def add(cls, movement):
        column = BALANCE_COLUMNS[movement.kind]
        updated = cls.objects.filter(
            material_id=movement.material_id, station_id=movement.station_id
        ).update(**{column: F(column) + movement.quantity})
        if not updated:
            cls.objects.create(
                material_id=movement.material_id,
                station_id=movement.station_id,
                **{column: movement.quantity},
            )

    @classmethod
    def rebuild(cls):
        """Recompute every balance from the ledger: after lines were bulk-inserted without
        record() (generate_scale_data), or to check the running totals."""
        with transaction.atomic():
            cls.objects.all().delete()
            cls.objects.bulk_create(
                cls(material_id=row["material"], station_id=row["station"], **totals(row))
                for row in StockMovement.objects.values("material", "station").annotate(
                    **{
                        column: Sum("quantity", filter=Q(kind=kind), default=0)
                        for kind, column in BALANCE_COLUMNS.items()
                    }
                )
            )


def totals(row):
    return {column: row[column] for column in BALANCE_COLUMNS.values()}


class CalendarToken(models.Model):
    """The secret in the address of a station's or a counsellor's private calendar feed.
    Resetting it makes the old address stop working."""

    station = models.OneToOneField(
        "schools.Station",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    counsellor = models.OneToOneField(
        "schools.Counsellor",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(station__isnull=False, counsellor__isnull=True)
                | Q(station__isnull=True, counsellor__isnull=False),
                name="calendar_token_for_station_or_counsellor",
            )
        ]

    def __str__(self):
        return str(self.station or self.counsellor)

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)

    def reset(self):
        self.token = self.new_token()
        self.save(update_fields=["token", "created_at"])

    @classmethod
    def for_owner(cls, *, station=None, counsellor=None):
        lookup = {"station": station} if station is not None else {"counsellor": counsellor}
        token, _created = cls.objects.get_or_create(**lookup, defaults={"token": cls.new_token()})
        return token


class TalkRequest(models.Model):
    """What a school told us when it asked for a talk. The requester's name and phone are
    for the station's staff only; they are erased after the retention period
    (settings.TALK_REQUEST_RETENTION_DAYS) by `erase_old_request_contacts`."""

    event = models.OneToOneField(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="request"
    )
    school_name = models.CharField(_("school name"), max_length=100)
    contact_name = models.CharField(_("contact name"), max_length=50)
    contact_phone = models.CharField(_("contact phone"), max_length=40)
    preferred_dates = models.CharField(_("preferred dates"), max_length=255)
    grades = models.CharField(_("grades"), max_length=100)
    audience_size = models.PositiveIntegerField(_("audience size"))
    topic = models.TextField(_("topic"), blank=True)
    language = models.CharField(_("language of the form"), max_length=10, default="zh-hans")
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    contacts_erased_at = models.DateTimeField(_("contact details erased at"), null=True, blank=True)

    panels = [
        FieldPanel("event", read_only=True),
        FieldPanel("school_name", read_only=True),
        FieldRowPanel(
            [
                FieldPanel("contact_name", read_only=True),
                FieldPanel("contact_phone", read_only=True),
            ]
        ),
        FieldPanel("preferred_dates", read_only=True),
        FieldRowPanel(
            [FieldPanel("grades", read_only=True), FieldPanel("audience_size", read_only=True)]
        ),
        FieldPanel("topic", read_only=True),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("talk request")
        verbose_name_plural = _("talk requests")
        indexes = [models.Index(fields=["created_at", "contacts_erased_at"])]

    def __str__(self):
        return f"{self.school_name}（{timezone.localtime(self.created_at):%Y-%m-%d}）"


# Page models live in pages.py; importing them here registers them with Django.
from campaigns.pages import (  # noqa: E402, F401
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    TalkRequestPage,
)
