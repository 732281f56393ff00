"""Finding a page below the home page in one query instead of two per level.

Wagtail's ``Page.route`` reads each page along the URL, then its specific object, level by
level. ``RouteFromHomeMixin`` (on the home page) reads every page along the URL at once by
``url_path`` and hands the rest of the URL to the deepest page found, or to the first page
along the way that routes by itself (``RoutablePageMixin`` or any other ``route``
override), exactly where Wagtail's own walk would have handed it over. Only public Wagtail
API: ``route`` is the documented place to change how a page finds its children.
"""

from django.http import Http404
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


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
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[: i + 1]) + "/"
            for i in range(len(path_components))
        ]
        # slug is indexed and narrows the rows; url_path picks the one on this path.
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                slug__in=path_components, url_path__in=prefixes, path__startswith=self.path
            ).defer_streamfields()
        }
        parent = self
        for index, prefix in enumerate(prefixes):
            page = found.get(prefix)
            if page is None or page.depth != parent.depth + 1:
                # No such child of the page before: Wagtail's walk ends in a 404 here too.
                raise Http404
            remaining = path_components[index + 1 :]
            if not remaining or _takes_over(page.specific_class, remaining):
                return page.specific.route(request, remaining)
            parent = page
        raise Http404  # pragma: no cover - the last component always returns above
