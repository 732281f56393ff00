"""How public pages are served fast: the shape wagtail.org and bakerydemo use.

- ``headers``: what caches outside the app are told. Anonymous public responses carry
  ``s-maxage`` (plus ``stale-while-revalidate`` and ``stale-if-error``) for a shared cache
  in front (Varnish from deploy/, or a CDN); browsers revalidate (``max-age=0``).
- The origin keeps whole anonymous pages in one page cache (wagtail-cache, the ``pages``
  cache alias), each for the lifetime its page declares.
- ``invalidation``: a change that shows on public pages empties that page cache as a whole
  and purges the site from the proxy through Wagtail's frontend cache, once the change is
  committed. Back-office records (events, attendance, stock) purge nothing: the pages that
  show them declare a short lifetime (``LIVE_PAGE_SECONDS``) instead.

Nothing here is kept per worker, so no worker has to be told about a change.
"""
