"""What readers search for, kept only as daily counts and only for a while (issue 19).

Editors use Wagtail's popular search terms to promote results, but Wagtail would keep every
query string for ever, written in the request, including what a worried parent typed. Here a
search only adds one to a count in the shared cache (nothing is written to the database while
the reader waits); ``flush_search_terms`` (daily, `manage.py flush_search_terms`) moves the
days before today into Wagtail's daily hits and forgets them in the cache, and deletes daily
hits older than ``SEARCH_TERMS_RETENTION_DAYS`` (30) and every term no longer counted and
not promoted by an editor. Queries that look like personal data (a phone number, an email
address) are never counted at all."""

import datetime
import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger("jindu.search.terms")

MAX_TERM = 60
# Counts wait in the cache this long for the daily flush (a missed day is caught up).
CACHE_DAYS = 3
PERSONAL = re.compile(r"\d{6,}|@|\d{3,4}[- ]\d{4}")


def _day_key(day):
    return f"jindu-search-day:{day.isoformat()}"


def _keys(day, digest):
    return (
        f"jindu-search-count:{day.isoformat()}:{digest}",
        f"jindu-search-term:{day.isoformat()}:{digest}",
    )


def count(text):
    """One more search for ``text`` today, in the shared cache only."""
    from jindu.search.query import normalise

    term = " ".join(normalise(text).split())[:MAX_TERM]
    if not term or PERSONAL.search(term):
        return
    day = timezone.localdate()
    digest = hashlib.sha256(term.encode()).hexdigest()[:32]
    count_key, term_key = _keys(day, digest)
    seconds = CACHE_DAYS * 86400
    cache.add(term_key, term, seconds)
    if cache.add(count_key, 1, seconds):
        digests = cache.get(_day_key(day)) or set()
        digests.add(digest)
        cache.set(_day_key(day), digests, seconds)
    else:
        try:
            cache.incr(count_key)
        except ValueError:  # expired in between
            cache.add(count_key, 1, seconds)


def flush(today=None):
    """Move the counts of the days before ``today`` into Wagtail's daily hits, then drop
    what is older than the retention. Returns (terms moved, rows deleted)."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    today = today or timezone.localdate()
    moved = 0
    for back in range(1, CACHE_DAYS + 1):
        day = today - datetime.timedelta(days=back)
        digests = cache.get(_day_key(day)) or set()
        for digest in digests:
            count_key, term_key = _keys(day, digest)
            term, hits = cache.get(term_key), cache.get(count_key)
            if term and hits:
                with transaction.atomic():
                    query = Query.get(term)
                    daily, _created = QueryDailyHits.objects.get_or_create(
                        query=query, date=day, defaults={"hits": 0}
                    )
                    QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
                moved += 1
            cache.delete_many([count_key, term_key])
        cache.delete(_day_key(day))
    return moved, purge(today)


def purge(today=None):
    """Delete daily counts older than the retention, and terms no longer counted that no
    editor promoted results for."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    today = today or timezone.localdate()
    oldest = today - datetime.timedelta(days=settings.SEARCH_TERMS_RETENTION_DAYS)
    deleted, _by_model = QueryDailyHits.objects.filter(date__lt=oldest).delete()
    orphans = Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True)
    more, _by_model = orphans.delete()
    if deleted or more:
        logger.info(
            "search terms: %s daily counts and %s terms past retention deleted", deleted, more
        )
    return deleted + more
