"""Result frames → file bytes (CSV, JSON, the data dictionary), model version 2. No streamlit here.

CSV: UTF-8 with a byte-order mark so that Excel on Windows reads Chinese, one header row of the
keys, full precision (Python's shortest round-trip repr of each float), blank cells for the
growth columns of the base year.
"""

from __future__ import annotations

import csv
import io
import json
import math
from functools import cache
from typing import Any

import pandas as pd

from model.parameters import DATA_DIR, Scenario

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Stop a spreadsheet from reading user text as a formula (OWASP's CSV-injection advice)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def frame_to_csv(frame: pd.DataFrame) -> bytes:
    """A frame as CSV bytes for Excel: BOM, keys as header, full precision, user text neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return (BOM + safe.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


def csv_to_frame(data: bytes) -> pd.DataFrame:
    """Read back what :func:`frame_to_csv` wrote (used by tests and importers)."""
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")


@cache
def column_dictionary() -> pd.DataFrame:
    """The data dictionary of the result columns: key, units and labels in both languages."""
    return pd.read_csv(DATA_DIR / "columns.csv", encoding="utf-8", keep_default_na=False)


def dictionary_csv() -> bytes:
    return frame_to_csv(column_dictionary())


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def result_json(frame: pd.DataFrame, scenario: Scenario, name: str = "") -> bytes:
    """The scenario (re-usable as a scenario file) with its result rows: ``name``, ``model_version``
    (2), ``parameters``, ``projects`` (when any were added), ``targets`` (the scenario's own, always
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
