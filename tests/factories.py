import datetime
import io

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale

import factory
import wagtail_factories
from PIL import Image

from jindu.models import (
    ArticlePage,
    AudiencePage,
    DrugFactPage,
    DrugIndexPage,
    HomePage,
    JinduImage,
    QuizPage,
    Resource,
    ResourceLibraryPage,
    SectionPage,
)

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def png_bytes(size=(64, 48), colour=(11, 93, 59)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = "auth.User"


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"image {n}")
    description = "社区禁毒宣传活动"
    file = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="test.png"))

    class Meta:
        model = JinduImage


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"document {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 test", name="test.pdf"))

    class Meta:
        model = get_document_model()


class HomePageFactory(wagtail_factories.PageFactory):
    title = "远离毒品，珍爱生命"
    slug = "home"
    intro = "<p>禁毒预防教育</p>"

    class Meta:
        model = HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    intro = "<p>栏目介绍</p>"

    class Meta:
        model = SectionPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"禁毒文章{n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    intro = "禁毒社工走进学校开展预防教育。"
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>远离毒品危害，珍爱生命健康。</p>"}]
    )
    published_date = factory.Sequence(
        lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
    )

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if extracted:
            from jindu.models import Audience

            self.audiences.set(Audience.objects.filter(code__in=extracted))
            if create:
                self.save()


class DrugIndexPageFactory(wagtail_factories.PageFactory):
    title = "毒品知识A–Z"
    slug = "drugs"

    class Meta:
        model = DrugIndexPage


class DrugFactPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"毒品{n}")
    slug = factory.Sequence(lambda n: f"drug-{n}")
    summary = "一种管制毒品。"
    category = "stimulant"
    short_term_effects = "<p>兴奋、失眠。</p>"
    long_term_effects = "<p>损害大脑。</p>"
    legal_status = "<p>属于国家管制的毒品。</p>"

    class Meta:
        model = DrugFactPage


class QuizPageFactory(wagtail_factories.PageFactory):
    title = "禁毒知识小测验"
    slug = "quiz"
    questions = factory.LazyFunction(
        lambda: [
            {
                "type": "question",
                "value": {
                    "question": "国际禁毒日是哪一天？",
                    "options": [
                        {"text": "12月1日", "correct": False},
                        {"text": "6月26日", "correct": True},
                    ],
                    "explanation": "<p>每年6月26日是国际禁毒日。</p>",
                },
            },
            {
                "type": "question",
                "value": {
                    "question": "冰毒的化学名称是？",
                    "options": [
                        {"text": "甲基苯丙胺", "correct": True},
                        {"text": "咖啡因", "correct": False},
                    ],
                    "explanation": "<p>冰毒即甲基苯丙胺。</p>",
                },
            },
        ]
    )

    class Meta:
        model = QuizPage


class ResourceLibraryPageFactory(wagtail_factories.PageFactory):
    title = "宣传资料下载"
    slug = "downloads"

    class Meta:
        model = ResourceLibraryPage


class AudiencePageFactory(wagtail_factories.PageFactory):
    title = "我是家长"
    slug = "parents"

    class Meta:
        model = AudiencePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        from jindu.models import Audience

        codes = extracted or ["parents"]
        self.audiences.set(Audience.objects.filter(code__in=codes))
        if create:
            self.save_revision().publish()


class ResourceFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"禁毒海报{n}")
    resource_type = "poster"
    language = "zh-hans"
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if extracted:
            from jindu.models import Audience

            self.audiences.set(Audience.objects.filter(code__in=extracted))
            if create:
                self.save()


class DistrictFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"第{n}区")
    code = factory.Sequence(lambda n: f"district-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="zh-hans"))

    class Meta:
        model = "schools.District"


class StationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"第{n}工作站")
    district = factory.SubFactory(DistrictFactory)
    address = "民生路600号311室"
    phone = "021-68537013"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="zh-hans"))

    class Meta:
        model = "schools.Station"


class CounsellorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"社工{n}")
    role = "social_worker"
    station = factory.SubFactory(StationFactory)
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    email = factory.Sequence(lambda n: f"counsellor{n}@private.example")

    class Meta:
        model = "schools.Counsellor"


class SchoolFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"第{n}中学")
    district = factory.SubFactory(DistrictFactory)
    level = "junior"
    enrolment = 800
    contact_person = factory.Sequence(lambda n: f"联系人{n}")
    contact_phone = factory.Sequence(lambda n: f"021-5{n:07d}")

    class Meta:
        model = "schools.School"


class AgreementFactory(factory.django.DjangoModelFactory):
    school = factory.SubFactory(SchoolFactory)
    counsellor = factory.SubFactory(CounsellorFactory)
    station = factory.LazyAttribute(lambda a: a.counsellor.station)
    role = "off_campus"
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2026, 12, 31)
    signed_on = datetime.date(2025, 12, 20)

    class Meta:
        model = "schools.CounsellorAgreement"


class CampaignFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"宣传活动{n}")
    kind = "june26"
    start_date = datetime.date(2026, 6, 1)
    end_date = datetime.date(2026, 6, 30)

    class Meta:
        model = "campaigns.Campaign"


class EventFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"禁毒讲座{n}")
    venue_type = "community"
    format = "talk"
    station = factory.SubFactory(StationFactory)
    district = factory.LazyAttribute(lambda e: e.station.district)
    start = datetime.datetime(2026, 6, 20, 9, 0, tzinfo=SHANGHAI)
    end = datetime.datetime(2026, 6, 20, 11, 0, tzinfo=SHANGHAI)
    status = "completed"

    class Meta:
        model = "campaigns.Event"
        skip_postgeneration_save = True

    @factory.post_generation
    def counsellors(self, create, extracted, **kwargs):
        if extracted:
            self.counsellors.set(extracted)
            if create:
                self.save()


class MaterialFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"宣传单{n}")
    kind = "leaflet"
    unit = "份"

    class Meta:
        model = "campaigns.Material"


def receive(material, station, quantity):
    from campaigns.models import StockMovement

    return StockMovement(
        material=material, station=station, kind="receipt", quantity=quantity
    ).record()


def distribute(material, event, quantity):
    from campaigns.models import StockMovement

    return StockMovement(
        material=material,
        station=event.station,
        kind="distribution",
        quantity=quantity,
        event=event,
    ).record()


def station_member(station, group, **user_fields):
    """A user of ``group`` (outreach staff, station managers) who works at ``station``."""
    from django.contrib.auth.models import Group

    from schools.models import StationMembership

    user = UserFactory(**user_fields)
    user.groups.add(Group.objects.get(name=group))
    StationMembership.objects.create(user=user, station=station)
    return user
