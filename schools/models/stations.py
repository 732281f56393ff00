"""Districts and work stations, and who works at which station."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from jindu.pages.text import PlainTextFieldsMixin, phone_number
from jindu.search.fields import segmented


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
    phone = models.CharField(
        _("public phone"), max_length=40, blank=True, validators=[phone_number]
    )
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
