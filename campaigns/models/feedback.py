"""Did the talk work? (issue 21) Anonymous feedback and a short knowledge check, answered on a
phone from the QR code of an event's printed sheet — before the talk and after it — kept as
counts only: no answers, no names, no address, no device. And the photos that show an event
took place, kept out of the public media."""

import datetime
import os
import secrets

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jindu.pages.choices import CONTENT_AUDIENCES, SchoolLevel

from .choices import VenueType
from .events import Event

# From an hour before the event starts: the "before" check is answered as the talk begins.
OPENS_BEFORE = datetime.timedelta(hours=1)


def new_token():
    return secrets.token_urlsafe(12)


class Phase(models.TextChoices):
    BEFORE = "before", _("Before the talk")
    AFTER = "after", _("After the talk")


def audience_for(event):
    """Who an event's questions are for: the school's pupils by grade band, else who is met
    at such a venue."""
    if event.school_id and event.school.level in SchoolLevel.values:
        return event.school.level
    return {
        VenueType.FAMILY: "parents",
        VenueType.ENTERPRISE: "employees",
        VenueType.CONSTRUCTION: "employees",
    }.get(event.venue_type, "residents")


class EventFeedback(models.Model):
    """The feedback of one event: its unguessable address (the QR code's), who its questions
    are for, in which language, and which questions of the quiz bank it asks (the same
    before and after, so that the change can be measured)."""

    event = models.OneToOneField(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="feedback"
    )
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    audience = models.CharField(_("questions for"), max_length=20, choices=CONTENT_AUDIENCES)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # [{"quiz": translation key of a QuizPage, "block": the question's block id}]
    questions = models.JSONField(default=list, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event feedback")
        verbose_name_plural = _("event feedback")

    def __str__(self):
        return str(self.event)

    def opens_at(self):
        return self.event.start - OPENS_BEFORE

    def closes_at(self, phase):
        if phase == Phase.BEFORE:
            return self.event.end
        return self.event.end + datetime.timedelta(days=settings.FEEDBACK_OPEN_DAYS)

    def is_open(self, phase, now=None):
        now = now or timezone.now()
        return self.opens_at() <= now <= self.closes_at(phase)

    def count(self, phase, *, usefulness=None, recommend=None, asked=0, right=0):
        """One more answer, added to the counts in one statement (two phones at once)."""
        tally, _created = FeedbackTally.objects.get_or_create(feedback=self, phase=phase)
        FeedbackTally.objects.filter(pk=tally.pk).update(
            responses=F("responses") + 1,
            usefulness_total=F("usefulness_total") + (usefulness or 0),
            usefulness_answers=F("usefulness_answers") + (1 if usefulness else 0),
            recommend_yes=F("recommend_yes") + (1 if recommend == "yes" else 0),
            recommend_answers=F("recommend_answers") + (1 if recommend else 0),
            questions_asked=F("questions_asked") + asked,
            questions_right=F("questions_right") + right,
        )


class FeedbackTally(models.Model):
    """What the answers to one event's feedback add up to, in one phase: counts only."""

    feedback = models.ForeignKey(EventFeedback, on_delete=models.CASCADE, related_name="tallies")
    phase = models.CharField(max_length=10, choices=Phase.choices)
    responses = models.PositiveIntegerField(default=0)
    usefulness_total = models.PositiveIntegerField(default=0)  # 1–5 each
    usefulness_answers = models.PositiveIntegerField(default=0)
    recommend_yes = models.PositiveIntegerField(default=0)
    recommend_answers = models.PositiveIntegerField(default=0)
    questions_asked = models.PositiveIntegerField(default=0)
    questions_right = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feedback", "phase"], name="one_tally_per_phase")
        ]

    def __str__(self):
        return f"{self.feedback} · {self.get_phase_display()}"


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


def photo_path(photo, filename):
    extension = os.path.splitext(filename)[1].lower() or ".jpg"
    return f"event-photos/{photo.event_id}/{secrets.token_hex(8)}{extension}"


class EventPhoto(models.Model):
    """A photo that shows an event took place (evidence for the agency's reports). Kept
    out of the public media: served to the event's station only (campaigns.field.evidence), its
    location and camera data removed; faces are the agency's responsibility, so whoever
    uploads confirms consent."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="photos"
    )
    file = models.ImageField(
        _("photo"),
        upload_to=photo_path,
        storage=private_storage,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    consent = models.BooleanField(
        _("consent"),
        help_text=_(
            "Everyone recognisable in the photo (for pupils, their school or parents) agreed "
            "to its being taken and kept."
        ),
    )
    may_publish = models.BooleanField(
        _("may appear in a public article"),
        default=False,
        help_text=_("Offered for the event's write-up; otherwise seen by the station only."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("event photo")
        verbose_name_plural = _("event photos")

    def __str__(self):
        return self.caption or f"{self.event} · {self.pk}"


@receiver(post_delete, sender=EventPhoto)
def delete_photo_file(sender, instance, **kwargs):
    """A deleted photo (or one of a deleted event) leaves no file behind: pupils' faces are
    not kept longer than their record. Once the deletion is committed, not before."""
    file = instance.file
    if file:
        transaction.on_commit(lambda: file.storage.delete(file.name))
