"""Editors and reviewers could not upload or choose images: they held the custom image
model's permissions (jindu.add_jinduimage, …), while Wagtail checks image permissions
against wagtailimages.Image whatever the image model. Each group that holds the former on a
collection now holds the latter on the same collection."""

from django.db import migrations

RENAMED = {
    "add_jinduimage": "add_image",
    "change_jinduimage": "change_image",
    "choose_jinduimage": "choose_image",
}


def grant_wagtail_image_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    held = GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="jindu", permission__codename__in=RENAMED
    ).select_related("permission")
    if not held.exists():
        return  # a new database: the roles are made with the right permissions
    image_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailimages", model="image"
    )
    for line in held:
        codename = RENAMED[line.permission.codename]
        permission, _created = Permission.objects.get_or_create(
            content_type=image_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} image"},
        )
        GroupCollectionPermission.objects.get_or_create(
            group_id=line.group_id, collection_id=line.collection_id, permission=permission
        )


class Migration(migrations.Migration):
    dependencies = [
        ("jindu", "0014_search_index_without_pending_list"),
        ("wagtailimages", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(grant_wagtail_image_permissions, migrations.RunPython.noop),
    ]
