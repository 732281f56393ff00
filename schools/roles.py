"""Outreach roles: Outreach staff, Station managers and Administrators.

What each may do is decided here; which station's records they reach is decided by their
StationMembership (see schools.scoping). Apps above this one add their own models' permissions to the
same groups through `grant`."""

from django.contrib.auth.models import Group, Permission

from schools.scoping import ADMINISTRATORS, OUTREACH_STAFF, STATION_MANAGERS

PERMISSIONS = {
    OUTREACH_STAFF: [
        ("wagtailadmin", "access_admin"),
        ("schools", "view_school"),
        ("schools", "view_district"),
        ("schools", "view_station"),
        ("schools", "view_counsellor"),
        ("schools", "add_counselloragreement"),
        ("schools", "change_counselloragreement"),
        ("schools", "view_counselloragreement"),
    ],
    STATION_MANAGERS: [
        ("wagtailadmin", "access_admin"),
        ("schools", "view_school"),
        ("schools", "add_school"),
        ("schools", "change_school"),
        ("schools", "view_district"),
        ("schools", "view_station"),
        ("schools", "add_counsellor"),
        ("schools", "change_counsellor"),
        ("schools", "view_counsellor"),
        ("schools", "add_counselloragreement"),
        ("schools", "change_counselloragreement"),
        ("schools", "delete_counselloragreement"),
        ("schools", "view_counselloragreement"),
        ("schools", "export_counselloragreement"),
        ("schools", "renew_counselloragreement"),
    ],
}
OUTREACH_GROUPS = [OUTREACH_STAFF, STATION_MANAGERS, ADMINISTRATORS]


def grant(group_name, permissions):
    group, _created = Group.objects.get_or_create(name=group_name)
    for app_label, codename in permissions:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def ensure_outreach_groups():
    groups = {name: grant(name, permissions) for name, permissions in PERMISSIONS.items()}
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["schools", "jindu"])
    )
    administrators.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    groups[ADMINISTRATORS] = administrators
    ensure_private_collection(groups)
    return groups


def ensure_private_collection(groups):
    """Signed letters live in a collection per station (schools.letters)."""
    from schools.letters import ensure_all_station_letters, letters_root

    ensure_all_station_letters()
    return letters_root()
