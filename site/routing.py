"""Finding the site, its home page and a page below it in as few queries as Wagtail allows.

``CurrentSiteMiddleware`` keeps each worker's answer to ``Site.find_for_request`` (a query
with three CASE clauses on every request), the sites' root paths (a shared-cache read on
every request) and the home pages while the site's content generation is unchanged
(jindu.memos.memo_for_site).

Wagtail's ``Page.route`` reads each page along the URL, then its specific object, level by
level. ``RouteFromHomeMixin`` (on the home page) reads every page along the URL at once by
``url_path`` and hands the rest of the URL to the deepest page found, or to the first page
along the way that routes by itself (``RoutablePageMixin`` or any other ``route``
override), exactly where Wagtail's own walk would have handed it over. For anonymous
readers each worker keeps the page it found for a path while the path's content generation
holds (jindu.memos.memo_for_path), unless FRAGMENT_CACHE is off: a page with its parts kept
is then served without a query. Only public Wagtail API: ``route`` is the documented place
to change how a page finds its children.
"""

import copy

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.urls import Resolver404
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from jindu.memos import memo_for_path, memo_for_site

# Distinct Host headers kept at most: beyond it (a scan with made-up hosts) sites are looked
# up per request, so memory stays bounded.
MAX_REMEMBERED_HOSTS = 50


def use_site(request, site, root_paths):
    """Make ``site`` the answer of ``Site.find_for_request(request)``, and ``root_paths``
    the answer of ``Site.get_site_root_paths()`` for the page addresses of ``request``.

    The one use of private Wagtail attributes in the project: Wagtail keeps a request's
    site in ``request._wagtail_site`` (wagtail/models/sites.py) and the sites' root paths in
    ``request._wagtail_cached_site_root_paths`` (``Page._get_site_root_paths``), and reads
    them from there; otherwise every request reads the root paths from the shared cache.
    tests/test_routing.py::test_wagtail_uses_the_site_given_to_it fails if a Wagtail
    release stops doing so."""
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths


class CurrentSiteMiddleware:
    """The request's site, from what the worker kept for its host and port."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "content_generation", None) is not None:
            self.find_site(request)
        return self.get_response(request)

    @staticmethod
    def find_site(request):
        hosts = memo_for_site("sites", dict)
        key = (request.get_host(), request.get_port())
        if key not in hosts:
            site = Site.find_for_request(request)
            if site is not None:
                # Its home page as the specific page, whose ``localized`` is kept too.
                site.root_page = site.root_page.specific
            if len(hosts) >= MAX_REMEMBERED_HOSTS:
                return
            hosts[key] = site
        # Every address on the page needs them; a change to a site, a locale or a home page
        # moves the site's generation on.
        use_site(request, hosts[key], memo_for_site("site root paths", Site.get_site_root_paths))


def specific_with_picture(page):
    """``page.specific``, with the picture the page shows at its top and in its link
    previews (``image_field``, jindu.models.mixins.PublicPageMixin) read in the same query."""
    page_class = page.specific_class
    name = getattr(page_class, "image_field", None)
    try:
        field = page_class._meta.get_field(name) if name else None
    except FieldDoesNotExist:
        field = None
    if field is None or not field.many_to_one:
        return page.specific
    return page_class._default_manager.select_related(name).get(pk=page.pk)


def _takes_over(page_class, remaining):
    """Whether Wagtail's walk would stop at a page of ``page_class`` with ``remaining`` path
    components left, rather than go on to its child."""
    if page_class is None:
        return True
    if page_class.route is Page.route:
        return False
    if page_class.route is RoutablePageMixin.route:
        # A routable page serves its own sub-URLs first and hands the rest to its children.
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return False
        return True
    return True


class RouteFromHomeMixin:
    """For the home page: finds pages below it in one query, and keeps its translation in
    the active language (what Wagtail's serve view asks for on every request) while the
    site's generation is unchanged."""

    @property
    def localized(self):
        if not self.pk:
            return super().localized
        kept = memo_for_site(
            ("home", self.pk, translation.get_language()),
            lambda: super(RouteFromHomeMixin, self).localized.specific,
        )
        # A copy for each request: what one request sets on its page stays there.
        return copy.copy(kept)

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        staff = getattr(request, "user", None) is not None and request.user.is_authenticated
        if staff or not settings.FRAGMENT_CACHE:
            # Staff see the database (a draft saved changes the page's row, not its path's
            # generation); with FRAGMENT_CACHE off nothing of a page is kept.
            page, remaining, along = self._page_taking_over(path_components)
        else:
            page, remaining, along = memo_for_path(
                ("route", self.pk, tuple(path_components)),
                lambda: self._page_taking_over(path_components),
            )
            # A copy for each request: what one request sets on its page stays there.
            page = copy.copy(page)
        request.jindu_pages_along_path = along
        return page.route(request, remaining)

    def _page_taking_over(self, path_components):
        """The specific page along the URL that serves it, the path left to it, and the
        pages on the way to it (this home page first; plain pages, for breadcrumbs)."""
        prefixes = [
            self.url_path + "/".join(path_components[: i + 1]) + "/"
            for i in range(len(path_components))
        ]
        # slug is indexed and narrows the rows; url_path picks the one on this path. No
        # order: the rows are looked up by url_path (Page's default order by path was a
        # fifth of the query's cost, most of it in Django building the ORDER BY).
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                slug__in=path_components, url_path__in=prefixes, path__startswith=self.path
            ).order_by()
        }
        parent = self
        along = [self]
        for index, prefix in enumerate(prefixes):
            page = found.get(prefix)
            if page is None or page.depth != parent.depth + 1:
                # No such child of the page before: Wagtail's walk ends in a 404 here too.
                raise Http404
            remaining = path_components[index + 1 :]
            if not remaining or _takes_over(page.specific_class, remaining):
                return specific_with_picture(page), remaining, along
            parent = page
            along.append(page)
        raise Http404  # pragma: no cover - the last component always returns above


def ancestors_along_path(request, page):
    """The ancestors of ``page`` below the tree's root (its home page first) as the router
    read them on its way to the page, or None where it did not (another router, a page
    served further down by its parent's own ``route``)."""
    along = getattr(request, "jindu_pages_along_path", None) if request else None
    if not along or [ancestor.depth for ancestor in along] != list(range(2, page.depth)):
        return None
    if not all(page.path.startswith(ancestor.path) for ancestor in along):
        return None
    return along
