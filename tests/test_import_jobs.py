"""Spreadsheet jobs whose task worker died (killed in a deploy, out of memory): taken up
again once by a new worker, then marked failed with their file deleted; never "importing"
forever. A job cancelled while it is being checked stays cancelled."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from jindu.models import SpreadsheetImport
from schools.models import School
from schools.scoping import STATION_MANAGERS
from tests.factories import StationFactory, station_member
from tests.test_spreadsheets import HEADER, csv_bytes

Status = SpreadsheetImport.Status
ROWS = csv_bytes([HEADER, ["浦东实验小学", "浦东新区", "小学", 1200, "", "", ""]])


@pytest.fixture
def manager(outreach_groups, pudong):
    return station_member(StationFactory(district=pudong), STATION_MANAGERS)


def job_left_by_a_dead_worker(manager, status, attempts=0):
    return SpreadsheetImport.objects.create(
        kind="schools",
        user=manager,
        file_name="schools.csv",
        content=ROWS,
        language="zh-hans",
        status=status,
        attempts=attempts,
        heartbeat_at=timezone.now(),
    )


@pytest.mark.parametrize("status", [Status.CHECKING, Status.IMPORTING])
def test_a_job_whose_worker_died_is_taken_up_again_by_the_scheduled_recovery(
    manager, status, django_capture_on_commit_callbacks
):
    job = job_left_by_a_dead_worker(manager, status)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        call_command("recover_imports", verbosity=0)
    job.refresh_from_db()
    # The tasks run at once here (ImmediateBackend): checked, or checked and imported.
    assert job.status == (Status.READY if status == Status.CHECKING else Status.DONE)
    assert School.objects.exists() == (status == Status.IMPORTING)


def test_a_job_whose_worker_died_twice_fails_and_its_file_is_deleted(client, manager):
    job = job_left_by_a_dead_worker(manager, Status.IMPORTING, attempts=1)
    client.force_login(manager)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        page = client.get(reverse("jindu_import_job", args=[job.pk])).content.decode()
    job.refresh_from_db()
    assert job.status == Status.FAILED and bytes(job.content) == b""
    assert "服务器两次中断" in page
    assert not School.objects.exists()


def test_a_working_job_is_left_alone(manager):
    job = job_left_by_a_dead_worker(manager, Status.IMPORTING)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5), tick=False):
        call_command("recover_imports", verbosity=0)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Status.IMPORTING, 0)


def test_a_job_cancelled_while_it_is_checked_stays_cancelled(client, manager, monkeypatch):
    from jindu.spreadsheets import jobs

    job = job_left_by_a_dead_worker(manager, Status.CHECKING)
    client.force_login(manager)
    real_check = jobs.check

    def check_while_the_uploader_cancels(*args, **kwargs):
        client.post(reverse("jindu_import_cancel", args=[job.pk]))
        return real_check(*args, **kwargs)

    monkeypatch.setattr(jobs, "check", check_while_the_uploader_cancels)
    jobs.run_check(job)
    job.refresh_from_db()
    assert job.status == Status.CANCELLED and bytes(job.content) == b""
