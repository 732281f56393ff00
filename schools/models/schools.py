"""Schools, with their private contact person."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from jindu.pages.choices import SchoolLevel
from jindu.pages.text import PlainTextFieldsMixin, phone_number
from jindu.search.fields import segmented

from .stations import District

MAX_ENROLMENT = 20000


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
    contact_phone = models.CharField(
        _("contact phone (private)"), max_length=40, blank=True, validators=[phone_number]
    )
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
