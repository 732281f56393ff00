from itertools import groupby

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pypinyin import Style, lazy_pinyin

from jindu.search.words import CJK_RUN

from .mixins import IntroPage, PublicPageMixin, page_search_fields, public

TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class DrugCategory(models.TextChoices):
    OPIOID = "opioid", _("Opioid")
    STIMULANT = "stimulant", _("Stimulant")
    HALLUCINOGEN = "hallucinogen", _("Hallucinogen")
    CANNABIS = "cannabis", _("Cannabis")
    DISSOCIATIVE = "dissociative", _("Dissociative")
    NPS = "nps", _("New psychoactive substance")
    SEDATIVE = "sedative", _("Sedative")
    INHALANT = "inhalant", _("Inhalant")


def index_letter(name):
    """The letter a name is filed under: the pinyin initial for Chinese (冰毒 → B), the
    first letter otherwise; '#' for anything else."""
    name = (name or "").strip()
    if not name:
        return "#"
    first = name[0]
    if CJK_RUN.fullmatch(first):
        initials = lazy_pinyin(first, style=Style.FIRST_LETTER)
        letter = initials[0][:1].upper() if initials else ""
    else:
        letter = first.upper()
    return letter if "A" <= letter <= "Z" else "#"


def sort_key(name):
    return [syllable.lower() for syllable in lazy_pinyin(name or "")]


class DrugIndexPage(IntroPage):
    """Drug facts A–Z; Chinese names are filed by their pinyin initial."""

    parent_page_types = ["jindu.HomePage", "jindu.SectionPage"]
    subpage_types = ["jindu.DrugFactPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("drug index")
        verbose_name_plural = _("drug indexes")

    def drugs_by_letter(self):
        drugs = sorted(
            public(DrugFactPage.objects.live())
            .child_of(self)
            .only("title", "url_path", "street_names", "category", "summary", "locale_id"),
            key=lambda drug: sort_key(drug.title),
        )
        drugs.sort(key=lambda drug: index_letter(drug.title))
        return [
            (letter, list(group))
            for letter, group in groupby(drugs, key=lambda d: index_letter(d.title))
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = self.drugs_by_letter()
        context["groups"] = groups
        present = {letter for letter, _drugs in groups}
        context["alphabet"] = [
            (letter, letter in present) for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        ]
        return context


class DrugFactPage(PublicPageMixin, Page):
    """What one drug is, what it does, the law, and where to get help."""

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences: what it is.")
    )
    street_names = models.CharField(
        _("street names"),
        max_length=255,
        blank=True,
        help_text=_("Other names it goes by, separated by commas."),
    )
    category = models.CharField(_("category"), max_length=20, choices=DrugCategory.choices)
    appearance = RichTextField(
        _("what it looks like"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("How it looks and how it is disguised, so readers recognise it."),
    )
    how_used = RichTextField(_("how it is used"), blank=True, features=TEXT_FEATURES)
    short_term_effects = RichTextField(_("short-term effects"), features=TEXT_FEATURES)
    long_term_effects = RichTextField(_("long-term effects"), features=TEXT_FEATURES)
    risks = RichTextField(_("risks"), blank=True, features=TEXT_FEATURES)
    legal_status = RichTextField(_("legal status in China"), features=TEXT_FEATURES)
    emergency = RichTextField(
        _("in an emergency"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("What to do when someone has taken it and is unwell: first aid, 120."),
    )
    get_help = RichTextField(_("where to get help"), blank=True, features=TEXT_FEATURES)

    summary_field = "summary"
    image_field = None

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("street_names")], heading=_("Identification")
        ),
        FieldPanel("appearance"),
        FieldPanel("how_used"),
        FieldPanel("short_term_effects"),
        FieldPanel("long_term_effects"),
        FieldPanel("risks"),
        FieldPanel("legal_status"),
        FieldPanel("emergency"),
        FieldPanel("get_help"),
    ]
    search_fields = page_search_fields(
        Page,
        index.SearchField("summary", boost=1.5),
        index.SearchField("street_names", boost=1.5),
        index.SearchField("appearance"),
        index.SearchField("short_term_effects"),
        index.SearchField("long_term_effects"),
        index.SearchField("risks"),
        index.SearchField("legal_status"),
        index.FilterField("category"),
    )
    override_translatable_fields = [SynchronizedField("category")]
    parent_page_types = ["jindu.DrugIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("drug fact page")
        verbose_name_plural = _("drug fact pages")

    @property
    def street_name_list(self):
        return [
            name.strip() for name in self.street_names.replace("，", ",").split(",") if name.strip()
        ]
