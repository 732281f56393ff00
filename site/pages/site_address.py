"""The site's public address: what canonical links, hreflang, OpenGraph, the sitemap and the
feeds say. Wagtail builds full URLs from the default Site (Settings → Sites), so that is
where the address lives; ``SITE_URL`` (e.g. https://jindu.example.org) sets it at deployment
(``manage.py set_site_address``, also run by ``load_demo``). A production site still at
localhost would tell search engines and shared links to go to http://localhost/: it says so
at start-up and in ``manage.py check --deploy``."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError

logger = logging.getLogger("jindu.pages.site_address")

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", ""}


def parse(url):
    """(hostname, port) of an address such as https://jindu.example.org or
    http://10.0.0.5:8080; ValueError for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ValueError(f"not a site address: {url!r} (e.g. https://jindu.example.org)")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname, port


def set_site_address(url):
    """Point the default Site at ``url``; returns its root URL as Wagtail will use it."""
    from wagtail.models import Site

    hostname, port = parse(url)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site.root_url


def default_site_is_local():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site is not None and site.hostname in LOCAL_HOSTS, site


def warn_if_local():
    """Log once (at start-up) when production serves with the address still at localhost."""
    try:
        local, site = default_site_is_local()
    except DatabaseError:  # not migrated yet: nothing to say
        return False
    if local and not settings.DEBUG:
        logger.warning(
            "The site's address is %s: canonical links, the sitemap and feeds point there. "
            "Set SITE_URL and run `manage.py set_site_address`, or edit Settings → Sites.",
            site.root_url,
        )
    return local


@checks.register(checks.Tags.compatibility, deploy=True)
def check_site_address(app_configs=None, **kwargs):
    try:
        local, site = default_site_is_local()
    except DatabaseError:
        return []
    if not local:
        return []
    return [
        checks.Warning(
            f"The default site's address is {site.root_url}.",
            hint="Canonical links, hreflang, the sitemap and feeds use it: set SITE_URL and run "
            "`manage.py set_site_address`, or edit Settings → Sites (docs/deploy.md).",
            id="jindu.W001",
        )
    ]
