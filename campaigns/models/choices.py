"""The words of outreach work (see design.md, "Labels in Chinese"): kinds of campaign,
venues (the 六进 and more), formats, statuses, materials and stock movements."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignKind(models.TextChoices):
    JUNE_26 = "june26", _("June 26 campaign")
    MONTHLY = "monthly", _("Monthly theme")
    PROJECT = "project", _("Project")


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


# A public event in these states has a public page and is in the public calendar feed: once
# announced, an event called off keeps its page (with the news) and the feed says
# STATUS:CANCELLED, so those who saved it learn that it is off.
PUBLIC_STATUSES = [
    EventStatus.PLANNED,
    EventStatus.CONFIRMED,
    EventStatus.COMPLETED,
    EventStatus.CANCELLED,
    EventStatus.POSTPONED,
]

# Events in these states hold their counsellors' time.
BOOKING_STATUSES = [
    EventStatus.REQUESTED,
    EventStatus.PLANNED,
    EventStatus.CONFIRMED,
    EventStatus.COMPLETED,
]


class MaterialKind(models.TextChoices):
    LEAFLET = "leaflet", _("Leaflet")
    POSTER = "poster", _("Poster")
    BOOKLET = "booklet", _("Booklet")
    HANDBOOK = "handbook", _("Handbook")
    GIVEAWAY = "giveaway", _("Giveaway")


class MovementKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt")
    DISTRIBUTION = "distribution", _("Distribution to an event")
    ADJUSTMENT = "adjustment", _("Adjustment")
