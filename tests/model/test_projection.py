"""The projection against MODEL.md version 3: worked checks by hand, each equation on a small table,
an independent implementation (tests/handcalc.py) on random parameter sets, projects and histories,
and properties over the whole ranges.

Expected values are worked out by hand from MODEL.md's equations (the arithmetic is in the comments),
never copied from the code's output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from handcalc import run as reference
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from modelkit import fig

from model.history import History
from model.parameters import PipelineProject, default_scenario, load_parameters, make_scenario
from model.projection import (
    RESULT_COLUMNS,
    effective_years,
    first_projected_year,
    headline,
    production_share,
    project,
)

# MODEL.md version 3, "The result table", in its order.
MODEL_COLUMNS = [
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
]

EMPTY = History(())


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
    specs = load_parameters()
    assert row["va_baseline"] == row["va_total"] == specs["base_va"].default
    assert row["revenue"] == specs["base_revenue"].default  # base_revenue × 1 × 1
    assert math.isnan(row["growth_pct"]) and math.isnan(row["growth_total_pct"])
    assert row["policy_va"] == row["ti_policy_va"] == row["capacity_policy_va"] == 0
    assert row["status"] == "base"
    assert row["va_index"] == row["ti_index"] == row["province_index"] == 100


# ---------------------------------------------------------------------------------------------
# The worked check: the plan itself, by hand (no published years, so P = 2024)
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
    assert f["status"].tolist() == ["base"] + ["projected"] * 4
    # 1–2: baseline 1000 → 1100 → 1210 → 1331 → 1464.1
    assert f["va_baseline"].tolist() == close([1000, 1100, 1210, 1331, 1464.1])
    # 5: funds invest 35 × 0.4 × 4.2 / 4 = 14.7 a year in 2024–2027; own money 35 × 0.4 / 4 = 3.5
    assert f["fund_investment"].tolist() == close([0, 14.7, 14.7, 14.7, 14.7])
    assert f["fund_capital"].tolist() == close([0, 3.5, 3.5, 3.5, 3.5])
    assert f["mobilized_investment"].tolist() == close([0, 11.2, 11.2, 11.2, 11.2])
    assert f["cum_fund_investment"].tolist() == close([0, 14.7, 29.4, 44.1, 58.8])
    # 6: each cohort produces from the next year, half then full
    assert f["fund_output"].tolist() == close([0, 0, 7.35, 14.7 + 7.35, 14.7 + 14.7 + 7.35])


def test_worked_check_projects_and_new_capacity():
    f = frame(**PLAN)
    # 7: phase 1 (20 for 22 a year) from 2025; phase 2 (32 for 35.2) from 2027; ramp 2
    assert f["project_output"].tolist() == close([0, 0, 11, 22, 22 + 17.6])
    # investment one year before the first year of output (build_years 1)
    assert f["project_investment"].tolist() == close([0, 20, 0, 32, 0])
    # 8: 0.2 × (fund + project output)
    assert f["newcap_va"].tolist() == close([0, 0, 0.2 * 18.35, 0.2 * 44.05, 0.2 * 76.35])
    # 9–11: the plan is this scenario, so nothing changes
    assert f["plan_newcap_va"].tolist() == close(f["newcap_va"].tolist())
    assert f["policy_va"].tolist() == close([0] * 5)
    assert f["ti_policy_va"].tolist() == close([0] * 5)
    assert f["va_total"].tolist() == close(f["va_baseline"].tolist())


def test_worked_check_doubling_the_funds_adds_what_the_extra_money_builds():
    f = frame(**{**PLAN, "fund_size": 70})
    # P = 2024, nothing invested before it: R = 70 × 0.4 × 4.2 = 117.6 over 2024–2027, 29.4 a year.
    # The scenario's fund output: 0, 0, 14.7, 44.1, 73.5 against the plan's 0, 0, 7.35, 22.05, 36.75;
    # capacity_policy_va = 0.5 × 0.2 × (difference) = 0, 0, 0.735, 2.205, 3.675
    assert f["fund_investment"].tolist() == close([0, 29.4, 29.4, 29.4, 29.4])
    assert f["capacity_policy_va"].tolist() == close([0, 0, 0.735, 2.205, 3.675])
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
# Equation 3: the 技改 channel is scored, the baseline does not move


def test_ti_growth_moves_the_ti_channel_not_the_baseline():
    f = frame(base_va=1000, growth_start=8, growth_end=8, ti_growth=26.1, ti_effect=0.1, horizon_end=2026)
    # d = 0.1 × (26.1 − 16.1) = 1 point: va_ti grows 9% a year, the baseline 8%:
    # 2024: 1090 − 1080 = 10; 2025: 1188.1 − 1166.4 = 21.7; 2026: 1295.029 − 1259.712 = 35.317
    assert f["growth_pct"].tolist()[1:] == close([8, 8, 8])
    assert f["va_baseline"].tolist() == close([1000, 1080, 1166.4, 1259.712])
    assert f["ti_policy_va"].tolist() == close([0, 10, 21.7, 35.317])
    assert f["capacity_policy_va"].tolist() == close([0, 0, 0, 0])
    assert f["policy_va"].tolist() == close([0, 10, 21.7, 35.317])
    assert f["va_total"].tolist() == close([1000, 1090, 1188.1, 1295.029])
    # below the plan it takes away: d = 0.3 × (6.1 − 16.1) = −3 points: 1050 − 1080 = −30 in 2024
    g = frame(base_va=1000, growth_start=8, growth_end=8, ti_growth=6.1, ti_effect=0.3, horizon_end=2025)
    assert g.loc[2024, "ti_policy_va"] == pytest.approx(-30)


def test_ti_growth_20_is_scored_on_the_defaults():
    f = frame(ti_growth=20)
    assert (f.loc[2024:, "ti_policy_va"] > 0).all()
    assert f["policy_va"].tolist() == close(f["ti_policy_va"].tolist())
    assert f["va_baseline"].tolist() == close(frame()["va_baseline"].tolist())


def test_ti_channel_starts_at_p():
    history = History((fig(2024, 9.0), fig(2025, 7.0)))
    f = frame(history, base_va=1000, growth_start=8, growth_end=8, ti_growth=26.1, ti_effect=0.1, horizon_end=2026)
    # 2024, 2025 published: no channel; 2026 (P): va_ti = 1000 × 1.09 × 1.07 × 1.09, baseline × 1.08:
    # 1166.3 × 0.01 = 11.663
    assert f["ti_policy_va"].tolist() == close([0, 0, 0, 11.663])


# ---------------------------------------------------------------------------------------------
# Equation 1 and "Time": statuses, P, gaps


def test_growth_is_linear_from_the_first_projected_year():
    f = frame(growth_start=10, growth_end=4, horizon_end=2030)
    assert f["growth_pct"].tolist()[1:] == close([10, 9, 8, 7, 6, 5, 4])


def test_published_years_use_the_official_figures_and_move_p():
    history = History((fig(2024, 9.0), fig(2025, 7.0)))
    f = frame(history, growth_start=8, growth_end=6, horizon_end=2030)
    assert f["status"].tolist() == ["base", "published", "published"] + ["projected"] * 5
    # published: 9, 7; projected from P = 2026: 8 → 6 over 2026–2030
    assert f["growth_pct"].tolist()[1:] == close([9, 7, 8, 7.5, 7, 6.5, 6])
    assert f.loc[2025, "va_baseline"] == pytest.approx(f.loc[2023, "va_baseline"] * 1.09 * 1.07)


def test_an_estimated_year_uses_its_cumulative_figure():
    # 2024: Jan–Jul 8.4 (7 months ≥ 6): estimated; 2025: full year 7.5: published; P = 2026
    history = History((fig(2024, 8.4, period="Jan-Jul"), fig(2025, 7.5)))
    f = frame(history, base_va=1000, growth_start=6, growth_end=6, horizon_end=2027)
    assert f["status"].tolist() == ["base", "estimated", "published", "projected", "projected"]
    assert f["growth_pct"].tolist()[1:] == close([8.4, 7.5, 6, 6])
    # 1000 × 1.084 × 1.075 = 1165.3
    assert f.loc[2025, "va_baseline"] == pytest.approx(1165.3)
    assert first_projected_year(True, 2027, history) == 2026


def test_a_gap_year_takes_growth_start():
    # 2024 has nothing, 2025 is published: 2024 is a gap (projected before K = 2025); P = 2026
    history = History((fig(2025, 7.0),))
    f = frame(history, growth_start=5, growth_end=9, horizon_end=2028, fund_size=70)
    assert f["status"].tolist() == ["base", "projected", "published", "projected", "projected", "projected"]
    # the gap year: growth_start (5); from P = 2026: 5 → 9 over 2026–2028
    assert f["growth_pct"].tolist()[1:] == close([5, 7, 5, 7, 9])
    # the levers act from P only: nothing in the gap year
    assert f.loc[2024, "policy_va"] == 0 and f.loc[2025, "policy_va"] == 0


def test_levers_change_nothing_before_p():
    history = History((fig(2024, 9.0), fig(2025, 7.0)))
    f = frame(history, fund_size=500, fund_start=2024, build_years=0, ti_growth=30, horizon_end=2030)
    assert f.loc[2024, "policy_va"] == 0 and f.loc[2025, "policy_va"] == 0
    assert f.loc[2026, "policy_va"] > 0


def test_use_observed_off_projects_every_year():
    history = History((fig(2024, 9.0),))
    f = frame(history, use_observed=False, growth_start=5, growth_end=5)
    assert (f.loc[2024:, "status"] == "projected").all()
    assert f.loc[2024, "growth_pct"] == pytest.approx(5)


@pytest.mark.parametrize(
    ("figures", "expected_p"),
    [
        ((), 2024),
        ((fig(2024, 8),), 2025),
        ((fig(2025, 8),), 2026),  # a gap: 2024 missing, still P = K + 1
        ((fig(2024, 8, confidence="low"), fig(2025, 8, confidence="low")), 2024),  # low never used
        ((fig(2024, 8, period="Jan-Jul"),), 2025),  # seven months: estimated
        ((fig(2024, 8, period="H1"),), 2025),  # six months: estimated
        ((fig(2024, 8, period="Jan-May"),), 2024),  # five months: counts for nothing
        ((fig(2024, 8, period="Q1"),), 2024),  # three months: counts for nothing
        ((fig(2024, 8, period="Q3"),), 2024),  # not a period MODEL.md lists
        ((fig(2024, 8, region="shandong"),), 2024),
        ((fig(2031, 8),), 2024),  # after the horizon (2030)
    ],
)
def test_first_projected_year(figures, expected_p):
    assert first_projected_year(True, 2030, History(figures)) == expected_p


def test_full_year_beats_any_partial_figure():
    # the partial one is of higher confidence and later: the full-year figure still wins
    history = History((fig(2024, 6.0), fig(2024, 9.9, period="Jan-Nov", confidence="high", date="2025-12-30")))
    s = history.year_status("dezhou", 2026)[2024]
    assert (s.status, s.growth, s.months) == ("published", 6.0, 12)


def test_most_months_then_confidence_then_date_then_last_listed():
    a = fig(2024, 1.0, period="Jan-Jul", confidence="high")
    b = fig(2024, 2.0, period="Jan-Aug", confidence="medium")
    assert History((a, b)).year_status("dezhou", 2024)[2024].growth == 2.0  # 8 months beat 7
    c = fig(2024, 3.0, period="Jan-Aug", confidence="high", date="2024-01")
    assert History((a, b, c)).year_status("dezhou", 2024)[2024].growth == 3.0  # high beats medium
    d = fig(2024, 4.0, period="Jan-Aug", confidence="high", date="2024-09-20")
    e = fig(2024, 5.0, period="Jan-Aug", confidence="high", date="2024-09")
    assert History((d, e)).year_status("dezhou", 2024)[2024].growth == 4.0  # "2024-09" < "2024-09-20"
    f_ = fig(2024, 6.0, period="Jan-Aug", confidence="high", date="")
    assert History((f_, e)).year_status("dezhou", 2024)[2024].growth == 5.0  # an empty date is the oldest
    g = fig(2024, 7.0, period="Jan-Aug", confidence="high", date="2024-09")
    assert History((e, g)).year_status("dezhou", 2024)[2024].growth == 7.0  # then the row listed last
    assert History((g, e)).year_status("dezhou", 2024)[2024].growth == 5.0
    assert History((g,)).with_added([e]).year_status("dezhou", 2024)[2024].growth == 5.0  # added come after


def test_data_as_of_is_the_latest_figure_used():
    assert EMPTY.data_as_of(2030) is None
    assert History((fig(2024, 8.4, period="Jan-Jul"),)).data_as_of(2030) == (2024, 7)
    assert History((fig(2024, 8.4, period="Jan-Jul"), fig(2025, 7.5))).data_as_of(2030) == (2025, 12)
    assert History((fig(2025, 7.5), fig(2026, 6, period="H1"))).data_as_of(2030) == (2026, 6)
    assert History((fig(2026, 6, period="Jan-May"),)).data_as_of(2030) is None  # five months: not used
    assert History((fig(2024, 8.4),)).data_as_of(2030, use_observed=False) is None


def test_horizon_at_p_is_just_growth_start():
    history = History((fig(2024, 9.0),))
    f = frame(history, growth_start=6, growth_end=12, horizon_end=2025)
    assert f["growth_pct"].tolist()[1:] == close([9, 6])


def test_every_year_known_leaves_nothing_projected():
    history = History((fig(2024, 9.0), fig(2025, 7.0, period="Jan-Oct")))
    f = frame(history, horizon_end=2025, fund_size=900, ti_growth=40)
    assert f["status"].tolist() == ["base", "published", "estimated"]
    assert f["policy_va"].tolist() == [0, 0, 0]


def test_province_compounds_its_own_figures_then_province_growth():
    history = History(
        (fig(2024, 8.0, region="shandong"), fig(2025, 5.0, region="shandong", period="Jan-Sep"), fig(2024, 9.0))
    )
    f = frame(history, province_growth=10, horizon_end=2026)
    # 100 × 1.08 = 108; × 1.05 (Shandong's Jan–Sep 2025, estimated) = 113.4; × 1.10 = 124.74
    assert f["province_index"].tolist() == close([100, 108, 113.4, 124.74])
    # Dezhou's own figures are one year; Shandong's two
    assert f["status"].tolist() == ["base", "published", "projected", "projected"]


def test_province_gap_takes_province_growth():
    history = History((fig(2025, 5.0, region="shandong"),))
    f = frame(history, province_growth=10, horizon_end=2026)
    # 2024 a gap (10%): 110; 2025 published 5%: 115.5; 2026 10%: 127.05
    assert f["province_index"].tolist() == close([100, 110, 115.5, 127.05])


def test_ti_index_compounds_ti_growth():
    f = frame(ti_growth=10, horizon_end=2026)
    assert f["ti_index"].tolist() == close([100, 110, 121, 133.1])


# ---------------------------------------------------------------------------------------------
# Equation 5: the funds' money not yet invested, from P

TWO_PUBLISHED = History((fig(2024, 10.0), fig(2025, 10.0)))  # P = 2026


def test_the_rest_of_the_money_paid_in_from_p():
    f = frame(TWO_PUBLISHED, **{**PLAN, "horizon_end": 2030, "fund_paid_in": 1.0})
    # The plan: 35 × 0.4 × 4.2 = 58.8, 14.7 a year in 2024–2027; invested before P: 29.4.
    # The scenario: 35 × 1.0 × 4.2 = 147; R = 147 − 29.4 = 117.6 over its window's years ≥ P (2026,
    # 2027): 58.8 each. Before P the plan's 14.7.
    assert f["fund_investment"].tolist() == close([0, 14.7, 14.7, 58.8, 58.8, 0, 0, 0])
    # own money: 14.7 / 4.2 = 3.5 before P, 58.8 / 4.2 = 14 from P
    assert f["fund_capital"].tolist() == close([0, 3.5, 3.5, 14, 14, 0, 0, 0])
    assert f["cum_fund_investment"].tolist() == close([0, 14.7, 29.4, 88.2, 147, 147, 147, 147])
    # Fund output (cohort c from c + 1, half then full): the scenario 0, 0, 7.35, 22.05, 58.8, 117.6,
    # 147, 147; the plan 0, 0, 7.35, 22.05, 36.75, 51.45, 58.8, 58.8. The difference from 2027:
    # 22.05, 66.15, 88.2, 88.2; × 0.5 × 0.2 = 2.205, 6.615, 8.82, 8.82
    assert f["fund_output"].tolist() == close([0, 0, 7.35, 22.05, 58.8, 117.6, 147, 147])
    assert f["capacity_policy_va"].tolist() == close([0, 0, 0, 0, 2.205, 6.615, 8.82, 8.82])


def test_a_window_that_has_passed_puts_the_rest_in_p():
    f = frame(TWO_PUBLISHED, **{**PLAN, "horizon_end": 2028, "fund_deploy_years": 1})
    # The scenario's window is 2024 alone (start 2024 is the plan's, so it stays); none of it is ≥ P.
    # R = 35 × 0.4 × 4.2 − 29.4 = 29.4, all in P = 2026.
    assert f["fund_investment"].tolist() == close([0, 14.7, 14.7, 29.4, 0, 0])


def test_less_money_than_already_invested_invests_nothing_more():
    f = frame(TWO_PUBLISHED, **{**PLAN, "horizon_end": 2028, "fund_size": 10})
    # 10 × 0.4 × 4.2 = 16.8 < 29.4 already invested: R = max(0, 16.8 − 29.4) = 0
    assert f["fund_investment"].tolist() == close([0, 14.7, 14.7, 0, 0, 0])


def test_a_fund_start_moved_into_the_past_is_taken_as_p():
    scenario = make_scenario({**PLAN, "horizon_end": 2030, "fund_start": 2025})
    assert effective_years(scenario, TWO_PUBLISHED) == {"fund_start": (2025, 2026)}
    f = project(scenario, history=TWO_PUBLISHED).set_index("year")
    # start 2025 ≠ the plan's 2024 and before P: taken as 2026; window 2026–2029;
    # R = 58.8 − 29.4 = 29.4, 7.35 a year
    assert f["fund_investment"].tolist() == close([0, 14.7, 14.7, 7.35, 7.35, 7.35, 7.35, 0])
    # the plan's own start year, before P, is not moved
    assert effective_years(make_scenario({"fund_start": 2024}), TWO_PUBLISHED) == {}


# ---------------------------------------------------------------------------------------------
# Equation 7: project years before P, and the catch-up in P


def test_a_project_year_moved_into_the_past_is_taken_as_p():
    scenario = make_scenario({**PLAN, "horizon_end": 2029, "phase2_start": 2025, "phase1_start": 2025})
    assert effective_years(scenario, TWO_PUBLISHED) == {"phase2_start": (2025, 2026)}
    f = project(scenario, history=TWO_PUBLISHED).set_index("year")
    # Phase 1 keeps 2025 (the plan's). Phase 2 asked 2025 ≠ the plan's 2027, before P: taken as 2026.
    # Output of phase 2 (35.2 a year, ramp 2): from 2026, 17.6 then 35.2; the plan's from 2027.
    # Difference: 2026 17.6, 2027 35.2 − 17.6 = 17.6, then 0; × 0.5 × 0.2 = 1.76, 1.76, 0, 0
    assert f["capacity_policy_va"].tolist() == close([0, 0, 0, 1.76, 1.76, 0, 0])
    # Investment (build 1): before P the plan's (phase 1's 20 in 2024; nothing in 2025). The scenario
    # would have spent 32 in 2025 (the year before 2026), the plan 0: the 32 is spent in P, with the
    # scenario's own 0 in 2026; the plan's 32 in 2026 is not the scenario's.
    assert f["project_investment"].tolist() == close([0, 20, 0, 32, 0, 0, 0])


def test_an_added_project_in_the_past_starts_in_p():
    added = (PipelineProject("补录项目", investment=30, full_output=40, first_year=2024),)
    f = frame(TWO_PUBLISHED, projects=added, **{**PLAN, "horizon_end": 2028})
    # first year 2024 < P = 2026 and not in the plan: 2026. Output 20, 40, 40 from 2026;
    # capacity_policy_va = 0.5 × 0.2 × output = 2, 4, 4. Investment (build 1): with first year 2026
    # its 30 is due in 2025, before P; the plan spent nothing then, so the 30 is spent in P:
    # 2026 = the scenario's own 32 (phase 2, first year 2027, as the plan's) + 30 = 62.
    assert f["capacity_policy_va"].tolist() == close([0, 0, 0, 2, 4, 4])
    assert f["project_investment"].tolist() == close([0, 20, 0, 62, 0, 0])


# ---------------------------------------------------------------------------------------------
# Equation 13: revenue


def test_revenue_follows_value_added_and_the_drift():
    f = frame(base_va=1000, base_revenue=4000, revenue_drift=2, growth_start=10, growth_end=10, horizon_end=2025)
    # 4000 × 1.1 × 1.02 = 4488; 4000 × 1.21 × 1.02² = 4000 × 1.21 × 1.0404 = 5035.536
    assert f["revenue"].tolist() == close([4000, 4488, 5035.536])


# ---------------------------------------------------------------------------------------------
# Equation 4


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
    assert h["capacity_policy_va"] == pytest.approx(3.675) and h["ti_policy_va"] == pytest.approx(0)
    assert h["revenue"] == pytest.approx(f["revenue"].iloc[-1])
    assert h["avg_growth_pct"] == pytest.approx(((1467.775 / 1000) ** 0.25 - 1) * 100)


# ---------------------------------------------------------------------------------------------
# The independent implementation (tests/handcalc.py) on random parameter sets, projects and histories


def _grid(spec) -> st.SearchStrategy:
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "int":
        return st.integers(int(spec.min), int(spec.max))
    steps = round((spec.max - spec.min) / spec.step)
    return st.integers(0, steps).map(lambda k: round(spec.min + spec.step * k, 6))


PARAMETERS = st.fixed_dictionaries({k: _grid(s) for k, s in load_parameters().items()})
ADDED = st.lists(
    st.builds(
        PipelineProject,
        name=st.just("p"),
        investment=st.floats(0, 200),
        full_output=st.floats(0, 300),
        first_year=st.integers(2024, 2035),
        included=st.booleans(),
    ),
    max_size=3,
)
FIGURES = st.lists(
    st.builds(
        fig,
        year=st.integers(2022, 2036),
        value=st.floats(-5, 15).map(lambda x: round(x, 1)),
        region=st.sampled_from(["dezhou", "dezhou", "shandong"]),
        confidence=st.sampled_from(["high", "medium", "low"]),
        period=st.sampled_from(["full-year", "Jan-Jul", "H1", "Jan-Nov", "Jan-May", "Q1", "Jan-Feb", "Q3"]),
        date=st.sampled_from(["", "2025", "2025-01", "2025-01-21", "2026-03"]),
    ),
    max_size=12,
)


def _same(got, want: dict[str, dict[int, object]]) -> None:
    years = got["year"].tolist()
    assert got["status"].tolist() == [want["status"][y] for y in years]
    for key in MODEL_COLUMNS:
        if key == "status":
            continue
        expected = [want[key][y] for y in years]
        assert got[key].tolist() == pytest.approx(expected, rel=1e-9, abs=1e-9, nan_ok=True), key


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAMETERS, ADDED, FIGURES)
def test_matches_an_independent_implementation(params, added, figures):
    history = History(tuple(figures))
    scenario = make_scenario(params).with_projects(tuple(added))
    _same(project(scenario, history=history), reference(params, added, figures))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAMETERS, FIGURES, FIGURES)
def test_added_figures_join_the_data_under_the_same_rule(params, data, added):
    history = History(tuple(data)).with_added(added)
    _same(project(make_scenario(params), history=history), reference(params, (), [*data, *added]))


def test_matches_on_the_shipped_data():
    for overrides in ({}, {"ti_growth": 20}, {"fund_size": 70}, {"fund_start": 2025, "phase2_start": 2024}):
        scenario = make_scenario(overrides)
        _same(project(scenario), reference(scenario.to_dict()))


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
    figures = data.draw(FIGURES)
    f = project(make_scenario(economy), history=History(tuple(figures)))
    assert (f["policy_va"] == 0).all()
    assert (f["ti_policy_va"] == 0).all() and (f["capacity_policy_va"] == 0).all()
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


def test_compute_keeps_the_draws_shape():
    from model.projection import compute, scenario_projects

    scenario = default_scenario()
    p = scenario.to_dict()
    p["base_va"] = np.array([[1000.0], [1100.0], [1200.0]])
    out = compute(p, scenario.horizon_end, scenario_projects(scenario))
    years = scenario.horizon_end - 2023 + 1
    assert out["va_total"].shape == (3, years)
    assert out["status"].shape == (years,) and out["status"][0] == "base"
    assert out["va_total"][:, 0].tolist() == [1000, 1100, 1200]
