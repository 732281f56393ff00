import json
import os
import re
import sqlite3
from urllib.parse import urlsplit

from wagtail.models import Locale, Page, Site

import pytest

from jindu.demo import ensure_locales
from jindu.editorial.localization import translate
from tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def empty_caches():
    """Kept pages, rate-limit counts and renditions outlive a test's rows, which vanish with
    its rollback without any signal: each test starts with empty caches."""
    from django.core.cache import caches

    from jindu.search.query import forget_synonyms

    for alias in ("default", "pages", "renditions"):
        caches[alias].clear()
    forget_synonyms()  # each worker keeps the synonyms and vocabulary too


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, of which a SQLite copy is kept once migrated: the
    browser site, in `make test`'s second pass, starts from it (browser_site.migrated_copy)."""
    from django.db import connection

    from tests.browser_site import migrated_copy

    kept = migrated_copy()
    if connection.vendor != "sqlite" or kept.exists():
        return
    partial = kept.with_name(f"{kept.name}.{os.getpid()}")
    with django_db_blocker.unblock():
        connection.ensure_connection()
        copy = sqlite3.connect(partial)
        connection.connection.backup(copy)
        copy.close()
    os.replace(partial, kept)  # whole or not at all, whichever worker gets there first


@pytest.fixture
def locales(db):
    ensure_locales()
    return {locale.language_code: locale for locale in Locale.objects.all()}


def make_home():
    """The Chinese home page as the default site's root, replacing Wagtail's welcome page."""
    ensure_locales()
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    root.get_children().delete()
    home = HomePageFactory(parent=root, locale=Locale.objects.get(language_code="zh-hans"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def home(locales):
    return make_home()


@pytest.fixture
def en_home(home):
    return translate(home, "en", {home.title: "Stay away from drugs", "home": "home-en"})


@pytest.fixture
def outreach_groups(db):
    """The outreach staff and station manager groups with their permissions."""
    from campaigns.roles import ensure_campaign_permissions
    from schools.roles import ensure_outreach_groups

    groups = ensure_outreach_groups()
    ensure_campaign_permissions()
    return groups


@pytest.fixture
def pudong(db):
    from tests.factories import DistrictFactory

    return DistrictFactory(name="浦东新区", code="pudong")


@pytest.fixture
def english():
    """Run a test in English (the site's default language is Chinese)."""
    from django.utils import translation

    with translation.override("en"):
        yield


# Browser tests (tests/test_browser_*.py): marked `browser`, run last (Playwright's event
# loop stays in the main thread once started), skipped with one line when there is no
# Chromium.


BROWSER_SKIPPED = pytest.StashKey()  # (how many, why), for the summary line
# `make test` runs the tests of the real site in two processes sharing that site
# (`-n 2 --dist loadgroup`), grouped by tests/browser_groups.py.


def pytest_xdist_make_scheduler(config, log):
    from tests.browser_groups import TwoGroups

    if config.getvalue("dist") == "loadgroup":
        return TwoGroups(config, log)
    return None


def pytest_runtest_setup(item):
    from tests.browser_groups import check_one_group_per_process

    check_one_group_per_process(item)


def pytest_collection_modifyitems(config, items):
    from tests.browser_site import chromium_missing

    reason = chromium_missing()
    browser = [item for item in items if item.get_closest_marker("browser")]
    for item in browser:
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))
    items[:] = [item for item in items if not item.get_closest_marker("browser")] + browser
    config.stash[BROWSER_SKIPPED] = len(browser) if reason else 0, reason


def pytest_terminal_summary(terminalreporter, config):
    """Say once, even without -rs, why the browser tests did not run."""
    count, reason = config.stash.get(BROWSER_SKIPPED, (0, None))
    if count:
        terminalreporter.write_line(
            f"{count} browser tests skipped: {reason}; `make browser-deps` installs it",
            yellow=True,
        )


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """The real site with the demo content, for the browser tests; one for all the test
    processes of a run (browser_site.shared_site). BROWSER_SITE_URL (with
    BROWSER_SITE_PASSWORD) points them at one already running instead, while writing them."""
    from tests.browser_site import RunningSite, SiteServer, shared_site

    if os.environ.get("BROWSER_SITE_URL"):
        yield RunningSite(os.environ["BROWSER_SITE_URL"], os.environ["BROWSER_SITE_PASSWORD"])
        return
    if worker_id == "master":  # one process: no one to share with
        server = SiteServer(tmp_path_factory.mktemp("browser-site")).start()
        yield server
        server.stop()
        return
    # The run's base folder, which each worker's own temporary folders are made in.
    with shared_site(tmp_path_factory.getbasetemp().parent) as server:
        yield server


@pytest.fixture(scope="session")
def base_url(site):
    return site.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    from tests.browser_site import CHROMIUM

    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        # As root in CI; and no calls home from a machine without outside network.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "zh-CN", "timezone_id": "Asia/Shanghai"}


@pytest.fixture(scope="session")
def public_pages(site):
    """{(page type or view, language): path}, found through the public API as a visitor
    would, plus the views that are not pages."""
    from tests.browser_site import LANGUAGES, PAGE_TYPES

    paths = {}
    for language in LANGUAGES:
        for kind in PAGE_TYPES:
            listing = json.loads(site.get(f"/api/v2/pages/?type={kind}&locale={language}&limit=1"))
            assert listing["items"], f"the demo has no {kind} in {language}"
            paths[(kind, language)] = urlsplit(listing["items"][0]["meta"]["html_url"]).path
        events = paths[("campaigns.EventIndexPage", language)]
        html = site.get(events).decode()
        detail = re.search(rf'href="({re.escape(events)}\d+/)"', html)
        assert detail, "the events page links to no event"
        paths[("event detail", language)] = detail.group(1)
        prefix = "" if language == "zh-hans" else "/en"
        query = "毒品" if language == "zh-hans" else "drugs"
        paths[("search results", language)] = f"{prefix}/search/?q={query}"
        quiz = paths[("jindu.QuizPage", language)]
        paths[("quiz score", language)] = quiz  # answered by browser_site.open_public
        paths[("not found", language)] = f"{prefix}/no-such-page/"
    return paths


@pytest.fixture(scope="session")
def signed_in(browser, base_url, site):
    """A new page signed in as ``username``; one browser context per account."""
    from tests.browser_site import sign_in

    contexts = {}

    def page_for(username):
        if username not in contexts:
            contexts[username] = browser.new_context(base_url=base_url, locale="zh-CN")
            sign_in(contexts[username].new_page(), site, username)
        return contexts[username].new_page()

    yield page_for
    for context in contexts.values():
        context.close()
