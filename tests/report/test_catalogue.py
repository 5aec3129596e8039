"""One strings catalogue (issue 21, item 4): every user-facing string is in report/strings/zh.toml and
en.toml, with the same sections and keys in both, the same {fields}, none empty; every key the code
asks for by name exists."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from report import catalogue
from report.text import TEXT

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for d in ("app.py", "ui", "report", "cli") for p in sorted((ROOT / d).rglob("*.py")) or [ROOT / d]]


# Strings whose languages take different fields, on purpose: a date in each language's order and words,
# an estimated year's last month as a number or a name, the reader's detail kept out of the Chinese.
OWN_FIELDS = {("text.TEXT", "deck_date"), ("status.WORDS", "estimated"), ("problems.PROBLEMS", "cannot_read")}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_the_same_sections_and_keys():
    zh, en = catalogue.load("zh"), catalogue.load("en")
    assert zh.keys() == en.keys()
    assert [s for s in zh if zh[s].keys() != en[s].keys()] == []


@pytest.mark.parametrize("section", sorted(catalogue.load("zh")))
def test_every_string_is_there_with_the_same_fields(section):
    table = catalogue.table(section)
    assert [k for k, v in table.items() if not v["zh"].strip() or not v["en"].strip()] == []
    differ = [k for k, v in table.items() if fields(v["zh"]) != fields(v["en"])]
    assert [k for k in differ if (section, k) not in OWN_FIELDS] == []


def used_text_keys() -> set[str]:
    """Keys passed as a literal to t(…) or TEXT[…] anywhere in the page, the renderers or the command line."""
    keys: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("t", "bt") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.add(first.value)
            literal = isinstance(getattr(node, "slice", None), ast.Constant)
            if isinstance(node, ast.Subscript) and getattr(node.value, "id", None) == "TEXT" and literal:
                keys.add(str(node.slice.value))
    return keys


def test_every_key_used_exists():
    used = used_text_keys()
    assert len(used) > 300  # the scan finds the page's keys
    assert sorted(used - TEXT.keys()) == []


def test_a_section_missing_a_key_in_one_language_is_refused(monkeypatch):
    monkeypatch.setattr(catalogue, "load", lambda lang: {"s": {"a": "x"} if lang == "zh" else {}})
    with pytest.raises(KeyError, match="keys differ"):
        catalogue.table("s")


def test_every_result_column_has_a_label_a_description_and_a_unit():
    """The result columns' strings (the data dictionary's rows) are the catalogue's: every column the
    model writes has a label and a description, every one but status a unit, and no other column is named."""
    from model.projection import RESULT_COLUMNS
    from report.csv_export import COLUMN_UNITS, DESCRIPTIONS, LABELS, UNITS

    assert list(LABELS) == list(RESULT_COLUMNS)  # in the table's order
    assert list(DESCRIPTIONS) == list(LABELS)
    assert sorted(set(LABELS) - set(COLUMN_UNITS)) == ["status"] and set(COLUMN_UNITS) <= set(LABELS)
    assert set(COLUMN_UNITS.values()) <= set(UNITS)


# Keys allowed to hold the same (zh, en) pair. Across tables: a file's header, a problem's field name, a
# unit and the page's label are the same words in different places, each free to change on its own.
# Within the page's TEXT: a label written twice for two places (the deck and the page, a table column and a
# form field, a help line); each is a candidate to merge, and a new duplicate fails the test below.
SHARED_STRINGS: list[set[str]] = [
    {"csv_export.LABELS:fund_capital", "text.TEXT:deck_series_fund_capital"},
    {"csv_export.LABELS:policy_va", "text.TEXT:deck_channel_policy_va"},
    {"csv_export.LABELS:project_investment", "text.TEXT:deck_series_project_investment"},
    {"csv_export.LABELS:status", "sheets.SHEET_HEADERS.backtest:status", "text.TEXT:deck_col_status"},
    {
        "csv_export.LABELS:year",
        "sheets.COMMON_HEADERS:year",
        "text.TEXT:axis_year",
        "text.TEXT:deck_col_year",
        "text.TEXT:field_year",
    },
    {"csv_export.SCENARIO_HEADER:_", "sheets.COMMON_HEADERS:scenario", "text.TEXT:cmp_scenario"},
    {"problems.FIELDS:first_year", "sheets.SHEET_HEADERS.projects:first_year", "text.TEXT:col_first_year"},
    {"problems.FIELDS:from_year", "sheets.SHEET_HEADERS.targets:from_year", "text.TEXT:col_from_year"},
    {"problems.FIELDS:full_output", "sheets.SHEET_HEADERS.projects:full_output"},
    {"problems.FIELDS:included", "sheets.SHEET_HEADERS.projects:included"},
    {"problems.FIELDS:metric", "sheets.SHEET_HEADERS.targets:source_name"},
    {"problems.FIELDS:name", "text.TEXT:lib_col_name"},
    {"problems.FIELDS:parameters", "sheets.SHEET_NAMES:parameters"},
    {"problems.FIELDS:projects", "sheets.SHEET_NAMES:projects"},
    {"problems.FIELDS:target_year", "problems.FIELDS:year", "sheets.SHEET_HEADERS.targets:year", "text.TEXT:goal_year"},
    {"problems.FIELDS:targets", "sheets.SHEET_NAMES:targets", "text.TEXT:targets_title"},
    {
        "problems.FIELDS:value",
        "sheets.SHEET_HEADERS.targets:target",
        "text.TEXT:col_target_value",
        "text.TEXT:goal_value",
    },
    {"problems.PROBLEMS:unknown_parameter", "problems.PROBLEMS:vary_unknown"},
    {"problems.WHERE:file", "problems.WHERE:option"},
    {"problems.WORDS:a_number", "text.TEXT:form_allowed_value"},
    {"problems.WORDS:and", "text.TEXT:name_sep"},
    {"problems.WORDS:blank", "text.TEXT:form_blank"},
    {"sheets.BASELINE_NAME:_", "text.TEXT:scenario_baseline_name", "text.TEXT:series_baseline"},
    {"sheets.COMMON_HEADERS:confidence", "text.TEXT:col_confidence", "text.TEXT:field_confidence"},
    {"sheets.COMMON_HEADERS:date", "text.TEXT:deck_col_date"},
    {"sheets.COMMON_HEADERS:key", "text.TEXT:col_key"},
    {"sheets.COMMON_HEADERS:provenance", "sheets.SHEET_HEADERS.parameters:provenance_name", "text.TEXT:col_provenance"},
    {
        "sheets.COMMON_HEADERS:publication",
        "text.TEXT:col_publication",
        "text.TEXT:deck_col_publication",
        "text.TEXT:field_publication",
        "text.TEXT:help_publication",
    },
    {"sheets.COMMON_HEADERS:reasoning", "text.TEXT:col_reason"},
    {"sheets.COMMON_HEADERS:region", "text.TEXT:col_region", "text.TEXT:field_region"},
    {"sheets.COMMON_HEADERS:unit", "text.TEXT:col_unit"},
    {"sheets.COMMON_HEADERS:url", "text.TEXT:col_url", "text.TEXT:help_url"},
    {"sheets.COMMON_HEADERS:value", "text.TEXT:value"},
    {"sheets.METRIC_NAMES:ti_growth_pct", "text.TEXT:hist_metric_ti_growth_pct"},
    {"sheets.SHEET_HEADERS.backtest:official_pct", "text.TEXT:col_official_pct", "text.TEXT:deck_col_official"},
    {"sheets.SHEET_HEADERS.backtest:period", "text.TEXT:field_period"},
    {"sheets.SHEET_HEADERS.backtest:projected_pct", "text.TEXT:col_projected_pct", "text.TEXT:deck_col_projected"},
    {"sheets.SHEET_HEADERS.history:note", "text.TEXT:col_note"},
    {"sheets.SHEET_HEADERS.history:period", "text.TEXT:col_period"},
    {"sheets.SHEET_HEADERS.parameters:label", "sheets.VALUE_WORDS.type:parameter", "text.TEXT:col_parameter"},
    {"sheets.SHEET_HEADERS.projects:investment", "text.TEXT:col_investment"},
    {"sheets.SHEET_HEADERS.targets:label", "text.TEXT:col_target"},
    {"sheets.SHEET_NAMES:backtest", "text.TEXT:backtest_title"},
    {"sheets.UNNAMED:_", "text.TEXT:unnamed"},
    {"sheets.VALUE_WORDS.region:dezhou", "text.TEXT:region_dezhou"},
    {"sheets.VALUE_WORDS.region:shandong", "text.TEXT:region_shandong"},
    {"sheets.YES_NO:no", "text.TEXT:no"},
    {"sheets.YES_NO:yes", "text.TEXT:yes"},
    {"sheets._PERIODS:H1", "text.TEXT:period_h1"},
    {"sheets._PERIODS:Q1", "text.TEXT:period_q1"},
    {"sheets._PERIODS:full-year", "text.TEXT:period_full"},
    {"status.WORDS:projected", "text.TEXT:projected"},
    {"status.WORDS:published", "text.TEXT:deck_published", "text.TEXT:published"},
    {"text.TEXT:axis_yuan", "units:yuan"},
    {"text.TEXT:cmp_avg_growth_pct", "text.TEXT:goal_kind_growth"},
    {"text.TEXT:deck_channel_capacity_policy_va", "text.TEXT:group_economy_capacity"},
    {"text.TEXT:goal_kind_va", "text.TEXT:target_metric_level"},
    {"text.TEXT:hist_metric_revenue_level", "text.TEXT:target_metric_revenue"},
    {"text.TEXT:tab_scenario", "text.TEXT:this_scenario"},
]


def test_no_string_is_kept_under_two_keys_unless_listed():
    """The same words under two keys (a "duplicate") are one string, kept once, unless SHARED_STRINGS
    lists the keys as deliberately separate."""
    keys: dict[tuple[str, str], set[str]] = {}
    for section in catalogue.load("zh"):
        for key, words in catalogue.table(section).items():
            keys.setdefault((words["zh"], words["en"]), set()).add(f"{section}:{key}")
    shared = [found for found in keys.values() if len(found) > 1]
    assert [found for found in shared if found not in SHARED_STRINGS] == []
    assert [listed for listed in SHARED_STRINGS if listed not in shared] == []  # the list has nothing stale
