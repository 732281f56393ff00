from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_ITEMS = 20


class SectionFeed(Feed):
    """RSS 2.0 of a section's newest articles: titles, intros and links, nothing else."""

    feed_type = Rss201rev2Feed

    def __init__(self, section):
        super().__init__()
        self.section = section

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.section.title

    def link(self):
        return self.section.get_url(self.request)

    def description(self):
        return self.section.meta_description or self.section.title

    def language(self):
        return self.section.locale.language_code

    def items(self):
        return (
            self.section.articles().select_related("locale").prefetch_related("tags")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"jindu-article-{item.translation_key}-{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
