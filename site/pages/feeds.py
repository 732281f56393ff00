import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from jindu.editorial.localization import bcp47, locale_of

FEED_ITEMS = 20


class SectionFeed(Feed):
    """RSS 2.0 of a section's newest articles: titles, intros and links, nothing else."""

    feed_type = Rss201rev2Feed

    def __init__(self, section):
        super().__init__()
        self.section = section
        # Django reads the feed's language as an attribute, not a method.
        self.language = bcp47(locale_of(section).language_code)

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.section.title

    def link(self):
        return self.section.get_url(self.request)

    def description(self):
        return self.section.meta_description or self.section.title

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
        # The date the article carries (an imported 2019 article is from 2019), at noon in
        # the site's time zone so that no reader's time zone moves it to another day.
        noon = datetime.datetime.combine(item.published_date, datetime.time(12))
        return timezone.make_aware(noon)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
