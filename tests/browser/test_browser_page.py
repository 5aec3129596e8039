"""A user's path through the page in a real Chromium: load, move sliders, download, reset.

What is asserted, exactly:
- metrics: the four st.metric values equal docs/model.md's equations worked by hand (tests/handcalc.py)
  for the settings the sliders show;
- charts: the SVG that Vega draws for a chart changes after a slider move (it was redrawn with new
  data); the numbers behind the charts are checked through the metrics and the CSV, not the pixels;
- download: the CSV's bytes equal ``python -m model project --set ...`` for the settings in the URL.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from urllib.parse import parse_qsl, urlsplit

import pytest
from pandas.testing import assert_frame_equal
from playwright.sync_api import Locator, Page, expect

from model.lang import LANGS
from model.parameters import default_scenario, fmt_number, load_parameters, make_scenario
from report.text import TEXT
from tests.browser.streamlit_server import ROOT, RUN_TIMEOUT_S, slider, wait_for_page
from tests.handcalc import headline_figures
from tests.readers import csv_to_frame

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
METRIC_FORMATS = (  # the page's four metrics, in page order
    ("va_total", "{:,.1f}"),
    ("avg_growth_pct", "{:.2f}"),
    ("cum_fund_investment", "{:,.1f}"),
    ("policy_va", "{:,.1f}"),
)
# The scenario page's charts, in page order: value added, the baseline and this scenario, what the
# levers change, fund investment.
VA, REVENUE, BASELINE, CHANGE, INVESTMENT = range(5)


def expected_metrics(settings: Mapping[str, float | int | bool] | None = None) -> list[str]:
    now = headline_figures(make_scenario(settings or {}))
    return [fmt.format(now[key]) for key, fmt in METRIC_FORMATS]


def metric_values(page: Page) -> Locator:
    return page.get_by_test_id("stMetricValue")


def chart_svg(page: Page, n: int) -> str:
    return page.locator(".vega-embed svg").nth(n).inner_html()


def wait_redrawn(page: Page, n: int, before: str) -> None:
    page.wait_for_function(
        "([n, before]) => document.querySelectorAll('.vega-embed svg')[n].innerHTML !== before",
        arg=[n, before],
        timeout=RUN_TIMEOUT_S * 1000,
    )


def url_settings(page: Page) -> dict[str, str]:
    """The parameter values in the address bar (the page binds every control to it)."""
    specs = load_parameters()
    return {k: v for k, v in parse_qsl(urlsplit(page.url).query) if k in specs}


def typed(settings: Mapping[str, str]) -> dict[str, float | int | bool]:
    return make_scenario(settings, text=True).changed_from(default_scenario())


def test_page_loads_with_the_article_defaults(open_page: OpenPage) -> None:
    page = open_page()
    expect(metric_values(page)).to_have_text(expected_metrics())
    expect(page.locator(".vega-embed svg")).to_have_count(5)
    expect(page.locator("h1")).to_contain_text("德州")
    expect(page.get_by_text(TEXT["plan_at_defaults"]["zh"])).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    for heading in ("section_levers", "section_economy"):
        expect(sidebar.get_by_role("heading", name=TEXT[heading]["zh"])).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]model=3\b"))  # a copied link says which model it is for
    # no exception element and no page/console error: checked by the fixture on teardown


def test_keyboard_moves_a_slider_and_the_page_follows(open_page: OpenPage) -> None:
    page = open_page()
    before = [chart_svg(page, n) for n in range(5)]
    thumb = slider(page, "growth_start")
    thumb.focus()
    page.keyboard.press("ArrowRight")  # one step of 0.1 from the default: 7.5 → 7.6
    expect(thumb).to_have_value("7.6")
    expect(metric_values(page)).to_have_text(expected_metrics({"growth_start": 7.6}))
    expect(page).to_have_url(re.compile(r"[?&]growth_start=7\.6\b"))
    wait_redrawn(page, VA, before[VA])  # the value-added lines
    wait_redrawn(page, REVENUE, before[REVENUE])  # revenue follows value added
    wait_redrawn(page, BASELINE, before[BASELINE])  # the baseline follows the trend
    wait_for_page(page)
    # controls: what the levers change and the fund investment do not depend on the trend
    assert chart_svg(page, CHANGE) == before[CHANGE]
    assert chart_svg(page, INVESTMENT) == before[INVESTMENT]


def test_mouse_click_on_the_track_moves_a_slider(open_page: OpenPage) -> None:
    page = open_page()
    charts_before = [chart_svg(page, n) for n in range(5)]
    thumb = slider(page, "fund_size")  # 0 to 1000
    track = thumb.locator("xpath=ancestor::div[@data-orientation][1]")
    box = track.bounding_box()
    assert box is not None
    track.click(position={"x": box["width"] * 0.75, "y": box["height"] / 2})
    expect(thumb).not_to_have_value("35")
    value = float(thumb.input_value())
    assert 700 <= value <= 800, value  # three quarters along, give or take the thumb's width
    expect(metric_values(page)).to_have_text(expected_metrics({"fund_size": value}))
    expect(page.get_by_text(TEXT["plan_changed"]["zh"].split("：")[0] + "：")).to_be_visible()
    for n, before in enumerate(charts_before):  # all five charts depend on the fund size (a lever)
        wait_redrawn(page, n, before)


def test_csv_download_equals_the_command_line(open_page: OpenPage) -> None:
    page = open_page("growth_start=10&fund_size=80")
    thumb = slider(page, "growth_end")
    thumb.focus()
    page.keyboard.press("ArrowLeft")  # the default 6.5 → 6.4
    settings = {"growth_start": 10.0, "fund_size": 80.0, "growth_end": 6.4}
    expect(metric_values(page)).to_have_text(expected_metrics(settings))
    wait_for_page(page)
    assert typed(url_settings(page)) == settings

    with page.expect_download() as info:
        page.locator(".st-key-download_csv").get_by_role("button").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    got = download.path().read_bytes()

    args = [f"--set={k}={v}" for k, v in url_settings(page).items()]
    cli = subprocess.run([sys.executable, "-m", "model", "project", *args], cwd=ROOT, capture_output=True, check=True)
    # The page's file names its columns in the page's language (keys in the command line's): the same
    # numbers, to the last digit.
    assert got.decode("utf-8-sig").startswith("年份,年份类型,基准增速（%）")
    assert_frame_equal(csv_to_frame(got), csv_to_frame(cli.stdout), check_exact=True)
    default = subprocess.run([sys.executable, "-m", "model", "project"], cwd=ROOT, capture_output=True, check=True)
    assert not csv_to_frame(got).equals(csv_to_frame(default.stdout))


def test_reset_restores_the_defaults(open_page: OpenPage) -> None:
    page = open_page("growth_start=12&fund_leverage=6&horizon_end=2035")
    thumb = slider(page, "fund_size")
    thumb.focus()
    page.keyboard.press("ArrowRight")
    expect(metric_values(page)).to_have_text(
        expected_metrics({"growth_start": 12.0, "fund_leverage": 6.0, "horizon_end": 2035, "fund_size": 36.0})
    )
    page.locator(".st-key-reset").get_by_role("button").click()
    expect(metric_values(page)).to_have_text(expected_metrics())
    specs = load_parameters()
    thumbs = page.get_by_role("slider")
    assert thumbs.count() >= 4
    for n in range(thumbs.count()):
        key = re.search(r"st-key-(\w+)", thumbs.nth(n).evaluate("e => e.closest('[class*=st-key-]').className"))
        assert key, "a slider outside a keyed widget"
        expect(thumbs.nth(n)).to_have_value(fmt_number(specs[key[1]].default))
    wait_for_page(page)
    assert url_settings(page) == {}


def test_three_sessions_are_isolated(open_page: OpenPage) -> None:
    a, b, c = (open_page() for _ in range(3))
    defaults = expected_metrics()

    thumb = slider(a, "growth_start")
    thumb.focus()
    a.keyboard.press("ArrowRight")  # the default 7.5 → 7.6
    expect(metric_values(a)).to_have_text(expected_metrics({"growth_start": 7.6}))

    # b moves another slider: its result must reflect its own change only, not a's
    thumb = slider(b, "fund_size")
    thumb.focus()
    b.keyboard.press("ArrowRight")
    expect(metric_values(b)).to_have_text(expected_metrics({"fund_size": 36.0}))
    expect(slider(b, "growth_start")).to_have_value("7.5")

    c.reload()  # a fresh run of c's session after both changes
    wait_for_page(c)
    expect(metric_values(c)).to_have_text(defaults)
    expect(slider(c, "growth_start")).to_have_value("7.5")
    expect(slider(c, "fund_size")).to_have_value("35")
    assert url_settings(c) == {}
    expect(metric_values(a)).to_have_text(expected_metrics({"growth_start": 7.6}))
    assert url_settings(a) == {"growth_start": "7.6"}


def test_version_1_link_is_read_with_a_notice(open_page: OpenPage) -> None:
    page = open_page("fund_size=80&growth_end=6")  # no model=: written by version 1
    notice = page.get_by_test_id("stAlert").filter(has_text=TEXT["v1_notices_link"]["zh"])
    expect(notice).to_be_visible()
    specs = load_parameters()
    expect(notice).to_contain_text(specs["fund_size"].label_zh)  # its meaning changed; the value is kept
    expect(slider(page, "fund_size")).to_have_value("80")
    expect(slider(page, "growth_end")).to_have_value("6")
    expect(metric_values(page)).to_have_text(expected_metrics({"fund_size": 80.0, "growth_end": 6.0}))
    expect(page).to_have_url(re.compile(r"[?&]model=3\b"))


def test_a_lever_tooltip_gives_publication_and_reasoning_in_the_page_language(open_page: OpenPage) -> None:
    spec = load_parameters()["fund_size"]
    for lang in LANGS:
        page = open_page(f"lang={lang}&model=3")
        page.locator(".st-key-fund_size").get_by_test_id("stTooltipIcon").hover()
        tooltip = page.get_by_test_id("stTooltipContent")
        expect(tooltip).to_be_visible()
        expect(tooltip).to_contain_text(spec.reasoning(lang))
        expect(tooltip).to_contain_text(spec.publication_name(lang))
        expect(tooltip).to_contain_text(TEXT["help_default"][lang])
