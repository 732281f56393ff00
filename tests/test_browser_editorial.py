"""Editors and reviewers in Chromium (issue 20): the screens they use every day read as
Chinese; no button puts a translation live without review; the schedule dialog's Save
stays reachable with a date picker open; a bilibili video embeds in an article."""

import ast
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_site import BrowserProblems, sign_in

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")

# English a Chinese screen may show: names, and what the demo content itself says in English
# (page titles and translations are content, not interface).
PROPER_NAMES = {
    "Wagtail", "Jindu", "PO", "Asia", "Shanghai", "Hong", "Kong", "Macau", "Taipei", "UTC",
    "GMT", "English", "admin", "editor", "reviewer", "bilibili", "Youku", "pdf", "png", "jpg",
}  # fmt: skip
# Built by wagtail-localize's script without gettext, so no catalogue can translate them:
# its actions button's hidden label, "<source> to <target> translation", and the dates it
# formats with strftime in English. Offered upstream; the test fails if more appear.
UPSTREAM_LITERALS = {
    "More", "actions", "translation", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
}  # fmt: skip


def demo_words():
    """Every word of the demo content, as its modules write it (string literals)."""
    root = Path(__file__).resolve().parent.parent
    files = [*sorted((root / "site" / "demo").glob("*.py")), root / "schools" / "demo.py"]
    files.append(root / "campaigns" / "demo.py")
    words = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words.update(WORD.findall(node.value))
    return words


def english_left(page):
    """The English words on the page a person sees or hears (text, labels, placeholders)."""
    text = page.evaluate(
        """() => {
            const parts = [document.body.innerText];
            for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
                if (el.closest('[hidden], template') || !el.getClientRects().length) continue;
                for (const name of ['aria-label', 'placeholder', 'title']) {
                    if (el.getAttribute(name)) parts.push(el.getAttribute(name));
                }
            }
            return parts.join('\\n');
        }"""
    )
    allowed = PROPER_NAMES | UPSTREAM_LITERALS | demo_words()
    left = {}
    for line in text.splitlines():
        for word in WORD.findall(line):
            if word.startswith("demo-"):  # the demo pictures' titles (jindu.demo.media)
                continue
            if word not in allowed and word.strip("'’-") not in allowed:
                left.setdefault(word, line.strip()[:120])
    return left


def open_block_picker(page):
    """Open the body's block picker at its end, by keyboard (the buttons show on hover)."""
    button = page.locator("[id$='-body-section'] button.c-sf-add-button").last
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[role=listbox] [role=option]").first).to_be_visible()


def api_item(site, kind, language):
    listing = json.loads(site.get(f"/api/v2/pages/?type={kind}&locale={language}&limit=1"))
    return listing["items"][0]


@pytest.fixture
def person(browser, base_url, site):
    contexts = []

    def sign_in_as(username):
        context = browser.new_context(base_url=base_url, viewport=DESKTOP, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        sign_in(page, site, username)
        return page

    yield sign_in_as
    for context in contexts:
        context.close()


def test_the_editors_and_reviewers_daily_screens_read_as_chinese(person, site):
    article = api_item(site, "jindu.ArticlePage", "zh-hans")
    english = api_item(site, "jindu.ArticlePage", "en")
    section = api_item(site, "jindu.SectionPage", "zh-hans")
    home = api_item(site, "jindu.HomePage", "zh-hans")
    editor_screens = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home['id']}/",
        f"/admin/pages/{article['id']}/edit/",
        f"/admin/pages/{english['id']}/edit/",
        f"/admin/pages/add/jindu/articlepage/{section['id']}/",
        f"/admin/pages/{article['id']}/history/",
        "/admin/pages/search/?q=毒品",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/jindu/resource/",
        "/admin/reports/translations-to-update/",
        f"/admin/localize/submit/page/{article['id']}/",
        "/admin/account/",
    ]
    reviewer_screens = [
        "/admin/",
        f"/admin/pages/{article['id']}/edit/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
    ]
    found, pages = {}, {}
    for username, screens in (("editor", editor_screens), ("reviewer", reviewer_screens)):
        page = pages[username] = person(username)
        screen = BrowserProblems(page)  # to wait until what scripts fetch has arrived
        for path in screens:
            screen.open(path)
            assert screen.document.status == 200, path
            # Where it asked to be, not a "no permission" redirect that also ends in a 200.
            assert urlsplit(page.url).path == path.split("?")[0], (username, path, page.url)
            for word, line in english_left(page).items():
                found.setdefault(f"{username} {path}", {})[word] = line
    # The editor's tools inside the article editor: the block picker and the side panels.
    page = pages["editor"]
    page.goto(f"/admin/pages/{article['id']}/edit/")
    open_block_picker(page)
    for word, line in english_left(page).items():
        found.setdefault("editor block picker", {})[word] = line
    page = pages["reviewer"]
    page.goto(f"/admin/pages/{article['id']}/edit/")
    page.click("button[data-side-panel-toggle='status']")
    for word, line in english_left(page).items():
        found.setdefault("reviewer status panel", {})[word] = line
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_no_button_puts_a_translation_live_for_an_editor(person, site):
    english = api_item(site, "jindu.ArticlePage", "en")
    page = person("editor")
    page.goto(f"/admin/pages/{english['id']}/edit/")
    expect(page.locator(".jindu-review-bar")).to_be_visible()
    # The translation editor's actions: nothing that publishes, no copy of the original.
    actions = page.locator("footer nav.actions--primary")
    expect(actions).to_be_visible()
    actions.locator(".w-dropdown__toggle").first.click()
    expect(actions).not_to_contain_text("发布")
    expect(actions).not_to_contain_text("转换成页面别名")
    # The original's Sync offers review instead of publishing.
    chinese = api_item(site, "jindu.ArticlePage", "zh-hans")
    page.goto(f"/admin/pages/{chinese['id']}/edit/")
    page.locator("header .w-dropdown__toggle").first.click()
    page.get_by_role("link", name="同步译文页面").first.click()
    expect(page.locator("input[name=publish_translations][type=checkbox]")).to_have_count(0)
    expect(page.locator("input[name=submit_for_review][type=checkbox]")).to_have_count(1)
    # Typing the address of Convert to alias sends the editor back with the reason.
    page.goto(f"/admin/localize/page/{english['id']}/convert_to_alias/")
    expect(page.locator(".messages")).to_contain_text("提交译文审核")
    assert f"/admin/pages/{english['id']}/edit/" in page.url


def test_the_schedule_dialogs_save_is_reachable_with_a_date_picker_open(person, site):
    # A drug fact page: the article the other tests translate stays as it is.
    article = api_item(site, "jindu.DrugFactPage", "zh-hans")
    page = person("reviewer")
    page.goto(f"/admin/pages/{article['id']}/edit/")
    page.click("button[data-side-panel-toggle='status']")
    page.get_by_role("button", name=re.compile("设置计划|编辑计划")).first.click()
    save = page.locator("#schedule-publishing-dialog button.action-save")
    for field in ("#id_go_live_at", "#id_expire_at"):
        page.click(field)
        expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
        # What a click on Save's centre would hit is Save itself, not the picker.
        assert page.evaluate(
            """(button) => { const r = button.getBoundingClientRect();
                const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                return hit === button || button.contains(hit); }""",
            save.element_handle(),
        ), field
    page.fill("#id_go_live_at", "2030-06-26 00:00")
    save.click()
    expect(page.locator("[data-side-panel=status]")).to_contain_text("2030")


def test_a_bilibili_video_embeds_in_an_article(person, site):
    article = api_item(site, "jindu.ArticlePage", "zh-hans")
    page = person("editor")
    page.goto(f"/admin/pages/{article['id']}/edit/")
    open_block_picker(page)
    page.locator("[role=listbox] [role=option]", has_text="视频").first.click()
    url = "https://www.bilibili.com/video/BV1GJ411x7h7"
    page.locator(
        "input[name$='-value-video']:visible, input[id$='-value-video']:visible"
    ).last.fill(url)
    page.click("button[data-side-panel-toggle='preview']")
    frame = page.frame_locator("#w-preview-iframe")
    player = frame.locator("iframe[src*='player.bilibili.com']")
    expect(player).to_have_count(1, timeout=15000)
    assert "bvid=BV1GJ411x7h7" in player.get_attribute("src")


@pytest.mark.parametrize("username", ["editor", "reviewer"])
def test_editors_and_reviewers_upload_and_find_images(person, username, tmp_path):
    from PIL import Image

    page = person(username)
    page.goto("/admin/")
    page.get_by_role("link", name="图片").first.click()
    expect(page).to_have_url(re.compile(r"/admin/images/$"))
    expect(page.get_by_text("您还没有上传任何图片")).to_have_count(0)
    assert page.locator("#listing-results img, .listing img").count() > 0
    # Wagtail's drag-and-drop uploader: the alt text is required, so each file waits for
    # its form to be filled in.
    page.get_by_role("link", name="添加一个图片").first.click()
    picture = tmp_path / "june26.png"
    Image.new("RGB", (60, 40), (30, 120, 60)).save(picture)
    title = f"六二六海报{username}"
    page.set_input_files("#fileupload", str(picture))
    form = page.locator("form:has(input[name$='-description'])").first
    expect(form).to_be_visible()
    form.locator("input[name$='-title']").fill(title)
    form.locator("input[name$='-description']").fill("国际禁毒日宣传海报")
    form.get_by_role("button", name="更新").click()
    expect(page.locator("input[name$='-description']")).to_have_count(0)
    # Newest first in the library (the search index catches up in the task worker).
    page.goto("/admin/images/")
    expect(page.locator("main")).to_contain_text(title)
