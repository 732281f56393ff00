"""Signed letters (校外辅导员聘书) are kept per work station.

Under the *Signed agreements* collection each station has a collection of its own, and a
group of its own (its staff and managers, kept in step with Station staff by the
signals below). Only that group and the Administrators may open, add, replace or move its
letters: Wagtail's collection view restriction is checked on every download, its
collection permissions decide who sees them in the admin and in choosers, and the documents
API never lists a restricted collection (jindu.pages.api). Editors and reviewers get their
permissions on the *Site media* collection, never on the root, whose permissions Wagtail
would pass down to the letters.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

from jindu.editorial.roles import find_renamed
from schools.scoping import ADMINISTRATORS

PRIVATE_COLLECTION = "已签协议"
# Groups keep the English prefix: they are identifiers the code looks up, never shown to the
# staff in them.
GROUP_PREFIX = "Signed agreements"
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")


def _document_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename)


def _restrict(collection, groups):
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set(groups)
    return restriction


def _allow(group, collection):
    for codename in DOCUMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_document_permission(codename)
        )


def letters_root():
    root = Collection.get_first_root_node()
    collection = find_renamed(root.get_children(), PRIVATE_COLLECTION, was=GROUP_PREFIX)
    return collection or root.add_child(name=PRIVATE_COLLECTION)


def station_group_name(station):
    return f"{GROUP_PREFIX}: {station.pk}"


def ensure_station_letters(station):
    """The station's collection and group, with the restriction and permissions above.
    Returns the collection."""
    parent = letters_root()
    group, _created = Group.objects.get_or_create(name=station_group_name(station))
    collection = station.letters_collection
    if collection is None:
        collection = parent.add_child(name=station.name)
        type(station).objects.filter(pk=station.pk).update(letters_collection=collection)
        station.letters_collection = collection
    elif collection.name != station.name:
        collection.name = station.name
        collection.save(update_fields=["name"])
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    _restrict(collection, [group, administrators])
    _allow(group, collection)
    _allow(administrators, parent)
    # The parent's restriction admits every station's group (each then meets its own).
    _restrict(parent, [administrators, *Group.objects.filter(name__startswith=f"{GROUP_PREFIX}: ")])
    sync_members(station, group)
    return collection


def sync_members(station, group=None):
    from schools.models import StationMembership

    group = group or Group.objects.filter(name=station_group_name(station)).first()
    if group is None:
        return
    members = set(
        StationMembership.objects.filter(station=station).values_list("user_id", flat=True)
    )
    current = set(group.user_set.values_list("pk", flat=True))
    group.user_set.remove(*(current - members))
    group.user_set.add(*(members - current))


def ensure_all_station_letters():
    """Every original (default-language) station's collection; letters still in the shared
    collection move to their agreement's station."""
    from schools.models import CounsellorAgreement, Station

    stations = Station.objects.filter(locale__language_code="zh-hans")
    for station in stations:
        ensure_station_letters(station)
    # Group rules for the old shared collection: none but the Administrators.
    parent = letters_root()
    GroupCollectionPermission.objects.filter(collection=parent).exclude(
        group__name=ADMINISTRATORS
    ).delete()
    documents = get_document_model()
    for agreement in CounsellorAgreement.objects.filter(signed_letter__isnull=False).select_related(
        "station", "signed_letter"
    ):
        target = ensure_station_letters(agreement.station)
        if agreement.signed_letter.collection_id != target.pk:
            documents.objects.filter(pk=agreement.signed_letter_id).update(collection=target)


def station_saved(sender, instance, created, **kwargs):
    if not kwargs.get("raw") and instance.locale.language_code == "zh-hans":
        ensure_station_letters(instance)


def membership_changed(sender, instance, **kwargs):
    """A member of the station's group while on its staff, of no other station's."""
    keep = None if kwargs.get("signal") is post_delete else station_group_name(instance.station)
    for group in instance.user.groups.filter(name__startswith=f"{GROUP_PREFIX}: "):
        if group.name != keep:
            group.user_set.remove(instance.user)
    if keep:
        group, _created = Group.objects.get_or_create(name=keep)
        group.user_set.add(instance.user)


def connect_signals():
    from schools.models import Station, StationMembership

    post_save.connect(station_saved, sender=Station, dispatch_uid="schools-station-letters")
    post_save.connect(
        membership_changed, sender=StationMembership, dispatch_uid="schools-member-saved"
    )
    post_delete.connect(
        membership_changed, sender=StationMembership, dispatch_uid="schools-member-deleted"
    )
