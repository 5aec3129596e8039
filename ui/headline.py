"""The headline area: the four figures, the sentence on the plan, the gap to each target."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from model.history import History
from model.lang import Lang
from model.parameters import Scenario, load_parameters
from model.projection import headline
from report.text import data_as_of_text, t
from ui import targets_panel, url

METRICS = (
    ("metric_va", "va_total", "{:,.1f}"),
    ("metric_growth", "avg_growth_pct", "{:.2f}"),
    ("metric_fund", "cum_fund_investment", "{:,.1f}"),
    ("metric_extra", "policy_va", "{:,.1f}"),
)
COMPARED = {"metric_extra": "vs_plan"}  # what each card's change is against, said on its face; else vs_baseline


# The four cards sit in one row where each gets at least 16rem, else two by two, else one a row
# (a container query on the row of cards), so that no number is cut; a label still too long for
# its card wraps to a second line instead of losing its unit.
ROW = '[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])'
LAYOUT = f"""<style>
{ROW} {{ container-type: inline-size; flex-wrap: wrap; }}
@container (max-width: 67rem) {{ {ROW} > [data-testid="stColumn"] {{ flex: 1 1 calc(50% - 1rem) !important; }} }}
@container (max-width: 33rem) {{ {ROW} > [data-testid="stColumn"] {{ flex: 1 1 100% !important; }} }}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {{ white-space: normal !important; overflow: visible; }}
</style>"""


def metrics(frame: pd.DataFrame, baseline: pd.DataFrame, lang: Lang, label: Callable[[str], str] = str) -> None:
    """Four figures of the last year, each with its change from the baseline scenario (the defaults).
    ``label`` rewrites each label (presentation mode keeps units on one line)."""
    now, base = headline(frame), headline(baseline)
    year = now["final_year"]
    same_horizon = year == base["final_year"]
    st.html(LAYOUT)
    for col, (key_label, key, fmt) in zip(st.columns(4), METRICS, strict=True):
        if key_label in COMPARED:
            # What the levers change is itself a difference from the announced plan: the figure is the
            # change, said so under it; no second change against the baseline scenario.
            shown = fmt.replace("{:", "{:+").format(now[key]) if abs(now[key]) >= 0.05 else fmt.format(0.0)
            delta = shown if abs(now[key]) >= 0.05 else None
            description = t(COMPARED[key_label], lang)
        else:
            # A different horizon makes the last-year figures incomparable; the running sum is not.
            change = now[key] - base[key] if same_horizon or key == "cum_fund_investment" else None
            delta = None if change is None or abs(change) < 1e-9 else fmt.replace("{:", "{:+").format(change)
            description = t("vs_baseline", lang)
        col.metric(
            label(t(key_label, lang, year=year)),
            fmt.format(now[key]),
            delta=delta if delta is not None else fmt.format(0.0).replace("-", ""),
            delta_arrow="auto" if delta is not None else "off",
            delta_description=description,
            help=t(key_label + "_help", lang),
            delta_color=("inverse" if url.red_up(lang) else "normal") if delta is not None else "off",
            border=True,
            height="stretch",
        )


def plan_sentence(scenario: Scenario, frame: pd.DataFrame, lang: Lang) -> str:
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
    sentence = t("plan_changed", lang, year=year, direction=direction, delta=f"{abs(change):,.1f}", pct=f"{pct:.2f}")
    channels = t(
        "plan_channels",
        lang,
        ti=f"{float(last['ti_policy_va']):+,.1f}",
        capacity=f"{float(last['capacity_policy_va']):+,.1f}",
    )
    return sentence + ("" if lang == "zh" else " ") + channels


def data_as_of(scenario: Scenario, history: History, lang: Lang) -> str:
    """「数据截至YYYY年M月」: the latest official figure the model uses for ``scenario``."""
    return data_as_of_text(history.data_as_of(scenario.horizon_end, scenario.use_observed), lang)


def headline_area(
    scenario: Scenario, frame: pd.DataFrame, baseline: pd.DataFrame, lang: Lang, history: History
) -> None:
    """The four figures, the date of the data, the sentence on the plan, and the gap to each target."""
    metrics(frame, baseline, lang)
    # The date of the data and the (folded) gap to the targets share one row: the tabs and the save row
    # stay on the first screen at 1280×720.
    as_of, gaps = st.columns([1, 3], vertical_alignment="center")
    as_of.caption(data_as_of(scenario, history, lang), help=None)
    with gaps:
        targets_panel.gaps(scenario, frame, lang)
    st.markdown(plan_sentence(scenario, frame, lang))


# After the early headline (app.py), the script pauses this long before it builds the sidebar and the
# open tab: the server's event loop, which needs the GIL to send the figures, is not held off by the
# charts' pandas work, and the browser draws the figures before the rest arrives. Measured side by side
# with the controls floor: p50 lower in each of three runs (bench/README.md).
HEAD_START_S = 0.01
