import datetime

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from jindu.pages.text import PlainTextFieldsMixin
from jindu.search.fields import segmented

from .campaigns import Campaign
from .choices import BOOKING_STATUSES, PUBLIC_STATUSES, EventFormat, EventStatus, VenueType

MAX_HEADCOUNT = 100000
MAX_SESSIONS = 50
# A talk, a stall or a training day; a camp of a few days at most. Longer is a typing error
# that would count as volunteer hours (a series of sessions is several events).
MAX_EVENT_DAYS = 7


class EventQuerySet(models.QuerySet):
    def public_upcoming(self, now=None):
        """Public events still to come that go ahead (home page, campaign pages)."""
        now = now or timezone.now()
        return self.filter(
            is_public=True,
            end__gte=now,
            status__in=[EventStatus.PLANNED, EventStatus.CONFIRMED],
        )

    def public_listed(self, now=None):
        """What the events page lists: public events still to come, those called off
        included, so a reader who planned to go learns that they are off."""
        now = now or timezone.now()
        return self.filter(is_public=True, end__gte=now, status__in=PUBLIC_STATUSES).exclude(
            status=EventStatus.COMPLETED
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


def event_window(today=None):
    """The days an event may start on: from EVENT_EARLIEST (the agencies' records begin in
    2000) to EVENT_YEARS_AHEAD years from today. Anything outside is a typing error."""
    today = today or timezone.localdate()
    latest = today.replace(year=today.year + settings.EVENT_YEARS_AHEAD)
    return settings.EVENT_EARLIEST, latest


class Event(PlainTextFieldsMixin, index.Indexed, ClusterableModel):
    """One outreach event (活动). Public events appear on the events page and in the public
    calendar feed with their title, time, place and description only."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Events are records, not pages: one row in every language, with the English words of
    # a public event beside the Chinese (wagtail-localize would copy the whole record).
    title_en = models.CharField(
        _("title in English"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the English site; left empty, it shows the Chinese title."),
    )
    description_en = models.TextField(_("description in English"), blank=True)
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
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

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
        FieldRowPanel([FieldPanel("title_en"), FieldPanel("description_en")]),
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

    plain_text_fields = ("title", "title_en", "organisation", "address", "partners")
    text_fields = ("description", "description_en", "decline_reason")

    def text_in(self, field, language):
        """(text, language it is written in) of ``field`` ("title" or "description") for a
        reader of ``language``: the English words where they were given, else the Chinese."""
        if not language.startswith("zh"):
            english = getattr(self, f"{field}_en")
            if english:
                return english, "en"
        return getattr(self, field), settings.LANGUAGE_CODE

    @property
    def is_called_off(self):
        return self.status in (EventStatus.CANCELLED, EventStatus.POSTPONED)

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
        # A school event takes place in the school's district, whatever was typed: coverage
        # by district counts it there.
        if self.school_id:
            self.district_id = self.school.district_id
        super().save(*args, **kwargs)
        self._remember_saved_values()

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_saved_values()

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        elif (
            self.start
            and self.end
            and self.end - self.start > datetime.timedelta(days=MAX_EVENT_DAYS)
        ):
            errors["end"] = _(
                "An event lasts at most %(days)s days. Check the end date, or enter a series "
                "of sessions as separate events."
            ) % {"days": MAX_EVENT_DAYS}
        if self.venue_type == VenueType.SCHOOL and not self.school_id:
            errors["school"] = _("Choose the school for a school event.")
        if self.session_number and self.session_count and self.session_number > self.session_count:
            errors["session_number"] = _("Session %(n)s of %(count)s does not exist.") % {
                "n": self.session_number,
                "count": self.session_count,
            }
        if self.status == EventStatus.COMPLETED and self.start and self.start > timezone.now():
            errors["status"] = _("An event that has not started yet cannot be completed.")
        if self.start:
            earliest, latest = event_window()
            local_day = timezone.localtime(self.start).date()
            if not earliest <= local_day <= latest:
                errors["start"] = _(
                    "An event must start between %(earliest)s and %(latest)s; check the year."
                ) % {"earliest": earliest, "latest": latest}
        was = getattr(self, "loaded_values", {}).get("status")
        if (
            was == EventStatus.COMPLETED
            and self.status in (EventStatus.REQUESTED, EventStatus.PLANNED, EventStatus.CONFIRMED)
            and self.attendance.exists()
        ):
            errors["status"] = _(
                "This event has recorded attendance, so it was held: it stays completed. "
                "Correct the headcounts instead, or cancel it if it never took place."
            )
        if (
            self.status == EventStatus.CANCELLED
            and self.has_talk_request
            and not self.decline_reason.strip()
        ):
            errors["decline_reason"] = _("Give the reason for declining the school's request.")
        if errors:
            raise ValidationError(errors)

    # Statuses in which a finished event still waits to be recorded as held.
    AWAITING_RECORD = (EventStatus.PLANNED, EventStatus.CONFIRMED)

    def mark_held_if_over(self, now=None):
        """Headcounts or materials recorded on an event that has ended mean it was held: it
        becomes *completed*, so its figures are counted (reports count completed events
        only). Returns whether it changed."""
        if self.status in self.AWAITING_RECORD and self.end <= (now or timezone.now()):
            self.status = EventStatus.COMPLETED
            self.save(update_fields=["status", "updated_at"])
            return True
        return False

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
    def has_talk_request(self):
        """Whether a school asked for this event through the public form."""
        if not self.pk:
            return False
        try:
            self.request  # noqa: B018 - the reverse one-to-one raises when there is none
        except ObjectDoesNotExist:
            return False
        return True
