"""project(scenario) → the result table of docs/model.md (version 2), one row a year.

The article's plan is the baseline; the levers show what a change to the plan adds or takes away.
The arithmetic runs on numpy arrays shaped (draws, years) so that the same code serves one scenario
(one draw) and a Monte Carlo run (many draws, each parameter an array of draws).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np
import pandas as pd

from model.history import History, load_history
from model.parameters import BASE_YEAR, PipelineProject, Project, Scenario, load_parameters, load_projects

RESULT_COLUMNS: tuple[str, ...] = (
    "year",
    "observed",
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
    "policy_va",
    "va_total",
    "growth_total_pct",
    "va_index",
    "ti_index",
    "province_index",
)

ArrayLike = float | int | bool | np.ndarray


@cache
def lever_defaults() -> dict[str, float | int | bool]:
    """The plan: every policy lever at its default (docs/model.md, "Equations")."""
    return {k: s.default for k, s in load_parameters().items() if s.role == "lever"}


def ti_plan() -> float:
    """The article's 技改 growth (16.1%): the ti_effect channel measures growth above it."""
    return float(load_parameters()["ti_growth"].default)


def production_share(t: np.ndarray, first_year: ArrayLike, ramp_years: ArrayLike) -> np.ndarray:
    """Equation 3: 0 before the first output year, then rising by 1/ramp_years a year to 1."""
    return np.clip((t - first_year + 1) / ramp_years, 0.0, 1.0)


def first_projected_year(use_observed: bool, horizon_end: int, history: History | None = None) -> int:
    """P: the first year after the observed years (2024 when there are none)."""
    if not use_observed:
        return BASE_YEAR + 1
    return BASE_YEAR + 1 + len((history or load_history()).observed("dezhou", horizon_end))


def _capacity(
    col: Mapping[str, np.ndarray], years: np.ndarray, projects: Sequence[Project | PipelineProject]
) -> dict[str, np.ndarray]:
    """Equations 4–6: the funds' investment and output, the projects' investment and output."""
    start, dy = col["fund_start"], col["fund_deploy_years"]
    investing = (years >= start) & (years < start + dy)
    capital = col["fund_size"] * col["fund_paid_in"] / dy
    fund_investment = np.where(investing, capital * col["fund_leverage"], 0.0)
    fund_capital = np.where(investing, capital, 0.0)

    # 5. Each year's investment (cohort c) produces from c + build_years, ramping up.
    ramp, build = col["ramp_years"], col["build_years"]
    fund_output = np.zeros(np.broadcast_shapes(fund_investment.shape, np.shape(ramp), np.shape(build), years.shape))
    for k, c in enumerate(years):
        cohort = fund_investment[..., k : k + 1]
        if not np.any(cohort):
            continue
        fund_output = fund_output + cohort * col["output_per_investment"] * production_share(years, c + build, ramp)

    # 6. Named projects (their switch and first year are parameters) and the projects a user added.
    # Investment: equal shares over the build_years years before the first year of output (all in
    # that year when build_years = 0).
    project_output = np.zeros_like(fund_output)
    project_investment = np.zeros_like(fund_output)
    for proj in projects:
        if isinstance(proj, Project):
            on, first_year = col[proj.on_key], col[proj.start_key]
        else:
            on, first_year = float(proj.included), proj.first_year
        project_output = project_output + on * proj.full_output * production_share(years, first_year, ramp)
        window = (years >= first_year - build) & (years < first_year)
        share = np.where(build > 0, window / np.maximum(build, 1), years == first_year)
        project_investment = project_investment + on * proj.investment * share
    return {
        "fund_investment": fund_investment,
        "fund_capital": fund_capital,
        "fund_output": fund_output,
        "project_investment": project_investment,
        "project_output": project_output,
    }


def compute(
    p: Mapping[str, ArrayLike],
    horizon_end: int,
    projects: Sequence[Project | PipelineProject],
    *,
    history: History | None = None,
    shocks: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """docs/model.md version 2, equations 1–12, for every year from 2023 to ``horizon_end``.

    Each value of ``p`` is a scalar or a column of draws shaped (D, 1) (``use_observed`` is a scalar);
    every result is shaped (D, T) with T = horizon_end − 2023 + 1. ``shocks`` (D, T), in points, are
    added to the baseline's growth in projected years (the Monte Carlo's year-to-year shocks).
    """
    history = history or load_history()
    col = {k: np.asarray(v, dtype=float) for k, v in p.items()}
    years = np.arange(BASE_YEAR, horizon_end + 1)
    i = years - BASE_YEAR
    use_observed = bool(p["use_observed"])
    observed_growth = history.observed("dezhou", horizon_end) if use_observed else {}
    first = BASE_YEAR + 1 + len(observed_growth)  # P
    observed = np.isin(years, list(observed_growth))
    projected = years >= first

    # 1. Growth: official in observed years; in projected years linear from growth_start (P) to
    # growth_end (horizon_end), plus ti_effect points per point of 技改 growth above the plan's.
    span = max(horizon_end - first, 1)
    slope = np.clip((years - first) / span, 0.0, 1.0)
    trend = col["growth_start"] + (col["growth_end"] - col["growth_start"]) * slope
    trend = trend + col["ti_effect"] * (col["ti_growth"] - ti_plan())
    if shocks is not None:
        trend = trend + shocks
    official = np.array([observed_growth.get(int(y), np.nan) for y in years])
    g = np.where(projected, trend, official)
    g = np.where(i == 0, np.nan, g)
    # 2. The baseline compounds from base_va.
    factor = np.where(i == 0, 1.0, 1 + g / 100)
    va_baseline = col["base_va"] * np.cumprod(factor, axis=-1)

    # 4–7 for the scenario, and 8 for the plan (levers at their defaults, no added projects, every
    # economy parameter at the scenario's value).
    mine = _capacity(col, years, projects)
    plan_col = {**col, **{k: np.asarray(v, dtype=float) for k, v in lever_defaults().items()}}
    plan = _capacity(plan_col, years, [q for q in projects if isinstance(q, Project)])
    rate = col["value_added_rate"]
    newcap_va = rate * (mine["fund_output"] + mine["project_output"])
    plan_newcap_va = rate * (plan["fund_output"] + plan["project_output"])
    # 9–10. What the levers change, in projected years only: the past is what was published.
    policy_va = np.where(projected, col["additionality"] * (newcap_va - plan_newcap_va), 0.0)
    va_total = va_baseline + policy_va
    prev = np.concatenate([np.full((*va_total.shape[:-1], 1), np.nan), va_total[..., :-1]], axis=-1)
    growth_total = (va_total / prev - 1) * 100

    # 11. Shandong compounds its own official run (its own length), then province_growth.
    province_observed = history.observed("shandong", horizon_end) if use_observed else {}
    pg = np.where(
        np.isin(years, list(province_observed)),
        np.array([province_observed.get(int(y), 0.0) for y in years]),
        col["province_growth"],
    )
    province_index = 100 * np.cumprod(np.where(i == 0, 1.0, 1 + pg / 100), axis=-1)

    out = {
        "year": years,
        "observed": observed.astype(float),
        "growth_pct": g,
        "va_baseline": va_baseline,
        **mine,
        "mobilized_investment": mine["fund_investment"] - mine["fund_capital"],
        "cum_fund_investment": np.cumsum(mine["fund_investment"], axis=-1),
        "newcap_va": newcap_va,
        "plan_newcap_va": plan_newcap_va,
        "policy_va": policy_va,
        "va_total": va_total,
        "growth_total_pct": growth_total,
        "va_index": 100 * va_total / va_total[..., :1],
        "ti_index": 100 * (1 + col["ti_growth"] / 100) ** i,
        "province_index": province_index,
    }
    # Every column takes the shape of the widest input, so that any parameter can be a column of draws.
    shape = np.broadcast_shapes(*(np.shape(v) for v in out.values()))
    return {k: np.broadcast_to(v, shape) for k, v in out.items()}


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
    frame["observed"] = frame["observed"].astype(int)
    return frame


def headline(frame: pd.DataFrame) -> dict[str, float]:
    """The figures a meeting asks for first, from a result table.

    ``avg_growth_pct`` is the compound yearly growth of total value added from 2023 to the last year;
    ``policy_va`` is what the levers change in the last year against the article's plan.
    """
    first, last = frame.iloc[0], frame.iloc[-1]
    years = int(last["year"] - first["year"])
    return {
        "final_year": int(last["year"]),
        "va_total": float(last["va_total"]),
        "avg_growth_pct": float(((last["va_total"] / first["va_total"]) ** (1 / years) - 1) * 100),
        "cum_fund_investment": float(last["cum_fund_investment"]),
        "policy_va": float(last["policy_va"]),
    }
