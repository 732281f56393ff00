"""Cache backends that fail soft.

A cache makes the site faster; it must never be what takes it down. When Redis (or the
disk under the file cache) stops answering, these backends answer as an empty cache would:
``get`` finds nothing, ``set`` keeps nothing, ``incr`` finds no counter. Pages are then
rendered from the database, slower but whole, and a warning is logged at most once a
minute per backend, not once per request. After a failure the backend is not asked again
for ``RETRY_SECONDS``, so a dead server costs one connection attempt, not one per call.

Only the errors of an unreachable store are caught (``redis.RedisError``, ``OSError``):
a programming error (an unpicklable value, a wrong argument) still raises.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.module_loading import import_string

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger("jindu.cache")

UNREACHABLE = (ConnectionInterrupted, RedisError, OSError)
RETRY_SECONDS = 5
WARN_EVERY_SECONDS = 60


class FailSoftMixin:
    """Wraps every public method of a Django cache backend (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._down_until = 0.0
        self._warned_at = 0.0
        self._lock = threading.Lock()

    @property
    def available(self):
        """False while a recent failure is being waited out."""
        return time.monotonic() >= self._down_until

    def report_failure(self, operation, error, *, wait=True):
        """Log that the store failed ``operation`` (at most once a minute); with ``wait``,
        stop asking it for ``RETRY_SECONDS``."""
        now = time.monotonic()
        with self._lock:
            if wait:
                self._down_until = now + RETRY_SECONDS
            warn = now - self._warned_at >= WARN_EVERY_SECONDS or not self._warned_at
            if warn:
                self._warned_at = now
        if warn:
            logger.warning(
                "Cache %s is unreachable (%s on %s: %s); serving without it, retrying every %s s.",
                self._alias_name(),
                type(error).__name__,
                operation,
                error,
                RETRY_SECONDS,
            )

    def _alias_name(self):
        return getattr(self, "_location", None) or type(self).__name__

    def _soft(self, operation, call, fallback):
        if not self.available:
            return fallback()
        try:
            return call()
        except UNREACHABLE as error:
            self.report_failure(operation, error)
            return fallback()


def _soft_method(name, fallback):
    def method(self, *args, **kwargs):
        parent = getattr(super(FailSoftMixin, self), name)
        return self._soft(name, lambda: parent(*args, **kwargs), lambda: fallback(args, kwargs))

    method.__name__ = name
    return method


def _default(args, kwargs):
    if "default" in kwargs:
        return kwargs["default"]
    return args[1] if len(args) > 1 else None


def _not_found(args, kwargs):
    # What Django's backends raise for a missing counter; callers already handle it.
    raise ValueError(f"Key {args[0]!r} not found (cache unavailable)")


for _name, _fallback in {
    "get": _default,
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "add": lambda args, kwargs: False,
    "set": lambda args, kwargs: None,
    "set_many": lambda args, kwargs: list(args[0]) if args else [],
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "delete_many": lambda args, kwargs: None,
    "incr": _not_found,
    "decr": _not_found,
    "clear": lambda args, kwargs: None,
}.items():
    setattr(FailSoftMixin, _name, _soft_method(_name, _fallback))


def _get_or_set(self, key, default, timeout=None, version=None):
    # Django's get_or_set calls add() then get(): with the store down, give the default.
    if not self.available:
        return default() if callable(default) else default
    return super(FailSoftMixin, self).get_or_set(key, default, timeout, version)


FailSoftMixin.get_or_set = _get_or_set


class FailSoftRedisCache(FailSoftMixin, RedisCache):
    """django-redis's backend (it keeps one client per server, where Django's own builds a
    new one for every call), failing soft. Short socket timeouts, so a server that hangs
    rather than refuses is given up on quickly."""

    def __init__(self, server, params):
        params = dict(params)
        options = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
        options.update(params.get("OPTIONS") or {})
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._location = server


class FailSoftFileBasedCache(FailSoftMixin, FileBasedCache):
    """Django's file cache, failing soft (a full or read-only disk)."""

    def __init__(self, directory, params):
        super().__init__(directory, params)
        self._location = directory


class FailSoftLocMemCache(FailSoftMixin, LocMemCache):
    """Django's local-memory cache with the same interface (tests, development)."""


class TieredCache(BaseCache):
    """A shared store (Redis, or files) with a copy of what each worker read or wrote in
    its own memory, for caches whose keys are content-addressed (a changed thing is stored
    under a new key, and the old key is simply never asked for again), so a worker's copy
    is never wrong. Copies live at most ``WORKER_SECONDS`` (default 60).

    OPTIONS: ``SHARED`` (the shared backend's settings, as in CACHES), ``WORKER_ENTRIES``
    (copies a worker keeps, default 300), ``WORKER_SECONDS``."""

    def __init__(self, location, params):
        super().__init__(params)
        options = dict(params.get("OPTIONS") or {})
        shared = dict(options.pop("SHARED"))
        backend = import_string(shared.pop("BACKEND"))
        self.shared = backend(shared.pop("LOCATION", ""), shared)
        self.worker_seconds = int(options.get("WORKER_SECONDS", 60))
        self.worker = LocMemCache(
            f"jindu-worker-copies-{id(self)}",
            {"OPTIONS": {"MAX_ENTRIES": int(options.get("WORKER_ENTRIES", 300))}},
        )

    def _local_timeout(self, timeout):
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return self.worker_seconds if timeout is None else min(timeout, self.worker_seconds)

    def get(self, key, default=None, version=None):
        missing = object()
        value = self.worker.get(key, missing, version)
        if value is missing:
            value = self.shared.get(key, missing, version)
            if value is missing:
                return default
            self.worker.set(key, value, self.worker_seconds, version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version)
        self.worker.set(key, value, self._local_timeout(timeout), version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version)
        if added:
            self.worker.set(key, value, self._local_timeout(timeout), version)
        return added

    def delete(self, key, version=None):
        self.worker.delete(key, version)
        return self.shared.delete(key, version)

    def has_key(self, key, version=None):
        return self.worker.has_key(key, version) or self.shared.has_key(key, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout, version)

    def clear(self):
        self.worker.clear()
        self.shared.clear()


class TieredPageCache(TieredCache):
    """The page cache, tiered: wagtail-cache keys a page by its URL and the
    ``X-Jindu-Generation`` request header (jindu.caching), which holds the content
    generation and the local date. A hit costs no round trip to the shared cache once the
    worker holds a copy. Emptying the cache (wagtail-cache's *Clear cache*) moves the site's
    generation on, which retires every worker's copies too."""

    def clear(self):
        from jindu.caching import move_site_generation

        super().clear()
        # Other workers' copies: their keys hold the site's generation.
        move_site_generation()


class TieredRenditionCache(TieredCache):
    """Wagtail's rendition cache (the "renditions" alias), tiered: its keys hold the
    image's id, file hash, focal point and filter, so a replaced file or a moved focal point
    is looked up under a new key. Wagtail writes every rendition it uses back to the cache
    on every use (``Image.get_rendition``); a key this worker already holds is not written
    again, which saves two shared-cache round trips an image on a page. A rendition deleted
    and made again under the same key (``wagtail_update_image_renditions --purge-only``) is
    forgotten by the deleting process at once and by other workers within
    ``WORKER_SECONDS``."""

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not self.worker.has_key(key, version):
            super().set(key, value, timeout, version)
