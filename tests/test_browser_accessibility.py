"""Every public page type, in Chinese and in English, in a real browser, once each, on a phone
and on a desktop: no script error, blocked resource or failed request, no serious or
critical axe-core violations, no label or description pointing nowhere, usable at 320 px
without sideways scrolling; valid HTML (the Nu HTML Checker) and a visible keyboard focus;
the talk request form with errors too. The admin views staff and editors use daily: open
without a browser error and with no serious or critical axe-core violations."""

import json
import subprocess
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser_site import (
    ADMIN_VIEWS,
    LANGUAGES,
    PAGES,
    QUIZ_ANSWERS,
    BrowserProblems,
    admin_path,
    open_public,
    vnu_jar,
)

pytestmark = pytest.mark.browser


def nu_html_errors(documents, folder):
    """{key: HTML bytes} → {key: [error, …]}, all checked in one run of the Nu HTML Checker."""
    jar = vnu_jar()
    if jar is None:
        pytest.skip("no vnu.jar (make browser-deps, or set VNU_JAR)")
    files = {}
    for key, html in documents.items():
        name = folder / f"{len(files)}.html"
        name.write_bytes(html)
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


@pytest.fixture(scope="session")
def html_errors(site, public_pages, tmp_path_factory):
    documents = {}
    for key, path in public_pages.items():
        try:
            if key[0] == "quiz score":
                documents[key] = site.post_form(path, QUIZ_ANSWERS)
                continue
            documents[key] = site.get(path)
        except OSError as error:  # 404 pages arrive as HTTPError, with their body
            documents[key] = error.read()
    return nu_html_errors(documents, tmp_path_factory.mktemp("html"))


def serious_violations(page, exclude=()):
    results = Axe().run(page, context={"exclude": [[selector] for selector in exclude]})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


# Labels, descriptions and in-page links that name an id the page does not have: a screen
# reader then reads nothing (neither axe nor the checker reports all of these).
DANGLING_REFERENCES = """() => {
    const missing = [];
    const exists = (id) => document.getElementById(id) !== null;
    for (const attr of ["for", "aria-describedby", "aria-labelledby", "aria-controls"]) {
        for (const el of document.querySelectorAll(`[${attr}]`)) {
            for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
                if (!exists(id)) missing.push(`${el.tagName.toLowerCase()}[${attr}=${id}]`);
            }
        }
    }
    for (const link of document.querySelectorAll('a[href^="#"]')) {
        const id = decodeURIComponent(link.getAttribute("href").slice(1));
        if (id && !exists(id)) missing.push(`a[href=#${id}]`);
    }
    return missing;
}"""


PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
# How far a page may be wider than the screen, and the first elements that make it so.
OVERFLOW = """() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map(el => el.tagName + '.' + el.className),
})"""


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_each_public_page_on_a_phone_and_on_a_desktop(
    browser, browser_context_args, base_url, public_pages, kind, language
):
    """One reader's visit to each page type, on a 320 px phone and then on a desktop: it
    loads without a script error, a blocked resource or a failed request; it fits the phone
    without sideways scrolling; every label, description and in-page link names an element
    that is there; and axe-core finds nothing serious or critical at either width."""
    context = browser.new_context(
        **{**browser_context_args, "base_url": base_url, "viewport": PHONE}
    )
    page = context.new_page()
    problems = BrowserProblems(page).open_public(public_pages, (kind, language))
    found = [f"browser: {problem}" for problem in problems]
    fit = page.evaluate(OVERFLOW)
    if fit["overflow"] > 0:
        found.append(f"phone: {fit['overflow']}px too wide; wider than the screen: {fit['wide']}")
    found += [f"points nowhere: {missing}" for missing in page.evaluate(DANGLING_REFERENCES)]
    found += [f"phone: {violation}" for violation in serious_violations(page)]
    page.set_viewport_size(DESKTOP)
    found += [f"desktop: {violation}" for violation in serious_violations(page)]
    context.close()
    assert found == [], "\n".join(found)


# Not the page editor: Wagtail's own rich text and list-block widgets lack accessible names
# there (Wagtail 7.4), which a page of ours cannot change. For the same reason the
# minimap Wagtail adds beside longer forms (a scrolling list keyboards cannot reach) is left
# out.
WAGTAIL_OWN = [".w-minimap"]


@pytest.mark.parametrize(("username", "path"), ADMIN_VIEWS)
def test_admin_views_staff_use_open_cleanly_and_accessibly(signed_in, site, username, path):
    """Staff work in the admin all day: our own views (dashboard, calendar, reports, stock)
    and the record forms and listings around them open (not refused or sent elsewhere)
    without a browser error, and with no serious or critical axe-core violations (the page
    editor aside, see WAGTAIL_OWN)."""
    page = signed_in(username)
    target = admin_path(site, path)
    probe = BrowserProblems(page)
    problems = probe.open(target)
    arrived = (probe.document.status, urlsplit(page.url).path)
    serious = [] if path == "article editor" else serious_violations(page, exclude=WAGTAIL_OWN)
    page.close()
    assert arrived == (200, target)
    assert problems == [], "\n".join(problems)
    assert serious == [], "\n".join(serious)


@pytest.mark.parametrize("language", LANGUAGES)
def test_request_form_with_errors_is_accessible_valid_and_says_what_to_fix(
    page, public_pages, tmp_path, language
):
    """A school that sends the form half filled in: the error list is announced and focused,
    each line leads to its field, each field names its error, and the page stays valid."""
    page.goto(public_pages[("campaigns.TalkRequestPage", language)])
    page.fill("#id_school_name", "浦东模范中学")
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.click(".request-form button[type=submit]")
    html = answer.value.body()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#id_district")).to_be_focused()
    expect(page.locator("#id_district")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_district_error")).to_be_visible()
    assert page.evaluate(DANGLING_REFERENCES) == []
    assert serious_violations(page) == []
    assert nu_html_errors({"form": html}, tmp_path)["form"] == []


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_html_is_valid(html_errors, kind, language):
    assert html_errors[(kind, language)] == [], "\n".join(html_errors[(kind, language)])


# The pages readers work with by keyboard: menus and search, filters, the quiz, the form.
KEYBOARD_PAGES = [
    "jindu.HomePage",
    "campaigns.EventIndexPage",
    "jindu.QuizPage",
    "campaigns.TalkRequestPage",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KEYBOARD_PAGES)
def test_keyboard_focus_is_visible(page, public_pages, kind, language):
    """Tab through the whole page: every control that takes the focus shows it."""
    open_public(page, public_pages, (kind, language))
    seen, hidden = set(), []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement, s = getComputedStyle(el);
                return {name: el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || el.name || '').trim().slice(0, 20),
                        index: [...document.querySelectorAll('*')].indexOf(el),
                        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                        shadow: s.boxShadow !== 'none'};
            }"""
        )
        if focused["name"].startswith("BODY"):
            continue
        if focused["index"] in seen:  # round the page once
            break
        seen.add(focused["index"])
        if not (focused["outline"] or focused["shadow"]):
            hidden.append(focused["name"])
    assert len(seen) >= 5
    assert hidden == [], f"no visible focus on {hidden}"
