"""In Chromium: a rise is red on the Chinese page and green on the English one; the sidebar setting
switches it and the link keeps the choice (issue 11, item 12)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from report.text import TEXT
from tests.browser.test_browser_page import OpenPage

MOVED = "fund_size=80"  # value added rises against the defaults


def delta_rgb(page: Page) -> tuple[int, int, int]:
    """The text colour of the first metric's delta (a rise here)."""
    delta = page.get_by_test_id("stMetricDelta").first
    expect(delta).to_be_visible()
    colour = delta.evaluate("e => getComputedStyle(e).color")
    r, g, b = (int(v) for v in re.findall(r"\d+", colour)[:3])
    return r, g, b


def is_red(rgb: tuple[int, int, int]) -> bool:
    r, g, b = rgb
    return r > g + 60 and r > b + 60


def is_green(rgb: tuple[int, int, int]) -> bool:
    r, g, _ = rgb
    return g > r + 60


def test_chinese_page_shows_a_rise_in_red(open_page: OpenPage) -> None:
    page = open_page(MOVED)
    expect(page.get_by_test_id("stMetricDelta").first).to_contain_text("+")
    assert is_red(delta_rgb(page)), delta_rgb(page)


def test_english_page_shows_a_rise_in_green(open_page: OpenPage) -> None:
    page = open_page(MOVED + "&lang=en")
    assert is_green(delta_rgb(page)), delta_rgb(page)


def test_the_setting_switches_it_and_the_link_keeps_it(open_page: OpenPage) -> None:
    page = open_page(MOVED)
    box = page.locator(".st-key-updown")
    box.get_by_role("combobox").click()
    page.get_by_role("option", name=TEXT["updown_green"]["zh"]).click()
    expect(page).to_have_url(re.compile(r"[?&]updown=green\b"))
    page.wait_for_function(
        "() => { const d = document.querySelector('[data-testid=stMetricDelta]');"
        " const [r, g] = getComputedStyle(d).color.match(/\\d+/g).map(Number); return g > r + 60; }"
    )
    reopened = open_page(MOVED + "&updown=green")
    assert is_green(delta_rgb(reopened)), delta_rgb(reopened)
