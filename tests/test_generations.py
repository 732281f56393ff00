"""Each worker keeps the content generations it read from Redis until a change announces
them (jindu.generations): a page-cache hit then needs no round trip, and a change made by
any worker or command is still seen by every worker on its next request. Against the real
Redis at 127.0.0.1:6379 (skipped without it)."""

import socket

from django.core.cache import caches

import pytest

from jindu import caching
from jindu.generations import GenerationStore

REDIS = ("127.0.0.1", 6379)
DATABASE = 14


@pytest.fixture
def redis_generations(settings):
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    import redis

    redis.Redis(*REDIS, db=DATABASE).flushdb()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "jindu.cache_backends.FailSoftRedisCache",
            "LOCATION": f"redis://{REDIS[0]}:{REDIS[1]}/{DATABASE}",
            "KEY_PREFIX": "jindu-test",
        },
    }
    yield redis.Redis(*REDIS, db=DATABASE)
    redis.Redis(*REDIS, db=DATABASE).flushdb()


@pytest.fixture
def reads(redis_generations, monkeypatch):
    """The keys each read of the shared cache asked for."""
    cache = caches["default"]
    asked = []
    original = cache.get_many

    def counting(keys, *args, **kwargs):
        asked.append(list(keys))
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counting)
    return asked


def test_a_worker_reads_a_generation_once_then_keeps_it_until_a_change_is_announced(reads):
    worker, other_worker = GenerationStore("default"), GenerationStore("default")
    other_worker.add("jindu:generation:path:a", 1)

    assert worker.get_many(["jindu:generation:path:a"]) == {"jindu:generation:path:a": 1}
    for _ in range(5):
        assert worker.get_many(["jindu:generation:path:a"]) == {"jindu:generation:path:a": 1}
    assert len(reads) == 1  # five requests served without a round trip

    other_worker.set_many({"jindu:generation:path:a": 2})
    assert worker.get_many(["jindu:generation:path:a"]) == {"jindu:generation:path:a": 2}
    assert len(reads) == 2


def test_a_change_announces_only_the_paths_it_moved(reads):
    worker, other_worker = GenerationStore("default"), GenerationStore("default")
    for key in ("jindu:generation:path:a", "jindu:generation:path:b"):
        other_worker.add(key, 1)
    worker.get_many(["jindu:generation:path:a", "jindu:generation:path:b"])

    other_worker.set_many({"jindu:generation:path:a": 2})
    found = worker.get_many(["jindu:generation:path:a", "jindu:generation:path:b"])

    assert found == {"jindu:generation:path:a": 2, "jindu:generation:path:b": 1}
    assert reads[-1] == ["jindu:generation:path:a"]


def test_a_worker_whose_subscription_was_lost_reads_redis_again(redis_generations, reads):
    worker, other_worker = GenerationStore("default"), GenerationStore("default")
    other_worker.add("jindu:generation:path:a", 1)
    worker.get_many(["jindu:generation:path:a"])
    # Redis drops the subscriptions (a restart, a network cut); the announcement of the
    # change made meanwhile never reaches the worker.
    redis_generations.client_kill_filter(_type="pubsub")
    other_worker.set_many({"jindu:generation:path:a": 2})

    assert worker.get_many(["jindu:generation:path:a"]) == {"jindu:generation:path:a": 2}


def test_a_subscription_renewed_by_redis_py_is_not_trusted(redis_generations, reads):
    # redis-py reconnects a subscription whose connection retries by itself (disconnect,
    # connect, subscribe again); what was announced while it was down is lost.
    worker, other_worker = GenerationStore("default"), GenerationStore("default")
    other_worker.add("jindu:generation:path:a", 1)
    worker.get_many(["jindu:generation:path:a"])
    connection = worker._threads.copy.subscription.connection
    connection.disconnect()
    other_worker.set_many({"jindu:generation:path:a": 2})
    connection.connect()

    assert worker.get_many(["jindu:generation:path:a"]) == {"jindu:generation:path:a": 2}


def test_a_change_moves_the_generations_even_while_reads_wait_out_a_failure(redis_generations):
    store = GenerationStore("default")
    store.add("jindu:generation:path:a", 1)
    cache = caches["default"]
    cache.report_failure("get", OSError("a blip"))  # reads skip Redis for a few seconds
    assert not cache.available

    store.set_many({"jindu:generation:path:a": 2})

    assert redis_generations.get(cache.make_key("jindu:generation:path:a")) == b"2"


@pytest.mark.django_db
def test_a_page_retired_by_a_change_is_seen_at_once_by_a_worker_that_kept_its_generation(
    redis_generations, reads
):
    before = caching.current_generation("/zhidu/").header
    assert caching.current_generation("/zhidu/").header == before
    asked = len(reads)

    caching.retire(["/zhidu/"])

    assert caching.current_generation("/zhidu/").header != before
    assert len(reads) == asked + 1
