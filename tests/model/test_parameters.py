"""The parameter table: defaults, ranges and provenance as docs/model.md states them; the Scenario; and the
messages a bad value gets."""

from __future__ import annotations

import csv
import dataclasses
import math
import re
from pathlib import Path

import pytest

from model.parameters import (
    DATA_DIR,
    PARAMETER_KEYS,
    Scenario,
    ScenarioError,
    coerce,
    default_scenario,
    load_parameters,
    make_scenario,
    parse_text,
)
from report.problems import parameter_name, say, say_all

ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "source" / "dezhou-daily-2023-11-03.txt"

# MODEL.md version 3's parameter table: key, default, min, max, provenance, kind (role). The defaults
# MODEL.md marks "source it" are those sourced in docs/sources-parameters.md (worked there by hand):
# base_va = (1245 + 1060 + 1325) / 3 = 1210 (three routes); base_revenue = (3708 + 4173) / 2 ≈ 3940
# (1379.3 × 12 / 5 × 1.12 and 6000 / 1.1⁵ × 1.12); revenue_drift −2 ≈ (−3 − 4.8 − 1 × 5) / 7;
# growth_start 7.5 = Dezhou's 2025 full-year figure; province_growth 7.6 = Shandong's 2025 figure.
MODEL_TABLE = [
    ("horizon_end", 2030, 2025, 2035, "assumption", "choice"),
    ("use_observed", True, None, None, "assumption", "choice"),
    ("base_va", 1210, 100, 10000, "assumption", "economy"),
    ("base_revenue", 3940, 3000, 5500, "assumption", "economy"),
    ("revenue_drift", -2, -10, 10, "assumption", "economy"),
    ("growth_start", 7.5, -10, 25, "external", "economy"),
    ("growth_end", 6.5, -10, 25, "assumption", "economy"),
    ("province_growth", 7.6, -10, 25, "external", "economy"),
    ("ti_growth", 16.1, -30, 50, "article", "lever"),
    ("ti_effect", 0.1, 0, 0.5, "assumption", "economy"),
    ("fund_size", 35, 0, 1000, "article", "lever"),
    ("fund_paid_in", 0.4, 0.2, 1, "assumption", "lever"),
    ("fund_leverage", 4.2, 1, 10, "external", "lever"),
    ("fund_start", 2024, 2024, 2035, "assumption", "lever"),
    ("fund_deploy_years", 4, 1, 10, "assumption", "lever"),
    ("output_per_investment", 0.8, 0.1, 5, "assumption", "economy"),
    ("value_added_rate", 0.25, 0.05, 0.6, "assumption", "economy"),
    ("build_years", 1, 0, 5, "assumption", "economy"),
    ("ramp_years", 2, 1, 6, "assumption", "economy"),
    ("additionality", 0.6, 0, 1, "assumption", "economy"),
    ("phase1_on", True, None, None, "article", "lever"),
    ("phase1_start", 2025, 2024, 2035, "assumption", "lever"),
    ("phase2_on", True, None, None, "article", "lever"),
    ("phase2_start", 2027, 2024, 2035, "assumption", "lever"),
]
MODEL_KEYS = [row[0] for row in MODEL_TABLE]
YEAR_KEYS = {"horizon_end", "fund_start", "fund_deploy_years", "build_years", "ramp_years"} | {
    "phase1_start",
    "phase2_start",
}
BOOL_KEYS = {"phase1_on", "phase2_on", "use_observed"}

# docs/model.md's unit column (money as 亿元 = 100 million yuan).
MODEL_UNITS = {
    "horizon_end": "year",
    "use_observed": "",
    "base_va": "100 million yuan",
    "base_revenue": "100 million yuan",
    "revenue_drift": "points",
    "growth_start": "%",
    "growth_end": "%",
    "province_growth": "%",
    "ti_growth": "%",
    "ti_effect": "pt per pt",
    "fund_size": "100 million yuan",
    "fund_paid_in": "share",
    "fund_leverage": "×",
    "fund_start": "year",
    "fund_deploy_years": "years",
    "output_per_investment": "×",
    "value_added_rate": "share",
    "build_years": "years",
    "ramp_years": "years",
    "additionality": "share",
    "phase1_on": "",
    "phase1_start": "year",
    "phase2_on": "",
    "phase2_start": "year",
}


def csv_rows() -> list[dict[str, str]]:
    with open(DATA_DIR / "parameters.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------------------------
# Defaults, ranges, kinds, units


def test_keys_in_model_md_order():
    assert list(load_parameters()) == MODEL_KEYS
    assert [row["key"] for row in csv_rows()] == MODEL_KEYS
    assert [f.name for f in dataclasses.fields(Scenario)] == [*MODEL_KEYS, "projects", "targets"]
    assert list(PARAMETER_KEYS) == MODEL_KEYS


@pytest.mark.parametrize(("key", "default", "lo", "hi", "provenance", "role"), MODEL_TABLE)
def test_table_matches_model_md(key, default, lo, hi, provenance, role):
    spec = load_parameters()[key]
    assert spec.role == role
    assert spec.default == default
    assert getattr(default_scenario(), key) == default
    assert (spec.min, spec.max) == (lo, hi)
    assert spec.provenance == provenance
    assert spec.unit_en == MODEL_UNITS[key]


@pytest.mark.parametrize("row", csv_rows(), ids=lambda r: r["key"])
def test_default_scenario_equals_csv(row):
    value = getattr(default_scenario(), row["key"])
    if row["kind"] == "bool":
        assert value is (row["default"] == "true")
    else:
        assert value == float(row["default"])
        assert float(row["min"]) <= value <= float(row["max"])


@pytest.mark.parametrize("key", MODEL_KEYS)
def test_kinds(key):
    spec = load_parameters()[key]
    expected = "bool" if key in BOOL_KEYS else "int" if key in YEAR_KEYS else "float"
    assert spec.kind == expected
    value = getattr(default_scenario(), key)
    assert type(value) is {"bool": bool, "int": int, "float": float}[expected]


def test_money_is_in_yi_yuan():
    specs = load_parameters()
    assert specs["base_va"].unit_zh == specs["fund_size"].unit_zh == "亿元"


# ---------------------------------------------------------------------------------------------
# The Scenario


def test_scenario_is_frozen():
    scenario = default_scenario()
    with pytest.raises(dataclasses.FrozenInstanceError):
        scenario.growth_start = 9.0  # type: ignore[misc]
    assert scenario.growth_start == 7.5  # the default, unchanged by the failed assignment


def test_replace_validates_and_keeps_the_rest():
    base = default_scenario()
    new = base.replace({"growth_start": 9.5, "phase2_on": False})
    assert (new.growth_start, new.phase2_on, new.fund_size) == (9.5, False, 35)
    assert base.growth_start == 7.5  # the default: replace() returns a new scenario
    assert new.changed_from(base) == {"growth_start": 9.5, "phase2_on": False}
    with pytest.raises(ScenarioError):
        base.replace({"growth_start": 99})


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("growth_start", "9.5", 9.5),
        ("growth_start", " -10 ", -10.0),
        ("horizon_end", "2035", 2035),
        ("horizon_end", "2030.0", 2030),
        ("fund_size", "0", 0.0),
        ("phase1_on", "true", True),
        ("phase1_on", "FALSE", False),
        ("phase2_on", " True ", True),
    ],
)
def test_text_values_accepted(key, text, expected):
    value = parse_text(load_parameters()[key], text)
    assert value == expected
    assert type(value) is type(expected)


# ---------------------------------------------------------------------------------------------
# Messages (said in English by report.problems.say, as the command line does): each names the
# parameter by its label and unit (never its key), the value given and what is allowed

BAD = [
    # overrides, as text?, fragments the message must hold
    ({"growth_start": "abc"}, True, ["growth_start", "'abc'", "not a number", "from -10 to 25"]),
    ({"growth_start": "8.4"}, False, ["growth_start", "'8.4'", "not a number", "from -10 to 25"]),
    ({"growth_start": None}, False, ["growth_start", "blank is not a number"]),
    ({"growth_start": "nan"}, True, ["growth_start", "'nan'", "not a finite number", "from -10 to 25"]),
    ({"growth_start": math.nan}, False, ["growth_start", "NaN", "not a finite number"]),
    ({"base_va": "inf"}, True, ["base_va", "'inf'", "not a finite number", "from 100 to 10000"]),
    ({"base_va": -math.inf}, False, ["base_va", "−∞", "not a finite number"]),
    ({"growth_start": -10.5}, False, ["growth_start", "-10.5", "out of range", "from -10 to 25"]),
    ({"ti_growth": "50.1"}, True, ["ti_growth", "50.1", "out of range", "from -30 to 50"]),
    ({"horizon_end": 2024}, False, ["horizon_end", "2024", "out of range", "from 2025 to 2035"]),
    ({"horizon_end": "2036"}, True, ["horizon_end", "2036", "out of range", "from 2025 to 2035"]),
    ({"value_added_rate": 0.61}, False, ["value_added_rate", "0.61", "out of range", "from 0.05 to 0.6"]),
    ({"fund_start": 2024.5}, False, ["fund_start", "2024.5", "not a whole number", "from 2024 to 2035"]),
    ({"ramp_years": "1.5"}, True, ["ramp_years", "1.5", "not a whole number", "from 1 to 6"]),
    ({"fund_size": True}, False, ["fund_size", "true is not a number", "from 0 to 1000"]),
    ({"horizon_end": False}, False, ["horizon_end", "false is not a number", "whole number"]),
    ({"growth": 9}, False, ["'growth'", "not a parameter of this model"]),
    ({"phase1_on": "yes"}, True, ["phase1_on", "'yes'", "true or false"]),
    ({"phase1_on": 1}, False, ["phase1_on", "1", "true or false"]),
    ({"phase2_on": "true"}, False, ["phase2_on", "'true'", "true or false"]),
]


@pytest.mark.parametrize(("overrides", "text", "fragments"), BAD)
def test_bad_values_are_rejected_with_a_clear_message(overrides, text, fragments):
    with pytest.raises(ScenarioError) as caught:
        make_scenario(overrides, text=text)
    (problem,) = caught.value.problems
    message = say(problem, "en")
    specs = load_parameters()
    for fragment in fragments:
        if fragment in specs:  # the parameter: by its label and unit, never by its key
            assert parameter_name(specs[fragment], "en") in message, message
            assert fragment not in message, message
        else:
            assert fragment in message, (fragment, message)
    if problem.code != "unknown_parameter":
        assert "allowed:" in message


def test_every_problem_is_reported():
    with pytest.raises(ScenarioError) as caught:
        make_scenario({"growth_start": "x", "fund_size": -1, "nope": 1}, text=True)
    assert len(caught.value.problems) == 3
    message = say_all(caught.value.problems, "en")
    specs = load_parameters()
    assert all(specs[key].label_en in message for key in ("growth_start", "fund_size")) and "'nope'" in message


@pytest.mark.parametrize(("key", "lo", "hi"), [(k, lo, hi) for k, _, lo, hi, _, _ in MODEL_TABLE if lo is not None])
def test_range_ends_are_inclusive(key, lo, hi):
    spec = load_parameters()[key]
    assert coerce(spec, lo) == lo
    assert coerce(spec, hi) == hi


# ---------------------------------------------------------------------------------------------
# Provenance


def _facts_quotes() -> list[str]:
    with open(DATA_DIR / "facts.csv", encoding="utf-8", newline="") as f:
        return [row["quote_zh"] for row in csv.DictReader(f)]


ARTICLE_SPECS = [s for s in load_parameters().values() if s.provenance == "article"]


def unsourced_clauses(quote: str, article: Path) -> list[str]:
    """The parts of ``quote`` not found in the article, or, when the article is not beside the repo
    (a CI clone without shared/), not found in the quotes data/facts.csv keeps from it."""
    if article.is_file():
        return [] if quote in article.read_text(encoding="utf-8") else [quote]
    quotes = _facts_quotes()
    clauses = [c for c in re.split(r"[,，。;；]", quote) if c]
    return [c for c in clauses if not any(c in q for q in quotes)]


@pytest.mark.parametrize("spec", ARTICLE_SPECS, ids=lambda s: s.key)
def test_article_quotes_are_in_the_article(spec):
    assert spec.source_zh, f"{spec.key} has no quote"
    assert spec.source_en, f"{spec.key} has no English gloss"
    assert unsourced_clauses(spec.source_zh, ARTICLE) == []


@pytest.mark.parametrize("spec", ARTICLE_SPECS, ids=lambda s: s.key)
def test_article_quotes_are_in_the_facts(spec, tmp_path):
    """The fallback used where shared/ is missing holds as well."""
    assert unsourced_clauses(spec.source_zh, tmp_path / "missing.txt") == []


def test_fallback_check_can_fail(tmp_path):
    assert unsourced_clauses("全市规模以上工业增加值同比增长9.9%", tmp_path / "missing.txt") != []


@pytest.mark.parametrize("spec", load_parameters().values(), ids=lambda s: s.key)
def test_provenance_is_complete(spec):
    assert spec.provenance in {"article", "external", "assumption"}
    if spec.provenance == "external":
        assert spec.publication.strip() and spec.publication_zh.strip(), f"{spec.key} names no publication"
        assert spec.source_zh.strip() and spec.url.startswith("http"), spec.key
    # every default says why, in both languages (an assumption its reasoning, a sourced one its use)
    assert spec.why.strip(), f"{spec.key} does not say why"
    assert spec.why_zh.strip(), f"{spec.key} does not say why in Chinese"
    assert "To be sourced" not in spec.why and "待核实" not in spec.why_zh
    assert spec.label_zh.strip() and spec.label_en.strip()
