"""The back office clicked through in Chromium, role by role: every menu entry and every
listing opens, every listing's search box works, and every action our code adds (renew,
write it up, record this event, reset the calendar address, export) does its job when its
button is pressed — no 4xx or 5xx, no script error, no form sent to the wrong address. And
the journey of a talk, on a phone: scheduled, held, recorded in one screen, in the
figures."""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_site import manage_shell, sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
# Reports each click and each field a person changes to the test (jinduInteraction).
COUNT_INTERACTIONS = """
if (!window.jinduCounting) {
  window.jinduCounting = true;
  document.addEventListener("click", () => window.jinduInteraction("click"), true);
  document.addEventListener(
    "input", (event) => window.jinduInteraction("field", event.target.name || event.target.id), true
  );
}
"""
DESKTOP = {"width": 1280, "height": 900}
ROLES = ["staff_pudong", "manager_pudong", "admin", "editor"]


class Watch:
    """What a page did wrong while a test used it."""

    def __init__(self, page):
        self.problems, self.posts, self.navigations = [], [], []
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("response", self.response)
        page.on("request", self.request)
        page.on(
            "framenavigated",
            lambda frame: frame == page.main_frame and self.navigations.append(frame.url),
        )

    def console(self, message):
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def request(self, request):
        path = urlsplit(request.url).path
        # Wagtail's edit pages ping the editing session in the background, sometimes just
        # after a button was clicked: those posts are not the button's.
        if request.method == "POST" and not path.startswith("/admin/editing-sessions/"):
            self.posts.append(path)

    def response(self, response):
        if response.status >= 400:
            self.problems.append(f"{response.status} {response.request.method} {response.url}")

    def check(self):
        assert not self.problems, self.problems
        self.problems.clear()


@pytest.fixture
def signed_in_as(browser, base_url, site):
    contexts = []

    def open_page(username, viewport=DESKTOP, **options):
        context = browser.new_context(
            base_url=base_url, viewport=viewport, locale="zh-CN", accept_downloads=True, **options
        )
        contexts.append(context)
        page = context.new_page()
        watch = Watch(page)
        sign_in(page, site, username)
        return page, watch

    yield open_page
    for context in contexts:
        context.close()


def menu_urls(page):
    """Every entry of the admin's menu, as Wagtail's sidebar is told (its JSON props)."""
    props = json.loads(page.locator("#wagtail-sidebar-props").text_content())
    urls = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("url"), str) and node["url"].startswith("/admin/"):
                urls.append(node["url"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return [url for url in dict.fromkeys(urls) if "logout" not in url]


# The listing's own search box, not the sidebar's search of pages (#menu-search-q).
LISTING_SEARCH = "main input[name=q], header input[name=q]"


def search_listing(page, words):
    box = page.locator(LISTING_SEARCH).first
    box.fill(words)
    with page.expect_response(lambda response: "q=" in response.url) as answer:
        box.press("Enter")
    assert answer.value.status < 400, answer.value.url


@pytest.mark.parametrize("username", ROLES)
def test_every_menu_entry_and_listing_opens_and_searches(signed_in_as, username):
    page, watch = signed_in_as(username)
    page.goto("/admin/")
    urls = menu_urls(page)
    assert urls, "no menu"
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        expect(page.locator("main, #main")).to_be_visible()
        # The box sends its search (in Chinese, as these staff type); what each listing finds
        # in both languages is test_back_office's test_every_listing_searches_in_both_languages.
        if page.locator(LISTING_SEARCH).count() and "/admin/pages/" not in url:
            search_listing(page, "讲座")
        watch.check()


def open_more(page, row_text, item):
    """Open a listing row's "more" menu and choose ``item``."""
    row = page.locator("tbody tr", has_text=row_text).first
    row.locator("[data-controller=w-dropdown] button").first.click()
    row.locator("[data-controller=w-dropdown] a", has_text=item).first.click()


def test_a_manager_renews_from_the_listing_and_exports(signed_in_as):
    page, watch = signed_in_as("manager_pudong")
    page.goto("/admin/snippets/schools/counselloragreement/?status=renewal_due")
    rows = page.locator("tbody tr")
    if not rows.count():
        page.goto("/admin/snippets/schools/counselloragreement/?status=active")
    first = page.locator("tbody tr").first
    title = first.locator("td.title span[id$=_title]").inner_text()
    open_more(page, title, "续签")
    expect(page.locator("h1")).to_contain_text("续签协议")
    renew_url = urlsplit(page.url).path
    page.click("button[data-jindu-confirm]")
    expect(page.locator(".messages")).to_contain_text("续签")
    assert "/edit/" in page.url
    assert watch.posts[-1] == renew_url
    watch.check()

    page.goto("/admin/snippets/schools/counselloragreement/")
    page.locator("#w-slim-header-buttons [data-controller=w-dropdown] button").click()
    with page.expect_download() as download:
        page.locator("#w-slim-header-buttons a", has_text="CSV").first.click()
    assert download.value.suggested_filename.endswith(".csv")
    watch.check()


def test_staff_write_up_a_held_event_and_reset_their_calendar_address(signed_in_as):
    page, watch = signed_in_as("staff_pudong")
    page.goto("/admin/snippets/campaigns/event/?status=completed")
    page.locator("tbody tr td.title a").first.click()
    # The edit page's actions menu, in its header.
    page.locator("#w-slim-header-buttons [data-controller=w-dropdown] button").click()
    page.locator("#w-slim-header-buttons a", has_text="撰写报道").click()
    expect(page.locator("h1")).to_contain_text("撰写报道")
    write_up_url = urlsplit(page.url).path
    page.click("button[data-jindu-confirm]")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.locator(".messages")).to_contain_text("工作动态")
    assert watch.posts[-1] == write_up_url
    # The draft is the staff member's own: it opens for editing.
    expect(page.locator("#id_title")).to_be_visible()
    watch.check()

    page.goto("/admin/campaigns/calendar/")
    before = page.locator("code").first.inner_text()
    page.click("button:has-text('重置地址')")
    expect(page.locator(".messages")).to_be_visible()
    assert page.locator("code").first.inner_text() != before
    watch.check()


def in_stock(option_text):
    match = re.search(r"库存 (\d+)", option_text)
    return int(match.group(1)) if match else 0


def figure(page, label, period=1):
    """A figure of the station dashboard's period (1: this month, 2: this term)."""
    text = page.locator(f"main section[aria-labelledby=period-{period}]").inner_text()
    match = re.search(r"([\d,]+)\s*\n\s*" + re.escape(label), text)
    assert match, f"no {label} in {text!r}"
    return int(match.group(1).replace(",", ""))


def test_a_talk_is_scheduled_held_and_recorded_in_one_screen_on_a_phone(signed_in_as):
    page, watch = signed_in_as(
        "staff_pudong", viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    now = datetime.datetime.now().astimezone(datetime.timezone(datetime.timedelta(hours=8)))
    start = (now - datetime.timedelta(hours=3)).replace(minute=0, second=0, microsecond=0)
    title = f"浦东第一中学禁毒讲座{now:%H%M%S}"
    page.goto("/admin/snippets/campaigns/event/add/")
    page.fill("#id_title", title)
    page.select_option("#id_venue_type", label="学校")
    page.select_option("#id_format", label="讲座")
    page.select_option("#id_status", label="已确认")
    for selector, value in (("#id_start", start), ("#id_end", start + datetime.timedelta(hours=1))):
        page.locator(selector).evaluate(
            "(field, value) => { field.value = value;"
            " field.dispatchEvent(new Event('change', {bubbles: true})); }",
            f"{value:%Y-%m-%d %H:%M}",
        )
    page.click("button:has-text('选择 学校')")
    modal = page.locator(".modal-content")
    modal.locator("#id_q").fill("浦东第一中学")  # search as you type: one input event
    expect(modal.locator("a[data-chooser-modal-choice]")).to_have_count(1)
    modal.locator("a[data-chooser-modal-choice]:has-text('浦东第一中学')").first.click()
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator(".messages")).to_contain_text(title)
    watch.check()

    # The worker after the talk: from the station dashboard, one screen, one save.
    page.goto("/admin/campaigns/station/")
    before = {label: figure(page, label) for label in ("活动场次", "受众人次", "发放宣传资料")}
    watch.navigations.clear()
    # What the person does, counted by the page itself: each click, and each field they
    # typed into or chose from (however many input events it took), across page loads.
    interactions = {"clicks": 0, "fields": set()}

    def interaction(kind, field=""):
        if kind == "click":
            interactions["clicks"] += 1
        else:
            interactions["fields"].add(field)

    page.expose_function("jinduInteraction", interaction)
    page.add_init_script(COUNT_INTERACTIONS)
    page.evaluate(COUNT_INTERACTIONS)
    page.locator("tr", has_text=title).get_by_role("link", name="记录本次活动").click()
    expect(page.locator("h1")).to_contain_text("记录本次活动")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.fill("#id_junior", "320")
    page.fill("#id_teachers", "12")
    options = page.locator("#id_handout-0-material option").all_inner_texts()
    stocked = [text for text in options if in_stock(text) >= 30][:2]
    assert len(stocked) == 2, options
    for line, text in enumerate(stocked):
        page.select_option(f"#id_handout-{line}-material", label=text)
        page.fill(f"#id_handout-{line}-quantity", "15")
    expect(page.locator("#id_held")).to_be_checked()
    page.click("button:has-text('保存记录')")
    expect(page.locator(".messages")).to_contain_text("已标记为已完成")
    watch.check()
    loads = len(watch.navigations)
    after = {label: figure(page, label) for label in before}
    assert after == {
        "活动场次": before["活动场次"] + 1,
        "受众人次": before["受众人次"] + 332,
        "发放宣传资料": before["发放宣传资料"] + 30,
    }
    # From the dashboard: the record screen, and the dashboard again after the save.
    assert loads <= 3, watch.navigations
    # The README's figure: two groups and two materials take 8 clicks and entries.
    done = interactions["clicks"] + len(interactions["fields"])
    assert done == 8, interactions

    page.goto(f"/admin/campaigns/reports/month/?from={start:%Y-%m}-01&to={start:%Y-%m-%d}")
    month = page.locator("tbody tr", has_text=f"{start:%Y-%m}").inner_text()
    assert month, "the month report shows this month"
    watch.check()

    # A correction: the screen opens with what was recorded, and only the difference
    # moves the stock.
    page.goto(f"/admin/snippets/campaigns/event/?q={title}")
    page.get_by_role("link", name=title).first.click()
    page.get_by_role("link", name="记录本次活动").first.click()
    expect(page.locator("#id_junior")).to_have_value("320")
    expect(page.locator("#id_handout-0-quantity")).to_have_value("15")
    page.fill("#id_handout-0-quantity", "10")
    page.click("button:has-text('保存记录')")
    expect(page.locator(".messages")).to_contain_text("从 15 更正为 10")
    corrected = {label: figure(page, label) for label in before}
    assert corrected["发放宣传资料"] == after["发放宣传资料"] - 5
    assert corrected["受众人次"] == after["受众人次"]
    page.goto(f"/admin/snippets/campaigns/event/?q={title}")
    page.get_by_role("link", name=title).first.click()
    page.get_by_role("link", name="历史").first.click()
    expect(page.locator("main")).to_contain_text("从 15 更正为 10")
    watch.check()


def test_manager_imports_schools_in_two_steps_and_staff_export_their_events(signed_in_as, tmp_path):
    """The education bureau's GBK list, with a heading the site does not know and a bad
    row: the manager sees what would happen, confirms, and the school is there."""
    page, watch = signed_in_as("manager_pudong")
    page.goto("/admin/snippets/schools/school/")
    page.locator("#w-slim-header-buttons a, .w-slim-header a", has_text="导入").first.click()
    expect(page.locator("h1")).to_contain_text("导入学校")
    upload_url = urlsplit(page.url).path
    watch.posts.clear()  # signing in
    name = f"浦东浏览器测试小学{datetime.datetime.now():%H%M%S}"
    sheet = tmp_path / "学校名单.csv"
    sheet.write_bytes(
        "学校名称,区,学段,在校学生数,备注\n"
        f"{name},浦东新区,小学,640,新建\n"
        "火星学校,火星区,小学,10,\n".encode("gbk")
    )
    page.set_input_files("input[type=file]", str(sheet))
    page.click("button[type=submit]:has-text('检查文件')")
    expect(page.locator("[data-jindu-import-status]")).to_have_attribute(
        "data-jindu-import-status", "ready"
    )
    expect(page.locator("main")).to_contain_text("备注")  # not recognised, said by name
    expect(page.locator("main")).to_contain_text("火星区")  # the bad row and why
    confirm_url = urlsplit(page.url).path + "confirm/"
    page.click("button[data-jindu-confirm]")
    expect(page.locator("[data-jindu-import-status]")).to_have_attribute(
        "data-jindu-import-status", "done"
    )
    assert watch.posts == [upload_url, confirm_url]
    page.get_by_role("link", name="返回学校").click()
    search_listing(page, name)
    expect(page.locator("#listing-results tbody")).to_contain_text(name)
    watch.check()

    # A file checked and then cancelled: nothing imported, back on the upload page.
    page.goto(upload_url)
    with page.expect_download() as download:
        page.get_by_role("link", name="下载示例文件").click()
    sample = open(download.value.path(), "rb").read().decode("utf-8-sig")
    assert sample.splitlines()[0].startswith("学校名称")
    page.set_input_files("input[type=file]", str(sheet))
    page.click("button[type=submit]:has-text('检查文件')")
    page.get_by_role("button", name="取消").click()
    expect(page.locator(".messages")).to_contain_text("导入已取消")
    expect(page.locator("h1")).to_contain_text("导入学校")
    watch.check()

    # Staff on a phone: their station's events out as CSV (UTF-8 with a BOM, or GB18030),
    # and in from a term's schedule.
    page, watch = signed_in_as("staff_pudong", viewport=PHONE)
    page.goto("/admin/snippets/campaigns/event/")
    buttons = page.locator("#w-slim-header-buttons")
    for label, encoding in (("下载CSV", "utf-8-sig"), ("下载CSV（GB18030 编码）", "gb18030")):
        link = buttons.get_by_role("link", name=label, exact=True)
        if not link.is_visible():  # the menu stays open after a download
            buttons.locator("[data-controller=w-dropdown] button").first.click()
        with page.expect_download() as download:
            link.click()
        content = open(download.value.path(), "rb").read()
        assert content.startswith("\ufeff".encode()) == (encoding == "utf-8-sig")
        assert "工作站" in content.decode(encoding).splitlines()[0]
    page.locator("#w-slim-header-buttons a, .w-slim-header a", has_text="导入").first.click()
    expect(page.locator("h1")).to_contain_text("导入活动")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    watch.check()


@pytest.mark.parametrize("mode", ["mobile", "tablet", "desktop"])
def test_the_live_preview_panel_shows_the_page(signed_in_as, site, mode):
    """It was blank: the page's policy forbade any frame, the admin's own included."""
    from tests.browser_site import admin_path

    page, watch = signed_in_as("editor")
    page.goto(admin_path(site, "article editor"))
    title = page.locator("#id_title").input_value()
    page.locator("[data-side-panel-toggle='preview']").click()
    panel = page.locator("[data-side-panel='preview']")
    expect(panel).to_be_visible()
    # The sizes are radio buttons drawn as icons; the input itself is hidden.
    panel.locator(f"input[value='{mode}']").evaluate("input => input.click()")
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("h1")).to_contain_text(title, timeout=15000)
    watch.check()


@pytest.mark.parametrize("kind", ["schools", "counsellors", "events"])
def test_each_sample_file_downloaded_imports_into_the_demo_as_it_is(signed_in_as, kind, tmp_path):
    page, watch = signed_in_as("manager_pudong")
    page.goto(f"/admin/imports/{kind}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载示例文件").click()
    sample = tmp_path / download.value.suggested_filename
    download.value.save_as(sample)
    page.set_input_files("input[type=file]", str(sample))
    page.click("button[type=submit]:has-text('检查文件')")
    expect(page.locator("[data-jindu-import-status]")).to_have_attribute(
        "data-jindu-import-status", "ready"
    )
    expect(page.get_by_text("有问题的行")).to_have_count(0)
    expect(page.locator(".help-warning")).to_have_count(0)  # every column recognised
    page.click("button[data-jindu-confirm]")
    expect(page.locator("[data-jindu-import-status]")).to_have_attribute(
        "data-jindu-import-status", "done"
    )
    expect(page.get_by_text("有问题的行")).to_have_count(0)
    watch.check()


def test_a_talk_under_way_is_one_tap_from_the_station_dashboard_on_a_phone(signed_in_as, site):
    title = f"正在进行的禁毒讲座{datetime.datetime.now():%H%M%S}"
    made = manage_shell(
        site,
        f"""
        import datetime
        from django.utils import timezone
        from campaigns.models import Event
        from schools.models import StationMembership
        station = StationMembership.objects.get(user__username="staff_pudong").station
        school = station.district.schools.first()
        now = timezone.now()
        Event.objects.create(
            title="{title}", station=station, district=station.district, school=school,
            venue_type="school", format="talk", status="confirmed",
            start=now - datetime.timedelta(minutes=30), end=now + datetime.timedelta(minutes=60),
        )
        """,
    )
    assert made.returncode == 0, made.stderr
    page, watch = signed_in_as(
        "staff_pudong", viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page.goto("/admin/campaigns/station/")
    today = page.locator("section.jindu-today li", has_text=title)
    expect(today).to_contain_text("进行中")
    # Its actions are buttons in sight, not behind "…".
    expect(today.get_by_role("link", name="签到表与反馈")).to_be_visible()
    today.get_by_role("link", name="记录本次活动").click()
    expect(page.locator("h1")).to_contain_text("记录本次活动")
    expect(page.locator(".jindu-facts")).to_contain_text(title)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    watch.check()
