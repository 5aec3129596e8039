"""The page in a meeting, in a real Chromium (issue 6): both languages, and presentation mode.

What is asserted, exactly:
- languages: under ``?lang=zh`` every parameter control's label in the sidebar has Chinese characters,
  under ``?lang=en`` none has; the language control writes ``lang=`` to the address bar and keeps the
  scenario;
- presentation mode: no sidebar; the saved scenarios are shown one a screen (name as the h1, its
  headline figures, its chart); → and ← step through them; at 1280×720 and 1920×1080 the title, the
  four figures and the chart are inside the window and the figures are at least 36 px high.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from model.parameters import load_parameters, make_scenario
from report.text import TEXT
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import RUN_TIMEOUT_S, wait_idle
from tests.handcalc import headline_figures

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
CHINESE = re.compile(r"[\u3400-\u9fff]")
# every parameter's control (sliders and toggles, including those in collapsed groups)
LABELS = ", ".join(
    f'section[data-testid="stSidebar"] .st-key-{key} [data-testid="stWidgetLabel"]' for key in load_parameters()
)
TABS = ("tab_scenario", "tab_table", "tab_analysis", "tab_history", "tab_library", "tab_sources")
MIN_METRIC_PX = 36


def control_labels(page: Page) -> list[str]:
    labels = page.locator(LABELS).all_text_contents()
    assert len(labels) == len(load_parameters()), labels  # one per parameter
    return labels


def test_languages(open_page: OpenPage) -> None:
    page = open_page("lang=zh&growth_start=9")
    assert all(CHINESE.search(label) for label in control_labels(page))
    expect(page.get_by_role("tab")).to_have_text([TEXT[k]["zh"] for k in TABS])

    page = open_page("lang=en&growth_start=9")
    english = control_labels(page)
    assert not [label for label in english if CHINESE.search(label)]
    expect(page.get_by_role("tab")).to_have_text([TEXT[k]["en"] for k in TABS])

    switch = page.locator(".st-key-lang")
    switch.get_by_role("radio", name="中文").click()
    expect(page).to_have_url(re.compile(r"[?&]lang=zh(&|$)"))
    expect(page.get_by_role("tab")).to_have_text([TEXT[k]["zh"] for k in TABS])
    assert all(CHINESE.search(label) for label in control_labels(page))

    switch.get_by_role("radio", name="English").click()
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))
    expect(page.get_by_role("tab")).to_have_text([TEXT[k]["en"] for k in TABS])
    assert control_labels(page) == english
    # the scenario stays through both switches
    expect(page.locator(".st-key-growth_start").get_by_role("slider")).to_have_value("9")
    assert "growth_start=9" in page.url


# --- presentation mode ----------------------------------------------------------------------------

DECK = {
    "演示甲 文章节奏": {},
    "演示乙 基金加速": {"fund_size": 120.0, "fund_leverage": 6.0},
    "演示丙 放缓至5%": {"growth_end": 5.0, "phase2_on": False},
}


@pytest.fixture
def saved_deck(scenario_db_url: str) -> list[str]:
    """Three scenarios in the test's library; the names the page will present, in order."""
    with ScenarioLibrary(scenario_db_url) as library:
        for name, settings in DECK.items():
            library.save(name, make_scenario(settings))
        return library.names()[:6]  # the page presents the first six saved, by name


def wait_for_present(page: Page) -> None:
    page.wait_for_function(
        """() => document.querySelectorAll('[data-testid="stMetricValue"]').length === 4
              && document.querySelectorAll('.vega-embed svg').length === 1""",
        timeout=RUN_TIMEOUT_S * 1000,
    )
    wait_idle(page)


def expect_screen(page: Page, name: str, index: int, count: int) -> None:
    """The screen of the ``index``-th saved scenario: its name, its place, its first figure."""
    expect(page.locator("h1")).to_have_text(name)
    expect(page.get_by_text(f"{index + 1} / {count}", exact=True)).to_be_visible()
    figure = "{:,.1f}".format(headline_figures(make_scenario(DECK[name]))["va_total"])
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(figure)
    wait_for_present(page)


def assert_legible(page: Page, width: int, height: int, shot: Path) -> None:
    """At ``width``×``height``: title, four figures and chart inside the window; figures ≥ 36 px."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(  # Vega has drawn the chart again at the new width
        """() => { const e = document.querySelector('.vega-embed'), s = e && e.querySelector('svg');
                   return s && Math.abs(s.getBoundingClientRect().width - e.getBoundingClientRect().width) < 2; }"""
    )
    wait_for_present(page)
    page.screenshot(path=shot)
    parts = {
        "title": page.locator("h1"),
        "metrics": page.get_by_test_id("stMetric"),
        "chart": page.locator(".vega-embed"),
    }
    for what, locator in parts.items():
        expect(locator.first).to_be_visible()
        for n in range(locator.count()):
            box = locator.nth(n).bounding_box()
            assert box is not None, what
            inside = box["x"] >= 0 and box["y"] >= 0
            inside = inside and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height
            assert inside, f"{what} #{n} at {width}×{height}: {box}"
    assert page.get_by_test_id("stMetric").count() == 4
    sizes = page.get_by_test_id("stMetricValue").evaluate_all("els => els.map(e => getComputedStyle(e).fontSize)")
    assert len(sizes) == 4 and all(float(s.removesuffix("px")) >= MIN_METRIC_PX for s in sizes), sizes


def test_presentation_mode(open_page: OpenPage, saved_deck: list[str], tmp_path: Path) -> None:
    assert saved_deck == sorted(DECK)  # the test's own library: its three scenarios only
    first, second = saved_deck[0], saved_deck[1]
    page = open_page("mode=present", ready=wait_for_present)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.locator(".st-key-growth_start").get_by_role("slider")).to_be_hidden()
    expect_screen(page, first, 0, len(saved_deck))

    page.evaluate("document.activeElement && document.activeElement.blur()")  # keys go to the page body
    page.keyboard.press("ArrowRight")
    expect_screen(page, second, 1, len(saved_deck))
    page.keyboard.press("ArrowLeft")
    expect_screen(page, first, 0, len(saved_deck))

    for width, height in ((1280, 720), (1920, 1080)):
        assert_legible(page, width, height, tmp_path / f"present-{width}x{height}.png")
    page.keyboard.press("ArrowRight")  # the larger window shows the next screen as legibly
    expect_screen(page, second, 1, len(saved_deck))
    assert_legible(page, 1920, 1080, tmp_path / "present-1920x1080-2.png")
