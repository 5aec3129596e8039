"""Exported CSV and JSON (report/csv_export.py), model version 2: what Excel needs (BOM, one header row of
docs/model.md's keys), full precision, no formulas from user text, and the numbers docs/model.md's equations give.

Expected values are worked out by hand from docs/model.md's equations, never copied from the code's output.
"""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import model.projection as projection
from model.history import Figure, History
from model.parameters import PipelineProject, Target, default_scenario, load_parameters, make_scenario
from model.projection import RESULT_COLUMNS, project
from model.scenario_file import parse_scenario_bytes
from report.csv_export import BOM, column_dictionary, dictionary_csv, frame_to_csv, neutralise, result_json

# MODEL.md version 3, "The result table", in its order (the model's tests hold the list).
from tests.model.test_projection import MODEL_COLUMNS as MODEL_TABLE
from tests.readers import csv_to_frame

GROWTH_COLUMNS = ["growth_pct", "growth_total_pct"]
NO_HISTORY = History(())


@pytest.fixture(autouse=True)
def no_history(monkeypatch):
    """Published years come from data/history.csv, which is being researched: these tests give
    their own (none, unless a test says otherwise), so that the hand-worked numbers stay put."""
    monkeypatch.setattr(projection, "load_history", lambda: NO_HISTORY)


@pytest.fixture(scope="module")
def default_bytes() -> bytes:
    return frame_to_csv(project(default_scenario()), lang=None)


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_begins_with_utf8_bom(default_bytes):
    assert default_bytes.startswith(b"\xef\xbb\xbf")
    assert not default_bytes.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert BOM.encode("utf-8") == b"\xef\xbb\xbf"


def test_one_header_row_of_keys(default_bytes):
    rows = csv_rows(default_bytes)
    assert rows[0] == MODEL_TABLE == list(RESULT_COLUMNS)
    horizon = default_scenario().horizon_end
    assert [int(r[0]) for r in rows[1:]] == list(range(2023, horizon + 1))  # data from the second row on


def test_base_year_growth_cells_are_blank(default_bytes):
    header, first, second = csv_rows(default_bytes)[:3]
    for column in GROWTH_COLUMNS:
        assert first[header.index(column)] == ""
        assert second[header.index(column)] != ""
    assert "" not in [cell for key, cell in zip(header, first, strict=True) if key not in GROWTH_COLUMNS]


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"growth_start": 7.3, "growth_end": -2.9, "horizon_end": 2035},
        {"base_va": 1234.567, "value_added_rate": 0.33, "output_per_investment": 1.15, "ramp_years": 3},
        {"fund_leverage": 3.7, "fund_deploy_years": 3, "ti_growth": -12.3, "province_growth": 0.1},
    ],
)
def test_round_trip_is_exact(overrides):
    frame = project(make_scenario(overrides))
    back = csv_to_frame(frame_to_csv(frame, lang=None))
    pd.testing.assert_frame_equal(back, frame, check_exact=True)


SPECS = load_parameters()
FLOAT_KEYS = [k for k, s in SPECS.items() if s.kind == "float"]


@settings(max_examples=60, deadline=None)
@given(
    st.fixed_dictionaries(
        {k: st.floats(min_value=SPECS[k].min, max_value=SPECS[k].max, allow_nan=False) for k in FLOAT_KEYS}
    )
)
def test_round_trip_is_exact_over_the_ranges(overrides):
    frame = project(make_scenario(overrides))
    pd.testing.assert_frame_equal(csv_to_frame(frame_to_csv(frame, lang=None)), frame, check_exact=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+x", "'+x"),
        ("-x", "'-x"),
        ("@x", "'@x"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("\t=1", "'\t=1"),
        ("plain", "plain"),
        ("德州", "德州"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_neutralise(text, expected):
    assert neutralise(text) == expected


def test_text_cells_of_a_frame_are_neutralised_numbers_are_not():
    frame = pd.DataFrame(
        {
            "name": ["=1+1", "+x", "-x", "@x", "ok"],
            "value": [-1.5, -2.0, 0.0, 3.25, -1e-7],
            "count": [-1, -2, 0, 3, 4],
        }
    )
    rows = csv_rows(frame_to_csv(frame, lang=None))
    assert rows[0] == ["name", "value", "count"]
    assert [r[0] for r in rows[1:]] == ["'=1+1", "'+x", "'-x", "'@x", "ok"]
    assert [float(r[1]) for r in rows[1:]] == [-1.5, -2.0, 0.0, 3.25, -1e-7]
    assert [r[1][0] for r in rows[1:]] == ["-", "-", "0", "3", "-"]
    assert [r[2] for r in rows[1:]] == ["-1", "-2", "0", "3", "4"]
    assert frame["name"].tolist() == ["=1+1", "+x", "-x", "@x", "ok"]  # the caller's frame is untouched


def test_negative_growth_is_written_as_a_number():
    frame = project(make_scenario({"growth_start": -5, "growth_end": -5}))
    header, *rows = csv_rows(frame_to_csv(frame, lang=None))
    cells = [r[header.index("growth_pct")] for r in rows[1:]]
    assert cells and all(c.startswith("-") for c in cells)
    assert np.allclose([float(c) for c in cells], -5.0)


def test_column_dictionary_covers_every_result_column():
    dictionary = column_dictionary()
    assert dictionary["key"].tolist() == MODEL_TABLE
    for column in ["label_zh", "label_en", "description_zh", "description_en"]:
        assert (dictionary[column].str.strip() != "").all(), column
    units = dictionary.set_index("key")
    assert (units.drop(index="status")[["unit_zh", "unit_en"]] != "").all().all()


def test_dictionary_csv_is_the_dictionary_for_excel():
    data = dictionary_csv(lang=None)
    assert data.startswith(BOM.encode("utf-8"))
    rows = csv_rows(data)
    assert rows[0] == list(column_dictionary().columns)
    assert {"description_zh", "description_en"} <= set(rows[0])
    assert [r[0] for r in rows[1:]] == MODEL_TABLE
    policy = dict(zip(rows[0], next(r for r in rows if r[0] == "policy_va"), strict=True))
    assert "相对既定计划" in policy["description_zh"] and "plan" in policy["description_en"]


@pytest.mark.parametrize(
    ("key", "unit_zh", "unit_en"),
    [
        ("va_total", "亿元", "100 million yuan"),
        ("va_baseline", "亿元", "100 million yuan"),
        ("policy_va", "亿元", "100 million yuan"),
        ("fund_investment", "亿元", "100 million yuan"),
        ("growth_pct", "%", "%"),
        ("growth_total_pct", "%", "%"),
        ("va_index", "2023=100", "2023=100"),
        ("year", "年", "year"),
    ],
)
def test_column_dictionary_units(key, unit_zh, unit_en):
    row = column_dictionary().set_index("key").loc[key]
    assert (row["unit_zh"], row["unit_en"]) == (unit_zh, unit_en)


# ---------------------------------------------------------------------------------------------
# The CSV's numbers, worked by hand from docs/model.md's equations


def worked(**extra) -> dict:
    """A small scenario whose every figure is easy by hand. Years 2023–2026; nothing published."""
    values = {
        "horizon_end": 2026,
        "use_observed": False,
        "base_va": 1000.0,
        "base_revenue": 4000.0,
        "revenue_drift": 0.0,
        "growth_start": 10.0,
        "growth_end": 10.0,
        "province_growth": 5.0,
        "ti_growth": load_parameters()["ti_growth"].default,  # the plan's 技改 growth: no ti_effect term
        "ti_effect": 0.2,
        "fund_size": 40.0,
        "fund_paid_in": 0.5,
        "fund_leverage": 2.0,
        "fund_start": 2024,
        "fund_deploy_years": 2,
        "output_per_investment": 1.0,
        "value_added_rate": 0.5,
        "build_years": 1,
        "ramp_years": 2,
        "additionality": 0.0,
        "phase1_on": False,
        "phase2_on": False,
    }
    values.update(extra)
    return values


PLANT = PipelineProject(name="新厂", investment=30.0, full_output=40.0, first_year=2025)


def csv_columns(scenario) -> dict[str, list[float]]:
    header, *rows = csv_rows(frame_to_csv(project(scenario), lang=None))
    return {
        key: [r[n] if key == "status" else float(r[n]) if r[n] != "" else None for r in rows]
        for n, key in enumerate(header)
    }


def test_csv_cells_are_the_worked_example():
    """additionality 0: the levers change nothing, so value added is the baseline.

    Baseline: 1000 × 1.1 a year. Funds: 40 × 0.5 × 2 / 2 = 20 a year in 2024–2025, of it 40 × 0.5 / 2
    = 10 their own. Fund output: the 2024 cohort produces from 2025 (build 1) at ½ then 1, the 2025
    cohort from 2026 at ½: 0, 0, 10, 30. The plant: 30 invested in 2024, 40 × ½ in 2025, 40 in 2026.
    New capacity's value added: 0.5 × (10 + 20) = 15 in 2025, 0.5 × (30 + 40) = 35 in 2026.
    """
    got = csv_columns(make_scenario(worked()).with_projects((PLANT,)))
    expected = {
        "year": [2023, 2024, 2025, 2026],
        "status": ["base", "projected", "projected", "projected"],
        "growth_pct": [None, 10.0, 10.0, 10.0],
        "va_baseline": [1000.0, 1100.0, 1210.0, 1331.0],
        "fund_investment": [0.0, 20.0, 20.0, 0.0],
        "fund_capital": [0.0, 10.0, 10.0, 0.0],
        "mobilized_investment": [0.0, 10.0, 10.0, 0.0],
        "cum_fund_investment": [0.0, 20.0, 40.0, 40.0],
        "project_investment": [0.0, 30.0, 0.0, 0.0],
        "fund_output": [0.0, 0.0, 10.0, 30.0],
        "project_output": [0.0, 0.0, 20.0, 40.0],
        "newcap_va": [0.0, 0.0, 15.0, 35.0],
        "ti_policy_va": [0.0, 0.0, 0.0, 0.0],
        "capacity_policy_va": [0.0, 0.0, 0.0, 0.0],
        "policy_va": [0.0, 0.0, 0.0, 0.0],
        "va_total": [1000.0, 1100.0, 1210.0, 1331.0],
        "growth_total_pct": [None, 10.0, 10.0, 10.0],
        # 4000 × va_total / 1000 × (1 + 0)^i
        "revenue": [4000.0, 4400.0, 4840.0, 5324.0],
        "va_index": [100.0, 110.0, 121.0, 133.1],
        "ti_index": [100.0, 116.1, 134.7921, 156.4936281],
        "province_index": [100.0, 105.0, 110.25, 115.7625],
    }
    for key, values in expected.items():
        assert got[key] == pytest.approx(values, rel=1e-12, abs=1e-9, nan_ok=True), key


def test_csv_policy_va_is_what_an_added_project_changes_against_the_plan():
    """Every lever at its default and one added plant: the plan has the same funds and named projects,
    so newcap_va − plan_newcap_va is the plant's value added alone: 0.5 × 40 × ½ = 10 in 2025 and
    0.5 × 40 = 20 in 2026; policy_va = additionality 0.5 × that = 5 and 10, added to the baseline."""
    levers = {k: s.default for k, s in load_parameters().items() if s.role == "lever"}
    scenario = make_scenario({**worked(additionality=0.5), **levers}).with_projects((PLANT,))
    got = csv_columns(scenario)
    assert np.subtract(got["newcap_va"], got["plan_newcap_va"]) == pytest.approx([0, 0, 10, 20], abs=1e-9)
    assert got["policy_va"] == pytest.approx([0, 0, 5, 10], abs=1e-9)
    baseline = [1000.0, 1100.0, 1210.0, 1331.0]
    assert got["va_baseline"] == pytest.approx(baseline, rel=1e-12)
    assert got["va_total"] == pytest.approx([1000.0, 1100.0, 1215.0, 1341.0], rel=1e-12)
    assert got["growth_total_pct"][1:] == pytest.approx([10.0, (1215 / 1100 - 1) * 100, (1341 / 1215 - 1) * 100])


def test_csv_marks_published_years_and_keeps_them_as_published(monkeypatch):
    """Official growth of 6% (2024) and 5% (2025): published years; P = 2026. In them growth is the
    official figure and policy_va is 0 (the past is what was published), even with doubled funds:
    before P the funds invested what the plan invested (35 × 0.4 × 4.2 / 4 = 14.7 a year); the rest
    of this scenario's 80 × 0.5 × 2 = 80, i.e. 80 − 29.4 = 50.6, is invested in P, its own window
    (2024–2025) having passed."""
    figures = [
        Figure(
            year, "dezhou", "va_growth_pct", value, "full-year", "《测试公报》", "Test", "2026-02-01", "", "句", "high"
        )
        for year, value in ((2024, 6.0), (2025, 5.0))
    ]
    monkeypatch.setattr(projection, "load_history", lambda: History(tuple(figures)))
    scenario = make_scenario(worked(use_observed=True, horizon_end=2027, growth_end=8.0, additionality=1.0))
    got = csv_columns(scenario.replace({"fund_size": 80.0}))
    assert got["status"] == ["base", "published", "published", "projected", "projected"]
    assert got["growth_pct"][1:] == pytest.approx([6.0, 5.0, 10.0, 8.0])  # linear from P = 2026 to 2027
    assert got["va_baseline"] == pytest.approx([1000, 1060, 1113, 1224.3, 1322.244], rel=1e-12)
    assert got["policy_va"][:3] == [0.0, 0.0, 0.0]
    assert got["fund_investment"] == pytest.approx([0, 14.7, 14.7, 50.6, 0], rel=1e-12)


# ---------------------------------------------------------------------------------------------
# The scenario's JSON (python -m model project --format json)


def test_result_json_is_model_version_3_with_targets_and_results():
    own = Target(label="翻番", metric="level", year=2026, value=2000.0)
    scenario = make_scenario(worked()).with_projects((PLANT,)).with_targets((own,))
    doc = json.loads(result_json(project(scenario), scenario, "工厂"))
    assert list(doc) == ["name", "model_version", "parameters", "projects", "targets", "results"]
    assert doc["model_version"] == 3
    assert doc["targets"] == [{"label": "翻番", "metric": "level", "year": 2026, "value": 2000.0, "from_year": 2023}]
    assert [row["va_total"] for row in doc["results"]] == pytest.approx([1000.0, 1100.0, 1210.0, 1331.0])
    assert list(doc["results"][0]) == MODEL_TABLE
    assert doc["results"][0]["growth_pct"] is None
    [back] = parse_scenario_bytes(json.dumps(doc).encode("utf-8"))
    assert back.scenario == scenario and back.name == "工厂"


def test_result_json_without_targets_says_so():
    doc = json.loads(result_json(project(default_scenario()), default_scenario()))
    assert doc["model_version"] == 3
    assert doc["targets"] == []
