"""A reader in need, on a 375 × 812 phone (issue 18): on every page the hotline's call button
is in the first screen, the header takes at most a fifth of it, the search box is there and
the menu folds; every page can be reached by following links from the home page; and a
worried parent finds the way from the home page to the signs, the conversation, the social
workers and the nearest station."""

import json
import re
from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_site import LANGUAGES, PAGES, SCREENSHOTS, open_public

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="module")
def phone_page(browser, base_url):
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_help_is_one_tap_away_in_the_first_screen_of_every_page(
    phone_page, public_pages, kind, language
):
    page = phone_page
    open_public(page, public_pages, (kind, language))
    call = page.locator("header a.call-button[href^='tel:']")
    expect(call).to_be_visible()
    box = call.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= PHONE["height"] * 0.2, f"header {header['height']}px"
    search = page.locator("header form[role=search] input[name=q]")
    expect(search).to_be_visible()
    # The menu folds away and opens with one tap.
    menu = page.locator("header .primary-nav")
    expect(menu).to_be_hidden()
    page.click("header .menu-toggle summary")
    expect(menu).to_be_visible()
    assert menu.locator("a").count() >= 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_searching_from_any_page_header(phone_page, public_pages, language):
    page = phone_page
    page.goto(public_pages[("jindu.DrugFactPage", language)])
    page.fill("header input[name=q]", "冰毒" if language == "zh-hans" else "cannabis")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    expect(page.locator("main h2 a").first).to_be_visible()


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def test_every_page_is_reachable_from_the_home_page(site):
    """Follow every link from both home pages, as a reader (or a search engine) would:
    every live page of the site is reached; none is an orphan."""
    expected = set()
    for language in LANGUAGES:
        offset = 0
        while True:
            listing = json.loads(
                site.get(f"/api/v2/pages/?locale={language}&limit=50&offset={offset}")
            )
            expected |= {urlsplit(item["meta"]["html_url"]).path for item in listing["items"]}
            offset += 50
            if offset >= listing["meta"]["total_count"]:
                break
    seen, queue = set(), ["/", "/en/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        try:
            body = site.get(path)
        except HTTPError:
            continue
        if not body.lstrip().lower().startswith(b"<!doctype html"):
            continue
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        for href in parser.hrefs:
            parts = urlsplit(urljoin(path, href))
            if parts.netloc not in ("", urlsplit(site.url).netloc) or parts.scheme not in (
                "",
                "http",
            ):
                continue
            if parts.path.startswith(("/admin/", "/documents/", "/media/", "/static/")):
                continue
            if parts.path.endswith((".ics", "/feed/", "/ics/")):
                continue
            queue.append(parts.path)  # queries (filters, pages of a listing) lead nowhere new
    orphans = sorted(expected - seen)
    assert orphans == [], f"no link leads to {orphans}"


def test_a_worried_parent_finds_signs_words_and_the_nearest_station_on_a_phone(phone_page):
    page = phone_page
    page.goto("/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "home-phone.png"))
    page.click("a.help-now-worried")
    expect(page.locator("h1")).to_contain_text("担心身边的人吸毒")
    page.screenshot(path=str(SCREENSHOTS / "worried-phone.png"), full_page=True)
    for title, words in (
        ("可能接触毒品的迹象", "一个迹象说明不了什么"),
        ("怎样和孩子谈毒品", "多听少说"),
        ("禁毒社工能帮什么", "依法保密"),
        ("举报毒品违法犯罪", "110"),
    ):
        page.click(f"main a:has-text('{title}')")
        expect(page.locator("h1")).to_have_text(title)
        expect(page.locator("main")).to_contain_text(words)
        page.go_back()
    page.click("footer a:has-text('查找身边的禁毒社工站')")
    expect(page.locator("main")).to_contain_text("浦东新区工作站")
    # The parents' door leads to the guides and the handbook.
    page.goto("/")
    page.click("a.entry-card:has-text('我是家长')")
    expect(page.locator("main")).to_contain_text("家长手册：和孩子谈毒品")
    expect(page.locator("main")).to_contain_text("怎样和孩子谈毒品")
    page.goto("/")
    page.click("a.entry-card:has-text('我是老师')")
    first_download = page.locator(".resource-title").first
    expect(first_download).to_contain_text("教案")
    expect(page.locator("main a:has-text('预约禁毒讲座')")).to_be_visible()
