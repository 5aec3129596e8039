"""What model version 2 adds (docs/model.md, version 2), checked against values worked out by hand:
the honest fan (the 2023 level drawn, AR(1) growth shocks from the first projected year), the
probability of reaching a target, the tornado and goal seek over the new parameters, the backtest,
reading version 1 scenario files, and the sourced history and targets files.

Expected values are worked out from docs/model.md's equations in the comments, never copied from the code's
output. Where a check depends on a lever's sourced default (the plan), the default is read from
data/parameters.csv and the arithmetic is written with today's value beside it.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from modelkit import fig, uncertain_range, zero_width
from saykit import english

import model.backtest
import model.projection
import model.targets
from model.analysis import (
    PERCENTILE_COLUMNS,
    PROBABILITY_COLUMNS,
    Shocks,
    goal_seek,
    load_shocks,
    load_uncertainty,
    monte_carlo,
    seekable_keys,
    sensitivity,
    shock_paths,
    target_probabilities,
)
from model.backtest import BACKTEST_COLUMNS, backtest
from model.compat import NEW_IN_V2, CompatNotice, load_compat
from model.history import Figure, History, load_history
from model.parameters import (
    BASE_YEAR,
    DATA_DIR,
    PipelineProject,
    ScenarioError,
    Target,
    default_scenario,
    load_parameters,
)
from model.projection import first_projected_year, project
from model.scenario_file import parse_scenario_bytes
from model.targets import OfficialTarget, achieved, gap, targets_for
from report.problems import say

DEFAULT = default_scenario()
SPECS = load_parameters()
NO_SHOCKS = Shocks(0.0, 0.0)
EMPTY = History(())


def plan(key: str) -> float:
    """A lever's default: the article's plan (docs/model.md, "Equations")."""
    return SPECS[key].default


@pytest.fixture
def history(monkeypatch):
    """Inject official figures into the projection (the Monte Carlo reads them through it)."""

    def use(*figures: Figure) -> History:
        injected = History(tuple(figures))
        monkeypatch.setattr(model.projection, "load_history", lambda *a, **k: injected)
        return injected

    return use


# Round economy figures and every year projected, for checks by hand.
ROUND = DEFAULT.replace(
    {
        "use_observed": False,
        "base_va": 1000.0,
        "growth_start": 8.0,
        "growth_end": 8.0,
        "ti_effect": 0.1,
        "output_per_investment": 0.8,
        "value_added_rate": 0.25,
        "build_years": 1,
        "ramp_years": 2,
        "additionality": 0.5,
    }
)
F7 = 1.08**7  # seven years at 8%: 1.7138243


def funds_full_by_2030() -> bool:
    """The plan's last fund cohort (fund_start + fund_deploy_years − 1) first produces a year later
    (build 1) and is at full production a year after that (ramp 2): by 2030 every cohort is."""
    return plan("fund_start") + plan("fund_deploy_years") - 1 + 1 + 2 - 1 <= 2030


# ---------------------------------------------------------------------------------------------
# Monte Carlo, version 2: the 2023 level is drawn; growth takes AR(1) shocks from P on


def test_the_2023_level_is_drawn_from_its_range():
    # Only base_va is uncertain: triangular on 900–1300 with its mode at the scenario's 1100; no shocks.
    # Triangular quantiles (a 900, c 1100, b 1300; F(c) = 0.5): for q < 0.5, a + √(q (b − a)(c − a)):
    #   p5 = 900 + √(0.05 × 400 × 200) = 900 + 63.246 = 963.25; p25 = 900 + √(0.25 × 80000) = 1041.42;
    #   p50 = 1100; by symmetry p75 = 1158.58 and p95 = 1236.75.
    scenario = ROUND.replace({"base_va": 1100.0})
    ranges = {"base_va": uncertain_range("base_va", 900.0, 1300.0)}
    frame = monte_carlo(scenario, draws=40_000, seed=1, ranges=ranges, shocks=NO_SHOCKS)
    first = frame.loc[0, list(PERCENTILE_COLUMNS)].tolist()
    assert first == pytest.approx([963.25, 1041.42, 1100.0, 1158.58, 1236.75], rel=3e-3)
    # Only the level is uncertain, so every year's band is 2023's scaled by the same growth:
    # relative width (p95 − p5) / p50 is 2023's in every year, and p50 grows 8% a year.
    rel = (frame["p95"] - frame["p5"]) / frame["p50"]
    assert rel.tolist() == pytest.approx([rel[0]] * len(rel), rel=1e-9)
    assert frame["p50"].iloc[-1] / frame["p50"].iloc[0] == pytest.approx(F7, rel=1e-12)


def test_the_sourced_fan_has_a_spread_in_2023():
    frame = monte_carlo(DEFAULT, draws=5000, seed=0)
    low, high = load_uncertainty()["base_va"].low, load_uncertainty()["base_va"].high
    assert low <= frame.loc[0, "p5"] < frame.loc[0, "p95"] <= high


@pytest.mark.parametrize(
    ("figures", "first"),
    [
        ((), 2024),
        ((fig(2024, 9.0), fig(2025, 7.0)), 2026),
        ((fig(2024, 9.0, confidence="high"), fig(2025, 7.0), fig(2026, 5.5)), 2027),
    ],
)
def test_band_keeps_2023s_relative_width_in_observed_years_then_widens(history, figures, first):
    history(*figures)
    scenario = DEFAULT.replace({"horizon_end": 2032})
    assert first_projected_year(True, 2032) == first
    frame = monte_carlo(scenario, draws=20_000, seed=3).set_index("year")
    rel = (frame["p95"] - frame["p5"]) / frame["p50"]
    assert rel[2023] > 0
    for year in range(2024, first):  # observed: every draw multiplied by the same official growth
        assert rel[year] == pytest.approx(rel[2023], rel=1e-9), year
    for year in range(first, 2033):  # projected: shocks and growth ranges widen it every year
        assert rel[year] > rel[year - 1] * (1 + 1e-6), year
    # The deterministic line follows the official figures: 2024 is base_va × 1.09 when published.
    if first > 2024:
        assert frame.loc[2024, "deterministic"] == pytest.approx(DEFAULT.base_va * 1.09, rel=1e-12)


def test_shocks_alone_leave_2023_and_observed_years_without_spread(history):
    history(fig(2024, 9.0), fig(2025, 7.0))
    frame = monte_carlo(DEFAULT, draws=2000, seed=2, ranges=zero_width(DEFAULT), shocks=Shocks(1.5, 0.5))
    width = (frame["p95"] - frame["p5"]).tolist()
    assert width[:3] == pytest.approx([0, 0, 0], abs=1e-9)  # 2023, 2024, 2025
    assert all(w > 0 for w in width[3:])  # from P = 2026
    # 2025, observed: base_va × 1.09 × 1.07 in every draw
    assert frame.loc[2, "p50"] == pytest.approx(DEFAULT.base_va * 1.09 * 1.07, rel=1e-12)


@pytest.mark.parametrize("figures", [(), (fig(2024, 9.0), fig(2025, 7.0))])
@pytest.mark.parametrize("changes", [{}, {"fund_size": 300.0, "ti_growth": 30.0, "horizon_end": 2035}])
def test_zero_width_ranges_and_no_shocks_collapse_to_the_deterministic_line(history, figures, changes):
    history(*figures)
    scenario = DEFAULT.replace(changes)
    frame = monte_carlo(scenario, draws=300, seed=4, ranges=zero_width(scenario), shocks=NO_SHOCKS)
    expected = project(scenario)["va_total"].to_numpy()
    np.testing.assert_allclose(frame["deterministic"], expected, rtol=1e-12)
    for column in PERCENTILE_COLUMNS:
        np.testing.assert_allclose(frame[column], expected, rtol=1e-12)


def test_shock_paths_are_ar1_from_the_first_projected_year():
    # e(t) = rho × e(t − 1) + sd × z(t), e = 0 before P. sd 2, rho 0.5, P = 2025:
    #   row 1, z(2025..2027) = 1, −1, 0.5: e = 2 × 1 = 2; 0.5 × 2 + 2 × (−1) = −1; 0.5 × (−1) + 2 × 0.5 = 0.5
    #   row 2, z(2025..2027) = −0.5, 0, 2: e = −1; −0.5; −0.25 + 4 = 3.75
    # (z in 2023 and 2024, before P, is not used)
    years = np.arange(2023, 2028)
    z = np.array([[0.3, 0.7, 1.0, -1.0, 0.5], [5.0, -5.0, -0.5, 0.0, 2.0]])
    paths = shock_paths(z, years, 2025, Shocks(2.0, 0.5))
    np.testing.assert_allclose(paths, [[0, 0, 2, -1, 0.5], [0, 0, -1, -0.5, 3.75]], atol=1e-12)
    # rho 0: independent shocks, sd × z
    np.testing.assert_allclose(shock_paths(z, years, 2025, Shocks(2.0, 0.0)), [[0, 0, 2, -2, 1], [0, 0, -1, 0, 4]])
    # no shocks: zero everywhere
    assert not shock_paths(z, years, 2024, NO_SHOCKS).any()


def test_same_seed_same_output_other_seed_other_output():
    targets = [Target("t", "level", 2030, 1900.0)]
    a = monte_carlo(DEFAULT, draws=3000, seed=21)
    b = monte_carlo(DEFAULT, draws=3000, seed=21)
    c = monte_carlo(DEFAULT, draws=3000, seed=22)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["p50"], c["p50"])
    assert not np.isclose(a.loc[0, "p5"], c.loc[0, "p5"])  # the 2023 level is drawn too
    pa = target_probabilities(DEFAULT, targets, draws=3000, seed=21)
    pb = target_probabilities(DEFAULT, targets, draws=3000, seed=21)
    pd.testing.assert_frame_equal(pa, pb)


def test_shock_calibration_file():
    shocks = load_shocks()
    assert shocks.sd > 0 and -1 < shocks.rho < 1
    assert shocks.why.strip() and shocks.why_zh.strip()


@pytest.mark.parametrize(
    "rows",
    [
        "growth_shock_sd,-1,,,x,x,x\ngrowth_shock_rho,0.5,,,x,x,x\n",  # negative sd
        "growth_shock_sd,1.5,,,x,x,x\ngrowth_shock_rho,1,,,x,x,x\n",  # rho 1: not stationary
        "growth_shock_sd,1.5,,,x,x,x\n",  # rho missing
        "growth_shock_sd,big,,,x,x,x\ngrowth_shock_rho,0.5,,,x,x,x\n",
    ],
)
def test_bad_shock_files_are_rejected(tmp_path, rows):
    path = tmp_path / "shocks.csv"
    path.write_text("key,value,low,high,provenance,why_en,why_zh\n" + rows, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_shocks(path)
    assert re.search("growth_shock", english(caught.value)), english(caught.value)


# ---------------------------------------------------------------------------------------------
# The probability of reaching a target


def test_achieved_on_a_hand_made_array():
    years = np.arange(2023, 2027)
    va = np.array([[100.0, 120.0, 126.0, 138.6], [200.0, 210.0, 220.5, 220.5]])
    assert achieved(Target("l", "level", 2026, 0.0), va, years).tolist() == [138.6, 220.5]
    # one year's growth: 120/100, 126/120, 138.6/126; 210/200, 220.5/210, 220.5/220.5
    assert achieved(Target("g", "growth_year", 2024, 0.0), va, years).tolist() == pytest.approx([20, 5])
    assert achieved(Target("g", "growth_year", 2025, 0.0), va, years).tolist() == pytest.approx([5, 5])
    assert achieved(Target("g", "growth_year", 2026, 0.0), va, years).tolist() == pytest.approx([10, 0])
    # average over 2024–2026 (two years): √(138.6/120) − 1 = √1.155 − 1; √(220.5/210) − 1 = √1.05 − 1
    got = achieved(Target("a", "growth_avg", 2026, 0.0, 2024), va, years)
    assert got.tolist() == pytest.approx([(math.sqrt(1.155) - 1) * 100, (math.sqrt(1.05) - 1) * 100])
    assert got[0] == pytest.approx(7.4709, abs=1e-4)
    # from 2023 (three years): 1.386^(1/3) − 1 ≈ 11.49%; 1.1025^(1/3) − 1 ≈ 3.31%
    got = achieved(Target("a", "growth_avg", 2026, 0.0), va, years)
    assert got.tolist() == pytest.approx([(1.386 ** (1 / 3) - 1) * 100, (1.1025 ** (1 / 3) - 1) * 100])
    assert got.tolist() == pytest.approx([11.49, 3.31], abs=0.01)


def test_gap_is_achieved_minus_target():
    frame = pd.DataFrame({"year": [2023, 2024, 2025], "va_total": [100.0, 108.0, 113.4]})
    assert gap(Target("l", "level", 2025, 110.0), frame) == pytest.approx((113.4, 3.4))
    assert gap(Target("g", "growth_year", 2025, 6.0), frame) == pytest.approx((5.0, -1.0))  # 113.4 / 108


def test_targets_far_below_are_certain_far_above_impossible():
    targets = [
        Target("level low", "level", 2030, 1.0),
        Target("level high", "level", 2030, 99_999.0),
        Target("year low", "growth_year", 2024, -49.0),
        Target("year high", "growth_year", 2024, 99.0),
        Target("avg low", "growth_avg", 2030, -49.0, 2025),
        Target("avg high", "growth_avg", 2030, 99.0, 2025),
    ]
    odds = target_probabilities(DEFAULT, targets, draws=2000, seed=0)
    assert tuple(odds.columns) == PROBABILITY_COLUMNS
    assert odds["label"].tolist() == [t.label for t in targets]
    assert odds["probability"].tolist() == [1.0, 0.0, 1.0, 0.0, 1.0, 0.0]


def test_targets_after_the_horizon_are_left_out():
    odds = target_probabilities(DEFAULT, [Target("late", "level", 2033, 1.0)], draws=10, seed=0)
    assert odds.empty and tuple(odds.columns) == PROBABILITY_COLUMNS


def test_probability_is_the_share_of_a_small_set_of_draws():
    # Five draws, only base_va uncertain (uniform 900–1300), no shocks, at the plan: value added in
    # 2030 is each draw's level × 1.08^7, so the five values are distinct and ordered like the levels.
    # With 5 draws numpy's linear percentiles p25, p50, p75 sit exactly on the 2nd, 3rd and 4th
    # smallest value (positions 0.25 × 4 = 1, 2, 3), and the probabilities use the same draws: at or
    # above the 2nd smallest are 4 of 5, the 3rd 3 of 5, the 4th 2 of 5; just above the 4th, 1 of 5.
    ranges = {"base_va": uncertain_range("base_va", 900.0, 1300.0, "uniform")}
    fan = monte_carlo(ROUND, draws=5, seed=8, ranges=ranges, shocks=NO_SHOCKS).set_index("year")
    second, third, fourth = (float(fan.loc[2030, c]) for c in ("p25", "p50", "p75"))
    assert second < third < fourth
    targets = [
        Target("2nd", "level", 2030, second),
        Target("3rd", "level", 2030, third),
        Target("4th", "level", 2030, fourth),
        Target("above 4th", "level", 2030, fourth * (1 + 1e-9)),
    ]
    odds = target_probabilities(ROUND, targets, draws=5, seed=8, ranges=ranges, shocks=NO_SHOCKS)
    assert odds["probability"].tolist() == [0.8, 0.6, 0.4, 0.2]


def test_probability_of_a_level_by_hand():
    # Only base_va uncertain, uniform 1000–1200, no shocks, 8% a year at the plan: value added in 2030 is
    # base_va × 1.08^7. P(≥ 1150 × 1.08^7) = P(base_va ≥ 1150) = (1200 − 1150) / 200 = 0.25; likewise
    # 1050 → 0.75. Average growth does not depend on the level: 8% in every draw.
    ranges = {"base_va": uncertain_range("base_va", 1000.0, 1200.0, "uniform")}
    scenario = ROUND.replace({"base_va": 1100.0})
    targets = [
        Target("a", "level", 2030, 1150 * F7),
        Target("b", "level", 2030, 1050 * F7),
        Target("c", "growth_avg", 2030, 7.99, 2024),
        Target("d", "growth_avg", 2030, 8.01, 2024),
    ]
    odds = target_probabilities(scenario, targets, draws=40_000, seed=5, ranges=ranges, shocks=NO_SHOCKS)
    assert odds["probability"].tolist() == pytest.approx([0.25, 0.75, 1.0, 0.0], abs=0.01)


def test_probability_of_a_growth_rate_by_hand():
    # No parameter uncertain; shocks sd 2, rho 0.5, every year projected, 8% a year at the plan.
    # 2024 growth = 8 + 2 z: P(≥ 10) = P(z ≥ 1) = 1 − Φ(1) = 0.1587.
    # 2025 growth = 8 + 0.5 e(2024) + 2 z(2025): variance 4 × (1 + 0.25) = 5, so P(≥ 8 + √5) = 0.1587 too
    # (without the persistence it would be P(z ≥ √5 / 2 = 1.118) = 0.132).
    tail = 1 - 0.841345
    targets = [Target("2024", "growth_year", 2024, 10.0), Target("2025", "growth_year", 2025, 8 + math.sqrt(5))]
    odds = target_probabilities(ROUND, targets, draws=40_000, seed=6, ranges=zero_width(ROUND), shocks=Shocks(2.0, 0.5))
    assert odds["probability"].tolist() == pytest.approx([tail, tail], abs=0.008)


def test_probability_with_one_certain_line_is_zero_or_one():
    # No uncertainty at all: value added in 2030 is 1000 × 1.08^7 = 1713.824 in every draw.
    ranges = zero_width(ROUND)
    targets = [Target("below", "level", 2030, 1713.8), Target("above", "level", 2030, 1713.9)]
    odds = target_probabilities(ROUND, targets, draws=3, seed=0, ranges=ranges, shocks=NO_SHOCKS)
    assert odds["probability"].tolist() == [1.0, 0.0]


def _official(id_: str, region: str, metric: str, kind: str, year: int, value: float) -> OfficialTarget:
    return OfficialTarget(
        id=id_,
        region=region,
        metric=metric,
        year=year,
        value=value,
        kind=kind,
        from_year=BASE_YEAR,
        publication="《测试》",
        publication_en="Test",
        date="2024-01",
        url="",
        quote_zh="目标。",
        confidence="high",
        note_zh="",
        note_en="",
        label_zh=f"{id_}（中）",
        label_en=f"{id_} (en)",
    )


def test_targets_for_lists_official_checkable_ones_then_the_scenarios_own(monkeypatch):
    official = (
        _official("dz_growth", "dezhou", "va_growth_pct", "growth_year", 2026, 7.0),
        _official("dz_revenue", "dezhou", "revenue", "level", 2026, 6000.0),  # version 3: revenue is modelled
        _official("dz_revenue_avg", "dezhou", "revenue", "growth_avg", 2026, 10.0),  # revenue growth: not
        _official("sd_growth", "shandong", "va_growth_pct", "growth_year", 2026, 6.0),  # not Dezhou
        _official("dz_late", "dezhou", "va_level", "level", 2035, 3000.0),  # after the horizon
    )
    monkeypatch.setattr(model.targets, "load_targets", lambda *a, **k: official)
    own = (Target("mine", "level", 2028, 1500.0), Target("far", "level", 2033, 1.0))
    got = targets_for(own, 2030, "en")
    assert [(t.label, t.metric, t.year, t.value) for t in got] == [
        ("dz_growth (en)", "growth_year", 2026, 7.0),
        ("dz_revenue (en)", "revenue", 2026, 6000.0),
        ("mine", "level", 2028, 1500.0),
    ]
    assert targets_for(own, 2030, "zh")[0].label == "dz_growth（中）"


def test_an_official_average_from_before_2023_does_not_break_the_probabilities(monkeypatch):
    # data/targets.csv may hold a plan's average over 2021–2025 (from_year 2020); the result table starts
    # in 2023, so the model cannot measure it: it should be left out (or reported), not crash.
    fyp = dataclasses.replace(_official("dz_14th", "dezhou", "va_growth_pct", "growth_avg", 2025, 7.0), from_year=2020)
    monkeypatch.setattr(model.targets, "load_targets", lambda *a, **k: (fyp,))
    targets = targets_for((), 2030, "en")
    assert targets == []  # it cannot be measured from 2023 on, so it is left out
    frame = project(DEFAULT)
    assert all(math.isnan(x) for x in gap(fyp.as_target("en"), frame))
    assert target_probabilities(DEFAULT, [fyp.as_target("en")], draws=10, seed=0).empty


# ---------------------------------------------------------------------------------------------
# Tornado and goal seek over the new parameters


def test_tornado_covers_the_new_parameters():
    table = sensitivity(DEFAULT).set_index("key")
    assert {"base_va", "ti_effect", "fund_paid_in", "additionality"} <= set(table.index)
    # At the plan: 技改 growth is the article's, so ti_effect multiplies 0; every lever at its default,
    # so policy_va is 0 whatever additionality, value_added_rate or output_per_investment is.
    for key in ("ti_effect", "additionality", "value_added_rate", "output_per_investment"):
        assert table.loc[key, "swing"] == 0, key
    # fund_paid_in is a lever: paying in more or less than the plan changes value added.
    assert table.loc["fund_paid_in", "swing"] > 0
    assert table.loc["base_va", "swing"] > 0


def test_tornado_of_the_new_parameters_by_hand():
    assert funds_full_by_2030()
    p, lev = plan("fund_paid_in"), plan("fund_leverage")  # today 0.4 and 4.2
    scenario = ROUND.replace({"ti_growth": 26.1, "fund_size": 70.0})
    ranges = {
        "ti_effect": uncertain_range("ti_effect", 0.0, 0.3),
        "additionality": uncertain_range("additionality", 0.2, 1.0),
        "fund_paid_in": uncertain_range("fund_paid_in", 0.3, 0.7),
    }
    table = sensitivity(scenario, ranges=ranges).set_index("key")
    # By 2030 every fund cohort produces in full: fund output = size × paid-in × leverage × 0.8, so the
    # doubled funds add 0.25 × (70 − 35) × p × lev × 0.8 of new capacity (today 0.25 × 47.04 = 11.76).
    extra = 0.25 * (70 - 35) * p * lev * 0.8
    # ti_effect: growth 8 + e × (26.1 − 16.1) = 8 + 10e, from e = 0 (8%) to e = 0.3 (11%).
    assert table.loc["ti_effect", "va_low"] == pytest.approx(1000 * 1.08**7 + 0.5 * extra, rel=1e-12)
    assert table.loc["ti_effect", "va_high"] == pytest.approx(1000 * 1.11**7 + 0.5 * extra, rel=1e-12)
    # additionality 0.2 → 1.0 of the extra: swing 0.8 × 11.76 = 9.408 today
    assert table.loc["additionality", "swing"] == pytest.approx(0.8 * extra, rel=1e-9)
    # fund_paid_in from 0.3 to 0.7 of 70亿 (the plan's p of 35亿 stays): 0.5 × 0.25 × 70 × (0.7 − 0.3) ×
    # lev × 0.8 (today 11.76)
    assert table.loc["fund_paid_in", "swing"] == pytest.approx(0.5 * 0.25 * 70 * (0.7 - 0.3) * lev * 0.8, rel=1e-9)
    # the scenario itself: growth 8 + 0.1 × 10 = 9%, plus half the extra (today 1828.04 + 5.88)
    assert table["va_base"].iloc[0] == pytest.approx(1000 * 1.09**7 + 0.5 * extra, rel=1e-12)


def test_goal_seek_offers_levers_only_unless_asked():
    levers = [k for k, s in SPECS.items() if s.role == "lever" and s.kind != "bool"]
    assert seekable_keys() == levers
    assert {"base_va", "ti_effect", "additionality", "growth_end"}.isdisjoint(seekable_keys())
    every = set(seekable_keys(levers_only=False))
    assert every == {k for k, s in SPECS.items() if s.kind != "bool"} - {"horizon_end"}
    assert {"base_va", "ti_effect", "fund_paid_in", "additionality"} <= every


def test_goal_seek_on_fund_size_meets_a_target_by_hand():
    # value added in 2030 = baseline + policy_va, with policy_va = additionality × value_added_rate ×
    # (fund output − the plan's fund output) (docs/model.md, equations 7–9). Baseline: 1000 × 1.09^7 (8% plus
    # 0.1 × (26.1 − 16.1) = 1 point of 技改). By 2030 every cohort produces in full, so fund output is
    # F × p × lev × 0.8. For 20亿 more than the baseline: 0.5 × 0.25 × (F − 35) × p × lev × 0.8 = 20,
    # F = 35 + 20 / (0.1 × p × lev) = 35 + 20 / 0.168 = 154.05 with today's p 0.4 and lev 4.2.
    assert funds_full_by_2030()
    p, lev = plan("fund_paid_in"), plan("fund_leverage")
    scenario = ROUND.replace({"ti_growth": 26.1})
    baseline = 1000 * 1.09**7
    expected = plan("fund_size") + 20 / (0.5 * 0.25 * p * lev * 0.8)
    result = goal_seek(scenario, "fund_size", 2030, target_va=baseline + 20)
    assert result.reached, result.outcome()
    assert result.value == pytest.approx(expected, rel=1e-6)
    assert result.achieved == pytest.approx(baseline + 20, rel=1e-9)


def test_goal_seek_on_ti_growth_by_hand():
    # 1000 × (1 + (8 + 0.1 × (t − 16.1)) / 100)^7 = 1800: growth 100 × (1.8^(1/7) − 1) = 8.7596%,
    # so t = 16.1 + (8.7596 − 8) / 0.1 = 23.70 (levers otherwise at the plan: policy_va 0).
    expected = plan("ti_growth") + ((1.8 ** (1 / 7) - 1) * 100 - 8) / 0.1
    result = goal_seek(ROUND, "ti_growth", 2030, target_va=1800.0)
    assert result.reached
    assert result.value == pytest.approx(expected, rel=1e-6)
    assert result.value == pytest.approx(23.70, abs=0.01)


def test_goal_seek_on_the_2023_level_when_asked():
    # At the plan with 8% a year: base_va × 1.08^7 = 2000, base_va = 2000 / 1.7138 = 1166.98
    result = goal_seek(ROUND, "base_va", 2030, target_va=2000.0)
    assert result.reached
    assert result.value == pytest.approx(2000 / F7, rel=1e-6)


# ---------------------------------------------------------------------------------------------
# Backtest

BACKTEST_FIGURES = (
    fig(2023, 8.2, confidence="high"),  # the base year: not a backtest year
    fig(2024, 9.0, confidence="high", date="2025-02-10", publication="《2024年统计公报》"),
    fig(2025, 3.0, confidence="low"),  # an aggregator; the medium row of 2025 is used
    fig(2025, 7.0, confidence="medium", date="2026-01-15", publication="《政府工作报告》"),
    fig(2026, 5.0, confidence="low"),  # low only: left out
    fig(2027, 6.5, period="Jan-Jun"),  # six months: an estimated year, listed apart after the published
    fig(2026, 4.0, period="Jan-May"),  # five months: counts for nothing
    fig(2027, 6.0, region="shandong"),  # the province: left out
    fig(2028, 6.0),  # after a gap: still a year with an official figure
)


def check_backtest_rows(frame: pd.DataFrame) -> None:
    # The article's scenario (defaults, use_observed off): 8.4% a year with 技改 at the plan and every
    # lever at its default (policy_va 0), whatever was published.
    assert tuple(frame.columns) == BACKTEST_COLUMNS
    assert frame["year"].tolist() == [2024, 2025, 2028, 2027]
    assert frame["status"].tolist() == ["published"] * 3 + ["estimated"]
    assert frame["period"].tolist() == ["full-year"] * 3 + ["Jan-Jun"]
    assert frame["official_pct"].tolist() == [9.0, 7.0, 6.0, 6.5]
    assert frame["projected_pct"].tolist() == pytest.approx([8.4, 8.4, 8.4, 8.4], rel=1e-12)
    # error = projected − official: 8.4 − 9.0, 8.4 − 7.0, 8.4 − 6.0, 8.4 − 6.5
    assert frame["error_pts"].tolist() == pytest.approx([-0.6, 1.4, 2.4, 1.9], abs=1e-9)
    assert frame["confidence"].tolist() == ["high", "medium", "medium", "medium"]
    assert frame["publication"].tolist()[:2] == ["《2024年统计公报》", "《政府工作报告》"]
    assert frame["date"].tolist()[:2] == ["2025-02-10", "2026-01-15"]


def test_backtest_with_a_history_passed_in():
    check_backtest_rows(backtest(History(BACKTEST_FIGURES), lang="zh"))


def test_backtest_names_the_publication_in_the_language():
    frame = backtest(History(BACKTEST_FIGURES), lang="en")
    assert frame["publication"].tolist() == ["Test Daily"] * 4  # each figure's English name
    named = backtest(History(BACKTEST_FIGURES), lang="zh")["publication"].tolist()
    assert named[:2] == ["《2024年统计公报》", "《政府工作报告》"]


def test_backtest_reads_the_history_file(monkeypatch):
    # The projection sees the same figures: were use_observed left on, 2024 and 2025 would be observed
    # years and "projected" would be the official figure itself (error 0).
    injected = History(BACKTEST_FIGURES)
    monkeypatch.setattr(model.backtest, "load_history", lambda *a, **k: injected)
    monkeypatch.setattr(model.projection, "load_history", lambda *a, **k: injected)
    check_backtest_rows(backtest(lang="zh"))


def test_backtest_reaches_past_the_default_horizon():
    # 2032 is after 2030: the article's scenario is run to 2032; growth_start = growth_end = 8.4
    frame = backtest(History((fig(2024, 9.0), fig(2032, 7.7))), lang="zh")
    assert frame["year"].tolist() == [2024, 2032]
    assert frame["error_pts"].tolist() == pytest.approx([-0.6, 0.7], abs=1e-9)


def test_backtest_without_figures_is_empty():
    frame = backtest(History((fig(2024, 9.0, confidence="low"),)), lang="zh")
    assert frame.empty and tuple(frame.columns) == BACKTEST_COLUMNS


def test_backtest_on_the_history_file():
    frame = backtest(lang="zh")
    assert (frame["year"] >= 2024).all()
    assert set(frame["confidence"]) <= {"high", "medium"}
    np.testing.assert_allclose(frame["error_pts"], frame["projected_pct"] - frame["official_pct"], rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# Version 1 scenario files

V1_DEFAULTS = {"base_va": 1500, "fund_leverage": 4, "output_per_investment": 1.1, "value_added_rate": 0.25}


def load_v1(parameters: dict, **extra) -> tuple:
    doc = {"name": "旧情景", "parameters": parameters, **extra}  # no model_version: version 1
    (named,) = parse_scenario_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    return named.scenario, named.notices


def notice(notices, code: str, key: str) -> CompatNotice | None:
    return next((n for n in notices if n.code == code and n.key == key), None)


@pytest.mark.parametrize(
    "key",
    [
        "base_va",
        "fund_leverage",
        "output_per_investment",
    ],
)
def test_v1_defaults_load_as_v2_defaults_with_a_notice(key):
    scenario, notices = load_v1(dict(V1_DEFAULTS))
    assert getattr(scenario, key) == SPECS[key].default  # version 2's sourced default
    found = notice(notices, "default_replaced", key)
    assert found is not None, [n.key for n in notices]
    assert found.value == V1_DEFAULTS[key] and found.new_value == SPECS[key].default


def test_a_v1_default_that_version_2_kept_loads_silently():
    # value_added_rate was 0.25 in version 1 and is 0.25 (re-sourced) in version 2: nothing to say
    scenario, notices = load_v1(dict(V1_DEFAULTS))
    assert scenario.value_added_rate == 0.25
    assert not [n for n in notices if n.key == "value_added_rate"]


def test_v1_values_the_user_chose_are_kept():
    scenario, notices = load_v1({"base_va": 1300, "fund_leverage": 3, "ramp_years": 3, "horizon_end": 2035})
    assert (scenario.base_va, scenario.fund_leverage, scenario.ramp_years, scenario.horizon_end) == (1300, 3, 3, 2035)
    assert not [n for n in notices if n.code == "default_replaced"]


def test_v1_changed_growth_start_is_kept_with_a_meaning_notice():
    scenario, notices = load_v1({"growth_start": 9.5, "fund_size": 70})
    assert scenario.growth_start == 9.5 and scenario.fund_size == 70
    assert notice(notices, "meaning_changed", "growth_start") is not None
    assert notice(notices, "meaning_changed", "fund_size") is not None
    # at version 1's own value (8.4, 35) the meaning notice is not needed
    _, quiet = load_v1({"growth_start": 8.4, "fund_size": 35})
    assert not [n for n in quiet if n.code == "meaning_changed"]


def test_v1_file_names_the_four_new_parameters():
    assert set(NEW_IN_V2) == {"use_observed", "ti_effect", "fund_paid_in", "additionality"}
    scenario, notices = load_v1({"growth_start": 8.4})
    found = [n for n in notices if n.code == "new_parameters"]
    assert len(found) == 1
    assert set(found[0].key.split(",")) == set(NEW_IN_V2)
    for key in NEW_IN_V2:
        assert getattr(scenario, key) == SPECS[key].default
        assert SPECS[key].label_en in say(found[0].problem(), "en")
        assert SPECS[key].label_zh in say(found[0].problem(), "zh")


def test_v1_unknown_key_is_a_notice_not_an_error():
    scenario, notices = load_v1({"growth_end": 6.0, "fund_va_share": 0.3})
    assert scenario.growth_end == 6.0  # the rest is kept
    found = notice(notices, "unknown_key", "fund_va_share")
    assert found is not None
    assert "fund_va_share" in say(found.problem(), "en") and "fund_va_share" in say(found.problem(), "zh")


def test_v2_unknown_key_is_an_error():
    doc = {"model_version": 2, "parameters": {"fund_va_share": 0.3}}
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_bytes(json.dumps(doc).encode())
    assert re.search("fund_va_share", english(caught.value)), english(caught.value)


def test_v3_file_round_trips_without_notices():
    scenario = (
        DEFAULT.replace({"fund_size": 70.0, "use_observed": False, "ti_effect": 0.2, "additionality": 0.4})
        .with_targets((Target("我的目标", "level", 2030, 2500.0), Target("avg", "growth_avg", 2030, 7.5, 2025)))
        .with_projects((PipelineProject("新工厂", 40.0, 60.0, 2026),))
    )
    doc = {"name": "v2", **scenario.to_doc()}
    assert doc["model_version"] == 3
    (back,) = parse_scenario_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    assert back.notices == ()
    assert back.scenario == scenario
    assert back.scenario.targets == scenario.targets


def test_notices_render_in_both_languages():
    _, notices = load_v1({**V1_DEFAULTS, "growth_start": 9.5, "zzz": 1})
    codes = {n.code for n in notices}
    assert {"default_replaced", "meaning_changed", "unknown_key", "new_parameters"} <= codes
    for n in notices:
        en, zh = say(n.problem(), "en"), say(n.problem(), "zh")
        assert en.strip() and zh.strip() and en != zh
        if n.key in SPECS:
            assert SPECS[n.key].label_en in en and SPECS[n.key].label_zh in zh
        if n.code == "default_replaced":
            row = load_compat()[n.key]
            assert row.note_en in en and row.note_zh in zh  # why the default changed


def test_compat_table_names_only_parameters():
    for key, row in load_compat().items():
        assert key in SPECS
        assert row.change in ("default", "meaning")
        assert row.note_en.strip() and row.note_zh.strip()


# ---------------------------------------------------------------------------------------------
# data/history.csv and data/targets.csv


def rows_of(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", ["history.csv", "targets.csv"])
def test_every_figure_has_its_publication_and_sentence(name):
    rows = rows_of(name)
    assert rows
    for line, row in enumerate(rows, start=2):
        assert (row.get("publication") or "").strip(), (name, line)
        assert (row.get("quote_zh") or "").strip(), (name, line)
        assert row.get("confidence") in ("high", "medium", "low"), (name, line)
        float(row["value"])
        int(row["year"])


def test_history_rows_are_well_formed():
    for line, row in enumerate(rows_of("history.csv"), start=2):
        assert row["region"] in ("dezhou", "shandong"), line
        assert row["period"].strip(), line


def test_targets_rows_are_well_formed():
    for line, row in enumerate(rows_of("targets.csv"), start=2):
        assert row["kind"] in ("level", "growth_year", "growth_avg"), line


@pytest.mark.parametrize("region", ["dezhou", "shandong"])
def test_year_statuses_come_from_high_or_medium_rows_of_six_months_or_more(region):
    """MODEL.md version 3, "Time": each year's status and figure, as tests/handcalc.py (written
    from MODEL.md's text, reading the file with the csv module) finds them in data/history.csv."""
    from handcalc import data_figures, statuses

    got = load_history().year_status(region, 2035)
    want = statuses(data_figures(), region, 2035, True)
    assert {y: (s.status, s.growth, s.months) for y, s in got.items()} == want
    usable = {
        (int(r["year"]), float(r["value"]))
        for r in rows_of("history.csv")
        if r["region"] == region and r["metric"] == "va_growth_pct" and r["confidence"] in ("high", "medium")
    }
    for year, s in got.items():
        assert s.figure is None or (year, s.growth) in usable, year


def test_no_low_confidence_dezhou_row_is_used():
    used = load_history().used("dezhou")
    years_with_a_usable_row = {
        int(r["year"])
        for r in rows_of("history.csv")
        if r["region"] == "dezhou" and r["confidence"] in ("high", "medium") and r["metric"] == "va_growth_pct"
    }
    for row in rows_of("history.csv"):
        low = row["region"] == "dezhou" and row["confidence"] == "low" and row["metric"] == "va_growth_pct"
        if low and int(row["year"]) not in years_with_a_usable_row:
            assert int(row["year"]) not in used, row
    assert all(f.confidence in ("high", "medium") for f in used.values())
    # and the projection starts right after the last published or estimated year
    assert first_projected_year(True, 2035) == max(used, default=2023) + 1
    frame = project(DEFAULT.replace({"horizon_end": 2035}))
    assert frame.loc[frame["status"].isin(["published", "estimated"]), "year"].tolist() == sorted(used)


def test_targets_file_loads():
    for t in model.targets.load_targets():
        assert t.label("zh").strip() and t.label("en").strip()
        assert t.kind in ("level", "growth_year", "growth_avg")


def test_history_and_targets_files_exist():
    assert Path(DATA_DIR / "history.csv").exists() and Path(DATA_DIR / "targets.csv").exists()


def test_command_line_names_what_changed_in_a_v1_file(tmp_path, capsys):
    from cli.main import main

    path = tmp_path / "v1.json"
    path.write_text(json.dumps({"name": "old", "parameters": {"base_va": 1500, "growth_start": 9}}), encoding="utf-8")
    assert main(["project", "--scenario", str(path), "--out", str(tmp_path / "out.csv")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert any("1500 was version 1's default" in line and "1210" in line for line in err), err
    assert any("your value 9 is kept" in line for line in err), err
    # read on through version 2 to version 3: the parameters neither version had are named too
    assert any("Version 2 scenarios do not have" in line for line in err), err
    # the output file is the v3 projection with base_va 1210 (today's default, data/parameters.csv) and
    # growth_start 9: with the shipped figures 2024 is estimated (8.4%, Jan–Jul) and 2025 published
    # (7.5%), so growth_start acts from 2026
    frame = pd.read_csv(tmp_path / "out.csv", encoding="utf-8-sig")
    assert frame.loc[0, "va_total"] == pytest.approx(1210)
    assert frame.loc[1, "va_total"] == pytest.approx(1210 * 1.084)
    assert frame.loc[3, "va_total"] == pytest.approx(1210 * 1.084 * 1.075 * 1.09)


def test_a_scenario_saved_by_version_1_loads_with_its_notices(tmp_path):
    """A library row written before version 2 holds only parameters and projects (no document)."""
    import datetime as dt

    import sqlalchemy as sa

    from model.parameters import make_scenario
    from store.library import ScenarioLibrary, scenarios_table

    library = ScenarioLibrary(f"sqlite:///{tmp_path / 'lib.sqlite'}")
    library.save("新", make_scenario({"fund_size": 70}))  # a version 2 row, for contrast
    now = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    v1 = {"base_va": 1500, "growth_start": 9.5, "fund_leverage": 4, "fund_size": 35, "horizon_end": 2030}
    with library.engine.begin() as conn:
        conn.execute(
            sa.insert(scenarios_table).values(
                name="旧", parameters=json.dumps(v1), projects=None, created_at=now, updated_at=now
            )
        )
    old = library.get("旧")
    assert old is not None
    # version 1's defaults become version 2's; the user's growth_start is kept, with a notice
    assert (old.scenario.base_va, old.scenario.fund_leverage, old.scenario.growth_start) == (1210, 4.2, 9.5)
    codes = {(n.code, n.key) for n in old.notices}
    assert ("default_replaced", "base_va") in codes and ("meaning_changed", "growth_start") in codes
    assert library.get("新").notices == ()


def test_change_chart_axis_reads_whole_numbers_when_levers_change_nothing():
    from model.parameters import default_scenario
    from model.projection import project
    from report import charts

    def y_encoding(scenario):
        layers = charts.change_chart(project(scenario), "zh").to_dict()["layer"]
        return next(layer["encoding"]["y"] for layer in layers if layer.get("mark", {}).get("type") == "bar")

    flat = y_encoding(default_scenario())
    assert flat["scale"] == {"domain": [-1, 1]} and flat["axis"]["format"] == ",.1~f"
    moved = y_encoding(default_scenario().replace({"fund_size": 70}))
    assert "scale" not in moved  # the bars' own range once the levers change something
