"""Targets for value added and for operating revenue: the official ones in ``data/targets.csv`` and
those a user adds.

A target is met or missed by a result table (:func:`gap`) and, in the Monte Carlo, by each draw
(:func:`achieved`), which gives the probability of reaching it. A target's ``metric`` says which
column of the result table it is about (:func:`measure`): ``va_total`` for ``level``, ``growth_year``
and ``growth_avg``, ``revenue`` for ``revenue`` (model version 3, equation 13).
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from model.lang import Lang
from model.parameters import BASE_YEAR, DATA_DIR, LEVEL_METRICS, ScenarioError, Target
from model.problems import Problem, problem

TARGET_COLUMNS = (
    "id",
    "region",
    "metric",
    "year",
    "value",
    "kind",
    "from_year",
    "publication",
    "publication_en",
    "date",
    "url",
    "quote_zh",
    "confidence",
    "note_zh",
    "note_en",
    "label_zh",
    "label_en",
)
# The model gives Dezhou's value added and (version 3) its above-size industrial operating revenue, as a
# level; targets for other things are listed, not checked.
CHECKABLE_METRICS = ("va_growth_pct", "va_level", "revenue")
# The result-table column each kind of Target is measured on.
MEASURES = {"level": "va_total", "growth_year": "va_total", "growth_avg": "va_total", "revenue": "revenue"}


def measure(target: Target) -> str:
    """The result-table column the target is about: ``va_total`` or ``revenue``."""
    return MEASURES[target.metric]


@dataclasses.dataclass(frozen=True)
class OfficialTarget:
    """One row of ``data/targets.csv``."""

    id: str
    region: str
    metric: str
    year: int
    value: float
    kind: str  # "growth_year", "growth_avg" or "level"
    from_year: int
    publication: str
    publication_en: str
    date: str
    url: str
    quote_zh: str
    confidence: str
    note_zh: str
    note_en: str
    label_zh: str
    label_en: str

    @property
    def checkable(self) -> bool:
        """Dezhou's value added (a level or growth), or its operating revenue as a level."""
        if self.region != "dezhou" or self.metric not in CHECKABLE_METRICS:
            return False
        return self.metric != "revenue" or self.kind == "level"

    @property
    def target_metric(self) -> str:
        """The :class:`Target` metric this row becomes: ``revenue`` for a revenue level, else its kind."""
        return "revenue" if self.metric == "revenue" and self.kind == "level" else self.kind

    def label(self, lang: Lang) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def publication_name(self, lang: Lang) -> str:
        return self.publication if lang == "zh" else (self.publication_en or self.publication)

    def as_target(self, lang: Lang) -> Target:
        return Target(
            label=self.label(lang),
            metric=self.target_metric,
            year=self.year,
            value=self.value,
            from_year=self.from_year,
        )


@cache
def load_targets(path: Path | None = None) -> tuple[OfficialTarget, ...]:
    """Read ``data/targets.csv`` (none when the file is absent); every row needs its sentence."""
    path = path or DATA_DIR / "targets.csv"
    if not path.exists():
        return ()
    out: list[OfficialTarget] = []
    problems: list[Problem] = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            found: list[Problem] = []
            try:
                year, value = int(row["year"]), float(row["value"])
                from_year = int(row.get("from_year") or BASE_YEAR)
            except (TypeError, ValueError):
                found.append(problem("data_not_number", columns=("year", "value", "from_year")))
                problems += [p.at("line", line).at("file", path.name) for p in found]
                continue
            if row.get("kind") not in ("growth_year", "growth_avg", "level"):
                found.append(problem("data_choice", column="kind", allowed=("growth_year", "growth_avg", "level")))
            if not (row.get("publication") or "").strip() or not (row.get("quote_zh") or "").strip():
                found.append(problem("data_source_missing", columns=("publication", "quote_zh")))
            problems += [p.at("line", line).at("file", path.name) for p in found]
            text = {k: (row.get(k) or "").strip() for k in TARGET_COLUMNS if k not in ("year", "value", "from_year")}
            out.append(OfficialTarget(year=year, value=value, from_year=from_year, **text))
    if problems:
        raise ScenarioError(problems)
    return tuple(out)


def measurable(target: Target, horizon_end: int) -> bool:
    """Whether the model's years (2023 to ``horizon_end``) hold what the target needs: an average
    counted from before 2023 (a plan's 2021–2025 average counts from 2020) cannot be measured."""
    first = target.from_year if target.metric == "growth_avg" else target.year - (target.metric == "growth_year")
    return first >= BASE_YEAR and target.year <= horizon_end


def targets_for(scenario_targets: tuple[Target, ...], horizon_end: int, lang: Lang) -> list[Target]:
    """The official checkable targets the model can measure within the horizon, then the scenario's own."""
    official = [t.as_target(lang) for t in load_targets() if t.checkable]
    return [t for t in (*official, *scenario_targets) if measurable(t, horizon_end)]


def achieved(target: Target, va: np.ndarray, years: np.ndarray) -> np.ndarray:
    """What ``va`` (the target's :func:`measure`, value added or revenue, shaped (..., T) over
    ``years``) achieves on the target's measure: 亿元 for a level, % for growth."""
    col = {int(y): k for k, y in enumerate(years)}
    at = va[..., col[target.year]]
    if target.metric in LEVEL_METRICS:
        return at
    if target.metric == "growth_year":
        return (at / va[..., col[target.year - 1]] - 1) * 100
    span = target.year - target.from_year
    return ((at / va[..., col[target.from_year]]) ** (1 / span) - 1) * 100


def gap(target: Target, frame: pd.DataFrame) -> tuple[float, float]:
    """(achieved, achieved − target) for a result table: positive when the target is exceeded; NaN
    for both when the table's years (or columns) do not hold what the target needs."""
    years = frame["year"]
    column = measure(target)
    if not measurable(target, int(years.iloc[-1])) or int(years.iloc[0]) != BASE_YEAR or column not in frame:
        return float("nan"), float("nan")
    value = float(achieved(target, frame[column].to_numpy(), frame["year"].to_numpy()))
    return value, value - target.value


Checked = tuple[float | None, float | None]  # (achieved, achieved − target); (None, None) unchecked


def _checkable(target: Target, frame: pd.DataFrame) -> bool:
    years = set(frame["year"].astype(int))
    needed = {target.year, target.year - 1 if target.metric == "growth_year" else target.from_year}
    return needed <= years


def checked_gaps(frame: pd.DataFrame, own: Sequence[Target]) -> tuple[Checked, ...]:
    """(achieved, gap) of every official target (``data/targets.csv``'s order), then of each of
    ``own`` (the scenario's), for the result table ``frame``; (None, None) where the model cannot check
    it (not Dezhou's value added or revenue, or outside the table's years)."""

    def checked(target: Target, can: bool) -> Checked:
        if not (can and _checkable(target, frame)):
            return None, None
        return gap(target, frame)

    official = tuple(checked(o.as_target("zh"), o.checkable) for o in load_targets())  # the label is not checked
    return (*official, *(checked(target, True) for target in own))
