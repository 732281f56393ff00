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

It also holds the content token: ``remember`` keeps what every uncached page needs (site,
menu, settings...) in each worker while the token lasts, the page cache backends below
keep a worker's copy of the entries it read, and rendered page parts ({% fragment %} in
jindu_tags) are kept under it; every change that empties the cache deletes the token, which
retires all three in all workers at once.
"""

import datetime
import pickle
import threading
import time
import uuid
from collections import namedtuple

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.core.signals import request_started
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
    "campaigns.StockBalance",
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
    forget_remembered()


# What every page needs and seldom changes (the site, its home pages, the menu, site
# settings, locales, which pages are restricted) is kept in each worker between requests,
# under a token kept in the shared page cache. Whatever empties the page cache, or saves any
# page, deletes the token, and each worker rebuilds on its next request. The token also
# expires after PAGE_CACHE_SECONDS, which bounds what a change made without signals (a bulk
# import) can leave behind.
CONTENT_VERSION_KEY = "jindu:content-version"
_remembered = {"version": None, "values": {}}
_request_version = threading.local()


def _token_cache():
    return caches[settings.WAGTAIL_CACHE_BACKEND]


def _forget_request_version(**kwargs):
    _request_version.value = None
    _request_version.memo = None


def request_memo():
    """A dict for the current request only (emptied when a request starts and when content
    changes), for what one request looks up many times."""
    memo = getattr(_request_version, "memo", None)
    if memo is None:
        memo = _request_version.memo = {}
    return memo


request_started.connect(_forget_request_version, dispatch_uid="jindu-content-version")


def content_version():
    """The current content token, read from the shared cache once per request."""
    version = getattr(_request_version, "value", None)
    if version is None:
        cache = _token_cache()
        version = cache.get(CONTENT_VERSION_KEY)
        if version is None:
            made = uuid.uuid4().hex
            cache.add(CONTENT_VERSION_KEY, made, timeout=settings.PAGE_CACHE_SECONDS)
            # Another worker may have added its token first; all must agree on one.
            version = cache.get(CONTENT_VERSION_KEY) or made
        _request_version.value = version
    return version


def remember(key, build):
    """``build()``, computed once per worker until public content changes."""
    global _remembered
    version = content_version()
    remembered = _remembered
    if remembered["version"] != version:
        remembered = _remembered = {"version": version, "values": {}}
    values = remembered["values"]
    if key not in values:
        values[key] = build()
    return values[key]


def _delete_version():
    _token_cache().delete(CONTENT_VERSION_KEY)


def forget_remembered(again_on_commit=True, **kwargs):
    """Drop what ``remember`` kept, in every worker: now, and again on commit so a worker
    that rebuilt in between from the old rows rebuilds once more."""
    global _remembered
    _remembered = {"version": None, "values": {}}
    _forget_request_version()
    _delete_version()
    if again_on_commit:
        transaction.on_commit(_delete_version)


def forget_after_page_change(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        forget_remembered()


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
    # Any page saved (pages made without publishing, a draft of a live page): the remembered
    # menu and home pages are rebuilt, the page cache stays.
    post_save.connect(forget_after_page_change, dispatch_uid="remembered-page-saved")
    for model in models_shown_on_public_pages():
        label = model._meta.label
        post_save.connect(clear_page_cache, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(
            clear_page_cache, sender=model, dispatch_uid=f"page-cache-delete-{label}"
        )


def check_fragment_cache(app_configs=None, **kwargs):
    """Kept page parts ({% fragment %}) need their cache: say so at start-up, not on the
    first page view."""
    from django.core.checks import Error

    alias = settings.FRAGMENT_CACHE_BACKEND
    if settings.FRAGMENT_CACHE and alias not in settings.CACHES:
        return [
            Error(
                f"FRAGMENT_CACHE is on but CACHES has no {alias!r} entry.",
                hint="Add a per-process cache under that name (see settings/base.py) "
                "or set FRAGMENT_CACHE=0.",
                id="jindu.E001",
            )
        ]
    return []


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


# What the shared page cache stores: the value and when it expires, so that a worker's own
# copy expires with it.
SharedEntry = namedtuple("SharedEntry", "expires value")
WorkerCopy = namedtuple("WorkerCopy", "token expires pickled")


class WorkerCopyMixin:
    """A page cache backend that keeps a copy of each entry it reads or writes in the worker,
    valid while the content token is unchanged and the shared entry has not expired.

    A cached page view then reads only the token from the shared cache (once per request,
    ``content_version``) instead of two entries, the Vary headers and the page. Emptying the
    cache or any content change deletes the token (``forget_remembered``), which retires
    every worker's copies at once."""

    max_worker_copies = 500

    def _copies(self):
        if not hasattr(self, "_worker_copies"):
            self._worker_copies = {}
        return self._worker_copies

    def get(self, key, default=None, version=None):
        if key == CONTENT_VERSION_KEY:
            return super().get(key, default, version)
        token = content_version()
        copies = self._copies()
        copy = copies.get((key, version))
        if copy is not None and copy.token == token and not _expired(copy.expires):
            return pickle.loads(copy.pickled)  # noqa: S301 - our own entries
        stored = super().get(key, None, version)
        if not isinstance(stored, SharedEntry):
            return default if stored is None else stored
        self._keep(key, version, token, stored.expires, stored.value)
        return stored.value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if key == CONTENT_VERSION_KEY:
            return super().set(key, value, timeout, version)
        seconds = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        expires = None if seconds is None else time.time() + seconds
        super().set(key, SharedEntry(expires, value), timeout, version)
        self._keep(key, version, content_version(), expires, value)

    def _keep(self, key, version, token, expires, value):
        copies = self._copies()
        if len(copies) >= self.max_worker_copies:
            copies.clear()
        copies[(key, version)] = WorkerCopy(token, expires, pickle.dumps(value))

    def delete(self, key, version=None):
        if key != CONTENT_VERSION_KEY:
            # Other workers may hold a copy: retire them all with the token.
            self._copies().pop((key, version), None)
            super().delete(CONTENT_VERSION_KEY)
        return super().delete(key, version)

    def clear(self):
        self._copies().clear()
        return super().clear()


def _expired(expires):
    return expires is not None and expires <= time.time()


class FileBasedPageCache(WorkerCopyMixin, FileBasedCache):
    """The page cache in files shared by the workers of one server."""


class RedisPageCache(WorkerCopyMixin, RedisCache):
    """The page cache in Redis, shared by every server."""


class LocMemPageCache(WorkerCopyMixin, LocMemCache):
    """The page cache in one process (development, tests)."""
