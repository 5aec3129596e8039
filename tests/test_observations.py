"""Observed outcomes: the shipped file, validation of rows a user adds, the chart's points."""

from __future__ import annotations

import pandas as pd
import pytest
from pagekit import chart_specs, run_page

from model.export import csv_to_frame
from model.observations import COLUMNS, load_observations, to_csv, validate
from ui.text import TEXT


def test_shipped_observations_name_their_publication() -> None:
    frame = load_observations()
    assert len(frame) >= 1
    assert all("德州日报" in s or "Statistic" in s or "统计" in s for s in frame["source"])


GOOD = {
    "year": 2025,
    "metric": "growth_total_pct",
    "value": 7.9,
    "source": "德州市统计局 2026-01",
    "confidence": "official",
}


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"year": 2022}, "year 2022"),
        ({"year": 2025.5}, "year 2025.5"),
        ({"year": "soon"}, "year 'soon'"),
        ({"metric": "gdp"}, "metric 'gdp'"),
        ({"value": "n/a"}, "value 'n/a'"),
        ({"value": float("inf")}, "value inf"),
        ({"source": "  "}, "source"),
        ({"confidence": "sure"}, "confidence 'sure'"),
    ],
)
def test_bad_rows_are_named_and_left_out(change: dict, named: str) -> None:
    frame = pd.DataFrame([GOOD, {**GOOD, **change}])
    good, problems = validate(frame)
    assert len(good) == 1
    assert len(problems) == 1 and problems[0].startswith("row 2:") and named in problems[0]
    assert "allowed" in problems[0] or named == "source"


def test_empty_editor_rows_are_skipped_and_csv_round_trips() -> None:
    frame = pd.DataFrame([GOOD, dict.fromkeys(COLUMNS)])
    good, problems = validate(frame)
    assert problems == [] and len(good) == 1
    back = csv_to_frame(to_csv(good))
    assert back.to_dict(orient="records") == good.to_dict(orient="records")


def test_missing_column_is_reported() -> None:
    good, problems = validate(pd.DataFrame([{"year": 2024}]))
    assert good.empty and "missing column" in problems[0]


def test_observed_points_are_drawn_against_growth() -> None:
    at = run_page(tab="tab_analysis")
    growth = next(s for s in chart_specs(at) if s["title"] == TEXT["growth_title"]["zh"])
    assert growth["layer"][1]["mark"]["shape"] == "diamond"
