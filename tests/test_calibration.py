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

ROOT = Path(__file__).resolve().parent.parent
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


def test_estimated_year_sd_by_hand():
    # Pairs (full-year − longest cumulative of ≥ 6 months), worked from the rows of data/history.csv:
    # Dezhou 2022 Jan-Nov 7.9 → 7.8: −0.1; Shandong 2020 Jan-Oct 3.7 → 5.0: +1.3; 2021 Jan-Oct 10.5 → 9.6: −0.9;
    # 2022 H1 4.8 → 5.1: +0.3; 2023 Jan-Oct 6.9 → 7.1: +0.2; 2024 Jan-Sep 8.2 → 8.3: +0.1. Mean 0.9 / 6 = 0.15;
    # squared deviations 0.0625 + 1.3225 + 1.1025 + 0.0225 + 0.0025 + 0.0025 = 2.515;
    # s.d. = √(2.515 / 5) = √0.503 = 0.7092 → 0.71.
    rows = cal.read_rows()
    pairs = cal.estimated_pairs(cal.full_year(rows), cal.cumulative(rows))
    assert sorted((r, y, round(d, 1)) for r, y, _, _, _, d in pairs.pairs) == [
        ("dezhou", 2022, -0.1),
        ("shandong", 2020, 1.3),
        ("shandong", 2021, -0.9),
        ("shandong", 2022, 0.3),
        ("shandong", 2023, 0.2),
        ("shandong", 2024, 0.1),
    ]
    assert pairs.sd == pytest.approx(math.sqrt(2.515 / 5), rel=1e-9)
    assert _shocks_csv()["estimated_year_sd"][0] == 0.71


def test_ar1_by_hand():
    # Full-year series (high/medium): Dezhou 2020 5.5, 2022 7.8, 2025 7.5 (SS = 30.25 + 60.84 + 56.25 − 20.8² / 3
    # = 147.34 − 144.21333 = 3.12667); Shandong 2017 6.9, 2020 5.0, 2021 9.6, 2022 5.1, 2023 7.1, 2024 8.3, 2025 7.6
    # (sum 49.6; squares 367.84; SS = 367.84 − 49.6² / 7 = 367.84 − 351.45143 = 16.38857).
    # Pooled s² = (3.12667 + 16.38857) / (2 + 6) = 19.51524 / 8 = 2.43940; s = 1.5619.
    # Consecutive changes (Shandong 2020→21→22→23→24→25; Dezhou's years are not consecutive):
    # +4.6, −4.5, +2.0, +1.2, −0.7, mean square (21.16 + 20.25 + 4 + 1.44 + 0.49) / 5 = 47.34 / 5 = 9.468.
    # rho = 1 − 9.468 / (2 × 2.43940) = −0.9406, clipped to 0; sigma = s × √(1 − 0) = 1.5619 → 1.56.
    fit = cal.ar1(cal._values(cal.full_year(cal.read_rows())))
    s2 = (3.126666667 + (367.84 - 49.6**2 / 7)) / 8
    assert fit.s2 == pytest.approx(s2, rel=1e-8)
    assert fit.ms_change == pytest.approx(47.34 / 5, rel=1e-9)
    assert 1 - (47.34 / 5) / (2 * s2) == pytest.approx(-0.9406, abs=1e-4)
    assert fit.rho == 0
    assert fit.sd == pytest.approx(math.sqrt(s2), rel=1e-8)
    assert round(fit.sd, 2) == 1.56


def test_chi_square_quantiles_match_tables():
    # Standard table values: chi²(0.975, 6) = 14.449, chi²(0.025, 6) = 1.237, chi²(0.975, 4) = 11.143.
    assert cal.chi2_quantile(0.975, 6) == pytest.approx(14.449, abs=1e-3)
    assert cal.chi2_quantile(0.025, 6) == pytest.approx(1.2373, abs=1e-3)
    assert cal.chi2_quantile(0.975, 4) == pytest.approx(11.143, abs=1e-3)
    # The full-year series has 8 degrees of freedom, the pairs 5: chi²(0.975, 8) = 17.535, chi²(0.025, 8) = 2.180,
    # chi²(0.975, 5) = 12.833, chi²(0.025, 5) = 0.831.
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
    # 1.5619 × √(8 / 17.535) = 1.055 and 1.5619 × √(8 / 2.180) = 2.992 (chi-square, 8 degrees of freedom).
    assert "growth_shock_sd: (1.56, 1.05, 2.99)" in out
    assert "dezhou 2019 Jan-Oct 4.4" in out
