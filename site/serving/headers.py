"""What browsers and shared caches (Varnish, a CDN) are told about a public response, and
the one decision of which requests the page cache may answer."""

import time

from django.conf import settings
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control
from django.utils.http import parse_http_date_safe

# What a shared cache may do with a page past its lifetime: serve it for a few seconds
# while fetching a fresh one, or for a day while no app server answers.
STALE_WHILE_REVALIDATE = 30
STALE_IF_ERROR = 86400
# Statuses a shared cache may keep: a page, a permanent redirect, a page that is not there
# (cheap to answer again and again during a scan).
SHAREABLE_STATUSES = (200, 301, 404)
# A view's own choice for everyone along the way, left as it is.
EXPLICIT = ("public", "private", "no-cache", "no-store")


def is_anonymous_public_request(request):
    """A GET or HEAD outside the admin from someone without a session, and not Wagtail's
    simulated preview request. Staff (anyone with a session) always see the database."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(settings.ADMIN_PATH_PREFIX)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
    )


def is_shareable(request, response):
    directives = response.get("Cache-Control", "")
    return (
        is_anonymous_public_request(request)
        and response.status_code in SHAREABLE_STATUSES
        and not response.streaming
        and not response.cookies
        and not any(word in directives for word in EXPLICIT)
    )


def age_of(response, lifetime):
    """Seconds since a response served from the page cache was made: its ``Expires`` was
    set to the moment it was kept plus its lifetime. Told to the proxy as ``Age`` so that
    a page never outlives its lifetime by being kept twice (origin, then proxy)."""
    expires = parse_http_date_safe(response.get("Expires", ""))
    if expires is None:
        return 0
    return max(0, min(lifetime, lifetime - (expires - int(time.time()))))


class SharedCacheHeadersMiddleware:
    """Outermost: rewrites an anonymous public response's lifetime (``max-age`` as the view
    or the page cache set it, else PAGE_CACHE_SECONDS) for the outside: shared caches keep
    it that long (``s-maxage``), browsers ask again each time (``max-age=0``), so a change
    shows on a reader's next visit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_shareable(request, response):
            return response
        lifetime = get_max_age(response)
        if lifetime is None:
            lifetime = settings.PAGE_CACHE_SECONDS
        age = age_of(response, lifetime)
        if response.has_header("Expires"):
            del response["Expires"]
        if age:
            response["Age"] = str(age)
        response["Cache-Control"] = (
            f"public, max-age=0, s-maxage={lifetime}, "
            f"stale-while-revalidate={STALE_WHILE_REVALIDATE}, stale-if-error={STALE_IF_ERROR}"
        )
        return response


def drop_vary(response, header):
    if not response.has_header("Vary"):
        return
    kept = [item for item in cc_delim_re.split(response["Vary"]) if item.lower() != header.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


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
            drop_vary(response, "Accept-Language")
        return response


class LiveFiguresMixin:
    """For page types that show back-office records (upcoming events, campaign figures,
    the station directory), their sub-pages included: kept LIVE_PAGE_SECONDS, since saving
    an event, attendance or a station purges nothing. First among the page's bases."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, max_age=settings.LIVE_PAGE_SECONDS)
        return response
