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


@task()
def check_spreadsheet(job_id):
    """Step one of a spreadsheet import: read and check the file (the preview)."""
    from jindu.models import SpreadsheetImport
    from jindu.spreadsheet_import import run_check

    job = SpreadsheetImport.objects.filter(
        pk=job_id, status=SpreadsheetImport.Status.CHECKING
    ).first()
    if job is not None:
        run_check(job)


@task()
def import_spreadsheet(job_id):
    """Step two, once confirmed: write the checked rows in one transaction."""
    from jindu.models import SpreadsheetImport
    from jindu.spreadsheet_import import run_import

    job = SpreadsheetImport.objects.filter(pk=job_id).first()
    if job is not None:
        run_import(job)
