"""The holes found by probing, one test each (run on SQLite and PostgreSQL): leaks between
stations and roles (site history, signed letters, collections), photos that kept their GPS
position, uploads that broke or lied, public 500s from NUL characters, and implausible
records."""

import datetime
import io
import struct
import zlib
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection

import pytest
from PIL import Image

from campaigns.models import Attendance, Event
from campaigns.roles import ensure_campaign_permissions
from jindu.editorial.roles import ensure_editorial_groups
from jindu.models import JinduImage
from jindu.uploads.image_files import has_location
from schools.letters import ensure_station_letters
from schools.models import StationMembership
from schools.roles import ensure_outreach_groups
from tests.factories import (
    SHANGHAI,
    AgreementFactory,
    ArticlePageFactory,
    CounsellorFactory,
    DistrictFactory,
    EventFactory,
    SchoolFactory,
    SectionPageFactory,
    StationFactory,
    UserFactory,
)


@pytest.fixture
def two_stations(home):
    ensure_outreach_groups()
    ensure_campaign_permissions()
    groups = ensure_editorial_groups([home])
    pudong, xuhui = StationFactory(name="浦东新区工作站"), StationFactory(name="徐汇区工作站")
    people = {}
    for name, group, station in [
        ("pudong_staff", "Outreach staff", pudong),
        ("pudong_manager", "Station managers", pudong),
        ("xuhui_staff", "Outreach staff", xuhui),
        ("administrator", "Administrators", None),
        ("editor", "Editors", None),
        ("reviewer", "Reviewers", None),
    ]:
        user = UserFactory(username=name)
        user.groups.add(Group.objects.get(name=group))
        if station:
            StationMembership.objects.create(user=user, station=station)
        people[name] = user
    del groups
    return {"pudong": pudong, "xuhui": xuhui, "people": people}


# Leaks between stations and roles


def test_site_history_shows_a_worker_only_their_stations_records(client, two_stations):
    people = two_stations["people"]
    secret = EventFactory(station=two_stations["pudong"], title="浦东某中学的讲座")
    own = EventFactory(station=two_stations["xuhui"], title="徐汇某小学的讲座")
    log(secret, "wagtail.create", user=people["pudong_staff"])
    log(own, "wagtail.create", user=people["xuhui_staff"])
    client.force_login(people["xuhui_staff"])
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        html = client.get(url).content.decode()
        assert "徐汇某小学的讲座" in html
        assert "浦东某中学的讲座" not in html, url
    client.force_login(people["administrator"])
    assert "浦东某中学的讲座" in client.get("/admin/reports/site-history/").content.decode()


def signed_letter(station, title="聘书扫描件"):
    collection = ensure_station_letters(station)
    from django.core.files.base import ContentFile

    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 signed", name="letter.pdf"), collection=collection
    )


LETTER_ACCESS = [
    ("pudong_staff", True),
    ("pudong_manager", True),
    ("administrator", True),
    ("xuhui_staff", False),
    ("editor", False),
    ("reviewer", False),
    (None, False),
]


@pytest.mark.parametrize(("who", "may_open"), LETTER_ACCESS)
def test_a_signed_letter_opens_for_its_station_and_the_administrators_only(
    client, two_stations, who, may_open
):
    letter = signed_letter(two_stations["pudong"])
    if who:
        client.force_login(two_stations["people"][who])
    response = client.get(letter.url)
    assert (response.status_code == 200) is may_open, response.status_code
    listing = client.get(reverse("wagtaildocs:index"))
    if who and listing.status_code == 200:
        assert ("聘书扫描件" in listing.content.decode()) is may_open


def test_the_documents_api_never_lists_a_signed_letter(client, two_stations):
    signed_letter(two_stations["pudong"], title="不应公开的聘书")
    assert "不应公开的聘书" not in client.get("/api/v2/documents/").content.decode()


def test_editors_cannot_move_a_signed_letter_out_of_its_collection(client, two_stations):
    letter = signed_letter(two_stations["pudong"])
    client.force_login(two_stations["people"]["editor"])
    root = Collection.get_first_root_node()
    response = client.post(
        reverse("wagtaildocs:edit", args=[letter.pk]),
        {"title": letter.title, "collection": root.pk},
    )
    letter.refresh_from_db()
    assert letter.collection_id != root.pk
    assert response.status_code in (302, 403, 404)


def test_a_worker_who_changes_station_loses_the_old_stations_letters(client, two_stations):
    letter = signed_letter(two_stations["pudong"])
    staff = two_stations["people"]["pudong_staff"]
    membership = StationMembership.objects.get(user=staff)
    membership.station = two_stations["xuhui"]
    membership.save()
    client.force_login(staff)
    assert client.get(letter.url).status_code != 200


# Photos


def jpeg_with_gps(size=(80, 40), orientation=6):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = orientation  # rotated on the camera
    exif[0x010F] = "校园相机"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (31.0, 13.0, 40.0), 3: "E", 4: (121.0, 28.0, 12.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    data = buffer.getvalue()
    assert has_location(data)
    return data


def test_uploaded_photos_lose_their_position_in_the_original_and_every_rendition(
    client, two_stations
):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "禁毒课堂",
            "description": "学生在禁毒课堂上",
            "collection": Collection.get_first_root_node().get_children().first().pk,
            "file": SimpleUploadedFile("class.jpg", jpeg_with_gps(), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = JinduImage.objects.get(title="禁毒课堂")
    with image.open_file() as original:
        data = original.read()
    assert not has_location(data)
    assert b"\xe6\xa0\xa1\xe5\x9b\xad" not in data  # the camera's name is gone too
    # The orientation was applied, not dropped: the photo stands upright.
    assert (image.width, image.height) == (40, 80)
    rendition = image.get_rendition("fill-20x20|format-jpeg")
    with rendition.file.open() as handle:
        assert not has_location(handle.read())


def files_with_a_location(folder):
    found = []
    for path in Path(folder).rglob("*"):
        if path.is_file() and has_location(path.read_bytes()):
            found.append(str(path.relative_to(folder)))
    return found


def test_the_multiple_uploader_keeps_no_position_anywhere(client, two_stations, settings):
    """Wagtail's drag-and-drop uploader: the alt text is required, so the file waits in
    wagtail_uploads/ until it is filled in, then becomes the image."""
    client.force_login(UserFactory(is_superuser=True))
    collection = Collection.get_first_root_node().get_children().first()
    waiting = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": collection.pk,
            "files[]": SimpleUploadedFile("hall.jpg", jpeg_with_gps(), content_type="image/jpeg"),
        },
    ).json()
    assert waiting["success"] and "uploaded_file_id" in waiting
    assert files_with_a_location(settings.MEDIA_ROOT) == []
    prefix = f"uploaded-image-{waiting['uploaded_file_id']}"
    created = client.post(
        reverse(
            "wagtailimages:create_multiple_from_uploaded_image",
            args=[waiting["uploaded_file_id"]],
        ),
        {
            f"{prefix}-title": "礼堂讲座",
            f"{prefix}-description": "学生在礼堂听讲座",
            f"{prefix}-collection": collection.pk,
            f"{prefix}-tags": "",
        },
    ).json()
    assert created["success"], created
    image = JinduImage.objects.get(title="礼堂讲座")
    image.get_rendition("fill-20x20|format-jpeg")
    assert files_with_a_location(settings.MEDIA_ROOT) == []
    assert (image.width, image.height) == (40, 80)


def test_the_clean_up_command_strips_photos_already_stored(two_stations):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    name = default_storage.save("original_images/old.jpg", ContentFile(jpeg_with_gps()))
    # Stored before images were cleaned as they were saved: a row written without save().
    (image,) = JinduImage.objects.bulk_create(
        [JinduImage(title="旧照片", description="旧照片", file=name, width=80, height=40)]
    )
    image.get_rendition("fill-20x20|format-jpeg")
    with image.open_file() as handle:
        assert has_location(handle.read())
    call_command("strip_image_metadata", verbosity=0)
    image.refresh_from_db()
    with image.open_file() as handle:
        assert not has_location(handle.read())
    assert (image.width, image.height) == (40, 80)
    assert not image.renditions.exists()


# Uploads


def png_bomb(width=20000, height=20000):
    """A valid 1-bit PNG of ``width`` × ``height`` pixels, a few tens of kilobytes."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_is_a_form_error_not_a_500(client, two_stations):
    client.force_login(UserFactory(is_superuser=True))
    bomb = png_bomb()
    assert len(bomb) < 200_000
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "炸弹",
            "description": "不是图片",
            "file": SimpleUploadedFile("bomb.png", bomb, content_type="image/png"),
        },
    )
    assert response.status_code == 200
    assert "百万像素" in response.content.decode() or "million pixels" in response.content.decode()
    assert not JinduImage.objects.filter(title="炸弹").exists()


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("report.pdf", b"MZ\x90\x00" + b"\x00" * 200, False),
        ("report.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, False),
        ("list.txt", b"#!/bin/sh\nrm -rf /\n", False),
        ("figures.xlsx", b"%PDF-1.4 not a spreadsheet", False),
        ("notes.txt", "禁毒宣传月工作计划\n".encode("gb18030"), True),
        ("notes.csv", "学校,人数\n浦东中学,300\n".encode(), True),
        ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", True),
    ],
)
def test_documents_must_be_what_their_names_say(client, two_stations, name, content, accepted):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "collection": Collection.get_first_root_node().get_children().first().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    stored = get_document_model().objects.filter(title=name).exists()
    assert stored is accepted, response.content.decode()[:1500]


# Public 500s


@pytest.mark.parametrize(
    "url", ["/search/?q=a%00b", "/en/search/?q=a%00b", "/search/?q=%E6%AF%92%00%E5%93%81"]
)
def test_a_nul_in_a_search_is_no_error(client, home, url):
    response = client.get(url)
    assert response.status_code == 200


def test_a_nul_in_a_form_or_an_address_never_reaches_the_database(client, home):
    assert client.get("/news%00/").status_code == 400
    response = client.get("/api/v2/pages/?search=%E6%AF%92%00")
    assert response.status_code == 200


# Implausible records


def event_form(client, **changes):
    station = StationFactory()
    school = SchoolFactory(district=station.district)
    data = {
        "title": "禁毒讲座",
        "venue_type": "school",
        "format": "talk",
        "status": "planned",
        "start": "2026-11-10 09:00",
        "end": "2026-11-10 10:00",
        "station": station.pk,
        "district": station.district.pk,
        "school": school.pk,
        "session_number": 1,
        "session_count": 1,
    }
    data.update(changes)
    client.force_login(UserFactory(is_superuser=True))
    return client.post(reverse("wagtailsnippets_campaigns_event:add"), data)


@pytest.mark.parametrize("start", ["1970-01-01 09:00", "2036-11-10 09:00"])
def test_an_event_out_of_any_plausible_year_is_refused(client, home, start):
    response = event_form(client, start=start, end=start[:11] + "10:00")
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_a_school_event_takes_place_in_the_schools_district(client, home):
    other = DistrictFactory(name="别的区")
    response = event_form(client, district=other.pk)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.district_id == event.school.district_id
    # The same rule for records made outside the admin.
    event.district = other
    event.save()
    event.refresh_from_db()
    assert event.district_id == event.school.district_id


def test_a_held_event_with_attendance_cannot_go_back_to_requested(home):
    event = EventFactory(status="completed")
    Attendance.objects.create(event=event, group="residents", count=20)
    event = Event.objects.get(pk=event.pk)
    event.status = "requested"
    with pytest.raises(Exception, match="stays completed|仍为已完成|已完成"):
        event.full_clean()


def test_bidirectional_overrides_are_stripped_from_titles(home):
    event = EventFactory(title="禁毒讲座\u202efdp.exe", organisation="某\u202d机构")
    event.refresh_from_db()
    assert "\u202e" not in event.title and "\u202d" not in event.organisation
    section = SectionPageFactory(parent=home, slug="news")
    article = ArticlePageFactory(parent=section, slug="a", title="远离\u202e毒品")
    article.refresh_from_db()
    assert article.title == "远离毒品"


def test_control_characters_in_names_never_reach_the_database(home):
    counsellor = CounsellorFactory(name="王\x00丽华")
    counsellor.refresh_from_db()
    assert counsellor.name == "王丽华"
    agreement = AgreementFactory(counsellor=counsellor)
    assert agreement.pk
    when = datetime.datetime(2026, 6, 20, 9, tzinfo=SHANGHAI)
    assert timezone.localtime(when).year == 2026
