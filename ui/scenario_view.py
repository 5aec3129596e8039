"""The headline figures and the "This scenario" tab: charts, the result table, downloads."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from model.export import dictionary_csv, frame_to_csv
from model.parameters import Scenario
from model.projection import headline
from model.scenario_file import NamedScenario
from ui import charts, pipeline, render, sources
from ui import downloads as meeting
from ui.text import t

METRICS = (
    ("metric_va", "va_total", "{:,.1f}"),
    ("metric_growth", "avg_growth_pct", "{:.2f}"),
    ("metric_fund", "cum_fund_investment", "{:,.1f}"),
    ("metric_extra", "extra_va", "{:,.1f}"),
)


def metrics(frame: pd.DataFrame, baseline: pd.DataFrame, lang: str) -> None:
    """Four figures of the last year, each with its change from the article's defaults."""
    now, base = headline(frame), headline(baseline)
    year = now["final_year"]
    same_horizon = year == base["final_year"]
    for col, (label, key, fmt) in zip(st.columns(4), METRICS, strict=True):
        # A different horizon makes the last-year figures incomparable; the running sum is not.
        delta = now[key] - base[key] if same_horizon or key == "cum_fund_investment" else None
        col.metric(
            t(label, lang, year=year),
            fmt.format(now[key]),
            delta=None if delta is None or abs(delta) < 1e-9 else fmt.replace("{:", "{:+").format(delta),
            help=t(label + "_help", lang),
            border=True,
        )


def tab(scenario: Scenario, frame: pd.DataFrame, baseline: pd.DataFrame, lang: str) -> None:
    """The three charts and the downloads (the table and the pipeline have a tab of their own)."""
    render.chart(st, "value_added", charts.value_added_data(frame, baseline, lang), lang, key="chart_va")
    left, right = st.columns(2)
    render.chart(left, "investment", charts.stacked_data(frame, charts.INVESTMENT_COLUMNS, lang), lang)
    render.chart(right, "source", charts.stacked_data(frame, charts.SOURCE_COLUMNS, lang), lang)
    d1, d2, d3, d4 = st.columns(4)
    downloads(d1, d2, frame, lang)
    images = [
        ("value-added", t("chart_va_title", lang), lambda: charts.value_added_chart(frame, baseline, lang)),
        ("investment", t("chart_invest_title", lang), lambda: charts.investment_chart(frame, lang)),
        ("sources", t("chart_source_title", lang), lambda: charts.source_chart(frame, lang)),
    ]
    meeting.chart_images(d3, images, lang)
    meeting.deck(d4, lambda: [NamedScenario("", scenario)], lang, key="deck_current")


def downloads(d1: Any, d2: Any, frame: pd.DataFrame, lang: str) -> None:
    # Callable data: the file is made when the user clicks, not on every rerun.
    d1.download_button(
        t("download_csv", lang),
        data=lambda: frame_to_csv(frame),
        file_name="dezhou-scenario.csv",
        mime="text/csv",
        help=t("download_csv_help", lang),
        on_click="ignore",
        icon=":material/download:",
        key="download_csv",
    )
    d2.download_button(
        t("download_dict", lang),
        data=dictionary_csv,
        file_name="dezhou-data-dictionary.csv",
        mime="text/csv",
        help=t("download_dict_help", lang),
        on_click="ignore",
        icon=":material/menu_book:",
        key="download_dict",
    )


def table_tab(scenario: Scenario, frame: pd.DataFrame, lang: str) -> None:
    """The result table, its downloads and the project pipeline."""
    st.subheader(t("table_title", lang))
    st.dataframe(frame, hide_index=True, column_config=sources.result_column_config(lang), width="stretch")
    pipeline.section(scenario, lang)
