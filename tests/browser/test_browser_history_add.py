"""In Chromium at 1280×720: the bureau adds a full-year 2024 figure on the history tab; 2024 becomes
published (已公布) in the table of each year's status, the headline figure moves, and the figure is
listed as added; then it is deleted (and kept as a version). In both languages (issue 18, item 4).

The server is the suite's (tests/browser/conftest.py), so the figure is deleted again at the end
whatever happens: the other tests compute with the shipped figures."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from model.history import load_history
from model.lang import LANGS
from report.status import status_word
from report.text import TEXT, data_as_of_text, period_name
from store.figures import FigureStore
from tests.browser.streamlit_server import wait_for_page, wait_settled

pytestmark = pytest.mark.browser

SMALL = {"width": 1280, "height": 720}
VALUE = "6.1"  # the figure typed: unlike any growth the shipped data gives for 2024


def t(key: str, lang: str, **fields: object) -> str:
    text = TEXT[key][lang]
    return text.format(**fields) if fields else text


def year_status(page: Page, year: int) -> list[str]:
    """The cells of ``year``'s row in the table of each year's status (its accessible <table>)."""
    table = page.locator(".st-key-history_years [data-testid='stDataFrame']")
    table.scroll_into_view_if_needed()
    table.locator("table td").first.wait_for(state="attached")
    rows = table.evaluate(
        "e => [...e.querySelectorAll('table tr')].map(r => [...r.querySelectorAll('td')].map(c => c.textContent))"
    )
    return next(r for r in rows if r and r[0].replace(",", "") == str(year))


def choose(page: Page, key: str, text: str) -> None:
    """Pick the option starting with ``text`` in the select box ``key`` (an open list closes when the
    page moves under it while drawing: wait until it stands still, and try again)."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    for attempt in range(3):
        box.scroll_into_view_if_needed()
        wait_settled(page)
        box.click()
        option = page.get_by_role("option").filter(has_text=re.compile("^" + re.escape(text))).first
        try:
            option.click(timeout=5_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def first_metric(page: Page) -> str:
    return page.get_by_test_id("stMetricValue").first.inner_text()


@pytest.fixture
def small(browser: Browser) -> Iterator[BrowserContext]:
    """A browser context at 1280×720, closed after open_page's own checks of its pages."""
    context = browser.new_context(viewport=SMALL)
    yield context
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_full_year_2024_figure_added_on_the_history_tab(
    small: BrowserContext, open_page, scenario_db_url: str, lang: str
) -> None:
    store = FigureStore(scenario_db_url)
    try:
        page = open_page(f"lang={lang}", context=small, ready=wait_for_page)
        before = first_metric(page)
        page.get_by_role("tab", name=t("tab_history", lang), exact=True).click()
        wait_settled(page)
        shipped = load_history().year_status("dezhou", 2030)[2024]
        cells = year_status(page, 2024)
        assert cells[1] == status_word(shipped.status, shipped.months, lang)

        form = page.locator("[data-testid='stForm']").filter(has_text=t("figure_add", lang))
        form.scroll_into_view_if_needed()
        page.locator(".st-key-fig_year input").fill("2024")
        page.locator(".st-key-fig_value input").fill(VALUE)
        page.locator(".st-key-fig_publication input").fill("德州市2024年国民经济和社会发展统计公报（浏览器测试）")
        page.locator(".st-key-fig_date input").fill("2025-03-20")
        page.locator(".st-key-fig_quote_zh textarea").fill(f"全市规模以上工业增加值比上年增长{VALUE}%。")
        choose(page, "fig_period", period_name("full-year", lang))
        form.get_by_role("button", name=t("figure_add", lang)).click()

        said = re.compile(re.escape(t("figure_added", lang, number=0)).replace("0", r"\d+", 1))
        expect(page.get_by_test_id("stAlert").filter(has_text=said)).to_be_visible()
        [added] = store.list()
        expect(page.get_by_test_id("stAlert").filter(has_text=t("figure_added", lang, number=added.id))).to_be_visible()
        wait_settled(page)
        cells = year_status(page, 2024)
        assert cells[1] == status_word("published", 12, lang)
        assert float(cells[2]) == float(VALUE)
        # the headline (above the tabs) moved with the figure
        page.wait_for_function(
            "before => document.querySelector('[data-testid=stMetricValue]').innerText !== before", arg=before
        )
        assert first_metric(page) != before
        as_of = load_history().with_added([added.figure]).data_as_of(2030)  # the latest figure now used
        expect(page.get_by_text(data_as_of_text(as_of, lang), exact=True).first).to_be_visible()

        # deleted again (kept as a version): 2024 is back as it was
        choose(page, "fig_pick", f"#{added.id} ")
        page.locator(".st-key-fig_delete button").click()
        expect(
            page.get_by_test_id("stAlert").filter(has_text=t("figure_deleted", lang, number=added.id))
        ).to_be_visible()
        wait_settled(page)
        assert year_status(page, 2024)[1] == status_word(shipped.status, shipped.months, lang)
        page.wait_for_function(
            "before => document.querySelector('[data-testid=stMetricValue]').innerText === before", arg=before
        )
        assert store.list() == []
        assert store.versions()[0].figure_id == added.id
    finally:
        for a in store.list():
            store.delete(a.id)
        store.close()
