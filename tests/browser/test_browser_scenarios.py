"""Scenarios in the address bar and in the library, in a real Chromium (issue 4).

What is asserted, exactly:
- link: the sliders show the values of ``?growth_start=10.5&fund_size=80&phase2_on=false``, the first
  metric equals ``python -m model project --set ...`` for them, a reload keeps both, and a slider moved
  with the keyboard is written to the address bar;
- bad link values: one notice names each ignored value and what is allowed; the sliders keep their defaults;
- library: a scenario saved in one session is listed in another, and after the server restarts on the
  same database a new session loads it into the sliders;
- compare and export: the compare chart names the chosen scenarios; the JSON export re-imports to the
  same scenarios, the CSV (with a UTF-8 BOM) and the workbook read back to the same results.

The restart test runs its own server on a temporary database (it stops and starts it); the others use
the session server with the test's own library.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from subprocess import Popen

import pandas as pd
import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from model.parameters import make_scenario
from model.projection import headline, project
from model.results import compute_results
from model.scenario_file import NamedScenario, parse_scenario_bytes
from report import scenario_exports
from report.text import t
from store.library import ENV_VAR, ScenarioLibrary
from tests.browser.streamlit_server import (
    ROOT,
    free_port,
    slider,
    start_streamlit,
    stop,
    wait_for_page,
    wait_healthy,
    wait_idle,
    wait_settled,
)
from tests.readers import csv_to_frame, read_long_csv, read_workbook

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
LINK = {"growth_start": "10.5", "fund_size": "80", "phase2_on": "false"}


def first_metric(page: Page) -> Locator:
    return page.get_by_test_id("stMetricValue").first


def va_total(settings: dict[str, str]) -> str:
    return "{:,.1f}".format(headline(project(make_scenario(settings, text=True)))["va_total"])


def cli_va_total(settings: dict[str, str]) -> str:
    """The last year's value added as the page formats it, from ``python -m model project --set ...``."""
    args = [a for k, v in settings.items() for a in ("--set", f"{k}={v}")]
    out = subprocess.run([sys.executable, "-m", "model", "project", *args], cwd=ROOT, capture_output=True, check=True)
    return "{:,.1f}".format(headline(csv_to_frame(out.stdout))["va_total"])


def expect_link_values(page: Page, metric: str) -> None:
    expect(slider(page, "growth_start")).to_have_value("10.5")
    expect(slider(page, "fund_size")).to_have_value("80")
    # the projects group is collapsed: the switch is in the page but hidden
    expect(page.locator(".st-key-phase2_on input[role=switch]")).not_to_be_checked()
    expect(first_metric(page)).to_have_text(metric)


def test_link_round_trip(open_page: OpenPage) -> None:
    query = "&".join(f"{k}={v}" for k, v in LINK.items())
    metric = cli_va_total(LINK)
    assert metric != va_total({})  # control: the link changes the figure

    page = open_page(query)
    expect_link_values(page, metric)

    page.reload()  # a new session from the same address
    wait_for_page(page)
    expect_link_values(page, metric)
    for key, value in LINK.items():
        assert f"{key}={value}" in page.url

    thumb = slider(page, "fund_size")
    thumb.focus()
    page.keyboard.press("ArrowRight")  # one step: 80 → 81
    expect(thumb).to_have_value("81")
    expect(page).to_have_url(re.compile(r"[?&]fund_size=81(&|$)"))
    expect(first_metric(page)).to_have_text(va_total({**LINK, "fund_size": "81"}))
    assert "growth_start=10.5" in page.url and "phase2_on=false" in page.url


def test_bad_link_values_are_named_and_ignored(open_page: OpenPage) -> None:
    page = open_page("growth_start=abc&fund_size=5000&bogus=1")
    notice = page.get_by_test_id("stAlert").filter(has_text=t("url_ignored", "zh"))
    expect(notice).to_have_count(1)
    text = notice.inner_text()
    # each by its label and unit in Chinese, never by its key
    for named in (
        "首个推算年份趋势增速（%）：“abc”不是数值，应为-10至25之间的数。",
        "产业投资基金认缴规模（亿元）：“5000”超出允许范围，应为0至1000之间的数。",
        "“bogus=1”不是本模型的参数。",
    ):
        assert named in text, (named, text)
    assert "growth_start" not in text and "fund_size" not in text
    expect(slider(page, "growth_start")).to_have_value("7.5")  # the default
    expect(slider(page, "fund_size")).to_have_value("35")
    expect(first_metric(page)).to_have_text(va_total({}))
    assert "bogus" not in page.url

    page.locator(".st-key-dismiss_url").get_by_role("button").click()
    expect(notice).to_have_count(0)
    # no exception element and no page/console error: checked by the fixture on teardown


# --- the library: a server of the test's own --------------------------------------------------


class OwnServer:
    """``streamlit run app.py`` with its own port and library, which a test may stop and start again."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.db_url = f"sqlite:///{tmp / 'scenarios.sqlite'}"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: Popen | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log = self.tmp / f"server-{self.starts}.log"
        self.proc = start_streamlit(ROOT / "app.py", self.port, log, env={ENV_VAR: self.db_url})
        wait_healthy(self.url, self.proc, log)

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
            self.proc = None


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[OwnServer]:
    server = OwnServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def new_user(new_context: Callable[..., BrowserContext], url: str, query: str = "") -> Iterator[Page]:
    """A page in a new browser context (a new session); on leaving, it must show no exception and
    have logged no page or console error (checked here, before the test may stop the server)."""
    context = new_context()
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
        page.goto(f"{url}/?{query}" if query else f"{url}/")
        wait_for_page(page)
        yield page
        assert page.get_by_test_id("stException").all_inner_texts() == []
        assert errors == []
    finally:
        context.close()


def open_library_tab(page: Page) -> None:
    page.get_by_role("tab", name=t("tab_library", "zh"), exact=True).click()
    expect(page.get_by_role("textbox", name=t("save_name", "zh"), exact=True)).to_be_visible()
    wait_settled(page)


def options(page: Page, key: str) -> list[str]:
    """The choices of the selectbox or multiselect keyed ``key`` (opened, read, closed)."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    box.scroll_into_view_if_needed()  # scrolling with the list open would close it
    wait_settled(page)
    box.click()
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    names = listbox.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return names


def test_saved_scenario_survives_sessions_and_a_restart(new_context, own_server: OwnServer) -> None:
    name = "会议方案A"
    settings = {"growth_start": "10.5", "fund_size": "80"}
    with new_user(new_context, own_server.url, "growth_start=10.5&fund_size=80") as page:
        open_library_tab(page)
        box = page.get_by_role("textbox", name=t("save_name", "zh"), exact=True)
        box.fill(name)
        box.press("Enter")
        expect(page.get_by_test_id("stAlert").filter(has_text=t("saved", "zh", name=name))).to_be_visible()
        expect(page.locator(".st-key-pick").get_by_role("combobox")).to_have_value(name)

    with new_user(new_context, own_server.url) as page:  # another session, same server
        open_library_tab(page)
        assert options(page, "pick") == [name]

    own_server.stop()
    own_server.start()  # same port, same database
    with new_user(new_context, own_server.url) as page:
        expect(slider(page, "growth_start")).to_have_value("7.5")  # the default
        open_library_tab(page)
        assert options(page, "pick") == [name]
        expect(page.locator(".st-key-pick").get_by_role("combobox")).to_have_value(name)
        page.locator(".st-key-load_saved").get_by_role("button").click()
        expect(slider(page, "growth_start")).to_have_value("10.5")
        expect(slider(page, "fund_size")).to_have_value("80")
        expect(first_metric(page)).to_have_text(va_total(settings))
        expect(page).to_have_url(re.compile(r"growth_start=10\.5"))
        assert "fund_size=80" in page.url
    saved = ScenarioLibrary(own_server.db_url).get(name)
    assert saved is not None and saved.scenario == make_scenario(settings, text=True)


def test_compare_and_export(new_context, app_url: str, scenario_db_url: str) -> None:
    items = [
        NamedScenario("会议方案A", make_scenario({"growth_start": 10.5, "fund_size": 80})),
        NamedScenario("放缓情景", make_scenario({"growth_end": 5.0, "phase2_on": False})),
    ]
    with ScenarioLibrary(scenario_db_url) as library:
        for item in items:
            library.save(item.name, item.scenario)

    with new_user(new_context, app_url) as page:
        open_library_tab(page)
        picker = page.locator(".st-key-compare_names")
        for item in items:
            picker.get_by_role("combobox").click()
            page.get_by_role("option", name=item.name, exact=True).click()
        page.keyboard.press("Escape")
        expect(page.locator(".st-key-export_xlsx")).to_be_visible()
        wait_idle(page)  # a click during a rerun can reach a button the rerun is replacing
        chart = page.locator(".vega-embed svg")
        expect(chart).to_have_count(1)
        for item in items:  # the legend names each compared scenario
            expect(chart).to_contain_text(item.name)

        got: dict[str, bytes] = {}
        for ext in ("json", "csv", "xlsx"):
            with page.expect_download() as info:
                page.locator(f".st-key-export_{ext}").get_by_role("button").click()
            assert info.value.suggested_filename.endswith(f".{ext}")
            got[ext] = info.value.path().read_bytes()

    assert parse_scenario_bytes(got["json"], "dezhou-scenarios.json") == items

    assert got["csv"].startswith(b"\xef\xbb\xbf")
    frame = read_long_csv(got["csv"])
    assert list(frame["scenario"].unique()) == [i.name for i in items]
    pd.testing.assert_frame_equal(frame, scenario_exports.long_frame(compute_results(items)))

    book = read_workbook(got["xlsx"])
    assert set(book) == {
        "results",
        "parameters",
        "projects",
        "targets",
        "history",
        "backtest",
        "dictionary",
        "sources",
    }
    assert list(book["results"]["scenario"].unique()) == [i.name for i in items]
    # the parameters sheet: a row a parameter, a column a compared scenario
    assert all(i.name in book["parameters"].columns for i in items)
    assert set(book["parameters"]["key"]) == set(items[0].scenario.to_dict())
