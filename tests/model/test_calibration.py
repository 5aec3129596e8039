"""data/shocks.csv holds what scripts/calibrate_shocks.py computes from data/history.csv (docs/analysis.md,
"Calibration"): the AR(1) shock size and persistence from the full-year series, and an estimated year's
spread from published pairs of cumulative and full-year figures."""

from __future__ import annotations

import csv
import importlib.util
import math
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "calibrate_shocks.py"


def _load():
    spec = importlib.util.spec_from_file_location("calibrate_shocks", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["calibrate_shocks"] = module
    spec.loader.exec_module(module)
    return module


cal = _load()


def _shocks_csv() -> dict[str, tuple[float, float, float]]:
    with open(ROOT / "data" / "shocks.csv", encoding="utf-8", newline="") as f:
        return {r["key"]: (float(r["value"]), float(r["low"]), float(r["high"])) for r in csv.DictReader(f)}


def test_csv_values_are_what_the_script_computes():
    computed = cal.calibrate()
    written = _shocks_csv()
    assert set(computed) == {"growth_shock_sd", "growth_shock_rho", "estimated_year_sd"}
    for key, values in computed.items():
        assert written[key] == pytest.approx(values, abs=1e-9), key


def test_excluded_years_are_the_pandemic_year_and_its_rebound():
    assert cal.EXCLUDED_YEARS == (2020, 2021)


def test_estimated_year_sd_by_hand():
    # Pairs (full-year − longest cumulative of ≥ 6 months), worked from the rows of data/history.csv, without
    # 2020 and 2021 (Shandong 2020 Jan-Oct 3.7 → 5.0 and 2021 Jan-Oct 10.5 → 9.6 are left out):
    # Dezhou 2022 Jan-Nov 7.9 → 7.8: −0.1; Shandong 2022 H1 4.8 → 5.1: +0.3; 2023 Jan-Oct 6.9 → 7.1: +0.2;
    # 2024 Jan-Sep 8.2 → 8.3: +0.1. Mean 0.5 / 4 = 0.125; squared deviations
    # 0.050625 + 0.030625 + 0.005625 + 0.000625 = 0.0875; s.d. = √(0.0875 / 3) = √0.029167 = 0.1708 → 0.17.
    # Range (3 degrees of freedom): 0.1708 × √(3 / 9.348) = 0.0968 → 0.10, 0.1708 × √(3 / 0.2158) = 0.637 → 0.64.
    rows = cal.read_rows()
    pairs = cal.estimated_pairs(cal.full_year(rows), cal.cumulative(rows))
    assert sorted((r, y, round(d, 1)) for r, y, _, _, _, d in pairs.pairs) == [
        ("dezhou", 2022, -0.1),
        ("shandong", 2022, 0.3),
        ("shandong", 2023, 0.2),
        ("shandong", 2024, 0.1),
    ]
    assert pairs.sd == pytest.approx(math.sqrt(0.0875 / 3), rel=1e-9)
    assert _shocks_csv()["estimated_year_sd"] == (0.17, 0.1, 0.64)


def test_ar1_by_hand():
    # Full-year series (high/medium) without 2020 and 2021: Dezhou 2022 7.8, 2025 7.5 (mean 7.65,
    # SS = 0.15² + 0.15² = 0.045); Shandong 2017 6.9, 2022 5.1, 2023 7.1, 2024 8.3, 2025 7.6 (sum 35.0, mean 7.0;
    # squares 250.68; SS = 250.68 − 35² / 5 = 5.68). Pooled s² = (0.045 + 5.68) / (1 + 4) = 5.725 / 5 = 1.145;
    # s = 1.0700. Consecutive changes, both years kept (Shandong 2022→23→24→25; 2021→22 spans a left-out
    # year, Dezhou's years are not consecutive): +2.0, +1.2, −0.7, mean square (4 + 1.44 + 0.49) / 3 = 5.93 / 3
    # = 1.97667. rho = 1 − 1.97667 / (2 × 1.145) = 1 − 0.86317 = 0.13683 → 0.14;
    # sigma = 1.0700 × √(1 − 0.13683²) = 1.0700 × 0.99060 = 1.0600 → 1.06.
    # Ranges: sigma (5 degrees of freedom) 1.0600 × √(5 / 12.833) = 0.662 → 0.66 to 1.0600 × √(5 / 0.8312)
    # = 2.600 → 2.6; rho from the mean square of 3 changes: 1 − (5.93 / 9.348) / 2.29 = 1 − 0.6344 / 2.29 = 0.723
    # → 0.72, and 1 − (5.93 / 0.2158) / 2.29 < 0 → 0.
    fit = cal.ar1(cal._values(cal.full_year(cal.read_rows())))
    assert [(r, y, round(d, 1)) for r, y, d in fit.changes] == [
        ("shandong", 2023, 2.0),
        ("shandong", 2024, 1.2),
        ("shandong", 2025, -0.7),
    ]
    assert fit.dof == 5
    assert fit.s2 == pytest.approx(5.725 / 5, rel=1e-9)
    assert fit.ms_change == pytest.approx(5.93 / 3, rel=1e-9)
    rho = 1 - (5.93 / 3) / (2 * 1.145)
    assert fit.rho == pytest.approx(rho, rel=1e-9)
    assert fit.sd == pytest.approx(math.sqrt(1.145) * math.sqrt(1 - rho * rho), rel=1e-9)
    assert _shocks_csv()["growth_shock_sd"] == (1.06, 0.66, 2.6)
    assert _shocks_csv()["growth_shock_rho"] == (0.14, 0.0, 0.72)


def test_fit_with_the_excluded_years_differs_and_is_what_the_report_prints():
    # With 2020 and 2021 put back: Dezhou 2020 5.5, 2022 7.8, 2025 7.5 (SS = 30.25 + 60.84 + 56.25 − 20.8² / 3
    # = 147.34 − 144.21333 = 3.12667); Shandong 2017 6.9, 2020 5.0, 2021 9.6, 2022 5.1, 2023 7.1, 2024 8.3, 2025 7.6
    # (sum 49.6; squares 367.84; SS = 367.84 − 49.6² / 7 = 16.38857). Pooled s² = 19.51524 / 8 = 2.43940,
    # s = 1.5619. Changes +4.6, −4.5, +2.0, +1.2, −0.7, mean square 47.34 / 5 = 9.468;
    # rho = 1 − 9.468 / 4.8788 = −0.9406, clipped to 0; sigma = s = 1.5619 → 1.56. Range 1.5619 × √(8 / 17.535)
    # = 1.055 to 1.5619 × √(8 / 2.180) = 2.992; rho up to 1 − (47.34 / 12.833) / 4.8788 = 0.244.
    # The six pairs (adding Shandong 2020 +1.3 and 2021 −0.9): mean 0.9 / 6 = 0.15, SS 2.515,
    # s.d. √(2.515 / 5) = 0.7092 → 0.71 (0.44–1.74).
    full = cal.full_year(cal.read_rows())
    fit = cal.ar1(cal._values(full, ()))
    s2 = (3.126666667 + (367.84 - 49.6**2 / 7)) / 8
    assert fit.s2 == pytest.approx(s2, rel=1e-8)
    assert fit.ms_change == pytest.approx(47.34 / 5, rel=1e-9)
    assert 1 - (47.34 / 5) / (2 * s2) == pytest.approx(-0.9406, abs=1e-4)
    assert fit.rho == 0
    assert fit.sd == pytest.approx(math.sqrt(s2), rel=1e-8)
    with_years = cal.calibrate(exclude=())
    assert with_years == {
        "growth_shock_sd": (1.56, 1.05, 2.99),
        "growth_shock_rho": (0.0, 0.0, 0.24),
        "estimated_year_sd": (0.71, 0.44, 1.74),
    }
    used = cal.calibrate()
    assert all(with_years[key] != used[key] for key in used)
    out = cal.report()
    assert "with 2020–2021: s = 1.562, rho = 0.000 (unclipped -0.941), sigma = 1.562; pairs n = 6, s.d. 0.709" in out
    assert "    growth_shock_sd: (1.56, 1.05, 2.99)" in out
    assert "[2021 9.6]" in out


def test_chi_square_quantiles_match_tables():
    # Standard table values: chi²(0.975, 6) = 14.449, chi²(0.025, 6) = 1.237, chi²(0.975, 4) = 11.143.
    assert cal.chi2_quantile(0.975, 6) == pytest.approx(14.449, abs=1e-3)
    assert cal.chi2_quantile(0.025, 6) == pytest.approx(1.2373, abs=1e-3)
    assert cal.chi2_quantile(0.975, 4) == pytest.approx(11.143, abs=1e-3)
    # The full-year series as used has 5 degrees of freedom and 3 changes, the pairs 3 (with 2020–2021: 8 and 5):
    # chi²(0.975, 5) = 12.833, chi²(0.025, 5) = 0.831, chi²(0.975, 3) = 9.348, chi²(0.025, 3) = 0.2158,
    # chi²(0.975, 8) = 17.535, chi²(0.025, 8) = 2.180.
    assert cal.chi2_quantile(0.975, 3) == pytest.approx(9.348, abs=1e-3)
    assert cal.chi2_quantile(0.025, 3) == pytest.approx(0.2158, abs=1e-3)
    assert cal.chi2_quantile(0.975, 8) == pytest.approx(17.535, abs=1e-3)
    assert cal.chi2_quantile(0.025, 8) == pytest.approx(2.180, abs=1e-3)
    assert cal.chi2_quantile(0.975, 5) == pytest.approx(12.833, abs=1e-3)
    assert cal.chi2_quantile(0.025, 5) == pytest.approx(0.831, abs=1e-3)


def test_low_rows_and_short_periods_do_not_count(tmp_path):
    # A low-confidence full-year row and a two-month cumulative row change nothing.
    text = (ROOT / "data" / "history.csv").read_text(encoding="utf-8")
    fields = text.splitlines()[0]
    extra = [
        "2019,dezhou,va_growth_pct,1.0,full-year,x,x,2020,,q,low,,,",
        "2025,dezhou,va_growth_pct,3.0,Jan-Feb,x,x,2025-03,,q,high,,,",
    ]
    path = tmp_path / "history.csv"
    path.write_text(text.rstrip("\r\n") + "\r\n" + "\r\n".join(extra) + "\r\n", encoding="utf-8")
    assert fields.startswith("year,region,metric,value,period")
    assert cal.calibrate(path) == cal.calibrate()


def test_script_prints_the_report():
    out = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    # 1.0600 × √(5 / 12.833) = 0.662 and 1.0600 × √(5 / 0.8312) = 2.600 (chi-square, 5 degrees of freedom).
    assert "\n  growth_shock_sd: (1.06, 0.66, 2.6)" in out
    assert "with 2020–2021: s = 1.562" in out
    assert "dezhou 2019 Jan-Oct 4.4" in out
