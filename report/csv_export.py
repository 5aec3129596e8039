"""Result frames → file bytes (CSV, JSON, the data dictionary), model version 2. No streamlit here.

CSV: UTF-8 with a byte-order mark so that Excel on Windows reads Chinese, one header row, full
precision (Python's shortest round-trip repr of each float), blank cells for the growth columns of
the base year. The header holds the column keys (the command line's files, for programs) or, for a
file in a language (the page's downloads), each column's label with its unit in that language
("规上工业增加值（亿元）"); the data dictionary pairs each label with its key, and
:func:`csv_to_frame` reads either header back to the keys.
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
from model.lang import Lang
from model.parameters import DATA_DIR, Scenario
from report import catalogue

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Stop a spreadsheet from reading user text as a formula (OWASP's CSV-injection advice)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


SCENARIO_HEADER = catalogue.pair("csv_export.SCENARIO_HEADER")


def column_header(key: str, lang: str) -> str:
    """A result column's label with its unit in ``lang``: "规上工业增加值（亿元）", "Year"."""
    if key == "scenario":
        return SCENARIO_HEADER[lang]
    row = column_dictionary().set_index("key").loc[key]
    label, unit = row[f"label_{lang}"], row[f"unit_{lang}"]
    if not unit or key == "year":
        return label
    return f"{label}（{unit}）" if lang == "zh" else f"{label} ({unit})"


def header_keys() -> dict[str, str]:
    """Every label :func:`column_header` writes, in either language → its key."""
    keys = ["scenario", *column_dictionary()["key"]]
    return {column_header(key, lang): key for key in keys for lang in ("zh", "en")}


def frame_to_csv(frame: pd.DataFrame, lang: Lang | None = None, history: History | None = None) -> bytes:
    """A frame as CSV bytes for Excel: BOM, full precision, user text neutralised; the header holds
    the keys, or with ``lang`` the labels in that language (:func:`column_header`) and a result
    table's ``status`` in words (已公布 / 估算（1—N月） / 推算 / 基年, the months of an estimated year
    from ``history``, the official figures the table was computed with; programs read the keys'
    file, which keeps the codes)."""
    safe = frame.copy()
    if lang in ("zh", "en") and "status" in safe.columns and "year" in safe.columns:
        from report.status import status_words

        if history is None:
            raise TypeError("frame_to_csv: a result table in words needs the history it was computed with")
        safe["status"] = status_words(safe, lang, history)
    if lang in ("zh", "en"):
        safe.columns = [column_header(c, lang) for c in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return (BOM + safe.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


@cache
def column_dictionary() -> pd.DataFrame:
    """The data dictionary of the result columns: key, units and labels in both languages."""
    return pd.read_csv(DATA_DIR / "columns.csv", encoding="utf-8", keep_default_na=False)


def dictionary_csv(lang: str | None = None) -> bytes:
    """The data dictionary as CSV; with ``lang`` its header names each column in that language."""
    frame = column_dictionary()
    if lang in ("zh", "en"):
        from report.sheets import header_label  # report.sheets reads this module's labels

        frame = frame.rename(columns={c: header_label("dictionary", c, lang) for c in frame.columns})
    return frame_to_csv(frame)


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
