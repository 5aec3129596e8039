"""docs/model.md version 2's equations written out by hand, year by year, for the page tests.

Deliberately plain loops over years (no numpy, nothing from model.projection), so that the page's
figures are checked against the equations as written, not against the code that drew them.
"""

from __future__ import annotations

from model.parameters import Scenario, load_parameters, load_projects

TI_PLAN = 16.1  # docs/model.md equation 1: the article's 技改 growth


def _share(t: int, first: float, ramp: float) -> float:
    """Equation 3."""
    return 0.0 if t < first else min((t - first + 1) / ramp, 1.0)


def _new_capacity_va(p: dict, years: list[int], added: tuple = ()) -> dict[int, float]:
    """Equations 4–7: value added of new capacity (funds, named and added projects) each year."""
    invest = {
        c: p["fund_size"] * p["fund_paid_in"] * p["fund_leverage"] / p["fund_deploy_years"]
        if p["fund_start"] <= c < p["fund_start"] + p["fund_deploy_years"]
        else 0.0
        for c in years
    }
    out = {}
    for t in years:
        fund = sum(
            invest[c] * p["output_per_investment"] * _share(t, c + p["build_years"], p["ramp_years"]) for c in years
        )
        named = sum(
            proj.full_output * _share(t, p[proj.start_key], p["ramp_years"])
            for proj in load_projects()
            if p[proj.on_key]
        )
        extra = sum(a.full_output * _share(t, a.first_year, p["ramp_years"]) for a in added if a.included)
        out[t] = p["value_added_rate"] * (fund + named + extra)
    return out


def expected(scenario: Scenario, observed: dict[int, float] | None = None) -> dict[str, dict[int, float]]:
    """va_baseline, policy_va, va_total and cum_fund_investment by year; ``observed`` is the official
    full-year growth of the observed years (from 2024, without a gap)."""
    p = scenario.to_dict()
    observed = (observed or {}) if p["use_observed"] else {}
    years = list(range(2023, p["horizon_end"] + 1))
    first = 2024 + len(observed)  # P
    span = max(p["horizon_end"] - first, 1)
    baseline = {2023: p["base_va"]}
    for t in years[1:]:
        if t in observed:
            g = observed[t]
        else:
            slope = min(max((t - first) / span, 0.0), 1.0)
            g = p["growth_start"] + (p["growth_end"] - p["growth_start"]) * slope
            g += p["ti_effect"] * (p["ti_growth"] - TI_PLAN)
        baseline[t] = baseline[t - 1] * (1 + g / 100)
    plan = {**p, **{k: s.default for k, s in load_parameters().items() if s.role == "lever"}}
    mine, planned = _new_capacity_va(p, years, scenario.projects), _new_capacity_va(plan, years)
    policy = {t: p["additionality"] * (mine[t] - planned[t]) if t >= first else 0.0 for t in years}
    yearly = p["fund_size"] * p["fund_paid_in"] * p["fund_leverage"] / p["fund_deploy_years"]
    cum, running = {}, 0.0
    for t in years:
        running += yearly if p["fund_start"] <= t < p["fund_start"] + p["fund_deploy_years"] else 0.0
        cum[t] = running
    return {
        "va_baseline": baseline,
        "policy_va": policy,
        "va_total": {t: baseline[t] + policy[t] for t in years},
        "cum_fund_investment": cum,
    }


def headline_figures(scenario: Scenario, observed: dict[int, float] | None = None) -> dict[str, float]:
    """The four headline figures of the last year, as the page formats them."""
    e = expected(scenario, observed)
    last = scenario.horizon_end
    va = e["va_total"]
    return {
        "va_total": va[last],
        "avg_growth_pct": ((va[last] / va[2023]) ** (1 / (last - 2023)) - 1) * 100,
        "cum_fund_investment": e["cum_fund_investment"][last],
        "policy_va": e["policy_va"][last],
    }
