"""Daily renewal reminders: each station's managers get one email listing the agreements
that have reached "renewal due"; every agreement is mentioned once and only once."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from django_tasks import task

from schools.models import AgreementStatus, CounsellorAgreement
from schools.scoping import STATION_MANAGERS


def station_managers(station):
    User = get_user_model()
    return User.objects.filter(
        is_active=True,
        station_membership__station=station,
        groups__name=STATION_MANAGERS,
    ).exclude(email="")


def due_for_reminder(today=None):
    return (
        CounsellorAgreement.objects.with_status(today)
        .filter(status=AgreementStatus.RENEWAL_DUE, renewal_reminder_sent_at__isnull=True)
        .select_related("school", "counsellor", "station")
        .order_by("station_id", "end_date")
    )


def send_renewal_reminders(today=None):
    """Send the reminders; returns (emails sent, agreements reported)."""
    by_station = defaultdict(list)
    for agreement in due_for_reminder(today):
        by_station[agreement.station].append(agreement)
    emails = reported = 0
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for station, agreements in by_station.items():
        recipients = list(station_managers(station).values_list("email", flat=True))
        if not recipients:
            continue  # try again tomorrow: nobody has been told yet
        with transaction.atomic():
            locked = list(
                CounsellorAgreement.objects.select_for_update()
                .filter(pk__in=[a.pk for a in agreements], renewal_reminder_sent_at__isnull=True)
                .values_list("pk", flat=True)
            )
            agreements = [a for a in agreements if a.pk in locked]
            if not agreements:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                subject = _(
                    "%(count)s counsellor agreements of %(station)s are due for renewal"
                ) % {
                    "count": len(agreements),
                    "station": station.name,
                }
                body = render_to_string(
                    "schools/email/renewal_reminder.txt",
                    {
                        "station": station,
                        "agreements": [
                            (
                                a,
                                base_url + reverse("schools_renew_agreement", args=[a.pk]),
                            )
                            for a in agreements
                        ],
                    },
                )
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
            CounsellorAgreement.objects.filter(pk__in=locked).update(
                renewal_reminder_sent_at=timezone.now()
            )
        emails += 1
        reported += len(agreements)
    return emails, reported


@task()
def send_renewal_reminders_task():
    return send_renewal_reminders()
