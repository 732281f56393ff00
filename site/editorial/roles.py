"""The editorial roles: Editors write and submit for review, Reviewers approve and publish.
Pages go live only through the "review before publishing" workflow. Other apps add their
own groups (outreach staff, station managers) in their own roles modules."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
REVIEWERS = "Reviewers"
# Names editors and reviewers read in the Chinese admin (and in its emails); installations
# made before they were Chinese get them renamed (find_renamed).
WORKFLOW_NAME = "发布前审核"
REVIEW_TASK_NAME = "审核员批准"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Wagtail checks image permissions against wagtailimages.Image whatever the image model.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("jindu", "add_resource"),
        ("jindu", "change_resource"),
        ("wagtailsearchpromotions", "add_query"),
        ("wagtailsearchpromotions", "change_query"),
        ("jindu", "add_searchsynonym"),
        ("jindu", "change_searchsynonym"),
        ("jindu", "delete_searchsynonym"),
    ],
    REVIEWERS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("jindu", "add_resource"),
        ("jindu", "change_resource"),
        ("jindu", "delete_resource"),
        ("wagtailsearchpromotions", "add_query"),
        ("wagtailsearchpromotions", "change_query"),
        ("jindu", "add_searchsynonym"),
        ("jindu", "change_searchsynonym"),
        ("jindu", "delete_searchsynonym"),
    ],
}

# Labels for translation tooling; group names stay English in the database.
GROUP_LABELS = {EDITORS: _("Editors"), REVIEWERS: _("Reviewers")}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


SITE_MEDIA = "网站媒体"


def find_renamed(queryset, name, was):
    """The object of ``queryset`` called ``name``, or the one still called ``was`` (its
    English name in installations made before), renamed; None when there is neither."""
    found = queryset.filter(name=name).first()
    if found is None:
        found = queryset.filter(name=was).first()
        if found is not None:
            found.name = name
            found.save(update_fields=["name"])
    return found


def ensure_site_media():
    """The collection of the public site's images and documents. Editors and reviewers have
    their permissions here, never on the root collection, whose permissions Wagtail passes
    down to every collection (the signed letters of the stations among them). Whatever sits
    in the root itself moves here."""
    root = Collection.get_first_root_node()
    media = find_renamed(root.get_children(), SITE_MEDIA, was="Site media") or root.add_child(
        name=SITE_MEDIA
    )
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (get_image_model(), get_document_model()):
        model.objects.filter(collection=root).update(collection=media)
    GroupCollectionPermission.objects.filter(
        collection=root, group__name__in=[EDITORS, REVIEWERS]
    ).delete()
    return media


def ensure_editorial_groups(content_roots):
    """Create the Editors and Reviewers groups with permissions on ``content_roots`` (the
    home page of each language) and the review workflow on the same pages."""
    media = ensure_site_media()
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, codename in MODEL_PERMISSIONS[name]:
            group.permissions.add(_permission(app_label, codename))
        for root in content_roots:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=_permission("wagtailcore", codename),
                )
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=media,
                permission=_permission(app_label, codename),
            )
    ensure_review_workflow(groups[REVIEWERS], content_roots)
    return groups


def ensure_review_workflow(reviewers, content_roots):
    workflow = find_renamed(
        Workflow.objects.all(), WORKFLOW_NAME, was="Review before publishing"
    ) or Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    task = find_renamed(GroupApprovalTask.objects.all(), REVIEW_TASK_NAME, was="Reviewer approval")
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
        task.groups.set([reviewers])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for root in content_roots:
        page = root if isinstance(root, Page) else Page.objects.get(pk=root)
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
