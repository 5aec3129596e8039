"""The strings catalogue: every user-facing string in ``report/strings/zh.toml`` and ``en.toml``.

One file per language (as CHIME keeps its locales), read once; each ``[section]`` is one table of the
code (named ``module.NAME`` after the module that uses it), each key one string. :func:`table` gives a
section back as ``{key: {"zh": …, "en": …}}``, the shape the code has always used, so that a page label,
a problem template, a sheet header and a column's name all come from the same two files. A key whose words
another key keeps (:data:`SAME_AS`) is in the files once, under that key.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from model.lang import LANGS, Lang

__all__ = ["LANGS", "SAME_AS", "Lang", "load", "pair", "table", "tables"]

FOLDER = Path(__file__).resolve().parent / "strings"

# A key that shows words another key keeps: the same words in the same meaning in two places (a sheet's
# header and the page's column, a result column and the deck's series), kept once in the files. The key a
# module asks for ("section:key") → the key that holds its words; :func:`table` gives both.
SAME_AS: dict[str, str] = {
    "sheets.SHEET_HEADERS.parameters:sentence_zh": "sheets.COMMON_HEADERS:quote_zh",
    "sheets.SHEET_HEADERS.sources:source_zh": "sheets.COMMON_HEADERS:quote_zh",
    "sheets.SHEET_HEADERS.sources:source_en": "sheets.COMMON_HEADERS:sentence_en",
    "sheets.SHEET_HEADERS.sources:why": "sheets.COMMON_HEADERS:reasoning",
    "sheets.SHEET_HEADERS.sources:role": "sheets.COMMON_HEADERS:role_name",
    "sheets.COMMON_HEADERS:scenario": "csv_export.SCENARIO_HEADER:_",
    "sheets.COMMON_HEADERS:year": "csv_export.LABELS:year",
    "text.TEXT:cmp_scenario": "csv_export.SCENARIO_HEADER:_",
    "text.TEXT:axis_year": "csv_export.LABELS:year",
    "text.TEXT:deck_col_year": "csv_export.LABELS:year",
    "text.TEXT:field_year": "csv_export.LABELS:year",
    "text.TEXT:deck_col_status": "csv_export.LABELS:status",
    "text.TEXT:deck_series_fund_capital": "csv_export.LABELS:fund_capital",
    "text.TEXT:deck_series_project_investment": "csv_export.LABELS:project_investment",
    "text.TEXT:deck_channel_policy_va": "csv_export.LABELS:policy_va",
    "text.TEXT:axis_yuan": "units:yuan",
    "text.TEXT:lib_col_name": "problems.FIELDS:name",
    "text.TEXT:col_first_year": "sheets.SHEET_HEADERS.projects:first_year",
    "text.TEXT:goal_year": "sheets.SHEET_HEADERS.targets:year",
    "text.TEXT:col_target_value": "sheets.SHEET_HEADERS.targets:target",
    "text.TEXT:goal_value": "sheets.SHEET_HEADERS.targets:target",
    "text.TEXT:col_from_year": "sheets.SHEET_HEADERS.targets:from_year",
    "text.TEXT:targets_title": "sheets.SHEET_NAMES:targets",
    "text.TEXT:backtest_title": "sheets.SHEET_NAMES:backtest",
    "text.TEXT:form_blank": "problems.WORDS:blank",
    "text.TEXT:form_allowed_value": "problems.WORDS:a_number",
    "text.TEXT:name_sep": "problems.WORDS:and",
    "text.TEXT:unnamed": "sheets.UNNAMED:_",
    "text.TEXT:scenario_baseline_name": "sheets.BASELINE_NAME:_",
    "text.TEXT:series_baseline": "sheets.BASELINE_NAME:_",
    "text.TEXT:col_unit": "sheets.COMMON_HEADERS:unit",
    "text.TEXT:col_publication": "sheets.COMMON_HEADERS:publication",
    "text.TEXT:deck_col_publication": "sheets.COMMON_HEADERS:publication",
    "text.TEXT:field_publication": "sheets.COMMON_HEADERS:publication",
    "text.TEXT:help_publication": "sheets.COMMON_HEADERS:publication",
    "text.TEXT:deck_col_date": "sheets.COMMON_HEADERS:date",
    "text.TEXT:col_url": "sheets.COMMON_HEADERS:url",
    "text.TEXT:help_url": "sheets.COMMON_HEADERS:url",
    "text.TEXT:col_confidence": "sheets.COMMON_HEADERS:confidence",
    "text.TEXT:field_confidence": "sheets.COMMON_HEADERS:confidence",
    "text.TEXT:col_region": "sheets.COMMON_HEADERS:region",
    "text.TEXT:field_region": "sheets.COMMON_HEADERS:region",
    "text.TEXT:col_key": "sheets.COMMON_HEADERS:key",
    "text.TEXT:col_provenance": "sheets.COMMON_HEADERS:provenance",
    "text.TEXT:col_reason": "sheets.COMMON_HEADERS:reasoning",
    "text.TEXT:value": "sheets.COMMON_HEADERS:value",
    "text.TEXT:col_parameter": "sheets.SHEET_HEADERS.parameters:label",
    "text.TEXT:col_investment": "sheets.SHEET_HEADERS.projects:investment",
    "text.TEXT:col_target": "sheets.SHEET_HEADERS.targets:label",
    "text.TEXT:col_period": "sheets.SHEET_HEADERS.history:period",
    "text.TEXT:col_note": "sheets.SHEET_HEADERS.history:note",
    "text.TEXT:field_period": "sheets.SHEET_HEADERS.backtest:period",
    "text.TEXT:col_official_pct": "sheets.SHEET_HEADERS.backtest:official_pct",
    "text.TEXT:deck_col_official": "sheets.SHEET_HEADERS.backtest:official_pct",
    "text.TEXT:col_projected_pct": "sheets.SHEET_HEADERS.backtest:projected_pct",
    "text.TEXT:deck_col_projected": "sheets.SHEET_HEADERS.backtest:projected_pct",
    "text.TEXT:region_dezhou": "sheets.VALUE_WORDS.region:dezhou",
    "text.TEXT:region_shandong": "sheets.VALUE_WORDS.region:shandong",
    "text.TEXT:yes": "sheets.YES_NO:yes",
    "text.TEXT:no": "sheets.YES_NO:no",
    "text.TEXT:period_full": "sheets._PERIODS:full-year",
    "text.TEXT:period_q1": "sheets._PERIODS:Q1",
    "text.TEXT:period_h1": "sheets._PERIODS:H1",
    "text.TEXT:hist_metric_ti_growth_pct": "sheets.METRIC_NAMES:ti_growth_pct",
    "text.TEXT:published": "status.WORDS:published",
    "text.TEXT:deck_published": "status.WORDS:published",
    "text.TEXT:projected": "status.WORDS:projected",
    "text.TEXT:tab_scenario": "text.TEXT:this_scenario",
    "text.TEXT:goal_kind_va": "text.TEXT:target_metric_level",
    "text.TEXT:goal_kind_growth": "text.TEXT:cmp_avg_growth_pct",
    "text.TEXT:deck_channel_capacity_policy_va": "text.TEXT:group_economy_capacity",
    "text.TEXT:target_metric_revenue": "text.TEXT:hist_metric_revenue_level",
    "sheets.SHEET_HEADERS.backtest:status": "csv_export.LABELS:status",
    "problems.FIELDS:full_output": "sheets.SHEET_HEADERS.projects:full_output",
    "problems.FIELDS:first_year": "sheets.SHEET_HEADERS.projects:first_year",
    "problems.FIELDS:included": "sheets.SHEET_HEADERS.projects:included",
    "problems.FIELDS:target_year": "sheets.SHEET_HEADERS.targets:year",
    "problems.FIELDS:year": "sheets.SHEET_HEADERS.targets:year",
    "problems.FIELDS:value": "sheets.SHEET_HEADERS.targets:target",
    "problems.FIELDS:from_year": "sheets.SHEET_HEADERS.targets:from_year",
    "problems.FIELDS:parameters": "sheets.SHEET_NAMES:parameters",
    "problems.FIELDS:projects": "sheets.SHEET_NAMES:projects",
    "problems.FIELDS:targets": "sheets.SHEET_NAMES:targets",
    "sheets.SHEET_HEADERS.parameters:provenance_name": "sheets.COMMON_HEADERS:provenance",
}


@cache
def load(lang: Lang) -> dict[str, dict[str, str]]:
    """Every section of one language's file."""
    with open(FOLDER / f"{lang}.toml", "rb") as f:
        return tomllib.load(f)


def table(section: str) -> dict[str, dict[str, str]]:
    """One section in both languages: ``{key: {"zh": …, "en": …}}`` (a key missing in one language is an error)."""
    zh, en = load("zh")[section], load("en")[section]
    if zh.keys() != en.keys():
        raise KeyError(f"{section}: keys differ between zh.toml and en.toml: {sorted(zh.keys() ^ en.keys())}")
    out = {k: {"zh": zh[k], "en": en[k]} for k in zh}
    for key, kept in SAME_AS.items():
        where, _, name = key.rpartition(":")
        if where == section:
            kept_section, _, kept_name = kept.rpartition(":")
            out[name] = {lang: load(lang)[kept_section][kept_name] for lang in LANGS}
    return out


def pair(section: str) -> dict[str, str]:
    """A section of one string: ``{"zh": …, "en": …}``."""
    return {lang: load(lang)[section]["_"] for lang in LANGS}


def tables(prefix: str) -> dict[str, dict[str, dict[str, str]]]:
    """Every section named ``prefix.NAME``, in the file's order: ``{NAME: table(…)}`` (a sheet's headers,
    a column's words)."""
    return {s.removeprefix(prefix + "."): table(s) for s in load("zh") if s.startswith(prefix + ".")}
