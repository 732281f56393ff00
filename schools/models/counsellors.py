"""The people who deliver sessions: social workers, peer counsellors, volunteers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from jindu.pages.text import PlainTextFieldsMixin, phone_number
from jindu.search.fields import segmented

from .stations import Station


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
    phone = models.CharField(
        _("phone (private)"), max_length=40, blank=True, validators=[phone_number]
    )
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
