"""Official figures published since the article: ``data/history.csv``.

One official figure a row (docs/model.md, "Time and observed years"). Where sources disagree both rows
are kept; the model uses, for each year, the row with the highest confidence, then the latest
publication date. Only full-year growth of confidence ``high`` or ``medium`` (an official bulletin, a
government site or official media) drives observed years: a ``low`` row (an aggregator, a Q&A site) is
shown, never used."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from model.parameters import BASE_YEAR, DATA_DIR, ScenarioError
from model.problems import Problem, problem

HISTORY_COLUMNS = (
    "year",
    "region",
    "metric",
    "value",
    "period",
    "publication",
    "publication_en",
    "date",
    "url",
    "quote_zh",
    "confidence",
    "note_zh",
    "note_en",
    "quote_translation_zh",
)
REGIONS = ("dezhou", "shandong")
CONFIDENCE_RANK = {"high": 3, "medium": 2, "low": 1}
USABLE = frozenset({"high", "medium"})  # confidences that may drive observed years
FULL_YEAR = "full-year"
GROWTH = "va_growth_pct"


@dataclasses.dataclass(frozen=True)
class Figure:
    """One row of ``data/history.csv``."""

    year: int
    region: str
    metric: str
    value: float
    period: str
    publication: str
    publication_en: str
    date: str
    url: str
    quote_zh: str
    confidence: str
    note_zh: str = ""
    note_en: str = ""
    quote_translation_zh: str = ""  # the sentence in Chinese where the original is not Chinese

    @property
    def full_year(self) -> bool:
        return self.period == FULL_YEAR

    def publication_name(self, lang: str = "zh") -> str:
        return self.publication if lang == "zh" else (self.publication_en or self.publication)

    def note(self, lang: str = "zh") -> str:
        return self.note_zh if lang == "zh" else self.note_en

    def quote(self, lang: str = "zh", translation_mark: str = "") -> str:
        """The sentence as published; on the Chinese page a sentence not published in Chinese is
        given in its Chinese translation, followed by ``translation_mark``."""
        if lang == "zh" and self.quote_translation_zh:
            return self.quote_translation_zh + translation_mark
        return self.quote_zh


def _rank(f: Figure) -> tuple[int, str]:
    return CONFIDENCE_RANK.get(f.confidence, 0), f.date


@dataclasses.dataclass(frozen=True)
class History:
    """The figures, and the choice among them the model makes."""

    figures: tuple[Figure, ...]

    def chosen(self, region: str, metric: str = GROWTH, period: str = FULL_YEAR) -> dict[int, Figure]:
        """For each year, the figure the model uses: highest confidence, then the latest date."""
        best: dict[int, Figure] = {}
        for f in self.figures:
            mine = f.region == region and f.metric == metric and f.period == period
            if mine and (f.year not in best or _rank(f) > _rank(best[f.year])):
                best[f.year] = f
        return dict(sorted(best.items()))

    def observed(self, region: str, last_year: int | None = None) -> dict[int, float]:
        """Official full-year growth (%) for the years from 2024 without a gap (docs/model.md, "Time and
        observed years"), up to ``last_year``: the years the model takes as published rather than projected."""
        chosen = self.chosen(region)
        out: dict[int, float] = {}
        year = BASE_YEAR + 1
        while year in chosen and chosen[year].confidence in USABLE and (last_year is None or year <= last_year):
            out[year] = chosen[year].value
            year += 1
        return out

    def rows(self, region: str | None = None) -> list[Figure]:
        return [f for f in self.figures if region is None or f.region == region]


def _parse(rows: Iterable[Mapping[str, str]], name: str) -> History:
    figures: list[Figure] = []
    problems: list[Problem] = []
    for line, row in enumerate(rows, start=2):
        found: list[Problem] = []
        try:
            year, value = int(row["year"]), float(row["value"])
        except (TypeError, ValueError):
            problems.append(problem("data_not_number", columns=("year", "value")).at("line", line).at("file", name))
            continue
        if row.get("region") not in REGIONS:
            found.append(problem("data_choice", column="region", allowed=REGIONS))
        if row.get("confidence") not in CONFIDENCE_RANK:
            found.append(problem("data_choice", column="confidence", allowed=tuple(CONFIDENCE_RANK)))
        if not (row.get("publication") or "").strip() or not (row.get("quote_zh") or "").strip():
            found.append(problem("data_source_missing", columns=("publication", "quote_zh")))
        problems += [p.at("line", line).at("file", name) for p in found]
        fields = {k: (row.get(k) or "").strip() for k in HISTORY_COLUMNS if k not in ("year", "value")}
        figures.append(Figure(year=year, value=value, **fields))
    if problems:
        raise ScenarioError(problems)
    return History(tuple(figures))


@cache
def load_history(path: Path | None = None) -> History:
    """Read and check ``data/history.csv`` (an empty history when the file is absent)."""
    path = path or DATA_DIR / "history.csv"
    if not path.exists():
        return History(())
    with open(path, encoding="utf-8", newline="") as f:
        return _parse(list(csv.DictReader(f)), path.name)
