"""Observed outcomes: official figures published after the article, to hold against the projection.

``data/observations.csv`` has one row per figure: year, metric, value, source, confidence. Only
figures from a named publication belong there; the page lets a user add rows for a session and
download the result.
"""

from __future__ import annotations

import math
from functools import cache

import pandas as pd

from model.export import frame_to_csv
from model.parameters import BASE_YEAR, DATA_DIR

COLUMNS = ("year", "metric", "value", "source", "confidence")
METRICS = {"growth_total_pct": "%", "va_total": "亿元"}  # which result column a figure is compared with
CONFIDENCE = ("official", "preliminary", "partial-year")
LAST_YEAR = 2035


def validate(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Check every row; return the good rows and a sentence per problem (row numbers from 1)."""
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        return pd.DataFrame(columns=COLUMNS), [f"missing column(s): {', '.join(missing)}; needed: {', '.join(COLUMNS)}"]
    good, problems = [], []
    for n, row in enumerate(frame[list(COLUMNS)].itertuples(index=False), start=1):
        if all(v is None or (isinstance(v, float) and math.isnan(v)) or v == "" for v in row):
            continue  # an empty row left by the editor
        bad = []
        try:
            year = float(row.year)
            if not year.is_integer() or not BASE_YEAR <= year <= LAST_YEAR:
                raise ValueError
        except (TypeError, ValueError):
            bad.append(f"year {row.year!r}: allowed a whole year from {BASE_YEAR} to {LAST_YEAR}")
        if row.metric not in METRICS:
            bad.append(f"metric {row.metric!r}: allowed {', '.join(METRICS)}")
        try:
            value = float(row.value)
            if not math.isfinite(value):
                raise ValueError
        except (TypeError, ValueError):
            bad.append(f"value {row.value!r}: allowed a finite number")
        if not isinstance(row.source, str) or not row.source.strip():
            bad.append("source: name the publication (it cannot be empty)")
        if row.confidence not in CONFIDENCE:
            bad.append(f"confidence {row.confidence!r}: allowed {', '.join(CONFIDENCE)}")
        if bad:
            problems.append(f"row {n}: " + "; ".join(bad))
        else:
            good.append(
                {
                    "year": int(year),
                    "metric": row.metric,
                    "value": value,
                    "source": row.source.strip(),
                    "confidence": row.confidence,
                }
            )
    return pd.DataFrame(good, columns=list(COLUMNS)), problems


@cache
def load_observations() -> pd.DataFrame:
    """The shipped file, validated (a bad row there is a bug: it raises)."""
    frame = pd.read_csv(DATA_DIR / "observations.csv", encoding="utf-8", keep_default_na=False)
    good, problems = validate(frame)
    if problems:
        raise ValueError("data/observations.csv: " + "; ".join(problems))
    return good


def to_csv(frame: pd.DataFrame) -> bytes:
    """The rows as a file in the shape of ``data/observations.csv`` (UTF-8 with BOM for Excel)."""
    return frame_to_csv(frame[list(COLUMNS)])
