"""Analysis tools on top of the projection: Monte Carlo fan, tornado table, goal seek.

Pure functions (numpy and pandas only) that the command line and the page both call:

- :func:`monte_carlo` draws every uncertain parameter of ``data/uncertainty.csv`` around the
  scenario's value (the 2023 levels ``base_va`` and ``base_revenue`` included), an estimated year's
  full-year growth around its cumulative figure, and persistent year-to-year shocks to growth in
  projected years (``data/shocks.csv``), projects all draws at once and returns percentiles of
  ``va_total`` (or ``revenue``) per year; :func:`target_probabilities` gives the share of the same
  draws that reach each target (value added or revenue);
- :func:`sensitivity` moves one parameter at a time to the ends of its range (a tornado table);
- :func:`goal_seek` finds the value of one parameter that makes value added, or its average growth,
  meet a target in a given year.

Ranges are absolute and written for the article's defaults. A scenario whose value lies outside a
range slides the range (keeping its width) just far enough that its nearer end is the scenario's
value, then clips it to the parameter's slider range: see :func:`effective_range`.
"""

from __future__ import annotations

import csv
import dataclasses
import math
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from model.history import History
from model.lang import Lang
from model.parameters import (
    BASE_YEAR,
    DATA_DIR,
    ParamSpec,
    Project,
    Scenario,
    ScenarioError,
    Target,
    load_parameters,
)
from model.problems import Problem, problem
from model.projection import compute, scenario_projects
from model.targets import achieved, measurable, measure

DISTRIBUTIONS = ("triangular", "uniform")
PROVENANCE_KINDS = ("article", "external", "assumption")
PERCENTILES = (5, 25, 50, 75, 95)
PERCENTILE_COLUMNS = tuple(f"p{q}" for q in PERCENTILES)
MAX_DRAWS = 1_000_000
# Version 2 draws every parameter with a range, the 2023 level included: the level is not published,
# so the fan must show that it is not known (docs/model.md).
FIXED_IN_MONTE_CARLO: frozenset[str] = frozenset()
# What the fan and the tornado can measure: value added (the default) or operating revenue (equation 13).
METRICS = ("va_total", "revenue")
# Parameters that move revenue only (equation 13): the tornado lists them for the revenue metric only.
REVENUE_ONLY: frozenset[str] = frozenset({"base_revenue", "revenue_drift"})
GOAL_TOLERANCE = 1e-3  # a target is met within 0.1%
_CHUNK = 4096  # draws per compute call: fits the working set in cache; the result does not depend on it
_GRID = 2001  # points of the first goal-seek scan over a float parameter's range


@dataclasses.dataclass(frozen=True)
class UncertainRange:
    """One row of ``data/uncertainty.csv``."""

    key: str
    low: float | int
    high: float | int
    distribution: str  # "triangular" (mode = scenario value) or "uniform"
    provenance: str  # "article", "external" or "assumption"
    why: str  # in English
    why_zh: str = ""

    def reasoning(self, lang: Lang) -> str:
        return (self.why_zh or self.why) if lang == "zh" else self.why


@dataclasses.dataclass(frozen=True)
class Shocks:
    """What is not known about growth year by year (``data/shocks.csv``).

    - Projected years: AR(1) shocks ``e(t) = rho × e(t−1) + sd × z(t)`` with z standard normal,
      e = 0 in every year that is not projected (see :func:`shock_paths`).
    - Estimated years: the full-year growth is the cumulative figure plus ``estimated_sd × z(t)``
      (points), independent of the other years.
    """

    sd: float  # percentage points
    rho: float
    why: str = ""
    why_zh: str = ""
    estimated_sd: float = 0.0  # percentage points: s.d. of full-year minus cumulative growth


SHOCK_KEYS = ("growth_shock_sd", "growth_shock_rho", "estimated_year_sd")


@cache
def load_shocks(path: Path | None = None) -> Shocks:
    """Read ``data/shocks.csv`` (rows growth_shock_sd, growth_shock_rho and estimated_year_sd); no
    shocks when the file is absent."""
    path = path or DATA_DIR / "shocks.csv"
    if not path.exists():
        return Shocks(0.0, 0.0)
    with open(path, encoding="utf-8", newline="") as f:
        rows = {r["key"]: r for r in csv.DictReader(f)}
    try:
        sd, rho, estimated = (float(rows[k]["value"]) for k in SHOCK_KEYS)
    except (KeyError, TypeError, ValueError):
        raise ScenarioError([problem("shocks_rows").at("file", path.name)]) from None
    if not (sd >= 0 and -1 < rho < 1 and estimated >= 0) or not all(map(math.isfinite, (sd, estimated))):
        found = problem("shocks_range", sd=sd, rho=rho, estimated=estimated)
        raise ScenarioError([found.at("file", path.name)])
    row = rows["growth_shock_sd"]
    return Shocks(sd, rho, row.get("why_en", ""), row.get("why_zh", ""), estimated)


def shock_paths(z: np.ndarray, years: np.ndarray, projected: int | np.ndarray, shocks: Shocks) -> np.ndarray:
    """AR(1) shock paths (D, T) from standard-normal ``z`` (D, T).

    ``projected`` is a boolean mask over ``years`` of the projected years, or the first projected
    year (every later year projected). The shock is zero in a year that is not projected, and the
    process starts afresh after one (a published year ends a gap's shock: its growth is known).
    """
    mask = years >= projected if np.ndim(projected) == 0 else np.asarray(projected, dtype=bool)
    out = np.zeros_like(z)
    e = np.zeros(z.shape[0])
    for k in range(years.size):
        if mask[k]:
            e = shocks.rho * e + shocks.sd * z[:, k]
            out[:, k] = e
        else:
            e = np.zeros(z.shape[0])
    return out


def year_statuses(out: Mapping[str, np.ndarray]) -> np.ndarray:
    """The status of each year (``base``, ``published``, ``estimated``, ``projected``) from
    :func:`model.projection.compute`'s output, as an array over its years."""
    return np.asarray(out["status"], dtype=object).reshape(-1)


def _check_metric(metric: str) -> str:
    if metric not in METRICS:
        raise ScenarioError([problem("bad_choice", key="measure", value=metric, allowed=METRICS)])
    return metric


def _number(spec: ParamSpec, text: str) -> float | int:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    if spec.kind == "int":
        if not value.is_integer():
            raise ValueError(text)
        return int(value)
    return value


@cache
def load_uncertainty(path: Path | None = None) -> dict[str, UncertainRange]:
    """Read and check the uncertainty table, keyed and ordered as in the file.

    Raises ScenarioError listing every problem (unknown or switch keys, ranges outside the slider
    range, low above high, unknown distribution or provenance, missing reason).
    """
    path = path or DATA_DIR / "uncertainty.csv"
    specs = load_parameters()
    out: dict[str, UncertainRange] = {}
    problems: list[Problem] = []

    def found(line: int, code: str, **fields: object) -> None:
        problems.append(problem(code, **fields).at("line", line).at("file", path.name))

    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            key = (row.get("key") or "").strip()
            spec = specs.get(key)
            if spec is None or spec.kind == "bool" or key == "horizon_end":
                found(line, "data_unknown_key", given=key)
                continue
            if key in out:
                found(line, "data_twice", key=key)
                continue
            try:
                low, high = _number(spec, row["low"]), _number(spec, row["high"])
            except (TypeError, ValueError):
                found(line, "data_range", key=key, low=row.get("low"), high=row.get("high"))
                continue
            if not spec.min <= low <= high <= spec.max:
                found(line, "data_range", key=key, low=low, high=high)
            if row.get("distribution") not in DISTRIBUTIONS:
                found(line, "data_choice", column="distribution", allowed=DISTRIBUTIONS)
            if row.get("provenance") not in PROVENANCE_KINDS:
                found(line, "data_choice", column="provenance", allowed=PROVENANCE_KINDS)
            why = (row.get("why_en") or row.get("why") or "").strip()
            if not why:
                found(line, "data_missing", columns=("why_en",))
            out[key] = UncertainRange(
                key, low, high, row["distribution"], row["provenance"], why, (row.get("why_zh") or "").strip()
            )
    if problems:
        raise ScenarioError(problems)
    return out


def effective_range(r: UncertainRange, value: float | int) -> tuple[float | int, float | int]:
    """The range actually used around ``value``.

    Inside [low, high] the range is used as written. Outside it, the range slides, keeping its
    width, until its nearer end is ``value`` (so the answer changes continuously with ``value``);
    then it is clipped to the parameter's slider range, which always contains ``value``.
    """
    spec = load_parameters()[r.key]
    low, high = r.low, r.high
    if value < low:
        low, high = value, value + (high - low)
    elif value > high:
        low, high = value - (high - low), value
    return max(low, spec.min), min(high, spec.max)


def _draw(u: np.ndarray, low: float, high: float, mode: float, distribution: str, integer: bool) -> np.ndarray:
    """Turn uniform numbers ``u`` in [0, 1) into draws, by the inverse distribution function.

    Whole-number parameters are drawn on [low − ½, high + ½] and rounded, so each end of the range
    gets its fair share of the probability (rounding a draw on [low, high] would halve it).
    """
    lo, hi = (low - 0.5, high + 0.5) if integer else (low, high)
    width = hi - lo
    if distribution == "uniform" or width == 0:
        x = lo + u * width
    else:
        split = (mode - lo) / width
        x = np.where(
            u < split,
            lo + np.sqrt(u * width * (mode - lo)),
            hi - np.sqrt((1 - u) * width * (hi - mode)),
        )
    if integer:
        x = np.clip(np.rint(x), low, high)
    return x


def _check_whole(name: str, value: object, lo: int, hi: int | None) -> int:
    whole = isinstance(value, (int, np.integer)) and not isinstance(value, bool)
    if whole and lo <= value and (hi is None or value <= hi):
        return int(value)
    code = "out_of_range" if whole else "not_whole"
    raise ScenarioError([problem(code, key=name, value=value, lo=lo, hi=hi, whole=True)])


def _simulate(
    scenario: Scenario,
    draws: int,
    seed: int,
    projects: Sequence[Project] | None,
    ranges: Mapping[str, UncertainRange] | None,
    shocks: Shocks | None,
    history: History | None,
    columns: Sequence[str],
) -> tuple[np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """(years, {column: values shaped (T, draws)}, the scenario's own result) for ``draws`` random
    variations of ``scenario``.

    Every parameter of ``ranges`` is drawn (whatever ``columns`` asks for, so that value added and
    revenue come from the same draws); the year-to-year shocks follow each year's status in the
    scenario's own result: none in 2023 and published years, ``estimated_sd × z`` in an estimated
    year, AR(1) in projected years.
    """
    draws = _check_whole("draws", draws, 1, MAX_DRAWS)
    seed = _check_whole("seed", seed, 0, None)
    projects = scenario_projects(scenario, projects)
    ranges = load_uncertainty() if ranges is None else ranges
    shocks = load_shocks() if shocks is None else shocks
    specs = load_parameters()
    base = scenario.to_dict()
    horizon = scenario.horizon_end
    own = compute(base, horizon, projects, history=history)
    years = np.asarray(own["year"]).reshape(-1)
    status = year_statuses(own)

    keys = [k for k in ranges if k not in FIXED_IN_MONTE_CARLO]
    rng = np.random.default_rng(seed)
    u = rng.random((len(keys), draws))
    z = rng.standard_normal((draws, years.size))
    params: dict[str, float | int | bool | np.ndarray] = dict(base)
    # A column for base_va, so that results have a row per draw whatever is drawn.
    params["base_va"] = np.full((draws, 1), float(base["base_va"]))
    for row, key in enumerate(keys):
        r = ranges[key]
        low, high = effective_range(r, base[key])
        x = _draw(u[row], low, high, base[key], r.distribution, specs[key].kind == "int")
        params[key] = x.reshape(-1, 1)
    # One z a year serves both kinds of shock: a year is estimated or projected, never both.
    paths = shock_paths(z, years, status == "projected", shocks)
    estimated = status == "estimated"
    spread = np.where(estimated, shocks.estimated_sd * z, 0.0)

    out = {c: np.empty((years.size, draws)) for c in columns}
    for start in range(0, draws, _CHUNK):
        stop = min(start + _CHUNK, draws)
        part = {k: v[start:stop] if isinstance(v, np.ndarray) else v for k, v in params.items()}
        extra = {"estimate_shocks": spread[start:stop]} if estimated.any() else {}
        result = compute(part, horizon, projects, history=history, shocks=paths[start:stop], **extra)
        for c in columns:
            out[c][:, start:stop] = result[c].T
    return years, out, own


def monte_carlo(
    scenario: Scenario,
    draws: int = 10_000,
    seed: int = 0,
    projects: Sequence[Project] | None = None,
    ranges: Mapping[str, UncertainRange] | None = None,
    shocks: Shocks | None = None,
    *,
    metric: str = "va_total",
    history: History | None = None,
) -> pd.DataFrame:
    """Percentiles of ``metric`` (``va_total``, the default, or ``revenue``) per year over ``draws``
    random variations of ``scenario``.

    Every parameter of ``ranges`` (default: ``data/uncertainty.csv``) is drawn independently:
    triangular with its mode at the scenario's value, or uniform, over :func:`effective_range`. An
    estimated year's growth is drawn around its cumulative figure and projected years' growth takes
    AR(1) shocks (``shocks``, default ``data/shocks.csv``). In 2023 and published years only the
    level is uncertain. The same ``seed`` gives identical output, whatever the metric. ``history``
    (default ``data/history.csv``) gives the official figures, as for the projection.

    Returns columns ``year, p5, p25, p50, p75, p95, deterministic`` (the scenario's own value),
    one row a year from 2023 to ``horizon_end``.
    """
    metric = _check_metric(metric)
    years, values, own = _simulate(scenario, draws, seed, projects, ranges, shocks, history, (metric,))
    table = _percentiles(values[metric], PERCENTILES)
    frame = pd.DataFrame({"year": years})
    for name, column in zip(PERCENTILE_COLUMNS, table, strict=True):
        frame[name] = column
    frame["deterministic"] = np.asarray(own[metric], dtype=float).reshape(-1)
    return frame


PROBABILITY_COLUMNS = ("label", "metric", "year", "value", "probability")


def target_probabilities(
    scenario: Scenario,
    targets: Sequence[Target],
    draws: int = 10_000,
    seed: int = 0,
    projects: Sequence[Project] | None = None,
    ranges: Mapping[str, UncertainRange] | None = None,
    shocks: Shocks | None = None,
    *,
    history: History | None = None,
) -> pd.DataFrame:
    """The share of the Monte Carlo's draws (the same draws as :func:`monte_carlo` with the same
    seed) that reach each target within the horizon: value added at or above a level, growth at or
    above a rate, operating revenue at or above a level."""
    targets = [t for t in targets if measurable(t, scenario.horizon_end)]
    columns = tuple(dict.fromkeys(measure(t) for t in targets)) or ("va_total",)
    years, values, _ = _simulate(scenario, draws, seed, projects, ranges, shocks, history, columns)
    rows = [
        {
            "label": t.label,
            "metric": t.metric,
            "year": t.year,
            "value": t.value,
            "probability": float(np.mean(achieved(t, values[measure(t)].T, years) >= t.value)),
        }
        for t in targets
    ]
    return pd.DataFrame(rows, columns=list(PROBABILITY_COLUMNS))


def _percentiles(values: np.ndarray, qs: Sequence[float]) -> np.ndarray:
    """``np.percentile(values, qs, axis=1)`` (its default, linear method) by a partial sort.

    Partitioning once at the few order statistics needed is several times faster than numpy's
    percentile on rows of 100,000 draws.
    """
    n = values.shape[1]
    pos = np.asarray(qs, dtype=float) / 100 * (n - 1)
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, n - 1)
    part = np.partition(values, np.union1d(lo, hi), axis=1)
    below, above = part[:, lo], part[:, hi]
    return np.minimum(below + (above - below) * (pos - lo), above).T


SENSITIVITY_COLUMNS = ("key", "low", "high", "va_low", "va_high", "swing", "va_base")


def sensitivity(
    scenario: Scenario,
    projects: Sequence[Project] | None = None,
    ranges: Mapping[str, UncertainRange] | None = None,
    *,
    metric: str = "va_total",
    history: History | None = None,
) -> pd.DataFrame:
    """The tornado table: final-year ``metric`` (``va_total``, the default, or ``revenue``) with one
    parameter at a time at each end of its range.

    One row per parameter of ``ranges`` (``base_revenue`` and ``revenue_drift``, which move revenue
    only, for the revenue metric only): ``key, low, high`` (the :func:`effective_range` used),
    ``va_low, va_high`` (the final-year metric with that parameter at low / high, every other at
    the scenario's value: value added or revenue, the columns keep their names),
    ``swing = |va_high − va_low|`` and ``va_base`` (the scenario's own final-year value, the same in
    every row). Largest swing first; ties keep the file's order.
    """
    metric = _check_metric(metric)
    projects = scenario_projects(scenario, projects)
    ranges = load_uncertainty() if ranges is None else ranges
    base = scenario.to_dict()
    keys = [k for k in ranges if metric == "revenue" or k not in REVENUE_ONLY]
    ends = [effective_range(ranges[k], base[k]) for k in keys]

    # Row 0 is the scenario itself; rows 2j+1 and 2j+2 move parameter j to its low and high end.
    rows = 2 * len(keys) + 1
    params: dict[str, float | int | bool | np.ndarray] = dict(base)
    params["base_va"] = np.full((rows, 1), float(base["base_va"]))  # results get `rows` rows
    for j, key in enumerate(keys):
        column = np.full((rows, 1), float(base[key]))
        column[2 * j + 1 : 2 * j + 3, 0] = ends[j]
        params[key] = column
    final = compute(params, scenario.horizon_end, projects, history=history)[metric][:, -1]
    va_base = float(final[0])

    frame = pd.DataFrame(
        {
            "key": pd.Series(keys, dtype=object),
            "low": pd.Series([lo for lo, _ in ends], dtype=object),
            "high": pd.Series([hi for _, hi in ends], dtype=object),
            "va_low": final[1::2].astype(float),
            "va_high": final[2::2].astype(float),
        }
    )
    frame["swing"] = (frame["va_high"] - frame["va_low"]).abs()
    frame["va_base"] = va_base
    return frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


GOAL_STATUSES = ("reached", "no_effect", "out_of_reach")


@dataclasses.dataclass(frozen=True)
class GoalSeekResult:
    """What :func:`goal_seek` found, as data (the page and the command line phrase it through
    report.problems.say on :meth:`outcome`).

    ``status``: ``reached`` (``value`` meets the target within 0.1%), ``no_effect`` (``vary`` does not
    change the measure: ``value`` is the scenario's own) or ``out_of_reach`` (``value`` is the
    closest reachable one). ``achieved`` is what ``value`` gives and ``target`` what was asked, both
    in the target's terms: value added in ``target_year`` (亿元) for ``kind`` ``va``, the average
    yearly growth from 2023 (%) for ``kind`` ``growth``.
    """

    status: str
    vary: str
    value: float | int
    achieved: float
    target: float
    kind: str  # "va" or "growth"
    target_year: int

    @property
    def reached(self) -> bool:
        return self.status == "reached"

    def outcome(self) -> Problem:
        """The result as a ``goal_<status>`` record for the renderer (it names ``vary`` by its label)."""
        spec = load_parameters()[self.vary]
        return problem(
            f"goal_{self.status}",
            key=self.vary,
            value=self.value,
            achieved=self.achieved,
            target=self.target,
            kind=self.kind,
            year=self.target_year,
            lo=spec.min,
            hi=spec.max,
        )


def seekable_keys(levers_only: bool = True) -> list[str]:
    """Parameters goal seek can vary: the numeric policy levers (by default), or every numeric
    parameter except the horizon (it sets the years)."""
    return [
        k
        for k, s in load_parameters().items()
        if s.kind != "bool" and k != "horizon_end" and (s.role == "lever" or not levers_only)
    ]


def vary_problem(vary: str) -> Problem | None:
    """Why goal seek cannot vary ``vary``, or None."""
    spec = load_parameters().get(vary)
    if spec is None:
        return problem("vary_unknown", given=vary)
    if spec.kind == "bool":
        return problem("vary_switch", key=vary)
    if vary == "horizon_end":
        return problem("vary_horizon", key=vary)
    return None


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, bool)


def goal_seek(
    scenario: Scenario,
    vary: str,
    target_year: int,
    target_va: float | None = None,
    target_growth: float | None = None,
    projects: Sequence[Project] | None = None,
    *,
    history: History | None = None,
) -> GoalSeekResult:
    """Find the value of ``vary`` that makes value added meet a target in ``target_year``.

    Give exactly one target: ``target_va`` (va_total in target_year, 亿元) or ``target_growth``
    (average compound growth of va_total from 2023 to target_year, %). The target is met when the
    value added (for growth: the growth factor va_total(target_year) / va_total(2023) it implies)
    is within 0.1% of it.

    The whole slider range of ``vary`` is scanned at once (every whole number for a whole-number
    parameter; a 2001-point grid plus the scenario's value otherwise); each crossing of the target is
    then narrowed by repeated finer scans. When several values meet the target (the model need not
    be monotonic in every parameter) the one nearest the scenario's value is returned. When none
    does, ``reached`` is False and ``value`` is the value that comes closest.

    Raises ScenarioError for an unknown or switch parameter, a target year outside
    2024..horizon_end, or a missing, doubled or impossible target.
    """
    cannot = vary_problem(vary)
    if cannot:
        raise ScenarioError([cannot])
    spec = load_parameters()[vary]
    horizon = scenario.horizon_end
    years = {"key": "target_year", "value": target_year, "lo": BASE_YEAR + 1, "hi": horizon, "whole": True}
    if isinstance(target_year, bool) or not isinstance(target_year, (int, np.integer)):
        raise ScenarioError([problem("not_whole", **years)])
    if not BASE_YEAR < target_year <= horizon:
        raise ScenarioError([problem("out_of_range", **years)])
    if (target_va is None) == (target_growth is None):
        raise ScenarioError([problem("one_target")])
    n = int(target_year) - BASE_YEAR
    col = n  # the column of target_year in the result arrays
    if target_va is not None:
        if not _is_number(target_va) or not (math.isfinite(target_va) and target_va > 0):
            raise ScenarioError([problem("not_above", key="target_va", value=target_va, lo=0)])
        target = float(target_va)
    else:
        if not _is_number(target_growth) or not (math.isfinite(target_growth) and target_growth > -100):
            raise ScenarioError([problem("not_above", key="target_growth", value=target_growth, lo=-100)])
        try:
            target = (1 + target_growth / 100) ** n
        except OverflowError:  # 1e50 % a year: no float holds the growth factor
            target = math.inf
        if not (math.isfinite(target) and target > 0):
            limit = float(f"{(sys.float_info.max ** (1 / n) - 1) * 100:.3g}")
            raise ScenarioError([problem("not_above", key="target_growth", value=target_growth, lo=-100, below=limit)])
    projects = scenario_projects(scenario, projects)
    base = scenario.to_dict()
    current = base[vary]
    integer = spec.kind == "int"

    def metric(xs: np.ndarray) -> np.ndarray:
        p = dict(base)
        # base_va as a column too, so that every result has one row per x even when ``vary`` does
        # not reach va_total (compute takes the result shape from va_total's inputs).
        p["base_va"] = np.full((xs.size, 1), float(base["base_va"]))
        p[vary] = xs.reshape(-1, 1)
        va = compute(p, horizon, projects, history=history)["va_total"]
        return va[:, col] if target_va is not None else va[:, col] / va[:, 0]

    def miss(xs: np.ndarray) -> np.ndarray:
        # a target near zero (5e-324 亿元) puts every value infinitely far from it: inf, not a warning
        with np.errstate(over="ignore"):
            return metric(xs) / target - 1

    if integer:
        grid = np.arange(spec.min, spec.max + 1, dtype=float)
    else:
        grid = np.union1d(np.linspace(spec.min, spec.max, _GRID), [current])
    err = miss(grid)

    candidates: list[float] = []
    if integer:
        candidates = list(grid[np.abs(err) <= GOAL_TOLERANCE])
    else:
        crossing = np.flatnonzero(np.sign(err[:-1]) * np.sign(err[1:]) < 0)
        candidates = [_narrow(miss, grid[i], grid[i + 1]) for i in crossing]
        candidates += list(grid[err == 0])
        if not candidates:  # touches the target without crossing it
            candidates = list(grid[np.abs(err) <= GOAL_TOLERANCE])

    if candidates:
        found = np.array(candidates)
        value = float(found[np.argmin(np.abs(found - current))])
        reached = True
    else:
        best = np.flatnonzero(np.abs(err) == np.abs(err).min())
        i = int(best[np.argmin(np.abs(grid[best] - current))])
        value = float(grid[i])
        if not integer:
            value = _closest(miss, grid[max(i - 1, 0)], grid[min(i + 1, grid.size - 1)], value)
        reached = False

    value_out: float | int = round(value) if integer else value
    m = float(metric(np.array([value]))[0])
    reached = reached and abs(m / target - 1) <= GOAL_TOLERANCE
    if target_va is not None:
        achieved, asked, kind = m, float(target_va), "va"
    else:
        achieved, asked, kind = (m ** (1 / n) - 1) * 100, float(target_growth), "growth"
    with np.errstate(invalid="ignore"):  # every miss infinite (see miss): out of reach, not "no effect"
        no_effect = np.ptp(err) == 0
    status = "reached" if reached else "no_effect" if no_effect else "out_of_reach"
    return GoalSeekResult(status, vary, value_out, float(achieved), asked, kind, int(target_year))


def _narrow(miss, a: float, b: float, points: int = 65, rounds: int = 12) -> float:
    """A root of ``miss`` between a and b (where it changes sign), by repeated finer scans."""
    for _ in range(rounds):
        xs = np.linspace(a, b, points)
        err = miss(xs)
        if np.any(err == 0):
            return float(xs[np.flatnonzero(err == 0)[0]])
        i = int(np.flatnonzero(np.sign(err[:-1]) * np.sign(err[1:]) < 0)[0])
        a, b = float(xs[i]), float(xs[i + 1])
        if b - a <= 1e-13 * max(1.0, abs(a), abs(b)):
            break
    ea, eb = miss(np.array([a, b]))
    return a if abs(ea) <= abs(eb) else b


def _closest(miss, a: float, b: float, start: float, points: int = 65, rounds: int = 4) -> float:
    """The point of [a, b] where |miss| is smallest, by repeated finer scans around the best point."""
    best, best_err = start, abs(float(miss(np.array([start]))[0]))
    for _ in range(rounds):
        xs = np.linspace(a, b, points)
        err = np.abs(miss(xs))
        i = int(np.argmin(err))
        if err[i] < best_err:
            best, best_err = float(xs[i]), float(err[i])
        a, b = float(xs[max(i - 1, 0)]), float(xs[min(i + 1, points - 1)])
    return best
