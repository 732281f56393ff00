"""The keys of the page parts templates keep (``{% wagtailcache %}`` fragments): the
``fragments`` context variable, from the content generations of jindu.caching."""

from functools import cached_property

from django.conf import settings
from django.utils import translation

from jindu.caching import build_id
from jindu.memos import local_day


class FragmentKeys:
    """What templates key their kept parts by (the ``fragments`` context variable):

    ``{% wagtailcache fragments.seconds name fragments.page request.get_full_path
    using=fragments.cache %}`` — ``fragments.page`` moves on with the site's and this path's
    generation, the language, the host and the local day; ``fragments.site`` only with the
    site's (for the footer). Answers to a form (POST), and any request while the shared
    cache is unreachable, keep nothing (``fragments.cache`` is a dummy)."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def generation(self):
        return getattr(self.request, "content_generation", None)

    @property
    def seconds(self):
        return settings.PAGE_CACHE_SECONDS

    @property
    def cache(self):
        user = getattr(self.request, "user", None)
        usable = (
            settings.FRAGMENT_CACHE
            and self.generation is not None
            and self.request.method in ("GET", "HEAD")
            # Staff see the database, as they never get a page from the page cache.
            and not getattr(user, "is_authenticated", False)
        )
        return "fragments" if usable else "no-fragments"

    def _common(self):
        return (
            f"{build_id()}.{translation.get_language()}.{self.request.scheme}."
            f"{self.request.get_host()}.{local_day.isoformat()}"
        )

    @cached_property
    def site(self):
        return f"{self._common()}.{self.generation.site if self.generation else ''}"

    @cached_property
    def page(self):
        path = self.generation.path if self.generation else ""
        return f"{self.site}.{path}"


def fragment_context(request):
    return {"fragments": FragmentKeys(request)}
