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
    # Dezhou 2022 Jan-Nov 7.9 → 7.8: −0.1; Shandong 2020 Jan-Oct 3.7 → 5.0: +1.3; 2022 H1 4.8 → 5.1: +0.3;
    # 2023 Jan-Sep 7.1 → 7.1: 0.0; 2024 Jan-Sep 8.2 → 8.3: +0.1. Mean 1.6 / 5 = 0.32; squared deviations
    # 0.1764 + 0.9604 + 0.0004 + 0.1024 + 0.0484 = 1.288; s.d. = √(1.288 / 4) = √0.322 = 0.5675 → 0.57.
    rows = cal.read_rows()
    pairs = cal.estimated_pairs(cal.full_year(rows), cal.cumulative(rows))
    assert sorted((r, y, round(d, 1)) for r, y, _, _, _, d in pairs.pairs) == [
        ("dezhou", 2022, -0.1),
        ("shandong", 2020, 1.3),
        ("shandong", 2022, 0.3),
        ("shandong", 2023, 0.0),
        ("shandong", 2024, 0.1),
    ]
    assert pairs.sd == pytest.approx(math.sqrt(1.288 / 4), abs=1e-9)
    assert _shocks_csv()["estimated_year_sd"][0] == 0.57


def test_ar1_by_hand():
    # Full-year series (high/medium): Dezhou 7.8, 7.5 (SS about 7.65: 0.045); Shandong 6.9, 5.0, 5.1, 7.1,
    # 8.3, 7.6 (mean 40 / 6; SS 9.01333). Pooled s² = 9.05833 / (1 + 5) = 1.50972. Consecutive changes
    # (Shandong 2022→23→24→25): +2.0, +1.2, −0.7, mean square (4 + 1.44 + 0.49) / 3 = 1.97667.
    # rho = 1 − 1.97667 / (2 × 1.50972) = 0.34535; sigma = √1.50972 × √(1 − 0.34535²) = 1.1531.
    fit = cal.ar1(cal._values(cal.full_year(cal.read_rows())))
    assert fit.s2 == pytest.approx(9.058333333 / 6, rel=1e-9)
    assert fit.ms_change == pytest.approx(5.93 / 3, rel=1e-9)
    rho = 1 - (5.93 / 3) / (2 * 9.058333333 / 6)
    assert fit.rho == pytest.approx(rho, rel=1e-9)
    assert fit.sd == pytest.approx(math.sqrt(9.058333333 / 6) * math.sqrt(1 - rho**2), rel=1e-9)


def test_chi_square_quantiles_match_tables():
    # Standard table values: chi²(0.975, 6) = 14.449, chi²(0.025, 6) = 1.237, chi²(0.975, 4) = 11.143.
    assert cal.chi2_quantile(0.975, 6) == pytest.approx(14.449, abs=1e-3)
    assert cal.chi2_quantile(0.025, 6) == pytest.approx(1.2373, abs=1e-3)
    assert cal.chi2_quantile(0.975, 4) == pytest.approx(11.143, abs=1e-3)


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
    assert "growth_shock_sd: (1.15, 0.74, 2.54)" in out
    assert "dezhou 2019 Jan-Oct 4.4" in out
