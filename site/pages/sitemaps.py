from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from jindu.models.mixins import public


class BilingualSitemap(WagtailSitemap):
    """Wagtail's sitemap lists only the default site's own tree (Chinese); this one lists
    every language's tree under the same site."""

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_tree = Q()
        for translated_root in root.get_translations(inclusive=True):
            in_any_tree |= Q(path__startswith=translated_root.path)
        return (
            public(Page.objects.filter(in_any_tree).live())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
