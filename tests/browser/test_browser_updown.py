"""In Chromium: a rise is red on the Chinese page and green on the English one; the sidebar setting
switches it on either page (to green on the Chinese page, to red on the English one) and the link
keeps the choice (issue 11, item 12)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from model.lang import LANGS
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


# each page switched to the other convention: the setting's option, the link's value, the colour test
SWITCHED = {"zh": ("updown_green", "green", is_green), "en": ("updown_red", "red", is_red)}


@pytest.mark.parametrize("lang", LANGS)
def test_the_setting_switches_it_and_the_link_keeps_it(open_page: OpenPage, lang: str) -> None:
    option, value, looks = SWITCHED[lang]
    page = open_page(f"{MOVED}&lang={lang}")
    assert not looks(delta_rgb(page)), delta_rgb(page)  # the page's own convention first
    box = page.locator(".st-key-updown")
    expect(box).to_contain_text(TEXT["updown"][lang])
    box.get_by_role("combobox").click()
    page.get_by_role("option", name=TEXT[option][lang]).click()
    expect(page).to_have_url(re.compile(rf"[?&]updown={value}\b"))
    page.wait_for_function(
        "green => { const d = document.querySelector('[data-testid=stMetricDelta]');"
        " const [r, g] = getComputedStyle(d).color.match(/\\d+/g).map(Number);"
        " return green ? g > r + 60 : r > g + 60; }",
        arg=value == "green",
    )
    reopened = open_page(f"{MOVED}&lang={lang}&updown={value}")
    assert looks(delta_rgb(reopened)), delta_rgb(reopened)
