"""project(scenario) → the result table of docs/model.md (version 3), one row a year.

The article's plan is the baseline; the levers show what a change to the plan adds or takes away,
from the first projected year P on (the past is fixed), in two channels: 技改 (``ti_policy_va``) and
new capacity (``capacity_policy_va``). The arithmetic runs on numpy arrays shaped (draws, years) so
that the same code serves one scenario (one draw) and a Monte Carlo run (many draws, each parameter
an array of draws).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np
import pandas as pd

from model.history import History, YearFigure, load_history
from model.parameters import BASE_YEAR, PipelineProject, Project, Scenario, load_parameters, load_projects

RESULT_COLUMNS: tuple[str, ...] = (
    "year",
    "status",
    "growth_pct",
    "va_baseline",
    "fund_investment",
    "fund_capital",
    "mobilized_investment",
    "cum_fund_investment",
    "project_investment",
    "fund_output",
    "project_output",
    "newcap_va",
    "plan_newcap_va",
    "ti_policy_va",
    "capacity_policy_va",
    "policy_va",
    "va_total",
    "growth_total_pct",
    "revenue",
    "va_index",
    "ti_index",
    "province_index",
)
STATUSES = ("base", "published", "estimated", "projected")
# The levers that are years: set before P other than to the plan's value, they are taken as P.
YEAR_LEVERS = ("fund_start", "phase1_start", "phase2_start")

ArrayLike = float | int | bool | np.ndarray


@cache
def lever_defaults() -> dict[str, float | int | bool]:
    """The plan: every policy lever at its default (docs/model.md, "The plan")."""
    return {k: s.default for k, s in load_parameters().items() if s.role == "lever"}


def plan_of(scenario: Scenario) -> Scenario:
    """The article's plan for this scenario: every policy lever at its default and no added projects,
    every economy assumption and choice as the scenario has it (docs/model.md, "Equations")."""
    return dataclasses.replace(scenario.replace(lever_defaults()), projects=())


def plan_value(key: str) -> float | int | bool:
    """A lever's value in the plan (its default)."""
    return lever_defaults()[key]


def ti_plan() -> float:
    """The article's 技改 growth (16.1%): the 技改 channel measures growth above it."""
    return float(load_parameters()["ti_growth"].default)


def production_share(t: np.ndarray, first_year: ArrayLike, ramp_years: ArrayLike) -> np.ndarray:
    """Equation 4: 0 before the first output year, then rising by 1/ramp_years a year to 1."""
    return np.clip((t - first_year + 1) / ramp_years, 0.0, 1.0)


def first_projected_year(use_observed: bool, horizon_end: int, history: History | None = None) -> int:
    """P: the year after the last published or estimated year of Dezhou (2024 when there is none)."""
    return (history or load_history()).first_projected("dezhou", horizon_end, use_observed)


def effective_years(scenario: Scenario, history: History | None = None) -> dict[str, tuple[int, int]]:
    """Each year lever the scenario sets before P to other than the plan's value: (asked, used), used
    being P (docs/model.md: the past can't be changed)."""
    first = first_projected_year(scenario.use_observed, scenario.horizon_end, history)
    out: dict[str, tuple[int, int]] = {}
    for key in YEAR_LEVERS:
        asked = int(getattr(scenario, key))
        if asked < first and asked != plan_value(key):
            out[key] = (asked, first)
    return out


def _past_fixed(year: ArrayLike, plan_year: ArrayLike, first: int) -> np.ndarray:
    """A first year before P other than the plan's is taken as P."""
    year = np.asarray(year, dtype=float)
    return np.where((year < first) & (year != plan_year), float(first), year)


def _fund_schedule(col: Mapping[str, np.ndarray], years: np.ndarray) -> np.ndarray:
    """The v2 schedule F(t): size × paid-in × leverage ÷ deploy years in each year of the window."""
    start, dy = col["fund_start"], col["fund_deploy_years"]
    investing = (years >= start) & (years < start + dy)
    return np.where(investing, col["fund_size"] * col["fund_paid_in"] * col["fund_leverage"] / dy, 0.0)


def _fund_investment(
    col: Mapping[str, np.ndarray], plan: Mapping[str, np.ndarray], years: np.ndarray, first: int
) -> tuple[np.ndarray, np.ndarray]:
    """Equation 5: the funds' investment and own money each year. Before P the plan's; from P the
    money not yet invested spread over the scenario's window years ≥ P, or all in P when none is left."""
    f_plan = _fund_schedule(plan, years)
    p_start, p_dy = plan["fund_start"], plan["fund_deploy_years"]
    p_total = plan["fund_size"] * plan["fund_paid_in"] * plan["fund_leverage"]
    spent = p_total / p_dy * np.clip(np.minimum(p_start + p_dy, first) - p_start, 0, p_dy)  # Σ_{c<P} F_plan(c)
    total = col["fund_size"] * col["fund_paid_in"] * col["fund_leverage"]
    remaining = np.maximum(0.0, total - spent)
    start, dy = _past_fixed(col["fund_start"], p_start, first), col["fund_deploy_years"]
    n_left = np.clip(start + dy - np.maximum(start, first), 0, None)  # years of the window ≥ P
    in_window = (years >= first) & (years >= start) & (years < start + dy)
    later = np.where(
        n_left > 0,
        np.where(in_window, remaining / np.maximum(n_left, 1), 0.0),
        np.where(years == first, remaining, 0.0),
    )
    past = years < first
    investment = np.where(past, f_plan, later)
    capital = np.where(past, f_plan / plan["fund_leverage"], later / col["fund_leverage"])
    return investment, capital


def _fund_output(col: Mapping[str, np.ndarray], investment: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Equation 6: each year's investment (cohort c) produces from c + build_years, ramping up."""
    ramp, build = col["ramp_years"], col["build_years"]
    shape = np.broadcast_shapes(
        investment.shape, np.shape(ramp), np.shape(build), np.shape(col["output_per_investment"])
    )
    out = np.zeros(shape)
    for k, c in enumerate(years):
        cohort = investment[..., k : k + 1]
        if not np.any(cohort):
            continue
        out = out + cohort * col["output_per_investment"] * production_share(years, c + build, ramp)
    return out


def _projects(
    projects: Sequence[tuple[ArrayLike, float, float, ArrayLike]], col: Mapping[str, np.ndarray], years: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Equation 7 for (on, full_output, investment, first year) tuples: output, and investment in
    equal shares over the build_years years before the first year (all in it when build_years = 0)."""
    ramp, build = col["ramp_years"], col["build_years"]
    output = np.zeros(np.broadcast_shapes(years.shape, np.shape(ramp), np.shape(build)))
    investment = np.zeros_like(output)
    for on, full, invest, first_year in projects:
        output = output + on * full * production_share(years, first_year, ramp)
        window = (years >= first_year - build) & (years < first_year)
        share = np.where(build > 0, window / np.maximum(build, 1), years == first_year)
        investment = investment + on * invest * share
    return output, investment


def _capacity(
    col: Mapping[str, np.ndarray],
    plan: Mapping[str, np.ndarray],
    years: np.ndarray,
    projects: Sequence[Project | PipelineProject],
    first: int,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Equations 5–7 for the scenario and for the plan (levers at defaults, no added projects)."""
    fund_investment, fund_capital = _fund_investment(col, plan, years, first)
    # The plan by the same arithmetic (equation 5 gives F_plan for it): with every lever at its default
    # the scenario's money is then the plan's to the last bit, and policy_va exactly 0.
    plan_fund, _ = _fund_investment(plan, plan, years, first)
    mine: list[tuple[ArrayLike, float, float, ArrayLike]] = []
    theirs: list[tuple[ArrayLike, float, float, ArrayLike]] = []
    for proj in projects:
        if isinstance(proj, Project):
            plan_on, plan_year = plan[proj.on_key], plan[proj.start_key]
            theirs.append((plan_on, proj.full_output, proj.investment, plan_year))
            # a first year before P is kept only where the plan has the project then
            year = col[proj.start_key]
            kept = (year >= first) | ((year == plan_year) & (plan_on > 0))
            mine.append((col[proj.on_key], proj.full_output, proj.investment, np.where(kept, year, float(first))))
        else:  # an added project is not in the plan
            mine.append((float(proj.included), proj.full_output, proj.investment, max(proj.first_year, first)))
    project_output, pi_s = _projects(mine, col, years)
    plan_project_output, pi_p = _projects(theirs, col, years)
    past = years < first
    catch_up = np.maximum(0.0, np.sum(np.where(past, pi_s - pi_p, 0.0), axis=-1, keepdims=True))
    project_investment = np.where(past, pi_p, np.where(years == first, pi_s + catch_up, pi_s))
    scenario = {
        "fund_investment": fund_investment,
        "fund_capital": fund_capital,
        "fund_output": _fund_output(col, fund_investment, years),
        "project_investment": project_investment,
        "project_output": project_output,
    }
    planned = {"fund_output": _fund_output(col, plan_fund, years), "project_output": plan_project_output}
    return scenario, planned


def _growth(statuses: Mapping[int, YearFigure], years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The figure used in each published or estimated year (NaN elsewhere), and the status words."""
    figures = np.full(years.shape, np.nan)
    for k, y in enumerate(years):
        s = statuses.get(int(y))
        if s is not None and s.growth is not None:
            figures[k] = s.growth
    words = np.array(["base" if y == BASE_YEAR else statuses[int(y)].status for y in years], dtype=object)
    return figures, words


def compute(
    p: Mapping[str, ArrayLike],
    horizon_end: int,
    projects: Sequence[Project | PipelineProject],
    *,
    history: History | None = None,
    shocks: np.ndarray | None = None,
    estimate_shocks: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """docs/model.md version 3, equations 1–15, for every year from 2023 to ``horizon_end``.

    Each value of ``p`` is a scalar or a column of draws shaped (D, 1) (``use_observed`` is a scalar);
    every result is shaped (D, T) with T = horizon_end − 2023 + 1, except ``year`` and ``status``
    (T,: the status words do not depend on the draws). ``shocks`` (D, T), in points, are added to the
    baseline's growth in every year that is estimated or projected (gaps included; the Monte Carlo's
    year-to-year shocks); ``estimate_shocks`` (D, T), in points, are added to it in estimated years
    only (how far the full year may stand from its cumulative figure). Published years take neither.
    """
    history = history or load_history()
    col = {k: np.asarray(v, dtype=float) for k, v in p.items()}
    years = np.arange(BASE_YEAR, horizon_end + 1)
    i = years - BASE_YEAR
    use_observed = bool(p["use_observed"])
    statuses = history.year_status("dezhou", horizon_end, use_observed)
    first = history.first_projected("dezhou", horizon_end, use_observed)  # P
    figures, status = _growth(statuses, years)
    projected = years >= first
    estimated = status == "estimated"
    gap = (status == "projected") & ~projected

    # 1. Growth: the figure in published and estimated years; growth_start in a gap year; from P on,
    # linear from growth_start (P) to growth_end (horizon_end).
    span = max(horizon_end - first, 1)
    slope = np.clip((years - first) / span, 0.0, 1.0)
    trend = col["growth_start"] + (col["growth_end"] - col["growth_start"]) * slope
    g = np.where(projected | gap, trend, figures)
    if shocks is not None:
        g = g + np.where((status == "estimated") | (status == "projected"), shocks, 0.0)
    if estimate_shocks is not None:
        g = g + np.where(estimated, estimate_shocks, 0.0)
    g = np.where(i == 0, np.nan, g)
    # 2. The baseline (the plan's value added) compounds from base_va.
    factor = np.where(i == 0, 1.0, 1 + g / 100)
    va_baseline = col["base_va"] * np.cumprod(factor, axis=-1)
    # 3. The 技改 channel: d(t) = ti_effect × (ti_growth − 16.1) points more growth from P on.
    d = np.where(projected, col["ti_effect"] * (col["ti_growth"] - ti_plan()), 0.0)
    va_ti = col["base_va"] * np.cumprod(np.where(i == 0, 1.0, 1 + (g + d) / 100), axis=-1)
    ti_policy_va = va_ti - va_baseline

    # 5–9 for the scenario and the plan (levers at their defaults, no added projects, every economy
    # parameter at the scenario's value).
    plan_col = {**col, **{k: np.asarray(v, dtype=float) for k, v in lever_defaults().items()}}
    mine, plan = _capacity(col, plan_col, years, projects, first)
    rate = col["value_added_rate"]
    newcap_va = rate * (mine["fund_output"] + mine["project_output"])
    plan_newcap_va = rate * (plan["fund_output"] + plan["project_output"])
    # 10–12. What the levers change, from P on: the past is fixed.
    capacity_policy_va = np.where(projected, col["additionality"] * (newcap_va - plan_newcap_va), 0.0)
    policy_va = ti_policy_va + capacity_policy_va
    va_total = va_baseline + policy_va
    prev = np.concatenate([np.full((*va_total.shape[:-1], 1), np.nan), va_total[..., :-1]], axis=-1)
    growth_total = (va_total / prev - 1) * 100
    # 13. Revenue follows value added, plus revenue_drift points a year.
    revenue = col["base_revenue"] * (va_total / col["base_va"]) * (1 + col["revenue_drift"] / 100) ** i

    # 14. Shandong by the same status rule: its figures, province_growth in its gaps and from its own P.
    province, _ = _growth(history.year_status("shandong", horizon_end, use_observed), years)
    pg = np.where(np.isnan(province), col["province_growth"], province)
    province_index = 100 * np.cumprod(np.where(i == 0, 1.0, 1 + pg / 100), axis=-1)

    out = {
        "growth_pct": g,
        "va_baseline": va_baseline,
        **mine,
        "mobilized_investment": mine["fund_investment"] - mine["fund_capital"],
        "cum_fund_investment": np.cumsum(mine["fund_investment"], axis=-1),  # 15
        "newcap_va": newcap_va,
        "plan_newcap_va": plan_newcap_va,
        "ti_policy_va": ti_policy_va,
        "capacity_policy_va": capacity_policy_va,
        "policy_va": policy_va,
        "va_total": va_total,
        "growth_total_pct": growth_total,
        "revenue": revenue,
        "va_index": 100 * va_total / va_total[..., :1],
        "ti_index": 100 * (1 + col["ti_growth"] / 100) ** i,
        "province_index": province_index,
    }
    # Every column takes the shape of the widest input, so that any parameter can be a column of draws.
    shape = np.broadcast_shapes(*(np.shape(v) for v in out.values()))
    return {"year": years, "status": status, **{k: np.broadcast_to(v, shape) for k, v in out.items()}}


def scenario_projects(
    scenario: Scenario, projects: Sequence[Project] | None = None
) -> tuple[Project | PipelineProject, ...]:
    """The named projects (``data/projects.csv``, or ``projects``) and those the scenario added."""
    return (*(load_projects() if projects is None else projects), *scenario.projects)


def project(
    scenario: Scenario, projects: Sequence[Project] | None = None, *, history: History | None = None
) -> pd.DataFrame:
    """The result table for one scenario: one row a year from 2023 to ``horizon_end``."""
    projects = scenario_projects(scenario, projects)
    params = scenario.to_dict()
    out = compute(params, scenario.horizon_end, projects, history=history)
    frame = pd.DataFrame({k: np.asarray(out[k]).reshape(-1) for k in RESULT_COLUMNS})
    frame["year"] = frame["year"].astype(int)
    frame["status"] = frame["status"].astype(str)
    return frame


def headline(frame: pd.DataFrame) -> dict[str, float]:
    """The figures a meeting asks for first, from a result table.

    ``avg_growth_pct`` is the compound yearly growth of total value added from 2023 to the last year;
    ``policy_va`` is what the levers change in the last year against the article's plan, the sum of
    its 技改 channel ``ti_policy_va`` and its new-capacity channel ``capacity_policy_va``;
    ``revenue`` is the last year's operating revenue.
    """
    first, last = frame.iloc[0], frame.iloc[-1]
    years = int(last["year"] - first["year"])
    return {
        "final_year": int(last["year"]),
        "va_total": float(last["va_total"]),
        "avg_growth_pct": float(((last["va_total"] / first["va_total"]) ** (1 / years) - 1) * 100),
        "cum_fund_investment": float(last["cum_fund_investment"]),
        "policy_va": float(last["policy_va"]),
        "ti_policy_va": float(last["ti_policy_va"]),
        "capacity_policy_va": float(last["capacity_policy_va"]),
        "revenue": float(last["revenue"]),
    }
