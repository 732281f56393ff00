from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from jindu.pages.text import PlainTextFieldsMixin, phone_number

from .events import Event


class TalkRequest(PlainTextFieldsMixin, models.Model):
    """What a school told us when it asked for a talk. The requester's name and phone are
    for the station's staff only; they are erased after the retention period
    (settings.TALK_REQUEST_RETENTION_DAYS) by `erase_old_request_contacts`."""

    event = models.OneToOneField(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="request"
    )
    school_name = models.CharField(_("school name"), max_length=100)
    contact_name = models.CharField(_("contact name"), max_length=50)
    contact_phone = models.CharField(_("contact phone"), max_length=40, validators=[phone_number])
    preferred_dates = models.CharField(_("preferred dates"), max_length=255)
    grades = models.CharField(_("grades"), max_length=100)
    audience_size = models.PositiveIntegerField(_("audience size"))
    topic = models.TextField(_("topic"), blank=True)
    language = models.CharField(_("language of the form"), max_length=10, default="zh-hans")
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    contacts_erased_at = models.DateTimeField(_("contact details erased at"), null=True, blank=True)

    plain_text_fields = (
        "school_name",
        "contact_name",
        "contact_phone",
        "preferred_dates",
        "grades",
    )
    text_fields = ("topic",)

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
