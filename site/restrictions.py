"""Which pages are behind a view restriction, remembered between requests.

Most sites restrict nothing, or one section. Wagtail asks the database on every page served
(two queries: the ancestors' aliases, then the restrictions) and in every ``.public()``
listing (one more). The few restricted and alias pages are remembered instead
(``jindu.caching.remember``; saving a restriction or any page forgets them), and Wagtail's
own check runs only for a page that may be restricted.
"""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from jindu.caching import remember

PATH_STEP = Page.steplen


def _build():
    restricted = dict(PageViewRestriction.objects.values_list("page__path", "page_id"))
    aliases, alias_ids = {}, {}
    alias_rows = Page.objects.filter(alias_of__isnull=False).values_list(
        "path", "pk", "alias_of_id"
    )
    for path, page_id, source_id in alias_rows:
        aliases[path] = alias_ids[page_id] = source_id
    return restricted, set(restricted.values()), aliases, alias_ids


def _known():
    return remember("view-restrictions", _build)


def may_be_restricted(page):
    """False when no restriction can apply to ``page``: none on it or its ancestors, nor on
    the pages any of them is an alias of (the rule of Wagtail's get_view_restrictions)."""
    restricted, restricted_ids, aliases, alias_ids = _known()
    if not restricted:
        return False
    for end in range(PATH_STEP, len(page.path) + 1, PATH_STEP):
        prefix = page.path[:end]
        if prefix in aliases:
            source = aliases[prefix]
            while source in alias_ids:
                source = alias_ids[source]
            if source in restricted_ids:
                return True
        elif prefix in restricted:
            return True
    return False


def public(queryset):
    """``queryset.public()`` (no page at or below a restricted page) without the query for
    the restrictions."""
    restricted = _known()[0]
    if not restricted:
        return queryset
    private = Q()
    for path in restricted:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)
