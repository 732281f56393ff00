"""Counsellor agreements: derived statuses around their boundaries, the rules staff meet
when they record one, and renewal chains."""

import datetime

from django.core.exceptions import ValidationError

import pytest
import time_machine

from schools.models import AgreementStatus, CounsellorAgreement
from tests.factories import AgreementFactory, CounsellorFactory, SchoolFactory

# Messages are checked in English here; test_overlap_message_in_chinese checks the other.
pytestmark = pytest.mark.usefixtures("english")

D = datetime.date
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def status_at(agreement, when):
    """The status seen by a user at ``when`` (Shanghai time), both as the model computes
    it and as the database annotates it for listings and filters."""
    with time_machine.travel(when, tick=False):
        in_python = CounsellorAgreement.objects.get(pk=agreement.pk).get_status()
        in_database = CounsellorAgreement.objects.with_status().get(pk=agreement.pk).status
    assert in_python == in_database
    return in_python


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # 31 days before the end it is active; 30 days before, renewal is due.
        (datetime.datetime(2026, 11, 30, 23, 59, tzinfo=SHANGHAI), AgreementStatus.ACTIVE),
        (datetime.datetime(2026, 12, 1, 0, 1, tzinfo=SHANGHAI), AgreementStatus.RENEWAL_DUE),
        (datetime.datetime(2026, 12, 31, 23, 59, tzinfo=SHANGHAI), AgreementStatus.RENEWAL_DUE),
        (datetime.datetime(2027, 1, 1, 0, 0, 1, tzinfo=SHANGHAI), AgreementStatus.EXPIRED),
        # 16:30 UTC on 31 December is already 1 January in Shanghai.
        (datetime.datetime(2026, 12, 31, 16, 30, tzinfo=datetime.UTC), AgreementStatus.EXPIRED),
    ],
)
def test_status_changes_at_shanghai_midnight(db, moment, expected):
    agreement = AgreementFactory(start_date=D(2026, 1, 1), end_date=D(2026, 12, 31))
    assert status_at(agreement, moment) == expected


def test_unsigned_agreement_is_a_draft(db):
    agreement = AgreementFactory(signed_on=None)
    assert (
        status_at(agreement, datetime.datetime(2026, 6, 1, tzinfo=SHANGHAI))
        == AgreementStatus.DRAFT
    )


def test_terminated_wins_over_dates(db):
    agreement = AgreementFactory(terminated_on=D(2026, 5, 1), termination_reason="学校撤销")
    assert (
        status_at(agreement, datetime.datetime(2026, 6, 1, tzinfo=SHANGHAI))
        == AgreementStatus.TERMINATED
    )


def test_renewed_agreement_is_not_renewal_due(db):
    agreement = AgreementFactory()
    renewal = agreement.renew()
    assert (
        status_at(agreement, datetime.datetime(2026, 12, 20, tzinfo=SHANGHAI))
        == AgreementStatus.ACTIVE
    )
    assert renewal.start_date == D(2027, 1, 1)
    assert renewal.end_date == D(2027, 12, 31)
    assert (
        status_at(renewal, datetime.datetime(2026, 12, 20, tzinfo=SHANGHAI))
        == AgreementStatus.DRAFT
    )


def test_renewal_chain_and_history(db):
    first = AgreementFactory()
    second = first.renew()
    second.signed_on = D(2026, 12, 20)
    second.save()
    third = second.renew()
    assert [a.pk for a in second.history()] == [first.pk, second.pk, third.pk]
    assert third.renewal_of == second
    assert (third.school, third.counsellor, third.role, third.station) == (
        first.school,
        first.counsellor,
        first.role,
        first.station,
    )


def test_renewing_twice_or_after_termination_is_refused(db):
    agreement = AgreementFactory()
    agreement.renew()
    with pytest.raises(ValidationError, match="already been renewed"):
        agreement.renew()
    ended = AgreementFactory(terminated_on=D(2026, 3, 1), termination_reason="停止合作")
    with pytest.raises(ValidationError, match="terminated agreement cannot be renewed"):
        ended.renew()


def errors_of(agreement):
    with pytest.raises(ValidationError) as caught:
        agreement.full_clean()
    return caught.value.message_dict


def test_end_must_follow_start(db):
    agreement = AgreementFactory.build(
        school=SchoolFactory(),
        counsellor=CounsellorFactory(),
        start_date=D(2026, 5, 1),
        end_date=D(2026, 5, 1),
    )
    agreement.station = agreement.counsellor.station
    assert errors_of(agreement)["end_date"] == ["The agreement must end after it starts."]


def test_overlapping_agreement_for_same_role_is_refused_with_who_and_when(db):
    existing = AgreementFactory()
    overlapping = CounsellorAgreement(
        school=existing.school,
        counsellor=existing.counsellor,
        station=existing.station,
        role=existing.role,
        start_date=D(2026, 6, 1),
        end_date=D(2027, 5, 31),
    )
    message = errors_of(overlapping)["start_date"][0]
    assert existing.counsellor.name in message
    assert existing.school.name in message
    assert "2026-01-01" in message and "2026-12-31" in message


def test_same_counsellor_may_hold_another_role_or_follow_on(db):
    existing = AgreementFactory()
    other_role = CounsellorAgreement(
        school=existing.school,
        counsellor=existing.counsellor,
        station=existing.station,
        role="publicity",
        start_date=D(2026, 6, 1),
        end_date=D(2027, 5, 31),
    )
    other_role.full_clean()
    follow_on = CounsellorAgreement(
        school=existing.school,
        counsellor=existing.counsellor,
        station=existing.station,
        role=existing.role,
        start_date=D(2027, 1, 1),
        end_date=D(2027, 12, 31),
    )
    follow_on.full_clean()


def test_terminated_agreements_do_not_block_a_new_one(db):
    existing = AgreementFactory(terminated_on=D(2026, 3, 1), termination_reason="停止合作")
    again = CounsellorAgreement(
        school=existing.school,
        counsellor=existing.counsellor,
        station=existing.station,
        role=existing.role,
        start_date=D(2026, 6, 1),
        end_date=D(2027, 5, 31),
    )
    again.full_clean()


@pytest.mark.parametrize("who", ["counsellor", "school"])
def test_inactive_counsellor_or_school_gets_no_new_agreement(db, who):
    counsellor = CounsellorFactory(active=who != "counsellor")
    school = SchoolFactory(active=who != "school")
    agreement = CounsellorAgreement(
        school=school,
        counsellor=counsellor,
        station=counsellor.station,
        role="off_campus",
        start_date=D(2026, 1, 1),
        end_date=D(2026, 12, 31),
    )
    assert "no longer active" in errors_of(agreement)[who][0]


@pytest.mark.parametrize(
    ("date", "reason", "field"),
    [(D(2026, 3, 1), "", "termination_reason"), (None, "学校撤销", "terminated_on")],
)
def test_termination_needs_date_and_reason(db, date, reason, field):
    agreement = AgreementFactory()
    agreement.terminated_on = date
    agreement.termination_reason = reason
    assert field in errors_of(agreement)


@pytest.mark.parametrize("state", ["terminated", "expired"])
def test_dates_of_finished_agreements_are_locked(db, state):
    with time_machine.travel(datetime.datetime(2027, 3, 1, tzinfo=SHANGHAI), tick=False):
        if state == "terminated":
            agreement = AgreementFactory(terminated_on=D(2026, 3, 1), termination_reason="停止合作")
        else:
            agreement = AgreementFactory()
        agreement.end_date = D(2027, 6, 30)
        assert errors_of(agreement)["end_date"] == [
            "The dates of a terminated or expired agreement cannot be changed."
        ]
        agreement.refresh_from_db()
        agreement.notes = "归档"
        agreement.full_clean()  # other fields may still be edited


@pytest.mark.parametrize(("field", "value"), [("sessions_per_term", 61), ("sessions_per_term", -1)])
def test_sessions_within_sane_limits(db, field, value):
    agreement = AgreementFactory()
    setattr(agreement, field, value)
    assert field in errors_of(agreement)


@pytest.mark.parametrize("value", [-1, 20001])
def test_enrolment_within_sane_limits(db, value):
    school = SchoolFactory()
    school.enrolment = value
    with pytest.raises(ValidationError) as caught:
        school.full_clean()
    assert "enrolment" in caught.value.message_dict


def test_overlap_message_in_chinese(db):
    from django.utils import translation

    existing = AgreementFactory()
    overlapping = CounsellorAgreement(
        school=existing.school,
        counsellor=existing.counsellor,
        station=existing.station,
        role=existing.role,
        start_date=D(2026, 6, 1),
        end_date=D(2027, 5, 31),
    )
    with translation.override("zh-hans"):
        message = errors_of(overlapping)["start_date"][0]
    assert "同一角色的协议期限不能重叠" in message
    assert "校外辅导员" in message
