"""One search across what the site shows (issue 19): pages (articles, drug facts, sections…),
downloads, and what other apps add through the ``jindu_search_hits`` hook (work stations by
name, district and address; public events), ranked together and labelled by kind.

A hit's score: a title that *is* what was asked comes first; then how many of the reader's
concepts (jindu.search.query) its title holds, then its text; the database's own ranking
breaks ties. Results in the reader's language come first; only when there are none does the
search show what the other language has, marked with its language. The site search and the
pages API (jindu.pages.api) rank pages with the same function."""

import functools
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Case, Q, Value, When
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page, get_page_models
from wagtail.search.query import PlainText

from jindu.editorial.localization import active_locale, locale_for
from jindu.models import Resource
from jindu.models.mixins import public
from jindu.search.query import Said, containing, normalise, understand, words_of

MAX_PAGES = 200
# Past this many matches, ordering them all by relevance costs too much: the pages whose
# title says a word are taken, and as many other matches (see _candidates).
RANKED_MATCHES = 300
MAX_CANDIDATES = 60
MAX_OTHERS = 20
# The fields a result's text comes from, first filled wins after the search description.
RESULT_TEXT_FIELDS = ("intro", "summary")
EXTRA_TEXT_FIELDS = ("street_names",)


@dataclass
class Hit:
    """One result: what it is, where it leads, the words it is judged by."""

    kind: str
    title: str
    url: str
    text: str = ""
    language: str = ""  # set when it is not in the reader's language
    score: float = 0.0
    page: object = None
    also: str = ""  # judged as the title but not shown (a name in the other language)

    def rate(self, concepts, order=0.0, bonus=0.0, weights=None, typed=()):
        """Score against the reader's concepts; ``weights`` (one per concept) count a rare
        word more than a common one (in "how to help my child", child over help)."""
        title, text = Said(f"{self.title} {self.also}"), Said(self.text)
        names = {name for concept in concepts for name in concept.names}
        weights = weights or [1.0] * len(concepts)
        in_title = [concept.found_in(title) for concept in concepts]
        in_text = [concept.found_in(text) for concept in concepts]
        # Saying every part of a question beats saying one part loudly.
        complete = len(concepts) > 1 and all(a or b for a, b in zip(in_title, in_text, strict=True))
        share = _share(typed, normalise(self.title)) if typed else 0
        # A title that is what was asked: one of its names (meth → Methamphetamine), or
        # nothing but words the reader typed (社区禁毒宣传日, 什么是冰毒 → 冰毒).
        exact = normalise(self.title).strip() in names or share == 1
        self.score = (
            (20 if exact else 0)
            + (3 if complete else 0)
            + 4 * sum(w for w, found in zip(weights, in_title, strict=True) if found)
            + 1.5 * sum(w for w, found in zip(weights, in_text, strict=True) if found)
            + bonus
            + order
            + 2 * share
        )
        return self


def _share(typed, title):
    """How much of a title is words the reader typed (stop words too): "What anti-drug
    social workers do" reads like "what do social workers do"."""
    words = words_of(title)
    return len([word for word in words if word in typed]) / len(words) if words else 0


def concept_weights(concepts, hits):
    """How telling each concept is among ``hits``: 1 + log(hits / hits that say it)."""
    said = [Said(f"{hit.title} {hit.also} {hit.text}") for hit in hits]
    return [
        1 + math.log((len(said) + 1) / (sum(concept.found_in(s) for s in said) + 1))
        for concept in concepts
    ]


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


@functools.cache
def _text_joins():
    """{page type: (join to its table, (text fields, extra fields))} for page types with
    any."""
    joins = {}
    for model in get_page_models():
        link = model._meta.parents.get(Page)
        fields = [name for name in RESULT_TEXT_FIELDS if _has_field(model, name)]
        extra = [name for name in EXTRA_TEXT_FIELDS if _has_field(model, name)]
        if link is not None and (fields or extra):
            joins[model] = (link.related_query_name(), (fields, extra))
    return joins


def result_texts(pages):
    """{page id: (text shown, text judged)} for ``pages``, in one query joining each page
    type's table (values only, no page objects): the search description, else the
    introduction or summary; drug facts are judged by their street names too."""
    # Only the tables of the page types among ``pages``: joining all fourteen made
    # PostgreSQL spend 8 ms planning a query that takes under one to run.
    present = {page.specific_class for page in pages}
    joins = {
        join: fields
        for model, (join, fields) in _text_joins().items()
        if any(issubclass(kind, model) for kind in present)
    }
    shown_paths = [f"{join}__{name}" for join, (fields, _extra) in joins.items() for name in fields]
    extra_paths = [f"{join}__{name}" for join, (_fields, extra) in joins.items() for name in extra]
    texts = {}
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).values(
        "pk", "search_description", *shown_paths, *extra_paths
    )
    for row in rows:
        shown = row["search_description"] or next(
            (str(row[path]) for path in shown_paths if row[path]), ""
        )
        extra = [str(row[path]) for path in extra_paths if row[path]]
        texts[row["pk"]] = (shown, " ".join([shown, *extra]))
    return texts


def ranked_pages(understanding, pages):
    """Hits for the pages of ``pages`` (a queryset) that say any word of the query, best
    first."""
    words = understanding.words
    if not words:
        return []
    found = _candidates(words, pages)
    found += _pages_with_characters(understanding, pages, found)
    texts = result_texts(found)
    hits = [
        Hit(
            kind=capfirst(page.specific_class._meta.verbose_name),
            title=page.title,
            url="",
            text=texts.get(page.pk, ("", ""))[1],
            page=page,
        )
        for page in found
    ]
    weights = concept_weights(understanding.concepts, hits)
    for position, hit in enumerate(hits):
        hit.rate(
            understanding.concepts,
            order=1 - position / (len(hits) + 1),
            weights=weights,
            typed=understanding.typed,
        )
        hit.text = texts.get(hit.page.pk, ("", ""))[0]
    hits.sort(key=lambda hit: -hit.score)
    return hits


def _candidates(words, pages):
    """The pages to rank: the index's best matches. Ordering every match by relevance costs
    too much past a few hundred (SQLite's backend scores each with an FTS query of its own,
    seconds at 10,000 pages; PostgreSQL ranks each, 100+ ms): past RANKED_MATCHES the
    candidates are the pages whose title says most words of the query, then other matches
    unordered, and the ranking that follows orders them. The index is read once for up to
    RANKED_MATCHES + 1 matches (their ids only; a count would find every match): when that
    is all of them, only those are ranked by the index; otherwise the first of them are the
    other matches."""
    query = PlainText(" ".join(words), operator="or")
    first = list(
        pages.values_list("pk", flat=True).search(query, order_by_relevance=False)[
            : RANKED_MATCHES + 1
        ]
    )
    if len(first) <= RANKED_MATCHES:
        return list(pages.filter(pk__in=first).search(query)[:MAX_PAGES]) if first else []
    in_title = Q()
    said = Value(0)
    for word in words:
        in_title |= containing("title", word)
        said += Case(When(containing("title", word), then=Value(1)), default=Value(0))
    found = list(
        pages.filter(in_title)
        .annotate(words_in_title=said)
        .order_by("-words_in_title", "-first_published_at")[:MAX_CANDIDATES]
    )
    seen = {page.pk for page in found}
    others = [pk for pk in first if pk not in seen][:MAX_CANDIDATES]
    return found + list(pages.filter(pk__in=others))


def _pages_with_characters(understanding, pages, already):
    """Pages whose title holds a one-character query (毒): the index knows words only."""
    characters = [
        concept.said
        for concept in understanding.concepts
        if len(concept.said) == 1 and not concept.said.isascii()
    ]
    if not characters:
        return []
    query = Q()
    for character in characters:
        query |= Q(title__contains=character)
    seen = {page.pk for page in already}
    return [page for page in pages.filter(query)[:MAX_OTHERS] if page.pk not in seen]


def page_hits(understanding, locale):
    """Hits for the public pages of ``locale``; their addresses are left to ``addresses``."""
    pages = public(Page.objects.live()).filter(locale=locale, depth__gt=2).specific(defer=True)
    return ranked_pages(understanding, pages)


def addresses(hits, request):
    """Give the pages among ``hits`` their address: only for the hits shown, since working
    out a page's address reads its site and tree, and a search ranks up to 200."""
    for hit in hits:
        if hit.page is not None and not hit.url:
            hit.url = hit.page.get_url(request)
    return hits


def resource_hits(understanding, language):
    query = Q()
    for word in understanding.words:
        if len(word) > 1:
            query |= containing("title", word) | containing("description", word)
    if not query:
        return []
    hits = []
    for resource in Resource.objects.filter(query).select_related("document")[:MAX_OTHERS]:
        hit = Hit(
            kind=str(_("Download")),
            title=resource.title,
            url=resource.document.url,
            text=resource.description,
            language="" if resource.language == language else resource.language,
        )
        # A download in the other language helps less (it still shows, marked).
        penalty = -0.5 if not hit.language else -3
        hits.append(hit.rate(understanding.concepts, bonus=penalty, typed=understanding.typed))
    return hits


def search_everything(text, request):
    """(understanding, hits best first) for a reader's query, in the active language. The
    pages among them have no address until ``addresses`` gives the shown ones theirs."""
    understanding = understand(text)
    if not understanding.concepts:
        return understanding, []
    locale = active_locale()
    hits = page_hits(understanding, locale)
    hits += resource_hits(understanding, locale.language_code)
    for hook in hooks.get_hooks("jindu_search_hits"):
        hits += [
            hit.rate(understanding.concepts, bonus=hit.score, typed=understanding.typed)
            for hit in hook(understanding, locale, request)
        ]
    if not hits:
        # Nothing in the reader's language: what the other language has, marked as such.
        for code, _name in settings.LANGUAGES:
            other = locale_for(code)
            if other is not None and other.pk != locale.pk:
                for hit in page_hits(understanding, other):
                    hit.language = code
                    hits.append(hit)
    hits.sort(key=lambda hit: -hit.score)
    return understanding, hits
