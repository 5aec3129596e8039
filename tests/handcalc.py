"""docs/model.md version 3 written out again, year by year, in plain Python: the independent
implementation the tests check ``model.projection`` against.

Deliberately plain loops over years and nothing from ``model/``: the data files are read here with
the csv module, and the statuses, the fund schedule, the projects and every equation are written
from MODEL.md's text, not from the code they check. A scenario is read through ``to_dict()`` (its
values) and added projects and figures through their attributes (or keys), nothing else.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"
BASE_YEAR = 2023
TI_PLAN = 16.1  # MODEL.md equation 3: the article's 技改 growth
# MODEL.md, "History": the periods, each cumulative from January; a period not listed counts for nothing.
MONTHS = {"full-year": 12, "Q1": 3, "H1": 6}
for _n, _m in enumerate(["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"], start=2):
    MONTHS["Jan-" + _m] = _n
RANK = {"high": 3, "medium": 2}  # low rows are shown, never used


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _typed(row: Mapping[str, str]) -> Any:
    if row["kind"] == "bool":
        return row["default"] == "true"
    return int(row["default"]) if row["kind"] == "int" else float(row["default"])


def plan_levers() -> dict[str, Any]:
    """The plan: every lever at its default, from data/parameters.csv."""
    return {r["key"]: _typed(r) for r in _rows("parameters.csv") if r["role"] == "lever"}


def named_projects() -> list[dict[str, Any]]:
    return [
        {**r, "investment": float(r["investment"]), "full_output": float(r["full_output"])}
        for r in _rows("projects.csv")
    ]


def data_figures() -> list[dict[str, str]]:
    """The rows of data/history.csv as they are in the file."""
    path = DATA / "history.csv"
    return _rows("history.csv") if path.exists() else []


def _get(f: Any, key: str) -> Any:
    return f[key] if isinstance(f, Mapping) else getattr(f, key)


def statuses(figures: Iterable[Any], region: str, horizon: int, use_observed: bool) -> dict[int, tuple]:
    """(status, growth, months) for each year 2024..horizon, by MODEL.md's "Time" rule."""
    figures = list(figures)
    out = {}
    for year in range(BASE_YEAR + 1, horizon + 1):
        best, best_key = None, None
        for n, f in enumerate(figures):
            if _get(f, "region") != region or _get(f, "metric") != "va_growth_pct":
                continue
            if int(_get(f, "year")) != year or _get(f, "confidence") not in RANK:
                continue
            months = MONTHS.get(_get(f, "period"), 0)
            if months < 6:
                continue
            key = (months, RANK[_get(f, "confidence")], _get(f, "date") or "", n)
            if best_key is None or key > best_key:
                best, best_key = f, key
        if not use_observed or best is None:
            out[year] = ("projected", None, 0)
        elif best_key[0] == 12:
            out[year] = ("published", float(_get(best, "value")), 12)
        else:
            out[year] = ("estimated", float(_get(best, "value")), best_key[0])
    return out


def _figures_of(history: Any) -> list[Any]:
    """None: the data's rows; a dict {year: growth}: Dezhou full-year figures; else the figures."""
    if history is None:
        return data_figures()
    if isinstance(history, Mapping):
        return [
            {"year": y, "region": "dezhou", "metric": "va_growth_pct", "value": v, "period": "full-year",
             "date": "", "confidence": "high"}
            for y, v in history.items()
        ]  # fmt: skip
    return list(getattr(history, "figures", history))


def _share(t: int, s: float, ramp: float) -> float:
    """Equation 4."""
    if t < s:
        return 0.0
    return min((t - s + 1) / ramp, 1.0)


def run(params: Mapping[str, Any], added: Iterable[Any] = (), history: Any = None) -> dict[str, dict[int, Any]]:
    """Every column of the result table, as {column: {year: value}}."""
    p = dict(params)
    figures = _figures_of(history)
    H = int(p["horizon_end"])
    years = list(range(BASE_YEAR, H + 1))
    dz = statuses(figures, "dezhou", H, p["use_observed"])
    known = [y for y in dz if dz[y][0] != "projected"]
    P = (max(known) if known else BASE_YEAR) + 1
    plan = {**p, **plan_levers()}

    # 1. growth
    g = {}
    for t in years[1:]:
        status, value, _ = dz[t]
        if status != "projected":
            g[t] = value
        elif t < P:
            g[t] = p["growth_start"]  # a gap year
        elif H == P:
            g[t] = p["growth_start"]
        else:
            g[t] = p["growth_start"] + (p["growth_end"] - p["growth_start"]) * (t - P) / (H - P)
    # 2–3. baseline and the 技改 channel
    base = {BASE_YEAR: p["base_va"]}
    va_ti = {BASE_YEAR: p["base_va"]}
    for t in years[1:]:
        d = p["ti_effect"] * (p["ti_growth"] - TI_PLAN) if t >= P else 0.0
        base[t] = base[t - 1] * (1 + g[t] / 100)
        va_ti[t] = va_ti[t - 1] * (1 + (g[t] + d) / 100)

    # 5. funds
    def schedule(q: Mapping[str, Any], t: int) -> float:
        if q["fund_start"] <= t < q["fund_start"] + q["fund_deploy_years"]:
            return q["fund_size"] * q["fund_paid_in"] * q["fund_leverage"] / q["fund_deploy_years"]
        return 0.0

    start = p["fund_start"]
    if start < P and start != plan["fund_start"]:
        start = P  # the past is fixed
    spent = 0.0
    for c in range(2000, P):
        spent += schedule(plan, c)
    remaining = max(0.0, p["fund_size"] * p["fund_paid_in"] * p["fund_leverage"] - spent)
    window = [t for t in range(start, start + p["fund_deploy_years"]) if t >= P]
    invest, capital, plan_invest = {}, {}, {}
    for t in years:
        plan_invest[t] = schedule(plan, t)
        if t < P:
            invest[t] = plan_invest[t]
            capital[t] = invest[t] / plan["fund_leverage"]
        else:
            if window:
                invest[t] = remaining / len(window) if t in window else 0.0
            else:
                invest[t] = remaining if t == P else 0.0
            capital[t] = invest[t] / p["fund_leverage"]

    # 6. fund output
    def fund_output(inv: dict[int, float]) -> dict[int, float]:
        out = {}
        for t in years:
            total = 0.0
            for c in years:
                total += inv[c] * p["output_per_investment"] * _share(t, c + p["build_years"], p["ramp_years"])
            out[t] = total
        return out

    # 7. projects: (on, investment, full output, first year)
    mine, theirs = [], []
    for n in named_projects():
        s, s_plan, on_plan = p[n["start_key"]], plan[n["start_key"]], plan[n["on_key"]]
        theirs.append((1.0 if on_plan else 0.0, n["investment"], n["full_output"], s_plan))
        if s < P and not (s == s_plan and on_plan):
            s = P
        mine.append((1.0 if p[n["on_key"]] else 0.0, n["investment"], n["full_output"], s))
    for a in added:
        s = _get(a, "first_year")
        mine.append((1.0 if _get(a, "included") else 0.0, _get(a, "investment"), _get(a, "full_output"), max(s, P)))

    def project_output(ps: list[tuple]) -> dict[int, float]:
        return {t: sum(on * full * _share(t, s, p["ramp_years"]) for on, _i, full, s in ps) for t in years}

    def project_spend(ps: list[tuple]) -> dict[int, float]:
        b = p["build_years"]
        out = {}
        for t in years:
            total = 0.0
            for on, inv, _full, s in ps:
                if b == 0:
                    total += on * inv if t == s else 0.0
                elif s - b <= t < s:
                    total += on * inv / b
            out[t] = total
        return out

    pi_s, pi_p = project_spend(mine), project_spend(theirs)
    catch_up = max(0.0, sum(pi_s[c] - pi_p[c] for c in years if c < P))
    project_investment = {}
    for t in years:
        if t < P:
            project_investment[t] = pi_p[t]
        elif t == P:
            project_investment[t] = pi_s[t] + catch_up
        else:
            project_investment[t] = pi_s[t]

    fo, pfo = fund_output(invest), fund_output(plan_invest)
    po, ppo = project_output(mine), project_output(theirs)
    sd = statuses(figures, "shandong", H, p["use_observed"])

    res: dict[str, dict[int, Any]] = {}

    def put(key: str, t: int, value: Any) -> None:
        res.setdefault(key, {})[t] = value

    cum, province, prev = 0.0, 100.0, None
    for t in years:
        i = t - BASE_YEAR
        nc = p["value_added_rate"] * (fo[t] + po[t])
        pnc = p["value_added_rate"] * (pfo[t] + ppo[t])
        cap_policy = p["additionality"] * (nc - pnc) if t >= P else 0.0
        ti_policy = va_ti[t] - base[t]
        total = base[t] + ti_policy + cap_policy
        cum += invest[t]
        if t > BASE_YEAR:
            status, value, _ = sd[t]
            province *= 1 + (value if status != "projected" else p["province_growth"]) / 100
        put("year", t, t)
        put("status", t, "base" if t == BASE_YEAR else dz[t][0])
        put("growth_pct", t, float("nan") if t == BASE_YEAR else g[t])
        put("va_baseline", t, base[t])
        put("fund_investment", t, invest[t])
        put("fund_capital", t, capital[t])
        put("mobilized_investment", t, invest[t] - capital[t])
        put("cum_fund_investment", t, cum)
        put("project_investment", t, project_investment[t])
        put("fund_output", t, fo[t])
        put("project_output", t, po[t])
        put("newcap_va", t, nc)
        put("plan_newcap_va", t, pnc)
        put("ti_policy_va", t, ti_policy)
        put("capacity_policy_va", t, cap_policy)
        put("policy_va", t, ti_policy + cap_policy)
        put("va_total", t, total)
        put("growth_total_pct", t, float("nan") if prev is None else (total / prev - 1) * 100)
        put("revenue", t, p["base_revenue"] * total / p["base_va"] * (1 + p["revenue_drift"] / 100) ** i)
        put("ti_index", t, 100 * (1 + p["ti_growth"] / 100) ** i)
        put("province_index", t, province)
        prev = total
    first = res["va_total"][BASE_YEAR]
    res["va_index"] = {t: 100 * v / first for t, v in res["va_total"].items()}
    return res


def expected(scenario: Any, history: Any = None) -> dict[str, dict[int, Any]]:
    """The result columns by year for a Scenario (its added projects included). ``history``: None
    (the data's figures), a dict {year: growth} of Dezhou's full-year figures, or the figures."""
    return run(scenario.to_dict(), scenario.projects, history)


def headline_figures(scenario: Any, history: Any = None) -> dict[str, float]:
    """The four headline figures of the last year, as the page formats them."""
    e = expected(scenario, history)
    last = scenario.horizon_end
    va = e["va_total"]
    return {
        "va_total": va[last],
        "avg_growth_pct": ((va[last] / va[BASE_YEAR]) ** (1 / (last - BASE_YEAR)) - 1) * 100,
        "cum_fund_investment": e["cum_fund_investment"][last],
        "policy_va": e["policy_va"][last],
        "ti_policy_va": e["ti_policy_va"][last],
        "capacity_policy_va": e["capacity_policy_va"][last],
        "revenue": e["revenue"][last],
    }
