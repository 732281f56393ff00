from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from jindu.pages.blocks import BodyBlock

from .mixins import (
    PublicPageMixin,
    article_list_field,
    chosen_pages,
    image_field,
    page_search_fields,
    public,
    reading_minutes,
)
from .taxonomy import Audience

ARTICLES_PER_PAGE = 12
RELATED_ARTICLES = 3


CARD_FIELDS = (
    "title",
    "url_path",
    "published_date",
    "reading_time",
    "intro",
    "hero_image",
    *(
        f"hero_image__{name}"
        for name in (
            "file",
            "file_hash",
            "width",
            "height",
            "focal_point_x",
            "focal_point_y",
            "focal_point_width",
            "focal_point_height",
        )
    ),
)


def as_cards(articles):
    """``articles`` (ArticlePage rows) read as their cards show them."""
    return articles.select_related("hero_image").only(*CARD_FIELDS)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "jindu.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(PublicPageMixin, Page):
    """A prevention or news article."""

    intro = models.TextField(
        _("introduction"),
        max_length=500,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )
    hero_image = image_field()
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    audiences = ParentalManyToManyField(
        Audience, verbose_name=_("audiences"), blank=True, related_name="articles"
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    published_date = models.DateField(_("published date"), default=timezone.localdate)
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the article first appeared, or who wrote it."),
    )
    reading_time = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )
    related = article_list_field(
        _("related articles"),
        max_num=6,
        help_text=_("Leave empty to show articles that share a tag."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("published_date"),
                FieldPanel("audiences", widget=CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("source"),
            ],
            heading=_("About this article"),
        ),
        FieldPanel("related"),
    ]
    search_fields = page_search_fields(
        Page,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
        index.SearchField("tags"),
        index.FilterField("published_date"),
    )
    override_translatable_fields = [
        SynchronizedField("published_date"),
        SynchronizedField("audiences"),
        SynchronizedField("hero_image"),
    ]

    parent_page_types = ["jindu.SectionPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Sections and the home page list articles newest first; without it the database
        # sorts every article of the section for each page of the listing.
        indexes = [
            models.Index(fields=["-published_date", "-page_ptr"], name="article_newest_first")
        ]

    def save(self, *args, **kwargs):
        self.reading_time = reading_minutes(self.plain_text)
        return super().save(*args, **kwargs)

    @property
    def plain_text(self):
        parts = [self.title, self.intro]
        for block in self.body:
            content = block.block.get_searchable_content(block.value)
            parts.extend(str(item) for item in content)
        return " ".join(parts)

    @cached_property
    def tag_list(self):
        """The page's tags, read once for the page and its related articles."""
        return list(self.tags.all())

    @cached_property
    def related_articles(self):
        if any(block.value for block in self.related):
            return chosen_pages(as_cards(ArticlePage.objects.all()), self.related)
        # A tag not saved yet (one typed into a preview) is on no other article.
        tag_ids = [tag.pk for tag in self.tag_list if tag.pk]
        if not tag_ids:
            return []
        # The tagged articles as a subquery: joining the tags made the whole row DISTINCT,
        # a sort over every column of every match.
        tagged = ArticlePageTag.objects.filter(tag_id__in=tag_ids).values("content_object")
        return list(
            as_cards(public(ArticlePage.objects.live()))
            .filter(locale_id=self.locale_id, pk__in=tagged)
            .exclude(pk=self.pk)
            .order_by("-published_date")[:RELATED_ARTICLES]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only its URL is shown: the plain parent page will do.
        context["section"] = SimpleLazyObject(self.get_parent)
        return context
