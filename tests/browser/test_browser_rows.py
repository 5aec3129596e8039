"""The editable tables and the save box in Chromium, in both languages (issue 11, items 1 and 5).

What is asserted, exactly:
- on the "Results, projects and targets" tab, a row added to the project table or to the target
  table, by the button under it or by the editor's own empty last row, is drawn with blank cells
  (the project's "included" box ticked, its column's default): the editor is a canvas, so the test
  records every text the page draws on a canvas (``fillText``) and finds only the column labels and
  empty strings in the editor, and no "None", "nan", "<NA>" or the like on any canvas of the tab
  (the result table's 2023 growth is blank too);
- at 1280×720 the *Save & compare* tab shows the box for the scenario's name and the save button
  within the first screen, without scrolling; the scenario is saved from there, and the
  comparison below still shows every export button whole and every column of its table on the page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from model.lang import LANGS
from model.parameters import make_scenario
from report.text import t
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import CELL_EDITOR_OPEN, wait_for_page, wait_settled
from tests.browser.test_browser_state import assert_comparison_table_fits, open_tab, pick

pytestmark = pytest.mark.browser

HEADER_PX, ROW_PX = 35, 35  # the editor's header and row heights
# Every text a canvas draws, with the canvas it was drawn on (the editor and the tables are canvases).
RECORD_CANVAS_TEXT = """(() => {
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    window.__drawn = [];
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        window.__drawn.push({text: String(text), canvas: this.canvas});
        return fillText.call(this, text, ...rest);
    };
})()"""
DRAWN_IN = """sel => window.__drawn.filter(d => document.querySelector(sel).contains(d.canvas)).map(d => d.text)"""
PYTHON_BLANKS = {"None", "none", "nan", "NaN", "<NA>", "NaT", "null", "undefined"}


def not_scrolled(page: Page) -> bool:
    """Whether the page shows its first screen: neither the main area nor what holds it is scrolled."""
    return page.evaluate(
        """() => {
            for (let e = document.querySelector('[data-testid="stMain"]'); e; e = e.parentElement)
                if (e.scrollTop !== 0) return false;
            return window.scrollY === 0;
        }"""
    )


def drawn(page: Page, selector: str) -> list[str]:
    return page.evaluate(DRAWN_IN, selector)


def row_cells(grid: Locator, row: int) -> list[str]:
    """The cells of data row ``row`` (1-based) as the editor's accessible table gives them."""
    return grid.locator("table tr").nth(row).locator("td").all_inner_texts()


def headers(table: str, lang: str) -> set[str]:
    keys = {
        "pipeline": ("col_project", "col_investment", "col_output", "col_first_year", "col_included"),
        "targets": ("col_target", "col_metric_kind", "axis_year", "col_target_value", "col_from_year"),
    }[table]
    return {t(k, lang) for k in keys}


@pytest.mark.parametrize("lang", LANGS)
def test_an_added_row_is_blank_not_none(new_context, app_url: str, lang: str) -> None:
    context = new_context(1920, 1080, init_script=RECORD_CANVAS_TEXT)  # wide enough for both editors' columns
    page = context.new_page()
    page.goto(f"{app_url}/?lang={lang}")
    wait_for_page(page)
    open_tab(page, "tab_table", lang)
    for table, ticked in (("pipeline", ["true"]), ("targets", [])):
        add = page.locator(f".st-key-{table}_add_row").get_by_role("button", name=t(f"{table}_add_row", lang))
        expect(add).to_be_visible()
        page.evaluate("() => { window.__drawn = []; }")
        add.click()  # the editor starts afresh (round 1) with one empty row
        selector = f".st-key-{table}_editor_1"
        grid = page.locator(selector)
        expect(grid).to_be_visible()
        grid.scroll_into_view_if_needed()
        wait_settled(page)
        expect(grid.locator("table tr")).to_have_count(2)  # the header and the new row
        cells = row_cells(grid, 1)
        assert cells == [""] * (5 - len(ticked)) + ticked, cells
        texts = drawn(page, selector)
        assert headers(table, lang) <= set(texts), texts  # the editor was drawn, its labels and all
        assert set(texts) <= headers(table, lang) | {""}, texts  # and its cells drawn blank

        # the editor's own empty last row: clicking it adds a row and opens its first cell
        box = grid.get_by_test_id("stDataFrameResizable").bounding_box()
        assert box is not None
        page.evaluate("() => { window.__drawn = []; }")
        page.mouse.click(box["x"] + 60, box["y"] + HEADER_PX + ROW_PX + ROW_PX / 2)
        page.wait_for_function(CELL_EDITOR_OPEN)
        page.keyboard.press("Escape")
        wait_settled(page)
        expect(grid.locator("table tr")).to_have_count(3)
        assert row_cells(grid, 2) == cells
        texts = drawn(page, selector)
        assert texts and set(texts) <= headers(table, lang) | {""}, texts
    # nothing on the tab's canvases (the result table, the named projects, the targets) reads as Python
    everything = page.evaluate("() => window.__drawn.map(d => d.text)")
    page.evaluate("() => { window.__drawn = []; }")
    open_tab(page, "tab_scenario", lang)
    open_tab(page, "tab_table", lang)  # drawn afresh: the result table with its blank 2023 growth
    page.get_by_test_id("stDataFrame").first.scroll_into_view_if_needed()
    wait_settled(page)
    everything += page.evaluate("() => window.__drawn.map(d => d.text)")
    assert {"2023", t("col_observed", lang)} <= set(everything)  # the result table was drawn
    assert not PYTHON_BLANKS & {text.strip() for text in everything}


CUT = """el => [...el.querySelectorAll('p, span')].some(x => x.scrollWidth > x.clientWidth + 1)"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_save_box_is_on_the_first_screen_at_1280(
    new_context, app_url: str, scenario_db_url: str, lang: str
) -> None:
    other = f"rows-other-{lang}"
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(other, make_scenario({"growth_end": 5.0}))
    context = new_context(1280, 720, init_script=RECORD_CANVAS_TEXT)
    page = context.new_page()
    page.goto(f"{app_url}/?lang={lang}&model=3&fund_size=80")  # a link of model 3: no notice
    wait_for_page(page)
    open_tab(page, "tab_library", lang)
    name_box = page.get_by_role("textbox", name=t("save_name", lang), exact=True)
    save = page.locator(".st-key-save_row").get_by_role("button", name=re.compile(re.escape(t("save_button", lang))))
    expect(name_box).to_be_visible()
    expect(save).to_be_enabled()
    assert not_scrolled(page)
    for element in (name_box, save):
        box = element.bounding_box()
        assert box is not None
        assert box["y"] >= 0 and box["y"] + box["height"] <= 720, (element, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, (element, box)
    title = page.get_by_text(t("compare_title", lang), exact=True)
    assert name_box.bounding_box()["y"] < title.bounding_box()["y"]  # above the comparison

    # saved from where it is, with no scrolling: a click in the box, the name, a click on the button
    name = f"从首屏保存·{lang}"
    box = name_box.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.insert_text(name)
    box = save.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_test_id("stAlert").filter(has_text=t("saved", lang, name=name))).to_be_visible()
    with ScenarioLibrary(scenario_db_url) as library:
        saved = library.get(name)
    assert saved is not None and saved.scenario == make_scenario({"fund_size": 80})

    # the comparison below still fits: every export button whole, every column on the page
    for chosen in (name, other):
        pick(page, "compare_names", chosen)
    page.keyboard.press("Escape")
    row = page.locator(".st-key-compare_exports")
    row.scroll_into_view_if_needed()
    buttons = row.get_by_role("button")
    expect(buttons).to_have_count(5)
    for n in range(5):
        button = buttons.nth(n)
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 1280, button.inner_text()
        assert not button.evaluate(CUT), f"cut: {button.inner_text()}"
    assert_comparison_table_fits(page, lang, [name, other])
