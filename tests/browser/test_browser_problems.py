"""Problems in Chromium (issue 10 item 2, issue 11 item 11): the project table never changes what is
typed. Streamlit's editor clamps a number column with ``max_value`` to it without a word (measured on
Streamlit 1.67: 2040 typed under ``max_value=2035`` arrives as 2035); the page's columns set no limit,
so 2040 reaches the model, which names it (row, column label, value, allowed range) in the page's
language and leaves the row out until fixed; an amount above the largest allowed (20000 typed under
10000) is named the same way. Both pages; the "add a project" button is labelled in the page's language, and each
expected message is the model's own problem phrased by report.problems.say, not a copy of it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from model.lang import LANGS
from model.parameters import ScenarioError, default_scenario, parse_project
from model.problems import located
from model.projection import headline, project
from report.problems import say
from report.text import t
from tests.browser.streamlit_server import CELL_EDITOR_OPEN, GRID_FOCUSED, wait_idle

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
HEADER_PX, ROW_PX = 35, 35  # the editor's header and row heights


def row_problems(doc: dict, lang: str) -> list[str]:
    """What the page says of a first row holding ``doc``: the model's problems, located at row 1 and
    phrased in ``lang`` as every message is (report.problems.say)."""
    with pytest.raises(ScenarioError) as error:
        parse_project(doc)
    return [say(p, lang) for p in located(error.value.problems, "row", 1)]


@pytest.mark.parametrize("lang", LANGS)
def test_out_of_range_values_typed_in_the_project_table_are_named_not_clamped(open_page: OpenPage, lang: str) -> None:
    page = open_page(f"lang={lang}")
    page.get_by_role("tab", name=t("tab_table", lang), exact=True).click()
    add = page.locator(".st-key-pipeline_add_row").get_by_role("button", name=t("pipeline_add_row", lang), exact=True)
    expect(add).to_be_visible()
    add.click()
    # the button starts the editor afresh (its key's round goes from 0 to 1), with one empty row
    grid = page.locator(".st-key-pipeline_editor_1 [data-testid='stDataFrameResizable']")
    expect(grid).to_be_visible()
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None

    def type_in(column: int, text: str) -> None:
        """Select the first row's cell ``column`` (0: the name) from the keyboard, open it, type, commit."""
        wait_idle(page)  # the last commit's run has been drawn
        page.mouse.click(box["x"] + 60, box["y"] + HEADER_PX + ROW_PX / 2)
        page.wait_for_function(GRID_FOCUSED, arg=".st-key-pipeline_editor_1")  # the keys go to the grid
        for _ in range(column):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        page.wait_for_function(CELL_EDITOR_OPEN)
        page.keyboard.insert_text(text)
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => !({CELL_EDITOR_OPEN})()")

    warning = page.get_by_test_id("stAlert").filter(has_text=t("rows_problems", lang))
    # each cell committed reruns the page; the message says what is still wrong, in the page's language
    name = {"zh": "新材料工厂", "en": "New materials plant"}[lang]
    type_in(0, name)
    expect(warning).to_contain_text(row_problems({"name": name}, lang)[0])  # the amount is missing
    type_in(1, "20000")  # above the largest amount allowed
    too_much = row_problems({"name": name, "investment": 20000, "full_output": 60, "first_year": 2030}, lang)
    assert len(too_much) == 1
    expect(warning).to_contain_text(too_much[0])
    assert "20000" in too_much[0].replace(",", "")  # the value as typed is named, not a clamped one
    type_in(1, "40")
    expect(warning).not_to_contain_text(too_much[0])
    type_in(2, "60")
    type_in(3, "2040")
    late = row_problems({"name": name, "investment": 40, "full_output": 60, "first_year": 2040}, lang)
    assert len(late) == 1 and "2040" in late[0]
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text(late[0])
    expect(warning).not_to_contain_text("first_year")
    # the row is left out: the headline is the defaults' (the tab keeps the headline above it)
    expected = "{:,.1f}".format(headline(project(default_scenario()))["va_total"])
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(expected)
