"""Parts of the page whose inputs don't change the scenario rerun alone (``st.fragment``).

Measured on the wire: the server sends one websocket message per element it draws, so a rerun of
the whole page (a slider move) sends the sidebar's controls, the headline and the open tab, while a
fragment's rerun (the Monte Carlo seed, the goal-seek form) sends only that fragment. A button in a
fragment that loads a value into the controls still reruns the page: the sidebar shows the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, WebSocket, expect

from model.analysis import seekable_keys
from model.parameters import make_scenario
from report.text import t
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import wait_for_page, wait_idle, wait_settled


@pytest.fixture
def counted_page(new_context, app_url: str) -> tuple[Page, list[int]]:
    """The page on the analysis tab, with a list that grows by one per websocket message received."""
    page = new_context().new_page()
    received: list[int] = []

    def watch(ws: WebSocket) -> None:
        ws.on("framereceived", lambda payload: received.append(len(payload)))

    page.on("websocket", watch)
    page.goto(f"{app_url}/?lang=en")
    wait_for_page(page)
    page.get_by_role("tab", name=t("tab_analysis", "en"), exact=True).click()
    expect(page.locator(".st-key-mc_seed input")).to_be_visible()
    wait_idle(page)
    return page, received


def messages_for(page: Page, received: list[int], action: Callable[[], None]) -> int:
    """The messages the server sent for ``action``: from the action until its run (and any run it
    started) has finished and been drawn."""
    received.clear()
    action()
    wait_idle(page)
    return len(received)


def test_the_seed_reruns_its_fragment_not_the_controls(counted_page: tuple[Page, list[int]]) -> None:
    page, received = counted_page
    fan = page.locator(".vega-embed svg").first
    before = fan.inner_html()

    def new_seed() -> None:
        box = page.locator(".st-key-mc_seed input")
        box.fill("7")
        box.press("Enter")
        page.wait_for_function("before => document.querySelector('.vega-embed svg').innerHTML !== before", arg=before)

    def slider_step() -> None:
        headline = page.get_by_test_id("stMetricValue").first
        was = headline.inner_text()
        thumb = page.locator(".st-key-growth_start").get_by_role("slider")
        thumb.focus()
        page.keyboard.press("ArrowRight")
        expect(page).to_have_url(re.compile(r"[?&]growth_start=7\.6\b"))  # the default 7.5 plus one step of 0.1
        # The address bar changes in the browser before the slider asks for its run (after its debounce):
        # wait for what the run changes, the headline figure, before counting up to the end of the run.
        expect(headline).not_to_have_text(was)

    fragment = messages_for(page, received, new_seed)
    whole = messages_for(page, received, slider_step)
    assert fragment > 0
    # The sidebar alone has more than twenty controls; the fragment is the seed, the fan and a table.
    assert fragment * 3 < whole, (fragment, whole)


def test_goal_seek_reruns_its_fragment_and_applying_reruns_the_page(counted_page: tuple[Page, list[int]]) -> None:
    page, received = counted_page
    key = seekable_keys(levers_only=True)[0]
    headline_before = page.get_by_test_id("stMetricValue").all_inner_texts()

    def solve() -> None:
        page.get_by_test_id("stFormSubmitButton").get_by_role("button").click()
        expect(page.locator(".st-key-goal_apply button")).to_be_visible()

    def apply() -> None:
        page.locator(".st-key-goal_apply button").click()
        expect(page).to_have_url(re.compile(rf"[?&]{key}="))

    solved = messages_for(page, received, solve)
    applied = messages_for(page, received, apply)
    assert solved * 3 < applied, (solved, applied)
    # The value found is in the sidebar's control and in the headline figures.
    assert page.get_by_test_id("stMetricValue").all_inner_texts() != headline_before


def test_picking_scenarios_to_compare_reruns_the_comparison_only(
    counted_page: tuple[Page, list[int]], scenario_db_url: str
) -> None:
    page, received = counted_page
    with ScenarioLibrary(scenario_db_url) as library:
        library.save("fragment-compare-a", make_scenario({"fund_size": 60}), overwrite=True)
    page.reload()
    wait_for_page(page)
    page.get_by_role("tab", name=t("tab_library", "en"), exact=True).click()
    picker = page.locator(".st-key-compare_names")
    expect(picker).to_be_visible()
    wait_settled(page)

    def pick() -> None:
        picker.click()
        page.get_by_role("option", name="fragment-compare-a").click()
        page.keyboard.press("Escape")
        expect(page.get_by_text("fragment-compare-a").first).to_be_visible()

    def slider_step() -> None:
        thumb = page.locator(".st-key-growth_start").get_by_role("slider")
        thumb.focus()
        page.keyboard.press("ArrowLeft")
        expect(page).to_have_url(re.compile(r"[?&]growth_start="))  # moved from its default: in the link

    picked = messages_for(page, received, pick)
    whole = messages_for(page, received, slider_step)
    assert picked > 0 and picked * 2 < whole, (picked, whole)
