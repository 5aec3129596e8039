"""The tables the workbook and the deck share (model version 2), in the workbook's language.

- :func:`parameter_table`: every parameter a row, grouped by its kind (economy assumptions, then policy
  levers, then modelling choices: docs/model.md shows them apart), with each scenario's value, the default
  and where the default comes from (provenance, publication, date, address, sentence, reasoning).
- :func:`target_table`: every official target (``data/targets.csv``) and each scenario's own, with
  what the scenario achieves and the gap (achieved − target) where the model can check it.
- :func:`history_table`: every official figure of ``data/history.csv`` with its sentence, and whether
  the model uses it.

No streamlit and nothing from ``ui/`` here: the words these tables need in two languages are the
catalogue's (``report/strings``, sections ``sheets.*``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from model.history import PERIOD_MONTHS, REGIONS, History
from model.lang import LANGS, Lang
from model.parameters import LEVEL_METRICS, ParamSpec, load_parameters
from model.results import Results
from model.scenario_file import NamedScenario
from model.targets import Checked, load_targets
from report import catalogue
from report.csv_export import column_header
from report.status import ESTIMATED, status_word
from report.status import WORDS as STATUS_WORDS

ROLE_ORDER = ("economy", "lever", "choice")  # assumptions about the economy, policy levers, choices
ROLE_NAMES = catalogue.table("sheets.ROLE_NAMES")
PROVENANCE_NAMES = catalogue.table("sheets.PROVENANCE_NAMES")
UNNAMED = catalogue.pair("sheets.UNNAMED")
TARGET_SOURCES = catalogue.table("sheets.TARGET_SOURCES")
UNITS = catalogue.table("units")
# A user's target as an official row would name it: what it is about (metric) and of what kind.
OWN_METRICS = {"level": "va_level", "growth_year": "va_growth_pct", "growth_avg": "va_growth_pct", "revenue": "revenue"}

PARAMETER_HEAD = ("role", "role_name", "key", "label", "unit", "default", "min", "max")
PARAMETER_TAIL = (
    "provenance",
    "provenance_name",
    "publication",
    "date",
    "url",
    "sentence_zh",
    "sentence_en",
    "reasoning",
)
TARGET_COLUMNS = (
    "scenario",
    "source",
    "source_name",
    "id",
    "label",
    "region",
    "metric",
    "kind",
    "from_year",
    "year",
    "target",
    "unit",
    "achieved",
    "gap",
    "publication",
    "date",
    "url",
    "quote_zh",
    "confidence",
)
HISTORY_COLUMNS = (
    "year",
    "region",
    "metric",
    "period",
    "value",
    "confidence",
    "used",
    "publication",
    "date",
    "url",
    "quote_zh",
    "note",
)


def _lang(lang: Lang) -> Lang:
    return lang if lang in LANGS else "zh"


def grouped_specs() -> list[ParamSpec]:
    """Every parameter, economy assumptions first, then policy levers, then choices (file order within)."""
    specs = list(load_parameters().values())
    return sorted(specs, key=lambda s: ROLE_ORDER.index(s.role) if s.role in ROLE_ORDER else len(ROLE_ORDER))


BASELINE_NAME = catalogue.pair("sheets.BASELINE_NAME")


def display_name(item: NamedScenario, lang: Lang) -> str:
    """A scenario's name as the user gave it (its English name in English, where it has one); the
    baseline's name (基准情景 / Baseline scenario) in ``lang``'s words."""
    lang = _lang(lang)
    name = item.name_en if lang == "en" and item.name_en else item.name
    return BASELINE_NAME[lang] if name.strip() in BASELINE_NAME.values() else name


def scenario_columns(items: Sequence[NamedScenario], lang: Lang, taken: Sequence[str] = ()) -> list[str]:
    """A column name per scenario: its name (or "unnamed"), told apart from each other and from
    ``taken`` by " (2)", " (3)"…"""
    used = set(taken)
    out = []
    for item in items:
        base = item.name.strip() or UNNAMED[_lang(lang)]
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base} ({n})"
        used.add(name)
        out.append(name)
    return out


def parameter_table(items: Sequence[NamedScenario], lang: Lang) -> pd.DataFrame:
    """Every parameter a row, grouped by kind; a column per scenario with its value."""
    lang = _lang(lang)
    columns = scenario_columns(items, lang, taken=(*PARAMETER_HEAD, *PARAMETER_TAIL))
    values = [item.scenario.to_dict() for item in items]
    rows = []
    for spec in grouped_specs():
        rows.append(
            {
                "role": spec.role,
                "role_name": ROLE_NAMES.get(spec.role, {}).get(lang, spec.role),
                "key": spec.key,
                "label": spec.label(lang),
                "unit": spec.unit(lang),
                "default": spec.default,
                "min": spec.min,
                "max": spec.max,
                **{column: value[spec.key] for column, value in zip(columns, values, strict=True)},
                "provenance": spec.provenance,
                "provenance_name": PROVENANCE_NAMES.get(spec.provenance, {}).get(lang, spec.provenance),
                "publication": spec.publication_name(lang),
                "date": spec.date,
                "url": spec.url,
                "sentence_zh": spec.source_zh,
                "sentence_en": spec.source_en,
                "reasoning": spec.reasoning(lang),
            }
        )
    return pd.DataFrame(rows, columns=[*PARAMETER_HEAD, *columns, *PARAMETER_TAIL]).astype({"min": float, "max": float})


def _unit(kind: str, lang: Lang) -> str:
    return UNITS["yuan" if kind == "level" else "percent"][lang]


def target_rows(item: NamedScenario, gaps: Sequence[Checked], lang: Lang) -> list[dict[str, Any]]:
    """One row per official target and per target of the scenario's own, with what the scenario
    achieves and the gap where the model can check it (Dezhou's value added, within its years):
    ``gaps`` as model.results computed them (model.targets.checked_gaps), in the same order."""
    lang = _lang(lang)
    officials = load_targets()
    if len(gaps) != len(officials) + len(item.scenario.targets):
        raise ValueError("target_rows: a gap for each official target and each of the scenario's own")
    rows: list[dict[str, Any]] = []
    for official, (got, diff) in zip(officials, gaps, strict=False):
        rows.append(
            {
                "source": "official",
                "source_name": TARGET_SOURCES["official"][lang],
                "id": official.id,
                "label": official.label(lang),
                "region": official.region,
                "metric": official.metric,
                "kind": official.kind,
                "from_year": official.from_year if official.kind == "growth_avg" else None,
                "year": official.year,
                "target": official.value,
                "unit": _unit(official.kind, lang),
                "achieved": got,
                "gap": diff,
                "publication": official.publication_name(lang),
                "date": official.date,
                "url": official.url,
                "quote_zh": official.quote_zh,
                "confidence": official.confidence,
            }
        )
    for n, (own, (got, diff)) in enumerate(zip(item.scenario.targets, gaps[len(officials) :], strict=True), start=1):
        rows.append(
            {
                "source": "own",
                "source_name": TARGET_SOURCES["own"][lang],
                "id": f"own_{n}",
                "label": own.label,
                "region": "dezhou",
                "metric": OWN_METRICS[own.metric],
                "kind": "level" if own.metric in LEVEL_METRICS else own.metric,
                "from_year": own.from_year if own.metric == "growth_avg" else None,
                "year": own.year,
                "target": own.value,
                "unit": _unit("level" if own.metric in LEVEL_METRICS else own.metric, lang),
                "achieved": got,
                "gap": diff,
                "publication": "",
                "date": "",
                "url": "",
                "quote_zh": "",
                "confidence": "",
            }
        )
    return rows


def target_table(results: Results, lang: Lang) -> pd.DataFrame:
    """:func:`target_rows` of every scenario, with its name first."""
    rows = [{"scenario": r.name, **row} for r in results.scenarios for row in target_rows(r.item, r.gaps, lang)]
    out = pd.DataFrame(rows, columns=list(TARGET_COLUMNS))
    return out.astype({"from_year": "Int64", "achieved": float, "gap": float, "target": float})


def history_table(history: History, lang: Lang) -> pd.DataFrame:
    """Every official figure of ``history`` with its sentence; ``used`` is true for the figures the
    model uses: the one behind each published or estimated year (docs/model.md version 3, "Time")."""
    lang = _lang(lang)
    used: set[int] = set()
    for region in REGIONS:
        used |= {id(f) for f in history.used(region).values()}
    rows = [
        {
            "year": f.year,
            "region": f.region,
            "metric": f.metric,
            "period": f.period,
            "value": f.value,
            "confidence": f.confidence,
            "used": id(f) in used,
            "publication": f.publication_name(lang),
            "date": f.date,
            "url": f.url,
            "quote_zh": f.quote_zh,
            "note": f.note(lang),
        }
        for f in sorted(history.figures, key=lambda f: (f.region, f.year, f.period != "full-year", f.date))
    ]
    return pd.DataFrame(rows, columns=list(HISTORY_COLUMNS)).astype({"value": float, "used": bool})


# --- the words a workbook and a CSV show in place of keys and codes ---------------------------------
#
# Every sheet has two header rows: the label (with its unit) in the workbook's language, and under it
# the key, which is what programs read (read_workbook). Code values (region, period, confidence…) are
# written as words in the workbook's language and read back as codes.

SHEET_NAMES = catalogue.table("sheets.SHEET_NAMES")

_W = dict[str, str]
COMMON_HEADERS: dict[str, _W] = catalogue.table("sheets.COMMON_HEADERS")
SHEET_HEADERS: dict[str, dict[str, _W]] = catalogue.tables("sheets.SHEET_HEADERS")  # sheet → column → words

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = {name[:3]: n for n, name in enumerate(MONTH_NAMES, start=1)}
_PERIODS = catalogue.table("sheets._PERIODS")


def period_name(period: str, lang: Lang) -> str:
    """An official figure's period in words: "全年", "一季度", "1—5月" ("January–May")."""
    lang = _lang(lang)
    if period in _PERIODS:
        return _PERIODS[period][lang]
    first, _, last = period.partition("-")
    if first in _MONTHS and last in _MONTHS:
        if lang == "zh":
            return f"{_MONTHS[first]}—{_MONTHS[last]}月"
        return f"{MONTH_NAMES[_MONTHS[first] - 1]}–{MONTH_NAMES[_MONTHS[last] - 1]}"
    return period


METRIC_NAMES = catalogue.table("sheets.METRIC_NAMES")
YES_NO = catalogue.table("sheets.YES_NO")
_YES_NO: dict[Any, _W] = {True: YES_NO["yes"], False: YES_NO["no"]}  # a bool column's codes are not TOML keys
VALUE_WORDS: dict[str, dict[Any, _W]] = {  # column → code → words
    **catalogue.tables("sheets.VALUE_WORDS"),  # region, confidence, kind, type
    "metric": METRIC_NAMES,
    "role": {code: {"zh": words["zh"], "en": words["en"].capitalize()} for code, words in ROLE_NAMES.items()},
    "provenance": {
        code: {"zh": words["zh"], "en": words["en"].capitalize()} for code, words in PROVENANCE_NAMES.items()
    },
    "used": _YES_NO,
    # a year's status (the results sheet writes an estimated year with its months: report.status)
    "status": {code: ESTIMATED if code == "estimated" else words for code, words in STATUS_WORDS.items()},
    "included": _YES_NO,
}
# The columns of each sheet whose codes are shown as words (the parameters sheet has the words
# beside the codes already).
WORD_COLUMNS = {
    "projects": ("included",),
    "targets": ("region", "metric", "kind", "confidence"),
    "history": ("region", "metric", "period", "confidence", "used"),
    "backtest": ("status", "period", "confidence"),
    "sources": ("type", "role", "provenance"),
}


def header_label(sheet: str, key: str, lang: Lang) -> str:
    """The label of column ``key`` of ``sheet`` in ``lang``, with its unit; the result columns'
    come from the data dictionary; a column no table names (a scenario's) is labelled by itself."""
    lang = _lang(lang)
    words = SHEET_HEADERS.get(sheet, {}).get(key) or COMMON_HEADERS.get(key)
    if words:
        return words[lang]
    if sheet == "results":
        return column_header(key, lang)
    return key


def word(column: str, code: Any, lang: Lang) -> Any:
    """The word for a code of ``column`` in ``lang`` (the code itself when it has none)."""
    lang = _lang(lang)
    if column == "period" and isinstance(code, str):
        return period_name(code, lang)
    if isinstance(code, np.bool_):
        code = bool(code)
    if isinstance(code, np.integer):
        code = int(code)
    found = VALUE_WORDS.get(column, {}).get(code) if isinstance(code, (str, bool, int)) else None
    return found[lang] if found else code


def code_of(column: str, lang: Lang) -> dict[Any, Any]:
    """Words of ``column`` in ``lang`` → their codes (what :func:`word` wrote)."""
    lang = _lang(lang)
    out: dict[Any, Any] = {words[lang]: code for code, words in VALUE_WORDS.get(column, {}).items()}
    if column == "period":  # every period a figure may have (docs/model.md lists them)
        out |= {period_name(period, lang): period for period in PERIOD_MONTHS}
    if column == "status":
        out |= {status_word("estimated", n, lang): "estimated" for n in range(0, 13)}
    return out


_DECIMALS_BY_UNIT = {"亿元": 1, "100 million yuan": 1, "%": 2, "百分点": 2, "points": 2, "2023=100": 1}


def number_format(unit: str, step: float | None = None, kind: str = "float") -> str:
    """An Excel number format for a figure in ``unit``: 亿元 one decimal with thousands separators, %
    and points two decimals, ratios two or three (as fine as the control's step), years and counts
    whole. The cell keeps every digit; only what is shown is rounded."""
    if kind == "int" or unit in ("年", "year", "years"):
        return "0"
    if unit.startswith(("亿元", "100 million yuan")):
        return "#,##0.0"
    if unit in _DECIMALS_BY_UNIT:
        return "0." + "0" * _DECIMALS_BY_UNIT[unit]
    decimals = 2
    if step:
        decimals = min(max(decimals, len(f"{step:g}".partition(".")[2])), 3)
    return "0." + "0" * decimals
