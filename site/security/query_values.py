"""Values read from a query string or a plain form field (?station=, ?date=, ?from=, a quiz
answer): whatever a crafted link sends becomes a usable value or nothing, never a 500.
``str.isdigit`` is not enough: "²" is a digit to it and not to ``int``, and forty digits
overflow every database's integer."""

import datetime
import re

from django.conf import settings
from django.utils import timezone

# ASCII digits, no more than a 64-bit key holds.
ID = re.compile(r"[0-9]{1,18}")


def chosen_id(value):
    """The number ``value`` spells, or None."""
    return int(value) if isinstance(value, str) and ID.fullmatch(value) else None


def chosen_date(value):
    """The date ``value`` spells (YYYY-MM-DD), brought within the years events can have
    (EVENT_EARLIEST to EVENT_YEARS_AHEAD after this one), or None."""
    try:
        day = datetime.date.fromisoformat(value or "")
    except (TypeError, ValueError):
        return None
    latest = datetime.date(timezone.localdate().year + settings.EVENT_YEARS_AHEAD, 12, 31)
    return min(max(day, settings.EVENT_EARLIEST), latest)
