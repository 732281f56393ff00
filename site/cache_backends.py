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

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger("jindu.cache")

UNREACHABLE = (RedisError, OSError)
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

    def _failed(self, operation, error):
        now = time.monotonic()
        with self._lock:
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
            self._failed(operation, error)
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
    """Django's Redis backend, failing soft. Give it short socket timeouts in OPTIONS so a
    server that hangs (rather than refuses) is given up on quickly."""

    def __init__(self, server, params):
        params = dict(params)
        options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
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
