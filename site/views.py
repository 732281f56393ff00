import functools
from urllib.parse import urlencode

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, get_page_models

from jindu.listing import paginate
from jindu.localization import active_locale
from jindu.models.mixins import public
from jindu.search import MAX_QUERY_LENGTH, segment_query

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


# The fields a result's text comes from, first filled wins: the page's search description,
# else its introduction or summary.
RESULT_TEXT_FIELDS = ("intro", "summary")


@functools.cache
def _text_joins():
    """{join to a page type's table: its text fields}, for the page types that have any."""
    joins = {}
    for model in get_page_models():
        link = model._meta.parents.get(Page)
        fields = [name for name in RESULT_TEXT_FIELDS if _has_field(model, name)]
        if link is not None and fields:
            joins[link.related_query_name()] = fields
    return joins


def _result_texts(pages):
    """{page id: text} for ``pages``, read in one query joining each page type's table."""
    joins = _text_joins()
    texts = {}
    for page in Page.objects.filter(pk__in=[page.pk for page in pages]).select_related(*joins):
        texts[page.pk] = page.search_description
        for join, fields in joins.items():
            try:
                specific = getattr(page, join)
            except ObjectDoesNotExist:
                continue
            for name in fields:
                texts[page.pk] = texts[page.pk] or str(getattr(specific, name) or "")
    return texts


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _title_matches(page, terms):
    title = page.title.lower()
    return any(term.lower() in title for term in terms)


@require_GET
def search(request):
    query_string = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    promotions = []
    terms = segment_query(query_string).split()
    if query_string:
        locale = active_locale()
        pages = public(Page.objects.live()).filter(locale=locale)
        hits = list(pages.search(query_string)[:MAX_RESULTS])
        # A page whose title holds a query word ranks first, whatever the body's score.
        hits.sort(key=lambda page: 0 if _title_matches(page, terms) else 1)
        results = paginate(request, hits, RESULTS_PER_PAGE)
        query = Query.get(query_string)
        query.add_hit()
        promotions = [pick for pick in query.editors_picks.select_related("page") if pick.page.live]
        texts = _result_texts(results)
        for page in results:
            page.search_snippet = highlight(strip_tags(texts.get(page.pk, "")), terms)
    return render(
        request,
        "jindu/search.html",
        {
            "query": query_string,
            "results": results,
            "promotions": promotions,
            "search_querystring": urlencode({"q": query_string}),
        },
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# Browsers, feed readers and phones ask for these at the site's root whatever the page's
# <link> tags say; without them every such request would be a 404 rendered by the router.
ROOT_ICONS = {
    "favicon.ico": "jindu/icons/favicon.ico",
    "apple-touch-icon.png": "jindu/icons/apple-touch-icon.png",
    "apple-touch-icon-precomposed.png": "jindu/icons/apple-touch-icon.png",
}


@require_GET
@cache_control(max_age=86400, public=True)
def root_icon(request, name):
    # Not permanent: the hashed file it leads to changes name when the icon changes.
    return HttpResponseRedirect(static(ROOT_ICONS[name]))
