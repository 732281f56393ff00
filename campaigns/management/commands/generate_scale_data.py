"""Data at a city-wide agency's scale, for benchmarks: thousands of schools, hundreds of
thousands of events with their attendance and stock movements, thousands of articles in two
languages. Rows are bulk-inserted in batches; articles go through Wagtail's tree (and so its
search index) one by one.

Generated rows are marked (schools and counsellors by a name prefix, events by their title)
so that running the command again only adds what is missing up to the requested sizes."""

import datetime
import random
import zoneinfo

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale

from tqdm import tqdm

from campaigns.models import (
    Attendance,
    Event,
    EventFormat,
    EventStatus,
    Material,
    MovementKind,
    StockBalance,
    StockMovement,
    VenueType,
)
from jindu.models import ArticlePage, SectionPage
from jindu.pages.choices import AudienceGroup, SchoolLevel
from schools.models import Counsellor, CounsellorRole, School, Station

MARK = "规模"
TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)
VENUES = list(VenueType.values)
FORMATS = list(EventFormat.values)
LEVELS = list(SchoolLevel.values)


class Command(BaseCommand):
    help = (
        "Generate scale data for benchmarks (defaults: 2,000 schools, 200,000 events with "
        "attendance and stock movements, 5,000 articles in two languages). Loads the demo "
        "first if there is none."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=2000)
        parser.add_argument("--events", type=int, default=200000)
        parser.add_argument("--articles", type=int, default=5000, help="per language")
        parser.add_argument(
            "--per-year", type=int, default=15000, help="events a year (sets the history's length)"
        )
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=626)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        for name in ("schools", "events", "articles", "batch", "per_year"):
            if options[name] < 0 or (name in ("batch", "per_year") and options[name] == 0):
                raise CommandError(f"--{name.replace('_', '-')} must be a positive number")
        self.rng = random.Random(options["seed"])
        self.batch = options["batch"]
        self.per_year = options["per_year"]
        self.quiet = options["no_progress"] or options["verbosity"] == 0
        if not Station.objects.exists():
            call_command("load_demo", verbosity=0)
        self.stations = list(Station.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
        schools = self.generate_schools(options["schools"])
        counsellors = self.generate_counsellors()
        self.generate_events(options["events"], schools, counsellors)
        # The ledger lines went in without StockMovement.record(); total them once.
        StockBalance.rebuild()
        self.generate_articles(options["articles"])
        # Tell PostgreSQL's planner the new table sizes now, as its autovacuum would within
        # minutes; measuring before that times plans made for an empty database. SQLite
        # keeps no statistics unless asked, and no deployment of ours asks, so neither do we.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"schools {School.objects.count()}, events {Event.objects.count()}, "
            f"attendance {Attendance.objects.count()}, stock movements {StockMovement.objects.count()}, "
            f"articles {ArticlePage.objects.count()}"
        )

    def progress(self, total, label):
        return tqdm(total=total, desc=label, unit="rows", disable=self.quiet, file=self.stderr)

    def generate_schools(self, target):
        existing = School.objects.filter(name__startswith=MARK).count()
        new = []
        for number in range(existing, target):
            station = self.stations[number % len(self.stations)]
            new.append(
                School(
                    name=f"{MARK}{number:05d}学校",
                    district_id=station.district_id,
                    level=LEVELS[number % len(LEVELS)],
                    enrolment=self.rng.randrange(300, 3000, 10),
                    contact_person="教务处",
                    contact_phone=f"021-5{number:07d}",
                )
            )
        with self.progress(len(new), "schools") as bar:
            for start in range(0, len(new), self.batch):
                School.objects.bulk_create(new[start : start + self.batch])
                bar.update(len(new[start : start + self.batch]))
        return list(School.objects.filter(name__startswith=MARK).values_list("pk", "district_id"))

    def generate_counsellors(self):
        if not Counsellor.objects.filter(name__startswith=MARK).exists():
            Counsellor.objects.bulk_create(
                Counsellor(
                    name=f"{MARK}社工{station.pk}-{n}",
                    role=CounsellorRole.SOCIAL_WORKER,
                    station=station,
                )
                for station in self.stations
                for n in range(5)
            )
        by_station = {}
        for pk, station_id in Counsellor.objects.filter(name__startswith=MARK).values_list(
            "pk", "station_id"
        ):
            by_station.setdefault(station_id, []).append(pk)
        return by_station

    def generate_events(self, target, schools, counsellors):
        existing = Event.objects.filter(title__startswith=MARK).count()
        missing = max(0, target - existing)
        if not missing:
            return
        materials = list(Material.objects.all()) or [
            Material.objects.create(name="宣传单", kind="leaflet")
        ]
        self._stock_up(materials, missing)
        schools_by_district = {}
        for pk, district_id in schools:
            schools_by_district.setdefault(district_id, []).append(pk)
        now = timezone.now()
        with self.progress(missing, "events") as bar:
            for start in range(0, missing, self.batch):
                size = min(self.batch, missing - start)
                with transaction.atomic():
                    self._event_batch(
                        size,
                        existing + start,
                        now,
                        schools_by_district,
                        counsellors,
                        materials,
                    )
                bar.update(size)

    def _stock_up(self, materials, events):
        """Receipts large enough that the bulk-inserted distributions (at most 50 per event)
        can never take a station's stock below zero."""
        per_station = events * 50 // max(1, len(self.stations)) + 1000
        StockMovement.objects.bulk_create(
            StockMovement(
                material=material,
                station=station,
                kind=MovementKind.RECEIPT,
                quantity=per_station,
                note=MARK,
            )
            for station in self.stations
            for material in materials
        )

    def _event_batch(self, size, offset, now, schools_by_district, counsellors, materials):
        rng = self.rng
        # An agency's work accumulates at a steady rate: event number n lies n/per_year years
        # back from a month ahead, so a bigger database holds a longer history, not a busier
        # year (200,000 events at 15,000 a year are 13 years, as in Shenzhen).
        hours_per_event = 365 * 24 / self.per_year
        newest = now + datetime.timedelta(days=30)
        events = []
        for number in range(offset, offset + size):
            station = self.stations[number % len(self.stations)]
            venue = VENUES[number % len(VENUES)]
            school_options = schools_by_district.get(station.district_id)
            school = (
                rng.choice(school_options) if venue == VenueType.SCHOOL and school_options else None
            )
            if venue == VenueType.SCHOOL and school is None:
                venue = VenueType.COMMUNITY
            start = newest - datetime.timedelta(hours=number * hours_per_event + rng.random() * 48)
            events.append(
                Event(
                    title=f"{MARK}活动{number}",
                    venue_type=venue,
                    format=FORMATS[number % len(FORMATS)],
                    school_id=school,
                    organisation="" if school else "社区",
                    district_id=station.district_id,
                    station=station,
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    status=EventStatus.COMPLETED if start < now else EventStatus.PLANNED,
                    is_public=number % 3 == 0,
                )
            )
        Event.objects.bulk_create(events)
        created = list(
            Event.objects.filter(title__startswith=MARK)
            .order_by("-pk")[:size]
            .values_list("pk", "station_id", "status", "school_id")
        )
        through = Event.counsellors.through
        links, attendance, movements = [], [], []
        for pk, station_id, status, school_id in created:
            people = counsellors.get(station_id, [])
            if people:
                links.append(through(event_id=pk, counsellor_id=rng.choice(people)))
            if status == EventStatus.COMPLETED:
                group = AudienceGroup.JUNIOR if school_id else AudienceGroup.RESIDENTS
                attendance.append(
                    Attendance(event_id=pk, group=group, count=rng.randrange(10, 300))
                )
                movements.append(
                    StockMovement(
                        material=rng.choice(materials),
                        station_id=station_id,
                        kind=MovementKind.DISTRIBUTION,
                        quantity=rng.randrange(10, 50),
                        event_id=pk,
                    )
                )
        through.objects.bulk_create(links)
        Attendance.objects.bulk_create(attendance)
        StockMovement.objects.bulk_create(movements)

    def generate_articles(self, target):
        section = SectionPage.objects.filter(
            slug="news", locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if section is None:
            raise CommandError("There is no news section; run load_demo first.")
        english = Locale.objects.get(language_code="en")
        existing = ArticlePage.objects.child_of(section).filter(slug__startswith="scale-").count()
        with self.progress(max(0, target - existing), "articles") as bar:
            for number in range(existing, target):
                page = section.add_child(
                    instance=ArticlePage(
                        title=f"禁毒宣传报道第{number}期：远离毒品，珍爱生命",
                        slug=f"scale-{number}",
                        intro="禁毒社工走进学校和社区，开展毒品预防教育。",
                        body=[
                            {
                                "type": "paragraph",
                                "value": "<p>毒品危害身心健康，青少年要学会拒绝。</p>" * 5,
                            }
                        ],
                        published_date=datetime.date(2024, 1, 1)
                        + datetime.timedelta(days=number % 900),
                        locale=section.locale,
                    )
                )
                translation = page.copy_for_translation(english, copy_parents=True)
                translation.title = f"Prevention report no. {number}: stay away from drugs"
                translation.save_revision().publish()
                bar.update(1)
