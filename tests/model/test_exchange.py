"""Exports of several scenarios (report/scenario_exports.py, model version 2), scenario-file imports, and the
many-scenario CLI. Expected figures are worked out by hand from docs/model.md's equations."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal
from saykit import english

import model.projection as projection
from model.backtest import BACKTEST_COLUMNS, backtest
from model.history import History, load_history
from model.lang import LANGS
from model.parameters import (
    PARAMETER_KEYS,
    PipelineProject,
    Scenario,
    ScenarioError,
    Target,
    default_scenario,
    load_parameters,
    make_scenario,
)
from model.problems import Problem
from model.projection import RESULT_COLUMNS, headline, project
from model.results import compute_results
from model.scenario_file import MAX_FILE_BYTES, NamedScenario, parse_scenario_bytes, parse_scenario_doc
from model.sources import load_facts
from model.targets import load_targets
from report.csv_export import BOM, column_dictionary, neutralise
from report.problems import say
from report.scenario_exports import (
    COMPARE_COLUMNS,
    SHEETS,
    compare_table,
    long_csv,
    long_frame,
    results_json,
    scenarios_json,
    sources_frame,
    workbook_xlsx,
)
from report.sheets import (
    PARAMETER_HEAD,
    ROLE_NAMES,
    SHEET_NAMES,
    display_name,
    history_table,
    parameter_table,
)
from report.status import status_words
from tests.readers import read_long_csv, read_workbook

ROOT = Path(__file__).resolve().parents[2]
FORMULA = '=HYPERLINK("http://evil.example","click")'

DEFAULTS = default_scenario()
ITEMS = [
    NamedScenario("基准情景", DEFAULTS),
    NamedScenario("low growth", make_scenario({"growth_start": -2.5, "growth_end": 3.1, "horizon_end": 2035})),
    NamedScenario("no funds", make_scenario({"fund_size": 0, "phase2_on": False, "horizon_end": 2027})),
]
AWKWARD_NAMES = ["NA", "2030", "", "null", "  spaced  ", '逗号,引号"和\n换行']


def neutralised(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    out = frame.copy()
    out[column] = out[column].map(neutralise)
    return out


# ---------------------------------------------------------------------------------------------
# strategies


def value_strategy(spec):
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "int":
        return st.integers(spec.min, spec.max)
    return st.floats(spec.min, spec.max, allow_nan=False, allow_infinity=False)


scenarios = st.fixed_dictionaries({k: value_strategy(s) for k, s in load_parameters().items()}).map(
    lambda values: Scenario(**values)
)
# Names a user may give: no control or format characters (the library refuses those, issue 20).
names = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf")), max_size=30)
named_scenarios = st.builds(NamedScenario, names.map(str.strip), scenarios)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner, max_size=4),
    max_leaves=20,
)
param_values = (
    st.none() | st.booleans() | st.integers(-100, 3000) | st.floats(allow_nan=False, allow_infinity=False)
) | st.text(max_size=5)
param_keys = st.sampled_from([*PARAMETER_KEYS, "unknown_key", "Growth_Start", ""])
scenario_docs = st.fixed_dictionaries(
    {"name": st.text(max_size=10) | st.integers(), "parameters": st.dictionaries(param_keys, param_values)}
)


# ---------------------------------------------------------------------------------------------
# JSON of many scenarios


def test_scenarios_json_shape():
    doc = json.loads(scenarios_json(ITEMS).decode("utf-8"))
    assert doc["version"] == 1
    assert [s["name"] for s in doc["scenarios"]] == [i.name for i in ITEMS]
    assert doc["scenarios"][1]["parameters"] == ITEMS[1].scenario.to_dict()
    assert set(doc["scenarios"][0]) == {"name", "model_version", "parameters"}
    assert {s["model_version"] for s in doc["scenarios"]} == {3}


def test_scenarios_json_carries_targets_and_projects():
    own = Target(label="2030年翻番", metric="level", year=2030, value=2500.0)
    plant = PipelineProject(name="新厂", investment=30.0, full_output=40.0, first_year=2026)
    item = NamedScenario("带目标", DEFAULTS.with_targets((own,)).with_projects((plant,)))
    [doc] = json.loads(scenarios_json([item]))["scenarios"]
    assert doc["targets"] == [own.to_dict()] and doc["projects"] == [plant.to_dict()]
    assert parse_scenario_bytes(scenarios_json([item])) == [item]


def test_scenarios_json_round_trip():
    assert parse_scenario_bytes(scenarios_json(ITEMS)) == ITEMS


@settings(max_examples=60, deadline=None)
@given(st.lists(named_scenarios, min_size=1, max_size=4))
def test_scenarios_json_round_trip_any(items):
    assert parse_scenario_bytes(scenarios_json(items)) == items


@pytest.mark.parametrize(
    "export",
    [
        scenarios_json,
        lambda items: long_frame(compute_results(items)),
        lambda items: long_csv(compute_results(items), None),
        lambda items: compare_table(compute_results(items)),
        lambda items: workbook_xlsx(compute_results(items), "zh"),
        lambda items: results_json(compute_results(items)),
    ],
    ids=["scenarios_json", "long_frame", "long_csv", "compare_table", "workbook_xlsx", "results_json"],
)
def test_nothing_to_export_is_a_clear_error(export):
    with pytest.raises(ScenarioError) as caught:
        export([])
    assert re.search("no scenarios to export", english(caught.value)), english(caught.value)


# ---------------------------------------------------------------------------------------------
# the long table and its CSV


def test_long_frame_stacks_every_result_table():
    frame = long_frame(compute_results(ITEMS))
    assert list(frame.columns) == ["scenario", *RESULT_COLUMNS]
    assert len(frame) == sum(i.scenario.horizon_end - 2022 for i in ITEMS)
    for item in ITEMS:
        block = frame[frame["scenario"] == item.name].drop(columns="scenario").reset_index(drop=True)
        assert_frame_equal(block, project(item.scenario), check_exact=True)


def test_long_csv_round_trip_exact():
    data = long_csv(compute_results(ITEMS), None)
    assert data.startswith(BOM.encode("utf-8"))
    assert data.decode("utf-8-sig").splitlines()[0] == ",".join(["scenario", *RESULT_COLUMNS])
    assert_frame_equal(read_long_csv(data), long_frame(compute_results(ITEMS)), check_exact=True)


def test_long_csv_keeps_awkward_names_as_text():
    items = [NamedScenario(n, DEFAULTS) for n in AWKWARD_NAMES]
    assert_frame_equal(
        read_long_csv(long_csv(compute_results(items), None)), long_frame(compute_results(items)), check_exact=True
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(named_scenarios, min_size=1, max_size=3))
def test_long_csv_round_trip_any(items):
    expected = neutralised(long_frame(compute_results(items)), "scenario")
    assert_frame_equal(read_long_csv(long_csv(compute_results(items), None)), expected, check_exact=True)


@pytest.mark.parametrize("name", [FORMULA, "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"])
def test_formula_names_are_neutralised_in_csv(name):
    # negative numbers stay numbers (every year projected, so every growth is −5)
    low = make_scenario({"growth_start": -5.0, "growth_end": -5.0, "use_observed": False})
    back = read_long_csv(long_csv(compute_results([NamedScenario(name, low)]), None))
    assert set(back["scenario"]) == {"'" + name}
    assert (back["growth_pct"].iloc[1:] == -5.0).all()
    assert "'-5.0" not in long_csv(compute_results([NamedScenario(name, low)]), None).decode("utf-8-sig")


# ---------------------------------------------------------------------------------------------
# comparison table


def test_compare_table_headlines():
    table = compare_table(compute_results(ITEMS))
    assert tuple(table.columns) == COMPARE_COLUMNS
    assert "policy_va" in COMPARE_COLUMNS and not any("extra" in c or "fund_va" in c for c in COMPARE_COLUMNS)
    assert list(table["scenario"]) == [i.name for i in ITEMS]
    for row, item in zip(table.to_dict(orient="records"), ITEMS, strict=True):
        head = headline(project(item.scenario))
        for key in ("final_year", "va_total", "avg_growth_pct", "cum_fund_investment", "policy_va"):
            assert row[key] == head[key]


LEVERS = {k: s.default for k, s in load_parameters().items() if s.role == "lever"}


def test_compare_table_policy_va_is_what_the_levers_change_against_the_plan(monkeypatch):
    """Economy changed, levers at the plan: policy_va is 0 though value added differs from the
    defaults. Levers at the plan plus one added plant (40 a year at full production from 2026, ramp 2,
    value-added rate 0.5, additionality 0.5): in 2027 policy_va = 0.5 × 0.5 × 40 = 10."""
    monkeypatch.setattr(projection, "load_history", lambda: History(()))
    economy = {"base_va": 1000.0, "growth_start": 6.0, "growth_end": 6.0, "value_added_rate": 0.5, "ramp_years": 2}
    slower = make_scenario({**economy, **LEVERS, "use_observed": False, "horizon_end": 2027, "additionality": 0.5})
    plant = PipelineProject(name="新厂", investment=30.0, full_output=40.0, first_year=2026)
    items = [NamedScenario("slower", slower), NamedScenario("plant", slower.with_projects((plant,)))]
    table = compare_table(compute_results(items)).set_index("scenario")
    assert table.loc["slower", "policy_va"] == 0.0
    assert table.loc["slower", "va_total"] == pytest.approx(1000 * 1.06**4, rel=1e-12)
    assert table.loc["slower", "va_diff_vs_defaults"] != 0.0  # the economy differs, the levers do not
    assert table.loc["plant", "policy_va"] == pytest.approx(10.0, rel=1e-12)
    assert table.loc["plant", "va_total"] - table.loc["slower", "va_total"] == pytest.approx(10.0, rel=1e-9)


def test_compare_table_differences_use_the_defaults_at_the_same_horizon():
    table = compare_table(compute_results(ITEMS)).set_index("scenario")
    assert table.loc["基准情景", "va_diff_vs_defaults"] == 0.0
    for item in ITEMS[1:]:
        year = item.scenario.horizon_end
        defaults_then = headline(project(DEFAULTS.replace({"horizon_end": year})))["va_total"]
        expected = headline(project(item.scenario))["va_total"] - defaults_then
        assert table.loc[item.name, "va_diff_vs_defaults"] == expected
    assert table.loc["low growth", "va_diff_vs_defaults"] < 0


def test_compare_table_against_a_baseline():
    baseline = NamedScenario("no funds", make_scenario({"fund_size": 0}))
    table = compare_table(compute_results(ITEMS[:1], baseline=baseline))
    assert list(table.columns) == [*COMPARE_COLUMNS, "va_diff_vs_baseline"]
    expected = headline(project(DEFAULTS))["va_total"] - headline(project(baseline.scenario))["va_total"]
    assert table["va_diff_vs_baseline"].iloc[0] == expected > 0


# ---------------------------------------------------------------------------------------------
# results JSON (the CLI's json output for many scenarios)


def test_results_json():
    doc = json.loads(results_json(compute_results(ITEMS[:2])))
    assert [d["name"] for d in doc] == ["基准情景", "low growth"]
    assert [d["model_version"] for d in doc] == [3, 3]
    assert [d["targets"] for d in doc] == [[], []]
    assert list(doc[0]["results"][0]) == list(RESULT_COLUMNS)
    assert doc[1]["parameters"] == ITEMS[1].scenario.to_dict()
    rows = pd.DataFrame(doc[1]["results"])
    assert_frame_equal(rows, project(ITEMS[1].scenario), check_exact=True)
    assert doc[0]["results"][0]["growth_total_pct"] is None


def test_results_json_items_are_scenario_files_with_their_targets():
    own = Target(label="年均增长8%", metric="growth_avg", year=2030, value=8.0, from_year=2025)
    item = NamedScenario("带目标", DEFAULTS.with_targets((own,)))
    [doc] = json.loads(results_json(compute_results([item])))
    assert doc["targets"] == [own.to_dict()]
    assert parse_scenario_doc(doc).scenario == item.scenario


# ---------------------------------------------------------------------------------------------
# workbook


@pytest.fixture(scope="module")
def book_items():
    return [*ITEMS, NamedScenario(FORMULA, DEFAULTS), *(NamedScenario(n, DEFAULTS) for n in AWKWARD_NAMES)]


@pytest.fixture(scope="module")
def book(book_items):
    return workbook_xlsx(compute_results(book_items), "zh")


def test_workbook_has_every_sheet(book):
    assert list(SHEETS) == [
        "results",
        "parameters",
        "projects",
        "targets",
        "history",
        "backtest",
        "dictionary",
        "sources",
    ]
    assert openpyxl.load_workbook(io.BytesIO(book)).sheetnames == [SHEET_NAMES[k]["zh"] for k in SHEETS]
    english = workbook_xlsx(compute_results(ITEMS[:1]), lang="en")
    assert openpyxl.load_workbook(io.BytesIO(english)).sheetnames == [SHEET_NAMES[k]["en"] for k in SHEETS]
    assert list(read_workbook(english)) == list(read_workbook(book)) == list(SHEETS)


def test_workbook_results_round_trip_exact(book, book_items):
    sheets = read_workbook(book)
    assert_frame_equal(
        sheets["results"], neutralised(long_frame(compute_results(book_items)), "scenario"), check_exact=True
    )


def test_workbook_read_by_plain_pandas_gives_the_same_numbers(book):
    items = ITEMS  # plain read_excel turns "NA" into NaN, so only ordinary names here
    # the second header row holds the keys; the first, the labels a reader sees
    raw = pd.read_excel(io.BytesIO(workbook_xlsx(compute_results(items), lang="en")), sheet_name="Results", header=1)
    # pandas reads whole-valued floats (35.0) as integers; the values are exact all the same. A
    # year's status is a word for the reader (Published, Estimated (Jan–Jul), Projected, Base year).
    frame = long_frame(compute_results(items))
    frame["scenario"] = frame["scenario"].replace({"基准情景": "Baseline scenario"})  # in the workbook's language
    assert raw["status"].tolist() == status_words(frame, "en", load_history()).tolist()
    assert_frame_equal(raw.drop(columns="status"), frame.drop(columns="status"), check_exact=True, check_dtype=False)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(named_scenarios, min_size=1, max_size=2))
def test_workbook_results_round_trip_any(items):
    back = read_workbook(workbook_xlsx(compute_results(items), "zh"))["results"]
    assert_frame_equal(back, neutralised(long_frame(compute_results(items)), "scenario"), check_exact=True)


@pytest.mark.parametrize("lang", LANGS)
def test_workbook_parameters_sheet_lists_economy_and_levers_apart(lang):
    items = ITEMS[:2]
    sheet = read_workbook(workbook_xlsx(compute_results(items), lang=lang))["parameters"]
    specs = load_parameters()
    assert sorted(sheet["key"]) == sorted(PARAMETER_KEYS)
    roles = list(sheet["role"])
    # Economy assumptions first, then the policy levers, then the choices: each kind in one block.
    assert [r for n, r in enumerate(roles) if n == 0 or roles[n - 1] != r] == ["economy", "lever", "choice"]
    assert {specs[k].role for k in sheet["key"][sheet["role"] == "lever"]} == {"lever"}
    assert set(sheet.loc[sheet["role"] == "economy", "key"]) >= {"base_va", "additionality", "ti_effect"}
    assert set(sheet.loc[sheet["role"] == "lever", "key"]) >= {"fund_size", "fund_paid_in", "ti_growth"}
    for role in ("economy", "lever", "choice"):
        assert set(sheet.loc[sheet["role"] == role, "role_name"]) == {ROLE_NAMES[role][lang]}
    assert ROLE_NAMES["economy"]["zh"] == "经济假设" and ROLE_NAMES["lever"]["zh"] == "政策变量"
    by_key = sheet.set_index("key")
    for item in items:  # a column per scenario with its values, named in the workbook's language
        for key, value in item.scenario.to_dict().items():
            assert by_key.loc[key, display_name(item, lang)] == value, (item.name, key)
    for key, spec in specs.items():
        row = by_key.loc[key]
        assert row["label"] == spec.label(lang)
        assert row["default"] == spec.default
        assert row["provenance"] == spec.provenance
        assert row["publication"] == spec.publication_name(lang)
        assert (row["date"], row["url"], row["sentence_zh"]) == (spec.date, spec.url, spec.source_zh)
        assert row["reasoning"] == spec.reasoning(lang)
    assert by_key.loc["growth_start", "sentence_zh"].find("7.5%") >= 0  # Dezhou's 2025 figure (version 3)


def test_workbook_parameters_sheet_names_each_scenario_column_safely(book, book_items):
    ws = openpyxl.load_workbook(io.BytesIO(book))["参数"]
    header = [c.value for c in ws[2]]
    assert [c.value for c in ws[1]][len(PARAMETER_HEAD) :][: len(book_items)] == header[len(PARAMETER_HEAD) :][
        : len(book_items)
    ]  # a scenario's column is labelled by its name in both header rows
    assert "'" + FORMULA in header and FORMULA not in header  # a name is never a formula
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    named = [h for h in header if h not in parameter_table(book_items[:0], "zh").columns]
    assert len(named) == len(book_items) == len(set(named))  # "同名" twice, "" too: told apart
    assert_frame_equal(
        read_workbook(book)["parameters"].iloc[:, :5], parameter_table(book_items, "zh").iloc[:, :5], check_dtype=False
    )


def test_workbook_targets_sheet_has_the_gap_worked_by_hand(monkeypatch):
    """1000 growing 10% a year, levers at the plan (policy_va 0): 2026 value added 1331. A level
    target of 1300 is exceeded by 31; 12% growth in 2025 is missed by 2 points; average growth
    2023–2026 of 9% is exceeded by 1 point."""
    monkeypatch.setattr(projection, "load_history", lambda: History(()))
    scenario = make_scenario(
        {**LEVERS, "base_va": 1000.0, "growth_start": 10.0, "growth_end": 10.0, "horizon_end": 2026}
    ).replace({"use_observed": False})
    own = (
        Target(label="水平", metric="level", year=2026, value=1300.0),
        Target(label="当年", metric="growth_year", year=2025, value=12.0),
        Target(label="年均", metric="growth_avg", year=2026, value=9.0),
        Target(label="远期", metric="level", year=2030, value=2000.0),
    )
    sheet = read_workbook(workbook_xlsx(compute_results([NamedScenario("目标", scenario.with_targets(own))]), "zh"))[
        "targets"
    ]
    official = sheet[sheet["source"] == "official"]
    assert list(official["id"]) == [t.id for t in load_targets()]
    assert official["quote_zh"].str.len().gt(0).all()
    mine = sheet[sheet["source"] == "own"].set_index("label")
    assert list(mine.index) == ["水平", "当年", "年均", "远期"]
    assert mine.loc["水平", "achieved"] == pytest.approx(1331.0, rel=1e-12)
    assert mine.loc["水平", "gap"] == pytest.approx(31.0, rel=1e-9)
    assert mine.loc["当年", "gap"] == pytest.approx(-2.0, abs=1e-9)
    assert mine.loc["年均", "gap"] == pytest.approx(1.0, abs=1e-9)
    assert pd.isna(mine.loc["远期", "achieved"]) and pd.isna(mine.loc["远期", "gap"])  # beyond 2026
    assert (mine["unit"] == ["亿元", "%", "%", "亿元"]).all()


def test_workbook_history_sheet_has_every_official_figure_with_its_sentence(book):
    sheet = read_workbook(book)["history"]
    with open(ROOT / "data/history.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(sheet) == len(rows)
    assert sorted(zip(sheet["year"], sheet["region"], sheet["value"], strict=True)) == sorted(
        (int(r["year"]), r["region"], float(r["value"])) for r in rows
    )
    assert sheet["quote_zh"].str.len().gt(0).all() and sheet["publication"].str.len().gt(0).all()
    assert not sheet.loc[sheet["confidence"] == "low", "used"].any()  # a low-confidence figure is shown, never used
    assert_frame_equal(sheet, history_table(load_history(), "zh"), check_dtype=False)


def test_workbook_backtest_sheet(book):
    sheet = read_workbook(book)["backtest"]
    assert tuple(sheet.columns) == BACKTEST_COLUMNS
    expected = backtest(lang="zh")  # the workbook's language (workbook_xlsx's default)
    assert len(sheet) == len(expected)
    for got, want in zip(sheet.itertuples(), expected.itertuples(), strict=True):
        assert got.year == want.year
        assert got.error_pts == pytest.approx(got.projected_pct - got.official_pct, abs=1e-12)
        assert got.official_pct == want.official_pct


def test_workbook_dictionary_sheet(book):
    assert_frame_equal(read_workbook(book)["dictionary"], column_dictionary(), check_exact=True)


@pytest.mark.parametrize("lang", LANGS)
def test_workbook_sources_sheet(lang):
    sheet = read_workbook(workbook_xlsx(compute_results(ITEMS[:1]), lang=lang))["sources"]
    params = sheet[sheet["type"] == "parameter"]
    facts = sheet[sheet["type"] == "article fact"]
    assert sorted(params["key"]) == sorted(PARAMETER_KEYS)
    assert list(facts["key"]) == list(load_facts()["id"])
    assert set(params["provenance"]) <= {"article", "external", "assumption"}
    specs = load_parameters()
    first = params.iloc[1]
    assert first["label"] == specs[first["key"]].label(lang)
    growth = params.set_index("key").loc["growth_start"]
    assert "7.5%" in growth["source_zh"] and growth["provenance"] == "external"  # Dezhou 2025 (version 3)
    assert facts["source_zh"].str.len().gt(0).all()
    for key, row in params.set_index("key").iterrows():
        spec = specs[key]
        assert row["role"] == spec.role
        assert row["why"] == spec.reasoning(lang)
        assert row["publication"] == spec.publication_name(lang)
    assert_frame_equal(sheet, sources_frame(lang), check_exact=True, check_dtype=False)


def test_workbook_formula_name_is_text_not_a_formula(book):
    ws = openpyxl.load_workbook(io.BytesIO(book))["逐年结果"]
    cells = [c for c in ws["A"][2:] if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells
    assert all(c.data_type == "s" and c.value == "'" + FORMULA for c in cells)
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_workbook_survives_control_characters_in_names():
    back = read_workbook(workbook_xlsx(compute_results([NamedScenario("bell\x07 name", DEFAULTS)]), "zh"))["results"]
    assert set(back["scenario"]) == {"bell\ufffd name"}


# ---------------------------------------------------------------------------------------------
# importing scenario files: anything at all is either whole scenarios or a listed error


def assert_all_or_nothing(data: bytes) -> None:
    try:
        found = parse_scenario_bytes(data)
    except ScenarioError as e:
        assert e.problems and all(isinstance(p, Problem) for p in e.problems)
        assert all(say(p, "en") and say(p, "zh") for p in e.problems)  # each one can be said
        return
    assert found and all(isinstance(n, NamedScenario) and isinstance(n.scenario, Scenario) for n in found)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_import_of_arbitrary_bytes(data):
    assert_all_or_nothing(data)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_import_of_arbitrary_json(value):
    assert_all_or_nothing(json.dumps(value).encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.lists(scenario_docs, min_size=1, max_size=4))
def test_import_of_many_scenarios_is_all_or_nothing(docs):
    data = json.dumps({"version": 1, "scenarios": docs}).encode("utf-8")
    valid = []
    for doc in docs:
        try:
            valid.append(parse_scenario_bytes(json.dumps(doc).encode("utf-8")))
        except ScenarioError:
            valid.append(None)
    if all(v is not None for v in valid):
        assert parse_scenario_bytes(data) == [v[0] for v in valid]
    else:
        with pytest.raises(ScenarioError) as caught:
            parse_scenario_bytes(data)
        for n, v in enumerate(valid, start=1):  # every bad scenario is listed by its number
            if v is None:
                assert any(("scenario", n) in p.where for p in caught.value.problems)
                assert any(f"scenario {n}" in say(p, "en") for p in caught.value.problems)


def single(parameters: dict) -> bytes:
    """A version-2 scenario file (a version-1 file's unknown keys are upgraded with a notice: model.compat)."""
    return json.dumps({"name": "x", "model_version": 2, "parameters": parameters}).encode("utf-8")


BAD_FILES = [
    ("bad JSON", b'{"name": "x", "parameters": {', ["not valid JSON"]),
    ("NaN", b'{"name": "x", "parameters": {"growth_start": NaN}}', ["NaN is not allowed"]),
    ("unknown key", single({"growth_begin": 9}), ["'growth_begin': not a parameter of this model"]),
    ("unknown field", b'{"name": "x", "params": {}}', ["'params': unknown field"]),
    ("wrong type", single({"growth_start": "fast"}), ["first projected year (%): 'fast' is not a number"]),
    ("bool as number", single({"fund_size": True}), ["funds (100 million yuan): true is not a number"]),
    ("number as bool", single({"phase1_on": 1}), ["phase 1: 1 is not true or false"]),
    ("fraction of a year", single({"horizon_end": 2030.5}), ["Last projected year (year): 2030.5 is not a whole"]),
    ("out of range", single({"growth_start": 99}), ["first projected year (%): 99 is out of range; allowed: a number"]),
    (
        "two problems",
        single({"growth_start": 99, "ramp_years": 0}),
        ["first projected year (%): 99 is out of range", "(years): 0 is out of range"],
    ),
    ("not UTF-8", '{"name": "高增长", "parameters": {}}'.encode("gbk"), ["not UTF-8 text"]),
    ("too large", b" " * (MAX_FILE_BYTES + 1), [f"larger than the {MAX_FILE_BYTES:,}-byte limit"]),
    ("not an object", b"[1, 2]", ["A scenario must be an object with Name, Parameters"]),
    ("empty list", b'{"version": 1, "scenarios": []}', ["Scenarios must be a list"]),
    ("bad version", b'{"version": 2, "scenarios": [{"name": "a"}]}', ["File format version: 2 is not supported"]),
    (
        "one bad of many",
        json.dumps(
            {"version": 1, "scenarios": [{"name": "ok"}, {"name": "bad", "parameters": {"fund_size": -1}}]}
        ).encode(),
        ["scenario 2, Committed size of the industrial investment funds (100 million yuan): -1 is out of range"],
    ),
]


@pytest.mark.parametrize(("data", "expected"), [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_with_the_problem_named(data, expected):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_bytes(data, "upload.json")
    text = "\n".join(say(p, "en") for p in caught.value.problems)
    assert text.startswith("upload.json")
    assert all(p.where[0] == ("file", "upload.json") for p in caught.value.problems)
    for phrase in expected:
        assert phrase in text
    assert len(caught.value.problems) >= len(expected)


# ---------------------------------------------------------------------------------------------
# python -m model project --scenario MANY.json


@pytest.fixture
def many_file(tmp_path):
    path = tmp_path / "many.json"
    path.write_bytes(scenarios_json(ITEMS))
    return path


def test_cli_many_scenarios_writes_the_long_csv(cli, many_file):
    done = cli("project", "--scenario", str(many_file))
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == long_csv(compute_results(ITEMS), None)


def test_cli_many_scenarios_set_applies_to_each(cli, many_file, tmp_path):
    out = tmp_path / "long.csv"
    done = cli("project", "--scenario", str(many_file), "--set", "fund_size=70", "--out", str(out))
    assert done.returncode == 0, done.stderr.decode()
    expected = [NamedScenario(i.name, i.scenario.replace({"fund_size": 70})) for i in ITEMS]
    assert_frame_equal(read_long_csv(out.read_bytes()), long_frame(compute_results(expected)), check_exact=True)


def test_cli_many_scenarios_json(cli, many_file):
    done = cli("project", "--scenario", str(many_file), "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(done.stdout)
    assert [(d["name"], d["parameters"]) for d in doc] == [(i.name, i.scenario.to_dict()) for i in ITEMS]
    assert_frame_equal(pd.DataFrame(doc[2]["results"]), project(ITEMS[2].scenario), check_exact=True)


def test_cli_one_scenario_keeps_the_single_table(cli, tmp_path):
    path = tmp_path / "one.json"
    path.write_bytes(scenarios_json(ITEMS[1:2]))
    done = cli("project", "--scenario", str(path))
    assert done.returncode == 0, done.stderr.decode()
    assert b"scenario" not in done.stdout.splitlines()[0]


def test_cli_many_scenarios_bad_set_is_refused(cli, many_file, tmp_path):
    out = tmp_path / "long.csv"
    done = cli("project", "--scenario", str(many_file), "--set", "horizon_end=2099", "--out", str(out))
    assert done.returncode == 2
    assert re.search(rb"Last projected year \(year\): '2099' is out of range", done.stderr)
    assert not out.exists()
