"""What every public page shows around its content: the menu, the footer's links and the
station directory's address, each read once per rendered page (a kept page is not
rendered at all)."""

from wagtail.models import Page

from jindu.editorial.localization import localized
from jindu.models.mixins import public


def menu_items(request, root):
    """[(title, url, path)] of the pages under the home page ``root`` shown in the menu."""
    return [
        (child.title, child.get_url(request), child.path)
        for child in public(root.get_children().live().in_menu())
    ]


def footer_links(request, site_settings):
    """[(title, url)] of the live pages the site settings' footer links name, each in the
    active language where it has been translated."""
    links = []
    for block in site_settings.footer_links:
        linked = localized(block.value) if block.value else None
        if linked is not None and linked.live:
            links.append((linked.title, linked.get_url(request)))
    return links


def station_directory_url(request, site_settings):
    """The address of the work-station directory in the active language, or ""."""
    page_id = site_settings.station_directory_page_id
    if page_id is None:
        return ""
    page = localized(Page.objects.get(pk=page_id))
    return (page.get_url(request) or "") if page.live else ""
