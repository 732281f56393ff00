"""What browsers and search engines ask for at the site's root: robots.txt and icons."""

from django.http import HttpResponse, HttpResponseRedirect
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
