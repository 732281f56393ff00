"""A section of the site (news, knowledge, help…): its articles, filtered by audience and
tag, and its RSS feed."""

from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from jindu.pages.listing import paginate, querystring_without_page

from .articles import ARTICLES_PER_PAGE, ArticlePage, as_cards
from .mixins import (
    IntroPage,
    public,
)
from .taxonomy import every_audience


class SectionPage(RoutablePageMixin, IntroPage):
    """A topic section (认识毒品, 预防教育, 戒毒康复, 禁毒政策, 工作动态): its articles, newest
    first, filterable by audience and tag, with an RSS feed at ``feed/``."""

    parent_page_types = ["jindu.HomePage", "jindu.SectionPage"]
    subpage_types = ["jindu.ArticlePage", "jindu.SectionPage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def articles(self):
        return (
            public(ArticlePage.objects.live())
            .descendant_of(self)
            .order_by("-published_date", "-pk")
        )

    def filtered_articles(self, request):
        articles = self.articles()
        audience, tag = self.selected_filters(request)
        if audience:
            articles = articles.filter(audiences__code=audience)
        if tag:
            articles = articles.filter(tags__name=tag)
        return articles

    @staticmethod
    def selected_filters(request):
        return request.GET.get("audience", ""), request.GET.get("tag", "")

    @path("")
    def index_view(self, request):
        audience, tag = self.selected_filters(request)

        def listing():
            articles = self.filtered_articles(request)
            return {
                "articles": paginate(
                    request,
                    as_cards(articles),
                    ARTICLES_PER_PAGE,
                ),
                "audiences": every_audience(),
                "tags": list(
                    Tag.objects.filter(
                        jindu_articlepagetag_items__content_object__in=self.articles()
                    )
                    .distinct()
                    .order_by("name")[:30]
                ),
            }

        return self.render(
            request,
            context_overrides={
                **listing(),
                "selected_audience": audience,
                "selected_tag": tag,
                "querystring": querystring_without_page(request),
            },
        )

    def get_cached_paths(self):
        # The feed shows the same articles as the listing, and goes with it.
        return ["/", "/feed/"]

    @path("feed/")
    def feed_view(self, request):
        from jindu.pages.feeds import SectionFeed

        return SectionFeed(self)(request)


# What an article's card shows (jindu/includes/article_card.html) and what finding its
# picture's rendition needs (the file, its hash and focal point): listings read only these
# of the sixty-odd columns of an article with its page and image.
