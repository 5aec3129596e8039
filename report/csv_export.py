"""Result frames → file bytes (CSV, JSON, the data dictionary), model version 2. No streamlit here.

CSV: UTF-8 with a byte-order mark so that Excel on Windows reads Chinese, one header row, full
precision (Python's shortest round-trip repr of each float), blank cells for the growth columns of
the base year. The header holds the column keys (the command line's files, for programs) or, for a
file in a language (the page's downloads), each column's label with its unit in that language
("规上工业增加值（亿元）"); the data dictionary pairs each label with its key, and
:func:`csv_to_frame` reads either header back to the keys. The columns' labels, units and descriptions
are the strings catalogue's (``[csv_export.LABELS]``, ``[csv_export.DESCRIPTIONS]``, ``[units]``).
"""

from __future__ import annotations

import csv
import io
import json
import math
from functools import cache
from typing import Any

import pandas as pd

from model.history import History
from model.lang import LANGS, Lang
from model.parameters import Scenario
from report import catalogue

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Stop a spreadsheet from reading user text as a formula (OWASP's CSV-injection advice)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


SCENARIO_HEADER = catalogue.pair("csv_export.SCENARIO_HEADER")
# The result columns, in their order: each one's name and description; the units, each written once.
LABELS = catalogue.table("csv_export.LABELS")
DESCRIPTIONS = catalogue.table("csv_export.DESCRIPTIONS")
UNITS = catalogue.table("units")
# Each result column's unit (a key of UNITS); status has none.
_COLUMNS_BY_UNIT = {
    "year": ("year",),
    "percent": ("growth_pct", "growth_total_pct"),
    "index": ("va_index", "ti_index", "province_index"),
    "yuan": (
        *("va_baseline", "fund_investment", "fund_capital", "mobilized_investment", "cum_fund_investment"),
        *("project_investment", "fund_output", "project_output", "newcap_va", "plan_newcap_va"),
        *("ti_policy_va", "capacity_policy_va", "policy_va", "va_total", "revenue"),
    ),
}
COLUMN_UNITS = {column: unit for unit, columns in _COLUMNS_BY_UNIT.items() for column in columns}


def column_unit(key: str, lang: Lang) -> str:
    """A result column's unit in ``lang`` ("" for one without: status)."""
    return UNITS[COLUMN_UNITS[key]][lang] if key in COLUMN_UNITS else ""


def column_header(key: str, lang: Lang) -> str:
    """A result column's label with its unit in ``lang``: "规上工业增加值（亿元）", "Year"."""
    if key == "scenario":
        return SCENARIO_HEADER[lang]
    label, unit = LABELS[key][lang], column_unit(key, lang)
    if not unit or key == "year":
        return label
    return f"{label}（{unit}）" if lang == "zh" else f"{label} ({unit})"


def header_keys() -> dict[str, str]:
    """Every label :func:`column_header` writes, in either language → its key."""
    keys = ["scenario", *LABELS]
    return {column_header(key, lang): key for key in keys for lang in LANGS}


def frame_to_csv(frame: pd.DataFrame, lang: Lang | None, history: History | None = None) -> bytes:
    """A frame as CSV bytes for Excel: BOM, full precision, user text neutralised; the header holds
    the keys (``lang`` None: the file for programs, in no language), or with ``lang`` the labels in
    that language (:func:`column_header`) and a result table's ``status`` in words (已公布 /
    估算（1—N月） / 推算 / 基年, the months of an estimated year from ``history``, the official figures
    the table was computed with; programs read the keys' file, which keeps the codes)."""
    safe = frame.copy()
    if lang in LANGS and "status" in safe.columns and "year" in safe.columns:
        from report.status import status_words

        if history is None:
            raise TypeError("frame_to_csv: a result table in words needs the history it was computed with")
        safe["status"] = status_words(safe, lang, history)
    if lang in LANGS:
        safe.columns = [column_header(c, lang) for c in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return (BOM + safe.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


@cache
def column_dictionary() -> pd.DataFrame:
    """The data dictionary of the result columns (one row each, in their order): key, units, labels
    and descriptions in both languages, from the strings catalogue."""
    rows = [
        {
            "key": key,
            "unit_zh": column_unit(key, "zh"),
            "unit_en": column_unit(key, "en"),
            "label_zh": LABELS[key]["zh"],
            "label_en": LABELS[key]["en"],
            "description_en": DESCRIPTIONS[key]["en"],
            "description_zh": DESCRIPTIONS[key]["zh"],
        }
        for key in LABELS
    ]
    return pd.DataFrame(rows)


def dictionary_csv(lang: Lang | None) -> bytes:
    """The data dictionary as CSV: its header holds the keys (``lang`` None) or names each column in ``lang``."""
    frame = column_dictionary()
    if lang in LANGS:
        from report.sheets import header_label  # report.sheets reads this module's labels

        frame = frame.rename(columns={c: header_label("dictionary", c, lang) for c in frame.columns})
    return frame_to_csv(frame, lang=None)  # already labelled above: the header is not translated again


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def result_json(frame: pd.DataFrame, scenario: Scenario, name: str = "") -> bytes:
    """The scenario (re-usable as a scenario file) with its result rows: ``name``, ``model_version``
    (3), ``parameters``, ``projects`` (when any were added), ``targets`` (the scenario's own, always
    present, empty when none) and ``results``."""
    rows = [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
    doc = {"name": name, **scenario.to_doc()}
    doc.setdefault("targets", [])
    doc["results"] = rows
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def write_csv_rows(rows: list[dict[str, Any]]) -> str:
    """Plain CSV text of a few rows (for command-line listings)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
