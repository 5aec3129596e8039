"""Exported CSV: what Excel needs (BOM, one header row), full precision, and no formulas from user text."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.export import BOM, column_dictionary, csv_to_frame, frame_to_csv, neutralise
from model.parameters import default_scenario, load_parameters, make_scenario
from model.projection import RESULT_COLUMNS, project

GROWTH_COLUMNS = ["growth_trend_pct", "growth_total_pct"]


@pytest.fixture(scope="module")
def default_bytes() -> bytes:
    return frame_to_csv(project(default_scenario()))


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_begins_with_utf8_bom(default_bytes):
    assert default_bytes.startswith(b"\xef\xbb\xbf")
    assert not default_bytes.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert BOM.encode("utf-8") == b"\xef\xbb\xbf"


def test_one_header_row_of_keys(default_bytes):
    rows = csv_rows(default_bytes)
    assert rows[0] == list(RESULT_COLUMNS)
    assert [int(r[0]) for r in rows[1:]] == list(range(2023, 2031))  # data from the second row on


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
    back = csv_to_frame(frame_to_csv(frame))
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
    pd.testing.assert_frame_equal(csv_to_frame(frame_to_csv(frame)), frame, check_exact=True)


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
    rows = csv_rows(frame_to_csv(frame))
    assert rows[0] == ["name", "value", "count"]
    assert [r[0] for r in rows[1:]] == ["'=1+1", "'+x", "'-x", "'@x", "ok"]
    assert [float(r[1]) for r in rows[1:]] == [-1.5, -2.0, 0.0, 3.25, -1e-7]
    assert [r[1][0] for r in rows[1:]] == ["-", "-", "0", "3", "-"]
    assert [r[2] for r in rows[1:]] == ["-1", "-2", "0", "3", "4"]
    assert frame["name"].tolist() == ["=1+1", "+x", "-x", "@x", "ok"]  # the caller's frame is untouched


def test_negative_growth_is_written_as_a_number():
    frame = project(make_scenario({"growth_start": -5, "growth_end": -5}))
    header, *rows = csv_rows(frame_to_csv(frame))
    cells = [r[header.index("growth_trend_pct")] for r in rows[1:]]
    assert cells and all(c.startswith("-") for c in cells)
    assert np.allclose([float(c) for c in cells], -5.0)


def test_column_dictionary_covers_every_result_column():
    dictionary = column_dictionary()
    assert dictionary["key"].tolist() == list(RESULT_COLUMNS)
    for column in ["unit_zh", "unit_en", "label_zh", "label_en"]:
        assert (dictionary[column].str.strip() != "").all(), column


@pytest.mark.parametrize(
    ("key", "unit_zh", "unit_en"),
    [
        ("va_total", "亿元", "100 million yuan"),
        ("fund_investment", "亿元", "100 million yuan"),
        ("growth_total_pct", "%", "%"),
        ("va_index", "2023=100", "2023=100"),
        ("year", "年", "year"),
    ],
)
def test_column_dictionary_units(key, unit_zh, unit_en):
    row = column_dictionary().set_index("key").loc[key]
    assert (row["unit_zh"], row["unit_en"]) == (unit_zh, unit_en)
