"""Demonstration feedback (issue 21): counts for the knowledge checks and feedback of the
demo's held talks, as phones would have sent them — fewer answers before the talk than after,
more questions right after — so that the event pages, the dashboard, the feedback report and
the June 26 page have something to show. Counts only, as real answers are kept."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from campaigns.field.evidence import feedback_for
from campaigns.models import Event, EventFormat, EventStatus, FeedbackTally, Phase, VenueType
from schools.models import Counsellor, School, Station


def ensure_todays_talk():
    """A school talk of the first station that ended an hour before the demo was loaded, so
    that its sheet's QR codes can be tried at once (the feedback stays open for
    FEEDBACK_OPEN_DAYS). No counts: the first answers are the visitor's. Loading the demo
    again the same day keeps the talk it has: the hour moves on, the talk should not."""
    station = (
        Station.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk").first()
    )
    school = School.objects.filter(district=station.district, active=True).order_by("pk").first()
    end = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(hours=1)
    title = f"{school.name}禁毒知识讲座" if school else "社区禁毒知识讲座"
    if Event.objects.filter(
        station=station, title=title, end__gte=end - datetime.timedelta(days=1)
    ).exists():
        return None
    event = Event.objects.create(
        title=title,
        station=station,
        district=station.district,
        school=school,
        venue_type=VenueType.SCHOOL if school else VenueType.COMMUNITY,
        format=EventFormat.TALK,
        start=end - datetime.timedelta(hours=1, minutes=30),
        end=end,
        status=EventStatus.CONFIRMED,
        description="开学季禁毒知识讲座：新型毒品的伪装、如何拒绝、遇到困难向谁求助。",
    )
    event.counsellors.set(Counsellor.objects.filter(station=station, active=True)[:2])
    event.save()
    feedback_for(event)
    return event


def ensure_feedback(rng):
    talks = Event.objects.filter(
        Q(format=EventFormat.TALK) | Q(format=EventFormat.TRAINING),
        status=EventStatus.COMPLETED,
    ).select_related("school")
    for event in talks.order_by("pk"):
        feedback = feedback_for(event)
        if feedback.tallies.exists() or not feedback.questions:
            continue
        asked = len(feedback.questions)
        after = rng.randint(18, 60)
        before = rng.randint(after // 2, after)
        right_before, right_after = rng.uniform(0.45, 0.6), rng.uniform(0.72, 0.9)
        usefulness = sum(rng.choice([3, 4, 4, 5, 5]) for _ in range(after))
        recommend = sum(1 for _ in range(after) if rng.random() < 0.8)
        FeedbackTally.objects.bulk_create(
            [
                FeedbackTally(
                    feedback=feedback,
                    phase=Phase.BEFORE,
                    responses=before,
                    questions_asked=before * asked,
                    questions_right=round(before * asked * right_before),
                ),
                FeedbackTally(
                    feedback=feedback,
                    phase=Phase.AFTER,
                    responses=after,
                    usefulness_total=usefulness,
                    usefulness_answers=after,
                    recommend_yes=recommend,
                    recommend_answers=after,
                    questions_asked=after * asked,
                    questions_right=round(after * asked * right_after),
                ),
            ]
        )
