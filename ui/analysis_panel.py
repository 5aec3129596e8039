"""The "Uncertainty & goals" tab: the Monte Carlo fan, the sensitivity tornado and goal seek."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.analysis import goal_seek, load_uncertainty, monte_carlo, seekable_keys, sensitivity
from model.observations import CONFIDENCE, load_observations
from model.observations import METRICS as OBS_METRICS
from model.observations import to_csv as observations_csv
from model.observations import validate as validate_observations
from model.parameters import Scenario, ScenarioError, default_scenario, fmt_number, load_parameters
from ui import charts, messages
from ui.compute import Items, Projects, plain, projection, rebuild
from ui.controls import load_into_controls
from ui.messages import localise
from ui.text import t

DRAW_CHOICES = (1_000, 5_000, 20_000, 100_000)


@st.cache_data(max_entries=64, show_spinner=False)
def _fan(items: Items, projects: Projects, draws: int, seed: int) -> pd.DataFrame:
    return monte_carlo(rebuild(items, projects), draws=draws, seed=seed)


@st.cache_data(max_entries=256, show_spinner=False)
def _tornado(items: Items, projects: Projects) -> pd.DataFrame:
    return sensitivity(rebuild(items, projects))


def _snap(key: str, value: float | int) -> float | int:
    """The goal-seek value on the slider's grid, so that the control can take it."""
    spec = load_parameters()[key]
    if spec.kind == "int":
        return round(value)
    steps = round((value - spec.min) / spec.step)
    return min(max(round(spec.min + steps * spec.step, 10), spec.min), spec.max)


def _apply(scenario: Scenario, key: str, value: float | int, lang: str) -> None:
    load_into_controls(scenario.replace({key: value}), t("goal_apply", lang, param=key, value=fmt_number(value)))


def _ranges_table(scenario: Scenario, lang: str) -> pd.DataFrame:
    specs = load_parameters()
    rows = [
        {
            t("col_parameter", lang): specs[r.key].label(lang),
            t("col_key", lang): r.key,
            t("col_value", lang): fmt_number(getattr(scenario, r.key)),
            t("col_low", lang): fmt_number(r.low),
            t("col_high", lang): fmt_number(r.high),
            t("col_distribution", lang): r.distribution,
            t("col_provenance", lang): t("prov_" + r.provenance, lang),
            t("col_source", lang): r.why,
        }
        for r in load_uncertainty().values()
    ]
    return pd.DataFrame(rows)


def _goal_seek(scenario: Scenario, lang: str) -> None:
    st.subheader(t("goal_title", lang))
    specs = load_parameters()
    with st.form("goal_form", border=True):
        a, b = st.columns(2)
        vary = a.selectbox(
            t("goal_vary", lang),
            seekable_keys(),
            format_func=lambda k: f"{specs[k].label(lang)} ({k})",
            key="goal_vary",
        )
        kind = b.radio(
            t("goal_kind", lang), ("va", "growth"), format_func=lambda k: t(f"goal_kind_{k}", lang), key="goal_kind"
        )
        c, d = st.columns(2)
        year = c.number_input(
            t("goal_year", lang),
            min_value=2024,
            max_value=scenario.horizon_end,
            value=scenario.horizon_end,
            step=1,
            key="goal_year",
        )
        target = d.number_input(t("goal_value", lang), value=3000.0, step=10.0, key="goal_value", format="%.2f")
        solved = st.form_submit_button(t("goal_solve", lang), icon=":material/target:")
    if not solved:
        return
    try:
        result = goal_seek(
            scenario,
            vary,
            int(year),
            target_va=target if kind == "va" else None,
            target_growth=target if kind == "growth" else None,
        )
    except ScenarioError as e:
        st.error("; ".join(localise(p, lang) for p in e.problems))
        return
    message = result.message_zh if lang == "zh" and result.message_zh else result.message
    (st.success if result.reached else st.warning)(message)
    value = _snap(vary, result.value)
    st.button(
        t("goal_apply", lang, param=vary, value=fmt_number(value)),
        key="goal_apply",
        on_click=_apply,
        args=(scenario, vary, value, lang),
        icon=":material/tune:",
    )


def _observed(scenario: Scenario, lang: str) -> None:
    st.subheader(t("obs_title", lang))
    edited = st.data_editor(
        load_observations(),
        key="observations",
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "year": st.column_config.NumberColumn(t("axis_year", lang), min_value=2023, max_value=2035, step=1),
            "metric": st.column_config.SelectboxColumn(t("col_metric", lang), options=list(OBS_METRICS), required=True),
            "value": st.column_config.NumberColumn(t("value", lang), required=True),
            "source": st.column_config.TextColumn(t("help_source", lang), required=True, width="large"),
            "confidence": st.column_config.SelectboxColumn(
                t("col_confidence", lang), options=list(CONFIDENCE), required=True
            ),
        },
    )
    good, problems = validate_observations(edited)
    if problems:
        messages.show("warning", t("obs_problems", lang), problems, lang)
    frame, baseline = projection(scenario), projection(default_scenario())
    st.altair_chart(charts.growth_chart(frame, baseline, good, lang), width="stretch")
    st.caption(t("obs_caption", lang))
    st.download_button(
        t("obs_download", lang),
        data=lambda: observations_csv(good),
        file_name="observations.csv",
        mime="text/csv",
        on_click="ignore",
        key="obs_download",
        icon=":material/download:",
    )


def tab(scenario: Scenario, lang: str) -> None:
    args = plain(scenario)
    a, b, _ = st.columns([1, 1, 2])
    draws = a.selectbox(t("draws", lang), DRAW_CHOICES, index=1, format_func="{:,}".format, key="mc_draws")
    seed = b.number_input(
        t("seed", lang), min_value=0, max_value=2**31 - 1, value=0, step=1, key="mc_seed", help=t("seed_help", lang)
    )
    st.altair_chart(charts.fan_chart(_fan(*args, draws, int(seed)), lang), width="stretch")
    st.caption(t("fan_caption", lang))
    st.altair_chart(charts.tornado_chart(_tornado(*args), scenario.horizon_end, lang), width="stretch")
    st.caption(t("tornado_caption", lang))
    _goal_seek(scenario, lang)
    with st.expander(t("ranges_title", lang)):
        st.dataframe(_ranges_table(scenario, lang), hide_index=True, width="stretch")
    _observed(scenario, lang)
