"""Admin listings cost the same number of queries at two data sizes."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from campaigns.models import Attendance
from campaigns.roles import ensure_campaign_permissions
from schools.models import StationMembership
from schools.roles import ensure_outreach_groups
from tests.factories import (
    AgreementFactory,
    CounsellorFactory,
    EventFactory,
    MaterialFactory,
    SchoolFactory,
    StationFactory,
    UserFactory,
    receive,
)


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def manager(db):
    ensure_outreach_groups()
    ensure_campaign_permissions()
    station = StationFactory()
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Station managers"))
    StationMembership.objects.create(user=user, station=station)
    return user, station


def grow(station, count):
    counsellor = CounsellorFactory(station=station)
    material = MaterialFactory()
    receive(material, station, 10)
    for _ in range(count):
        school = SchoolFactory(district=station.district)
        event = EventFactory(
            station=station, school=school, venue_type="school", counsellors=[counsellor]
        )
        Attendance.objects.create(event=event, group="junior", count=10)
        AgreementFactory(counsellor=counsellor, school=school)


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsnippets_campaigns_event:list",
        "wagtailsnippets_campaigns_attendance:list",
        "wagtailsnippets_campaigns_stockmovement:list",
        "wagtailsnippets_schools_counselloragreement:list",
        "wagtailsnippets_schools_school:list",
        "wagtailsnippets_schools_counsellor:list",
    ],
)
def test_admin_listings_do_not_grow_with_rows(client, manager, url_name):
    user, station = manager
    client.force_login(user)
    grow(station, 3)
    few = queries(client, reverse(url_name))
    grow(station, 17)
    assert queries(client, reverse(url_name)) == few
