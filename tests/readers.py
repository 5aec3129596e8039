"""Readers of the files the app writes, for the tests: each reads back what a writer in report/
wrote (a CSV, the long CSV, the workbook), in either language, with the keys as column names; and
the texts and pictures of a slide of a deck."""

from __future__ import annotations

import csv
import io
from typing import Any

import pandas as pd
from pptx.enum.shapes import MSO_SHAPE_TYPE

from model.lang import LANGS
from model.parameters import load_parameters
from model.projection import RESULT_COLUMNS
from report.csv_export import header_keys
from report.sheets import SHEET_NAMES, WORD_COLUMNS, code_of


def read_long_csv(data: bytes) -> pd.DataFrame:
    """Read back what :func:`report.scenario_exports.long_csv` wrote, keys or labels in either
    language in its header (the columns come back as keys). Scenario names stay text ("2030", "NA"
    included); only the result columns' blank cells become NaN. Neutralised names keep their leading quote."""
    numeric = [c for c in RESULT_COLUMNS if c not in ("year", "status")]
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))), [])
    labels = header_keys()
    frame = pd.read_csv(
        io.BytesIO(data),
        encoding="utf-8-sig",
        header=0,
        names=[labels.get(h, h) for h in header],
        dtype={"scenario": str, "status": str},
        keep_default_na=False,
        na_values={c: [""] for c in numeric},
    )
    if "status" in frame.columns:  # the words of a file for people come back as codes
        back = {**code_of("status", "zh"), **code_of("status", "en")}
        frame["status"] = frame["status"].map(lambda v: back.get(v, v))
    return frame


def read_workbook(data: bytes) -> dict[str, pd.DataFrame]:
    """Read back every sheet of :func:`report.scenario_exports.workbook_xlsx`, in either language,
    keyed by :data:`report.sheets.SHEETS`, with the keys as column names (the second header row),
    the codes the words stand for, and the types it was written with.

    Names stay text ("NA" and "2030" included); only blank cells of number columns become NaN. (The
    parameters sheet holds a column per scenario whose cells mix switches, whole numbers and
    numbers: they come back as Python values, whole-valued floats as integers.) pandas alone reads
    a whole-valued float column such as 35.0 as integers; the dtypes here prevent that, so the
    results sheet equals :func:`report.scenario_exports.long_frame` exactly.
    """
    numeric = [c for c in RESULT_COLUMNS if c not in ("year", "status")]
    options: dict[str, dict[str, Any]] = {
        "results": {
            "dtype": {"scenario": str, "year": "int64", "status": str, **dict.fromkeys(numeric, float)},
            "na_values": {c: [""] for c in numeric},
        },
        "parameters": {"dtype": object, "na_values": {"min": [""], "max": [""]}},
        "projects": {"dtype": {"scenario": str, "name": str}},
        "targets": {
            "dtype": {"scenario": str, "label": str},
            "na_values": {c: [""] for c in ("from_year", "achieved", "gap")},
        },
        "history": {"na_values": {"value": [""]}},
        "backtest": {},
        "dictionary": {},
        "sources": {"na_values": {"min": [""], "max": [""]}},
    }
    named = {names[lang]: (key, lang) for key, names in SHEET_NAMES.items() for lang in LANGS}
    out = {}
    with pd.ExcelFile(io.BytesIO(data), engine="openpyxl") as book:
        for sheet_name in book.sheet_names:
            key, lang = named.get(sheet_name, (sheet_name, "zh"))
            frame = pd.read_excel(book, sheet_name=sheet_name, header=1, keep_default_na=False, **options.get(key, {}))
            for column in (
                c for c in (*WORD_COLUMNS.get(key, ()), *(("status",) if key == "results" else ())) if c in frame
            ):
                back = code_of(column, lang)
                frame[column] = frame[column].map(lambda v, back=back: back.get(v, v) if isinstance(v, str) else v)
                if frame[column].map(lambda v: isinstance(v, bool)).all():
                    frame[column] = frame[column].astype(bool)
            if key in ("parameters", "sources") and "key" in frame:  # a switch's 是/否 (Yes/No) → True/False
                switches = frame["key"].isin([k for k, spec in load_parameters().items() if spec.kind == "bool"])
                words = code_of("used", lang)
                for column in frame.columns:
                    if frame[column].dtype == object:
                        frame.loc[switches, column] = frame.loc[switches, column].map(
                            lambda v, words=words: words.get(v, v) if isinstance(v, str) else v
                        )
            out[key] = frame
    return out


def csv_to_frame(data: bytes) -> pd.DataFrame:
    """Read back what :func:`report.csv_export.frame_to_csv` wrote, keys or labels in either language, with the keys
    as column names; a result table's status words (a file for people) come back as their codes."""
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig").rename(columns=header_keys())
    if "status" in frame.columns:
        back = {**code_of("status", "zh"), **code_of("status", "en")}
        frame["status"] = frame["status"].map(lambda v: back.get(v, v))
    return frame


def slide_texts(slide) -> list[str]:
    """Every piece of text on a slide: text boxes, placeholders, shapes and table cells."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def slide_text(slide) -> str:
    """Every piece of text on a slide, one a line (``slide_texts``)."""
    return "\n".join(slide_texts(slide))


def slide_pictures(slide) -> list:
    """The pictures on a slide (shapes), in order."""
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
