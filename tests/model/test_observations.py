"""The "History & backtest" tab: official figures (data/history.csv) against projected growth, the
backtest, and the history table. (Replaces the editor of data/observations.csv: partial-year figures
are now rows of the history, shown as observations.)"""

from __future__ import annotations

import pytest
from pagekit import TEST_HISTORY, chart_data, chart_specs, clear_caches, run_page
from streamlit.testing.v1 import AppTest

from report.text import TEXT


def history_page(lang: str = "zh") -> AppTest:
    return run_page({"lang": lang}, tab="tab_history", lang=lang)


def test_backtest_table_and_chart(published) -> None:
    at = history_page()
    table = next(d.value for d in at.dataframe if TEXT["col_error_pts"]["zh"] in d.value.columns)
    # The article's scenario with use_observed off projects every year from 2024 (P = 2024) at the article's
    # pace held flat (model.backtest.ARTICLE_PACE = 8.4: growth_start = growth_end = 8.4), plus
    # ti_effect × (ti_growth − 16.1) = 0 at the defaults (docs/model.md equation 1): 8.4 in both years.
    projected = {2024: 8.4, 2025: 8.4}
    official = {2024: 7.0, 2025: 6.5}  # the medium-confidence 6.5, not the low 9.9
    assert list(table[TEXT["axis_year"]["zh"]]) == [2024, 2025]
    assert list(table[TEXT["col_official_pct"]["zh"]]) == [official[2024], official[2025]]
    assert list(table[TEXT["col_projected_pct"]["zh"]]) == pytest.approx([projected[2024], projected[2025]])
    errors = [projected[y] - official[y] for y in (2024, 2025)]
    assert list(table[TEXT["col_error_pts"]["zh"]]) == pytest.approx(errors)
    assert list(table[TEXT["col_publication"]["zh"]]) == ["测试公报甲", "测试公报乙"]
    english = next(d.value for d in history_page("en").dataframe if TEXT["col_error_pts"]["en"] in d.value.columns)
    assert list(english[TEXT["col_publication"]["en"]]) == ["Test bulletin A", "Test bulletin B"]  # its English name
    titles = [s.get("title") for s in chart_specs(at)]
    assert TEXT["backtest_chart_title"]["zh"] in titles


def test_history_table_lists_every_figure_with_its_source(published) -> None:
    at = history_page("en")
    table = next(d.value for d in at.dataframe if TEXT["col_quote"]["en"] in d.value.columns)
    assert len(table) == len(TEST_HISTORY)
    for column in ("col_publication", "col_date", "col_url", "col_quote", "col_confidence", "col_period", "col_used"):
        assert TEXT[column]["en"] in table.columns
    used = table.set_index(TEXT["col_publication"]["en"])[TEXT["col_used"]["en"]]
    yes, no = TEXT["yes"]["en"], TEXT["no"]["en"]
    assert used["Test bulletin B"] == yes and used["Test web page"] == no and used["Test daily"] == no
    periods = set(table[TEXT["col_period"]["en"]])
    assert periods == {"Full year", "January–July"}  # the period by name, never its code (Jan-Jul)
    zh = next(d.value for d in history_page("zh").dataframe if TEXT["col_quote"]["zh"] in d.value.columns)
    assert set(zh[TEXT["col_period"]["zh"]]) == {"全年", "1—7月"}


def test_partial_year_figures_are_observations_against_projected_growth(published) -> None:
    at = history_page()
    n = next(i for i, s in enumerate(chart_specs(at)) if s.get("title") == TEXT["growth_title"]["zh"])
    points = next(layer for layer in chart_specs(at)[n]["layer"] if layer["mark"]["type"] == "point")
    assert points["encoding"]["shape"]["scale"]["range"] == ["diamond", "circle"]
    data = chart_data(at)[n]
    assert TEXT["series_partial"]["zh"].encode() in data and TEXT["series_official"]["zh"].encode() in data
    assert "测试网文".encode() not in data  # a low-confidence figure is listed, never drawn


def test_empty_history_says_so(tmp_path, monkeypatch) -> None:
    import model.history

    monkeypatch.setattr(model.history, "DATA_DIR", tmp_path)  # no history.csv there
    clear_caches()
    try:
        at = history_page()
        captions = [c.value for c in at.caption]
        assert TEXT["backtest_none"]["zh"] in captions and TEXT["history_none"]["zh"] in captions
    finally:
        monkeypatch.undo()
        clear_caches()
