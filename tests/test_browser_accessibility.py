"""Every public page type, in Chinese and in English, in a real browser: no serious or
critical axe-core violations, valid HTML (the Nu HTML Checker), usable at 320 px without
sideways scrolling, and a visible keyboard focus."""

import json
import re
import subprocess
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser_site import vnu_jar

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "jindu.HomePage",
    "jindu.SectionPage",
    "jindu.ArticlePage",
    "jindu.DrugIndexPage",
    "jindu.DrugFactPage",
    "jindu.QuizPage",
    "jindu.ResourceLibraryPage",
    "schools.StationDirectoryPage",
    "campaigns.EventIndexPage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
    "campaigns.TalkRequestPage",
]
# Views that are not Wagtail pages but readers reach them all the same.
OTHER_VIEWS = ["event detail", "search results", "quiz score", "not found"]
LANGUAGES = ["zh-hans", "en"]
PAGES = [(kind, language) for kind in PAGE_TYPES + OTHER_VIEWS for language in LANGUAGES]


@pytest.fixture(scope="session")
def public_pages(site):
    """{(page type or view, language): path}, found through the public API as a visitor
    would, plus the views that are not pages."""
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
        paths[("quiz score", language)] = quiz + "?submitted=1&q0=0&q1=1&q2=0"
        paths[("not found", language)] = f"{prefix}/no-such-page/"
    return paths


@pytest.fixture(scope="session")
def html_errors(site, public_pages, tmp_path_factory):
    """The Nu HTML Checker's errors for every page, checked in one run of the checker."""
    jar = vnu_jar()
    if jar is None:
        pytest.skip("no vnu.jar (make browser-deps, or set VNU_JAR)")
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for key, path in public_pages.items():
        name = folder / f"{len(files)}.html"
        try:
            name.write_bytes(site.get(path))
        except OSError as error:  # 404 pages arrive as HTTPError, with their body
            name.write_bytes(error.read())
        files[str(name)] = key
    result = subprocess.run(  # noqa: S603
        ["java", "-jar", jar, "--format", "json", "--exit-zero-always", *files],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    errors = {key: [] for key in files.values()}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        if message["type"] == "error":
            key = files[urlsplit(message["url"]).path]
            errors[key].append(f"line {message.get('lastLine')}: {message['message']}")
    return errors


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_no_serious_accessibility_violations(page, public_pages, kind, language):
    page.goto(public_pages[(kind, language)])
    results = Axe().run(page)
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_html_is_valid(html_errors, kind, language):
    assert html_errors[(kind, language)] == [], "\n".join(html_errors[(kind, language)])


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_fits_a_320px_screen_without_sideways_scrolling(
    browser, base_url, public_pages, kind, language
):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(public_pages[(kind, language)])
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 5).map(el => el.tagName + '.' + el.className)"""
    )
    context.close()
    assert overflow <= 0, f"{overflow}px too wide; wider than the screen: {wide}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_focus_is_visible(page, public_pages, language):
    page.goto(public_pages[("jindu.HomePage", language)])
    seen = 0
    for _ in range(8):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => {
                const el = document.activeElement, s = getComputedStyle(el);
                return {tag: el.tagName, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                        shadow: s.boxShadow !== 'none'};
            }"""
        )
        if style["tag"] == "BODY":
            continue
        seen += 1
        assert style["outline"] or style["shadow"], f"no visible focus on {style['tag']}"
    assert seen >= 5
