"""Every public page type: where it may be created, that it renders in Chinese and in its
English translation (made with wagtail-localize), that editors can edit and preview it."""

from django.test import override_settings

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from jindu.demo import ensure_locales
from jindu.editorial.localization import translate
from jindu.models import (
    ArticlePage,
    AudiencePage,
    DrugFactPage,
    DrugIndexPage,
    HomePage,
    QuizPage,
    ResourceLibraryPage,
    SectionPage,
)
from tests.factories import (
    ArticlePageFactory,
    AudiencePageFactory,
    DrugFactPageFactory,
    DrugIndexPageFactory,
    HomePageFactory,
    ImageFactory,
    QuizPageFactory,
    ResourceFactory,
    ResourceLibraryPageFactory,
    SectionPageFactory,
)


@override_settings(WAGTAILADMIN_BASE_URL="http://localhost")
class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_locales()
        root = Page.get_first_root_node()
        Site.objects.all().delete()
        root.get_children().delete()
        cls.home = HomePageFactory(parent=root)
        Site.objects.create(hostname="localhost", port=80, root_page=cls.home, is_default_site=True)
        image = ImageFactory()
        cls.section = SectionPageFactory(parent=cls.home, title="工作动态", slug="news")
        cls.article = ArticlePageFactory(
            parent=cls.section,
            title="远离毒品危害",
            slug="stay-away",
            hero_image=image,
            body=[
                {"type": "paragraph", "value": "<p>毒品危害身心健康。</p>"},
                {"type": "heading", "value": {"text": "要点", "level": "h2"}},
                {"type": "key_facts", "value": {"title": "要点", "facts": ["吸毒违法"]}},
                {"type": "myth_fact", "value": {"myth": "只吸一次不会上瘾", "fact": "会上瘾"}},
                {"type": "quote", "value": {"text": "关爱、乐助、自强", "attribution": "自强"}},
                {
                    "type": "help_callout",
                    "value": {
                        "title": "需要帮助？",
                        "text": "请拨打热线",
                        "phone": "021-1",
                        "page": None,
                    },
                },
                {
                    "type": "image",
                    "value": {"image": image.pk, "caption": "社区宣传", "credit": "社工"},
                },
            ],
        )
        cls.article.tags.add("上海")
        cls.article.save_revision().publish()
        cls.drug_index = DrugIndexPageFactory(parent=cls.home)
        cls.drug = DrugFactPageFactory(parent=cls.drug_index, title="冰毒", slug="ice")
        cls.quiz = QuizPageFactory(parent=cls.home)
        cls.library = ResourceLibraryPageFactory(parent=cls.home)
        ResourceFactory(title="禁毒海报")
        cls.portal = AudiencePageFactory(parent=cls.home, audiences=["parents"])
        cls.pages = [
            cls.home,
            cls.section,
            cls.article,
            cls.drug_index,
            cls.drug,
            cls.quiz,
            cls.library,
            cls.portal,
        ]
        strings = {
            "远离毒品，珍爱生命": "Stay away from drugs",
            "home": "home-en",
            "工作动态": "News",
            "news": "news",
            "远离毒品危害": "The harm drugs do",
            "毒品危害身心健康。": "Drugs harm body and mind.",
            "毒品知识A–Z": "Drug facts A–Z",
            "冰毒": "Methamphetamine",
            "禁毒知识小测验": "Drug quiz",
            "宣传资料下载": "Downloads",
            "我是家长": "I am a parent",
        }
        cls.translations = {page.pk: translate(page, "en", strings) for page in cls.pages}

    def test_creatable_where_editors_expect(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {SectionPage, DrugIndexPage, ResourceLibraryPage, QuizPage, AudiencePage}
            | self._other_home_children(),
        )
        self.assertCanCreateAt(SectionPage, ArticlePage)
        self.assertCanCreateAt(SectionPage, SectionPage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertAllowedParentPageTypes(DrugFactPage, {DrugIndexPage})
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)

    def _other_home_children(self):
        """Page types of other apps that may sit under the home page (station directory,
        events, campaigns) are theirs to test."""
        return {
            model for model in HomePage.allowed_subpage_models() if model._meta.app_label != "jindu"
        }

    def test_every_page_renders_in_chinese(self):
        for page in self.pages:
            with self.subTest(page=page.specific_class.__name__):
                self.assertPageIsRenderable(page)
                response = self.client.get(page.url)
                self.assertContains(response, '<html lang="zh-Hans">')
                self.assertContains(response, page.title)

    def test_every_page_renders_in_english_under_en(self):
        for page in self.pages:
            translation = self.translations[page.pk]
            with self.subTest(page=page.specific_class.__name__):
                self.assertEqual(translation.locale.language_code, "en")
                self.assertTrue(translation.url.startswith("/en/"))
                response = self.client.get(translation.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, '<html lang="en">')

    def test_english_article_carries_translated_text_and_shared_fields(self):
        english = self.translations[self.article.pk]
        response = self.client.get(english.url)
        self.assertContains(response, "The harm drugs do")
        self.assertContains(response, "Drugs harm body and mind.")
        self.assertEqual(english.published_date, self.article.published_date)
        self.assertEqual(english.hero_image_id, self.article.hero_image_id)

    def test_language_switcher_on_article_links_to_its_translation(self):
        english = self.translations[self.article.pk]
        zh_html = self.client.get(self.article.url).content.decode()
        self.assertIn(f'href="{english.url}" hreflang="en"', zh_html)
        en_html = self.client.get(english.url).content.decode()
        self.assertIn(f'href="{self.article.url}" hreflang="zh-Hans"', en_html)

    def _post_data(self, page):
        """Edit-form data for pages with StreamFields, which render through JavaScript and
        cannot be read back from the HTML."""
        common = {"title": page.title, "slug": page.slug, "comments": inline_formset([])}
        paragraph = streamfield([("paragraph", rich_text("<p>毒品危害身心健康。</p>"))])
        if isinstance(page, HomePage):
            return nested_form_data(
                {
                    **common,
                    "intro": rich_text("<p>导语</p>"),
                    "entry_points": streamfield([]),
                    "featured": streamfield([]),
                    "body": paragraph,
                }
            )
        if isinstance(page, ArticlePage):
            return nested_form_data(
                {
                    **common,
                    "intro": page.intro,
                    "body": paragraph,
                    "related": streamfield([]),
                    "published_date": "2025-01-03",
                    "tags": "上海",
                }
            )
        if isinstance(page, AudiencePage):
            data = nested_form_data(
                {**common, "intro": rich_text("<p>导语</p>"), "body": paragraph}
            )
            data["audiences"] = [str(a.pk) for a in page.audiences.all()]
            return data
        if isinstance(page, QuizPage):
            question = {
                "question": "国际禁毒日是哪一天？",
                "options": streamfield(
                    [("item", {"text": "6月26日", "correct": "on"}), ("item", {"text": "12月1日"})]
                ),
                "explanation": rich_text("<p>6月26日</p>"),
            }
            return nested_form_data(
                {
                    **common,
                    "intro": rich_text(""),
                    "questions": streamfield([("question", question)]),
                }
            )
        return None

    def test_every_page_is_editable_and_previewable(self):
        for page in self.pages:
            with self.subTest(page=page.specific_class.__name__):
                post_data = self._post_data(page.specific)
                revisions = page.revisions.count()
                self.assertPageIsEditable(page, post_data=post_data)
                # The POST was valid: the edit was saved as a new revision.
                self.assertGreater(page.revisions.count(), revisions)
                self.assertPageIsPreviewable(page, post_data=post_data)

    def test_quiz_question_needs_exactly_one_right_answer(self):
        from wagtail.blocks.struct_block import StructBlockValidationError

        from jindu.pages.blocks import QuizQuestionBlock

        block = QuizQuestionBlock()
        for flags in ([False, False], [True, True]):
            value = block.to_python(
                {
                    "question": "?",
                    "options": [
                        {"text": "a", "correct": flags[0]},
                        {"text": "b", "correct": flags[1]},
                    ],
                    "explanation": "",
                }
            )
            with self.subTest(flags=flags), self.assertRaises(StructBlockValidationError):
                block.clean(value)

    def test_article_shows_blocks_reading_time_and_responsive_image(self):
        html = self.client.get(self.article.url).content.decode()
        self.assertIn("只吸一次不会上瘾", html)
        self.assertIn("block-help", html)
        self.assertIn('type="image/webp"', html)
        self.assertIn("srcset=", html)
        self.assertIn('alt="社区禁毒宣传活动"', html)
        self.assertIn("分钟", html)

    def test_pages_have_description_and_opengraph_tags(self):
        html = self.client.get(self.article.url).content.decode()
        self.assertIn('<meta name="description" content="禁毒社工走进学校开展预防教育。">', html)
        self.assertIn('<meta property="og:type" content="article">', html)
        self.assertIn('<meta property="og:title" content="远离毒品危害">', html)
        self.assertIn('property="og:image"', html)
        self.assertIn('hreflang="en"', html)

    def test_drug_index_files_chinese_names_by_pinyin_initial(self):
        DrugFactPageFactory(parent=self.drug_index, title="海洛因", slug="heroin")
        DrugFactPageFactory(parent=self.drug_index, title="大麻", slug="cannabis")
        html = self.client.get(self.drug_index.url).content.decode()
        b, d, h = (html.index(f'id="letter-{x}"') for x in "BDH")
        self.assertLess(b, d)
        self.assertLess(d, h)
        self.assertLess(html.index("冰毒"), html.index("大麻"))
        self.assertLess(html.index("大麻"), html.index("海洛因"))
        self.assertIn('href="#letter-B"', html)

    def test_section_filters_by_audience_and_tag(self):
        from jindu.models import Audience

        other = ArticlePageFactory(parent=self.section, title="家长须知", slug="parents")
        other.audiences.add(Audience.objects.get(code="parents"))
        other.save_revision().publish()
        by_audience = self.client.get(self.section.url, {"audience": "parents"}).content.decode()
        self.assertIn("家长须知", by_audience)
        self.assertNotIn("远离毒品危害</a>", by_audience)
        by_tag = self.client.get(self.section.url, {"tag": "上海"}).content.decode()
        self.assertIn("远离毒品危害</a>", by_tag)
        self.assertNotIn("家长须知", by_tag)

    def test_section_pagination_tolerates_bad_page_numbers(self):
        for number in ["abc", "0", "999", "-1"]:
            with self.subTest(page=number):
                response = self.client.get(self.section.url, {"page": number})
                self.assertEqual(response.status_code, 200)

    def test_section_feed_lists_its_articles(self):
        response = self.client.get(self.section.url + "feed/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        self.assertIn("远离毒品危害", response.content.decode())

    def test_resource_library_filters_and_links_downloads(self):
        ResourceFactory(title="Parents leaflet", language="en", resource_type="leaflet")
        html = self.client.get(self.library.url, {"language": "en"}).content.decode()
        self.assertIn("Parents leaflet", html)
        self.assertNotIn("禁毒海报", html)
        self.assertIn("/documents/", html)
        by_type = self.client.get(self.library.url, {"type": "poster"}).content.decode()
        self.assertIn("禁毒海报", by_type)
        self.assertNotIn("Parents leaflet", by_type)
