import os

from wagtail.models import Locale, Page, Site

import pytest

from jindu.demo import ensure_locales
from jindu.localization import translate
from tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def forget_remembered_content():
    """Workers remember the site, menus and settings until content changes
    (jindu.caching.remember); a test's rows vanish with its rollback, without signals, so
    each test starts with nothing remembered."""
    from jindu.caching import forget_remembered

    forget_remembered(again_on_commit=False)


@pytest.fixture
def locales(db):
    ensure_locales()
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(locales):
    """The Chinese home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    root.get_children().delete()
    home = HomePageFactory(parent=root, locale=locales["zh-hans"])
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def en_home(home):
    return translate(home, "en", {home.title: "Stay away from drugs", "home": "home-en"})


@pytest.fixture
def english():
    """Run a test in English (the site's default language is Chinese)."""
    from django.utils import translation

    with translation.override("en"):
        yield


# Browser tests (tests/test_browser_*.py): marked `browser`, run last (Playwright's event
# loop stays in the main thread once started), skipped with one line when there is no
# Chromium.


def pytest_collection_modifyitems(config, items):
    from tests.browser_site import chromium_missing

    reason = chromium_missing()
    browser = [item for item in items if item.get_closest_marker("browser")]
    for item in browser:
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))
    items[:] = [item for item in items if not item.get_closest_marker("browser")] + browser


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site with the demo content, for the browser tests. BROWSER_SITE_URL (with
    BROWSER_SITE_PASSWORD) points them at one already running instead, while writing them."""
    from tests.browser_site import RunningSite, SiteServer

    if os.environ.get("BROWSER_SITE_URL"):
        yield RunningSite(os.environ["BROWSER_SITE_URL"], os.environ["BROWSER_SITE_PASSWORD"])
        return
    server = SiteServer(tmp_path_factory.mktemp("browser-site")).start()
    yield server
    server.stop()


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
