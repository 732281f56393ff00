"""School terms and the sessions delivered in them under each agreement."""

import datetime

from django.db.models import Count, Q

from campaigns.models import Event, EventStatus
from jindu.pages.choices import STUDENT_GROUPS


def current_term(today):
    """Chinese school terms: autumn from 1 September to 31 January, spring from 1 February
    to 31 August."""
    if today.month >= 9:
        return datetime.date(today.year, 9, 1), datetime.date(today.year + 1, 1, 31)
    if today.month == 1:
        return datetime.date(today.year - 1, 9, 1), datetime.date(today.year, 1, 31)
    return datetime.date(today.year, 2, 1), datetime.date(today.year, 8, 31)


def sessions_for_agreements(agreements, start, end):
    """For each agreement: completed events at its school with its counsellor within the
    term, against the sessions committed. One query for the counts."""
    agreements = list(agreements)
    counts = {
        (row["school_id"], row["counsellors"]): row["n"]
        for row in Event.objects.starting_between(start, end)
        .filter(
            status=EventStatus.COMPLETED,
            school_id__in=[a.school_id for a in agreements],
            counsellors__in=[a.counsellor_id for a in agreements],
        )
        .values("school_id", "counsellors")
        .annotate(n=Count("pk", distinct=True, filter=Q(status=EventStatus.COMPLETED)))
    }
    return [
        {
            "agreement": agreement,
            "delivered": counts.get((agreement.school_id, agreement.counsellor_id), 0),
            "committed": agreement.sessions_per_term,
        }
        for agreement in agreements
    ]


def reach_by_district(user, start, end):
    """{district id: (schools reached by a completed event, student person-times)} for
    school events between ``start`` and ``end`` that ``user`` may see."""
    from django.db.models import Sum

    from campaigns.models import Attendance
    from schools.scoping import scope

    events = scope(
        Event.objects.starting_between(start, end).filter(
            status=EventStatus.COMPLETED, school__isnull=False
        ),
        user,
    )
    schools = {
        row["school__district"]: row["n"]
        for row in events.values("school__district")
        .annotate(n=Count("school", distinct=True))
        .order_by()
    }
    students = {
        row["event__school__district"]: row["n"]
        for row in Attendance.objects.filter(
            event__in=events.values("pk"), group__in=STUDENT_GROUPS
        )
        .values("event__school__district")
        .annotate(n=Sum("count"))
        .order_by()
    }
    return {
        district: (schools.get(district, 0), students.get(district, 0))
        for district in set(schools) | set(students)
    }
