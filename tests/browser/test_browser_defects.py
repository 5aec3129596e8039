"""Issue 19's page defects, measured in a real Chromium at 1280×720 and 1920×1080 in both languages.

What is asserted, exactly:
- nothing cut (the scenario tab): every button of the main area shows its whole label (no element
  inside it is wider than its box: ``scrollWidth <= clientWidth``) and lies inside the window; the tab
  strip is not scrolled (``scrollWidth <= clientWidth``) and every tab ends inside it; every chart's
  title ends inside its chart, with the sidebar open and closed;
- the comparison table's headers wrap between words only: a header's lines break at a space or
  before a bracket, never between two characters of one word (「终止年/份」);
- presentation mode with an added project, a target and a long name: no error, the title inside the
  window, no ⓘ, no language switch and no notes box on the projected screen; the notes in their own
  window (the link the screen offers), which steps the projected screen, keeps each screen's notes
  and switches both windows' language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from model.lang import LANGS
from model.parameters import PipelineProject, Target, make_scenario
from report.text import TEXT, t
from store.library import ScenarioLibrary
from tests.browser.conftest import PageErrors
from tests.browser.streamlit_server import wait_for_page, wait_settled
from tests.browser.test_browser_state import open_tab, pick

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
VIEWPORTS = ((1280, 720), (1920, 1080))
CASES = [pytest.param(v, lang, id=f"{v[0]}x{v[1]}-{lang}") for v in VIEWPORTS for lang in LANGS]

# Elements inside each visible button of the main area whose text is wider than their box.
CUT_BUTTONS = """() => [...document.querySelectorAll('[data-testid="stMain"] button')]
    .filter(b => b.offsetParent && b.innerText.trim())
    .map(b => { const r = b.getBoundingClientRect();
        const cut = [b, ...b.querySelectorAll('*')].filter(x => x.scrollWidth > x.clientWidth + 1);
        return {text: b.innerText.replace(/\\s+/g, ' ').trim(), right: r.right, cut: cut.length}; })"""
TABS = """() => { const l = document.querySelector('[data-testid="stMain"] [role=tablist]');
    const r = l.getBoundingClientRect();
    return {scroll: l.scrollWidth, client: l.clientWidth, right: r.right,
            tabs: [...l.querySelectorAll('[role=tab]')].map(x => [x.innerText, x.getBoundingClientRect().right])}; }"""
# Each chart's title: its text, how far its right end is from the chart's left edge, the chart's width.
TITLES = """() => [...document.querySelectorAll('.vega-embed svg')].map(s => {
    const title = s.querySelector('.role-title-text'), box = s.getBoundingClientRect();
    return title && [title.textContent, title.getBoundingClientRect().right - box.left, box.width]; })
    .filter(x => x)"""
# Each table header's text and, where it runs onto a new line, the characters either side of the break.
HEADER_BREAKS = """() => [...document.querySelectorAll('[data-testid="stTable"] th')].map(th => {
    const range = document.createRange(), walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    const breaks = []; let node, top = null, before = '';
    while ((node = walker.nextNode())) for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0]; if (!rect) continue;
        if (top !== null && rect.top > top + 2) breaks.push(before + node.data[i]);
        top = rect.top; before = node.data[i]; }
    return [th.textContent, breaks]; })"""
CHARTS_AT_WIDTH = """() => [...document.querySelectorAll('.vega-embed')].every(e => {
    const s = e.querySelector('svg');
    return s && Math.abs(s.getBoundingClientRect().width - e.getBoundingClientRect().width) < 2; })"""


def assert_titles_inside(page: Page, where: str) -> None:
    page.wait_for_function(CHARTS_AT_WIDTH, timeout=30_000)  # Vega drew each chart at its new width
    titles = page.evaluate(TITLES)
    assert len(titles) >= 4, titles
    for text, right, width in titles:
        assert right <= width + 1, f"{where}: the title “{text}” ends at {right:.0f} px of a {width:.0f} px chart"


@pytest.mark.parametrize(("viewport", "lang"), CASES)
def test_nothing_is_cut_on_the_scenario_tab(browser: Browser, app_url: str, viewport, lang: str) -> None:
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        errors = PageErrors(page)
        page.goto(f"{app_url}/?lang={lang}")
        wait_for_page(page)
        wait_settled(page)
        buttons = page.evaluate(CUT_BUTTONS)
        labels = " | ".join(b["text"] for b in buttons)
        for key in ("download_csv", "download_dict", "deck"):
            assert t(key, lang) in labels, labels  # the whole label
        for b in buttons:
            assert b["cut"] == 0 and b["right"] <= width, f"{width}×{height} {lang}: {b}"
        tabs = page.evaluate(TABS)
        assert tabs["scroll"] <= tabs["client"] + 1, tabs  # no tab scrolled out of the strip
        assert [name for name, _ in tabs["tabs"]] == [t(k, lang) for k in TAB_KEYS]
        assert all(right <= tabs["right"] + 1 for _, right in tabs["tabs"]), tabs
        assert_titles_inside(page, f"{width}×{height} {lang}, sidebar open")
        page.get_by_test_id("stSidebar").hover()
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
        expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
        assert_titles_inside(page, f"{width}×{height} {lang}, sidebar closed")
        for b in page.evaluate(CUT_BUTTONS):
            assert b["cut"] == 0 and b["right"] <= width, f"{width}×{height} {lang}, sidebar closed: {b}"
        assert errors.messages == []
    finally:
        context.close()


TAB_KEYS = ("tab_scenario", "tab_table", "tab_analysis", "tab_history", "tab_library", "tab_sources")


@pytest.fixture
def compared(scenario_db_url: str) -> Iterator[list[str]]:
    names = ["缺陷检查·基金加速", "缺陷检查·增速放缓"]
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(names[0], make_scenario({"fund_size": 100}), overwrite=True)
        library.save(names[1], make_scenario({"growth_end": 5.0}), overwrite=True)
    yield names
    with ScenarioLibrary(scenario_db_url) as library:
        for name in names:
            library.delete(name)


@pytest.mark.parametrize(("viewport", "lang"), CASES)
def test_comparison_headers_break_between_words_only(
    browser: Browser, app_url: str, compared: list[str], viewport, lang: str
) -> None:
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?lang={lang}")
        wait_for_page(page)
        open_tab(page, "tab_library", lang)
        for name in compared:
            pick(page, "compare_names", name)
            wait_settled(page)
        page.keyboard.press("Escape")
        expect(page.get_by_test_id("stTable").locator("th").last).to_have_text(t("cmp_va_diff_vs_defaults", lang))
        wait_settled(page)
        headers = page.evaluate(HEADER_BREAKS)
        assert [h for h, _ in headers][1] == t("cmp_final_year", lang)
        for header, breaks in headers:
            for pair in breaks:  # the last character of a line and the first of the next
                assert pair[0] == " " or pair[1] in "（(", f"{width}×{height}: “{header}” breaks at {pair[0]}/{pair[1]}"
    finally:
        context.close()


# --- presentation mode and the presenter's notes --------------------------------------------------

LONG = "缺陷检查：高端装备与集成电路产业链协同发展情景（含新增项目、自定目标及基金加速实缴投放）"


@pytest.fixture
def rich_scenario(scenario_db_url: str) -> Iterator[str]:
    """A saved scenario with an added project, a target of the user's and a long name."""
    scenario = (
        make_scenario({"fund_size": 90})
        .with_projects((PipelineProject("新建晶圆封测基地", 60.0, 80.0, 2027),))
        .with_targets((Target("自定目标：2027年规上工业增加值", "level", 2027, 2600.0),))
    )
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(LONG, scenario, overwrite=True)
    yield LONG
    with ScenarioLibrary(scenario_db_url) as library:
        library.delete(LONG)


def wait_for_screen(page: Page) -> None:
    page.wait_for_function(
        """() => document.querySelectorAll('[data-testid="stMetricValue"]').length === 4
              && document.querySelectorAll('.vega-embed svg').length === 1
              && !document.querySelector('[data-stale="true"]')""",
        timeout=60_000,
    )


@pytest.mark.parametrize(("viewport", "lang"), CASES)
def test_presentation_screen_and_the_notes_window(
    browser: Browser, app_url: str, rich_scenario: str, viewport, lang: str
) -> None:
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        screen = context.new_page()
        errors = PageErrors(screen)
        screen.goto(f"{app_url}/?lang={lang}")
        wait_for_page(screen)
        open_tab(screen, "tab_library", lang)
        pick(screen, "compare_names", rich_scenario)  # the comparison is what the presentation starts with
        wait_settled(screen)
        screen.keyboard.press("Escape")
        screen.get_by_test_id("stSidebar").locator(".st-key-present_start button").click()
        wait_for_screen(screen)
        expect(screen.locator("h1")).to_have_text(rich_scenario)
        box = screen.locator("h1").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] >= 0, box
        expect(screen.get_by_text(TEXT["present_added"][lang].format(names="新建晶圆封测基地"))).to_be_visible()
        chart = screen.locator(".vega-embed").bounding_box()  # the chart and its legend on the screen
        assert chart and chart["y"] + chart["height"] <= height and chart["x"] + chart["width"] <= width, chart
        # the projected screen: no ⓘ (the labels' help icons), no language switch, no notes box
        expect(screen.get_by_test_id("stMetricLabel").first).to_be_visible()
        icons = screen.locator('[data-testid="stTooltipIcon"] svg.icon')
        assert not [n for n in range(icons.count()) if icons.nth(n).is_visible()]
        expect(screen.locator(".st-key-lang")).to_have_count(0)
        expect(screen.get_by_text("语言 / Language")).to_have_count(0)
        expect(screen.locator("textarea")).to_have_count(0)
        room = re.search(r"[?&]room=([\w-]+)", screen.url)
        assert room, screen.url
        link = screen.get_by_role("link", name=re.compile(re.escape(t("present_notes_open", lang))))
        assert link.get_attribute("href") == f"?mode=notes&room={room.group(1)}&lang={lang}"

        notes = context.new_page()  # the presenter's own window
        notes_errors = PageErrors(notes)
        notes.goto(f"{app_url}/{link.get_attribute('href')}")
        heading = notes.get_by_role("heading", level=3)
        expect(heading).to_contain_text(rich_scenario)
        notes.locator("textarea").fill("先讲基金到位情况")
        notes.locator("textarea").blur()
        wait_settled(notes)
        count = screen.get_by_text(re.compile(r"^\d+ / \d+$"))
        total = int(count.inner_text().split("/")[1])
        notes.locator(".st-key-present_next button:visible").click()  # the notes window steps the screen
        if total > 1:
            expect(screen.locator("h1")).not_to_have_text(rich_scenario, timeout=15_000)
        notes.locator(".st-key-present_prev button:visible").click()
        expect(screen.locator("h1")).to_have_text(rich_scenario, timeout=15_000)
        expect(notes.locator("textarea")).to_have_value("先讲基金到位情况")
        other = "en" if lang == "zh" else "zh"
        notes.get_by_role("radio", name={"zh": "中文", "en": "English"}[other]).click()
        expect(screen.get_by_text(t("present_exit", other), exact=True)).to_be_visible(timeout=15_000)
        wait_for_screen(screen)
        assert errors.messages == [] and notes_errors.messages == []
        for page in (screen, notes):
            expect(page.get_by_test_id("stException")).to_have_count(0)
    finally:
        context.close()
