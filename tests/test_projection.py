"""The projection against MODEL.md: its worked check, each equation on a small hand-computed table,
and properties that must hold over the whole parameter ranges.

Expected values are worked out by hand from MODEL.md's equations, never copied from the code's output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.parameters import default_scenario, load_parameters, load_projects, make_scenario
from model.projection import RESULT_COLUMNS, compute, production_share, project

# MODEL.md, "The result table", in its order.
MODEL_COLUMNS = [
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
]
GROWTH_COLUMNS = ["growth_trend_pct", "growth_total_pct"]
FUND_AND_PROJECT_COLUMNS = ["fund_output", "project_output", "fund_va", "project_va"]


def close(expected: list[float]) -> object:
    """Equal to a hand-computed list up to float rounding (NaN matches NaN)."""
    return pytest.approx(expected, rel=1e-12, abs=1e-9, nan_ok=True)


def run(horizon_end: int, projects: tuple = (), **overrides: float) -> dict[str, list[float]]:
    """compute() on the defaults with ``overrides``, every column as a plain list."""
    params = {**default_scenario().to_dict(), **overrides}
    out = compute(params, horizon_end, projects)
    return {k: np.asarray(v, dtype=float).reshape(-1).tolist() for k, v in out.items()}


def frame_for(**overrides: object):
    return project(make_scenario(overrides)).set_index("year")


# ---------------------------------------------------------------------------------------------
# The worked check and the table's shape


@pytest.fixture(scope="module")
def default_frame():
    return project(default_scenario()).set_index("year")


@pytest.mark.parametrize(
    ("year", "column", "expected"),
    [
        (2024, "va_trend", 1500 * 1.084),  # = 1626.0
        (2024, "va_trend", 1626.0),
        (2024, "fund_investment", 35 * 4 / 4),
        (2024, "fund_investment", 35.0),
        (2024, "fund_output", 0.0),
        (2024, "project_output", 0.0),
        (2024, "va_total", 1626.0),
        (2025, "fund_output", 35 * 1.1 * 1 / 2),
        (2025, "fund_output", 19.25),
        (2025, "project_output", 22 * 1 / 2),
        (2025, "project_output", 11.0),
        (2025, "fund_va", 4.8125),
        (2025, "project_va", 2.75),
    ],
)
def test_worked_check(default_frame, year, column, expected):
    assert default_frame.loc[year, column] == pytest.approx(expected, rel=1e-12)


def test_columns_are_model_md_in_order(default_frame):
    assert list(RESULT_COLUMNS) == MODEL_COLUMNS
    assert list(project(default_scenario()).columns) == MODEL_COLUMNS


@pytest.mark.parametrize("horizon_end", [2025, 2030, 2035])
def test_one_row_a_year_from_2023(horizon_end):
    frame = project(make_scenario({"horizon_end": horizon_end}))
    assert frame["year"].tolist() == list(range(2023, horizon_end + 1))


def test_base_year_row(default_frame):
    row = default_frame.loc[2023]
    for column in GROWTH_COLUMNS:
        assert math.isnan(row[column]), column
    for column in [*FUND_AND_PROJECT_COLUMNS, "fund_investment", "cum_fund_investment"]:
        assert row[column] == 0.0, column
    assert row["va_trend"] == row["va_total"] == 1500.0
    assert row["va_index"] == row["ti_index"] == row["province_index"] == 100.0


def test_base_year_has_no_output_even_when_everything_starts_early():
    frame = frame_for(build_years=0, ramp_years=1, phase1_start=2024, phase2_start=2024)
    assert (frame.loc[2023, FUND_AND_PROJECT_COLUMNS] == 0).all()
    assert frame.loc[2024, "fund_output"] == pytest.approx(35 * 1.1)
    assert frame.loc[2024, "project_output"] == pytest.approx(22 + 35.2)


# ---------------------------------------------------------------------------------------------
# Equation 1: trend growth, linear from growth_start (2024) to growth_end (horizon_end)


@pytest.mark.parametrize(
    ("growth_start", "growth_end", "horizon_end", "expected"),
    [
        (8.4, 8.4, 2030, [8.4] * 7),
        (10, 4, 2026, [10, 7, 4]),
        (10, 4, 2024, [10]),  # n == 1: g = growth_start
        (-3, 20, 2024, [-3]),
        (0, 10, 2025, [0, 10]),
        (5, -5, 2028, [5, 2.5, 0, -2.5, -5]),
        (2, 12, 2034, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    ],
)
def test_eq1_trend_growth(growth_start, growth_end, horizon_end, expected):
    out = run(horizon_end, growth_start=growth_start, growth_end=growth_end)
    assert math.isnan(out["growth_trend_pct"][0])
    assert out["growth_trend_pct"][1:] == close(expected)


def test_eq1_through_project_and_validation():
    frame = frame_for(growth_start=10, growth_end=4, horizon_end=2026)
    assert frame["growth_trend_pct"].tolist()[1:] == close([10, 7, 4])


# ---------------------------------------------------------------------------------------------
# Equation 2: va_trend compounds from base_va


@pytest.mark.parametrize(
    ("base_va", "growth_start", "growth_end", "horizon_end", "expected"),
    [
        (1000, 10, 4, 2026, [1000, 1100, 1177, 1224.08]),
        (200, 0, 0, 2025, [200, 200, 200]),
        (100, -10, -10, 2026, [100, 90, 81, 72.9]),
        (1500, 8.4, 8.4, 2025, [1500, 1626, 1762.584]),
        (400, 25, 25, 2024, [400, 500]),
    ],
)
def test_eq2_va_trend(base_va, growth_start, growth_end, horizon_end, expected):
    out = run(horizon_end, base_va=base_va, growth_start=growth_start, growth_end=growth_end)
    assert out["va_trend"] == close(expected)


# ---------------------------------------------------------------------------------------------
# Equation 3: production share


@pytest.mark.parametrize(
    ("t", "s", "ramp_years", "expected"),
    [
        (2023, 2025, 1, 0.0),
        (2024, 2025, 2, 0.0),
        (2025, 2025, 2, 0.5),
        (2026, 2025, 2, 1.0),
        (2030, 2025, 2, 1.0),
        (2025, 2025, 1, 1.0),
        (2025, 2025, 3, 1 / 3),
        (2026, 2025, 3, 2 / 3),
        (2027, 2025, 3, 1.0),
        (2024, 2024, 6, 1 / 6),
        (2028, 2024, 6, 5 / 6),
        (2029, 2024, 6, 1.0),
        (2035, 2035, 4, 0.25),
    ],
)
def test_eq3_production_share(t, s, ramp_years, expected):
    assert float(production_share(np.array(t), s, ramp_years)) == pytest.approx(expected, rel=1e-12)


def test_eq3_production_share_over_years():
    years = np.arange(2023, 2031)
    assert production_share(years, 2026, 4).tolist() == close([0, 0, 0, 0.25, 0.5, 0.75, 1, 1])


# ---------------------------------------------------------------------------------------------
# Equations 4 and 10: fund investment, capital, mobilised investment, running sum

# columns: 2023 … 2030
FUND_CASES = [
    # fund_size, leverage, start, deploy, investment, capital, cumulative
    (
        35,
        4,
        2024,
        4,
        [0, 35, 35, 35, 35, 0, 0, 0],
        [0, 8.75, 8.75, 8.75, 8.75, 0, 0, 0],
        [0, 35, 70, 105, 140, 140, 140, 140],
    ),
    (
        30,
        2,
        2026,
        3,
        [0, 0, 0, 20, 20, 20, 0, 0],
        [0, 0, 0, 10, 10, 10, 0, 0],
        [0, 0, 0, 20, 40, 60, 60, 60],
    ),
    (
        100,
        1,
        2025,
        1,
        [0, 0, 100, 0, 0, 0, 0, 0],
        [0, 0, 100, 0, 0, 0, 0, 0],
        [0, 0, 100, 100, 100, 100, 100, 100],
    ),
    # investing runs past the horizon: only 2029 and 2030 are inside it
    (
        8,
        10,
        2029,
        4,
        [0, 0, 0, 0, 0, 0, 20, 20],
        [0, 0, 0, 0, 0, 0, 2, 2],
        [0, 0, 0, 0, 0, 0, 20, 40],
    ),
    # starts after the horizon
    (50, 3, 2035, 2, [0] * 8, [0] * 8, [0] * 8),
    # no fund
    (0, 4, 2024, 4, [0] * 8, [0] * 8, [0] * 8),
]


@pytest.mark.parametrize(
    ("fund_size", "fund_leverage", "fund_start", "fund_deploy_years", "investment", "capital", "cumulative"),
    FUND_CASES,
)
def test_eq4_eq10_fund_investment(
    fund_size, fund_leverage, fund_start, fund_deploy_years, investment, capital, cumulative
):
    frame = frame_for(
        fund_size=fund_size,
        fund_leverage=fund_leverage,
        fund_start=fund_start,
        fund_deploy_years=fund_deploy_years,
        horizon_end=2030,
    )
    assert frame["fund_investment"].tolist() == close(investment)
    assert frame["fund_capital"].tolist() == close(capital)
    assert frame["mobilized_investment"].tolist() == close([i - c for i, c in zip(investment, capital, strict=True)])
    assert frame["cum_fund_investment"].tolist() == close(cumulative)


# ---------------------------------------------------------------------------------------------
# Equations 5 and 7: fund output and its value added
# Funds of 10 with leverage 1 over 2 years from 2024: cohorts of 5 in 2024 and 2025; with
# output_per_investment 2 each cohort makes 10 a year at full production.


@pytest.mark.parametrize(
    ("build_years", "ramp_years", "expected"),
    [
        # 2023 … 2030
        (0, 1, [0, 10, 20, 20, 20, 20, 20, 20]),
        # cohort 2024: 1/3, 2/3, 1 from 2024; cohort 2025: 1/3, 2/3, 1 from 2025
        (0, 3, [0, 10 / 3, 10, 50 / 3, 20, 20, 20, 20]),
        (2, 1, [0, 0, 0, 10, 20, 20, 20, 20]),
        (2, 3, [0, 0, 0, 10 / 3, 10, 50 / 3, 20, 20]),
        (1, 2, [0, 0, 5, 15, 20, 20, 20, 20]),
        # first output 2029 and 2030, ramp over 6 years
        (5, 6, [0, 0, 0, 0, 0, 0, 10 / 6, 20 / 6 + 10 / 6]),
    ],
)
def test_eq5_eq7_fund_output(build_years, ramp_years, expected):
    frame = frame_for(
        fund_size=10,
        fund_leverage=1,
        fund_start=2024,
        fund_deploy_years=2,
        output_per_investment=2,
        build_years=build_years,
        ramp_years=ramp_years,
        value_added_rate=0.3,
        horizon_end=2030,
    )
    assert frame["fund_output"].tolist() == close(expected)
    assert frame["fund_va"].tolist() == close([0.3 * x for x in expected])


# ---------------------------------------------------------------------------------------------
# Equations 6 and 7: named projects (phase 1: 22 a year at full production, phase 2: 35.2)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        # 2023 … 2030, ramp_years 2
        ({}, [0, 0, 11, 22, 39.6, 57.2, 57.2, 57.2]),
        ({"phase2_on": False}, [0, 0, 11, 22, 22, 22, 22, 22]),
        ({"phase1_on": False}, [0, 0, 0, 0, 17.6, 35.2, 35.2, 35.2]),
        ({"phase1_on": False, "phase2_on": False}, [0] * 8),
        ({"phase1_start": 2024, "phase2_start": 2030}, [0, 11, 22, 22, 22, 22, 22, 39.6]),
        ({"phase1_start": 2035, "phase2_on": False}, [0] * 8),
        ({"phase1_start": 2026, "ramp_years": 1}, [0, 0, 0, 22, 57.2, 57.2, 57.2, 57.2]),
        (
            {"phase1_start": 2026, "phase2_start": 2026, "ramp_years": 4},
            [0, 0, 0, 14.3, 28.6, 42.9, 57.2, 57.2],
        ),
    ],
)
def test_eq6_eq7_project_output(overrides, expected):
    frame = frame_for(horizon_end=2030, value_added_rate=0.5, **overrides)
    assert frame["project_output"].tolist() == close(expected)
    assert frame["project_va"].tolist() == close([0.5 * x for x in expected])


def test_eq6_projects_data_matches_model_md():
    projects = {p.id: p for p in load_projects()}
    assert (projects["phase1"].investment, projects["phase1"].full_output) == (20, 22)
    assert (projects["phase2"].investment, projects["phase2"].full_output) == (32, pytest.approx(35.2))
    assert (projects["phase1"].on_key, projects["phase1"].start_key) == ("phase1_on", "phase1_start")
    assert (projects["phase2"].on_key, projects["phase2"].start_key) == ("phase2_on", "phase2_start")


def test_eq6_compute_without_projects_has_no_project_output():
    assert run(2030)["project_output"] == close([0] * 8)


# ---------------------------------------------------------------------------------------------
# Equations 8 and 9: va_total, growth_total and the indices
# base_va 1000 at 10% a year; funds: cohorts of 5 in 2024 and 2025 at 2× output, build 0, ramp 1
# → fund_output 10, 20, 20; fund_va (rate 0.5) 5, 10, 10. Phase 1 from 2025 at 22 → project_va 11.

SMALL = dict(
    horizon_end=2026,
    base_va=1000,
    growth_start=10,
    growth_end=10,
    fund_size=10,
    fund_leverage=1,
    fund_start=2024,
    fund_deploy_years=2,
    output_per_investment=2,
    value_added_rate=0.5,
    build_years=0,
    ramp_years=1,
    phase1_start=2025,
    phase2_on=False,
    ti_growth=10,
    province_growth=-10,
)


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("va_trend", [1000, 1100, 1210, 1331]),
        ("fund_va", [0, 5, 10, 10]),
        ("project_va", [0, 0, 11, 11]),
        ("va_total", [1000, 1105, 1231, 1352]),
        ("growth_total_pct", [math.nan, 10.5, 126 / 1105 * 100, 121 / 1231 * 100]),
        ("va_index", [100, 110.5, 123.1, 135.2]),
        ("ti_index", [100, 110, 121, 133.1]),
        ("province_index", [100, 90, 81, 72.9]),
    ],
)
def test_eq8_eq9_totals_and_indices(column, expected):
    frame = frame_for(**SMALL)
    assert frame[column].tolist() == close(expected)


def test_eq8_defaults_2025(default_frame):
    va_total_2025 = 1500 * 1.084 * 1.084 + 4.8125 + 2.75
    assert default_frame.loc[2025, "va_total"] == pytest.approx(va_total_2025, rel=1e-12)
    assert default_frame.loc[2025, "growth_total_pct"] == pytest.approx((va_total_2025 / 1626 - 1) * 100, rel=1e-12)


@pytest.mark.parametrize(
    ("ti_growth", "province_growth", "year", "ti_index", "province_index"),
    [
        (16.1, 7.1, 2024, 116.1, 107.1),
        (16.1, 7.1, 2025, 100 * 1.161**2, 100 * 1.071**2),
        (-30, 0, 2026, 34.3, 100),
        (50, 25, 2025, 225, 156.25),
    ],
)
def test_eq9_reference_indices(ti_growth, province_growth, year, ti_index, province_index):
    frame = frame_for(ti_growth=ti_growth, province_growth=province_growth)
    assert frame.loc[year, "ti_index"] == pytest.approx(ti_index, rel=1e-12)
    assert frame.loc[year, "province_index"] == pytest.approx(province_index, rel=1e-12)


# ---------------------------------------------------------------------------------------------
# Properties over the whole parameter ranges

SPECS = load_parameters()


def _strategy(spec) -> st.SearchStrategy:
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "int":
        return st.integers(min_value=spec.min, max_value=spec.max)
    return st.floats(min_value=spec.min, max_value=spec.max, allow_nan=False, allow_infinity=False)


scenarios = st.fixed_dictionaries({key: _strategy(spec) for key, spec in SPECS.items()}).map(make_scenario)
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(scenarios)
def test_every_output_is_finite(scenario):
    frame = project(scenario)
    values = frame.drop(columns=GROWTH_COLUMNS).to_numpy(dtype=float)
    assert np.isfinite(values).all()
    growth = frame[GROWTH_COLUMNS].to_numpy(dtype=float)
    assert np.isnan(growth[0]).all()
    assert np.isfinite(growth[1:]).all()
    assert frame["year"].tolist() == list(range(2023, scenario.horizon_end + 1))


@PROPERTY_SETTINGS
@given(scenarios)
def test_va_total_at_least_trend(scenario):
    frame = project(scenario)
    assert (frame["va_total"] >= frame["va_trend"]).all()
    assert (frame[[*FUND_AND_PROJECT_COLUMNS, "fund_investment", "cum_fund_investment"]] >= 0).all().all()


@PROPERTY_SETTINGS
@given(
    scenarios,
    st.sampled_from(["fund_size", "fund_leverage", "output_per_investment"]),
    st.floats(min_value=0, max_value=1),
)
def test_va_total_never_falls_when_funds_grow(scenario, key, fraction):
    spec = SPECS[key]
    now = getattr(scenario, key)
    higher = min(now + fraction * (spec.max - now), spec.max)
    before = project(scenario)["va_total"].to_numpy()
    after = project(scenario.replace({key: higher}))["va_total"].to_numpy()
    assert (after >= before).all(), (key, now, higher)
