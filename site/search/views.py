from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from jindu.pages.listing import paginate
from jindu.search import terms as search_terms
from jindu.search.ranking import addresses, search_everything
from jindu.search.words import MAX_QUERY_LENGTH

RESULTS_PER_PAGE = 10
# The most relevant results a search shows; beyond this a reader should refine the query.
MAX_RESULTS = 200
SNIPPET_LENGTH = 160


def highlight(text, terms):
    """An escaped excerpt of ``text`` around the first query term, with the terms marked."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    start = 0
    lowered = text.lower()
    for term in terms:
        position = lowered.find(term.lower())
        if position >= 0:
            start = max(0, position - 40)
            break
    excerpt = Truncator(text[start:]).chars(SNIPPET_LENGTH)
    if start:
        excerpt = "…" + excerpt
    html = escape(excerpt)
    for term in sorted({t for t in terms if t.strip()}, key=len, reverse=True):
        escaped = escape(term)
        html = html.replace(escaped, f"<mark>{escaped}</mark>")
    return mark_safe(html)  # noqa: S308 - built from escaped text only


def popular_searches(limit=8):
    """What the search page offers when nothing was found: the searches editors promote
    results for (never what other readers typed), else the dictionary's first words."""
    from jindu.models import SearchSynonym

    promoted = list(
        Query.objects.filter(editors_picks__isnull=False)
        .distinct()
        .values_list("query_string", flat=True)[:limit]
    )
    if promoted:
        return promoted
    return [synonym.term_list()[0] for synonym in SearchSynonym.objects.all()[:limit]]


@require_GET
@never_cache
def search(request):
    """Never kept, by the page cache or the proxy: every search is counted for the popular
    searches (jindu.search.terms), and most are asked once."""
    query_string = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results, promotions, understanding = None, [], None
    if query_string:
        understanding, hits = search_everything(query_string, request)
        results = paginate(request, hits, RESULTS_PER_PAGE)
        terms = sorted(
            {word for concept in understanding.concepts for word in concept.words},
            key=len,
            reverse=True,
        )
        for hit in addresses(results, request):
            hit.snippet = highlight(strip_tags(hit.text), terms)
        # Read only: Wagtail's Query.get would store the query string there and then.
        promotions = [
            pick
            for pick in SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(query_string)
            ).select_related("page")
            if pick.page and pick.page.live
        ]
        search_terms.count(query_string)  # a count in the shared cache, nothing more
    return render(
        request,
        "jindu/search.html",
        {
            "query": query_string,
            "results": results,
            "suggestion": understanding.suggestion if understanding else "",
            "promotions": promotions,
            "popular": popular_searches() if results is not None and not results else [],
            "search_querystring": urlencode({"q": query_string}),
        },
    )
