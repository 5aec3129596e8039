"""The session's state in a real Chromium, in both languages (issue 11, items 2, 3, 7, 8 and 14).

What is asserted, exactly:
- a preset keeps the project a loaded scenario added, and the undo box (its sentence in the page's
  language) puts the settings back; a library delete is undone from the library tab; the reset
  button keeps the added project and is undone; with the "keep added" switch off a preset replaces
  the added project, and undo brings back both the project and the settings;
- the compare selection and the open tab survive a change of tab and of language;
- at 1280×720 the compare panel's every button shows its whole label and every column of its table,
  the difference from the defaults last, lies within the page;
- presentation mode at 1920×1080: the chart fills the screen below the figures, its legend whole
  and on screen, the step buttons show one arrow each, the changed settings and what the changes
  are measured against are on the screen; at 1280×720 no unit in a figure's label or in the list of
  changed settings breaks across lines; the presenter's notes typed on one screen are its own (the
  next screen's box is empty) and come back with it; the chart's legend names the baseline, each
  series in a colour of its own;
- a link value between two steps of its control is rounded, and the address bar then holds the
  rounded value, and an ignored value is gone from it (a reload gives the same page, with no notice);
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from model.lang import LANGS
from model.parameters import make_scenario, parse_project
from report.text import t
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import LIST_TIMEOUT_S, RUN_TIMEOUT_S, slider, wait_for_page, wait_idle, wait_settled
from ui.controls import KEEP_ADDED

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]


@pytest.mark.parametrize("lang", LANGS)
def test_rounded_link_value_is_written_to_the_address_bar(open_page: OpenPage, lang: str) -> None:
    page = open_page(f"lang={lang}&growth_start=10.53&fund_size=80&growth_end=abc")
    expect(page.get_by_test_id("stAlert").filter(has_text=t("url_rounded", lang))).to_have_count(1)
    expect(slider(page, "growth_start")).to_have_value("10.5")
    expect(page).to_have_url(re.compile(r"[?&]growth_start=10\.5(&|$)"))
    assert "fund_size=80" in page.url and f"lang={lang}" in page.url
    assert "growth_end" not in page.url  # ignored: the control keeps its default, the address says so
    page.reload()  # the address as shown gives the same page, with nothing left to round
    expect(slider(page, "growth_start")).to_have_value("10.5")
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text=t("url_rounded", lang))).to_have_count(0)


def open_tab(page: Page, key: str, lang: str) -> None:
    page.get_by_role("tab", name=t(key, lang), exact=True).click()
    expect(page.get_by_role("tab", name=t(key, lang), exact=True)).to_have_attribute("aria-selected", "true")
    wait_settled(page)


def pick(page: Page, key: str, name: str) -> None:
    """Choose ``name`` in the select box or multiselect keyed ``key`` (each test's library is its own,
    so the picker's page of 20 names holds every scenario the test saved)."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    if key != "compare_names" and box.input_value() == name:
        return  # already chosen
    for attempt in range(3):  # an open list closes if the page moves under it while drawing
        box.scroll_into_view_if_needed()
        wait_settled(page)
        box.click()
        page.keyboard.insert_text(name)  # the list draws the options in view only: filter it to this one
        try:
            page.get_by_role("option", name=name, exact=True).click(timeout=LIST_TIMEOUT_S * 1000)
            wait_idle(page)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def assert_comparison_table_fits(page: Page, lang: str, names: list[str]) -> None:
    """The comparison's table shows every column, the last one the difference from the defaults, inside
    the main area with nothing scrolled out of sight, and every compared scenario."""
    table = page.get_by_test_id("stTable")
    headers = table.locator("th")
    expect(headers.last).to_have_text(t("cmp_va_diff_vs_defaults", lang))
    main = page.get_by_test_id("stMain").bounding_box()
    for n in range(headers.count()):
        box = headers.nth(n).bounding_box()
        assert box is not None and box["x"] + box["width"] <= main["x"] + main["width"], headers.nth(n).inner_text()
    assert table.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    for name in names:
        expect(table).to_contain_text(name)


def sidebar_text(page: Page) -> str:
    return page.get_by_test_id("stSidebar").inner_text()


def click_preset(page: Page, n: int, lang: str) -> None:
    preset = page.locator(f".st-key-preset_{n}").get_by_role("button")
    if not preset.is_visible():
        page.get_by_test_id("stSidebar").get_by_text(t("presets", lang), exact=True).click()
    preset.click()
    wait_settled(page)


@pytest.mark.parametrize("lang", LANGS)
def test_preset_keeps_added_projects_and_undo_restores(open_page: OpenPage, scenario_db_url: str, lang: str) -> None:
    name = f"with-project-{lang}"
    project = parse_project({"name": "新材料产业园", "investment": 40, "full_output": 60, "first_year": 2027})
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(name, make_scenario({"fund_size": 80}).with_projects((project,)))
    page = open_page(f"lang={lang}")
    open_tab(page, "tab_library", lang)
    pick(page, "pick", name)
    page.locator(".st-key-load_saved").get_by_role("button").click()
    expect(slider(page, "fund_size")).to_have_value("80")
    added = t("pipeline_count", lang, n=1)
    expect(page.get_by_test_id("stSidebar")).to_contain_text(added)

    click_preset(page, 1, lang)
    expect(slider(page, "fund_paid_in")).to_have_value("1")
    expect(page.get_by_test_id("stSidebar")).to_contain_text(added)  # the project is kept
    box = page.locator(".st-key-undo_box")
    expect(box).to_contain_text(t("undo_rows", lang, projects=1, targets=0))
    assert t("undo_preset", lang, name="x", rows="").split("x")[0] in box.inner_text()
    box.get_by_role("button", name=t("undo", lang)).click()
    wait_settled(page)
    expect(slider(page, "fund_paid_in")).to_have_value("0.4")
    expect(slider(page, "fund_size")).to_have_value("80")
    expect(page.get_by_test_id("stSidebar")).to_contain_text(added)
    expect(box).to_have_count(0)  # undone once: nothing more to undo

    pick(page, "pick", name)  # the load's undo was used up: delete, then undo from the library tab
    page.get_by_test_id("stPopover").get_by_role("button", name=re.compile(re.escape(t("delete", lang)) + "$")).click()
    page.locator(".st-key-confirm_delete").get_by_role("button").click()
    undo_box = page.locator(".st-key-undo_library_box")
    expect(undo_box).to_contain_text(t("undo_delete", lang, name=name))
    undo_box.get_by_role("button", name=t("undo", lang)).click()
    expect(page.get_by_test_id("stAlert").filter(has_text=t("undo_deleted_back", lang, name=name))).to_be_visible()
    with ScenarioLibrary(scenario_db_url) as library:
        assert name in library.names()


@pytest.mark.parametrize("lang", LANGS)
def test_reset_keeps_added_projects_the_switch_off_replaces_them_and_undo_restores(
    open_page: OpenPage, scenario_db_url: str, lang: str
) -> None:
    name = f"reset-with-project-{lang}"
    project = parse_project({"name": "新材料产业园", "investment": 40, "full_output": 60, "first_year": 2027})
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(name, make_scenario({"fund_size": 80}).with_projects((project,)), overwrite=True)
    page = open_page(f"lang={lang}")
    open_tab(page, "tab_library", lang)
    pick(page, "pick", name)
    page.locator(".st-key-load_saved").get_by_role("button").click()
    expect(slider(page, "fund_size")).to_have_value("80")
    sidebar = page.get_by_test_id("stSidebar")
    added = t("pipeline_count", lang, n=1)
    expect(sidebar).to_contain_text(added)
    box = page.locator(".st-key-undo_box")

    # the reset button: the settings go back to the baseline, the added project stays, undo restores
    page.locator(".st-key-reset").get_by_role("button").click()
    wait_settled(page)
    expect(slider(page, "fund_size")).to_have_value("35")
    expect(sidebar).to_contain_text(added)
    expect(box).to_contain_text(t("undo_reset", lang, rows=t("undo_rows", lang, projects=1, targets=0)))
    box.get_by_role("button", name=t("undo", lang)).click()
    wait_settled(page)
    expect(slider(page, "fund_size")).to_have_value("80")
    expect(sidebar).to_contain_text(added)
    expect(box).to_have_count(0)

    # the switch off: a preset replaces the added project, and undo brings it back with the settings
    switch = page.locator(f".st-key-{KEEP_ADDED}")
    expect(switch).to_contain_text(t("keep_added", lang))
    expect(switch.locator("input")).to_be_checked()
    switch.locator("label").first.click()
    expect(switch.locator("input")).not_to_be_checked()
    wait_settled(page)
    click_preset(page, 1, lang)
    expect(slider(page, "fund_paid_in")).to_have_value("1")
    expect(sidebar).not_to_contain_text(added)
    expect(box).to_contain_text(t("undo_rows", lang, projects=1, targets=0))
    box.get_by_role("button", name=t("undo", lang)).click()
    wait_settled(page)
    expect(slider(page, "fund_paid_in")).to_have_value("0.4")
    expect(slider(page, "fund_size")).to_have_value("80")
    expect(sidebar).to_contain_text(added)
    expect(box).to_have_count(0)


@pytest.mark.parametrize(("first", "then"), [("zh", "en"), ("en", "zh")])
def test_compare_and_tab_survive_tab_and_language_change(
    open_page: OpenPage, scenario_db_url: str, first: str, then: str
) -> None:
    names = [f"cmp-{first}-A", f"cmp-{first}-B"]
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(names[0], make_scenario({"growth_end": 5.0}))
        library.save(names[1], make_scenario({"fund_size": 200}))
    page = open_page(f"lang={first}")
    open_tab(page, "tab_library", first)
    for name in names:
        pick(page, "compare_names", name)
    page.keyboard.press("Escape")
    chosen = page.locator(".st-key-compare_names")
    for name in names:
        expect(chosen).to_contain_text(name)
    open_tab(page, "tab_table", first)
    open_tab(page, "tab_library", first)
    for name in names:
        expect(chosen).to_contain_text(name)
    page.locator(".st-key-lang").get_by_role("radio", name={"zh": "中文", "en": "English"}[then]).click()
    tab = page.get_by_role("tab", name=t("tab_library", then), exact=True)
    expect(tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text(t("compare_title", then), exact=True)).to_be_visible()
    for name in names:
        expect(chosen).to_contain_text(name)
    expect(page.locator(".vega-embed svg").first).to_contain_text(names[1])


CUT = """el => [...el.querySelectorAll('p, span')].some(x => x.scrollWidth > x.clientWidth + 1)"""


@pytest.mark.parametrize("lang", LANGS)
def test_compare_panel_is_readable_at_1280(new_context, app_url: str, scenario_db_url: str, lang: str) -> None:
    names = [f"较长的情景名称·{lang}·基金加速投放", f"较长的情景名称·{lang}·增速放缓"]
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(names[0], make_scenario({"fund_size": 100}))
        library.save(names[1], make_scenario({"growth_end": 5.0}))
    context = new_context(1280, 720)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?lang={lang}")
        wait_for_page(page)
        open_tab(page, "tab_library", lang)
        for name in names:
            pick(page, "compare_names", name)
        page.keyboard.press("Escape")
        row = page.locator(".st-key-compare_exports")
        row.scroll_into_view_if_needed()
        buttons = row.get_by_role("button")
        expect(buttons).to_have_count(5)  # JSON, CSV, Excel, the deck, chart images
        width = page.evaluate("window.innerWidth")
        for n in range(5):
            button = buttons.nth(n)
            box = button.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, button.inner_text()
            assert not button.evaluate(CUT), f"cut: {button.inner_text()}"
        labels = " ".join(buttons.all_inner_texts())
        for key in ("export_json", "export_csv", "export_xlsx", "deck", "images"):
            assert t(key, lang) in labels
        assert_comparison_table_fits(page, lang, names)
    finally:
        context.close()


UNIT_LINES = """el => {
    const text = el.textContent;
    const at = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
    if (at < 0) return 0;
    const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let offset = 0, n;
    while ((n = node.nextNode())) {
        if (offset + n.length > at) {
            const range = document.createRange();
            range.setStart(n, at - offset);
            range.setEnd(n, n.length);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
        }
        offset += n.length;
    }
    return 0;
}"""


def open_presentation(new_context, app_url: str, lang: str, width: int, height: int):
    context = new_context(width, height)
    page = context.new_page()
    page.goto(f"{app_url}/?lang={lang}&mode=present")
    page.wait_for_function(
        # the screen's first element and its last (the notes link, below the list of scenarios)
        """() => document.querySelectorAll('[data-testid="stMetricValue"]').length >= 4
              && document.querySelector('.st-key-present_chart .vega-embed svg')
              && document.querySelector('[data-testid="stMain"] [data-testid="stLinkButton"]')""",
        timeout=RUN_TIMEOUT_S * 1000,
    )
    wait_idle(page)
    return context, page


@pytest.mark.parametrize("lang", LANGS)
def test_presentation_explains_itself_at_1920(new_context, app_url: str, scenario_db_url: str, lang: str) -> None:
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(f"演示-{lang}", make_scenario({"fund_size": 100}))
    context, page = open_presentation(new_context, app_url, lang, 1920, 1080)
    try:
        for key, arrow in (("present_prev", "←"), ("present_next", "→")):
            # what shows: the page hides the shortcut's own "←" with a style it sends in the run
            expect(page.locator(f".st-key-{key}").get_by_role("button")).to_have_text(arrow, use_inner_text=True)
        shown = page.get_by_test_id("stMain").inner_text().replace("\u2060", "").replace("\u00a0", " ")
        for key in ("present_deltas", "present_changes_title", "present_notes_open", "present_choose"):
            assert t(key, lang) in shown, key
        svg = page.locator(".st-key-present_chart .vega-embed svg").first
        box = svg.bounding_box()
        assert box is not None
        assert box["height"] >= 0.5 * 1080, box  # the chart takes the screen's height left
        assert box["y"] + box["height"] <= 1080 + 1, box  # and ends on screen
        texts = svg.locator("text").evaluate_all("els => els.map(e => e.textContent)")
        assert not any("…" in x for x in texts), texts  # no label cut short
        legend = svg.locator(".role-legend text")
        assert legend.count() >= 2
        for n in range(legend.count()):
            label = legend.nth(n).bounding_box()
            assert label is not None and label["x"] + label["width"] <= box["x"] + box["width"] + 1
            assert label["y"] + label["height"] <= 1080
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_presentation_units_stay_on_one_line_at_1280(
    new_context, app_url: str, scenario_db_url: str, lang: str
) -> None:
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(f"0000-1280-{lang}", make_scenario({"fund_size": 100, "fund_paid_in": 1.0}))
    context, page = open_presentation(new_context, app_url, lang, 1280, 720)
    try:
        labels = page.get_by_test_id("stMetricLabel").locator("p")
        expect(labels).to_have_count(4)
        for n in range(4):
            assert labels.nth(n).evaluate(UNIT_LINES) == 1, labels.nth(n).inner_text()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"0000-1280-{lang}")
        items = page.locator("li")
        assert items.count() == 2  # fund_size and fund_paid_in
        for n in range(items.count()):
            assert items.nth(n).evaluate(UNIT_LINES) <= 1, items.nth(n).inner_text()
    finally:
        context.close()


LEGEND_COLOURS = """svg => [...svg.querySelectorAll('.role-legend-symbol path')]
    .map(p => p.getAttribute('stroke') !== 'transparent' && p.getAttribute('stroke') || p.getAttribute('fill'))"""


@pytest.mark.parametrize("lang", LANGS)
def test_presenter_notes_are_kept_for_each_screen_and_the_baseline_is_drawn(
    new_context, app_url: str, scenario_db_url: str, lang: str
) -> None:
    with ScenarioLibrary(scenario_db_url) as library:
        for name in (f"0000-notes-{lang}-A", f"0000-notes-{lang}-B"):
            library.save(name, make_scenario({"fund_size": 100}), overwrite=True)
    context, page = open_presentation(new_context, app_url, lang, 1920, 1080)
    try:
        # the chart draws the baseline the deltas are measured against, named, in a colour of its own
        svg = page.locator(".st-key-present_chart .vega-embed svg").first
        # the lines' legend (beside it, the published years' band and the years' status marks)
        lines_legend = svg.locator('.role-legend[aria-label*="stroke color"]')
        expect(lines_legend).to_contain_text(t("series_baseline", lang))
        colours = lines_legend.evaluate(LEGEND_COLOURS)
        assert len(colours) >= 2 and len(set(colours)) == len(colours), colours
        title = page.locator("h1")
        first = title.inner_text()
        # the notes are in a window of their own (the presenter's screen), opened from the link
        link = page.get_by_role("link", name=re.compile(re.escape(t("present_notes_open", lang))))
        notes = context.new_page()
        notes.goto(f"{app_url}/{link.get_attribute('href')}")
        box = notes.get_by_label(t("present_notes_label", lang))
        expect(box).to_have_value("")
        note = {"zh": "此处强调基金实缴进度。", "en": "Stress how fast the funds are paid in."}[lang]
        box.fill(note)
        box.press("Control+Enter")
        wait_settled(notes)
        page.locator(".st-key-present_next").get_by_role("button").first.click()
        expect(title).not_to_have_text(first)
        expect(box).to_have_value("", timeout=15_000)  # the notes window follows: the next screen's notes
        page.locator(".st-key-present_prev").get_by_role("button").first.click()
        expect(title).to_have_text(first)
        expect(box).to_have_value(note, timeout=15_000)
    finally:
        context.close()
