"""The "History & backtest" tab: projected growth against the official figures, the backtest, and
every official figure with its publication, date, address, sentence and confidence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.backtest import backtest
from model.history import PERIOD_MONTHS, History, load_history
from model.parameters import ScenarioError
from report import charts
from report.status import status_word
from report.text import period_name, t
from ui.tabs import Page


def history() -> History:
    """The official figures, or none while data/history.csv is missing or being fixed."""
    try:
        return load_history()
    except ScenarioError:
        return History(())


@st.cache_data(show_spinner=False, max_entries=4)
def _backtest(lang: str) -> pd.DataFrame:
    return backtest(history(), lang)


def backtest_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("axis_year", lang): table["year"],
            t("col_observed", lang): [
                status_word(s, PERIOD_MONTHS.get(p), lang)
                for s, p in zip(table["status"], table["period"], strict=True)
            ],
            t("col_period", lang): [period_name(p, lang) for p in table["period"]],
            t("col_official_pct", lang): table["official_pct"],
            t("col_projected_pct", lang): table["projected_pct"],
            t("col_error_pts", lang): table["error_pts"],
            t("col_publication", lang): table["publication"],
            t("col_date", lang): table["date"],
            t("col_confidence", lang): [t(f"conf_{c}", lang) for c in table["confidence"]],
        }
    )


def history_table(figures: History, lang: str) -> pd.DataFrame:
    """Every figure; ``used`` marks the one the model takes for a published or estimated year."""
    used = {id(f) for region in ("dezhou", "shandong") for f in figures.used(region).values()}
    return pd.DataFrame(
        [
            {
                t("axis_year", lang): f.year,
                t("col_region", lang): t(f"region_{f.region}", lang),
                t("col_metric_kind", lang): t(f"hist_metric_{f.metric}", lang),
                t("value", lang): f.value,
                t("col_period", lang): period_name(f.period, lang),
                t("col_publication", lang): f.publication_name(lang),
                t("col_date", lang): f.date,
                t("col_url", lang): f.url,
                t("col_quote", lang): f.quote(lang, t("translation_note", lang)),
                t("col_confidence", lang): t(f"conf_{f.confidence}", lang),
                t("col_used", lang): t("yes", lang) if id(f) in used else t("no", lang),
                t("col_note", lang): f.note(lang),
            }
            for f in sorted(figures.figures, key=lambda f: (f.region, f.year, f.period != "full-year", f.date))
        ]
    )


def render(page: Page) -> None:
    lang = page.lang
    figures = history()
    frame, baseline = page.frame, page.baseline
    st.altair_chart(charts.growth_chart(frame, baseline, figures.figures, lang), width="stretch")

    st.subheader(t("backtest_title", lang))
    table = _backtest(lang)
    if table.empty:
        st.caption(t("backtest_none", lang))
    else:
        st.caption(t("backtest_caption", lang))
        st.altair_chart(charts.backtest_chart(table, lang), width="stretch")
        st.dataframe(
            backtest_table(table, lang),
            hide_index=True,
            width="stretch",
            placeholder="",
            column_config={
                t("col_error_pts", lang): st.column_config.NumberColumn(format="%+.2f"),
                t("col_official_pct", lang): st.column_config.NumberColumn(format="%.1f"),
                t("col_projected_pct", lang): st.column_config.NumberColumn(format="%.2f"),
            },
        )

    st.subheader(t("history_title", lang))
    if not figures.figures:
        st.caption(t("history_none", lang))
        return
    st.caption(t("history_caption", lang))
    st.dataframe(
        history_table(figures, lang),
        hide_index=True,
        width="stretch",
        placeholder="",
        column_config={
            t("col_url", lang): st.column_config.LinkColumn(t("col_url", lang)),
            t("axis_year", lang): st.column_config.NumberColumn(format="%d"),
        },
    )
