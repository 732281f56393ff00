"""What every public page shows and only a site-wide change alters: the site settings, the
menu, the footer's links and the station directory's address.

Each worker reads them once per site and language while the site's content generation
holds (jindu.memos.memo_for_site), so the first render of a page after a change to that page
reads only what the page itself shows. Every change to them moves the site's generation on
in every worker: the settings' own rule (jindu.wagtail_hooks), and in
``jindu.caching.paths_showing_page`` a home page, any child of one (the menu) and any page
the footer names. Outside a public request (the admin, commands, previews' own lookups)
nothing is kept and every call reads the database."""

from django.utils import translation

from wagtail.models import Page, Site

from jindu.localization import localized
from jindu.memos import memo_for_site
from jindu.models.mixins import public


def _site_and_language(request):
    site = Site.find_for_request(request)
    return (site.pk if site else None), translation.get_language()


def menu_items(request, root):
    """[(title, url, path)] of the pages under the home page ``root`` shown in the menu."""

    def build():
        return [
            (child.title, child.get_url(request), child.path)
            for child in public(root.get_children().live().in_menu())
        ]

    return memo_for_site(("menu", root.pk, *_site_and_language(request)), build)


def footer_links(request, site_settings):
    """[(title, url)] of the live pages the site settings' footer links name, each in the
    active language where it has been translated."""

    def build():
        links = []
        for block in site_settings.footer_links:
            linked = localized(block.value) if block.value else None
            if linked is not None and linked.live:
                links.append((linked.title, linked.get_url(request)))
        return links

    return memo_for_site(("footer-links", *_site_and_language(request)), build)


def station_directory_url(request, site_settings):
    """The address of the work-station directory in the active language, or ""."""
    page_id = site_settings.station_directory_page_id

    def build():
        page = localized(Page.objects.get(pk=page_id))
        return (page.get_url(request) or "") if page.live else ""

    if page_id is None:
        return ""
    return memo_for_site(("station-directory", page_id, *_site_and_language(request)), build)
