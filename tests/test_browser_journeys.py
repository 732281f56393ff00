"""The site walked in a real browser, as its people use it: a student on a phone, a visitor
looking for events, a school asking for a talk, outreach staff recording their work, and
editors publishing the June 26 page. Screenshots of the key pages go to docs/screenshots/
for the README."""

import datetime
import json
import re
import secrets

import pytest
from playwright.sync_api import expect

from tests.browser_site import SCREENSHOTS, sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 860}
# Runs against an existing site (BROWSER_SITE_URL) must not collide with earlier runs.
RUN = secrets.randbelow(900) + 100


def screenshot(page, name, *, full_page=False):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def api_pages(site, kind, language="zh-hans"):
    listing = json.loads(site.get(f"/api/v2/pages/?type={kind}&locale={language}&limit=50"))
    return listing["items"]


@pytest.fixture
def phone(browser, base_url):
    context = browser.new_context(
        base_url=base_url,
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser, base_url):
    contexts = []

    def open_page():
        context = browser.new_context(base_url=base_url, viewport=DESKTOP, locale="zh-CN")
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def choose(page, button, name):
    """Pick ``name`` in one of Wagtail's chooser modals, searching for it first."""
    page.click(f"button:has-text('{button}')")
    modal = page.locator(".modal-content")
    expect(modal.locator("a[data-chooser-modal-choice]").first).to_be_visible()
    if modal.locator("#id_q").count():
        modal.locator("#id_q").fill(name)  # search as you type: one input event
    modal.locator(f"a[data-chooser-modal-choice]:has-text('{name}')").first.click()
    expect(modal).to_be_hidden()


def fill_datetime(page, selector, value):
    """Set one of Wagtail's date fields the way autofill does, without its pop-up picker
    (Wagtail's own widget, tested there), which would cover the buttons below it."""
    page.locator(selector).evaluate(
        "(field, value) => { field.value = value;"
        " field.dispatchEvent(new Event('change', {bubbles: true})); }",
        value,
    )


# A student on a phone


def test_student_searches_reads_switches_language_and_takes_the_quiz(phone, site):
    page = phone
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    page.fill("#site-search-q", "毒品")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    articles = {urlpath(item["meta"]["html_url"]) for item in api_pages(site, "jindu.ArticlePage")}
    results = page.locator("main a[href]").evaluate_all("links => links.map(a => a.pathname)")
    first_article = next(path for path in results if path in articles)
    page.locator(f"main a[href='{first_article}']").first.click()
    expect(page).to_have_url(re.compile(re.escape(first_article) + "$"))
    title = page.locator("h1").inner_text()
    english_url = page.locator("link[rel=alternate][hreflang=en]").get_attribute("href")
    screenshot(page, "article-phone")

    page.click(".language-switcher a[lang=en]")
    expect(page).to_have_url(re.compile(re.escape(urlpath(english_url)) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).not_to_have_text(title)
    # The same article: its translation points back to the Chinese page the student read.
    back = page.locator("link[rel=alternate][hreflang=zh-Hans]").get_attribute("href")
    assert urlpath(back) == first_article

    quiz = urlpath(api_pages(site, "jindu.QuizPage", "en")[0]["meta"]["html_url"])
    page.goto(quiz)
    # Answered by keyboard alone: Tab into each question, Space picks the answer there.
    total = page.locator("fieldset.quiz-question").count()
    assert total > 0
    for number in range(total):
        tab_until(
            page,
            f"""el => el.type === "radio" &&
                el.closest("fieldset") === document.querySelectorAll("fieldset.quiz-question")[{number}]""",
        )
        page.keyboard.press("Space")
    tab_until(page, "el => el.matches('form.quiz button[type=submit]')")
    page.keyboard.press("Enter")
    score = page.locator(".quiz-score h2")
    expect(score).to_contain_text(re.compile(rf"Your score: \d+ out of {total}"))


def tab_until(page, predicate):
    """Press Tab until the focused element satisfies the JavaScript ``predicate``."""
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate})(document.activeElement)"):
            return
    raise AssertionError(f"the keyboard never reaches {predicate}")


def urlpath(url):
    return re.sub(r"^https?://[^/]+", "", url)


# A visitor looking for events


def test_visitor_filters_events_by_district_and_downloads_one(desktop, site):
    page = desktop()
    page.goto(urlpath(api_pages(site, "campaigns.EventIndexPage")[0]["meta"]["html_url"]))
    screenshot(page, "events")
    districts = page.locator("#filter-district option")
    assert districts.count() > 2
    # By keyboard: Tab to the district list, pick the next district, then the Filter button.
    tab_until(page, "el => el.id === 'filter-district'")
    page.keyboard.press("ArrowDown")
    chosen = page.locator("#filter-district").evaluate("s => s.options[s.selectedIndex].text")
    tab_until(page, "el => el.matches('form button[type=submit]')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"district=\d+"))
    places = page.locator(".event-where").all_inner_texts()
    assert places, f"no events listed for {chosen}"
    assert all(chosen in place for place in places), places

    page.locator(".event-list h3 a").first.click()
    with page.expect_download() as download:
        page.locator("a[href$='/ics/']").first.click()
    ics = download.value.path().read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in ics


# A school asks for a talk


def test_school_requests_a_talk_and_the_station_manager_finds_it(desktop, site):
    page = desktop()
    form_page = urlpath(api_pages(site, "campaigns.TalkRequestPage")[0]["meta"]["html_url"])
    page.goto(form_page)
    page.fill("#id_school_name", f"浦东模范中学{RUN}")
    page.click(".request-form button[type=submit]")
    errors = page.locator(".request-form .error")
    expect(errors.first).to_be_visible()
    assert errors.count() >= 3
    expect(page.locator("#id_school_name")).to_have_value(f"浦东模范中学{RUN}")  # nothing lost

    page.select_option("#id_district", label="浦东新区")
    page.fill("#id_contact_name", "张老师")
    page.fill("#id_contact_phone", "021-50001234")
    page.fill(
        "#id_preferred_date", (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    )
    page.fill("#id_grades", "初一、初二")
    page.fill("#id_audience_size", "240")
    page.fill("#id_topic", "新型毒品的识别与拒绝")
    page.check("#id_consent")
    page.click(".request-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"\?sent=1$"))
    expect(page.locator("main")).to_contain_text("已发送")

    manager = desktop()
    sign_in(manager, site, "manager_pudong")
    manager.goto("/admin/snippets/campaigns/talkrequest/")
    expect(manager.locator("main")).to_contain_text(f"浦东模范中学{RUN}")


# Outreach staff


def figure(page, label):
    """The number shown above ``label`` on the outreach dashboard."""
    text = page.locator("main").inner_text()
    match = re.search(r"([\d,]+)\s*\n\s*" + re.escape(label), text)
    assert match, f"no {label} on the dashboard"
    return int(match.group(1).replace(",", ""))


def test_outreach_staff_schedule_are_stopped_by_a_double_booking_and_record_the_talk(desktop, site):
    page = desktop()
    sign_in(page, site, "staff_pudong")
    page.goto("/admin/campaigns/dashboard/")
    campaign = page.locator("select[name=campaign] option[selected]").inner_text().strip()
    before = {label: figure(page, label) for label in ("活动场次", "受众人次", "发放宣传资料")}

    # Years before the demo's first event, so only this test's own booking can clash.
    held = datetime.date(datetime.date.today().year - 6, 1, 1) + datetime.timedelta(days=RUN)
    title = f"浦东第一中学禁毒讲座{RUN}"
    page.goto("/admin/snippets/campaigns/event/add/")
    page.fill("#id_title", title)
    page.select_option("#id_venue_type", label="学校")
    page.select_option("#id_format", label="讲座")
    page.select_option("#id_status", label="已完成")
    fill_datetime(page, "#id_start", f"{held} 09:00")
    fill_datetime(page, "#id_end", f"{held} 10:30")
    choose(page, "选择 学校", "浦东第一中学")
    page.select_option("#id_counsellors", label="王丽华（禁毒社工）")
    choose(page, "选择 宣传活动", campaign)
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator(".messages")).to_contain_text(title)

    page.goto("/admin/snippets/campaigns/event/add/")
    page.fill("#id_title", f"社区禁毒宣传{RUN}")
    page.select_option("#id_venue_type", label="社区")
    page.select_option("#id_format", label="摊位宣传")
    fill_datetime(page, "#id_start", f"{held} 10:00")
    fill_datetime(page, "#id_end", f"{held} 11:00")
    page.fill("#id_organisation", "陆家嘴社区")
    page.select_option("#id_counsellors", label="王丽华（禁毒社工）")
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator("[data-contentpath=counsellors]")).to_contain_text(
        f"王丽华 已安排参加“{title}”"
    )

    page.goto("/admin/snippets/campaigns/attendance/add/")
    choose(page, "选择 活动", title)
    page.select_option("#id_group", label="初中生")
    page.fill("#id_count", "45")
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator(".messages")).to_be_visible()

    page.goto("/admin/snippets/campaigns/stockmovement/add/")
    page.select_option("#id_kind", label="活动发放")
    choose(page, "选择 活动", title)
    page.locator("button:has-text('选择 宣传资料')").click()
    page.locator(".modal-content a[data-chooser-modal-choice]").first.click()
    page.fill("#id_quantity", "30")
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator(".messages")).to_be_visible()

    page.goto("/admin/campaigns/dashboard/")
    after = {label: figure(page, label) for label in before}
    assert after == {
        "活动场次": before["活动场次"] + 1,
        "受众人次": before["受众人次"] + 45,
        "发放宣传资料": before["发放宣传资料"] + 30,
    }

    # The README's picture: this year's June 26 month, the demo's busiest campaign.
    year = datetime.date.today().year
    page.select_option("select[name=campaign]", label=f"{year}年6·26国际禁毒日宣传月")
    page.click("form.jindu-toolbar button[type=submit]")
    expect(page.locator("main")).to_contain_text(f"{year}-06-01")
    screenshot(page, "admin-dashboard")


# Editors and the June 26 page


def test_editor_drafts_the_june_26_page_a_reviewer_publishes_it_and_it_is_translated(desktop, site):
    year = 2027 + RUN % 70
    admin = desktop()
    sign_in(admin, site, "admin")
    admin.goto("/admin/snippets/campaigns/campaign/add/")
    campaign = f"{year}年6·26国际禁毒日宣传月"
    admin.fill("#id_name", campaign)
    admin.select_option("#id_kind", label="6·26宣传")
    admin.fill("#id_theme", "健康人生 绿色无毒")
    fill_datetime(admin, "#id_start_date", f"{year}-06-01")
    fill_datetime(admin, "#id_end_date", f"{year}-06-30")
    admin.click("button[type=submit]:has-text('保存')")
    expect(admin.locator(".messages")).to_contain_text(campaign)

    index = api_pages(site, "campaigns.CampaignIndexPage")[0]
    editor = desktop()
    sign_in(editor, site, "editor")
    editor.goto(f"/admin/pages/add/campaigns/campaignpage/{index['id']}/")
    title = f"{year}年6·26国际禁毒日"
    editor.fill("#id_title", title)
    editor.fill("#id_year", str(year))
    editor.fill("#id_theme", "健康人生 绿色无毒")
    choose(editor, "选择 宣传活动", campaign)
    editor.click("[role=tab]:has-text('推荐')")
    editor.fill("#id_slug", str(year))
    editor.click("button:has-text('更多动作')")
    editor.click("button[name=action-submit]")
    expect(editor.locator(".messages")).to_contain_text(title)
    path = f"{urlpath(index['meta']['html_url'])}{year}/"
    visitor = desktop()
    assert visitor.goto(path).status == 404  # not live before review

    reviewer = desktop()
    sign_in(reviewer, site, "reviewer")
    reviewer.locator(f"a:has-text('{title}')").first.click()
    reviewer.click("button:has-text('更多动作')")
    reviewer.locator("[data-workflow-action-name=approve]").first.click()
    expect(reviewer.locator(".messages")).to_be_visible()
    response = visitor.goto(path)
    assert response.status == 200
    expect(visitor.locator("h1")).to_contain_text(title)
    # The README's picture: this year's page from the demo, with its figures.
    this_year = max(
        (
            item
            for item in api_pages(site, "campaigns.CampaignPage")
            if item["meta"]["slug"].isdigit()
            and int(item["meta"]["slug"]) <= datetime.date.today().year
        ),
        key=lambda item: int(item["meta"]["slug"]),
    )
    visitor.goto(urlpath(this_year["meta"]["html_url"]))
    screenshot(visitor, "campaign", full_page=True)  # down to its figures

    # The English translation, made through wagtail-localize and reviewed like any page: the
    # editor starts it (a draft, not live), translates it and submits it for review from the
    # bar above the translation editor; the reviewer is told by email and approves it.
    editor.goto(f"/admin/pages/{index['id']}/")
    editor.locator(f"a:has-text('{title}')").first.click()
    page_id = re.search(r"/admin/pages/(\d+)/", editor.url).group(1)
    editor.goto(f"/admin/localize/submit/page/{page_id}/")
    editor.check("input[name=locales]")
    editor.click("main form input[type=submit]")
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    translation_url = editor.url
    assert visitor.goto(f"/en{path}").status == 404  # a draft until a reviewer approves it
    # No way to put it live from here: no publish button, no copy of the original.
    expect(editor.locator("button[name=action][value=publish]")).to_have_count(0)
    expect(editor.locator("a[href*='convert_to_alias']")).to_have_count(0)
    translate_next_segment(editor, f"June 26, {year}")
    while editor.locator("button:visible:has-text('翻译')").count():
        translate_next_segment(editor, "Healthy lives, free from drugs")
    editor.reload()
    bar = editor.locator(".jindu-review-bar")
    expect(bar).to_contain_text("尚未上线")
    bar.locator("a:has-text('提交审核')").click()
    expect(editor.locator("main")).to_contain_text("段文字中已翻译")
    editor.click("button[data-jindu-confirm]")
    expect(editor.locator(".messages")).to_contain_text("已提交审核")
    expect(editor.locator(".jindu-review-bar")).to_contain_text("等待审核")
    assert visitor.goto(f"/en{path}").status == 404
    told = site.mails_to("reviewer@jindu.example")
    assert told and f"June 26, {year}" in str(told[-1]["Subject"]), [m["Subject"] for m in told]

    approve_from_dashboard(reviewer, f"June 26, {year}")
    assert visitor.goto(f"/en{path}").status == 200
    expect(visitor.locator("html")).to_have_attribute("lang", "en")
    expect(visitor.locator("h1")).to_contain_text(f"June 26, {year}")
    expect(visitor.locator("main")).to_contain_text("Healthy lives, free from drugs")

    # The Chinese page changes and goes live: the translation is out of date, and says so.
    editor.goto(f"/admin/pages/{page_id}/edit/")
    editor.fill("#id_theme", "健康人生 绿色无毒 携手同行")
    editor.click("button:has-text('更多动作')")
    editor.click("button[name=action-submit]")
    approve_from_dashboard(reviewer, title)
    editor.goto(translation_url)
    expect(editor.locator(".jindu-review-bar")).to_contain_text("译文已过时")
    editor.goto("/admin/reports/translations-to-update/")
    expect(editor.locator("main")).to_contain_text(title)
    assert any(title in str(m["Subject"]) for m in site.mails_to("editor@jindu.example"))


def approve_from_dashboard(reviewer, title):
    """The reviewer approves from the dashboard's list of what awaits them (a translation's
    own editor is wagtail-localize's, which has no review actions)."""
    reviewer.goto("/admin/")
    row = reviewer.locator("tr", has_text=title).filter(
        has=reviewer.locator("button[data-workflow-action-url]")
    )
    row.locator("button[aria-label='操作']").click()
    row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    expect(row).to_have_count(0)


def translate_next_segment(page, text):
    """Open the next untranslated segment in wagtail-localize's editor, type, save."""
    page.locator("button:visible:has-text('翻译')").first.click()
    page.locator("textarea").first.fill(text)
    # The editor closes the field before the server has saved it: wait for the save itself,
    # or the next person may open the translation without it.
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method != "GET"
    ) as saved:
        page.click("button:has-text('保存')")
    assert saved.value.ok, saved.value.status
    expect(page.locator("textarea")).to_have_count(0)
