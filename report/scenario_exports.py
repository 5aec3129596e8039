"""Exports of several named scenarios at once: JSON, a long CSV, a comparison table, a workbook.

No streamlit here. Every export carries full precision; text typed by a user (scenario names) that
a spreadsheet would read as a formula is neutralised (report.csv_export.neutralise) in CSV and XLSX.
"""

from __future__ import annotations

import io
import json
import math
import numbers
import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pandas as pd

from model.history import History
from model.lang import Lang
from model.parameters import ScenarioError, load_parameters
from model.problems import Problem, problem
from model.results import Results, ScenarioResult
from model.scenario_file import NamedScenario, parse_scenario_bytes
from model.sources import ARTICLE, load_facts
from report.csv_export import COLUMN_UNITS, column_dictionary, column_unit, frame_to_csv, neutralise
from report.sheets import (
    SHEET_NAMES,
    WORD_COLUMNS,
    display_name,
    header_label,
    history_table,
    number_format,
    parameter_table,
    target_table,
    word,
)
from report.status import status_words
from report.text import t

FORMAT_VERSION = 1
_OPTIONAL_TEXT = ("name_en", "description_zh", "description_en")  # presets carry these
COMPARE_COLUMNS = (
    "scenario",
    "final_year",
    "va_total",
    "avg_growth_pct",
    "cum_fund_investment",
    "policy_va",
    "va_diff_vs_defaults",
)
SHEETS = ("results", "parameters", "projects", "targets", "history", "backtest", "dictionary", "sources")
# Characters XML 1.0 cannot hold; openpyxl refuses them (its ILLEGAL_CHARACTERS_RE).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _require(items: Sequence[NamedScenario]) -> list[NamedScenario]:
    items = list(items)
    if not items:
        raise ScenarioError([problem("no_scenarios")])
    return items


def _doc(item: NamedScenario) -> dict[str, Any]:
    doc: dict[str, Any] = {"name": item.name, **item.scenario.to_doc()}
    for field in _OPTIONAL_TEXT:
        if getattr(item, field, ""):
            doc[field] = getattr(item, field)
    return doc


def scenarios_json(items: Sequence[NamedScenario]) -> bytes:
    """``{"version": 1, "scenarios": [{"name", "parameters"}, ...]}`` as UTF-8; parse_scenario_bytes
    reads it back to the same scenarios."""
    doc = {"version": FORMAT_VERSION, "scenarios": [_doc(item) for item in _require(items)]}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def parse_import(data: bytes, source: str, *, limit: int) -> list[NamedScenario]:
    """A file to import into the library, checked whole: at most ``limit`` scenarios (counted before
    any is validated, so a huge file costs little), and every problem of every scenario listed
    together with each name given twice. Raises ScenarioError; nothing of a bad file is used.

    Unnamed scenarios are not duplicates of each other (the page numbers them)."""
    try:
        doc = json.loads(data.decode("utf-8-sig")) if len(data) <= MAX_IMPORT_PEEK else None
    except (ValueError, RecursionError):
        doc = None  # parse_scenario_bytes names the problem
    docs = doc.get("scenarios") if isinstance(doc, dict) and "scenarios" in doc else [doc]
    if isinstance(docs, list) and len(docs) > limit:
        raise ScenarioError([problem("too_many_in_file", count=len(docs), limit=limit).at("file", source)])
    problems: list[Problem] = []
    items: list[NamedScenario] = []
    try:
        items = parse_scenario_bytes(data, source)
    except ScenarioError as e:
        problems.extend(e.problems)
    first: dict[str, int] = {}
    for n, item in enumerate(docs if isinstance(docs, list) else [], 1):
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        name = name.strip()
        if name in first:
            problems.append(problem("name_twice", name=name, first=first[name]).at("scenario", n).at("file", source))
        first.setdefault(name, n)
    if problems:
        raise ScenarioError(problems)
    return items


MAX_IMPORT_PEEK = 10_000_000  # parse_scenario_bytes refuses far smaller files; don't decode more to count


def _scenarios(results: Results) -> tuple[ScenarioResult, ...]:
    if not results.scenarios:
        raise ScenarioError([problem("no_scenarios")])
    return results.scenarios


def long_frame(results: Results) -> pd.DataFrame:
    """Every scenario's result table stacked: ``scenario, year, …`` (docs/model.md's result columns)."""
    frames = []
    for r in _scenarios(results):
        frame = r.frame.copy()
        frame.insert(0, "scenario", r.name)
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    out["scenario"] = out["scenario"].astype(str)
    return out


def long_csv(results: Results, lang: Lang | None) -> bytes:
    """The long frame as CSV for Excel (BOM, full precision, scenario names neutralised); the header
    holds the keys, or with ``lang`` each column's label with its unit in that language."""
    return frame_to_csv(long_frame(results), lang, results.history)


def results_json(results: Results) -> bytes:
    """A JSON list, one object per scenario: ``name``, ``model_version`` (2), ``parameters``,
    ``projects`` (when any were added), ``targets`` (the scenario's own, always present) and
    ``results`` (the rows as objects). Each object is itself a scenario file the page re-imports."""
    out = []
    for r in _scenarios(results):
        frame = r.frame.astype(object)
        rows = frame.where(frame.notna(), None).to_dict(orient="records")
        doc = {"name": r.name, **r.scenario.to_doc()}
        doc.setdefault("targets", [])
        out.append({**doc, "results": rows})
    return (json.dumps(out, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def compare_table(results: Results) -> pd.DataFrame:
    """One row per scenario with the headline figures of its last year.

    ``policy_va`` is what its levers change in that year against the article's plan (docs/model.md v2,
    equation 9: the levers alone, the economy as the scenario assumes it). ``va_diff_vs_defaults`` is
    its whole difference from the article's defaults run to the same last year (levers and economy
    assumptions together). Where the results were computed against a ``baseline``
    (model.results.compute_results), ``va_diff_vs_baseline`` does the same against it.
    """
    rows = []
    for r in _scenarios(results):
        head = r.headline
        year = head["final_year"]
        row = {
            "scenario": r.name,
            "final_year": year,
            "va_total": head["va_total"],
            "avg_growth_pct": head["avg_growth_pct"],
            "cum_fund_investment": head["cum_fund_investment"],
            "policy_va": head["policy_va"],
            "va_diff_vs_defaults": head["va_total"] - r.defaults["va_total"],
        }
        if r.against is not None:
            row["va_diff_vs_baseline"] = head["va_total"] - r.against["va_total"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["scenario"] = frame["scenario"].astype(str)
    return frame


PROJECT_COLUMNS = ("scenario", "name", "investment", "full_output", "first_year", "included")


def projects_frame(items: Sequence[NamedScenario]) -> pd.DataFrame:
    """One row per project a scenario added to the named ones (the pipeline), with its scenario."""
    rows = [{"scenario": item.name, **p.to_dict()} for item in _require(items) for p in item.scenario.projects]
    return pd.DataFrame(rows, columns=list(PROJECT_COLUMNS))


def sources_frame(lang: Lang) -> pd.DataFrame:
    """Every parameter with its kind (``role``), provenance, publication, date, address, sentence and
    reasoning (in ``lang``), then every figure the article states, with its sentence."""
    rows: list[dict[str, Any]] = []
    for s in load_parameters().values():
        rows.append(
            {
                "type": "parameter",
                "key": s.key,
                "label": s.label(lang),
                "role": s.role,
                "value": s.default,
                "unit": s.unit(lang),
                "min": s.min,
                "max": s.max,
                "provenance": s.provenance,
                "source_zh": s.source_zh,
                "source_en": s.source_en,
                "publication": s.publication_name(lang),
                "date": s.date,
                "url": s.url,
                "why": s.reasoning(lang),
                "used_by": "",
            }
        )
    for fact in load_facts().to_dict(orient="records"):
        rows.append(
            {
                "type": "article fact",
                "key": fact["id"],
                "label": fact["label_zh"] if lang == "zh" else fact["label_en"],
                "role": "",
                "value": fact["value"],
                "unit": fact["unit_zh"] if lang == "zh" else fact["unit_en"],
                "min": None,
                "max": None,
                "provenance": "article",
                "source_zh": fact["quote_zh"],
                "source_en": fact["gloss_en"],
                "publication": t("article_name", lang) if lang in ("zh", "en") else ARTICLE,
                "date": "2023-11-03",
                "url": "",
                "why": "",
                "used_by": fact["used_by"],
            }
        )
    return pd.DataFrame(rows)


def _cell_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    # openpyxl refuses control characters XML cannot hold; a leading "=" would become a formula.
    return neutralise(_NOT_XML.sub("\ufffd", value))


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.columns = [_cell_text(c) for c in out.columns]  # scenario names head the parameters sheet
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_cell_text)
    return out


_precision_lock = threading.Lock()


def _cell_number(value: Any, fallback: Any) -> str:
    """A cell value as XML text; numbers in Python's shortest round-trip form."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if isinstance(value, numbers.Integral):
            return str(int(value))
        number = float(value)
        if math.isfinite(number):
            return repr(number)
    return fallback(value)


@contextmanager
def _full_precision() -> Iterator[None]:
    # openpyxl writes numbers as "%.16g", which loses the last digit of some doubles; exports must
    # give back exactly what the model computed (docs/model.md). Swap its formatter while we write.
    import openpyxl.cell._writer as writer  # only when writing a workbook: keeps imports light

    with _precision_lock:
        original = writer.safe_string
        writer.safe_string = lambda value: _cell_number(value, original)
        try:
            yield
        finally:
            writer.safe_string = original


def workbook_xlsx(results: Results, lang: Lang) -> bytes:
    """An Excel workbook in ``lang`` (model version 2), one sheet each (named in ``lang``):

    results (the long frame), parameters (a row per parameter, economy assumptions, policy levers and
    choices apart, a column per scenario, with provenance, publication, date, address, sentence and
    reasoning), projects (the added ones), targets (official and each scenario's own, with the gap),
    history (every official figure with its sentence), backtest, dictionary (the result columns),
    sources.

    Each sheet has two header rows, repeated on every printed page: the column's label with its unit
    in ``lang``, and under it the key. Codes (region, period, confidence, kind…) are written as words
    in ``lang``. Numbers are written at full precision and shown with a number format (亿元 one
    decimal, % two, ratios two or three), a text one step in from a number before it; columns are as
    wide as their header and contents, long texts wrap in rows as tall as they need; every sheet
    prints landscape at 100 % (10 pt), pages across with the header rows (and on the results sheet the
    scenario and year) repeated. Scenario names are as the user gave them (English names in English),
    the baseline in ``lang``. :func:`read_workbook` gives back the
    tables with keys and codes; its results sheet equals the long frame exactly (scenario names
    neutralised as in the CSV).
    """
    lang = lang if lang in ("zh", "en") else "zh"
    results = results.renamed([display_name(r.item, lang) for r in _scenarios(results)])
    items = results.items
    sheets = {
        "results": long_frame(results),
        "parameters": parameter_table(items, lang),
        "projects": projects_frame(items),
        "targets": target_table(results, lang),
        "history": history_table(results.history, lang),
        "backtest": results.backtest[lang],
        "dictionary": column_dictionary(),
        "sources": sources_frame(lang),
    }
    buf = io.BytesIO()
    with _full_precision(), pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for key, frame in sheets.items():
            name = SHEET_NAMES[key][lang]
            shown = _safe(_in_words(key, frame, lang, results.history))
            shown.to_excel(writer, sheet_name=name, index=False, startrow=1)  # the keys in row 2
            _dress(writer.sheets[name], key, frame, list(shown.columns), lang, [i.name for i in items])
    return buf.getvalue()


def _in_words(sheet: str, frame: pd.DataFrame, lang: Lang, history: History) -> pd.DataFrame:
    out = frame.copy()
    if sheet == "results":  # a year's status in words, an estimated year with its months
        out["status"] = status_words(frame, lang, history).astype(object)
    for column in WORD_COLUMNS.get(sheet, ()):
        if column in out:
            out[column] = out[column].map(lambda v, c=column: word(c, v, lang)).astype(object)
    if sheet in ("parameters", "sources"):  # a switch reads 是/否 (Yes/No) in every column, the default's included
        specs = load_parameters()
        switches = out["key"].map(lambda k: k in specs and specs[k].kind == "bool")
        if sheet == "parameters":
            first, stop = out.columns.get_loc("default"), out.columns.get_loc("provenance")
            columns = list(out.columns[first:stop])
        else:
            columns = ["value", "min", "max"]
        for column in columns:
            out[column] = out[column].astype(object)
            out.loc[switches, column] = out.loc[switches, column].map(
                lambda v: word("used", bool(v), lang) if isinstance(v, (bool, int, float)) and v == v else v
            )
    return out


WRAP_WIDTH = 48  # a column of long texts is this wide and its cells wrap (beside a title column: one page)
HEADER_FILL, KEY_FONT = "DCE6F1", "808080"
BODY_PT = 10  # printed at 100 %: every character at 10 pt (9 pt for the keys), above the 8 pt floor
FONT_NAMES = {"zh": "Microsoft YaHei", "en": "Arial"}  # on every Windows; LibreOffice maps them (Noto CJK)
PRINT_TITLE_COLUMNS = {"results": "A:B", "parameters": "D:D", "targets": "E:E", "sources": "C:C"}
NAME_WIDTH = 24  # a scenario's name wraps past this width
TITLE_WIDTH = 28  # a column repeated at the left of every page wraps past this width


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)  # repeated at the left of every page printed across


LINE_PT = {"cjk": 14.5, "latin": 13.0}  # a line of 10 pt text: CJK fonts set lines further apart


def text_width(text: str) -> int:
    """Characters a text takes in a spreadsheet column: a CJK character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _shown_text(value: Any, fmt: str | None) -> str:
    if isinstance(value, bool) or value is None:
        return str(value) if value is not None else ""
    if isinstance(value, numbers.Real):
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        if fmt and fmt != "General":
            decimals = len(fmt.partition(".")[2])
            return f"{value:,.{decimals}f}" if "," in fmt else f"{value:.{decimals}f}"
        return f"{value:g}"
    return str(value)


def _cell_formats(sheet: str, frame: pd.DataFrame) -> dict[str, list[str | None]]:
    """Column → a number format per row (None: a text or a switch, left as it is)."""
    n = len(frame)
    specs = load_parameters()

    def every(fmt: str) -> list[str | None]:
        return [fmt] * n

    formats: dict[str, list[str | None]] = {}
    if sheet == "results":
        for column in frame.columns:
            if column in COLUMN_UNITS:  # every result column but status
                formats[column] = every(number_format(column_unit(column, "zh")))
    elif sheet == "parameters":
        per_row = [number_format(specs[k].unit("zh"), specs[k].step, specs[k].kind) for k in frame["key"]]
        for column in frame.columns[frame.columns.get_loc("default") : frame.columns.get_loc("provenance")]:
            formats[column] = per_row
    elif sheet == "projects":
        formats = {"investment": every("#,##0.0"), "full_output": every("#,##0.0"), "first_year": every("0")}
    elif sheet == "targets":
        per_row = [number_format(unit) for unit in frame["unit"]]
        formats = {"target": per_row, "achieved": per_row, "gap": per_row, "year": every("0"), "from_year": every("0")}
    elif sheet == "history":
        formats = {"year": every("0"), "value": [number_format(METRIC_UNITS.get(m, "")) for m in frame["metric"]]}
    elif sheet == "backtest":
        formats = {"year": every("0")} | {c: every("0.00") for c in ("official_pct", "projected_pct", "error_pts")}
    elif sheet == "sources":
        per_row = [
            number_format(specs[k].unit("zh"), specs[k].step, specs[k].kind)
            if kind == "parameter"
            else _fact_format(v, unit)
            for k, kind, v, unit in zip(frame["key"], frame["type"], frame["value"], frame["unit"], strict=True)
        ]
        formats = {"value": per_row, "min": per_row, "max": per_row}
    return formats


METRIC_UNITS = {"va_level": "亿元", "revenue": "亿元", "va_growth_pct": "%", "ti_growth_pct": "%"}


def _fact_format(value: Any, unit: str = "") -> str:
    if unit in ("年", "year", "years"):  # a year: 2021, never 2,021
        return "0"
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return "#,##0"
    return "#,##0.0#"


def _lines(text: str, width: float) -> int:
    """Lines a text wraps to in a column ``width`` characters wide (CJK characters count two)."""
    room = max(width - 2.5, 4.0)  # the indent and the cell's padding
    return sum(max(1, math.ceil(text_width(part) * 1.1 / room)) for part in str(text).split("\n"))


def _row_height(texts: list[tuple[str, float, bool]]) -> float | None:
    """Points a row needs for its wrapped texts ((text, column width, wraps)); None: the default."""
    lines, cjk = 1, False
    for text, width, wraps in texts:
        if not text:
            continue
        cjk = cjk or any(unicodedata.east_asian_width(ch) in "WF" for ch in text)
        lines = max(lines, _lines(text, width) if wraps else text.count("\n") + 1)
    return lines * LINE_PT["cjk" if cjk else "latin"] + 4


def _dress(ws: Any, sheet: str, frame: pd.DataFrame, keys: list[str], lang: Lang, names: Sequence[str] = ()) -> None:
    """Labels above the keys, number formats, widths, wrapping with row heights that fit, frozen
    headers and a print setup at 100 % (pages across with the headers repeated, never shrunk)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill
    from openpyxl.utils import get_column_letter

    formats = _cell_formats(sheet, frame)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    font = FONT_NAMES[lang]
    widths: list[float] = []
    wraps: list[bool] = []
    for n, (column, key) in enumerate(zip(frame.columns, keys, strict=True), start=1):
        label = _cell_text(header_label(sheet, column, lang)) if column == key else key
        top = ws.cell(row=1, column=n, value=label)
        top.font, top.fill = Font(name=font, size=BODY_PT, bold=True), fill
        top.alignment = Alignment(wrap_text=True, vertical="top", indent=1)
        below = ws.cell(row=2, column=n)
        below.font, below.fill = Font(name=font, color=KEY_FONT, size=BODY_PT - 1), fill
        below.border = Border()
        below.alignment = Alignment(vertical="top", indent=1)
        per_row = formats.get(column)
        sizes = [min(text_width(label), 24), text_width(key)]
        cells = [row[0] for row in ws.iter_rows(min_row=3, min_col=n, max_col=n)]
        for r, cell in enumerate(cells):
            fmt = per_row[r] if per_row else None
            if fmt and isinstance(cell.value, numbers.Real) and not isinstance(cell.value, bool):
                cell.number_format = fmt
            shown = _shown_text(cell.value, fmt)
            sizes.append(max((text_width(part) for part in shown.split("\n")), default=0))
        width = max(sizes) + 3
        widest = NAME_WIDTH if column == "scenario" or column in names else WRAP_WIDTH
        if _letter(n) in PRINT_TITLE_COLUMNS.get(sheet, "").split(":"):
            widest = TITLE_WIDTH  # repeated on every page: narrow, so that the widest column fits beside it
        wrap = width > widest or any(isinstance(c.value, str) and "\n" in c.value for c in cells)
        width = min(width, widest)
        if wrap:
            below.alignment = Alignment(vertical="top", indent=1, wrap_text=True)
        for cell in cells:
            number = isinstance(cell.value, numbers.Real) and not isinstance(cell.value, bool)
            cell.font = Font(name=font, size=BODY_PT)
            # Text one step in from the left: never glued to a number right-aligned in the cell before.
            cell.alignment = Alignment(
                wrap_text=wrap, vertical="top", horizontal="right" if number else "left", indent=0 if number else 1
            )
        ws.column_dimensions[get_column_letter(n)].width = width
        widths.append(width)
        wraps.append(wrap)
    for r, row in enumerate(ws.iter_rows(min_row=1), start=1):
        texts = [
            (_shown_text(cell.value, None) if isinstance(cell.value, str) else "", widths[c], wraps[c] or r <= 2)
            for c, cell in enumerate(row)
        ]
        ws.row_dimensions[r].height = _row_height(texts)
    ws.freeze_panes = "C3" if sheet == "results" else "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(max(len(keys), 1))}{max(ws.max_row, 2)}"
    ws.print_title_rows = "1:2"
    if sheet in PRINT_TITLE_COLUMNS:
        ws.print_title_cols = PRINT_TITLE_COLUMNS[sheet]
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = 100
    ws.page_setup.pageOrder = "overThenDown"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
