"""With the demo data loaded, no private value (counsellors' phones and emails, schools'
contact persons and phones, requesters' names and phones) appears on any public page, in the
API, the sitemap, search results or any feed."""

import os
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase

from wagtail.models import Page

from campaigns.models import CalendarToken, Event, EventIndexPage, TalkRequest
from jindu.models import SectionPage
from schools.models import Counsellor, School, Station


class PrivacySweep(TestCase):
    @classmethod
    def setUpTestData(cls):
        with mock.patch.dict(os.environ, {"DJANGO_SUPERUSER_PASSWORD": "a-long-demo-password"}):
            call_command("load_demo", stdout=StringIO())
        event = Event.objects.filter(status="confirmed").first()
        TalkRequest.objects.create(
            event=event,
            school_name="浦东实验小学",
            contact_name="隐私测试联系人",
            contact_phone="021-58889999",
            preferred_dates="2026-12-01",
            grades="五年级",
            audience_size=100,
        )

    def private_values(self):
        values = set()
        for phone, email in Counsellor.objects.values_list("phone", "email"):
            values |= {phone, email}
        for person, phone in School.objects.values_list("contact_person", "contact_phone"):
            values |= {person, phone}
        for name, phone in TalkRequest.objects.values_list("contact_name", "contact_phone"):
            values |= {name, phone}
        values |= set(
            Counsellor.objects.values_list("name", flat=True)
        )  # peer counsellors may be in recovery
        return {v for v in values if v and v not in {"教务处"}}

    def public_urls(self):
        urls = ["/", "/en/", "/sitemap.xml", "/robots.txt", "/events.ics"]
        urls += [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
        urls += [section.url + "feed/" for section in SectionPage.objects.live()]
        for index in EventIndexPage.objects.live():
            for event in Event.objects.public_upcoming()[:20]:
                urls += [f"{index.url}{event.pk}/", f"{index.url}{event.pk}/ics/"]
        for query in ["社工", "学校", "毒品", "drugs", "老师", "139"]:
            urls += [
                f"/search/?q={query}",
                f"/en/search/?q={query}",
                f"/api/v2/pages/?search={query}",
            ]
        urls += ["/api/v2/pages/?limit=50", "/api/v2/images/", "/api/v2/documents/"]
        urls += [
            f"/api/v2/pages/{pk}/"
            for pk in Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True)
        ]
        return urls

    def test_no_private_value_on_any_public_url(self):
        private = self.private_values()
        self.assertGreater(len(private), 100)
        for url in self.public_urls():
            response = self.client.get(url)
            self.assertIn(response.status_code, (200, 301, 302), url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("utf-8", errors="replace")
            leaked = [value for value in private if value in text]
            self.assertEqual(leaked, [], url)

    def test_private_feeds_carry_no_contact_details(self):
        private = {
            v for v in self.private_values() if not Counsellor.objects.filter(name=v).exists()
        }
        for station in Station.objects.filter(locale__language_code="zh-hans")[:5]:
            token = CalendarToken.for_owner(station=station)
            text = self.client.get(f"/calendars/{token.token}.ics").content.decode()
            self.assertEqual([v for v in private if v in text], [])

    def test_request_contacts_only_for_the_stations_staff(self):
        from django.contrib.auth import get_user_model
        from django.urls import reverse

        request = TalkRequest.objects.get(contact_name="隐私测试联系人")
        station = request.event.station
        User = get_user_model()
        own = User.objects.filter(station_membership__station=station).first()
        other = (
            User.objects.exclude(station_membership__station=station)
            .filter(username__startswith="staff_")
            .first()
        )
        url = reverse("wagtailsnippets_campaigns_talkrequest:list")
        if own is not None:
            self.client.force_login(own)
            self.assertIn("浦东实验小学", self.client.get(url).content.decode())
        self.client.force_login(other)
        self.assertNotIn("隐私测试联系人", self.client.get(url).content.decode())
        inspect = reverse("wagtailsnippets_campaigns_talkrequest:inspect", args=[request.pk])
        self.assertEqual(self.client.get(inspect).status_code, 404)
