"""project(scenario) → the result table of MODEL.md, one row a year.

The arithmetic runs on numpy arrays shaped (draws, years) so that the same code serves one
scenario (one draw) and a Monte Carlo run (many draws, each parameter an array of draws).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from model.parameters import BASE_YEAR, PipelineProject, Project, Scenario, load_projects

RESULT_COLUMNS: tuple[str, ...] = (
    "year",
    "growth_trend_pct",
    "va_trend",
    "fund_investment",
    "fund_capital",
    "mobilized_investment",
    "cum_fund_investment",
    "fund_output",
    "project_output",
    "fund_va",
    "project_va",
    "va_total",
    "growth_total_pct",
    "va_index",
    "ti_index",
    "province_index",
)

ArrayLike = float | int | bool | np.ndarray


def production_share(t: np.ndarray, first_year: ArrayLike, ramp_years: ArrayLike) -> np.ndarray:
    """Equation 3: 0 before the first output year, then rising by 1/ramp_years a year to 1."""
    return np.clip((t - first_year + 1) / ramp_years, 0.0, 1.0)


def compute(
    p: Mapping[str, ArrayLike], horizon_end: int, projects: Sequence[Project | PipelineProject]
) -> dict[str, np.ndarray]:
    """MODEL.md's equations 1–10 for every year from 2023 to ``horizon_end``.

    Each value of ``p`` is a scalar or a column of draws shaped (D, 1); every result is shaped
    (D, T) with T = horizon_end − 2023 + 1. The 2023 column is the base year: no growth, no fund
    or project output.
    """
    col = {k: np.asarray(v, dtype=float) for k, v in p.items()}
    years = np.arange(BASE_YEAR, horizon_end + 1)
    i = years - BASE_YEAR  # 0 … n
    n = horizon_end - BASE_YEAR

    # 1. Trend growth, linear from growth_start (2024) to growth_end (horizon_end).
    slope = (i - 1) / (n - 1) if n > 1 else np.zeros_like(i, dtype=float)
    g = col["growth_start"] + (col["growth_end"] - col["growth_start"]) * slope
    g = np.where(i == 0, np.nan, g)
    # 2. Trend value added compounds from base_va.
    factor = np.where(i == 0, 1.0, 1 + g / 100)
    va_trend = col["base_va"] * np.cumprod(factor, axis=-1)

    # 4. Fund investment in equal shares over the deploying years.
    start, dy = col["fund_start"], col["fund_deploy_years"]
    investing = (years >= start) & (years < start + dy)
    fund_investment = np.where(investing, col["fund_size"] * col["fund_leverage"] / dy, 0.0)
    fund_capital = np.where(investing, col["fund_size"] / dy, 0.0)

    # 5. Each year's investment (cohort c) produces from c + build_years, ramping up.
    fund_output = np.zeros(np.broadcast_shapes(fund_investment.shape, va_trend.shape))
    for k, c in enumerate(years):
        cohort = fund_investment[..., k : k + 1]
        if not np.any(cohort):
            continue
        fund_output = fund_output + cohort * col["output_per_investment"] * production_share(
            years, c + col["build_years"], col["ramp_years"]
        )

    # 6. Named projects switched on (their switch and first year are parameters), and the projects
    # a user added (their own values).
    project_output = np.zeros_like(fund_output)
    for proj in projects:
        if isinstance(proj, Project):
            on, first_year = col[proj.on_key], col[proj.start_key]
        else:
            on, first_year = float(proj.included), proj.first_year
        project_output = project_output + on * proj.full_output * production_share(years, first_year, col["ramp_years"])

    # 7–8. Value added and total.
    fund_va = col["value_added_rate"] * fund_output
    project_va = col["value_added_rate"] * project_output
    va_total = va_trend + fund_va + project_va
    prev = np.concatenate([np.full((*va_total.shape[:-1], 1), np.nan), va_total[..., :-1]], axis=-1)
    growth_total = (va_total / prev - 1) * 100

    # 9–10. Indices and the running sum. Every column takes the shape of the widest input, so that
    # any parameter (even one only the indices use) can be a column of draws.
    shape = np.broadcast_shapes(va_total.shape, np.shape(col["ti_growth"]), np.shape(col["province_growth"]))
    fund_output, project_output, fund_va, project_va, va_total, growth_total = (
        np.broadcast_to(a, shape) for a in (fund_output, project_output, fund_va, project_va, va_total, growth_total)
    )
    return {
        "year": np.broadcast_to(years, shape),
        "growth_trend_pct": np.broadcast_to(g, shape),
        "va_trend": np.broadcast_to(va_trend, shape),
        "fund_investment": np.broadcast_to(fund_investment, shape),
        "fund_capital": np.broadcast_to(fund_capital, shape),
        "mobilized_investment": np.broadcast_to(fund_investment - fund_capital, shape),
        "cum_fund_investment": np.broadcast_to(np.cumsum(fund_investment, axis=-1), shape),
        "fund_output": fund_output,
        "project_output": project_output,
        "fund_va": fund_va,
        "project_va": project_va,
        "va_total": va_total,
        "growth_total_pct": growth_total,
        "va_index": 100 * va_total / va_total[..., :1],
        "ti_index": np.broadcast_to(100 * (1 + col["ti_growth"] / 100) ** i, shape),
        "province_index": np.broadcast_to(100 * (1 + col["province_growth"] / 100) ** i, shape),
    }


def scenario_projects(
    scenario: Scenario, projects: Sequence[Project] | None = None
) -> tuple[Project | PipelineProject, ...]:
    """The named projects (``data/projects.csv``, or ``projects``) and those the scenario added."""
    return (*(load_projects() if projects is None else projects), *scenario.projects)


def project(scenario: Scenario, projects: Sequence[Project] | None = None) -> pd.DataFrame:
    """The result table for one scenario: one row a year from 2023 to ``horizon_end``."""
    projects = scenario_projects(scenario, projects)
    params = scenario.to_dict()
    out = compute(params, scenario.horizon_end, projects)
    frame = pd.DataFrame({k: np.asarray(out[k]).reshape(-1) for k in RESULT_COLUMNS})
    frame["year"] = frame["year"].astype(int)
    return frame


def headline(frame: pd.DataFrame) -> dict[str, float]:
    """The figures a meeting asks for first, from a result table.

    ``avg_growth_pct`` is the compound yearly growth of total value added from 2023 to the last year.
    """
    first, last = frame.iloc[0], frame.iloc[-1]
    years = int(last["year"] - first["year"])
    return {
        "final_year": int(last["year"]),
        "va_total": float(last["va_total"]),
        "avg_growth_pct": float(((last["va_total"] / first["va_total"]) ** (1 / years) - 1) * 100),
        "cum_fund_investment": float(last["cum_fund_investment"]),
        "extra_va": float(last["fund_va"] + last["project_va"]),
    }
