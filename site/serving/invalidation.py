"""What a change retires: the whole page cache at the origin, and the site in the proxy.

A publish, unpublish, move or deletion of a page, and a save of anything every page may
show (the site settings, sites, locales, restrictions, redirects, images, documents,
downloads, tags), shows on other pages too: menus, listings, the footer, search, the API.
Rather than a rule per model saying which paths show what (one forgotten rule is a stale
page), the page cache is emptied as a whole (one invalidation) and every site is purged
from the frontend cache, once the change is committed. Editors publish a few times a day;
each page is then rendered once again.

Outreach records (events, attendance, stock, schools) retire nothing: the few pages that
show them declare a short lifetime (jindu.serving.headers.LiveFiguresMixin).
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtailcache.cache import clear_cache

# Records a change to which can show on any public page.
SITE_CONTENT_MODELS = [
    "jindu.SiteSettings",
    "jindu.Resource",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailredirects.Redirect",
    "taggit.Tag",
]


def retire_everything():
    """Empty the page cache and purge every site from the frontend cache (Varnish: a purge
    of a site's root forgets the whole site, see deploy/varnish/jindu.vcl)."""
    clear_cache()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Site

    batch = PurgeBatch()
    batch.add_urls(site.root_url + "/" for site in Site.objects.all())
    batch.purge()


def public_content_changed(sender=None, created=False, **kwargs):
    """Now, so the rest of this transaction's work (and its own process) sees it, and
    again once the change is committed: a reader who asked in between may have had the old
    rows kept again, at the origin or in the proxy."""
    if created and sender is apps.get_model("jindu", "SiteSettings"):
        # Wagtail creates an empty settings row on first use: nothing shows yet.
        return
    clear_cache()
    transaction.on_commit(retire_everything)


def connect_signals():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    page_published.connect(public_content_changed, dispatch_uid="jindu-serving-published")
    page_unpublished.connect(public_content_changed, dispatch_uid="jindu-serving-unpublished")
    post_page_move.connect(public_content_changed, dispatch_uid="jindu-serving-moved")
    post_delete.connect(public_content_changed, sender=Page, dispatch_uid="jindu-serving-deleted")
    models = [apps.get_model(label) for label in SITE_CONTENT_MODELS]
    for model in [*models, get_image_model(), get_document_model()]:
        label = model._meta.label
        post_save.connect(public_content_changed, sender=model, dispatch_uid=f"jindu-{label}-s")
        post_delete.connect(public_content_changed, sender=model, dispatch_uid=f"jindu-{label}-d")
