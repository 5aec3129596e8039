"""The "Uncertainty & goals" tab: the Monte Carlo fan, the sensitivity tornado and goal seek."""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from model.analysis import (
    goal_seek,
    load_uncertainty,
    monte_carlo,
    seekable_keys,
    sensitivity,
    target_probabilities,
)
from model.history import History
from model.parameters import Scenario, ScenarioError, Target, fmt_number, load_parameters
from model.results import Fan
from report import charts
from report.plain import md_text
from report.problems import parameter_name, say
from report.text import t
from ui import messages, targets_panel
from ui.compute import HASH_HISTORY
from ui.controls import load_into_controls, rerun_app_if_loaded
from ui.tabs import Page

DRAW_CHOICES = (1_000, 5_000, 20_000, 100_000)


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=HASH_HISTORY)
def _fan(scenario: Scenario, draws: int, seed: int, history: History) -> pd.DataFrame:
    return monte_carlo(scenario, draws=draws, seed=seed, history=history)


FAN_SHOWN = "fan_shown"  # (scenario without targets, draws, seed, official figures) of the fan last drawn


def computed_fan(scenario: Scenario, history: History) -> Fan | None:
    """The fan this tab drew for ``scenario`` (its targets aside) with ``history``, for the deck; None
    if it drew none."""
    shown = st.session_state.get(FAN_SHOWN)
    if not shown or shown[0] != scenario.with_targets(()) or shown[3] != history:
        return None
    untargeted, draws, seed, _ = shown
    return Fan(_fan(untargeted, draws, seed, history), draws, seed)


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=HASH_HISTORY)
def _chances(scenario: Scenario, targets: tuple[Target, ...], draws: int, seed: int, history: History) -> pd.DataFrame:
    return target_probabilities(scenario, list(targets), draws=draws, seed=seed, history=history)


@st.cache_data(max_entries=256, show_spinner=False, hash_funcs=HASH_HISTORY)
def _tornado(scenario: Scenario, history: History) -> pd.DataFrame:
    return sensitivity(scenario, history=history)


def _snap(key: str, value: float | int) -> float | int:
    """The goal-seek value on the slider's grid, so that the control can take it."""
    spec = load_parameters()[key]
    if spec.kind == "int":
        return round(value)
    steps = round((value - spec.min) / spec.step)
    return min(max(round(spec.min + steps * spec.step, 10), spec.min), spec.max)


def _apply_text(key: str, value: float | int, lang: str) -> str:
    """The apply button's label (and its toast): the parameter by its label and unit, never its key."""
    return t("goal_apply", lang, param=parameter_name(load_parameters()[key], lang), value=fmt_number(value))


def _applied(key: str, value: float | int, lang: str) -> str:
    """What the undo box names: the parameter by its label and unit, and the value goal seek set."""
    return t("undo_goal_what", lang, param=parameter_name(load_parameters()[key], lang), value=fmt_number(value))


def _apply(scenario: Scenario, key: str, value: float | int, lang: str) -> None:
    """Set the one parameter goal seek found; the projects and targets tables stay as they are (the
    scenario already holds them: loading them again would add the user's rows a second time)."""
    load_into_controls(
        scenario.replace({key: value}),
        _apply_text(key, value, lang),
        undo_text="undo_goal",
        name=functools.partial(_applied, key, value),
        keep_saved_name=True,
        tables=False,
    )


def _ranges_table(scenario: Scenario, lang: str) -> pd.DataFrame:
    specs = load_parameters()
    rows = [
        {
            t("col_parameter", lang): specs[r.key].label(lang),
            t("col_value", lang): fmt_number(getattr(scenario, r.key)),
            t("col_low", lang): fmt_number(r.low),
            t("col_high", lang): fmt_number(r.high),
            t("col_distribution", lang): t("dist_" + r.distribution, lang),
            t("col_provenance", lang): t("prov_" + r.provenance, lang),
            t("col_source", lang): r.reasoning(lang),
        }
        for r in load_uncertainty().values()
    ]
    return pd.DataFrame(rows)


@st.fragment
def _goal_seek(scenario: Scenario, lang: str, history: History) -> None:
    """Goal seek, a fragment: filling in the form reruns this part only; applying the value found
    reruns the page, so the sidebar control shows it."""
    rerun_app_if_loaded()
    st.subheader(t("goal_title", lang))
    specs = load_parameters()
    # Outside the form: ticking it changes the parameters offered at once.
    every = st.checkbox(t("goal_all", lang), key="goal_all", help=t("goal_all_help", lang))
    offered = seekable_keys(levers_only=not every)
    if st.session_state.get("goal_vary") not in offered:
        st.session_state.pop("goal_vary", None)
    with st.form("goal_form", border=True):
        a, b = st.columns(2)
        vary = a.selectbox(
            t("goal_vary", lang),
            offered,
            format_func=lambda k: parameter_name(specs[k], lang),
            key="goal_vary",
            placeholder=t("choose", lang),
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
            history=history,
        )
    except ScenarioError as e:
        st.error(messages.text(e.problems, lang))
        return
    (st.success if result.reached else st.warning)(md_text(say(result.outcome(), lang)))
    value = _snap(vary, result.value)
    st.button(
        _apply_text(vary, value, lang),
        key="goal_apply",
        on_click=_apply,
        args=(scenario, vary, value, lang),
        icon=":material/tune:",
    )


def _probabilities(scenario: Scenario, draws: int, seed: int, lang: str, history: History) -> None:
    """The chance of reaching each target, from the same draws as the fan."""
    st.subheader(t("prob_title", lang))
    targets = tuple(targets_panel.checked(scenario, lang))
    if not targets:
        st.caption(t("targets_none", lang))
        return
    table = _chances(scenario.with_targets(()), targets, draws, seed, history)
    st.dataframe(
        pd.DataFrame(
            {
                t("col_target", lang): table["label"],
                t("axis_year", lang): table["year"],
                t("col_metric_kind", lang): [targets_panel.metric_name(m, lang) for m in table["metric"]],
                t("col_target_value", lang): table["value"],
                t("col_probability", lang): table["probability"] * 100,
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={
            t("col_probability", lang): st.column_config.ProgressColumn(
                t("col_probability", lang), format="%.0f%%", min_value=0, max_value=100
            ),
            t("axis_year", lang): st.column_config.NumberColumn(format="%d"),
        },
    )
    st.caption(t("prob_caption", lang))


@st.fragment
def _uncertainty(scenario: Scenario, published: tuple[int, ...], lang: str, history: History) -> None:
    """The fan and the chance of each target, a fragment: choosing the number of draws or the seed
    reruns this part only, not the controls."""
    a, b, _ = st.columns([1, 1, 2])
    draws = a.selectbox(
        t("draws", lang),
        DRAW_CHOICES,
        index=1,
        format_func="{:,}".format,
        key="mc_draws",
        placeholder=t("choose", lang),
    )
    seed = b.number_input(
        t("seed", lang), min_value=0, max_value=2**31 - 1, value=0, step=1, key="mc_seed", help=t("seed_help", lang)
    )
    untargeted = scenario.with_targets(())  # targets move neither the draws nor the tornado: one cache entry
    st.altair_chart(
        charts.fan_chart(_fan(untargeted, draws, int(seed), history), lang, list(published)), width="stretch"
    )
    st.session_state[FAN_SHOWN] = (untargeted, draws, int(seed), history)  # the deck adds this fan
    st.caption(t("fan_caption", lang))
    _probabilities(scenario, draws, int(seed), lang, history)


def render(page: Page) -> None:
    scenario, lang, frame = page.scenario, page.lang, page.frame
    _uncertainty(scenario, tuple(int(y) for y in frame.loc[frame["status"] == "published", "year"]), lang, page.history)
    untargeted = scenario.with_targets(())
    st.altair_chart(
        charts.tornado_chart(_tornado(untargeted, page.history), scenario.horizon_end, lang), width="stretch"
    )
    st.caption(t("tornado_caption", lang))
    _goal_seek(scenario, lang, page.history)
    with st.expander(t("ranges_title", lang)):
        st.dataframe(_ranges_table(scenario, lang), hide_index=True, width="stretch", placeholder="")
