"""The page's wording in a real Chromium: nothing cut off, and the Chinese page in Chinese.

What is asserted, exactly:
- at 1280×720, 1440×900, 1920×1080 and 800 wide, in both languages, no headline label, figure or
  change is cut (no element inside a metric has scrollWidth > clientWidth) and no chart legend is
  cut (no legend label ends in "…", every legend lies inside its chart's box);
- each page at 1280×720, every tab opened, every expander expanded and two saved scenarios compared:
  no metric or legend cut on any tab (the headline on each, the comparison's legend included); and it
  shows in its visible text, its tables
  (every cell, read by wheeling each table to its ends) and the widgets' placeholders: no word of the
  other language (the Chinese page no English word outside ``ALLOWED``, the English page no Chinese
  outside ``ALLOWED_CJK`` and quoted originals: tests/wording.py), no key name, Python value or
  unrendered markdown, the official terms and none of the informal ones, no Streamlit placeholder
  left in English; the walk reaches the history's last rows, the uncertainty ranges and the sources'
  provenance. The tooltips' words are checked the same way on the page's tree, every tab in each
  language, without a browser (tests/page/test_page_wording.py): hovering each of them here took
  half of each walk.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page

from model.lang import LANGS
from model.parameters import make_scenario
from report.text import t
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import wait_for_page, wait_settled
from tests.browser.test_browser_state import pick
from tests.wording import HALF_WIDTH, PUBLISHED, QUOTED, chinese_words, english_words, python_words

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
VIEWPORTS = ((1280, 720), (1440, 900), (1920, 1080), (800, 900))

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


def settle(page: Page) -> None:
    """Until the run the last click started has finished and drawn the page, and nothing moves."""
    wait_settled(page)


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


# Streamlit draws a table on a canvas and keeps the cells in view in an accessible <table>, whose rows
# and cells carry their indices (aria-rowindex, aria-colindex) and the table its counts (aria-rowcount,
# aria-colcount): scroll the table's scroller down until its last row is drawn, for each stop of its
# columns left to right until its last column is drawn, reading the cells at each stop once the grid
# has drawn them there (its accessible rows or columns changed: at most CHANGE_FRAMES animation frames).
CHANGE_FRAMES = 1200
SWEEP = """async e => {
  const s = e.querySelector('.dvn-scroller'), grid = e.querySelector('table'), cells = new Set();
  const read = () => e.querySelectorAll('table th, table td').forEach(c => cells.add(c.textContent));
  const shown = () => [...e.querySelectorAll('table tr')].map(r => r.getAttribute('aria-rowindex') + ':'
      + [...r.children].map(c => c.getAttribute('aria-colindex')).join()).join('|');
  const most = (css, attr) => Math.max(0, ...[...e.querySelectorAll(css)].map(x => +x.getAttribute(attr)));
  const last = {  // whether the last row (column) is drawn
    scrollTop: () => most('table tr', 'aria-rowindex') >= +grid.getAttribute('aria-rowcount'),
    scrollLeft: () => most('table th, table td', 'aria-colindex') >= +grid.getAttribute('aria-colcount'),
  };
  const frame = () => new Promise(done => requestAnimationFrame(done));
  const drawn = async was => { for (let n = 0; n < CHANGE_FRAMES && shown() === was; n++) await frame(); };
  const step = async (axis, size) => {  // scroll one step along an axis; false at its end
    if (grid && last[axis]()) return false;
    const before = s[axis], was = shown();
    s[axis] = before + Math.max(1, Math.floor(s[size] * 0.8));
    if (s[axis] === before) return false;
    await drawn(was); await frame(); read(); return true;
  };
  await frame(); read();
  if (!s) return [...cells];
  do {
    if (s.scrollTop) { const was = shown(); s.scrollTop = 0; await drawn(was); await frame(); read(); }
    while (await step('scrollTop', 'clientHeight'));
  } while (await step('scrollLeft', 'clientWidth'));
  return [...cells];
}""".replace("CHANGE_FRAMES", str(CHANGE_FRAMES))


def table_cells(page: Page, table: Locator) -> set[str]:
    """Every cell of a table (see SWEEP)."""
    table.scroll_into_view_if_needed()
    table.locator("table th").first.wait_for(state="attached")  # drawn (its rows follow the header)
    return set(table.evaluate(SWEEP))


def wait_charts_fit(page: Page) -> None:
    """Until every chart in view is drawn at its box's width (Vega draws again after a resize)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('.vega-embed')].filter(e => e.checkVisibility()).every(e => {
               const s = e.querySelector('svg');
               return s && Math.abs(s.getBoundingClientRect().width - e.getBoundingClientRect().width) < 2; })"""
    )


@pytest.mark.parametrize("lang", LANGS)
def test_no_headline_figure_or_legend_is_cut(open_page: OpenPage, lang: str) -> None:
    page = open_page(f"lang={lang}")
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        wait_charts_fit(page)
        wait_for_page(page)
        labels = page.get_by_test_id("stMetricLabel").all_inner_texts()
        assert labels[0].startswith(t("metric_va", lang, year=2030)), labels  # the whole label, unit included
        assert page.evaluate(CUT_IN_METRICS) == [], f"{width}×{height} {lang}"
        values = page.get_by_test_id("stMetricValue").all_inner_texts()
        assert len(values) == 4 and not any("…" in v for v in values), values
        assert page.locator(".vega-embed svg .role-legend").count() >= 3
        assert page.evaluate(CUT_LEGENDS) == [], f"{width}×{height} {lang}"


VISIBLE = "css => [...document.querySelectorAll(css)].filter(e => e.checkVisibility()).length"


def walk(page: Page, compared: list[str]) -> tuple[list[str], set[str]]:
    """Every tab opened at 1280×720, every expander expanded and the scenarios ``compared`` chosen in
    the comparison: the visible texts (the placeholders included) and every cell of every table. On
    each tab, no metric and no legend is cut, and there are the headline's four metrics on every tab
    and a legend on the comparison's chart. The tooltips are read on the page's tree, every tab in
    each language (tests/page/test_page_wording.py); one is hovered here (tests/browser/test_browser_page.py)."""
    page.set_viewport_size({"width": 1280, "height": 720})
    texts: list[str] = []
    cells: set[str] = set()
    legends = metrics = 0
    tabs = page.get_by_role("tab")
    assert tabs.count() == 6
    for n in range(tabs.count()):
        open_tab(page, n)
        if page.locator(".st-key-compare_names").is_visible():  # the comparison's chart has a legend
            texts += page.evaluate(VISIBLE_TEXT)  # the list still empty: its placeholder shown
            for name in compared:
                pick(page, "compare_names", name)
            page.keyboard.press("Escape")
            settle(page)
        closed = page.locator('[data-testid="stExpander"] details:not([open]) > summary')
        while closed.count():
            closed.first.click()
            settle(page)
        wait_charts_fit(page)
        metrics += page.evaluate(VISIBLE, '[data-testid="stMetric"]')
        legends += page.evaluate(VISIBLE, ".vega-embed svg .role-legend")
        assert page.evaluate(CUT_IN_METRICS) == [], f"tab {n}"
        assert page.evaluate(CUT_LEGENDS) == [], f"tab {n}"
        texts += page.evaluate(VISIBLE_TEXT)
        for table in page.get_by_test_id("stDataFrame").all():
            cells |= table_cells(page, table)
    assert metrics >= 4 * 6  # the headline on every tab
    assert legends >= 4  # the scenario's three, the comparison's one at least
    return texts, cells


# What the walk must reach in each language: the history's last rows, the sources' provenance and the
# uncertainty ranges (cells).
REACHED_CELLS = {
    "zh": ("1—9月", "中宏网（网易号转载）", "三角分布", "投资额为报道原文，产值为模型假设"),
    "en": ("Triangular", "Investment from the article; output an assumption"),
}
# The official terms (item 6) the page uses, and the informal ones it must not.
OFFICIAL = {
    "zh": ("基准情景", "投产年份", "规上工业增加值", "重点项目", "不确定性区间", "敏感性分析", "目标倒推"),
    "en": ("Baseline", "Key projects", "Uncertainty range", "Sensitivity", "Goal seek", "above designated size"),
}
INFORMAL = {
    "zh": ("文章默认情景",),
    "en": ("How sure are we", "What matters most", "What would it take", "partial-year", "Article default"),
}
# Streamlit's own placeholders: the page sets every one it can, in its language (item 13)
STREAMLIT_PLACEHOLDERS = ("Choose options", "Choose an option", "No options to select")


@pytest.mark.parametrize("lang", LANGS)
def test_every_tab_is_in_the_page_language(open_page: OpenPage, scenario_db_url: str, lang: str) -> None:
    names = [f"图例检查·{lang}·基金足额实缴并加快投放", f"图例检查·{lang}·增速向全省水平回落"]
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(names[0], make_scenario({"fund_size": 100, "fund_paid_in": 1.0}), overwrite=True)
        library.save(names[1], make_scenario({"growth_end": 5.0}), overwrite=True)
    page = open_page(f"lang={lang}")
    texts, cells = walk(page, names)
    # The reading reached what matters
    for cell in REACHED_CELLS[lang]:
        assert cell in cells, cell
    shown = "\n".join(texts + sorted(cells))
    assert [term for term in OFFICIAL[lang] if term not in shown] == []
    assert [term for term in INFORMAL[lang] if term in shown] == []
    assert [x for x in STREAMLIT_PLACEHOLDERS if x in shown] == []
    # the compare list's placeholder, set by the page (which one depends on what the library holds)
    assert {t("choose_scenarios", lang), t("no_options", lang)} & set(texts)
    # Names of scenarios saved in the library are the users' words, not the page's (the two compared).
    saved = set(ScenarioLibrary(scenario_db_url).names())
    assert saved == set(names)
    mine = [x for x in texts + sorted(cells) if x.strip() not in saved]
    keys = python_words(mine)
    assert keys == {}, "\n".join(f"{word}: {text}" for word, text in sorted(keys.items()))
    if lang == "zh":  # Chinese punctuation in Chinese text (sentences quoted as published aside)
        half = {m[0] for x in mine if x.strip() not in PUBLISHED for m in HALF_WIDTH.finditer(QUOTED.sub("", x))}
        assert half == set(), half
    foreign = english_words(mine) if lang == "zh" else chinese_words(mine)
    assert foreign == {}, "\n".join(f"{word}: {text}" for word, text in sorted(foreign.items()))
