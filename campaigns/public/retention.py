import datetime

from django.conf import settings
from django.utils import timezone

from django_tasks import task

from campaigns.models import TalkRequest


def erase_old_request_contacts(now=None):
    """Erase requesters' contact details past the retention period; returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.TALK_REQUEST_RETENTION_DAYS)
    old = TalkRequest.objects.filter(created_at__lt=cutoff, contacts_erased_at__isnull=True)
    return old.update(contact_name="", contact_phone="", contacts_erased_at=now)


@task()
def erase_old_request_contacts_task():
    return erase_old_request_contacts()
