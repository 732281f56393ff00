"""The anonymous page cache, the kept page parts, and what a change retires.

Every public URL path has a *content generation*, a random number kept in the shared
"default" cache (Redis, or files shared by the processes of one server). A change retires
exactly the paths that show it by giving them new generations; one generation for the
whole site is moved on only by what every page shows (the menu, the footer's settings).

- The page cache (wagtail-cache) keys pages by URL and by the request headers a response
  varies on. ``ContentGenerationMiddleware`` puts the URL's generation into the request as
  the ``X-Jindu-Generation`` header and ``PageCacheMiddleware`` makes cached responses vary
  on it, so a page kept under an older generation is simply never found again: no key list
  to keep in step (wagtail-cache's keyring is off), no emptying the whole cache.
- Page parts (``{% wagtailcache ... fragments.page ... using=fragments.cache %}``) are kept
  in each worker's memory under keys that hold the same generations, so every worker
  agrees on what is current (``fragment_context``).
- Shared caches in front (Varnish, a CDN) are told ``s-maxage`` and are purged through
  Wagtail's frontend cache for the same paths (``SharedCacheControlMiddleware``, ``retire``).

Which changes show where is declared by each app through the ``jindu_public_changes`` hook
(see ``register_public_change_rules`` in each app's wagtail_hooks.py); pages are handled
here (``paths_showing_page``). If the shared cache is unreachable, nothing is cached and
every page is rendered from the database (jindu.cache_backends).
"""

import contextlib
import functools
import hashlib
import logging
import secrets
import threading
import time
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control, patch_vary_headers
from django.utils.encoding import iri_to_uri
from django.utils.http import parse_http_date_safe

from wagtail import hooks
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtailcache.cache import UpdateCacheMiddleware
from wagtailcache.settings import wagtailcache_settings

from jindu.generations import GenerationStore
from jindu.memos import local_day, this_request

logger = logging.getLogger("jindu.caching")

GENERATIONS_CACHE = "default"
# Each worker keeps the generations it read while Redis announces no change to them.
generation_store = GenerationStore(GENERATIONS_CACHE)
GENERATION_HEADER = "X-Jindu-Generation"
GENERATION_META = "HTTP_X_JINDU_GENERATION"
SITE_KEY = "jindu:generation:site"
# The most paths one change retires one by one; beyond it the whole site's generation
# moves on (a section with thousands of articles renamed).
MAX_PATHS = 1000
# What shared caches may do with a page past its lifetime: serve it while fetching a fresh
# one (a few seconds), or while the site is down (a day).
STALE_WHILE_REVALIDATE = 30
STALE_IF_ERROR = 86400


class Everything:
    """Returned by a change rule when the change shows on every page."""

    def __repr__(self):
        return "EVERYTHING"


EVERYTHING = Everything()


def normalised(path):
    """The path part of a URL or path, percent-decoded as Django's ``request.path`` is."""
    path = unquote(urlsplit(str(path)).path) or "/"
    return path if path.startswith("/") else "/" + path


def _path_key(path):
    return (
        "jindu:generation:path:"
        + hashlib.md5(normalised(path).encode(), usedforsecurity=False).hexdigest()
    )


@functools.cache
def build_id():
    """Changes with every release (its hashed static files and version), so pages rendered
    by the code before a deploy are never served after it."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    parts = [getattr(settings, "CACHE_BUILD", "")]
    try:
        parts.append(version("jindu"))
    except PackageNotFoundError:  # pragma: no cover - the project is always installed
        pass
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest and staticfiles_storage.exists(manifest):
        with staticfiles_storage.open(manifest) as handle:
            parts.append(hashlib.md5(handle.read(), usedforsecurity=False).hexdigest()[:12])
    return hashlib.md5("|".join(parts).encode(), usedforsecurity=False).hexdigest()[:10]


class Generation:
    """The generations of the site and of one path, as read for one request."""

    def __init__(self, site, path):
        self.site = site
        self.path = path

    @property
    def header(self):
        # The local date too: what a page says about "today" turns over at midnight, and a
        # page's cache key then holds everything its content depends on.
        return f"{build_id()}.{self.site}.{self.path}.{local_day.isoformat()}"


def current_generation(path):
    """The generations of the site and of ``path``, or None while the shared cache cannot
    be reached (then nothing may be cached)."""
    keys = [SITE_KEY, _path_key(path)]
    found = generation_store.get_many(keys)
    if len(found) < len(keys):
        for key in keys:
            if key not in found:
                generation_store.add(key, secrets.randbits(62))
        found = generation_store.get_many(keys)
        if len(found) < len(keys):
            return None
    return Generation(found[SITE_KEY], found[keys[1]])


# Retiring: now, so later requests of this process and the tests see it at once, and again
# when the transaction commits, since a worker may render the old rows under the new
# generation in between. Paths waiting for the commit are gathered per thread.
_pending = threading.local()


def _pending_set():
    if not hasattr(_pending, "paths"):
        _pending.paths, _pending.everything = set(), False
    return _pending


def retire(paths=(), everything=False):
    """Retire the cached pages and parts at ``paths`` (or, with ``everything``, all)."""
    paths = {normalised(path) for path in paths}
    if len(paths) > MAX_PATHS:
        paths, everything = set(), True
    if not (paths or everything):
        return
    _move_generations(paths, everything)
    pending = _pending_set()
    pending.paths |= paths
    pending.everything |= everything
    transaction.on_commit(_retire_pending)


def _retire_pending():
    pending = _pending_set()
    paths, everything = pending.paths, pending.everything
    pending.paths, pending.everything = set(), False
    if paths or everything:
        _move_generations(paths, everything)
        purge_shared_caches(paths, everything)


def move_site_generation():
    """Retire every kept page and part at once, in every worker (no frontend purge)."""
    generation_store.set_many({SITE_KEY: secrets.randbits(62)})


def _move_generations(paths, everything):
    values = {_path_key(path): secrets.randbits(62) for path in paths}
    if everything:
        values[SITE_KEY] = secrets.randbits(62)
    if values:
        generation_store.set_many(values)


def purge_shared_caches(paths, everything=False):
    """Tell the caches in front (Wagtail's frontend cache: Varnish, a CDN) about the same
    change. The proxy configuration in deploy/ drops every query-string variant of a purged
    path. Everything means every live page, which can be thousands of requests: that runs
    as a background task."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if everything:
        from jindu.tasks import purge_every_page

        purge_every_page.enqueue()
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Site

    roots = [site.root_url for site in Site.objects.all()]
    batch = PurgeBatch()
    # As browsers send them: percent-encoded (a Chinese slug).
    batch.add_urls(root + iri_to_uri(path) for root in roots for path in paths)
    batch.purge()


# What shows a page.


def own_paths(page):
    """The paths of ``page`` itself: its URL and the routes under it a frontend cache should
    forget with it (``Page.get_cached_paths``, e.g. a section's feed/)."""
    url = page.get_url()
    if not url:
        return set()
    base = normalised(url)
    return {
        normalised(base.rstrip("/") + "/" + extra.lstrip("/"))
        for extra in page.specific_deferred.get_cached_paths()
    }


def site_listings():
    """Views that list pages from the whole site: the sitemap, search and the API."""
    paths = {"/sitemap.xml", "/api/v2/pages/"}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse("search"))
    return paths


def site_root_keys():
    """The translation keys of the sites' home pages (each language's home shares one)."""
    from wagtail.models import Site

    return set(Site.objects.values_list("root_page__translation_key", flat=True))


def site_wide_page_keys():
    """The translation keys of the pages the footer of every page names (the site settings'
    station directory and footer links; each language shows its own translation)."""
    from wagtail.models import Page

    from jindu.models import SiteSettings

    ids = set()
    for site_settings in SiteSettings.objects.all():
        ids.add(site_settings.station_directory_page_id)
        # The chosen ids as stored: no need to read the linked pages themselves.
        ids |= {item["value"] for item in site_settings.footer_links.raw_data if item["value"]}
    ids.discard(None)
    return set(Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True))


def paths_showing_page(page):
    """Where a change to ``page`` (publish, unpublish, move, delete) shows: the page and its
    translations (language links), its ancestors (listings, the home page's latest), its
    descendants (their breadcrumbs and addresses), pages that link to it, and the site's
    listings. A home page, a page of the menu and a page the footer names show on every
    page: EVERYTHING."""
    roots = site_root_keys()
    if page.depth <= 2 or page.translation_key in roots:
        return EVERYTHING
    parent = page.get_parent()
    # Any child of a home page, not only one now in the menu: one just taken out of the
    # menu (show_in_menus unticked) must leave every page's menu too.
    if parent is not None and parent.translation_key in roots:
        return EVERYTHING
    if page.translation_key in site_wide_page_keys():
        return EVERYTHING
    descendants = page.get_descendants()
    if descendants.count() > MAX_PATHS:
        return EVERYTHING
    paths = site_listings() | {f"/api/v2/pages/{page.pk}/"}
    for translated in page.get_translations(inclusive=True).specific(defer=True):
        paths |= own_paths(translated)
        paths |= pages_paths(translated.get_ancestors().filter(depth__gt=1).specific(defer=True))
    paths |= pages_paths(descendants.specific(defer=True))
    paths |= paths_of_pages_referring_to(page)
    # Pages that list others by a rule rather than by place or link (audience portals).
    for hook in hooks.get_hooks("jindu_pages_listing"):
        paths |= set(hook(page))
    return paths


def paths_of_pages_referring_to(obj):
    """Pages that show ``obj`` through a chooser or a link (Wagtail's reference index)."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, ReferenceIndex

    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return pages_paths(
        Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).live().specific(defer=True)
    )


def pages_paths(pages):
    """The own paths of every page in ``pages``."""
    paths = set()
    for page in pages:
        paths |= own_paths(page)
    return paths


_held = threading.local()


@contextlib.contextmanager
def retirement_held():
    """Inside, changes retire nothing; at the end the whole site is retired once. For
    writing many records at once (the demo), where asking every save what it shows costs
    more than the writing."""
    _held.depth = getattr(_held, "depth", 0) + 1
    try:
        yield
    finally:
        _held.depth -= 1
    if not _held.depth:
        retire(everything=True)


def _holding():
    return getattr(_held, "depth", 0) > 0


def _page_changed(sender, instance, **kwargs):
    if _holding():
        return
    retire_for(paths_showing_page(instance))


def _page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    # The old addresses of the page and its descendants now answer with a redirect or a
    # 404; the new ones with the pages.
    if _holding():
        return
    old = set()
    if url_path_before and url_path_after:
        from wagtail.models import Page

        homes = list(Page.objects.filter(translation_key__in=site_root_keys()))
        for page in [instance, *instance.get_descendants()]:
            before = url_path_before + page.url_path[len(url_path_after) :]
            for home in homes:
                home_url = home.get_url()
                if home_url and before.startswith(home.url_path):
                    old.add(normalised(home_url) + before[len(home.url_path) :])
    retire_for(paths_showing_page(instance), extra=old)


def retire_for(shown, extra=()):
    if shown is EVERYTHING:
        retire(everything=True)
    else:
        retire(set(shown) | set(extra))


@functools.cache
def change_rules():
    """{model: [rule]}: from every app's ``jindu_public_changes`` hook, which returns
    ``{model: rule}``; a rule takes (instance, deleted) and returns the paths that show
    the record, EVERYTHING, or nothing. A rule with ``skip_created = True`` is not asked
    about new records (a settings row Wagtail creates empty on first use shows nothing)."""
    rules = {}
    for hook in hooks.get_hooks("jindu_public_changes"):
        for model, rule in hook().items():
            rules.setdefault(model, []).append(rule)
    return rules


def _record_changed(sender, instance, **kwargs):
    if _holding():
        return
    if kwargs.get("created") and getattr(instance, "live", False) and _is_page(instance):
        # A page created live without being published (a command, the demo).
        retire_for(paths_showing_page(instance))
        return
    rules = change_rules().get(type(instance))
    if not rules:
        return
    deleted = kwargs.get("signal") is post_delete
    for rule in rules:
        if kwargs.get("created") and getattr(rule, "skip_created", False):
            continue
        retire_for(rule(instance, deleted) or ())


def records_changed(instances, chunk=1000):
    """Retire what shows any of ``instances``, written in bulk (bulk writes send no signals
    to ``_record_changed``), every path once. A rule with a ``for_many(instances)`` is asked
    once per chunk of records, others once per record."""
    by_model = {}
    for instance in instances:
        by_model.setdefault(type(instance), []).append(instance)
    shown = set()
    for model, records in by_model.items():
        for rule in change_rules().get(model, ()):
            many = getattr(rule, "for_many", None)
            if many is not None:
                answers = [many(records[i : i + chunk]) for i in range(0, len(records), chunk)]
            else:
                answers = [rule(record, False) for record in records]
            for paths in answers:
                if paths is EVERYTHING:
                    retire(everything=True)
                    return
                shown |= set(paths or ())
    if shown:
        retire(shown)


def _is_page(instance):
    from wagtail.models import Page

    return isinstance(instance, Page)


def connect_signals():
    from wagtail.models import Page

    page_published.connect(_page_changed, dispatch_uid="jindu-retire-published")
    page_unpublished.connect(_page_changed, dispatch_uid="jindu-retire-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="jindu-retire-moved")
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="jindu-retire-deleted-page")
    # Records of every other model: one receiver, which looks the model up in the rules.
    post_save.connect(_record_changed, dispatch_uid="jindu-retire-saved-record")
    post_delete.connect(_record_changed, dispatch_uid="jindu-retire-deleted-record")


def check_caches(app_configs=None, **kwargs):
    """The caches the templates and the page cache name must exist: say so at start-up,
    not on the first page view."""
    from django.core.checks import Error

    wanted = {GENERATIONS_CACHE, settings.WAGTAIL_CACHE_BACKEND, "fragments", "no-fragments"}
    return [
        Error(
            f"CACHES has no {alias!r} entry.",
            hint="See CACHES in jindu/settings/base.py.",
            id="jindu.E001",
        )
        for alias in sorted(wanted - set(settings.CACHES))
    ]


# Serving.


def seconds_until_midnight():
    """Seconds until the next local midnight (TIME_ZONE): what is "today" on a page (the
    June 26 countdown, the current campaign, upcoming events) changes then."""
    return local_day.seconds_left()


def page_lifetime():
    return min(settings.PAGE_CACHE_SECONDS, seconds_until_midnight())


def is_public_request(request):
    """GET or HEAD outside the admin, and not Wagtail's simulated preview request."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(settings.ADMIN_PATH_PREFIX)
        and not getattr(request, "is_dummy", False)
    )


class ContentGenerationMiddleware:
    """Reads the generation of the requested path (one round trip to the shared cache) and
    hands it to the page cache as a request header, and to the templates' fragments."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.content_generation = None
        # A client cannot choose the generation it is served.
        request.META.pop(GENERATION_META, None)
        if is_public_request(request):
            generation = current_generation(request.path)
            request.content_generation = generation
            if generation is not None:
                request.META[GENERATION_META] = generation.header
        this_request.generation = request.content_generation
        try:
            return self.get_response(request)
        finally:
            this_request.generation = None


class PageCacheMiddleware(UpdateCacheMiddleware):
    """wagtail-cache's UpdateCacheMiddleware, storing pages under their generation (Vary),
    each for at most PAGE_CACHE_SECONDS and never past the local midnight."""

    def process_response(self, request, response):
        generation = request.META.get(GENERATION_META)
        original_cache_control = response.get("Cache-Control")
        lifetime_added = False
        # A page served from the page cache has both already (the cheap tests first: this
        # runs on every hit).
        if (
            generation
            and "max-age" not in (original_cache_control or "")
            and get_max_age(response) is None
        ):
            patch_cache_control(response, max_age=page_lifetime())
            lifetime_added = True
        if generation and GENERATION_HEADER not in response.get("Vary", ""):
            patch_vary_headers(response, [GENERATION_HEADER])
        response = super().process_response(request, response)
        _drop_vary(response, GENERATION_HEADER)
        if lifetime_added and response.get(wagtailcache_settings.WAGTAIL_CACHE_HEADER) not in (
            "hit",
            "miss",
        ):
            # Not kept after all (a signed-in user, a form): as the view said.
            if original_cache_control is None:
                del response["Cache-Control"]
            else:
                response["Cache-Control"] = original_cache_control
            if response.has_header("Expires"):
                del response["Expires"]
        return response


def _drop_vary(response, header):
    if not response.has_header("Vary"):
        return
    kept = [item for item in cc_delim_re.split(response["Vary"]) if item.lower() != header.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


@functools.lru_cache(maxsize=256)
def _expiry_time(expires):
    # Every hit of a page carries the Expires its page-cache entry was stored with.
    return parse_http_date_safe(expires)


class SharedCacheControlMiddleware:
    """What caches outside the app are told about a page the page cache may keep: browsers
    revalidate (max-age=0) so a change shows on the reader's next visit; shared caches
    (Varnish, a CDN) keep it for the rest of its lifetime (s-maxage), serve it stale
    while fetching a new one or while the site is down, and are purged on change."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        status = response.get(wagtailcache_settings.WAGTAIL_CACHE_HEADER)
        if status in ("hit", "miss"):
            expires = _expiry_time(response.get("Expires", ""))
            remaining = page_lifetime()
            if expires is not None:
                remaining = max(0, min(remaining, expires - int(time.time())))
            if response.has_header("Expires"):
                del response["Expires"]
            response["Cache-Control"] = (
                f"public, max-age=0, s-maxage={remaining}, "
                f"stale-while-revalidate={STALE_WHILE_REVALIDATE}, "
                f"stale-if-error={STALE_IF_ERROR}"
            )
        return response


class LanguageFromURLMiddleware:
    """Public pages say their language in the URL (Chinese unprefixed, English under /en/),
    so the browser's Accept-Language must not pick one, nor split each cached page into a
    copy per browser language. The admin still follows the browser for staff who chose no
    language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = not request.path.startswith(settings.ADMIN_PATH_PREFIX)
        if public:
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        response = self.get_response(request)
        if public:
            _drop_vary(response, "Accept-Language")
        return response
