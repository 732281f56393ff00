"""Background work of the project package."""

from wagtail import hooks

from django_tasks import task


@task()
def purge_every_page():
    """Purge every live page, and the views that list them, from the frontend caches
    (Wagtail's frontend cache). A change shown on every page (the menu, the footer's
    settings) needs it; thousands of purge requests do not belong in a staff member's
    request."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site

    from jindu.caching import site_listings

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
    roots = [site.root_url for site in Site.objects.all()]
    paths = set(site_listings())
    for hook in hooks.get_hooks("jindu_public_paths"):
        paths |= set(hook())
    batch.add_urls(root + path for root in roots for path in paths)
    batch.purge()
