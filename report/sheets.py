"""The tables the workbook and the deck share (model version 2), in the workbook's language.

- :func:`parameter_table`: every parameter a row, grouped by its kind (economy assumptions, then policy
  levers, then modelling choices: docs/model.md shows them apart), with each scenario's value, the default
  and where the default comes from (provenance, publication, date, address, sentence, reasoning).
- :func:`target_table`: every official target (``data/targets.csv``) and each scenario's own, with
  what the scenario achieves and the gap (achieved − target) where the model can check it.
- :func:`history_table`: every official figure of ``data/history.csv`` with its sentence, and whether
  the model uses it.

No streamlit and nothing from ``ui/`` here: the few words these tables need in two languages are below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from model.history import REGIONS, load_history
from model.parameters import ParamSpec, Target, load_parameters
from model.projection import project
from model.scenario_file import NamedScenario
from model.targets import gap, load_targets

ROLE_ORDER = ("economy", "lever", "choice")  # assumptions about the economy, policy levers, choices
ROLE_NAMES = {
    "economy": {"zh": "经济假设", "en": "economy assumption"},
    "lever": {"zh": "政策变量", "en": "policy lever"},
    "choice": {"zh": "模型设定", "en": "modelling choice"},
}
PROVENANCE_NAMES = {
    "article": {"zh": "文章", "en": "article"},
    "external": {"zh": "外部数据", "en": "external"},
    "assumption": {"zh": "假设", "en": "assumption"},
}
UNNAMED = {"zh": "未命名情景", "en": "Unnamed scenario"}
TARGET_SOURCES = {"official": {"zh": "官方目标", "en": "official"}, "own": {"zh": "自定目标", "en": "own"}}
UNITS = {"level": {"zh": "亿元", "en": "100 million yuan"}, "growth": {"zh": "%", "en": "%"}}

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


def _lang(lang: str) -> str:
    return lang if lang in ("zh", "en") else "zh"


def grouped_specs() -> list[ParamSpec]:
    """Every parameter, economy assumptions first, then policy levers, then choices (file order within)."""
    specs = list(load_parameters().values())
    return sorted(specs, key=lambda s: ROLE_ORDER.index(s.role) if s.role in ROLE_ORDER else len(ROLE_ORDER))


def scenario_columns(items: Sequence[NamedScenario], lang: str = "zh", taken: Sequence[str] = ()) -> list[str]:
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


def parameter_table(items: Sequence[NamedScenario], lang: str = "zh") -> pd.DataFrame:
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


def _unit(kind: str, lang: str) -> str:
    return UNITS["level" if kind == "level" else "growth"][lang]


def _checkable(target: Target, frame: pd.DataFrame) -> bool:
    years = set(frame["year"].astype(int))
    needed = {target.year, target.year - 1 if target.metric == "growth_year" else target.from_year}
    return needed <= years


def target_rows(item: NamedScenario, frame: pd.DataFrame | None = None, lang: str = "zh") -> list[dict[str, Any]]:
    """One row per official target and per target of the scenario's own, with what the scenario
    achieves and the gap where the model can check it (Dezhou's value added, within its years)."""
    lang = _lang(lang)
    frame = project(item.scenario) if frame is None else frame
    rows: list[dict[str, Any]] = []

    def checked(target: Target, can: bool) -> tuple[float | None, float | None]:
        if not (can and _checkable(target, frame)):
            return None, None
        return gap(target, frame)

    for official in load_targets():
        target = official.as_target(lang)
        got, diff = checked(target, official.checkable)
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
    for n, own in enumerate(item.scenario.targets, start=1):
        got, diff = checked(own, True)
        rows.append(
            {
                "source": "own",
                "source_name": TARGET_SOURCES["own"][lang],
                "id": f"own_{n}",
                "label": own.label,
                "region": "dezhou",
                "metric": "va_level" if own.metric == "level" else "va_growth_pct",
                "kind": own.metric,
                "from_year": own.from_year if own.metric == "growth_avg" else None,
                "year": own.year,
                "target": own.value,
                "unit": _unit(own.metric, lang),
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


def target_table(
    items: Sequence[NamedScenario], lang: str = "zh", frames: Sequence[pd.DataFrame] | None = None
) -> pd.DataFrame:
    """:func:`target_rows` of every scenario, with its name first."""
    frames = [project(item.scenario) for item in items] if frames is None else frames
    rows = [
        {"scenario": item.name, **row}
        for item, frame in zip(items, frames, strict=True)
        for row in target_rows(item, frame, lang)
    ]
    out = pd.DataFrame(rows, columns=list(TARGET_COLUMNS))
    return out.astype({"from_year": "Int64", "achieved": float, "gap": float, "target": float})


def history_table(lang: str = "zh") -> pd.DataFrame:
    """Every official figure with its sentence; ``used`` is true for the figures that make the
    observed years (the chosen full-year growth of each year from 2024 without a gap)."""
    lang = _lang(lang)
    history = load_history()
    used: set[int] = set()
    for region in REGIONS:
        chosen = history.chosen(region)
        used |= {id(chosen[year]) for year in history.observed(region)}
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
