"""Official figures published since the article: ``data/history.csv``.

One official figure a row (docs/model.md version 3, "Time" and "History"). Where sources disagree both
rows are kept. Each year from 2024 has a status: ``published`` (a full-year growth figure),
``estimated`` (a cumulative figure covering at least six months from January) or ``projected``.
Among a year's usable rows the model takes the one covering the most months, then the highest
confidence, then the latest date (compared as text, an empty date oldest), then the row listed last
(figures a user adds come after the data's). Only rows of confidence ``high`` or ``medium`` (an
official bulletin, a government site or official media) are used: a ``low`` row (an aggregator, a
Q&A site) is shown, never used. Gaps are allowed: a projected year before the last known one."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from model.files import read_limited, refusal
from model.lang import Lang
from model.parameters import BASE_YEAR, DATA_DIR, ScenarioError, is_decimal
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
USABLE = frozenset({"high", "medium"})  # confidences the model may use; low rows are shown, never used
FULL_YEAR = "full-year"
GROWTH = "va_growth_pct"
METRICS = ("va_growth_pct", "va_level", "revenue_level", "ti_growth_pct")
# The periods docs/model.md lists, each with the months from January it covers. No other counts.
PERIOD_MONTHS: dict[str, int] = {
    FULL_YEAR: 12,
    "Q1": 3,
    "H1": 6,
    **{
        f"Jan-{m}": n
        for n, m in enumerate(("Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"), start=2)
    },
}
MIN_MONTHS = 6  # a cumulative figure of fewer months says too little about the year
HISTORY_YEARS = (2015, 2035)  # the years a user may add a figure for
LAST_YEAR = 2035
MAX_HISTORY_BYTES = 1_000_000
# Columns a file of added figures must have (the notes and the English name may be left out).
REQUIRED_COLUMNS = (
    "year",
    "region",
    "metric",
    "value",
    "period",
    "publication",
    "date",
    "url",
    "quote_zh",
    "confidence",
)


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

    def publication_name(self, lang: Lang) -> str:
        return self.publication if lang == "zh" else (self.publication_en or self.publication)

    def note(self, lang: Lang) -> str:
        return self.note_zh if lang == "zh" else self.note_en

    def quote(self, lang: Lang, translation_mark: str = "") -> str:
        """The sentence as published; on the Chinese page a sentence not published in Chinese is
        given in its Chinese translation, followed by ``translation_mark``."""
        if lang == "zh" and self.quote_translation_zh:
            return self.quote_translation_zh + translation_mark
        return self.quote_zh


def _date_key(f: Figure) -> str:
    """The date compared as text: ``2025`` < ``2025-01`` < ``2025-01-21``; an empty date is the oldest."""
    return f.date


@dataclasses.dataclass(frozen=True)
class YearFigure:
    """A year's status (docs/model.md, "Time") and the figure behind it."""

    year: int
    status: str  # "published", "estimated" or "projected"
    growth: float | None  # the growth (%) the model uses, or None in a projected year
    figure: Figure | None  # the row used, or None
    months: int  # 12 for a full-year figure, 6..11 for a cumulative one, 0 when projected


@dataclasses.dataclass(frozen=True)
class History:
    """The figures, and the choice among them the model makes."""

    figures: tuple[Figure, ...]

    def with_added(self, figures: Iterable[Figure]) -> History:
        """These figures and ``figures`` after them (added figures win ties on "the row listed last")."""
        return History((*self.figures, *figures))

    def _best(self, candidates: Iterable[tuple[int, Figure]]) -> Figure | None:
        """Of (position, figure) pairs: the most months, then the highest confidence, then the
        latest date (as text), then the row listed last."""
        best = max(
            candidates,
            key=lambda pair: (
                PERIOD_MONTHS[pair[1].period],
                CONFIDENCE_RANK[pair[1].confidence],
                _date_key(pair[1]),
                pair[0],
            ),
            default=None,
        )
        return None if best is None else best[1]

    def chosen(self, region: str, metric: str = GROWTH, period: str = FULL_YEAR) -> dict[int, Figure]:
        """For each year, the figure of ``period`` that the rule would pick among that period's rows
        (highest confidence, then the latest date, then the row listed last), low rows included:
        what the history tab shows as the row of record for a period."""
        by_year: dict[int, list[tuple[int, Figure]]] = {}
        for n, f in enumerate(self.figures):
            if f.region == region and f.metric == metric and f.period == period and f.period in PERIOD_MONTHS:
                by_year.setdefault(f.year, []).append((n, f))
        return {y: self._best(c) for y, c in sorted(by_year.items())}

    def year_status(self, region: str, horizon_end: int, use_observed: bool = True) -> dict[int, YearFigure]:
        """Every year from 2024 to ``horizon_end``: published (a full-year figure), estimated (a
        cumulative figure of at least six months from January, the one of most months) or
        projected; from ``region``'s growth rows of high or medium confidence (docs/model.md, "Time")."""
        by_year: dict[int, list[tuple[int, Figure]]] = {}
        if use_observed:
            for n, f in enumerate(self.figures):
                usable = f.region == region and f.metric == GROWTH and f.confidence in USABLE
                if usable and PERIOD_MONTHS.get(f.period, 0) >= MIN_MONTHS and BASE_YEAR < f.year <= horizon_end:
                    by_year.setdefault(f.year, []).append((n, f))
        out: dict[int, YearFigure] = {}
        for year in range(BASE_YEAR + 1, horizon_end + 1):
            f = self._best(by_year.get(year, ()))
            if f is None:
                out[year] = YearFigure(year, "projected", None, None, 0)
            else:
                months = PERIOD_MONTHS[f.period]
                out[year] = YearFigure(year, "published" if months == 12 else "estimated", f.value, f, months)
        return out

    def first_projected(self, region: str, horizon_end: int, use_observed: bool = True) -> int:
        """P = K + 1, K the last published or estimated year (2024 when there is none)."""
        known = [y for y, s in self.year_status(region, horizon_end, use_observed).items() if s.status != "projected"]
        return max(known, default=BASE_YEAR) + 1

    def observed(self, region: str, last_year: int | None = None) -> dict[int, float]:
        """The growth (%) of every published or estimated year from 2024 (to ``last_year``, else 2035):
        the years the model takes from the figures rather than projects."""
        statuses = self.year_status(region, last_year if last_year is not None else LAST_YEAR)
        return {y: s.growth for y, s in statuses.items() if s.growth is not None}

    def used(self, region: str, horizon_end: int = 2035, use_observed: bool = True) -> dict[int, Figure]:
        """The figure behind each published or estimated year."""
        statuses = self.year_status(region, horizon_end, use_observed)
        return {y: s.figure for y, s in statuses.items() if s.figure is not None}

    def data_as_of(self, horizon_end: int, use_observed: bool = True, region: str = "dezhou") -> tuple[int, int] | None:
        """(year, month) of the latest figure the model uses for ``region`` (Dezhou: the city the
        model projects): a full-year figure → (year, 12), Jan–Jul → (year, 7); None when none is used."""
        used = [(y, s.months) for y, s in self.year_status(region, horizon_end, use_observed).items() if s.figure]
        return max(used, default=None)

    def rows(self, region: str | None = None) -> list[Figure]:
        return [f for f in self.figures if region is None or f.region == region]


def _text(row: Mapping[str, str], key: str) -> str:
    value = row.get(key)
    return value.strip() if isinstance(value, str) else ""


def parse_history_rows(rows: Iterable[Mapping[str, str]], name: str, *, check_years: bool = True) -> History:
    """Check each row of a history table (``data/history.csv``'s columns); raise ScenarioError with
    one problem per bad field, located at the file ``name`` and the line (the header is line 1), or
    return the figures. ``check_years``: years outside 2015–2035 are refused (figures a user adds);
    the data file also keeps older reference rows."""
    figures: list[Figure] = []
    problems: list[Problem] = []
    for line, row in enumerate(rows, start=2):
        found: list[Problem] = []
        year: int | None = None
        value: float | None = None
        text_year, text_value = _text(row, "year"), _text(row, "value")
        if is_decimal(text_year) and float(text_year).is_integer():
            year = int(float(text_year))
            if check_years and not HISTORY_YEARS[0] <= year <= HISTORY_YEARS[1]:
                found.append(
                    problem("history_year", field="year", value=year, lo=HISTORY_YEARS[0], hi=HISTORY_YEARS[1])
                )
        else:
            found.append(problem("history_not_number", field="year", value=text_year, whole=True))
        if is_decimal(text_value):
            value = float(text_value)
        else:
            found.append(problem("history_not_number", field="value", value=text_value, whole=False))
        for key, allowed in (("region", REGIONS), ("metric", METRICS), ("confidence", tuple(CONFIDENCE_RANK))):
            if _text(row, key) not in allowed:
                found.append(problem("history_choice", field=key, value=_text(row, key), allowed=allowed))
        if _text(row, "period") not in PERIOD_MONTHS:
            found.append(
                problem("history_period", field="period", value=_text(row, "period"), allowed=tuple(PERIOD_MONTHS))
            )
        for key in ("publication", "quote_zh"):
            if not _text(row, key):
                found.append(problem("history_quote_missing", field=key))
        if found:
            problems += [p.at("line", line).at("file", name) for p in found]
            continue
        fields = {k: _text(row, k) for k in HISTORY_COLUMNS if k not in ("year", "value")}
        figures.append(Figure(year=year, value=value, **fields))
    if problems:
        raise ScenarioError(problems)
    return History(tuple(figures))


def _read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@cache
def _data_history(path: Path | None = None) -> History:
    path = path or DATA_DIR / "history.csv"
    if not path.exists():
        return History(())
    return parse_history_rows(_read_rows(path), path.name, check_years=False)


# Figures a user adds for one run (``--history FILE``; the page's added figures), after the data's.
_ADDED: ContextVar[tuple[Figure, ...]] = ContextVar("added_figures", default=())


@contextmanager
def added_figures(figures: Iterable[Figure]) -> Iterator[None]:
    """Within the block, :func:`load_history` gives the data's figures followed by ``figures``, so
    every computation (projection, backtest, Monte Carlo, goal seek, deck) re-anchors on them."""
    token = _ADDED.set(tuple(figures))
    try:
        yield
    finally:
        _ADDED.reset(token)


def load_history(path: Path | None = None) -> History:
    """Read and check ``data/history.csv`` (an empty history when the file is absent), with the
    figures added for this run (:func:`added_figures`) after its rows."""
    data = _data_history(path)
    added = _ADDED.get()
    return data.with_added(added) if added else data


load_history.cache_clear = _data_history.cache_clear  # type: ignore[attr-defined]


def read_history_file(path: str | Path) -> History:
    """The figures of a CSV with ``data/history.csv``'s columns (``--history FILE``), checked
    row by row; ScenarioError naming the file, the line and the field of each problem."""

    def refuse(code: str, **fields: Any) -> ScenarioError:
        return refusal(path, code, **fields)

    data, _ = read_limited(path, MAX_HISTORY_BYTES)
    if len(data) > MAX_HISTORY_BYTES:
        raise refuse("file_too_large", size=None, limit=MAX_HISTORY_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise refuse("not_utf8", byte=e.start) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise refuse("history_columns", columns=tuple(missing))
    return parse_history_rows(rows, str(path))
