"""The headline area (figures, the sentence on the plan, the gap to each target) and the "This
scenario" tab: charts, the result table, downloads."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from model.parameters import Scenario, load_parameters
from model.projection import headline
from model.scenario_file import NamedScenario
from report import charts
from report.csv_export import dictionary_csv, frame_to_csv
from report.text import t
from ui import downloads as meeting
from ui import pipeline, render, sources, targets_panel

METRICS = (
    ("metric_va", "va_total", "{:,.1f}"),
    ("metric_growth", "avg_growth_pct", "{:.2f}"),
    ("metric_fund", "cum_fund_investment", "{:,.1f}"),
    ("metric_extra", "policy_va", "{:,.1f}"),
)


def metrics(frame: pd.DataFrame, baseline: pd.DataFrame, lang: str) -> None:
    """Four figures of the last year, each with its change from the article's plan (the defaults)."""
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


def plan_sentence(scenario: Scenario, frame: pd.DataFrame, lang: str) -> str:
    """One sentence: with every lever at its default the levers change nothing and value added is
    the article's plan; else how much they change the last year against it."""
    levers = [k for k, s in load_parameters().items() if s.role == "lever"]
    moved = scenario.projects or any(getattr(scenario, k) != load_parameters()[k].default for k in levers)
    if not moved:
        return t("plan_at_defaults", lang)
    last = frame.iloc[-1]
    year, change = int(last["year"]), float(last["policy_va"])
    if round(change, 1) == 0:
        return t("plan_changed_none", lang, year=year)
    plan = float(last["va_total"]) - change
    direction = t("change_rises" if change > 0 else "change_falls", lang)
    pct = abs(change) / plan * 100 if plan else 0.0
    return t("plan_changed", lang, year=year, direction=direction, delta=f"{abs(change):,.1f}", pct=f"{pct:.2f}")


def headline_area(scenario: Scenario, frame: pd.DataFrame, baseline: pd.DataFrame, lang: str) -> None:
    """The four figures, the sentence on the plan, and the gap to each target."""
    metrics(frame, baseline, lang)
    st.markdown(plan_sentence(scenario, frame, lang))
    targets_panel.gaps(scenario, frame, lang)


def tab(scenario: Scenario, frame: pd.DataFrame, baseline: pd.DataFrame, lang: str) -> None:
    """The charts and the downloads (the table, the pipeline and the targets have a tab of their own)."""
    targets = targets_panel.checked(scenario, lang)
    va_data = charts.value_added_data(frame, baseline, lang, targets=targets)
    render.chart(st, "value_added", va_data, lang, key="chart_va")
    left, right = st.columns(2)
    render.chart(left, "source", charts.baseline_data(frame, lang), lang)
    render.chart(right, "change", charts.change_data(frame, lang), lang)
    render.chart(st, "investment", charts.stacked_data(frame, charts.INVESTMENT_COLUMNS, lang), lang)
    d1, d2, d3, d4 = st.columns(4)
    downloads(d1, d2, frame, lang)
    images = [
        (
            "value-added",
            t("chart_va_title", lang),
            lambda: charts.value_added_chart(frame, baseline, lang, targets=targets),
        ),
        ("baseline", t("chart_source_title", lang), lambda: charts.source_chart(frame, lang)),
        ("change", t("chart_change_title", lang), lambda: charts.change_chart(frame, lang)),
        ("investment", t("chart_invest_title", lang), lambda: charts.investment_chart(frame, lang)),
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
    """The result table (published years marked), the project pipeline and the targets."""
    st.subheader(t("table_title", lang))
    shown = frame.assign(observed=frame["observed"].map({1: t("published", lang), 0: t("projected", lang)}))
    config = sources.result_column_config(lang)
    config["observed"] = st.column_config.TextColumn(t("col_observed", lang), help=config["observed"]["help"])
    st.dataframe(shown, hide_index=True, column_config=config, width="stretch")
    pipeline.section(scenario, lang)
    targets_panel.section(lang)
