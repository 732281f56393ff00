"""Every public page, and the admin views staff and editors work in, open in a real browser
without a script error, a resource the security policy blocks, or a request that fails:
things a test client never sees and a reader sees as a broken picture or a dead button."""

import json

import pytest

from tests.browser_site import PAGES, sign_in

pytestmark = pytest.mark.browser

# (who signs in, admin path): what outreach staff, station managers and editors open daily.
ADMIN_VIEWS = [
    ("staff_pudong", "/admin/"),
    ("staff_pudong", "/admin/campaigns/dashboard/"),
    ("staff_pudong", "/admin/campaigns/calendar/"),
    ("staff_pudong", "/admin/snippets/campaigns/event/"),
    ("staff_pudong", "/admin/snippets/campaigns/event/add/"),
    ("staff_pudong", "/admin/snippets/campaigns/attendance/add/"),
    ("staff_pudong", "/admin/snippets/campaigns/stockmovement/add/"),
    ("staff_pudong", "/admin/campaigns/stock/"),
    ("manager_pudong", "/admin/snippets/campaigns/talkrequest/"),
    ("manager_pudong", "/admin/snippets/schools/agreement/"),
    ("manager_pudong", "/admin/campaigns/reports/month/"),
    ("manager_pudong", "/admin/reports/coverage/"),
    ("editor", "/admin/pages/"),
    ("editor", "article editor"),
]


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
        # The 404 page itself arrives with status 404, which the browser logs.
        if message.type == "error" and message.location.get("url") != self.page.url:
            self.found.append(f"console: {message.text} ({message.location.get('url')})")

    def response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.found.append(f"{response.status}: {response.url}")

    def open(self, path):
        self.page.goto(path, wait_until="networkidle")
        return self.found


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_public_pages_load_without_browser_errors(page, public_pages, kind, language):
    problems = BrowserProblems(page).open(public_pages[(kind, language)])
    assert problems == [], "\n".join(problems)


@pytest.fixture(scope="module")
def signed_in(browser, base_url, site):
    """One signed-in browser context per account, kept for the module."""
    contexts = {}

    def page_for(username):
        if username not in contexts:
            contexts[username] = browser.new_context(base_url=base_url, locale="zh-CN")
            sign_in(contexts[username].new_page(), site, username)
        return contexts[username].new_page()

    yield page_for
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize(("username", "path"), ADMIN_VIEWS)
def test_admin_views_load_without_browser_errors(signed_in, site, username, path):
    page = signed_in(username)
    if path == "article editor":
        article = json.loads(site.get("/api/v2/pages/?type=jindu.ArticlePage&limit=1"))
        path = f"/admin/pages/{article['items'][0]['id']}/edit/"
    problems = BrowserProblems(page).open(path)
    page.close()
    assert problems == [], "\n".join(problems)
