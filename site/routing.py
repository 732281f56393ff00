"""Serving a page in a fixed, small number of queries.

Wagtail finds the site (one query), the home page in the active language (two), then walks
the URL one page at a time (two queries per level). Here the site and its home pages are
remembered between requests (``jindu.caching.remember``), and every page along the URL is
read in one query, then the page served in one more, whatever its depth. Pages that route
by themselves (``RoutablePageMixin`` and any other ``route`` override) still get to: the
walk hands over to them, exactly as Wagtail's own ``Page.route`` would.
"""

import copy

from django.http import Http404
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from jindu.caching import remember
from jindu.localization import active_locale, localized

# Distinct Host headers remembered at most: beyond it (a scan with made-up hosts) sites are
# looked up per request, so memory stays bounded.
MAX_REMEMBERED_HOSTS = 50


def current_site(request):
    """``Site.find_for_request`` remembered between requests for each host and port."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hosts = remember("sites", dict)
    key = (request._get_raw_host(), request.get_port())
    if key in hosts:
        request._wagtail_site = hosts[key]
    else:
        site = Site.find_for_request(request)
        if len(hosts) < MAX_REMEMBERED_HOSTS:
            hosts[key] = site
    return request._wagtail_site


class CurrentSiteMiddleware:
    """Finds the request's site from what is remembered, before anything asks Wagtail (page
    URLs, site settings, the serve view all do)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        current_site(request)
        return self.get_response(request)


def site_root(request):
    """The site's home page in the active language (the default language's when it has
    not been translated), specific, a copy of its own for this request."""
    if request is None:
        return None
    if not hasattr(request, "_jindu_site_root"):
        site = current_site(request)
        root = None
        if site is not None:
            locale = active_locale()

            def build():
                return localized(site.root_page).specific

            root = copy.copy(remember(("site-root", site.pk, locale and locale.pk), build))
        request._jindu_site_root = root
    return request._jindu_site_root


def _routes_itself(page_class):
    return page_class is None or page_class.route is not Page.route


def _passes_on(page_class, remaining):
    """Whether a routable page (RoutablePageMixin) has no route of its own for ``remaining``
    and so hands it to its child, as Page.route would: the child is already read."""
    if page_class is None or page_class.route is not RoutablePageMixin.route:
        return False
    try:
        page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Resolver404:
        return True
    return False


def route(request, path):
    """What ``Page.route_for_request`` returns (a RouteResult, or None for a 404)."""
    root = site_root(request)
    if root is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        if not components or _routes_itself(type(root)):
            return root.route(request, components)
        prefixes = [
            root.url_path + "/".join(components[: i + 1]) + "/" for i in range(len(components))
        ]
        # slug is indexed; url_path, kept up to date by Wagtail, picks the one on this path.
        along_path = {
            page.url_path: page
            for page in Page.objects.filter(
                slug__in=components, url_path__in=prefixes, path__startswith=root.path
            )
        }
        walked = [root]
        for index, prefix in enumerate(prefixes):
            parent = walked[-1]
            page = along_path.get(prefix)
            if page is None or page.depth != parent.depth + 1:
                raise Http404
            page._cached_parent_obj = parent
            walked.append(page)
            remaining = components[index + 1 :]
            if remaining and (
                not _routes_itself(page.specific_class)
                or _passes_on(page.specific_class, remaining)
            ):
                continue
            specific = page.specific
            specific._cached_parent_obj = parent
            walked[-1] = specific
            # Breadcrumbs read the ancestors from here instead of asking again.
            request._jindu_route_pages = walked
            # With nothing remaining, Page.route checks that the page is live.
            return specific.route(request, remaining)
    except Http404:
        return None


def serve(request, path):
    """Wagtail's serve view, with the page found by ``route``. Wagtail keeps a request's route
    in ``request._wagtail_route_for_request`` and reads it from there."""
    request._wagtail_route_for_request = route(request, path)
    return wagtail_serve(request, path)
