from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from jindu.pages.blocks import AudienceEntryBlock, BodyBlock
from jindu.serving.headers import LiveFiguresMixin

from .mixins import (
    PublicPageMixin,
    article_list_field,
    chosen_pages,
    image_field,
    intro_field,
    page_search_fields,
    public,
)

LATEST_ARTICLES = 6


class HomePage(LiveFiguresMixin, PublicPageMixin, Page):
    """The front door, one per language. Editors choose the entry points and featured
    articles; the latest articles, the drug index and the help line fill themselves in.
    Other apps add their own sections (the current campaign, upcoming events) through the
    `jindu_home_sections` hook, so this app never imports them: a hook function takes
    (request, page) and returns rendered HTML (e.g. from render_to_string) or nothing."""

    intro = intro_field(help_text=_("A sentence or two under the site name on the home page."))
    hero_image = image_field()
    entry_points = StreamField(
        [("entry", AudienceEntryBlock())],
        verbose_name=_("entry points by audience"),
        blank=True,
        max_num=6,
        help_text=_("Doors into the site for students, parents, teachers and the community."),
    )
    help_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("worried about someone? page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Where parents, friends and teachers start: signs to watch for, how to talk, "
            "where to get help. Linked next to the hotline at the top of the home page."
        ),
    )
    featured = article_list_field(_("featured articles"), max_num=4)
    quiz_page = models.ForeignKey(
        "jindu.QuizPage",
        verbose_name=_("quiz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("more content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("help_page"),
        FieldPanel("entry_points"),
        FieldPanel("featured"),
        MultiFieldPanel([FieldPanel("quiz_page")], heading=_("Quiz")),
        FieldPanel("body"),
    ]
    search_fields = page_search_fields(Page, index.SearchField("intro"))

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listings(request))
        return context

    def listings(self, request):
        from jindu.editorial.localization import localized, prime_localized

        from .articles import ArticlePage, as_cards
        from .drugs import DrugIndexPage

        prime_localized(entry.value["page"] for entry in self.entry_points)
        cards = as_cards(ArticlePage.objects.all())
        featured = chosen_pages(cards, self.featured)
        quiz = self.quiz_page
        drug_indexes = DrugIndexPage.objects.live().defer_streamfields()
        return {
            # Their pages' translations looked up together, before the blocks render.
            "entry_points": self.entry_points,
            "featured_articles": featured,
            "latest_articles": list(
                public(cards.live())
                .descendant_of(self)
                .exclude(pk__in=[page.pk for page in featured])
                .order_by("-published_date", "-pk")[:LATEST_ARTICLES]
            ),
            # A child of the home page, where the demo and editors put it.
            "drug_index": drug_indexes.child_of(self).first()
            or drug_indexes.descendant_of(self).first(),
            "quiz": localized(quiz) if quiz else None,
            "help_page": localized(self.help_page.specific) if self.help_page_id else None,
            "extra_sections": [
                section
                for hook in hooks.get_hooks("jindu_home_sections")
                if (section := hook(request, self))
            ],
        }
