"""`load_demo` gives a newcomer a real-looking bilingual site, prints each account's
generated password once, and running it again changes nothing. The demo is loaded once for
the whole class (setUpTestData), as a newcomer runs it: without DJANGO_SUPERUSER_PASSWORD."""

import datetime
import os
import re
from io import StringIO
from unittest import mock

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from wagtail.models import Page, Revision, WorkflowPage

import time_machine

from jindu.editorial.roles import WORKFLOW_NAME
from jindu.models import ArticlePage, DrugFactPage, QuizPage, Resource
from schools.models import CounsellorAgreement, District, School, Station, StationDirectoryPage

CJK = re.compile(r"[\u4e00-\u9fff]")


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        environ = {k: v for k, v in os.environ.items() if k != "DJANGO_SUPERUSER_PASSWORD"}
        with mock.patch.dict(os.environ, environ, clear=True):
            cls.first_run = StringIO()
            call_command("load_demo", stdout=cls.first_run)

    def test_each_accounts_generated_password_is_printed_once_and_signs_in(self):
        from django.contrib.auth import get_user_model

        printed = dict(
            re.findall(r"Created user '(\w+)' with password: (\S+)", self.first_run.getvalue())
        )
        self.assertIn("admin", printed)
        self.assertEqual(len(printed), self.first_run.getvalue().count("with password:"))
        for username, password in printed.items():
            self.assertGreaterEqual(len(password), 12)
            user = get_user_model().objects.get(username=username)
            self.assertTrue(user.check_password(password), username)

    def test_bilingual_articles_drugs_quiz_and_downloads(self):
        for model, minimum in [
            (ArticlePage, 8),
            (DrugFactPage, 24),
            (QuizPage, 1),
            (StationDirectoryPage, 1),
        ]:
            for language in ("zh-hans", "en"):
                count = model.objects.live().filter(locale__language_code=language).count()
                self.assertGreaterEqual(count, minimum, (model, language))
        self.assertGreaterEqual(Resource.objects.count(), 8)

    def test_english_quizzes_ask_and_answer_in_english(self):
        for quiz in QuizPage.objects.live().filter(locale__language_code="en"):
            with self.subTest(quiz=quiz.url):
                options = [o["text"] for q in quiz.questions for o in q.value["options"]]
                self.assertTrue(options)
                self.assertFalse([text for text in options if CJK.search(text)], options)
                answers = {f"q{n}": "0" for n in range(len(quiz.questions))}
                score = self.client.post(quiz.url, answers).content.decode()
                answer = re.search(r"The answer is:\s*<strong>([^<]*)</strong>", score)
                self.assertFalse(CJK.search(answer[1] if answer else "其"), answer)

    def test_every_drug_fact_says_how_it_looks_and_what_to_do_in_an_emergency(self):
        for drug in DrugFactPage.objects.live():
            with self.subTest(drug=drug.title):
                self.assertTrue(drug.street_names and drug.appearance and drug.emergency)
                self.assertTrue(drug.legal_status and drug.short_term_effects)

    def test_downloads_are_real_documents_for_their_audiences(self):
        from pypdf import PdfReader

        for resource in Resource.objects.select_related("document"):
            with self.subTest(resource=resource.title):
                self.assertTrue(resource.audiences.exists())
                with resource.document.file.open("rb") as pdf:
                    text = PdfReader(pdf).pages[0].extract_text()
                # Real words, in the document's own language (not a blank picture).
                self.assertGreater(len(text.strip()), 60, text)
        teachers = self.client.get("/teachers/").content.decode()
        self.assertLess(teachers.index("教案"), teachers.index("海报"))
        self.assertIn("家长手册", self.client.get("/parents/").content.decode())

    def test_every_demo_page_renders(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            with self.subTest(url=page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_every_demo_page_is_the_same_when_served_from_the_page_cache(self):
        """A page the page cache keeps must be exactly the page rendered afresh, in both
        languages."""
        urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
        urls += [
            "/events/?district=1",
            "/en/events/?page=2",
            "/news/?page=2",
            "/en/news/?tag=上海",
            "/search/?q=社工",
            "/en/search/?q=heroin",
            "/no-such-page/",
        ]
        csrf = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
        for url in map(iri_to_uri, urls):  # as browsers send them: percent-encoded
            with self.subTest(url=url):
                fresh = self.client.get(url)
                with self.settings(WAGTAIL_CACHE=True):
                    self.client.get(url)
                    kept = self.client.get(url)
                self.assertEqual(kept.status_code, fresh.status_code)
                # Searches are never kept; nor are pages with a form (a CSRF cookie).
                if not url.startswith(("/search/", "/en/search/")) and not csrf.search(
                    fresh.content.decode()
                ):
                    self.assertEqual(kept["X-Page-Cache"], "hit")
                self.assertEqual(
                    csrf.sub("", kept.content.decode()), csrf.sub("", fresh.content.decode())
                )

    def test_english_article_is_translated(self):
        html = self.client.get("/en/news/shanghai-16-years/").content.decode()
        self.assertIn("Sixteen years of anti-drug social workers", html)
        self.assertIn("More than 10 million audience person-times", html)

    def test_search_finds_chinese_words(self):
        html = self.client.get("/search/", {"q": "社工"}).content.decode()
        self.assertIn("十六年，禁毒社工在这座超大城市改变了什么", html)

    def test_seed_stations_schools_and_agreements_in_every_status(self):
        self.assertEqual(Station.objects.filter(locale__language_code="zh-hans").count(), 19)
        # Today's 16 districts: the 2009 stations of districts merged since sit in them.
        districts = District.objects.filter(locale__language_code="zh-hans")
        self.assertEqual(District.objects.filter(locale__language_code="en").count(), 16)
        self.assertFalse(
            districts.filter(name__in=["卢湾区", "闸北区", "南汇区", "崇明县"]).exists()
        )
        self.assertEqual(Station.objects.get(name="黄浦卢湾工作站").district.name, "黄浦区")
        pudong = Station.objects.get(name="浦东新区工作站")
        self.assertEqual(
            (pudong.address, pudong.phone, pudong.postcode),
            ("民生路600号311室", "021-68537013", "200135"),
        )
        self.assertGreaterEqual(School.objects.count(), 50)
        statuses = set(CounsellorAgreement.objects.with_status().values_list("status", flat=True))
        self.assertEqual(statuses, {"draft", "active", "renewal_due", "expired", "terminated"})
        self.assertTrue(CounsellorAgreement.objects.filter(renewal_of__isnull=False).exists())

    def test_station_directory_is_linked_from_the_footer(self):
        html = self.client.get("/en/").content.decode()
        self.assertIn('href="/en/stations/"', html)
        self.assertIn(
            "Pudong New Area work station", self.client.get("/en/stations/").content.decode()
        )

    def test_second_run_changes_nothing(self):
        from django.contrib.auth import get_user_model

        from campaigns.models import Attendance, Event, StockMovement

        models = [
            Page,
            Revision,
            Resource,
            School,
            CounsellorAgreement,
            Station,
            Event,
            Attendance,
            StockMovement,
            get_user_model(),
            Group,
        ]
        counts = [model.objects.count() for model in models]
        again = StringIO()
        # An hour later the same day, as when a second run starts in the next hour: the
        # demo's "today's talk" must not be made again for the new hour.
        now = timezone.localtime()
        later = now + datetime.timedelta(hours=1 if now.hour < 23 else -1)
        with time_machine.travel(later, tick=False):
            call_command("load_demo", stdout=again)
        self.assertEqual(counts, [model.objects.count() for model in models])
        self.assertNotIn("password", again.getvalue())
        self.assertTrue(Page.objects.filter(depth=2, locale__language_code="en").exists())

    def test_outreach_year_with_every_venue_type_and_status(self):
        from campaigns.models import Attendance, Campaign, Event, StockMovement
        from campaigns.reports.figures import figures

        self.assertGreaterEqual(Event.objects.count(), 200)
        venues = set(Event.objects.values_list("venue_type", flat=True).distinct())
        self.assertLessEqual({"school", "community", "enterprise", "public_place"}, venues)
        statuses = set(Event.objects.values_list("status", flat=True))
        self.assertTrue({"completed", "planned", "confirmed", "cancelled"} <= statuses)
        self.assertTrue(Attendance.objects.exists())
        self.assertTrue(StockMovement.objects.filter(kind="distribution").exists())
        self.assertGreaterEqual(Campaign.objects.filter(kind="june26").count(), 3)
        self.assertEqual(Campaign.objects.filter(kind="monthly").count(), 2)
        totals = figures(Event.objects.all())
        self.assertGreater(totals["audience"], 10000)
        self.assertTrue(Event.objects.filter(counsellors__isnull=False).exists())

    def test_june_26_pages_in_both_languages_with_last_years_results(self):
        from django.utils import timezone

        from campaigns.models import CampaignPage

        this_year = timezone.localdate().year
        for year in (this_year - 1, this_year):
            for language in ("zh-hans", "en"):
                page = CampaignPage.objects.get(year=year, locale__language_code=language)
                if page.live:
                    self.assertEqual(self.client.get(page.url).status_code, 200)
                else:  # before June 26 this year's page waits for its go-live time
                    self.assertIsNotNone(page.go_live_at)
        last = CampaignPage.objects.get(year=this_year - 1, locale__language_code="en")
        self.assertGreater(last.figures()["held"], 0)
        self.assertEqual(self.client.get("/request-a-talk/").status_code, 200)

    def test_public_events_page_and_feed(self):
        self.assertEqual(self.client.get("/events/").status_code, 200)
        self.assertEqual(self.client.get("/en/events/").status_code, 200)
        self.assertEqual(self.client.get("/events.ics").status_code, 200)

    def test_review_workflow_and_groups(self):
        editors = Group.objects.get(name="Editors")
        reviewers = Group.objects.get(name="Reviewers")
        self.assertFalse(
            editors.page_permissions.filter(permission__codename="publish_page").exists()
        )
        self.assertTrue(
            reviewers.page_permissions.filter(permission__codename="publish_page").exists()
        )
        for article in ArticlePage.objects.all():
            self.assertEqual(article.get_workflow().name, WORKFLOW_NAME)
        review = WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME)
        self.assertEqual({wp.page.locale.language_code for wp in review}, {"zh-hans", "en"})
        for name in ("Outreach staff", "Station managers", "Administrators"):
            self.assertTrue(Group.objects.filter(name=name).exists())
