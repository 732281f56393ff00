"""The search backend (WAGTAILSEARCH_BACKENDS): Wagtail's database backend for the current
database (SQLite FTS5 or PostgreSQL), with queries understood as readers mean them
(jindu.search.query) and split into words as the index was (jindu.search.words)."""

from wagtail.search.query import PlainText

from jindu.search.query import understand
from jindu.search.words import CJK_RUN, segment_query


def understood_query(text):
    """A reader's query as the backends should look for it: any of the words of what they
    meant (jindu.search.query), ranked by how many match."""
    words = understand(text).words
    return PlainText(" ".join(words) or "", operator="or") if words else None


def as_text(query):
    """The reader's words: a string, or the PlainText the admin makes of its search box
    (wagtail.search.utils.parse_query_string)."""
    return query.query_string if isinstance(query, PlainText) else query


class _SegmentingQueries:
    def search(self, query, model_or_queryset, *args, **kwargs):
        query = as_text(query)
        if isinstance(query, str):
            understood = understood_query(query)
            if understood is None:  # nothing but stop words: nothing to look for
                return super().search(segment_query(query), model_or_queryset, *args, **kwargs)
            kwargs.pop("operator", None)
            query = understood
        return super().search(query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, fields=None, **kwargs):
        query = as_text(query)
        if isinstance(query, str) and fields is None and CJK_RUN.search(query):
            # Chinese has no spaces to type a prefix up to: the admin's page search looks
            # for the words of what was meant, as the public search does, so an editor
            # finds a draft by the words a reader would find it by ("远离笑气", a tag, a
            # theme), best match first.
            understood = understood_query(query)
            if understood is not None:
                kwargs.pop("operator", None)
                return super().search(understood, model_or_queryset, **kwargs)
        if isinstance(query, str):
            query = segment_query(query)
        return super().autocomplete(query, model_or_queryset, fields=fields, **kwargs)


_classes = {}


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    """Wagtail's database backend for the current database, with segmented queries."""
    from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

    base = DatabaseSearchBackend(params)
    cls = _classes.get(type(base))
    if cls is None:
        cls = type(f"Segmented{type(base).__name__}", (_SegmentingQueries, type(base)), {})
        _classes[type(base)] = cls
    return cls(params)
