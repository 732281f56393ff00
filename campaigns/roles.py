"""What the outreach roles may do with campaign records (scoping: schools.scoping)."""

from schools.roles import grant
from schools.scoping import OUTREACH_STAFF, STATION_MANAGERS

STAFF = [
    ("campaigns", "view_campaign"),
    ("campaigns", "add_event"),
    ("campaigns", "change_event"),
    ("campaigns", "view_event"),
    ("campaigns", "add_attendance"),
    ("campaigns", "change_attendance"),
    ("campaigns", "delete_attendance"),
    ("campaigns", "view_attendance"),
    ("campaigns", "view_material"),
    ("campaigns", "add_stockmovement"),
    ("campaigns", "view_stockmovement"),
    ("campaigns", "view_talkrequest"),
]
MANAGERS = STAFF + [
    ("campaigns", "add_campaign"),
    ("campaigns", "change_campaign"),
    ("campaigns", "delete_event"),
    ("campaigns", "add_material"),
    ("campaigns", "change_material"),
]


def ensure_campaign_permissions():
    grant(OUTREACH_STAFF, STAFF)
    grant(STATION_MANAGERS, MANAGERS)
