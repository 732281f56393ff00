"""The anonymous page cache (wagtail-cache) and what empties it.

Anonymous GET responses are kept whole in the "pages" cache; signed-in users, previews,
view-restricted pages, the admin and token calendar feeds never are (wagtail-cache and the
``is_request_cacheable`` hook in jindu.wagtail_hooks). Any change that can show on a public
page empties the cache: publishing, unpublishing, moving or deleting a page, view
restrictions, site settings, images and documents, and the records public pages are built
from (events, attendance, stock, stations, resources...). Emptying it is cheap next to the
risk of one stale page, and pages re-render in milliseconds.

The cache must be shared by every worker and server (Redis in production, see
settings/production.py); otherwise one worker would keep serving what another emptied.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control

from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtailcache.cache import UpdateCacheMiddleware, clear_cache
from wagtailcache.settings import wagtailcache_settings

# Models of our apps that never show on a public page and change often: saving them must
# not empty the cache. Pages are handled by the page signals, not by every draft save.
# Renditions are made while pages render; a new one changes no page.
PRIVATE_MODELS = {
    "jindu.JinduRendition",
    "campaigns.TalkRequest",
    "campaigns.CalendarToken",
    "schools.StationMembership",
    "schools.CounsellorAgreement",
}
# Models outside our apps whose changes show on public pages.
PUBLIC_MODELS = [
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "taggit.Tag",
]
OUR_APPS = ("jindu", "schools", "campaigns")


def clear_page_cache(**kwargs):
    """Empty the page cache now and again when the transaction commits, so a request that
    renders between the two cannot keep the old content."""
    clear_cache()
    transaction.on_commit(clear_cache)


def models_shown_on_public_pages():
    from wagtail.models import Page

    for model in apps.get_models():
        label = model._meta.label
        if model._meta.app_label in OUR_APPS:
            if label in PRIVATE_MODELS or issubclass(model, Page):
                continue
            yield model
        elif label in PUBLIC_MODELS:
            yield model


def connect_signals():
    from wagtail.models import Page

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear_page_cache, dispatch_uid=f"page-cache-{signal}")
    post_delete.connect(clear_page_cache, sender=Page, dispatch_uid="page-cache-page-delete")
    for model in models_shown_on_public_pages():
        label = model._meta.label
        post_save.connect(clear_page_cache, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(
            clear_page_cache, sender=model, dispatch_uid=f"page-cache-delete-{label}"
        )


def seconds_until_midnight(now=None):
    """Seconds until the next local midnight (TIME_ZONE): what is "today" on a page (the
    June 26 countdown, the current campaign, upcoming events) changes then."""
    now = timezone.localtime(now)
    tomorrow = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time.min, tzinfo=now.tzinfo
    )
    return max(1, int((tomorrow - now).total_seconds()))


class PageCacheMiddleware(UpdateCacheMiddleware):
    """wagtail-cache's UpdateCacheMiddleware, with two changes:

    - an entry never outlives the local day, so date-dependent pages turn over at midnight;
    - browsers are told to revalidate (max-age=0) instead of keeping their own copy for the
      cache's lifetime, so a published change shows on the reader's next visit; the server's
      cache does the work.
    """

    def process_response(self, request, response):
        # Set only on responses wagtail-cache is about to store, never on a signed-in user's.
        if getattr(request, "_wagtailcache_update", False) and get_max_age(response) is None:
            lifetime = min(settings.PAGE_CACHE_SECONDS, seconds_until_midnight())
            patch_cache_control(response, max_age=lifetime)
        response = super().process_response(request, response)
        if response.get(wagtailcache_settings.WAGTAIL_CACHE_HEADER) in ("hit", "miss"):
            del response["Expires"]
            response["Cache-Control"] = "max-age=0, must-revalidate"
        return response
