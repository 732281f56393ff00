from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, F, Q, Sum, When
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from jindu.pages.text import PlainTextFieldsMixin

from .choices import MaterialKind, MovementKind
from .events import Event


class Material(PlainTextFieldsMixin, models.Model):
    """A kind of publicity material in the catalogue (宣传资料)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=MaterialKind.choices)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    unit = models.CharField(
        _("unit"), max_length=20, default="份", help_text=_("e.g. 份, 张, 本, 个")
    )
    active = models.BooleanField(_("active"), default=True)

    plain_text_fields = ("name", "unit")

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


class InsufficientStock(ValidationError):
    pass


# A station's whole year of leaflets is tens of thousands; a line beyond this is a typing
# error (2⁴⁰ would even turn SQLite's running totals into floats).
MAX_MOVEMENT_QUANTITY = 1_000_000


# What was handed out at events: the distributions, less what a correction of an event's
# record gave back to stock (an adjustment that names the event). The ledger is never
# edited, so a correction is a new line and this sum is what the figures count.
HANDED_OUT = Sum(
    Case(
        When(kind=MovementKind.DISTRIBUTION, then=F("quantity")),
        When(kind=MovementKind.ADJUSTMENT, event__isnull=False, then=-F("quantity")),
        default=0,
    ),
    default=0,
)


class StockMovement(PlainTextFieldsMixin, models.Model):
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

    plain_text_fields = ("note",)

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
        if self.quantity is not None and abs(self.quantity) > MAX_MOVEMENT_QUANTITY:
            errors["quantity"] = _("At most %(max)s in one line: check the quantity.") % {
                "max": f"{MAX_MOVEMENT_QUANTITY:,}"
            }
        if self.kind == MovementKind.ADJUSTMENT and self.quantity == 0:
            errors["quantity"] = _("An adjustment of zero changes nothing.")
        if self.kind == MovementKind.DISTRIBUTION and not self.event_id:
            errors["event"] = _("Choose the event the materials were handed out at.")
        if self.event_id and self.station_id and self.event.station_id != self.station_id:
            errors["event"] = _("The event belongs to another station.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def handed_out_at(cls, event):
        """{material: quantity} still counted as handed out at ``event``."""
        rows = (
            cls.objects.filter(event=event)
            .values("material")
            .annotate(quantity=HANDED_OUT)
            .order_by()
        )
        materials = Material.objects.in_bulk([row["material"] for row in rows])
        return {materials[row["material"]]: row["quantity"] for row in rows if row["quantity"] > 0}

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
            if self.kind == MovementKind.DISTRIBUTION:
                self.event.mark_held_if_over()
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
