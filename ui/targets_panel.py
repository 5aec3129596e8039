"""Targets: the official ones (``data/targets.csv``) and the user's own, kept with the scenario.

The user's targets are a ui.rows.RowTable, each row parsed by model.parameters.parse_target. The
gap to each target (model.targets.gap) is shown in the headline area.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.lang import Lang
from model.parameters import (
    BASE_YEAR,
    LEVEL_METRICS,
    TARGET_FIELDS,
    TARGET_METRICS,
    Scenario,
    ScenarioError,
    Target,
    parse_target,
)
from model.problems import Problem
from model.targets import gap, load_targets, targets_for
from report.problems import allowed_range
from report.text import t
from ui import messages
from ui.rows import RowTable

TABLE = RowTable(
    name="targets",
    fields=TARGET_FIELDS,
    dtypes={"label": "string", "metric": "string", "year": "Int64", "value": "Float64", "from_year": "Int64"},
    parse=parse_target,
    add_label="targets_add_row",
    whole=("year", "from_year"),
)


def current() -> tuple[tuple[Target, ...], list[Problem]]:
    """The user's valid targets and the problems of each row that is not (those rows are left out)."""
    return TABLE.current()


def set_rows(targets: tuple[Target, ...]) -> None:
    TABLE.set_rows(targets)


def official() -> list:
    """The official targets, or none while data/targets.csv is missing or being fixed."""
    try:
        return list(load_targets())
    except ScenarioError:
        return []


def checked(scenario: Scenario, lang: Lang) -> list[Target]:
    """The targets the model checks within the scenario's horizon: official first, then the user's."""
    try:
        return targets_for(scenario.targets, scenario.horizon_end, lang)
    except ScenarioError:  # a bad data/targets.csv: the user's own still count
        return [x for x in scenario.targets if x.year <= scenario.horizon_end]


def metric_name(metric: str, lang: Lang) -> str:
    return t(f"target_metric_{metric}", lang)


def _amount(metric: str, value: float, lang: Lang, sign: bool = False) -> str:
    """A level in 亿元 with one decimal; a growth rate in % (a gap in points) with two."""
    plus = "+" if sign else ""
    if metric in LEVEL_METRICS:
        return f"{value:{plus},.1f}"
    return f"{value:{plus}.2f}"


def gap_table(scenario: Scenario, frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per checked target: what it asks, what this scenario gives, and the gap."""
    rows = []
    for target in checked(scenario, lang):
        achieved, diff = gap(target, frame)
        years = f"{target.from_year}–{target.year}" if target.metric == "growth_avg" else str(target.year)
        unit = "" if target.metric in LEVEL_METRICS else f" {t('unit_points', lang)}"
        rows.append(
            {
                t("col_target", lang): target.label,
                t("axis_year", lang): years,
                t("col_metric_kind", lang): metric_name(target.metric, lang),
                t("col_target_value", lang): _amount(target.metric, target.value, lang),
                t("this_scenario", lang): _amount(target.metric, achieved, lang),
                t("col_gap", lang): _amount(target.metric, diff, lang, sign=True) + unit,
                t("col_reached", lang): t("yes", lang) if diff >= -1e-9 else t("no", lang),
            }
        )
    return pd.DataFrame(rows)


def gaps(scenario: Scenario, frame: pd.DataFrame, lang: Lang) -> None:
    """The headline's line of targets: the gap to each one, or where to add them."""
    table = gap_table(scenario, frame, lang)
    if table.empty:
        st.caption(t("targets_none", lang))
        return
    # Folded under one line that says how many targets are reached, so that the tabs and the save row
    # stay on the first screen at 1280×720 (the official revenue target is always listed).
    reached = int((table[t("col_reached", lang)] == t("yes", lang)).sum())
    label = t("gap_summary", lang, title=t("gap_title", lang), n=len(table), reached=reached)
    with st.expander(label, expanded=False):
        st.dataframe(table, hide_index=True, width="stretch", placeholder="")


def official_table(lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("col_target", lang): o.label(lang),
                t("axis_year", lang): o.year,
                # a target for another figure (revenue) keeps its own name: the model does not give it
                t("col_metric_kind", lang): metric_name(o.target_metric if o.checkable else o.metric, lang),
                t("col_target_value", lang): o.value,
                t("col_checkable", lang): t("yes", lang) if o.checkable else t("no", lang),
                t("col_publication", lang): o.publication_name(lang),
                t("col_date", lang): o.date,
                t("col_url", lang): o.url,
                t("col_quote", lang): o.quote_zh,
                t("col_confidence", lang): t(f"conf_{o.confidence}", lang) if o.confidence else "",
                t("col_note", lang): o.note_zh if lang == "zh" else o.note_en,
            }
            for o in official()
        ]
    )


def section(lang: Lang) -> None:
    """The official targets and the editor of the user's own."""
    st.subheader(t("targets_title", lang))
    table = official_table(lang)
    if table.empty:
        st.caption(t("targets_official_none", lang))
    else:
        st.caption(t("targets_official", lang))
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            placeholder="",
            column_config={t("col_url", lang): st.column_config.LinkColumn(t("col_url", lang))},
        )
    st.caption(t("targets_own", lang))
    TABLE.editor(
        {
            "label": st.column_config.TextColumn(t("col_target", lang), max_chars=80, width="large"),
            "metric": st.column_config.SelectboxColumn(
                t("col_metric_kind", lang),
                options=list(TARGET_METRICS),
                format_func=lambda m: metric_name(m, lang),
                width="medium",
            ),
            # No min_value, max_value or step: Streamlit would change what is typed without a word.
            "year": st.column_config.NumberColumn(
                t("axis_year", lang), help=allowed_range(BASE_YEAR + 1, 2035, lang, whole=True), format="%d"
            ),
            "value": st.column_config.NumberColumn(t("col_target_value", lang), format="%.2f"),
            "from_year": st.column_config.NumberColumn(
                t("col_from_year", lang), help=allowed_range(BASE_YEAR, 2034, lang, whole=True), format="%d"
            ),
        },
        lang,
    )
    _, problems = current()
    if problems:
        messages.show("warning", t("rows_problems", lang), problems, lang)
