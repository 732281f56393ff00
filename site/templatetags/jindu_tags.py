from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from jindu.editorial.localization import active_locale, bcp47, locale_for, locale_of, localized
from jindu.models import SiteSettings
from jindu.models.mixins import first_live
from jindu.pages import navigation

register = template.Library()


def site_root(request):
    """The site's home page in the active language (the default language's where it has
    not been translated), specific; once per request."""
    if request is None:
        return None
    if not hasattr(request, "_jindu_site_root"):
        site = Site.find_for_request(request)
        request._jindu_site_root = site.root_page.localized.specific if site else None
    return request._jindu_site_root


register.filter("bcp47", bcp47)


def subpage_suffix(page, request):
    """What the address adds to a routable page's own (an event's "12/" under the events
    page, a section's "feed/"), so that its translations and canonical address keep it."""
    if request is None:
        return ""
    own = page.get_url(request) or ""
    path = request.path
    if own.startswith("/") and path.startswith(own) and path != own:
        return path[len(own) :]
    return ""


def _live_translations(page, request):
    """{language code: live translation} of ``page`` (itself included), once per request;
    only their addresses are shown, so only what an address needs is read (Wagtail's
    ``get_translations`` reads the page type's every field)."""
    memo = request.__dict__.setdefault("_jindu_translations", {}) if request else {}
    if page.pk not in memo:
        memo[page.pk] = {
            locale_of(translated).language_code: translated
            for translated in Page.objects.filter(translation_key=page.translation_key)
            .live()
            .only("url_path", "locale_id", "translation_key")
            .order_by()  # one page per language: no order to keep
        }
    return memo[page.pk]


@register.simple_tag(takes_context=True)
def page_language(context):
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return locale_of(page).language_code
    return translation.get_language() or settings.LANGUAGE_CODE


@register.inclusion_tag("jindu/includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    request = context.get("request")
    root = site_root(request)
    current = context.get("page")
    if root is None:
        return {"items": []}

    in_page = isinstance(current, Page) and current.pk is not None
    items = [
        {"title": title, "url": url, "active": in_page and current.path.startswith(path)}
        for title, url, path in navigation.menu_items(request, root)
    ]
    return {"items": items}


@register.inclusion_tag("jindu/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.pk is None or page.depth <= 2:
        return {"crumbs": []}
    ancestors = page.get_ancestors().filter(depth__gt=1)
    crumbs = [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
    crumbs.append({"title": page.title, "url": None})
    return {"crumbs": crumbs}


@register.inclusion_tag("jindu/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links each language to the translation of what is on screen: the same page where it
    has been translated, else that language's home page; views that are not pages (search)
    keep their path under the other prefix."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    by_language = {}
    if isinstance(page, Page) and page.pk is not None:
        current = locale_of(page).language_code
        by_language = _live_translations(page, request)
    root = site_root(request)
    links = []
    suffix = subpage_suffix(page, request) if isinstance(page, Page) and page.pk else ""
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        if code in by_language:
            url = by_language[code].get_url(request) + suffix
        elif isinstance(page, Page) and root is not None:
            home = root.get_translation_or_none(locale_for(code))
            url = home.get_url(request) if home and home.live else None
        else:
            url = translate_url(request.get_full_path() if request else "/", code)
        if url:
            links.append(
                {
                    "code": code,
                    "lang": bcp47(code),
                    "name": info["name_local"],
                    "url": url,
                    "current": code == current,
                }
            )
    return {"links": links}


@register.simple_tag(takes_context=True)
def station_directory_url(context):
    request = context.get("request")
    if request is None:
        return ""
    return navigation.station_directory_url(request, SiteSettings.for_request(request))


@register.simple_tag(takes_context=True)
def footer_links(context):
    """[(title, url)] of the footer's links to pages, in the reader's language."""
    request = context.get("request")
    if request is None:
        return []
    return navigation.footer_links(request, SiteSettings.for_request(request))


@register.simple_tag(takes_context=True)
def page_root_url(context, page):
    """The root address of the site ``page`` is on (https://example.org), without
    ``page.get_site()``'s query."""
    parts = page.get_url_parts(context.get("request"))
    return (parts[1] or "") if parts else ""


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    root = site_root(request)
    if root is None:
        return "/"
    return root.get_url(request) or "/"


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates of the current page: each live translation's full URL."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.pk is None:
        return []
    suffix = subpage_suffix(page, request)
    translations = _live_translations(page, request)
    # In the languages' order, as the language switcher lists them (the content languages
    # are LANGUAGES).
    return [
        {"lang": bcp47(code), "url": translations[code].get_full_url(request) + suffix}
        for code, _name in settings.LANGUAGES
        if code in translations
    ]


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's full address on the site's configured address (Settings → Sites), with
    the sub-page a routable page is showing (an event's own page), never a query."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.pk is None:
        return ""
    return (page.get_full_url(request) or "") + subpage_suffix(page, request)


@register.filter(name="localized")
def localized_filter(page):
    """``page.localized`` with the locale looked up once per request."""
    return localized(page) if page else page


@register.filter
def tel_href(number):
    """``tel:`` address of a phone number as people write it (021-1234 5678): digits and a
    leading + only."""
    number = str(number or "").strip()
    digits = "".join(char for char in number if char.isdigit())
    return f"tel:{'+' if number.startswith('+') else ''}{digits}"


@register.simple_tag
def language_name(code):
    """A language's own name (English, 简体中文)."""
    return translation.get_language_info(code)["name_local"]


@register.simple_tag(takes_context=True)
def drug_index_url(context):
    """The drug A–Z in the reader's language, or nothing."""
    from jindu.models import DrugIndexPage

    request = context.get("request")
    index = first_live(DrugIndexPage, locale=active_locale())
    return index.get_url(request) if index else ""
