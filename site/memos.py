"""What each worker keeps between public requests while the content generations of
jindu.caching hold: those generations move on with every change that could alter it, in
every worker at once, so nothing here needs to be told of a change.

``ContentGenerationMiddleware`` (jindu.caching) puts the request's generations in
``this_request`` for the length of a public request; outside one (the admin, commands) or
while the shared cache is unreachable, nothing is kept and every call builds afresh."""

import threading

# The generations of the public request this thread is serving (jindu.caching.Generation).
this_request = threading.local()

# What every public page needs and only a site-wide change alters (the site, its home pages,
# the locales, whether any page is restricted) is kept in each worker while the site's
# generation is unchanged: every change that could alter it retires EVERYTHING (see the
# rules), which moves that generation on in every worker at once.
_site_memo = {"generation": None, "values": {}}


def memo_for_site(key, build):
    """``build()``, computed once per worker while the site's generation is unchanged; on
    every call outside a public request (the admin, commands) or while the shared cache is
    unreachable."""
    global _site_memo
    generation = getattr(this_request, "generation", None)
    if generation is None:
        return build()
    memo = _site_memo
    if memo["generation"] != generation.site:
        memo = _site_memo = {"generation": generation.site, "values": {}}
    values = memo["values"]
    if key not in values:
        values[key] = build()
    return values[key]


# What a public request found for its own path (the page a URL routes to), kept in each worker
# under the path's generation: a change to the page, an ancestor or anything it shows gives
# the path a new one (paths_showing_page), as it does for the page's kept parts.
MAX_PATH_MEMOS = 500
_path_memo = {"generation": None, "values": {}}


def memo_for_path(key, build):
    """``build()``, computed once per worker while the requested path's generation and the
    site's are unchanged (at most MAX_PATH_MEMOS kept); on every call outside a public
    request or while the shared cache is unreachable."""
    global _path_memo
    generation = getattr(this_request, "generation", None)
    if generation is None:
        return build()
    memo = _path_memo
    if memo["generation"] != generation.site or len(memo["values"]) >= MAX_PATH_MEMOS:
        memo = _path_memo = {"generation": generation.site, "values": {}}
    values = memo["values"]
    full_key = (generation.path, key)
    if full_key not in values:
        values[full_key] = build()
    return values[full_key]
