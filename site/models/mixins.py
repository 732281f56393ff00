import math

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from wagtailcache.cache import WagtailCacheMixin

from jindu.pages.slugs import LatinSlugPageForm
from jindu.pages.text import plain_line
from jindu.search.fields import segmented
from jindu.search.words import CJK_RUN

CJK_CHARS_PER_MINUTE = 400


def any_view_restriction():
    """Whether any page has a view restriction: most sites restrict none, and then none can
    apply. Asked once per request."""
    from jindu.editorial.localization import request_memo

    memo = request_memo()
    if "any-view-restriction" not in memo:
        memo["any-view-restriction"] = PageViewRestriction.objects.exists()
    return memo["any-view-restriction"]


def public(pages):
    """``pages.public()`` (Wagtail's own filter), skipped when no page is restricted: it
    reads every restriction on each call."""
    return pages.public() if any_view_restriction() else pages


LATIN_WORDS_PER_MINUTE = 200


class PublicPageMixin(WagtailCacheMixin, models.Model):
    """What every public page offers search engines and link previews: a description and an
    image for OpenGraph, derived from the page's own fields when the editor set none.
    Pages behind a view restriction are marked private, so the page cache never keeps them."""

    summary_field = "intro"
    image_field = "hero_image"
    og_type = "website"
    # Chinese slugs become pinyin (jindu.pages.slugs).
    base_form_class = LatinSlugPageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # No control characters or bidirectional overrides in a title, whoever saved it.
        for name in ("title", "draft_title", "seo_title"):
            value = getattr(self, name, None)
            if value:
                setattr(self, name, plain_line(value))
        return super().save(*args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail's restriction check and the page cache both ask while serving the same
        page instance: Wagtail's answer, read from the database once (an evaluated
        queryset keeps its rows)."""
        restrictions = getattr(self, "_jindu_view_restrictions", None)
        if restrictions is None:
            if any_view_restriction():
                restrictions = super().get_view_restrictions()
                len(restrictions)
            else:
                restrictions = PageViewRestriction.objects.none()
            self._jindu_view_restrictions = restrictions
        return restrictions

    @property
    def search_pinyin(self):
        """The title in pinyin, word by word (远离毒品 → yuanli dupin), so that a reader
        without a Chinese keyboard finds it (indexed: page_search_fields)."""
        from jindu.pages.text import pinyin_words

        return pinyin_words(self.title)

    @property
    def meta_description(self):
        if self.search_description:
            return self.search_description
        text = strip_tags(str(getattr(self, self.summary_field, "") or ""))
        return Truncator(" ".join(text.split())).chars(160)

    @property
    def og_image(self):
        return getattr(self, self.image_field, None) if self.image_field else None


def first_live(model, **filters):
    """The first live page of type ``model`` matching ``filters`` (a locale, say): the
    events index, the drug A–Z. The page type's own table is named in the filter so that the
    database starts from its few rows; ``model.objects.live().filter(...).first()`` made
    SQLite walk every page of the locale in tree order (4 ms at 5,000 articles a language,
    against 1)."""
    return (
        model.objects.live()
        .filter(pk__in=model.objects.values("pk"), **filters)
        .defer_streamfields()
        .order_by("pk")
        .first()
    )


def reading_minutes(text):
    """Minutes to read ``text``: Chinese at ~400 characters a minute, other languages at
    ~200 words a minute; at least one."""
    cjk = len("".join(CJK_RUN.findall(text)))
    latin_words = len([w for w in text.split() if any(c.isalpha() and c.isascii() for c in w)])
    minutes = cjk / CJK_CHARS_PER_MINUTE + latin_words / LATIN_WORDS_PER_MINUTE
    return max(1, math.ceil(minutes))


def page_search_fields(page_class, *extra):
    """Page.search_fields plus ``extra`` and the title's pinyin, with Chinese segmentation
    on every SearchField."""
    return segmented(
        [*page_class.search_fields, *extra, index.SearchField("search_pinyin", boost=0.5)]
    )


def intro_field(**kwargs):
    """The short rich-text introduction at the top of listing and index pages."""
    return RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"], **kwargs
    )


def image_field(verbose_name=None):
    """An optional image; the page keeps working when the image is deleted."""
    return models.ForeignKey(
        "jindu.JinduImage",
        verbose_name=verbose_name or _("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def article_list_field(verbose_name, max_num, help_text=""):
    """An editor-ordered list of articles; wagtail-localize points each choice at the
    article's translation."""
    return StreamField(
        [
            (
                "article",
                blocks.PageChooserBlock(
                    page_type="jindu.ArticlePage", label=_("article"), icon="doc-full"
                ),
            )
        ],
        verbose_name=verbose_name,
        blank=True,
        max_num=max_num,
        help_text=help_text,
    )


def chosen_pages(queryset, stream):
    """The live pages chosen in ``stream``, in the editor's order, in one query."""
    ids = [block.value.pk for block in stream if block.value]
    if not ids:
        return []
    # No ORDER BY: the editor's order is put back here.
    pages = {page.pk: page for page in public(queryset.live()).filter(pk__in=ids).order_by()}
    return [pages[pk] for pk in ids if pk in pages]


class IntroPage(PublicPageMixin, Page):
    """A page that is an introduction and something listed under it (sections, indexes,
    directories, forms). Subclasses add their own listing and template."""

    intro = intro_field()

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = page_search_fields(Page, index.SearchField("intro"))

    class Meta:
        abstract = True
