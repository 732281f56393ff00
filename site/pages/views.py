"""What browsers and search engines ask for at the site's root: robots.txt and icons; and
the page of a server error."""

import logging

from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


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


def server_error(request):
    """The error page still gives the hotline: someone who came for help and met an error
    needs the number more than an apology. Read carefully, since the error may be the
    database itself; without it the page gives the emergency numbers alone."""
    from jindu.models import SiteSettings

    hotline = ""
    try:
        hotline = SiteSettings.for_request(request).hotline_number
    except Exception:  # noqa: BLE001 - whatever broke the page may break this too
        logging.getLogger(__name__).warning("No hotline for the error page", exc_info=True)
    return HttpResponseServerError(render_to_string("500.html", {"hotline": hotline}))
