"""What the outreach roles may do with campaign records (scoping: schools.scoping)."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from jindu.editorial import roles as editorial
from schools.roles import grant
from schools.scoping import ADMINISTRATORS, OUTREACH_STAFF, STATION_MANAGERS

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


# Editors make the year's campaign a campaign page is linked to (not its events).
EDITORS = [
    ("campaigns", "view_campaign"),
    ("campaigns", "add_campaign"),
    ("campaigns", "change_campaign"),
]


def ensure_campaign_permissions():
    grant(OUTREACH_STAFF, STAFF)
    grant(STATION_MANAGERS, MANAGERS)
    grant(editorial.EDITORS, EDITORS)
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(*Permission.objects.filter(content_type__app_label="campaigns"))
    ensure_write_up_permissions()


def ensure_write_up_permissions():
    """Outreach staff and managers write up their events as news (campaigns.field.writeup): they
    may add pages to the news sections, and so edit and submit the drafts they own (Wagtail's
    "add" permission), never publish them or touch anyone else's."""
    from campaigns.field.writeup import news_sections

    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    for name in (OUTREACH_STAFF, STATION_MANAGERS):
        group, _created = Group.objects.get_or_create(name=name)
        for section in news_sections():
            GroupPagePermission.objects.get_or_create(
                group=group, page=section, permission=add_page
            )
