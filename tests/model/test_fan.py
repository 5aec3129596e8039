"""Model version 3's honest fan and revenue targets (docs/analysis.md; ../shared/MODEL.md v3,
"Uncertainty" and equation 13).

- In 2023 and published years only the 2023 level is uncertain: every draw is multiplied by the same
  published growth, so the band's p95/p5 ratio is 2023's. From the first estimated or projected year
  the band widens every year (an estimated year's full-year growth is drawn around its cumulative
  figure; projected years take AR(1) shocks and the economy parameters' ranges).
- Revenue (equation 13): ``revenue(t) = base_revenue × va_total(t) / base_va × (1 + revenue_drift/100)^i``;
  the fan of revenue, the revenue target (level, 亿元), its gap and its probability.

The history is passed to the functions (``history=``), so the checks do not depend on
data/history.csv; expected values are worked by hand in the comments.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from clikit import run_cli
from modelkit import fig, uncertain_range, zero_width
from saykit import chinese, english

from model.analysis import (
    PERCENTILE_COLUMNS,
    PROBABILITY_COLUMNS,
    REVENUE_ONLY,
    SENSITIVITY_COLUMNS,
    Shocks,
    load_shocks,
    load_uncertainty,
    monte_carlo,
    sensitivity,
    shock_paths,
    target_probabilities,
)
from model.history import History
from model.parameters import ScenarioError, Target, default_scenario, parse_target
from model.projection import project
from model.targets import gap, load_targets, measure, targets_for
from tests.readers import csv_to_frame

DEFAULT = default_scenario()
NO_SHOCKS = Shocks(0.0, 0.0)
EMPTY = History(())
Z95 = 1.6448536269514722  # the standard normal's 95th percentile


# Round figures, every year projected unless a history says otherwise, no lever moved.
ROUND = DEFAULT.replace(
    {
        "use_observed": True,
        "base_va": 1000.0,
        "growth_start": 8.0,
        "growth_end": 8.0,
        "base_revenue": 4000.0,
        "revenue_drift": 0.0,
    }
)


# ---------------------------------------------------------------------------------------------
# The band by status


# Published 2024 (9%) and 2025 (7%), estimated 2026 (Jan–Jul 8%), projected from 2027.
PUBLISHED_THEN_ESTIMATED = History((fig(2024, 9.0), fig(2025, 7.0), fig(2026, 8.0, period="Jan-Jul")))
SOURCED_SHOCKS = Shocks(1.5, 0.5, estimated_sd=0.75)


def ratio(frame: pd.DataFrame) -> pd.Series:
    return (frame["p95"] / frame["p5"]).set_axis(frame["year"])


def test_published_years_carry_the_level_only_then_the_band_widens_every_year():
    # Every sourced range (base_va and base_revenue among them) and shocks of the calibrated size.
    scenario = DEFAULT.replace({"horizon_end": 2032})
    frame = monte_carlo(scenario, draws=20_000, seed=3, shocks=SOURCED_SHOCKS, history=PUBLISHED_THEN_ESTIMATED)
    r = ratio(frame)
    assert r[2023] > 1  # the 2023 level is not published
    # 2024 and 2025 are published: each draw is its own level × 1.09 (× 1.07), so p95/p5 is 2023's.
    assert [r[2024], r[2025]] == pytest.approx([r[2023], r[2023]], rel=1e-12)
    # From 2026 (estimated) on, strictly wider every year.
    for year in range(2026, 2033):
        assert r[year] > r[year - 1] * (1 + 1e-6), year
    # The scenario's own line follows the figures: 2026 is its level × 1.09 × 1.07 × 1.08.
    own = frame.set_index("year")["deterministic"]
    assert own[2026] == pytest.approx(scenario.base_va * 1.09 * 1.07 * 1.08, rel=1e-12)


def test_the_band_of_published_years_is_2023s_scaled_by_their_growth():
    # Only base_va uncertain (uniform 900–1100): in 2024 and 2025 every percentile is 2023's × 1.09
    # (× 1.07); width p95 − p5 is proportional to the level.
    frame = monte_carlo(
        ROUND,
        draws=5000,
        seed=1,
        ranges=zero_width(ROUND, base_va=uncertain_range("base_va", 900.0, 1100.0, "uniform")),
        shocks=SOURCED_SHOCKS,
        history=History((fig(2024, 9.0), fig(2025, 7.0))),
    ).set_index("year")
    band = frame[list(PERCENTILE_COLUMNS)]
    np.testing.assert_allclose(band.loc[2024], band.loc[2023] * 1.09, rtol=1e-12)
    np.testing.assert_allclose(band.loc[2025], band.loc[2023] * 1.09 * 1.07, rtol=1e-12)
    # uniform 900–1100: p5 = 910, p95 = 1090 (numpy's linear percentile of 5,000 draws: within 2)
    assert (band.loc[2023, "p5"], band.loc[2023, "p95"]) == pytest.approx((910.0, 1090.0), abs=2.0)


def test_an_estimated_years_growth_is_drawn_around_its_cumulative_figure_by_hand():
    # No parameter uncertain, no AR(1) shocks, estimated_year_sd 1 point. 2024 is estimated at 8%
    # (Jan–Jun): its growth is 8 + z, so value added in 2024 is 1000 × (1 + (8 + z)/100):
    #   p95 = 1000 × (1 + (8 + 1.6449)/100) = 1096.449; p50 = 1080; p5 = 1000 × (1 + 6.3551/100) = 1063.551.
    # 2025 is projected at growth_start 8 with no shock: every draw × 1.08.
    frame = monte_carlo(
        ROUND.replace({"horizon_end": 2025}),
        draws=40_000,
        seed=2,
        ranges=zero_width(ROUND),
        shocks=Shocks(0.0, 0.0, estimated_sd=1.0),
        history=History((fig(2024, 8.0, period="H1"),)),
    ).set_index("year")
    assert frame.loc[2023, "p5"] == frame.loc[2023, "p95"] == pytest.approx(1000.0)
    got = frame.loc[2024, ["p5", "p50", "p95"]].tolist()
    assert got == pytest.approx([1000 * (1 + (8 - Z95) / 100), 1080.0, 1000 * (1 + (8 + Z95) / 100)], abs=0.3)
    np.testing.assert_allclose(
        frame.loc[2025, list(PERCENTILE_COLUMNS)], frame.loc[2024, list(PERCENTILE_COLUMNS)] * 1.08
    )
    assert frame.loc[2024, "deterministic"] == pytest.approx(1080.0)


def test_shocks_act_in_projected_years_only():
    # Shocks alone (every range of zero width, no estimated spread): no spread in 2023, 2024
    # (published) and 2025 (estimated); a spread from 2026, the first projected year.
    history = History((fig(2024, 9.0), fig(2025, 7.5, period="Jan-Sep")))
    frame = monte_carlo(ROUND, draws=2000, seed=2, ranges=zero_width(ROUND), shocks=Shocks(1.5, 0.5), history=history)
    width = (frame["p95"] - frame["p5"]).tolist()
    assert width[:3] == pytest.approx([0, 0, 0], abs=1e-9)
    assert all(w > 0 for w in width[3:])
    assert frame.loc[2, "p50"] == pytest.approx(1000 * 1.09 * 1.075, rel=1e-12)  # 2025 at its Jan–Sep 7.5%


def test_a_gap_year_takes_a_shock_and_a_published_year_after_it_keeps_the_band():
    # 2024 has no figure (a gap: projected at growth_start, with a shock); 2025 is published at 7%:
    # every draw × 1.07, so p95/p5 stays 2024's; from 2026 it widens again.
    history = History((fig(2025, 7.0),))
    frame = monte_carlo(ROUND, draws=5000, seed=4, ranges=zero_width(ROUND), shocks=Shocks(1.5, 0.5), history=history)
    r = ratio(frame)
    assert r[2023] == pytest.approx(1.0)
    assert r[2024] > 1
    assert r[2025] == pytest.approx(r[2024], rel=1e-12)
    for year in range(2026, 2031):
        assert r[year] > r[year - 1], year


def test_shock_paths_follow_the_projected_years_and_restart_after_a_published_one():
    # e(t) = 0.5 e(t − 1) + 2 z(t) in projected years, 0 otherwise (and the process starts afresh):
    # years 2023..2027 with 2024, 2026, 2027 projected, z = 9, 1, 9, −1, 0.5:
    #   2024: 2 × 1 = 2; 2025 published: 0; 2026: 0.5 × 0 + 2 × (−1) = −2; 2027: 0.5 × (−2) + 2 × 0.5 = 0
    years = np.arange(2023, 2028)
    z = np.array([[9.0, 1.0, 9.0, -1.0, 0.5]])
    mask = np.array([False, True, False, True, True])
    np.testing.assert_allclose(shock_paths(z, years, mask, Shocks(2.0, 0.5)), [[0, 2, 0, -2, 0]], atol=1e-12)
    # the first projected year as a number: every later year projected (version 2's call)
    np.testing.assert_allclose(shock_paths(z, years, 2026, Shocks(2.0, 0.5)), [[0, 0, 0, -2, 0]], atol=1e-12)


def test_the_shocks_file_has_the_estimated_years_spread():
    shocks = load_shocks()
    assert shocks.sd > 0 and -1 < shocks.rho < 1 and shocks.estimated_sd >= 0


@pytest.mark.parametrize(
    "rows",
    [
        "growth_shock_sd,1.5,,,x,x,x\ngrowth_shock_rho,0.5,,,x,x,x\n",  # estimated_year_sd missing
        "growth_shock_sd,1.5,,,x,x,x\ngrowth_shock_rho,0.5,,,x,x,x\nestimated_year_sd,-1,,,x,x,x\n",
        "growth_shock_sd,1.5,,,x,x,x\ngrowth_shock_rho,0.5,,,x,x,x\nestimated_year_sd,inf,,,x,x,x\n",
        "growth_shock_sd,1.5,,,x,x,x\ngrowth_shock_rho,0.5,,,x,x,x\nestimated_year_sd,wide,,,x,x,x\n",
    ],
)
def test_a_bad_estimated_year_sd_is_named(tmp_path, rows):
    path = tmp_path / "shocks.csv"
    path.write_text("key,value,low,high,provenance,why_en,why_zh\n" + rows, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_shocks(path)
    assert "estimated_year_sd" in english(caught.value) and "estimated_year_sd" in chinese(caught.value)


# ---------------------------------------------------------------------------------------------
# Revenue: the fan, the tornado


def test_revenue_follows_equation_13_by_hand():
    # base_revenue 4000, drift 2, 8% a year, every year projected (no figures):
    # revenue(2026) = 4000 × 1.08³ × 1.02³ = 4000 × 1.259712 × 1.061208 = 5347.27
    scenario = ROUND.replace({"revenue_drift": 2.0})
    frame = project(scenario, history=EMPTY).set_index("year")
    assert frame.loc[2026, "revenue"] == pytest.approx(4000 * 1.08**3 * 1.02**3, rel=1e-12)
    assert frame.loc[2026, "revenue"] == pytest.approx(5347.27, abs=0.01)


def test_the_revenue_fan_keeps_the_columns_and_collapses_without_uncertainty():
    frame = monte_carlo(
        ROUND, draws=200, seed=0, ranges=zero_width(ROUND), shocks=NO_SHOCKS, history=EMPTY, metric="revenue"
    )
    assert list(frame.columns) == ["year", *PERCENTILE_COLUMNS, "deterministic"]
    expected = project(ROUND, history=EMPTY)["revenue"].to_numpy()
    np.testing.assert_allclose(frame["deterministic"], expected, rtol=1e-12)
    for column in PERCENTILE_COLUMNS:
        np.testing.assert_allclose(frame[column], expected, rtol=1e-12)


def test_the_revenue_fan_draws_the_revenue_level():
    # Only base_revenue uncertain (uniform 3600–4400), drift 0: revenue(t) = base_revenue × 1.08^i,
    # so 2023's p5 and p95 are 3640 and 4360 and every year's band is 2023's × 1.08^i.
    ranges = zero_width(ROUND, base_revenue=uncertain_range("base_revenue", 3600.0, 4400.0, "uniform"))
    kwargs = {"draws": 20_000, "seed": 7, "ranges": ranges, "shocks": NO_SHOCKS, "history": EMPTY}
    revenue = monte_carlo(ROUND, metric="revenue", **kwargs).set_index("year")
    assert (revenue.loc[2023, "p5"], revenue.loc[2023, "p95"]) == pytest.approx((3640.0, 4360.0), abs=8.0)
    np.testing.assert_allclose(revenue.loc[2027, ["p5", "p95"]], revenue.loc[2023, ["p5", "p95"]] * 1.08**4)
    # the same draws for value added: base_va fixed, no spread at all
    va = monte_carlo(ROUND, **kwargs)
    np.testing.assert_allclose(va["p5"], va["p95"], rtol=1e-12)


def test_a_bad_metric_is_named_in_both_languages():
    with pytest.raises(ScenarioError) as caught:
        monte_carlo(DEFAULT, draws=10, metric="profit")
    assert re.search(r"Measure: 'profit'; allowed: value added or operating revenue", english(caught.value))
    assert "规上工业营业收入" in chinese(caught.value)


def test_the_tornado_lists_the_revenue_parameters_for_revenue_only():
    va = sensitivity(DEFAULT)
    assert list(va.columns) == list(SENSITIVITY_COLUMNS)
    assert not set(va["key"]) & REVENUE_ONLY
    ranges = load_uncertainty()
    revenue = sensitivity(DEFAULT, metric="revenue").set_index("key")
    assert REVENUE_ONLY & set(ranges) <= set(revenue.index)
    final = float(project(DEFAULT)["revenue"].iloc[-1])
    assert (revenue["va_base"] == final).all()
    if "base_revenue" in revenue.index:
        # revenue is proportional to base_revenue: the swing is final × (high − low) / base_revenue
        row = revenue.loc["base_revenue"]
        assert row["swing"] == pytest.approx(final * (row["high"] - row["low"]) / DEFAULT.base_revenue, rel=1e-9)
    # every other parameter moves revenue as it moves value added (a fixed ratio per draw)
    assert set(revenue.index) - REVENUE_ONLY == set(va["key"])


# ---------------------------------------------------------------------------------------------
# Revenue targets


def test_a_revenue_target_parses_as_a_level_in_yuan():
    target = parse_target({"label": "营收6000", "metric": "revenue", "year": 2026, "value": 6000})
    assert target == Target("营收6000", "revenue", 2026, 6000.0)
    assert measure(target) == "revenue"
    with pytest.raises(ScenarioError) as caught:
        parse_target({"label": "x", "metric": "revenue", "year": 2026, "value": -1})
    assert "Target value (100 million yuan): -1 is out of range" in english(caught.value)
    assert "亿元" in chinese(caught.value)


def test_the_official_revenue_target_is_checked():
    (official,) = [t for t in load_targets() if t.id == "dz_revenue_2026"]
    assert official.checkable and (official.metric, official.kind, official.year, official.value) == (
        "revenue",
        "level",
        2026,
        6000.0,
    )
    assert official.publication and official.quote_zh and official.url
    target = official.as_target("en")
    assert (target.metric, target.year, target.value) == ("revenue", 2026, 6000.0)
    assert target in targets_for((), 2030, "en")


def test_the_gap_to_a_revenue_target_by_hand():
    # base_revenue 4000, drift 2: 5347.27 in 2026 (above), 652.73 short of 6000. With 4500: 6015.68.
    target = Target("营收", "revenue", 2026, 6000.0)
    short = project(ROUND.replace({"revenue_drift": 2.0}), history=EMPTY)
    got, diff = gap(target, short)
    assert (got, diff) == pytest.approx((5347.27, -652.73), abs=0.01)
    over = project(ROUND.replace({"revenue_drift": 2.0, "base_revenue": 4500.0}), history=EMPTY)
    assert gap(target, over) == pytest.approx((4500 * 1.08**3 * 1.02**3, 4500 * 1.08**3 * 1.02**3 - 6000), rel=1e-12)
    assert gap(target, over)[1] == pytest.approx(15.68, abs=0.01)
    # a table without revenue (version 2) cannot say
    assert all(math.isnan(x) for x in gap(target, short.drop(columns=["revenue"])))


def test_revenue_target_probability_is_zero_or_one_without_uncertainty():
    # No uncertainty: revenue in 2026 is 4000 × 1.08³ × 1.02³ = 5347.27 in every draw.
    scenario = ROUND.replace({"revenue_drift": 2.0})
    targets = [
        Target("6000", "revenue", 2026, 6000.0),
        Target("just below", "revenue", 2026, 5347.2),
        Target("just above", "revenue", 2026, 5347.3),
    ]
    odds = target_probabilities(
        scenario, targets, draws=5, seed=0, ranges=zero_width(scenario), shocks=NO_SHOCKS, history=EMPTY
    )
    assert tuple(odds.columns) == PROBABILITY_COLUMNS
    assert odds["metric"].tolist() == ["revenue"] * 3
    assert odds["probability"].tolist() == [0.0, 1.0, 0.0]


def test_revenue_target_probability_by_hand():
    # Only base_revenue uncertain, uniform 4000–5000, drift 0, no shocks: revenue(2026) = base_revenue ×
    # 1.08³ = base_revenue × 1.259712. P(≥ 6000) = P(base_revenue ≥ 6000 / 1.259712 = 4762.98)
    # = (5000 − 4762.98) / 1000 = 0.2370. A value-added target in the same call uses the same draws.
    ranges = zero_width(ROUND, base_revenue=uncertain_range("base_revenue", 4000.0, 5000.0, "uniform"))
    targets = [Target("rev", "revenue", 2026, 6000.0), Target("va", "level", 2026, 1000 * 1.08**3 - 0.01)]
    odds = target_probabilities(
        ROUND.replace({"base_revenue": 4500.0}),
        targets,
        draws=40_000,
        seed=5,
        ranges=ranges,
        shocks=NO_SHOCKS,
        history=EMPTY,
    )
    assert odds["probability"].tolist() == pytest.approx([(5000 - 6000 / 1.08**3) / 1000, 1.0], abs=0.01)


# ---------------------------------------------------------------------------------------------
# The command line


def test_uncertainty_prints_the_probability_of_a_revenue_target():
    done = run_cli("uncertainty", "--draws", "300", "--seed", "4", "--target", "revenue:2026=6000")
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()
    frame = csv_to_frame(done.stdout)
    assert tuple(frame.columns) == PROBABILITY_COLUMNS
    official = next(t for t in load_targets() if t.id == "dz_revenue_2026").label("en")
    rows = frame.set_index("label")
    assert rows.loc[official, "metric"] == "revenue" and rows.loc[official, "value"] == 6000.0
    mine = rows.loc["revenue:2026=6000"]
    assert (mine["metric"], mine["year"], mine["value"]) == ("revenue", 2026, 6000.0)
    expected = target_probabilities(DEFAULT, [Target("revenue:2026=6000", "revenue", 2026, 6000.0)], draws=300, seed=4)
    assert mine["probability"] == expected["probability"].iloc[0]
    assert rows.loc[official, "probability"] == mine["probability"]  # the same target, the same draws


def test_uncertainty_metric_revenue_prints_the_revenue_fan():
    done = run_cli("uncertainty", "--draws", "300", "--seed", "4", "--metric", "revenue")
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()
    frame = csv_to_frame(done.stdout)
    assert list(frame.columns) == ["year", *PERCENTILE_COLUMNS, "deterministic"]
    np.testing.assert_allclose(frame["deterministic"], project(DEFAULT)["revenue"], rtol=1e-12)
    pd.testing.assert_frame_equal(frame, monte_carlo(DEFAULT, draws=300, seed=4, metric="revenue"), check_exact=True)


def test_sensitivity_metric_revenue_command():
    done = run_cli("sensitivity", "--metric", "revenue")
    assert done.returncode == 0, done.stderr.decode()
    frame = csv_to_frame(done.stdout)
    assert list(frame.columns) == list(SENSITIVITY_COLUMNS)
    assert frame["va_base"].iloc[0] == pytest.approx(float(project(DEFAULT)["revenue"].iloc[-1]), rel=1e-12)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--target", "revenue:2026=abc"], "revenue:YEAR=VALUE"),
        (["--target", "revenue:2024-2026=6000"], "revenue:YEAR=VALUE"),
        (["--target", "revenue:2026=-6000"], "Target value (100 million yuan): -6000 is out of range"),
        (["--target", "revenue:2031=6000"], "after the scenario's last year, 2030"),
        (["--metric", "profit"], "--metric"),
    ],
)
def test_a_bad_revenue_target_or_metric_exits_2_in_one_line(args, fragment):
    done = run_cli("uncertainty", "--draws", "50", *args)
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert fragment in lines[0], lines[0]
