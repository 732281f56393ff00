"""Planning and recording outreach: event rules, double bookings, attendance and the stock
ledger, as staff meet them in the admin and as the models enforce them."""

import datetime
import re
import threading

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

import pytest
import time_machine

from campaigns.models import Attendance, Event, InsufficientStock, StockMovement
from campaigns.roles import ensure_campaign_permissions
from schools.models import StationMembership
from schools.roles import ensure_outreach_groups
from schools.scoping import OUTREACH_STAFF
from tests.factories import (
    SHANGHAI,
    CounsellorFactory,
    EventFactory,
    MaterialFactory,
    SchoolFactory,
    StationFactory,
    UserFactory,
    distribute,
    receive,
)

pytestmark = pytest.mark.usefixtures("english")
NOW = datetime.datetime(2026, 6, 25, 12, 0, tzinfo=SHANGHAI)


@pytest.fixture
def staff(db):
    ensure_outreach_groups()
    ensure_campaign_permissions()
    station = StationFactory(name="浦东新区工作站")
    user = UserFactory()
    user.groups.add(Group.objects.get(name=OUTREACH_STAFF))
    StationMembership.objects.create(user=user, station=station)
    return user, station


def clean_errors(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


# Event rules


def test_event_must_end_after_start(db):
    event = EventFactory.build(
        station=StationFactory(), end=datetime.datetime(2026, 6, 20, 9, 0, tzinfo=SHANGHAI)
    )
    event.district = event.station.district
    assert "end" in clean_errors(event)


def test_school_event_needs_a_school(db):
    event = EventFactory.build(station=StationFactory(), venue_type="school")
    event.district = event.station.district
    assert clean_errors(event)["school"] == ["Choose the school for a school event."]


def test_session_number_within_the_programme(db):
    event = EventFactory.build(station=StationFactory(), session_number=4, session_count=3)
    event.district = event.station.district
    assert "session_number" in clean_errors(event)


@time_machine.travel(NOW, tick=False)
def test_future_event_cannot_be_completed(db):
    event = EventFactory.build(
        station=StationFactory(),
        start=NOW + datetime.timedelta(days=1),
        end=NOW + datetime.timedelta(days=1, hours=2),
    )
    event.district = event.station.district
    assert "status" in clean_errors(event)


def event_form_data(station, counsellors, start, end, **extra):
    return {
        "title": "禁毒讲座",
        "venue_type": "community",
        "format": "talk",
        "status": "planned",
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": end.strftime("%Y-%m-%d %H:%M"),
        "station": station.pk,
        "district": station.district.pk,
        "counsellors": [c.pk for c in counsellors],
        "session_number": "1",
        "session_count": "1",
        **extra,
    }


@time_machine.travel(NOW, tick=False)
def test_double_booking_is_refused_naming_who_and_when(client, staff):
    user, station = staff
    wang = CounsellorFactory(station=station, name="王丽华")
    EventFactory(
        station=station,
        title="社区禁毒宣传日",
        status="confirmed",
        counsellors=[wang],
        start=datetime.datetime(2026, 6, 26, 9, 0, tzinfo=SHANGHAI),
        end=datetime.datetime(2026, 6, 26, 11, 0, tzinfo=SHANGHAI),
    )
    client.force_login(user)
    response = client.post(
        reverse("wagtailsnippets_campaigns_event:add"),
        event_form_data(
            station,
            [wang],
            datetime.datetime(2026, 6, 26, 10, 0),
            datetime.datetime(2026, 6, 26, 12, 0),
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    # The admin speaks the staff member's language, Chinese by default.
    assert "王丽华 已安排参加“社区禁毒宣传日”（2026-06-26 09:00 至 11:00），时间冲突。" in html
    assert Event.objects.count() == 1


@time_machine.travel(NOW, tick=False)
def test_back_to_back_and_cancelled_events_are_not_double_bookings(client, staff):
    user, station = staff
    wang = CounsellorFactory(station=station)
    EventFactory(
        station=station,
        status="confirmed",
        counsellors=[wang],
        start=datetime.datetime(2026, 6, 26, 9, 0, tzinfo=SHANGHAI),
        end=datetime.datetime(2026, 6, 26, 10, 0, tzinfo=SHANGHAI),
    )
    EventFactory(
        station=station,
        status="cancelled",
        counsellors=[wang],
        start=datetime.datetime(2026, 6, 26, 10, 0, tzinfo=SHANGHAI),
        end=datetime.datetime(2026, 6, 26, 12, 0, tzinfo=SHANGHAI),
    )
    client.force_login(user)
    response = client.post(
        reverse("wagtailsnippets_campaigns_event:add"),
        event_form_data(
            station,
            [wang],
            datetime.datetime(2026, 6, 26, 10, 0),
            datetime.datetime(2026, 6, 26, 12, 0),
        ),
    )
    assert response.status_code == 302
    assert Event.objects.count() == 3


# Attendance


@time_machine.travel(NOW, tick=False)
def test_no_attendance_before_the_event_starts(db):
    event = EventFactory(
        status="planned",
        start=NOW + datetime.timedelta(hours=1),
        end=NOW + datetime.timedelta(hours=3),
    )
    attendance = Attendance(event=event, group="residents", count=10)
    assert clean_errors(attendance)["event"] == [
        "Attendance can be recorded once the event has started."
    ]


def test_no_negative_or_implausible_counts(db):
    event = EventFactory()
    for count in (-1, 100001):
        assert "count" in clean_errors(Attendance(event=event, group="residents", count=count))


def test_one_headcount_per_group(db):
    event = EventFactory()
    Attendance.objects.create(event=event, group="residents", count=10)
    assert "group" in clean_errors(Attendance(event=event, group="residents", count=5))


def attendance_data(event, group, count, **extra):
    return {"event": event.pk, "group": group, "count": str(count), **extra}


def test_count_above_enrolment_needs_confirmation(client, staff):
    user, station = staff
    school = SchoolFactory(enrolment=300, name="浦东实验小学")
    event = EventFactory(station=station, venue_type="school", school=school)
    Attendance.objects.create(event=event, group="primary", count=200)
    client.force_login(user)
    url = reverse("wagtailsnippets_campaigns_attendance:add")
    response = client.post(url, attendance_data(event, "junior", 150))
    assert response.status_code == 200
    html = response.content.decode()
    assert "浦东实验小学 在校学生 300 人，而本次活动将记录学生 350 人次" in html
    # The confirmation the message asks for is there, with its label.
    assert re.search(
        r'<label[^>]*for="id_confirm_over_enrolment"[^>]*>(<span[^>]*>)?人数无误（虽然超过了学校在校学生数）',
        html,
    )
    assert Attendance.objects.count() == 1
    response = client.post(url, attendance_data(event, "junior", 150, confirm_over_enrolment="on"))
    assert response.status_code == 302
    assert Attendance.objects.count() == 2
    # Teachers are not students: no confirmation needed.
    assert client.post(url, attendance_data(event, "teachers", 40)).status_code == 302


def test_staff_cannot_record_attendance_for_another_station(client, staff):
    user, _station = staff
    other = EventFactory(station=StationFactory())
    client.force_login(user)
    response = client.post(
        reverse("wagtailsnippets_campaigns_attendance:add"), attendance_data(other, "residents", 10)
    )
    assert response.status_code == 200
    assert not Attendance.objects.exists()


# Stock


def test_stock_is_the_sum_of_movements(db):
    event = EventFactory()
    leaflet = MaterialFactory()
    receive(leaflet, event.station, 500)
    distribute(leaflet, event, 120)
    StockMovement(
        material=leaflet, station=event.station, kind="adjustment", quantity=-30, note="受潮报废"
    ).record()
    assert StockMovement.stock(leaflet, event.station) == 350


def test_stock_never_drops_below_zero(db):
    event = EventFactory()
    leaflet = MaterialFactory(name="禁毒知识宣传单", unit="份")
    receive(leaflet, event.station, 100)
    with pytest.raises(InsufficientStock, match="Only 100 份 of 禁毒知识宣传单 are in stock"):
        distribute(leaflet, event, 101)
    with pytest.raises(InsufficientStock):
        StockMovement(
            material=leaflet, station=event.station, kind="adjustment", quantity=-101
        ).record()
    assert StockMovement.stock(leaflet, event.station) == 100
    assert StockMovement.objects.count() == 1


def test_stock_is_per_station(db):
    event = EventFactory()
    leaflet = MaterialFactory()
    receive(leaflet, StationFactory(), 1000)
    with pytest.raises(InsufficientStock):
        distribute(leaflet, event, 1)


@pytest.mark.parametrize(
    ("kind", "quantity", "field"),
    [("receipt", 0, "quantity"), ("receipt", -5, "quantity"), ("adjustment", 0, "quantity")],
)
def test_movement_quantities(db, kind, quantity, field):
    movement = StockMovement(
        material=MaterialFactory(), station=StationFactory(), kind=kind, quantity=quantity
    )
    assert field in clean_errors(movement)


def test_distribution_names_an_event_of_the_same_station(db):
    leaflet = MaterialFactory()
    station = StationFactory()
    assert "event" in clean_errors(
        StockMovement(material=leaflet, station=station, kind="distribution", quantity=5)
    )
    other_event = EventFactory()
    movement = StockMovement(
        material=leaflet, station=station, kind="distribution", quantity=5, event=other_event
    )
    assert clean_errors(movement)["event"] == ["The event belongs to another station."]


def test_admin_refuses_overdrawn_distribution_with_a_message(client, staff):
    user, station = staff
    event = EventFactory(station=station)
    leaflet = MaterialFactory(name="禁毒知识宣传单")
    receive(leaflet, station, 10)
    client.force_login(user)
    response = client.post(
        reverse("wagtailsnippets_campaigns_stockmovement:add"),
        {
            "material": leaflet.pk,
            "station": station.pk,
            "kind": "distribution",
            "quantity": "11",
            "event": event.pk,
        },
    )
    assert response.status_code == 200
    assert "本站 禁毒知识宣传单 库存仅剩 10 份。" in response.content.decode()
    assert StockMovement.objects.count() == 1


def test_ledger_lines_cannot_be_edited(client, staff):
    user, station = staff
    movement = receive(MaterialFactory(), station, 10)
    client.force_login(user)
    response = client.post(
        reverse("wagtailsnippets_campaigns_stockmovement:edit", args=[movement.pk]),
        {"quantity": "1000"},
    )
    assert response.status_code == 302
    movement.refresh_from_db()
    assert movement.quantity == 10


# Threads need their own connections, so the rows must be committed; the rows migrations
# made are put back afterwards for the transactional tests that follow.
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks are tested on PostgreSQL (SQLite serialises all writes)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_distributions_never_overdraw():
    """Two staff record distributions at the same moment. On PostgreSQL the material row
    lock makes the second wait for the first and then see the lower stock."""
    event = EventFactory()
    leaflet = MaterialFactory()
    receive(leaflet, event.station, 100)
    barrier = threading.Barrier(4)
    outcomes = []

    def take(quantity):
        from django.db import connections

        try:
            barrier.wait()
            distribute(leaflet, event, quantity)
            outcomes.append("ok")
        except InsufficientStock:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take, args=(40,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "ok", "refused", "refused"]
    assert StockMovement.stock(leaflet, event.station) == 20


@time_machine.travel(NOW, tick=False)
def test_admin_calendar_shows_only_the_users_station(client, staff):
    user, station = staff
    EventFactory(
        station=station, title="本站讲座", start=NOW, end=NOW + datetime.timedelta(hours=1)
    )
    EventFactory(
        station=StationFactory(), title="别站讲座", start=NOW, end=NOW + datetime.timedelta(hours=1)
    )
    client.force_login(user)
    for view in ("month", "week"):
        html = client.get(
            reverse("campaigns_calendar"), {"view": view, "date": "2026-06-25"}
        ).content.decode()
        assert "本站讲座" in html
        assert "别站讲座" not in html


@time_machine.travel(NOW, tick=False)
def test_staff_get_a_private_feed_they_can_reset(client, staff):
    from campaigns.models import CalendarToken

    user, station = staff
    client.force_login(user)
    html = client.get(reverse("campaigns_calendar")).content.decode()
    token = CalendarToken.objects.get(station=station)
    assert f"/calendars/{token.token}.ics" in html
    client.post(reverse("campaigns_reset_feed_token", args=[token.pk]))
    token.refresh_from_db()
    assert f"/calendars/{token.token}.ics" not in html
    other = CalendarToken.for_owner(station=StationFactory())
    assert client.post(reverse("campaigns_reset_feed_token", args=[other.pk])).status_code == 404


def test_events_listing_and_export_are_scoped(client, staff):
    user, station = staff
    EventFactory(station=station, title="本站讲座")
    other = EventFactory(station=StationFactory(), title="别站讲座")
    client.force_login(user)
    html = client.get(reverse("wagtailsnippets_campaigns_event:list")).content.decode()
    assert "本站讲座" in html and "别站讲座" not in html
    assert (
        client.get(reverse("wagtailsnippets_campaigns_event:edit", args=[other.pk])).status_code
        == 404
    )


def test_stock_levels_report_is_summed_and_scoped(client, staff):
    user, station = staff
    event = EventFactory(station=station)
    leaflet = MaterialFactory(name="禁毒知识宣传单")
    receive(leaflet, station, 500)
    distribute(leaflet, event, 120)
    StockMovement(material=leaflet, station=station, kind="adjustment", quantity=-30).record()
    receive(MaterialFactory(name="别站海报"), StationFactory(), 99)
    client.force_login(user)
    html = client.get(reverse("campaigns_stock")).content.decode()
    assert "禁毒知识宣传单" in html
    assert "<td>350</td>" in html.replace(" ", "").replace("\n", "") or ">350<" in html
    assert "别站海报" not in html
    # Staff export their own station's stock, and only theirs.
    export = client.get(reverse("campaigns_stock"), {"export": "csv"})
    sheet = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "禁毒知识宣传单" in sheet and "别站海报" not in sheet


def test_stock_balances_stay_equal_to_the_ledger(staff):
    """Stock levels are read from running balances; after any mix of movements, including
    refused ones, each balance equals the sum of its ledger lines."""
    import random

    from campaigns.models import StockBalance

    rng = random.Random(7)
    stations = [staff[1], StationFactory()]
    materials = [MaterialFactory(), MaterialFactory()]
    events = {station.pk: EventFactory(station=station) for station in stations}
    for _ in range(60):
        station, material = rng.choice(stations), rng.choice(materials)
        kind = rng.choice(["receipt", "distribution", "adjustment"])
        quantity = rng.randrange(1, 80) * (rng.choice([1, -1]) if kind == "adjustment" else 1)
        event = events[station.pk] if kind == "distribution" else None
        try:
            StockMovement(
                material=material, station=station, kind=kind, quantity=quantity, event=event
            ).record()
        except InsufficientStock:
            pass
    kept = {
        (b.material_id, b.station_id): (b.received, b.distributed, b.adjusted, b.in_stock)
        for b in StockBalance.objects.all()
    }
    for (material, station), (received, distributed, adjusted, in_stock) in kept.items():
        lines = StockMovement.objects.filter(material=material, station=station)
        assert received == sum(m.quantity for m in lines if m.kind == "receipt")
        assert distributed == sum(m.quantity for m in lines if m.kind == "distribution")
        assert adjusted == sum(m.quantity for m in lines if m.kind == "adjustment")
        assert in_stock == StockMovement.stock(material, station) >= 0
    assert len(kept) == StockMovement.objects.values("material", "station").distinct().count()
    StockBalance.rebuild()
    assert {
        (b.material_id, b.station_id): (b.received, b.distributed, b.adjusted, b.in_stock)
        for b in StockBalance.objects.all()
    } == kept
