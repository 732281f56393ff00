"""What each worker keeps between public requests while the content generations of
jindu.caching hold: those generations move on with every change that could alter it, in
every worker at once, so nothing here needs to be told of a change.

``ContentGenerationMiddleware`` (jindu.caching) puts the request's generations in
``this_request`` for the length of a public request; outside one (the admin, commands) or
while the shared cache is unreachable, nothing is kept and every call builds afresh."""

import datetime
import threading
import time

from django.conf import settings
from django.utils import timezone

# The generations of the public request this thread is serving (jindu.caching.Generation).
this_request = threading.local()


class GenerationMemo:
    """Values kept in this worker while the site's generation is unchanged; ``per_path``
    also under the requested path's generation. Holds at most ``max_entries`` (then starts
    again empty), and nothing longer than PAGE_CACHE_SECONDS, like every other kept page
    part: a change made without signals (a bulk update) shows within that time."""

    def __init__(self, per_path=False, max_entries=None):
        self.per_path = per_path
        self.max_entries = max_entries
        # (site generation, when to start again, values), replaced as one so a reader never
        # pairs them wrongly.
        self._kept = (None, 0.0, {})

    def get(self, key, build):
        """``build()``, computed once while the generations hold; on every call outside a
        public request (the admin, commands) or while the shared cache is unreachable."""
        generation = getattr(this_request, "generation", None)
        if generation is None:
            return build()
        site, until, values = self._kept
        now = time.time()
        if (
            site != generation.site
            or now >= until
            or (self.max_entries and len(values) >= self.max_entries)
        ):
            values = {}
            self._kept = (generation.site, now + settings.PAGE_CACHE_SECONDS, values)
        if self.per_path:
            key = (generation.path, key)
        if key not in values:
            values[key] = build()
        return values[key]


# What every public page needs and only a site-wide change alters (the site, its home pages,
# the locales, whether any page is restricted): every change that could alter it retires
# EVERYTHING (see the rules), which moves the site's generation on in every worker at once.
memo_for_site = GenerationMemo().get

# What a public request found for its own path (the page a URL routes to): a change to the
# page, an ancestor or anything it shows gives the path a new generation
# (jindu.caching.paths_showing_page), as it does for the page's kept parts.
memo_for_path = GenerationMemo(per_path=True, max_entries=500).get


class LocalDay:
    """Today's local date (TIME_ZONE) and the Unix time of the next local midnight, worked
    out again only once the clock has left the day they were worked out for. Every public
    request needs them (cache keys and lifetimes end at midnight); working them out from
    the time zone each time was a tenth of a page-cache hit."""

    def __init__(self):
        # (time zone, the day's first second, the next midnight, ISO date), replaced as one.
        self._kept = (None, 0.0, 0.0, "")

    def _current(self):
        zone = settings.TIME_ZONE
        now = time.time()
        kept = self._kept
        if kept[0] != zone or not kept[1] <= now < kept[2]:
            # The site's day (TIME_ZONE), whatever time zone a signed-in user has chosen.
            local = timezone.localtime(timezone=timezone.get_default_timezone())
            start = datetime.datetime.combine(local.date(), datetime.time.min, local.tzinfo)
            midnight = datetime.datetime.combine(
                local.date() + datetime.timedelta(days=1), datetime.time.min, local.tzinfo
            )
            kept = (zone, start.timestamp(), midnight.timestamp(), local.date().isoformat())
            self._kept = kept
        return kept, now

    def isoformat(self):
        """Today's date, 2026-06-26."""
        return self._current()[0][3]

    def seconds_left(self):
        """Whole seconds until the next local midnight, at least 1."""
        kept, now = self._current()
        return max(1, int(kept[2] - now))


# The local day as every request of this worker sees it.
local_day = LocalDay()
