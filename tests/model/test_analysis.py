"""The analysis tools: Monte Carlo percentiles, tornado table, goal seek, and their commands (model
version 2: the 2023 level is drawn, growth takes AR(1) shocks, the plan is the baseline).

Version 2's own additions (shock paths, target probabilities, hand-computed goal seeks) are tested in
test_v2_features.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from modelkit import uncertain_range
from saykit import english

from model.analysis import (
    FIXED_IN_MONTE_CARLO,
    GOAL_TOLERANCE,
    MAX_DRAWS,
    PERCENTILE_COLUMNS,
    REVENUE_ONLY,
    SENSITIVITY_COLUMNS,
    Shocks,
    UncertainRange,
    _draw,
    _percentiles,
    effective_range,
    goal_seek,
    load_uncertainty,
    monte_carlo,
    seekable_keys,
    sensitivity,
)
from model.parameters import BASE_YEAR, ScenarioError, default_scenario, load_parameters
from model.projection import project
from report.problems import say
from tests.modelkit import ECONOMY
from tests.readers import csv_to_frame

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = default_scenario()
# Version 2 gives a range to every economy parameter that moves value added (province_growth only moves
# the reference line) and to every numeric lever whose realisation is uncertain; ti_growth and fund_size
# are levers the user sets (docs/analysis.md).
REQUIRED_KEYS = {
    "base_va",
    "base_revenue",  # version 3: the 2023 revenue level and the revenue drift
    "revenue_drift",
    "growth_start",
    "growth_end",
    "ti_effect",
    "output_per_investment",
    "value_added_rate",
    "build_years",
    "ramp_years",
    "additionality",
    "fund_paid_in",
    "fund_leverage",
    "fund_start",
    "fund_deploy_years",
    "phase1_start",
    "phase2_start",
}
NOT_UNCERTAIN = {"horizon_end", "province_growth", "ti_growth", "fund_size"}


def _centred(key: str, half: float) -> UncertainRange:
    value = DEFAULT.to_dict()[key]
    return uncertain_range(key, value - half, value + half)


# Every range centred on the scenario's (default) value, so the draws are symmetric around it.
SYMMETRIC = {
    r.key: r
    for r in [
        _centred("base_va", 0.1 * DEFAULT.base_va),
        _centred("growth_start", 1.0),
        _centred("growth_end", 1.0),
        _centred("ti_effect", 0.05),
        _centred("fund_paid_in", 0.05),
        _centred("fund_leverage", 0.5),
        _centred("fund_deploy_years", 1),
        _centred("output_per_investment", 0.2),
        _centred("value_added_rate", 0.05),
        _centred("build_years", 1),
        _centred("ramp_years", 1),
        _centred("additionality", 0.1),
        _centred("phase1_start", 1),
        _centred("phase2_start", 1),
    ]
}
NO_SHOCKS = Shocks(0.0, 0.0)


def final_va(scenario, **changes) -> float:
    return float(project(scenario.replace(changes)).iloc[-1]["va_total"])


def va_in(scenario, year: int) -> tuple[float, float]:
    frame = project(scenario).set_index("year")
    return float(frame.loc[year, "va_total"]), float(frame.loc[BASE_YEAR, "va_total"])


# ---------------------------------------------------------------------------------------------
# data/uncertainty.csv


def test_uncertainty_table_covers_the_parameters_within_their_slider_ranges():
    ranges = load_uncertainty()
    specs = load_parameters()
    assert set(ranges) >= REQUIRED_KEYS
    assert not set(ranges) & NOT_UNCERTAIN
    for r in ranges.values():
        spec = specs[r.key]
        assert spec.min <= r.low <= r.high <= spec.max, r.key
        assert r.distribution in ("triangular", "uniform")
        assert r.provenance in ("article", "external", "assumption")
        assert r.why.strip()
        if spec.kind == "int":
            assert isinstance(r.low, int) and isinstance(r.high, int), r.key


def test_every_range_says_why_in_both_languages():
    # Version 2 re-sourced every range (version 1's value_added_rate range was a table nobody could
    # find); each row gives its reasoning in English and Chinese, and the range contains the default.
    specs = load_parameters()
    for r in load_uncertainty().values():
        assert r.reasoning("en").strip() and r.reasoning("zh").strip(), r.key
        assert r.reasoning("zh") != r.reasoning("en"), r.key
        assert r.low <= specs[r.key].default <= r.high, r.key


HEADER = "key,low,high,distribution,provenance,why_en\n"


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("nope,1,2,uniform,assumption,x", "not a numeric model parameter"),
        ("phase1_on,0,1,uniform,assumption,x", "not a numeric model parameter"),
        ("growth_start,-20,10,uniform,assumption,x", r"first projected year \(%\): the range -20 to 10; allowed"),
        ("growth_start,9,8,uniform,assumption,x", "the range 9 to 8; allowed: at each end a number from -10 to 25"),
        ("build_years,0.5,2,uniform,assumption,x", "the range '0.5' to '2'; allowed: at each end a whole number"),
        ("growth_start,x,2,uniform,assumption,x", "the range 'x' to '2'; allowed"),
        ("growth_start,1,2,normal,assumption,x", "'distribution' must be one of"),
        ("growth_start,1,2,uniform,guess,x", "'provenance' must be one of"),
        ("growth_start,1,2,uniform,assumption,", r"'why_en' is missing \(the reason\)"),
    ],
)
def test_bad_uncertainty_rows_are_rejected(tmp_path, row, complaint):
    path = tmp_path / "uncertainty.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_uncertainty(path)
    assert re.search(complaint, english(caught.value)), english(caught.value)


# ---------------------------------------------------------------------------------------------
# Drawing


# Ranges written here (not read from data/uncertainty.csv, whose sourced values may be revised):
# growth 6–10 (width 4), base_va 880–1320 (width 440), phase2_start 2026–2030, value_added_rate 0.16–0.40.
EFFECTIVE = {
    "growth_start": uncertain_range("growth_start", 6.0, 10.0),
    "base_va": uncertain_range("base_va", 880.0, 1320.0),
    "phase2_start": uncertain_range("phase2_start", 2026, 2030, "uniform"),
    "value_added_rate": uncertain_range("value_added_rate", 0.16, 0.40),
}


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("growth_start", 8.4, (6.0, 10.0)),  # inside: as written
        ("growth_start", 6.0, (6.0, 10.0)),  # on an end
        ("growth_start", 12.0, (8.0, 12.0)),  # above: slides up by 2, value at the top
        ("growth_start", 2.0, (2.0, 6.0)),  # below: slides down, value at the bottom
        ("growth_start", -9.0, (-9.0, -5.0)),
        ("growth_start", 24.0, (20.0, 24.0)),
        ("base_va", 150.0, (150.0, 590.0)),  # 150 + 440
        ("base_va", 9900.0, (9460.0, 9900.0)),  # 9900 − 440
        ("phase2_start", 2035, (2031, 2035)),
        ("value_added_rate", 0.06, (0.06, 0.30)),  # 0.06 + 0.24
    ],
)
def test_effective_range_slides_to_keep_the_scenario_value_inside(key, value, expected):
    low, high = effective_range(EFFECTIVE[key], value)
    assert (low, high) == pytest.approx(expected)
    spec = load_parameters()[key]
    assert spec.min <= low <= value <= high <= spec.max


def test_effective_range_is_clipped_to_the_slider_range():
    low, high = effective_range(uncertain_range("growth_start", 20.0, 25.0), 24.5)
    assert (low, high) == (20.0, 25.0)
    low, high = effective_range(uncertain_range("growth_start", -10.0, 0.0), 24.0)
    assert (low, high) == (14.0, 24.0)


@pytest.mark.parametrize(
    ("low", "high", "mode", "distribution", "integer"),
    [
        (6.4, 10.4, 8.4, "triangular", False),
        (6.4, 10.4, 6.4, "triangular", False),
        (6.4, 10.4, 10.4, "triangular", False),
        (0.19, 0.31, 0.25, "uniform", False),
        (0, 2, 1, "triangular", True),
        (2026, 2030, 2027, "uniform", True),
        (3.0, 3.0, 3.0, "triangular", False),
        (4, 4, 4, "triangular", True),
    ],
)
def test_draws_stay_in_range(low, high, mode, distribution, integer):
    u = np.random.default_rng(1).random(20_000)
    x = _draw(u, low, high, mode, distribution, integer)
    assert x.min() >= low and x.max() <= high
    if integer:
        assert np.array_equal(x, np.rint(x))
        assert set(np.unique(x)) == set(range(low, high + 1))
    if distribution == "triangular" and high > low and not integer:
        assert np.mean(x) == pytest.approx((low + high + mode) / 3, abs=0.02 * (high - low))


def test_whole_number_ends_get_their_share():
    u = np.random.default_rng(2).random(100_000)
    x = _draw(u, 2026, 2030, 2027, "uniform", True)
    shares = np.bincount((x - 2026).astype(int)) / x.size
    assert shares == pytest.approx([0.2] * 5, abs=0.01)


@pytest.mark.parametrize(("rows", "cols"), [(1, 1), (3, 2), (13, 1001), (2, 100_000)])
def test_percentiles_match_numpy(rows, cols):
    values = np.random.default_rng(rows).normal(size=(rows, cols))
    expected = np.percentile(values, [5, 25, 50, 75, 95], axis=1)
    np.testing.assert_allclose(_percentiles(values, [5, 25, 50, 75, 95]), expected, rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# Monte Carlo


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"horizon_end": 2035},
        {"horizon_end": 2025},
        {"growth_start": 20.0, "growth_end": -5.0},  # outside the ranges: they slide
        {"phase1_on": False, "phase2_on": False, "fund_size": 0.0},
        {"base_va": 9000.0, "ramp_years": 6},
    ],
)
def test_percentiles_are_ordered_and_2023_has_a_spread(changes):
    # Version 2 draws base_va (version 1 held it fixed): the 2023 level is not published.
    scenario = DEFAULT.replace(changes)
    frame = monte_carlo(scenario, draws=3000, seed=5)
    assert list(frame.columns) == ["year", *PERCENTILE_COLUMNS, "deterministic"]
    assert frame["year"].tolist() == list(range(BASE_YEAR, scenario.horizon_end + 1))
    band = frame[list(PERCENTILE_COLUMNS)].to_numpy()
    assert np.all(np.diff(band, axis=1) >= 0)
    low, high = effective_range(load_uncertainty()["base_va"], scenario.base_va)
    assert low <= band[0, 0] < band[0, -1] <= high  # the 2023 level is uncertain, within its range
    assert frame["deterministic"].tolist() == project(scenario)["va_total"].tolist()
    assert np.all(band[:, -1] - band[:, 0] > 0)


def test_base_va_is_drawn():
    assert "base_va" in load_uncertainty()
    assert set(FIXED_IN_MONTE_CARLO) == set()


@pytest.mark.parametrize("changes", [{}, {"horizon_end": 2035}, {"phase2_on": False}])
def test_symmetric_ranges_contain_the_deterministic_line(changes):
    # Symmetric ranges and zero-mean shocks: the scenario's own line stays inside the middle half.
    scenario = DEFAULT.replace(changes)
    frame = monte_carlo(scenario, draws=20_000, seed=3, ranges=SYMMETRIC)
    assert np.all(frame["p5"] <= frame["deterministic"])
    assert np.all(frame["deterministic"] <= frame["p95"])
    assert np.all(frame["p25"] <= frame["deterministic"])
    assert np.all(frame["deterministic"] <= frame["p75"])


def test_more_draws_settle_the_median():
    a = monte_carlo(DEFAULT, draws=50_000, seed=1)
    b = monte_carlo(DEFAULT, draws=50_000, seed=2)
    np.testing.assert_allclose(a["p50"], b["p50"], rtol=2e-3)


@pytest.mark.parametrize(("draws", "seed"), [(0, 0), (MAX_DRAWS + 1, 0), (1.5, 0), (True, 0), (10, -1), (10, 0.5)])
def test_bad_draws_or_seed_are_rejected(draws, seed):
    with pytest.raises(ScenarioError) as caught:
        monte_carlo(DEFAULT, draws=draws, seed=seed)
    assert re.search("allowed: a whole number", english(caught.value)), english(caught.value)


# ---------------------------------------------------------------------------------------------
# Sensitivity (tornado)


@pytest.mark.parametrize("changes", [{}, {"horizon_end": 2035}, {"horizon_end": 2026}, {"phase1_on": False}])
def test_tornado_is_sorted_and_matches_the_projection(changes):
    scenario = DEFAULT.replace(changes)
    table = sensitivity(scenario)
    assert list(table.columns) == list(SENSITIVITY_COLUMNS)
    assert set(table["key"]) == set(load_uncertainty()) - REVENUE_ONLY  # those move revenue only
    assert np.all(np.diff(table["swing"]) <= 0)
    assert np.all(table["va_base"] == final_va(scenario))
    for row in table.itertuples():
        assert row.va_low == pytest.approx(final_va(scenario, **{row.key: row.low}), rel=1e-12)
        assert row.va_high == pytest.approx(final_va(scenario, **{row.key: row.high}), rel=1e-12)
        assert row.swing == pytest.approx(abs(row.va_high - row.va_low))


def test_tornado_zero_width_range_has_zero_swing():
    leverage = DEFAULT.fund_leverage
    ranges = {
        "growth_end": uncertain_range("growth_end", 4.5, 10.0),
        "fund_leverage": uncertain_range("fund_leverage", leverage, leverage),  # zero width, at the scenario value
        "fund_paid_in": uncertain_range("fund_paid_in", 0.3, 0.7),
    }
    table = sensitivity(DEFAULT, ranges=ranges)
    # growth_end moves the baseline by hundreds of 亿元; fund_paid_in only what the funds change
    # (additionality × value_added_rate × the output difference); fund_leverage nothing.
    assert table["key"].tolist() == ["growth_end", "fund_paid_in", "fund_leverage"]
    assert table.set_index("key").loc["fund_leverage", "swing"] == 0


def test_tornado_with_phase_switched_off_has_zero_swing_for_its_start():
    table = sensitivity(DEFAULT.replace({"phase2_on": False})).set_index("key")
    assert table.loc["phase2_start", "swing"] == 0


# ---------------------------------------------------------------------------------------------
# Goal seek


def _achieved_in_model(scenario, vary, value, year, growth: bool) -> float:
    va, base = va_in(scenario.replace({vary: value}), year)
    return va / base if growth else va


# Levers far from the plan, and new capacity counted in full: whole-number economy parameters (ramp,
# phase years) then move value added by more than goal seek's 0.1% tolerance.
BIG = {"fund_size": 300.0, "additionality": 1.0, "value_added_rate": 0.5}

GOALS = [
    # vary, target year, target_va, target_growth, changes, reached. A target_va ("at", x) is what the
    # model gives with ``vary`` at x, so a value that meets it exists.
    ("growth_end", 2030, 2200.0, None, {}, True),
    # every year projected: base_va × (1 + g/100) = 1200 within −10..25
    ("growth_start", 2024, 1200.0, None, {"use_observed": False}, True),
    ("value_added_rate", 2030, ("at", 0.4), None, {"fund_size": 200.0}, True),  # moves what the levers change
    ("fund_leverage", 2028, ("at", 8.0), None, {}, True),
    ("fund_size", 2030, ("at", 500.0), None, {}, True),
    ("ti_growth", 2030, 2000.0, None, {}, True),  # version 2: the 技改 channel moves growth
    ("base_va", 2030, 5000.0, None, {"horizon_end": 2035}, True),
    ("growth_end", 2030, None, 10.0, {}, True),
    ("growth_start", 2027, None, 6.0, {}, True),
    ("growth_end", 2035, None, 0.0, {"horizon_end": 2035, "use_observed": False}, True),
    ("phase2_start", 2030, ("at", 2030), None, BIG, True),  # whole number
    ("ramp_years", 2026, ("at", 1), None, BIG, True),  # whole number
    ("ramp_years", 2030, ("at", 4), None, BIG, True),  # whole number, away from the scenario's
    ("phase1_start", 2030, ("at", 2030), None, BIG, True),
    ("growth_end", 2030, 30_000.0, None, {}, False),  # far above: the top of the range comes closest
    ("growth_start", 2030, 500.0, None, {}, False),  # far below
    ("value_added_rate", 2030, None, 12.0, {}, False),  # at the plan it changes nothing
    ("ramp_years", 2030, 30_000.0, None, {}, False),  # at the plan it changes nothing
    ("base_va", 2030, None, 12.0, {}, False),  # the level does not change growth
    ("fund_start", 2030, None, 12.0, {}, False),  # whole number: far from anything the funds can add
]


@pytest.mark.parametrize(("vary", "year", "target_va", "target_growth", "changes", "reached"), GOALS)
def test_goal_seek_against_the_model(vary, year, target_va, target_growth, changes, reached):
    scenario = DEFAULT.replace(changes)
    if isinstance(target_va, tuple):
        target_va = va_in(scenario.replace({vary: target_va[1]}), year)[0]
    result = goal_seek(scenario, vary, year, target_va=target_va, target_growth=target_growth)
    spec = load_parameters()[vary]
    growth = target_growth is not None
    target = target_va if not growth else (1 + target_growth / 100) ** (year - BASE_YEAR)

    said = say(result.outcome(), "en")
    assert result.reached is reached, said
    assert spec.min <= result.value <= spec.max
    if spec.kind == "int":
        assert isinstance(result.value, int)
    got = _achieved_in_model(scenario, vary, result.value, year, growth)
    met = bool(abs(got / target - 1) <= GOAL_TOLERANCE)
    assert met is reached
    expected_achieved = got if not growth else (got ** (1 / (year - BASE_YEAR)) - 1) * 100
    assert result.achieved == pytest.approx(expected_achieved, rel=1e-9)
    assert (result.status == "reached") is reached
    assert say(result.outcome(), "zh") and spec.label_en in said and vary not in said  # the label, not the key
    if reached:
        assert "is met" in said
    else:
        # No value of the range comes closer than the one named.
        whole = spec.kind == "int"
        grid = range(spec.min, spec.max + 1) if whole else np.linspace(spec.min, spec.max, 301)
        best = min(abs(_achieved_in_model(scenario, vary, float(x), year, growth) / target - 1) for x in grid)
        assert abs(got / target - 1) <= best + 1e-9
        assert result.status in ("no_effect", "out_of_reach")
        assert "not" in said or "No " in said


def test_goal_seek_float_result_is_precise():
    result = goal_seek(DEFAULT, "growth_end", 2030, target_va=2500.0)
    assert result.achieved == pytest.approx(2500.0, rel=1e-9)


def test_goal_seek_picks_the_solution_nearest_the_scenario():
    # Phase 2 starting in 2031 or later adds nothing by 2030: five whole numbers meet this target.
    # Starting in 2030 it gives half its 35.2亿 of output, 1 × 0.5 × 17.6 = 8.8亿 more value added
    # (about 0.45% of value added, beyond the 0.1% tolerance), so 2030 does not.
    counted = DEFAULT.replace({"additionality": 1.0, "value_added_rate": 0.5})
    target = final_va(counted, phase2_start=2035)
    assert goal_seek(counted, "phase2_start", 2030, target_va=target).value == 2031
    later = counted.replace({"phase2_start": 2033})
    assert goal_seek(later, "phase2_start", 2030, target_va=target).value == 2033


def test_goal_seek_already_met_keeps_the_value():
    result = goal_seek(DEFAULT, "ti_growth", 2030, target_va=final_va(DEFAULT))
    assert result.reached and result.value == DEFAULT.ti_growth


@pytest.mark.parametrize(
    ("vary", "year", "kwargs", "complaint"),
    [
        ("phase1_on", 2030, {"target_va": 3000}, r"is a switch \(on or off\)"),
        ("horizon_end", 2030, {"target_va": 3000}, "cannot be varied"),
        ("nope", 2030, {"target_va": 3000}, "not a parameter"),
        ("growth_end", 2023, {"target_va": 3000}, "Target year: 2023 is out of range"),
        ("growth_end", 2031, {"target_va": 3000}, "allowed: a whole number from 2024 to 2030"),
        ("growth_end", 2030.0, {"target_va": 3000}, "not a whole number"),
        ("growth_end", 2030, {}, "exactly one target"),
        ("growth_end", 2030, {"target_va": 3000, "target_growth": 8}, "exactly one target"),
        ("growth_end", 2030, {"target_va": -1}, "allowed: a number above 0"),
        ("growth_end", 2030, {"target_va": float("nan")}, "NaN; allowed: a number above 0"),
        ("growth_end", 2030, {"target_va": "3000"}, "'3000'; allowed: a number above 0"),
        ("growth_end", 2030, {"target_growth": -100}, "above -100"),
        ("growth_end", 2030, {"target_growth": float("inf")}, "above -100"),
    ],
)
def test_goal_seek_bad_input(vary, year, kwargs, complaint):
    with pytest.raises(ScenarioError) as caught:
        goal_seek(DEFAULT, vary, year, **kwargs)
    assert re.search(complaint, english(caught.value)), english(caught.value)


NUMERIC_LEVERS = [  # docs/model.md's kind column: the numeric policy levers, in its order
    "ti_growth",
    "fund_size",
    "fund_paid_in",
    "fund_leverage",
    "fund_start",
    "fund_deploy_years",
    "phase1_start",
    "phase2_start",
]
NUMERIC_ECONOMY = ECONOMY  # every assumption about the economy is a number


def test_goal_seek_offers_levers_only_by_default():
    assert seekable_keys() == NUMERIC_LEVERS
    assert "base_va" not in seekable_keys()


def test_goal_seek_can_vary_every_numeric_parameter_on_request():
    # horizon_end sets the years; use_observed and the phase switches are true/false.
    assert set(seekable_keys(levers_only=False)) == set(NUMERIC_LEVERS) | set(NUMERIC_ECONOMY)


# ---------------------------------------------------------------------------------------------
# The commands, run as a user runs them (``cli``: tests/conftest.py)


def test_uncertainty_command_same_seed_same_bytes(cli, tmp_path):
    paths = [tmp_path / f"{n}.csv" for n in "abc"]
    for path, seed in zip(paths, ("7", "7", "8"), strict=True):
        done = cli("uncertainty", "--draws", "2000", "--seed", seed, "--out", str(path))
        assert done.returncode == 0, done.stderr.decode()
        assert done.stdout == done.stderr == b""
    a, b, c = (p.read_bytes() for p in paths)
    assert a == b and a != c
    frame = csv_to_frame(a)
    assert list(frame.columns) == ["year", *PERCENTILE_COLUMNS, "deterministic"]
    expected = monte_carlo(DEFAULT, draws=2000, seed=7)
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)


def test_uncertainty_command_json_with_scenario_changes(cli):
    done = cli("uncertainty", "--draws", "100", "--set", "horizon_end=2035", "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(done.stdout)
    assert doc["draws"] == 100 and doc["seed"] == 0 and doc["parameters"]["horizon_end"] == 2035
    assert [row["year"] for row in doc["percentiles"]] == list(range(2023, 2036))


def test_sensitivity_command(cli, tmp_path):
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps({"name": "slow", "parameters": {"growth_end": 5.0}}), encoding="utf-8")
    done = cli("sensitivity", "--scenario", str(scenario))
    assert done.returncode == 0, done.stderr.decode()
    frame = csv_to_frame(done.stdout)
    assert list(frame.columns) == list(SENSITIVITY_COLUMNS)
    assert np.all(np.diff(frame["swing"]) <= 0)
    assert frame["va_base"].iloc[0] == pytest.approx(final_va(DEFAULT, growth_end=5.0), rel=1e-12)


@pytest.mark.parametrize(
    ("args", "code", "value"),
    [
        (["--vary", "growth_end", "--target-year", "2030", "--target-va", "2500"], 0, None),
        # By hand: baseline 1000 × 1.08^7 = 1713.824; phase 2 from 2031 produces nothing by 2030 against
        # the plan's 35.2, so policy_va = 1 × 0.5 × (0 − 35.2) = −17.6 and value added 1696.224. From 2030
        # it would be −8.8 (0.5% off); 2031–2035 all meet it, 2031 is nearest the scenario's 2027.
        (
            [
                "--vary",
                "phase2_start",
                "--target-year",
                "2030",
                "--target-va",
                "1696.224",
                *("--set", "use_observed=false", "--set", "base_va=1000", "--set", "growth_start=8"),
                *("--set", "growth_end=8", "--set", "additionality=1", "--set", "value_added_rate=0.5"),
            ],
            0,
            "2031",
        ),
        (["--vary", "growth_end", "--target-year", "2030", "--target-va", "30000"], 1, "25.0"),
    ],
)
def test_goal_seek_command(cli, args, code, value):
    done = cli("goal-seek", *args)
    assert done.returncode == code, done.stderr.decode()
    assert done.stderr == b""
    first, sentence = done.stdout.decode().splitlines()
    key, _, found = first.partition("=")
    assert key == args[1]
    if value is not None:
        assert found == value
    assert ("is met" in sentence) == (code == 0)


BAD = [
    ["uncertainty", "--draws", "0"],
    ["uncertainty", "--draws", "1000001"],
    ["uncertainty", "--draws", "many"],
    ["uncertainty", "--seed", "-1"],
    ["uncertainty", "--set", "growth_start=99"],
    ["uncertainty", "--format", "xlsx"],
    ["sensitivity", "--set", "nope=1"],
    ["sensitivity", "--scenario", "no-such-file.json"],
    ["goal-seek", "--vary", "phase1_on", "--target-year", "2030", "--target-va", "3000"],
    ["goal-seek", "--vary", "growth_end", "--target-year", "2031", "--target-va", "3000"],
    ["goal-seek", "--vary", "growth_end", "--target-year", "2030"],
    [
        "goal-seek",
        "--vary",
        "growth_end",
        "--target-year",
        "2030",
        "--target-va",
        "1",
        "--target-growth",
        "1",
    ],
    ["goal-seek", "--vary", "growth_end", "--target-year", "2030", "--target-va", "-5"],
    ["goal-seek", "--vary", "growth_end", "--target-year", "2030", "--target-growth", "nan"],
]


@pytest.mark.parametrize("args", BAD)
def test_bad_input_one_line_exit_2_no_file(cli, tmp_path, args):
    out = tmp_path / "out.csv"
    extra = ["--out", str(out)] if args[0] != "goal-seek" and "--format" not in args else []
    done = cli(*args, *extra)
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "Traceback" not in lines[0]
    assert not out.exists()
