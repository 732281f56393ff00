from django import template
from django.conf import settings
from django.template import TemplateSyntaxError
from django.urls import translate_url
from django.utils import timezone, translation

from wagtail.models import Page
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from jindu.caching import content_version, remember
from jindu.localization import locale_for, locale_of, localized
from jindu.models import SiteSettings
from jindu.routing import site_root

register = template.Library()

SAFE_METHODS = ("GET", "HEAD")


@register.filter
def bcp47(language_code):
    """Django says zh-hans; HTML's lang attribute wants the BCP 47 spelling zh-Hans."""
    code = (language_code or "").lower()
    if code == "zh-hans":
        return "zh-Hans"
    if code == "zh-hant":
        return "zh-Hant"
    return code


def _live_translations(page, request):
    """{language code: live translation} of ``page`` (itself included), once per request."""
    memo = request.__dict__.setdefault("_jindu_translations", {}) if request else {}
    if page.pk not in memo:
        memo[page.pk] = {
            locale_of(translated).language_code: translated
            for translated in page.get_translations(inclusive=True).live()
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

    def build():
        return [
            {"title": child.title, "url": child.get_url(request), "path": child.path}
            for child in root.get_children().live().in_menu()
        ]

    in_page = isinstance(current, Page) and current.pk is not None
    items = [
        {**item, "active": in_page and current.path.startswith(item["path"])}
        for item in remember(("menu", root.pk), build)
    ]
    return {"items": items}


@register.inclusion_tag("jindu/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.pk is None or page.depth <= 2:
        return {"crumbs": []}
    walked = getattr(request, "_jindu_route_pages", None)  # jindu.routing.route
    if walked and walked[-1].pk == page.pk:
        ancestors = [ancestor for ancestor in walked[:-1] if ancestor.depth > 1]
    else:
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
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        if code in by_language:
            url = by_language[code].get_url(request)
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
    site_settings = SiteSettings.for_request(request)
    page_id = site_settings.station_directory_page_id
    if page_id is None:
        return ""

    def build():
        page = localized(Page.objects.get(pk=page_id))
        return page.get_url(request) if page.live else ""

    key = ("station-directory-url", site_settings.site_id, page_id, translation.get_language())
    return remember(key, build)


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
    return [
        {"lang": bcp47(code), "url": translated.get_full_url(request)}
        for code, translated in _live_translations(page, request).items()
    ]


@register.filter(name="localized")
def localized_filter(page):
    """``page.localized`` with the locale looked up once per request."""
    return localized(page) if page else page


class _Resolved:
    """Stands where Django's cache node expects a template variable."""

    def __init__(self, resolve):
        self.resolve = resolve


def _fragment_state(context):
    request = context["request"]
    return (
        content_version(),
        translation.get_language(),
        request.scheme,
        request.get_host(),
        timezone.localdate().isoformat(),
    )


class FragmentNode(WagtailCacheNode):
    """Wagtail's preview-aware fragment cache, kept in each worker (the "fragments" cache)
    under the content token: any change that empties the page cache retires every fragment
    in every worker at once, and no fragment outlives the local day (dates, countdowns).
    Previews, renders without a request (WagtailCacheNode), answers to a form sent by POST
    and signed-in users' views (staff see the database, as with the page cache) neither use
    nor keep fragments."""

    def __init__(self, nodelist, fragment_name, vary_on):
        super().__init__(
            nodelist,
            _Resolved(lambda context: settings.PAGE_CACHE_SECONDS),
            fragment_name,
            [*vary_on, _Resolved(_fragment_state)],
            _Resolved(lambda context: settings.FRAGMENT_CACHE_BACKEND),
        )

    def render(self, context):
        request = context.get("request")
        if (
            not settings.FRAGMENT_CACHE
            or getattr(request, "method", "GET") not in SAFE_METHODS
            or getattr(getattr(request, "user", None), "is_authenticated", False)
        ):
            return self.nodelist.render(context)
        return super().render(context)


@register.tag("fragment")
def do_fragment(parser, token):
    """``{% fragment name value... %}...{% endfragment %}``: the enclosed markup rendered
    once per worker for each combination of values, while public content is unchanged.

    Only for markup that is the same for every visitor: never a form with a CSRF token,
    anything about the signed-in user, or messages."""
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 2:
        raise TemplateSyntaxError("'fragment' needs a name.")
    return FragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])
