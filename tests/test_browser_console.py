"""Every public page, and the admin views staff and editors work in, open in a real browser
without a script error, a resource the security policy blocks, or a request that fails:
things a test client never sees and a reader sees as a broken picture or a dead button."""

from urllib.parse import urlsplit

import pytest

from tests.browser_site import ADMIN_VIEWS, PAGES, admin_path, open_public

pytestmark = pytest.mark.browser


class BrowserProblems:
    """What went wrong while a page loaded: console errors (the browser reports blocked
    resources there too), uncaught script errors, failed requests, error responses."""

    def __init__(self, page):
        self.page = page
        self.found = []
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.found.append(f"script error: {error}"))
        page.on(
            "requestfailed",
            lambda request: self.found.append(f"failed: {request.url} ({request.failure})"),
        )
        page.on("response", self.response)

    def console(self, message):
        if message.type != "error":
            return
        # The 404 page itself arrives with status 404, which the browser logs; that is all
        # that is forgiven (a blocked inline script is logged against the page too).
        own_status = message.text.startswith("Failed to load resource")
        if own_status and message.location.get("url") == self.page.url:
            return
        self.found.append(f"console: {message.text} ({message.location.get('url')})")

    def response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.found.append(f"{response.status}: {response.url}")

    def open(self, path):
        self.document = self.page.goto(path, wait_until="networkidle")
        return self.found

    def open_public(self, public_pages, key):
        self.document = open_public(self.page, public_pages, key, wait_until="networkidle")
        return self.found


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_public_pages_load_without_browser_errors(page, public_pages, kind, language):
    problems = BrowserProblems(page).open_public(public_pages, (kind, language))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(("username", "path"), ADMIN_VIEWS)
def test_admin_views_load_without_browser_errors(signed_in, site, username, path):
    page = signed_in(username)
    path = admin_path(site, path)
    probe = BrowserProblems(page)
    problems = probe.open(path)
    arrived = (probe.document.status, urlsplit(page.url).path)
    page.close()
    assert arrived == (200, path)  # not refused or sent elsewhere
    assert problems == [], "\n".join(problems)
