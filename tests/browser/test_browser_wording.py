"""The page's wording in a real Chromium: nothing cut off, and the Chinese page in Chinese.

What is asserted, exactly:
- at 1280×720, 1440×900, 1920×1080 and 800 wide, in both languages, no headline label, figure or
  change is cut (no element inside a metric has scrollWidth > clientWidth) and no chart legend is
  cut (no legend label ends in "…", every legend lies inside its chart's box);
- the Chinese page, every tab opened and every expander expanded, shows no English word outside
  ``ALLOWED`` below: not in its visible text, not in its tables (every cell, read by wheeling each
  table to its ends), not in the tooltips shown on hover, not in the widgets' placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from model.library import ScenarioLibrary
from report.text import t
from tests.browser.streamlit_server import wait_for_page

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
VIEWPORTS = ((1280, 720), (1440, 900), (1920, 1080), (800, 900))

# Latin words the Chinese page may show, each with the reason.
ALLOWED = {
    # File formats and units named as such on buttons and in help
    "CSV": "file format",
    "JSON": "file format",
    "PPTX": "file format",
    "PNG": "file format",
    "SVG": "file format",
    "Excel": "product name (导出 Excel 工作簿)",
    "UTF": "character encoding (UTF-8)",
    "BOM": "byte-order mark of UTF-8",
    "MB": "unit (1 MB)",
    "UTC": "time zone of the saved times",
    # The language switch names each language in its own script
    "Language": "语言 / Language: the switch must be found by a reader of either language",
    "English": "the switch's English option",
    # Proper names in the sources
    "WIOD": "World Input-Output Database, named in full in Chinese beside it",
    "CSET": "Center for Security and Emerging Technology, named in full in Chinese beside it",
    "semiunion": "name of a news site (半导体联盟 semiunion)",
    "chaxiaohao.com": "name of a question-and-answer site cited (and not used) in the history",
    "one.qiip.cc": "name of an anonymous web page cited (and not used) in the history",
    "Reportify": "name of a news-summary service cited in the history",
    "CGO": "part of a programme's name quoted from the article (CGO帮办)",
    "DCMM": "name of a national standard quoted from the article (DCMM试点企业)",
    # A Chinese original quoted as published: its English words are the source's
    "Computer": "quoted original: 电子产业(Computer,electronic and optical industry)",
    "electronic": "quoted original, as above",
    "and": "quoted original, as above",
    "optical": "quoted original, as above",
    "industry": "quoted original, as above",
    # Streamlit's own strings the page cannot set (no parameter for them in Streamlit 1.67)
    "Skip": "Streamlit's 'Skip to main content' link for keyboard users (shown on focus only)",
    "to": "as above",
    "main": "as above",
    "content": "as above",
    "Upload": "st.file_uploader's button: its text has no parameter",
    "per": "st.file_uploader's size note '1MB per file • JSON': no parameter",
    "file": "as above",
    "Download": "chart and table toolbar tooltips ('Download as PNG/SVG/CSV'): no parameter",
    "as": "as above",
    "Show": "chart toolbar 'Show data' and table toolbar 'Show/hide columns': no parameter",
    "data": "as above",
    "hide": "as above",
    "columns": "as above",
    "Copy": "chart toolbar 'Copy Vega-Lite spec': no parameter",
    "Vega-Lite": "as above",
    "spec": "as above",
    "Fullscreen": "chart and table toolbar tooltip: no parameter",
    "Search": "table toolbar tooltip: no parameter",
}
WORD = re.compile(r"[A-Za-z]+(?:[-.][A-Za-z]+)*")
ADDRESS = re.compile(r"(?:https?://|www\.)\S+")

VISIBLE_TEXT = """() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const p = n.parentElement;
    if (!p || !n.textContent.trim()) continue;
    if (p.closest('[data-testid="stIconMaterial"], [data-testid="stDataFrame"], script, style, noscript')) continue;
    if (!p.checkVisibility({visibilityProperty: true})) continue;
    out.push(n.textContent);
  }
  document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(e => out.push(e.placeholder));
  return out;
}"""

CELLS = "e => [...e.querySelectorAll('table th, table td')].map(c => c.textContent)"
SCROLLED = "e => { const s = e.querySelector('.dvn-scroller'); return s ? [s.scrollLeft, s.scrollTop] : [0, 0]; }"


CUT_IN_METRICS = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].flatMap(m =>
  [...m.querySelectorAll('*')]
    .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
    .map(e => (e.closest('[data-testid^="stMetric"]:not([data-testid="stMetric"])')?.dataset.testid || '?')
              + ': ' + e.innerText))"""

CUT_LEGENDS = """() => [...document.querySelectorAll('.vega-embed')].flatMap(chart => {
  const box = chart.getBoundingClientRect();
  return [...chart.querySelectorAll('svg .role-legend')].flatMap(legend => {
    const r = legend.getBoundingClientRect(), labels = [...legend.querySelectorAll('text')].map(x => x.textContent);
    const out = labels.filter(x => x.endsWith('…')).map(x => 'ellipsis: ' + x);
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
      out.push('outside its chart: ' + labels.join(' | '));
    return out;
  });
})"""


IDLE = """() => !document.querySelector('[data-stale="true"]')
              && !document.querySelector('[data-testid="stStatusWidget"]')"""


def settle(page: Page) -> None:
    """Until the run the last click started has finished and drawn the page (idle twice in a row)."""
    for _ in range(2):
        page.wait_for_timeout(400)
        page.wait_for_function(IDLE, timeout=60_000)


def open_tab(page: Page, n: int) -> None:
    """Open the ``n``-th tab and wait until its panel is drawn."""
    page.get_by_role("tab").nth(n).click()
    page.wait_for_function(
        "n => document.querySelectorAll('[role=tab]')[n].getAttribute('aria-selected') === 'true'", arg=n
    )
    settle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[role=tabpanel]')].some(p => p.checkVisibility() && p.innerText.trim())"
    )


def table_cells(page: Page, table: Locator) -> set[str]:
    """Every cell of a table. Streamlit draws tables on a canvas and keeps the cells in view in an
    accessible <table>: wheel the table right and down to its ends and read the cells at each stop."""
    table.scroll_into_view_if_needed()
    table.locator("table th").first.wait_for(state="attached")
    page.wait_for_timeout(300)  # the rows follow the header
    box = table.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    cells: set[str] = set()

    def sweep(dx: float, dy: float) -> None:
        while True:
            cells.update(table.evaluate(CELLS))
            before = table.evaluate(SCROLLED)
            page.mouse.wheel(dx, dy)
            page.wait_for_timeout(150)
            if table.evaluate(SCROLLED) == before:
                return

    while True:
        sweep(0, 250)  # down to the last row
        page.mouse.wheel(0, -100_000)  # back to the top
        page.wait_for_timeout(150)
        before = table.evaluate(SCROLLED)
        page.mouse.wheel(box["width"] * 0.6, 0)  # the next columns
        page.wait_for_timeout(150)
        if table.evaluate(SCROLLED) == before:
            break
    page.mouse.move(0, 0)
    return cells


def english_words(texts: list[str]) -> dict[str, str]:
    """Each Latin word outside ``ALLOWED`` (web addresses left out), with a text it was found in."""
    found: dict[str, str] = {}
    for text in texts:
        for word in WORD.findall(ADDRESS.sub("", text)):
            if word not in ALLOWED:
                found.setdefault(word, text[:160])
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_headline_figure_or_legend_is_cut(open_page: OpenPage, lang: str) -> None:
    page = open_page(f"lang={lang}")
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(  # the charts are drawn again at this width
            """() => [...document.querySelectorAll('.vega-embed')].every(e => {
                   const s = e.querySelector('svg');
                   return s && Math.abs(s.getBoundingClientRect().width - e.getBoundingClientRect().width) < 2; })"""
        )
        wait_for_page(page)
        labels = page.get_by_test_id("stMetricLabel").all_inner_texts()
        assert labels[0].startswith(t("metric_va", lang, year=2030)), labels  # the whole label, unit included
        assert page.evaluate(CUT_IN_METRICS) == [], f"{width}×{height} {lang}"
        values = page.get_by_test_id("stMetricValue").all_inner_texts()
        assert len(values) == 4 and not any("…" in v for v in values), values
        assert page.locator(".vega-embed svg .role-legend").count() >= 3
        assert page.evaluate(CUT_LEGENDS) == [], f"{width}×{height} {lang}"


def test_the_chinese_page_is_in_chinese(open_page: OpenPage, scenario_db_url: str) -> None:
    page = open_page("lang=zh")
    texts: list[str] = []
    cells: set[str] = set()
    tabs = page.get_by_role("tab")
    assert tabs.count() == 6
    for n in range(tabs.count()):
        open_tab(page, n)
        closed = page.locator('[data-testid="stExpander"] details:not([open]) > summary')
        while closed.count():
            closed.first.click()
            settle(page)
        texts += page.evaluate(VISIBLE_TEXT)
        for table in page.get_by_test_id("stDataFrame").all():
            cells |= table_cells(page, table)
        for target in page.get_by_test_id("stTooltipHoverTarget").all():
            # (a chart's or a table's toolbar shows its icons only while the pointer is on it)
            if not target.evaluate("e => e.checkVisibility() && !e.closest('[data-testid=stElementToolbar]')"):
                continue
            target.hover()
            tip = page.get_by_test_id("stTooltipContent")
            try:
                tip.first.wait_for(timeout=2_000)
            except PlaywrightTimeout:  # no tooltip for this target
                continue
            texts += tip.all_inner_texts()
            page.mouse.move(0, 0)
    # The reading reached what matters: the history's last rows, every source sentence, the tooltips
    assert "1—9月" in cells and "中宏网（网易号转载）" in cells  # the history table, read to its end
    assert "三角分布" in cells and "投资额为报道原文，产值为模型假设" in cells
    assert any("（译文）" in x for x in texts)  # additionality's source, in Chinese, on hover
    assert any("**取值理由：**" in x for x in texts)
    # Names of scenarios other tests saved in the shared library are the users' words, not the page's.
    saved = set(ScenarioLibrary(scenario_db_url).names())
    found = english_words([x for x in texts + sorted(cells) if x.strip() not in saved])
    assert found == {}, "\n".join(f"{word}: {text}" for word, text in sorted(found.items()))
