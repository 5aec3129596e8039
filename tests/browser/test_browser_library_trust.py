"""A full library in a real Chromium (issue 13, item 4): the "Save & compare" tab still opens quickly,
shows one page of names at a time, pages and filters, and refuses one more scenario naming the limit.

What is asserted, exactly:
- a library holding MAX_SCENARIOS (2,000) scenarios: the tab is drawn within TAB_SECONDS of the click,
  the picker offers the first PAGE_SIZE (20) names and the caption says "第 1/100 页";
- "next page" shows the next 20 names; the name filter narrows the list to the names containing it;
- saving one more scenario gets an error naming the 2,000-scenario limit, and the library still
  holds 2,000.

The test's own library (tests/browser/conftest.py) holds the 2,000 scenarios.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from model.parameters import make_scenario
from report.text import t
from store.library import MAX_PER_FILE, MAX_SCENARIOS, ScenarioLibrary
from tests.browser.streamlit_server import LIST_TIMEOUT_S, wait_idle, wait_settled
from ui.tabs.library import PAGE_SIZE

pytestmark = pytest.mark.browser

TAB_SECONDS = 15  # generous for a busy CI machine; the page reads one page of names, not 2,000 rows


@pytest.fixture
def full_library(scenario_db_url: str) -> str:
    """The test's library holding MAX_SCENARIOS scenarios named s0000 … s1999."""
    db_url = scenario_db_url
    with ScenarioLibrary(db_url) as lib:
        names = [f"s{i:04d}" for i in range(MAX_SCENARIOS)]
        for start in range(0, MAX_SCENARIOS, MAX_PER_FILE):
            lib.save_many(
                [
                    (n, make_scenario({"fund_size": 10.0 + i % 500}))
                    for i, n in enumerate(names[start : start + MAX_PER_FILE], start)
                ]
            )
        assert lib.count() == MAX_SCENARIOS
    return db_url


def pick_options(page: Page) -> list[str]:
    """The picker's choices (opened, read, closed; opened again if a rerun closed it meanwhile)."""
    listbox = page.get_by_role("listbox")
    for _attempt in range(3):
        wait_settled(page)
        page.locator(".st-key-pick").get_by_role("combobox").click()
        try:
            expect(listbox).to_be_visible(timeout=LIST_TIMEOUT_S * 1000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    names = listbox.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return names


def test_a_full_library_opens_quickly_and_pages(open_page, full_library: str) -> None:
    db_url = full_library
    page = open_page()

    started = time.monotonic()
    page.get_by_role("tab", name=t("tab_library", "zh"), exact=True).click()
    caption = page.get_by_text(t("lib_page", "zh", page=1, pages=MAX_SCENARIOS // PAGE_SIZE, n=MAX_SCENARIOS))
    expect(caption).to_be_visible(timeout=TAB_SECONDS * 1000)
    expect(page.locator(".st-key-pick").get_by_role("combobox")).to_be_visible(timeout=TAB_SECONDS * 1000)
    wait_idle(page)
    assert time.monotonic() - started < TAB_SECONDS
    assert pick_options(page) == [f"s{i:04d}" for i in range(PAGE_SIZE)]

    page.locator(".st-key-library_page_next").get_by_role("button").click()
    expect(page.get_by_text(t("lib_page", "zh", page=2, pages=100, n=MAX_SCENARIOS))).to_be_visible()
    wait_idle(page)
    assert pick_options(page) == [f"s{i:04d}" for i in range(PAGE_SIZE, 2 * PAGE_SIZE)]

    box = page.get_by_role("textbox", name=t("lib_filter", "zh"), exact=True)
    box.fill("s199")
    box.press("Enter")
    expect(page.get_by_text(t("lib_page", "zh", page=1, pages=1, n=10))).to_be_visible()
    wait_idle(page)
    assert pick_options(page) == [f"s{i:04d}" for i in range(1990, 2000)]

    save = page.get_by_role("textbox", name=t("save_name", "zh"), exact=True)
    save.fill("one too many")
    save.press("Enter")
    expect(page.get_by_test_id("stAlert").filter(has_text="2,000")).to_be_visible()
    with ScenarioLibrary(db_url) as lib:
        assert lib.count() == MAX_SCENARIOS and not lib.exists("one too many")
