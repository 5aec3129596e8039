"""The projection against docs/model.md version 2: a worked check by hand, each equation on a small table,
an independent implementation on random parameter sets, and properties over the whole ranges.

Expected values are worked out by hand from docs/model.md's equations, never copied from the code's output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.history import Figure, History
from model.parameters import (
    BASE_YEAR,
    PipelineProject,
    default_scenario,
    load_parameters,
    load_projects,
    make_scenario,
)
from model.projection import RESULT_COLUMNS, first_projected_year, headline, production_share, project

# docs/model.md, "Equations", in its order.
MODEL_COLUMNS = [
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
]

EMPTY = History(())


def fig(year: int, value: float, region: str = "dezhou", confidence: str = "medium", period: str = "full-year"):
    return Figure(
        year, region, "va_growth_pct", value, period, "《测试》", "Test", f"{year + 1}-01-20", "", "句", confidence
    )


def close(expected) -> object:
    return pytest.approx(expected, rel=1e-12, abs=1e-9, nan_ok=True)


def frame(history: History = EMPTY, projects: tuple = (), **overrides):
    scenario = make_scenario(overrides).with_projects(projects)
    return project(scenario, history=history).set_index("year")


# ---------------------------------------------------------------------------------------------
# The table's shape


def test_columns_are_model_md_in_order():
    assert list(RESULT_COLUMNS) == MODEL_COLUMNS
    assert list(project(default_scenario()).columns) == MODEL_COLUMNS


def test_rows_run_from_2023_to_the_horizon():
    f = project(make_scenario({"horizon_end": 2035}))
    assert f["year"].tolist() == list(range(2023, 2036))


def test_base_year_row():
    f = frame()
    row = f.loc[2023]
    assert row["va_baseline"] == row["va_total"] == load_parameters()["base_va"].default
    assert math.isnan(row["growth_pct"]) and math.isnan(row["growth_total_pct"])
    assert row["policy_va"] == 0 and row["observed"] == 0
    assert row["va_index"] == row["ti_index"] == row["province_index"] == 100


# ---------------------------------------------------------------------------------------------
# The worked check: the plan itself, by hand (no observed years)
# Economy: base_va 1000, growth 10 then 10, output per yuan 1, value-added rate 0.2, build 1, ramp 2,
# additionality 0.5. Levers at the plan: funds of 35 × paid-in 0.4 × leverage 4.2 over 4 years from
# 2024; phases first producing in 2025 and 2027.

PLAN = dict(
    base_va=1000,
    growth_start=10,
    growth_end=10,
    output_per_investment=1,
    value_added_rate=0.2,
    build_years=1,
    ramp_years=2,
    additionality=0.5,
    horizon_end=2027,
)


def test_worked_check_plan_levels():
    f = frame(**PLAN)
    # 1–2: baseline 1000 → 1100 → 1210 → 1331 → 1464.1
    assert f["va_baseline"].tolist() == close([1000, 1100, 1210, 1331, 1464.1])
    # 4: funds invest 35 × 0.4 × 4.2 / 4 = 14.7 a year in 2024–2027; own money 35 × 0.4 / 4 = 3.5
    assert f["fund_investment"].tolist() == close([0, 14.7, 14.7, 14.7, 14.7])
    assert f["fund_capital"].tolist() == close([0, 3.5, 3.5, 3.5, 3.5])
    assert f["mobilized_investment"].tolist() == close([0, 11.2, 11.2, 11.2, 11.2])
    assert f["cum_fund_investment"].tolist() == close([0, 14.7, 29.4, 44.1, 58.8])
    # 5: each cohort produces from the next year, half then full
    assert f["fund_output"].tolist() == close([0, 0, 7.35, 14.7 + 7.35, 14.7 + 14.7 + 7.35])


def test_worked_check_projects_and_new_capacity():
    f = frame(**PLAN)
    # 6: phase 1 (20 for 22 a year) from 2025; phase 2 (32 for 35.2) from 2027; ramp 2
    assert f["project_output"].tolist() == close([0, 0, 11, 22, 22 + 17.6])
    # investment one year before the first year of output (build_years 1)
    assert f["project_investment"].tolist() == close([0, 20, 0, 32, 0])
    # 7: 0.2 × (fund + project output)
    assert f["newcap_va"].tolist() == close([0, 0, 0.2 * 18.35, 0.2 * 44.05, 0.2 * 76.35])
    # 8–10: the plan is this scenario, so nothing changes
    assert f["plan_newcap_va"].tolist() == close(f["newcap_va"].tolist())
    assert f["policy_va"].tolist() == close([0] * 5)
    assert f["va_total"].tolist() == close(f["va_baseline"].tolist())


def test_worked_check_doubling_the_funds_adds_what_the_extra_money_builds():
    f = frame(**{**PLAN, "fund_size": 70})
    # the scenario's fund output doubles: 0, 0, 14.7, 44.1, 73.5 against the plan's 0, 0, 7.35, 22.05, 36.75
    # policy_va = 0.5 × 0.2 × (difference) = 0, 0, 0.735, 2.205, 3.675
    assert f["policy_va"].tolist() == close([0, 0, 0.735, 2.205, 3.675])
    assert f["va_total"].tolist() == close([1000, 1100, 1210.735, 1333.205, 1467.775])
    assert f.loc[2025, "growth_total_pct"] == pytest.approx((1210.735 / 1100 - 1) * 100)


def test_worked_check_switching_phase_2_off_takes_it_away():
    f = frame(**{**PLAN, "phase2_on": False})
    # the plan has phase 2 (17.6 of output in 2027); the scenario does not: 0.5 × 0.2 × −17.6
    assert f.loc[2027, "policy_va"] == pytest.approx(-1.76)
    assert f.loc[2026, "project_investment"] == 0


def test_added_project_counts_in_full_against_the_plan():
    added = (PipelineProject("新项目", investment=30, full_output=40, first_year=2026),)
    f = frame(projects=added, **PLAN)
    # ramp 2: 20 in 2026, 40 in 2027; policy_va = 0.5 × 0.2 × output; invested in 2025 (build 1)
    assert f["policy_va"].tolist() == close([0, 0, 0, 2, 4])
    assert f.loc[2025, "project_investment"] == pytest.approx(30)


def test_build_years_zero_invests_in_the_first_year_and_two_spreads_it():
    f0 = frame(**{**PLAN, "build_years": 0})
    assert f0["project_investment"].tolist() == close([0, 0, 20, 0, 32])
    f2 = frame(**{**PLAN, "build_years": 2})
    # phase 1 (first year 2025): 10 in 2023 and 10 in 2024; phase 2 (2027): 16 in 2025 and 2026
    assert f2["project_investment"].tolist() == close([10, 10, 16, 16, 0])


# ---------------------------------------------------------------------------------------------
# Equation 1: growth, observed years and the 技改 channel


def test_growth_is_linear_from_the_first_projected_year():
    f = frame(growth_start=10, growth_end=4, horizon_end=2030)
    assert f["growth_pct"].tolist()[1:] == close([10, 9, 8, 7, 6, 5, 4])


def test_ti_effect_adds_points_per_point_above_the_plan():
    f = frame(growth_start=8, growth_end=8, ti_growth=26.1, ti_effect=0.1, horizon_end=2026)
    assert f["growth_pct"].tolist()[1:] == close([9, 9, 9])
    g = frame(growth_start=8, growth_end=8, ti_growth=6.1, ti_effect=0.3, horizon_end=2026)
    assert g["growth_pct"].tolist()[1:] == close([5, 5, 5])


def test_observed_years_use_the_official_figures_and_move_p():
    history = History((fig(2024, 9.0), fig(2025, 7.0)))
    f = frame(history, growth_start=8, growth_end=6, horizon_end=2030, ti_growth=26.1, ti_effect=0.1)
    assert f["observed"].tolist() == [0, 1, 1, 0, 0, 0, 0, 0]
    # observed: 9, 7 (no ti effect); projected from P = 2026: 8 → 6 over 2026–2030, plus 1 point
    assert f["growth_pct"].tolist()[1:] == close([9, 7, 9, 8.5, 8, 7.5, 7])
    assert f.loc[2025, "va_baseline"] == pytest.approx(f.loc[2023, "va_baseline"] * 1.09 * 1.07)


def test_levers_change_nothing_in_observed_years():
    history = History((fig(2024, 9.0), fig(2025, 7.0)))
    f = frame(history, fund_size=500, fund_start=2024, build_years=0, horizon_end=2030)
    assert f.loc[2024, "policy_va"] == 0 and f.loc[2025, "policy_va"] == 0
    assert f.loc[2026, "policy_va"] > 0


def test_use_observed_off_projects_every_year():
    history = History((fig(2024, 9.0),))
    f = frame(history, use_observed=False, growth_start=5, growth_end=5)
    assert f["observed"].sum() == 0
    assert f.loc[2024, "growth_pct"] == pytest.approx(5)


@pytest.mark.parametrize(
    ("figures", "expected_p"),
    [
        ((), 2024),
        ((fig(2024, 8),), 2025),
        ((fig(2025, 8),), 2024),  # a gap: 2024 missing
        ((fig(2024, 8, confidence="low"), fig(2025, 8)), 2024),  # low confidence never drives
        ((fig(2024, 8, period="Jan-Jul"),), 2024),  # partial years never drive
        ((fig(2024, 8, region="shandong"),), 2024),
    ],
)
def test_first_projected_year(figures, expected_p):
    assert first_projected_year(True, 2030, History(figures)) == expected_p


def test_disagreeing_rows_highest_confidence_then_latest():
    a = fig(2024, 5.0, confidence="low")
    b = fig(2024, 7.0)
    c = Figure(2024, "dezhou", "va_growth_pct", 7.5, "full-year", "《测试》", "T", "2025-06-01", "", "句", "medium")
    assert History((a, b, c)).chosen("dezhou")[2024].value == 7.5
    assert History((a, b)).chosen("dezhou")[2024].value == 7.0


def test_horizon_at_p_is_just_growth_start():
    history = History((fig(2024, 9.0),))
    f = frame(history, growth_start=6, growth_end=12, horizon_end=2025)
    assert f["growth_pct"].tolist()[1:] == close([9, 6])


def test_every_year_observed_leaves_nothing_projected():
    history = History((fig(2024, 9.0), fig(2025, 7.0)))
    f = frame(history, horizon_end=2025, fund_size=900)
    assert f["observed"].tolist() == [0, 1, 1]
    assert f["policy_va"].tolist() == [0, 0, 0]


def test_province_compounds_its_own_run_then_province_growth():
    history = History((fig(2024, 8.0, region="shandong"), fig(2025, 5.0, region="shandong"), fig(2024, 9.0)))
    f = frame(history, province_growth=10, horizon_end=2026)
    assert f["province_index"].tolist() == close([100, 108, 113.4, 124.74])
    # Dezhou's own run is one year; Shandong's is two
    assert f["observed"].tolist() == [0, 1, 0, 0]


def test_ti_index_compounds_ti_growth():
    f = frame(ti_growth=10, horizon_end=2026)
    assert f["ti_index"].tolist() == close([100, 110, 121, 133.1])


# ---------------------------------------------------------------------------------------------
# Equation 3


@pytest.mark.parametrize(
    ("t", "s", "ramp", "expected"),
    [(2024, 2025, 2, 0), (2025, 2025, 2, 0.5), (2026, 2025, 2, 1), (2030, 2025, 3, 1), (2026, 2025, 3, 2 / 3)],
)
def test_production_share(t, s, ramp, expected):
    assert float(production_share(np.array(t), s, ramp)) == pytest.approx(expected)


def test_headline_policy_va_is_the_last_year_change():
    f = project(make_scenario({**PLAN, "fund_size": 70}), history=EMPTY)
    h = headline(f)
    assert h["policy_va"] == pytest.approx(3.675) and h["final_year"] == 2027
    assert h["avg_growth_pct"] == pytest.approx(((1467.775 / 1000) ** 0.25 - 1) * 100)


# ---------------------------------------------------------------------------------------------
# An independent implementation of docs/model.md, in plain Python loops, on random parameter sets


def reference(p: dict, added: list[PipelineProject], history: History) -> dict[str, list[float]]:
    """docs/model.md version 2 written out again, year by year, without numpy."""
    specs = load_parameters()
    named = load_projects()
    H = p["horizon_end"]
    years = list(range(BASE_YEAR, H + 1))
    observed = {}
    if p["use_observed"]:
        y = BASE_YEAR + 1
        best = {}
        for f in history.figures:
            if f.region == "dezhou" and f.metric == "va_growth_pct" and f.period == "full-year":
                rank = ({"high": 3, "medium": 2, "low": 1}[f.confidence], f.date)
                if f.year not in best or rank > best[f.year][0]:
                    best[f.year] = (rank, f)
        while y <= H and y in best and best[y][1].confidence in ("high", "medium"):
            observed[y] = best[y][1].value
            y += 1
    P = BASE_YEAR + 1 + len(observed)

    def share(t, s):
        return 0.0 if t < s else min((t - s + 1) / p["ramp_years"], 1.0)

    def newcap(q, projects):
        inv = {}
        for t in years:
            on = q["fund_start"] <= t < q["fund_start"] + q["fund_deploy_years"]
            inv[t] = q["fund_size"] * q["fund_paid_in"] * q["fund_leverage"] / q["fund_deploy_years"] if on else 0.0
        fo = {
            t: sum(inv[c] * p["output_per_investment"] * share(t, c + p["build_years"]) for c in years) for t in years
        }
        po = {t: sum(o * out * share(t, s) for o, out, _inv, s in projects) for t in years}
        pi = {}
        for t in years:
            total = 0.0
            for o, _out, invest, s in projects:
                b = p["build_years"]
                if b == 0:
                    total += o * invest * (t == s)
                elif s - b <= t < s:
                    total += o * invest / b
            pi[t] = total
        return inv, fo, po, pi

    def projects_of(q, with_added):
        out = [(float(q[n.on_key]), n.full_output, n.investment, q[n.start_key]) for n in named]
        if with_added:
            out += [(float(a.included), a.full_output, a.investment, a.first_year) for a in added]
        return out

    inv, fo, po, pi = newcap(p, projects_of(p, True))
    plan_p = {**p, **{k: s.default for k, s in specs.items() if s.role == "lever"}}
    _, pfo, ppo, _ = newcap(plan_p, projects_of(plan_p, False))
    res = {k: [] for k in MODEL_COLUMNS}
    va_base = va_prev = None
    cum = 0.0
    prov = 100.0
    sd_obs = history.observed("shandong", H) if p["use_observed"] else {}
    for t in years:
        i = t - BASE_YEAR
        if t == BASE_YEAR:
            g = float("nan")
            va_base = p["base_va"]
        elif t in observed:
            g = observed[t]
        else:
            frac = (t - P) / (H - P) if H > P else 0.0
            g = p["growth_start"] + (p["growth_end"] - p["growth_start"]) * frac
            g += p["ti_effect"] * (p["ti_growth"] - 16.1)
        if t > BASE_YEAR:
            va_base = va_base * (1 + g / 100)
        nc = p["value_added_rate"] * (fo[t] + po[t])
        pnc = p["value_added_rate"] * (pfo[t] + ppo[t])
        pol = p["additionality"] * (nc - pnc) if t >= P else 0.0
        total = va_base + pol
        cum += inv[t]
        cap = inv[t] / p["fund_leverage"]
        if t > BASE_YEAR:
            prov *= 1 + (sd_obs[t] if t in sd_obs else p["province_growth"]) / 100
        row = {
            "year": t,
            "observed": 1.0 if t in observed else 0.0,
            "growth_pct": g,
            "va_baseline": va_base,
            "fund_investment": inv[t],
            "fund_capital": cap,
            "mobilized_investment": inv[t] - cap,
            "cum_fund_investment": cum,
            "project_investment": pi[t],
            "fund_output": fo[t],
            "project_output": po[t],
            "newcap_va": nc,
            "plan_newcap_va": pnc,
            "policy_va": pol,
            "va_total": total,
            "growth_total_pct": float("nan") if va_prev is None else (total / va_prev - 1) * 100,
            "va_index": None,
            "ti_index": 100 * (1 + p["ti_growth"] / 100) ** i,
            "province_index": prov,
        }
        va_prev = total
        for k in MODEL_COLUMNS:
            res[k].append(row[k])
    res["va_index"] = [100 * v / res["va_total"][0] for v in res["va_total"]]
    return res


def random_scenario(rng: np.random.Generator) -> dict:
    out = {}
    for key, spec in load_parameters().items():
        if spec.kind == "bool":
            out[key] = bool(rng.integers(0, 2))
        elif spec.kind == "int":
            out[key] = int(rng.integers(spec.min, spec.max + 1))
        else:
            steps = round((spec.max - spec.min) / spec.step)
            out[key] = round(spec.min + spec.step * int(rng.integers(0, steps + 1)), 6)
    return out


HISTORIES = [
    EMPTY,
    History((fig(2024, 9.0), fig(2025, 6.5), fig(2024, 8.1, "shandong"))),
    History((fig(2024, 9.0), fig(2025, 6.5), fig(2026, -2.0), fig(2024, 3.0, confidence="low"))),
]


@pytest.mark.parametrize("seed", range(40))
def test_matches_an_independent_implementation(seed):
    rng = np.random.default_rng(seed)
    params = random_scenario(rng)
    added = [
        PipelineProject(
            f"p{k}",
            float(rng.uniform(0, 200)),
            float(rng.uniform(0, 300)),
            int(rng.integers(2024, 2036)),
            bool(rng.integers(0, 2)),
        )
        for k in range(int(rng.integers(0, 4)))
    ]
    history = HISTORIES[seed % len(HISTORIES)]
    scenario = make_scenario(params).with_projects(tuple(added))
    got = project(scenario, history=history)
    want = reference(params, added, history)
    for key in MODEL_COLUMNS:
        assert got[key].tolist() == pytest.approx(want[key], rel=1e-9, abs=1e-9, nan_ok=True), key


# ---------------------------------------------------------------------------------------------
# Properties over the whole ranges


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_levers_at_defaults_change_nothing(data):
    specs = load_parameters()
    economy = {
        k: data.draw(st.integers(int(s.min), int(s.max)) if s.kind == "int" else st.floats(s.min, s.max))
        for k, s in specs.items()
        if s.role == "economy"
    }
    f = project(make_scenario(economy))
    assert (f["policy_va"] == 0).all()
    assert np.allclose(f["va_total"], f["va_baseline"])


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1000), st.floats(0, 1))
def test_more_fund_money_never_takes_value_added_away(size, additionality):
    f = project(make_scenario({"fund_size": size, "additionality": additionality}))
    plan = load_parameters()["fund_size"].default
    if size >= plan:
        assert (f["policy_va"] >= -1e-9).all()
    else:
        assert (f["policy_va"] <= 1e-9).all()


def test_additionality_zero_means_no_change():
    f = project(make_scenario({"fund_size": 500, "additionality": 0}))
    assert (f["policy_va"] == 0).all()
