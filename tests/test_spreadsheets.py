"""Spreadsheets in as Chinese offices keep them: imports in two steps (check, then confirm)
that never lose a cell, in the background, whole or not at all. Exports are in
tests/test_spreadsheet_exports.py."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.users.models import UserProfile

import openpyxl
import pytest

from jindu.editorial.localization import translate
from jindu.models import SpreadsheetImport
from jindu.spreadsheets.importer import Importer
from schools.models import Counsellor, School, StationMembership
from schools.scoping import OUTREACH_STAFF, STATION_MANAGERS
from tests.factories import (
    CounsellorFactory,
    DistrictFactory,
    SchoolFactory,
    StationFactory,
    station_member,
)

HEADER = ["学校名称", "区", "学段", "在校学生数", "学校地址", "联系人", "联系电话"]


def xlsx(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


def upload(client, content, name="schools.csv", kind="schools", **fields):
    """Upload through the admin view; the tasks run at once (ImmediateBackend)."""
    response = client.post(
        reverse("jindu_import_upload", args=[kind]),
        {"file": SimpleUploadedFile(name, content), **fields},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return SpreadsheetImport.objects.latest("pk")


def confirm(client, job):
    response = client.post(reverse("jindu_import_confirm", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    return job


@pytest.fixture
def manager(outreach_groups, pudong, django_capture_on_commit_callbacks):
    return station_member(StationFactory(district=pudong), STATION_MANAGERS)


@pytest.fixture
def signed_in(client, manager, django_capture_on_commit_callbacks):
    """A station manager's client whose commit callbacks (the enqueued tasks) run."""
    client.force_login(manager)
    original = client.post

    def post(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(*args, **kwargs)

    client.post = post
    return client


# Import: what the file does not say changes nothing


def test_unknown_and_missing_columns_change_nothing(signed_in, pudong):
    school = SchoolFactory(
        name="浦东实验小学",
        district=pudong,
        level="primary",
        enrolment=900,
        address="学府路1号",
        contact_person="张老师",
        contact_phone="021-50000001",
    )
    job = upload(
        signed_in,
        csv_bytes(
            [
                ["学校名称", "区", "学段", "学生总人数（人）", "备注"],
                ["浦东实验小学", "浦东新区", "小学", 950, "新校区"],
            ]
        ),
    )
    assert job.status == "ready"
    assert job.outcome["unrecognised"] == ["学生总人数（人）", "备注"]
    assert job.outcome["counts"] == {"created": 0, "updated": 0, "unchanged": 1, "problem": 0}
    page = signed_in.get(reverse("jindu_import_job", args=[job.pk])).content.decode()
    assert "学生总人数（人）" in page and "备注" in page
    confirm(signed_in, job)
    school.refresh_from_db()
    assert (school.enrolment, school.address, school.contact_person, school.contact_phone) == (
        900,
        "学府路1号",
        "张老师",
        "021-50000001",
    )


def test_known_enrolment_heading_updates_only_that_column(signed_in, pudong):
    school = SchoolFactory(name="浦东实验小学", district=pudong, enrolment=900, address="学府路1号")
    job = upload(
        signed_in, csv_bytes([["学校名称", "区", "在校学生数"], ["浦东实验小学", "浦东", "1,250"]])
    )
    assert job.outcome["counts"]["updated"] == 1
    assert [heading for heading, _label in job.outcome["recognised"]] == [
        "学校名称",
        "区",
        "在校学生数",
    ]
    confirm(signed_in, job)
    school.refresh_from_db()
    assert (school.enrolment, school.address) == (1250, "学府路1号")


def test_empty_cells_change_nothing_unless_asked(signed_in, pudong):
    school = SchoolFactory(name="浦东实验小学", district=pudong, address="学府路1号")
    rows = csv_bytes([["学校名称", "区", "学校地址"], ["浦东实验小学", "浦东新区", ""]])
    job = confirm(signed_in, upload(signed_in, rows))
    school.refresh_from_db()
    assert (job.outcome["counts"]["unchanged"], school.address) == (1, "学府路1号")
    job = confirm(signed_in, upload(signed_in, rows, empty_cells_clear="on"))
    school.refresh_from_db()
    assert (job.outcome["counts"]["updated"], school.address) == (1, "")


def test_gbk_file_with_chinese_headings_and_english_districts_imports(signed_in, pudong):
    translate(pudong, "en", {"浦东新区": "Pudong New Area"})
    content = csv_bytes(
        [
            HEADER,
            ["浦东实验小学", "浦东新区", "小学", 1200, "学府路1号", "张老师", "021-50000001"],
            ["Pudong No. 1 Middle School", "Pudong New Area", "senior secondary", 1800, "", "", ""],
            ["浦东职校", "Pudong", "中职", 600, "", "", ""],
        ],
        "gbk",
    )
    job = confirm(signed_in, upload(signed_in, content))
    assert job.status == "done", job.failure
    assert job.outcome["counts"]["created"] == 3
    levels = dict(School.objects.values_list("name", "level"))
    assert levels == {
        "浦东实验小学": "primary",
        "Pudong No. 1 Middle School": "senior",
        "浦东职校": "vocational",
    }
    assert set(School.objects.values_list("district", flat=True)) == {pudong.pk}
    assert School.objects.get(name="浦东实验小学").contact_phone == "021-50000001"


@pytest.mark.parametrize(
    ("encoding", "line_end"),
    [("big5", "\r\n"), ("gb18030", "\r"), ("utf-8-sig", "\n"), ("cp1252", "\r\n")],
)
def test_csv_in_any_encoding_and_line_ending_imports_as_written(
    signed_in, pudong, encoding, line_end
):
    """Big5 from a Hong Kong partner, GBK from a Mac's old Excel (lone \r line ends), a
    Western code page: names arrive as written, never as mojibake."""
    translate(pudong, "en", {"浦东新区": "Pudong New Area"})
    name = {"big5": "浦東實驗中學", "cp1252": "Café Müller School"}.get(encoding, "浦东实验中学")
    rows = [
        ["School name", "District", "Level"],
        [name, "Pudong New Area", "junior secondary"],
        [name + "2", "Pudong New Area", "junior secondary"],
    ]
    content = line_end.join(",".join(row) for row in rows).encode(encoding) + line_end.encode()
    job = confirm(signed_in, upload(signed_in, content))
    assert job.status == "done", job.failure
    assert sorted(School.objects.values_list("name", flat=True)) == [name, name + "2"]


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_before_it_is_read(signed_in, pudong):
    # 20 MB of one repeated character zips to a few kilobytes.
    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER[:3])
    workbook.active.append(["学" * 32000, "浦东新区", "初中"] * 200)
    workbook.save(buffer)
    content = buffer.getvalue()
    assert len(content) < 200_000
    job = upload(signed_in, content, name="schools.xlsx")
    assert job.status == "failed"
    assert "解压后" in job.failure
    assert not School.objects.exists()


def test_preview_lists_every_bad_row_and_imports_only_the_good_ones(signed_in, pudong):
    content = xlsx(
        [
            HEADER,
            ["浦东实验小学", "浦东新区", "小学", 1200, "", "", ""],
            ["无名区学校", "火星区", "小学", 100, "", "", ""],
            ["浦东某校", "浦东新区", "幼儿园", 100, "", "", ""],
            ["浦东初级中学", "pudong", "初中", -5, "", "", ""],
            ["浦东大学", "浦东新区", "高校", "很多", "", "", ""],
            ["浦东实验小学", "浦东新区", "小学", 1300, "", "", ""],
            ["", "浦东新区", "小学", 1, "", "", ""],
            ["浦东新校", "浦东新区", "", 100, "", "", ""],
        ]
    )
    job = upload(signed_in, content, name="学校.xlsx")
    problems = dict(job.outcome["problems"])
    assert sorted(problems) == [3, 4, 5, 6, 7, 8, 9]
    assert "火星区" in problems[3]
    assert "幼儿园" in problems[4]
    assert "-5" in problems[5]
    assert "很多" in problems[6]
    assert "第 2 行" in problems[7]
    assert "学校名称" in problems[8]
    assert "学段" in problems[9]
    page = signed_in.get(reverse("jindu_import_job", args=[job.pk])).content.decode()
    assert "火星区" in page and "导入 1 行" in page
    assert not School.objects.exists()  # nothing before the confirmation
    report = signed_in.get(reverse("jindu_import_report", args=[job.pk]))
    assert report.content.startswith("\ufeff".encode())
    assert "火星区" in report.content.decode("utf-8-sig")
    confirm(signed_in, job)
    assert list(School.objects.values_list("name", "enrolment")) == [("浦东实验小学", 1200)]


def test_a_file_that_fails_halfway_leaves_the_database_as_it_was(signed_in, pudong, monkeypatch):
    SchoolFactory(name="老学校", district=pudong, enrolment=500)
    content = csv_bytes(
        [HEADER, ["老学校", "浦东新区", "小学", 600, "", "", ""]]
        + [[f"新学校{i}", "浦东新区", "小学", 100, "", "", ""] for i in range(1200)]
    )
    job = upload(signed_in, content)
    assert job.outcome["counts"] == {"created": 1200, "updated": 1, "unchanged": 0, "problem": 0}

    def fail(self, created, updated):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Importer, "written", fail)
    job = confirm(signed_in, job)
    assert job.status == "failed"
    assert "数据库保持原样" in job.failure
    assert School.objects.count() == 1
    assert School.objects.get().enrolment == 500
    assert job.content == b""  # the file is not kept


def test_confirming_twice_imports_once(signed_in, pudong):
    job = upload(
        signed_in, csv_bytes([HEADER, ["浦东实验小学", "浦东新区", "小学", 1, "", "", ""]])
    )
    confirm(signed_in, job)
    response = signed_in.post(reverse("jindu_import_confirm", args=[job.pk]), follow=True)
    assert "不再等待导入" in response.content.decode()
    assert School.objects.count() == 1


def test_unreadable_files_and_missing_key_columns_import_nothing(signed_in, pudong):
    for name, content, message in [
        ("schools.xlsx", b"not a workbook", "XLSX"),
        ("schools.csv", b"\n\n", "\u6587\u4ef6\u662f\u7a7a\u7684"),
        ("schools.csv", "学校名称,电话\n浦东实验小学,1\n".encode(), "区"),
    ]:
        job = upload(signed_in, content, name=name)
        assert job.status == "failed"
        assert message in job.failure, job.failure
    response = signed_in.post(
        reverse("jindu_import_upload", args=["schools"]),
        {"file": SimpleUploadedFile("schools.pdf", b"%PDF")},
    )
    assert response.status_code == 200
    assert "只能导入 .csv 和 .xlsx 文件" in response.content.decode()
    assert not School.objects.exists()


def test_jobs_are_their_uploaders_alone(signed_in, client, pudong, outreach_groups):
    job = upload(signed_in, csv_bytes([HEADER]))
    other = station_member(StationFactory(), STATION_MANAGERS, email="other@example.org")
    client.force_login(other)
    for name in ("jindu_import_job", "jindu_import_report"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert client.post(reverse("jindu_import_confirm", args=[job.pk])).status_code == 404


def test_staff_may_not_import_schools(client, outreach_groups):
    client.force_login(station_member(StationFactory(), OUTREACH_STAFF))
    response = client.get(reverse("jindu_import_upload", args=["schools"]))
    assert response.status_code == 302
    assert "没有权限" in client.get(response["Location"]).content.decode()
    listing = client.get(reverse("wagtailsnippets_schools_school:list")).content.decode()
    assert reverse("jindu_import_upload", args=["schools"]) not in listing


def test_counsellors_import_only_into_the_managers_station(signed_in, manager, pudong):
    own = StationMembership.objects.get(user=manager).station
    other = StationFactory(name="徐汇区禁毒社工站")
    CounsellorFactory(name="王芳", station=own, role="volunteer", phone="13900000001")
    content = csv_bytes(
        [
            ["姓名", "工作站", "身份", "手机"],
            ["王芳", own.name, "社工", ""],
            ["李明", own.name, "志愿者", "13900000000"],
            ["赵强", other.name, "社工", ""],
        ]
    )
    job = confirm(signed_in, upload(signed_in, content, kind="counsellors"))
    assert job.outcome["counts"] == {"created": 1, "updated": 1, "unchanged": 0, "problem": 1}
    assert other.name in dict(job.outcome["problems"])[4]
    assert dict(Counsellor.objects.values_list("name", "role")) == {
        "王芳": "social_worker",
        "李明": "volunteer",
    }
    assert Counsellor.objects.get(name="王芳").phone == "13900000001"
    assert not Counsellor.objects.filter(station=other).exists()


def test_the_command_checks_and_imports(pudong, tmp_path, english):
    path = tmp_path / "schools.csv"
    path.write_bytes(
        csv_bytes(
            [
                ["name", "district", "level", "enrolment"],
                ["A", "pudong", "primary", 5],
                ["B", "Mars", "primary", 1],
            ]
        )
    )
    with pytest.raises(CommandError, match="1 added, 0 updated, 0 unchanged, 1 rows with problems"):
        call_command(
            "import_schools", str(path), "--check", stdout=io.StringIO(), stderr=io.StringIO()
        )
    assert not School.objects.exists()
    with pytest.raises(CommandError):
        call_command("import_schools", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert list(School.objects.values_list("name", flat=True)) == ["A"]


def test_twenty_thousand_rows_return_at_once_and_finish_in_the_background(signed_in, monkeypatch):
    """With the task worker of production (django-tasks' database backend), the upload and
    the confirmation each return before the work is done; the worker then does it."""
    client = signed_in
    # The worker drops connections that are not in autocommit mode before each task, as a
    # long-running process should; inside this test's transaction that would be the test's
    # own connection (PostgreSQL; SQLite's in-memory database is never closed).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    rows = [HEADER] + [
        [f"学校{i}", "浦东新区", "小学", 100 + i % 900, f"路{i}号", "", ""] for i in range(20000)
    ]
    database_tasks = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    with override_settings(TASKS=database_tasks):
        job = upload(client, xlsx(rows), name="schools.xlsx")
        assert job.status == "checking"
        page = client.get(reverse("jindu_import_job", args=[job.pk])).content.decode()
        assert "data-jindu-import-pending" in page
        call_command(
            "db_worker",
            batch=True,
            no_startup_delay=True,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        job.refresh_from_db()
        assert (job.status, job.outcome["counts"]["created"]) == ("ready", 20000)
        job = confirm(client, job)
        assert job.status == "importing"
        assert not School.objects.exists()
        call_command(
            "db_worker",
            batch=True,
            no_startup_delay=True,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    job.refresh_from_db()
    assert job.status == "done", job.failure
    assert School.objects.count() == 20000
    assert School.objects.get(name="学校19999").address == "路19999号"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_readmes_sample_files_import_without_a_problem(signed_in, pudong, manager, language):
    from pathlib import Path

    translate(pudong, "en", {"浦东新区": "Pudong New Area"})
    xuhui = DistrictFactory(name="徐汇区", code="xuhui")
    translate(xuhui, "en", {"徐汇区": "Xuhui District"})
    station = StationMembership.objects.get(user=manager).station
    station.name = "浦东新区工作站"
    station.save()
    translate(station, "en", {"浦东新区工作站": "Pudong New Area work station"})
    SchoolFactory(name="浦东初级中学", district=pudong)
    samples = Path(__file__).resolve().parent.parent / "docs" / "samples"
    suffix = language.split("-")[0][:2]
    # The admin speaks the manager's chosen language.
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = language
    profile.save()
    for kind in ("schools", "counsellors", "events"):
        downloaded = signed_in.get(
            reverse("jindu_import_sample", args=[kind]), HTTP_ACCEPT_LANGUAGE=language
        )
        content = downloaded.content
        # The files in docs/samples are the ones the import page hands out.
        assert (samples / f"{kind}-{suffix}.csv").read_bytes() == content
        job = confirm(signed_in, upload(signed_in, content, name=f"{kind}.csv", kind=kind))
        assert job.outcome["counts"]["problem"] == 0, job.outcome["problems"]
        assert job.outcome["unrecognised"] == []
        assert job.status == "done"
    assert School.objects.filter(district=xuhui).count() == 1
    assert Counsellor.objects.filter(station=station).count() == 1
    assert station.events.get().school.name == "浦东初级中学"


def test_a_terms_talk_schedule_imports_as_events_of_the_staffs_station(
    client, outreach_groups, pudong, django_capture_on_commit_callbacks
):
    from campaigns.models import Event

    station = StationFactory(name="浦东站", district=pudong)
    other = StationFactory(name="别的站")
    school = SchoolFactory(name="浦东实验中学", district=pudong)
    client.force_login(station_member(station, OUTREACH_STAFF))
    listing = client.get(reverse("wagtailsnippets_campaigns_event:list")).content.decode()
    assert reverse("jindu_import_upload", args=["events"]) in listing
    rows = [
        ["活动名称", "开始时间", "结束时间", "工作站", "场所类型", "活动形式", "学校", "状态"],
        [
            "禁毒讲座（初一）",
            "2026/12/10 14:00",
            "2026/12/10 15:30",
            "浦东站",
            "学校",
            "讲座",
            "浦东实验中学",
            "已确认",
        ],
        [
            "禁毒讲座（初二）",
            "2026年12月11日 14:00",
            "2026年12月11日 15:00",
            "浦东站",
            "学校",
            "讲座",
            "浦东实验中学",
            "",
        ],
        ["倒着的讲座", "2026-12-12 15:00", "2026-12-12 14:00", "浦东站", "社区", "讲座", "", ""],
        ["别站的讲座", "2026-12-12 15:00", "2026-12-12 16:00", "别的站", "社区", "讲座", "", ""],
        [
            "没有学校的讲座",
            "2026-12-13 15:00",
            "2026-12-13 16:00",
            "浦东站",
            "学校",
            "讲座",
            "",
            "",
        ],
        ["火星讲座", "2026-12-14 15:00", "2026-12-14 16:00", "浦东站", "火星", "讲座", "", ""],
    ]

    def send(content):
        with django_capture_on_commit_callbacks(execute=True):
            job = upload(client, content, name="schedule.csv", kind="events")
        job.refresh_from_db()
        assert job.status == "ready", job.failure
        with django_capture_on_commit_callbacks(execute=True):
            return confirm(client, job)

    job = send(csv_bytes(rows, "gbk"))
    problems = dict(job.outcome["problems"])
    assert sorted(problems) == [4, 5, 6, 7]
    assert "结束" in problems[4] and "别的站" in problems[5] and "学校" in problems[6]
    assert "火星" in problems[7]
    events = Event.objects.order_by("start")
    assert [(e.title, e.station, e.school, e.district, e.status) for e in events] == [
        ("禁毒讲座（初一）", station, school, pudong, "confirmed"),
        ("禁毒讲座（初二）", station, school, pudong, "planned"),
    ]
    assert timezone.localtime(events[0].start).strftime("%H:%M") == "14:00"
    assert not Event.objects.filter(station=other).exists()
    # The corrected schedule again: the same events are updated, none added.
    rows[2][2] = "2026年12月11日 15:30"
    job = send(csv_bytes(rows[:3]))
    assert job.outcome["counts"] == {"created": 0, "updated": 1, "unchanged": 1, "problem": 0}
    assert Event.objects.count() == 2
