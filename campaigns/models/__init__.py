"""The outreach records (campaigns, events, attendance, materials and their stock, private
calendar tokens, talk requests) and the public pages built on them. Pages import the
records' modules; those never import the pages."""

from .attendance import Attendance
from .calendars import CalendarToken
from .campaigns import Campaign
from .choices import (
    BOOKING_STATUSES,
    PUBLIC_STATUSES,
    CampaignKind,
    EventFormat,
    EventStatus,
    MaterialKind,
    MovementKind,
    VenueType,
)
from .events import MAX_HEADCOUNT, MAX_SESSIONS, Event, EventQuerySet
from .feedback import EventFeedback, EventPhoto, FeedbackTally, Phase, audience_for
from .monthly import MonthlyReportLayout
from .pages import (  # noqa: I001 - last: the pages read the records above
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    TalkRequestPage,
    countdown,
    june_26,
)
from .requests import TalkRequest
from .stock import (  # noqa: I001
    BALANCE_COLUMNS,
    HANDED_OUT,
    InsufficientStock,
    Material,
    StockBalance,
    StockMovement,
)

__all__ = [
    "BALANCE_COLUMNS",
    "BOOKING_STATUSES",
    "PUBLIC_STATUSES",
    "MAX_HEADCOUNT",
    "MAX_SESSIONS",
    "Attendance",
    "CalendarToken",
    "Campaign",
    "CampaignIndexPage",
    "CampaignKind",
    "CampaignPage",
    "Event",
    "EventFeedback",
    "EventFormat",
    "EventPhoto",
    "FeedbackTally",
    "Phase",
    "audience_for",
    "EventIndexPage",
    "EventQuerySet",
    "EventStatus",
    "InsufficientStock",
    "Material",
    "MonthlyReportLayout",
    "MaterialKind",
    "MovementKind",
    "StockBalance",
    "StockMovement",
    "HANDED_OUT",
    "TalkRequest",
    "TalkRequestPage",
    "VenueType",
    "countdown",
    "june_26",
]
