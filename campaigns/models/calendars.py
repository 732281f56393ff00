import secrets

from django.db import models
from django.db.models import Q


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
