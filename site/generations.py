"""Reading and moving the content generations (jindu.caching) in the shared cache, with each
worker keeping what it read while Redis says nothing changed.

A public request needs the generations of the site and of its path. Asked of Redis on every
request, that round trip was half the time of a page-cache hit (docs/benchmarks.md). So
each worker keeps the values it read, and every change announces the keys it moved on a
Redis channel, in the same transaction that moves them. Before answering from its copy a
worker reads what has arrived on the channel without waiting (a non-blocking socket read),
and drops (to read again) every key announced. Redis queues the announcement to every
subscriber while it runs that transaction, before its answer to it; the change purges the
proxy and answers its editor only after that answer. So by the time a request that should
see the change can reach a worker, the announcement has been sent to it: on one machine it
is already in the worker's socket, and across a network it travels no slower than the purge
and the reader's request that follow it.

This is server-assisted client-side caching, which redis-py does itself (``cache_config``,
RESP3 push) only against Redis 7.4 or later; Debian 12's Redis is 7.0, so it is done here
with a plain subscription. Whatever goes wrong on the subscription (Redis restarted, the
connection lost) empties the copy and the worker reads every request from Redis again
until it has subscribed anew. A copy is trusted for ``KEEP_SECONDS`` at most, so even a
connection that went silent without failing cannot keep a worker behind for longer.

Without Redis (the file cache of one server) the generations are read every time; a file
read costs no round trip."""

import os
import threading
import time

from django.core.cache import caches

from django_redis import get_redis_connection

from jindu.cache_backends import UNREACHABLE, FailSoftRedisCache

# How long a worker trusts a value it read, however quiet the channel.
KEEP_SECONDS = 10
# Values a worker keeps at most (one per path read): beyond it the copy starts again empty.
MAX_KEPT = 20000
# After a subscription fails, how long the worker reads from Redis before subscribing again.
RESUBSCRIBE_SECONDS = 5


def _redis_client(alias):
    """The redis-py client under the django-redis cache ``alias``, or None for others."""
    if not isinstance(caches[alias], FailSoftRedisCache):
        return None
    return get_redis_connection(alias)


class _Copy:
    """One thread's subscription and the values read since it was confirmed."""

    def __init__(self, subscription, cache):
        self.subscription = subscription
        self.cache_id = id(cache)
        self.values = {}  # key: (value, read at)
        self.pid = os.getpid()
        self.renewed = False

    def watch_connection(self):
        # redis-py reconnects a lost subscription by itself; what was announced meanwhile is
        # lost, so the copy must not be trusted after that.
        self.subscription.connection.register_connect_callback(self.connection_renewed)

    def connection_renewed(self, connection):
        self.renewed = True


class GenerationStore:
    """The generations in the cache ``alias``; see the module docstring."""

    def __init__(self, alias):
        self.alias = alias
        self._threads = threading.local()

    @property
    def cache(self):
        return caches[self.alias]

    def channel(self, cache):
        return cache.make_key("jindu:generations:moved")

    def get_many(self, keys):
        """{key: value} of the ``keys`` found."""
        cache = self.cache
        copy = self._copy(cache)
        if copy is None:
            return cache.get_many(keys)
        now = time.monotonic()
        found, missing = {}, []
        for key in keys:
            kept = copy.values.get(key)
            if kept is not None and now - kept[1] < KEEP_SECONDS:
                found[key] = kept[0]
            else:
                missing.append(key)
        if missing:
            # Read after the channel was emptied: a change made after this read is announced
            # after it, and will be found on the channel next time.
            read = cache.get_many(missing)
            if len(copy.values) + len(read) > MAX_KEPT:
                copy.values.clear()
            copy.values.update((key, (value, now)) for key, value in read.items())
            found.update(read)
        return found

    def add(self, key, value):
        """Store ``value`` unless ``key`` has one (no worker can hold a copy of a missing key)."""
        return self.cache.add(key, value, None)

    def set_many(self, values):
        """Move the generations in ``values`` on, and announce it to every worker in the same
        transaction, so no worker can see the new values without the announcement."""
        cache = self.cache
        client = _redis_client(self.alias)
        if client is None:
            cache.set_many(values, None)
            return
        # Tried even while reads are waiting out a recent failure: a move skipped would leave
        # every other worker serving the pages it was meant to retire.
        try:
            with client.pipeline(transaction=True) as pipe:
                for key, value in values.items():
                    pipe.set(cache.make_key(key), int(value))
                pipe.publish(self.channel(cache), "\n".join(values))
                pipe.execute()
        except UNREACHABLE as error:
            cache.report_failure("set_many", error)

    def _copy(self, cache):
        """This thread's copy, subscribed and with the channel read; None when there is none
        to trust (no Redis, Redis unreachable, or a failed subscription being waited out)."""
        if not isinstance(cache, FailSoftRedisCache) or not cache.available:
            return None
        threads = self._threads
        copy = getattr(threads, "copy", None)
        if copy is not None and (copy.pid != os.getpid() or copy.cache_id != id(cache)):
            # Inherited across a fork (the socket is the parent's), or the CACHES setting
            # changed (tests).
            if copy.pid == os.getpid():
                copy.subscription.close()
            copy = threads.copy = None
        if copy is None:
            if time.monotonic() < getattr(threads, "retry_at", 0):
                return None
            copy = self._subscribe(cache, _redis_client(self.alias))
            if copy is None:
                return None
            threads.copy = copy
        try:
            while True:
                message = copy.subscription.get_message(timeout=0)
                if message is None:
                    break
                if message["type"] == "message":
                    data = message["data"]
                    keys = data.decode() if isinstance(data, bytes) else data
                    for key in keys.split("\n"):
                        copy.values.pop(key, None)
            if copy.renewed:
                raise ConnectionError("the subscription was lost and renewed")
        except UNREACHABLE as error:
            self._drop(copy, error)
            return None
        return copy

    def _subscribe(self, cache, client):
        subscription = client.pubsub()
        try:
            subscription.subscribe(self.channel(cache))
            deadline = time.monotonic() + 1
            while time.monotonic() < deadline:
                message = subscription.get_message(timeout=max(0.0, deadline - time.monotonic()))
                if message is not None and message["type"] == "subscribe":
                    copy = _Copy(subscription, cache)
                    copy.watch_connection()
                    return copy
            raise TimeoutError("no confirmation of the subscription")
        except UNREACHABLE as error:
            self._drop(_Copy(subscription, cache), error)
            return None

    def _drop(self, copy, error):
        self._threads.copy = None
        self._threads.retry_at = time.monotonic() + RESUBSCRIBE_SECONDS
        try:
            copy.subscription.close()
        except UNREACHABLE:
            pass
        # Pages are still served, reading the generations every time: no need to stop
        # asking Redis for anything else.
        self.cache.report_failure("subscribe", error, wait=False)
