"""Parameters as data: load the table in ``data/``, validate values, build one immutable Scenario.

Every value that reaches the model, whether from a slider, a URL, a scenario file or the command
line, passes through :func:`coerce` or :func:`parse_text`, so all of them obey the same ranges and
give the same messages.
"""

from __future__ import annotations

import csv
import dataclasses
import math
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BASE_YEAR = 2023

_TRUE = {"true"}
_FALSE = {"false"}


@dataclasses.dataclass(frozen=True)
class ParamSpec:
    """One row of ``data/parameters.csv``."""

    key: str
    group: str
    kind: str  # "float", "int" or "bool"
    label_zh: str
    label_en: str
    unit_zh: str
    unit_en: str
    default: float | int | bool
    min: float | int | None
    max: float | int | None
    step: float | int | None
    provenance: str  # "article", "external" or "assumption"
    source_zh: str
    source_en: str
    publication: str
    why: str

    def label(self, lang: str = "zh") -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def unit(self, lang: str = "zh") -> str:
        return self.unit_zh if lang == "zh" else self.unit_en

    def allowed(self) -> str:
        """What this parameter accepts, in words, for error messages."""
        if self.kind == "bool":
            return "true or false"
        what = "a whole number" if self.kind == "int" else "a number"
        unit = f" ({self.unit_en})" if self.unit_en else ""
        return f"{what} from {fmt_number(self.min)} to {fmt_number(self.max)}{unit}"


def fmt_number(x: float | int | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else str(x)


class ScenarioError(ValueError):
    """One or more invalid inputs. ``problems`` holds one sentence per problem."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


def _number(kind: str, text: str) -> float | int:
    if kind == "int":
        return int(text)
    return float(text)


@cache
def load_parameters(path: Path | None = None) -> dict[str, ParamSpec]:
    """Read the parameter table, keyed and ordered as in the file."""
    path = path or DATA_DIR / "parameters.csv"
    specs: dict[str, ParamSpec] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            kind = row["kind"]
            if kind == "bool":
                default: Any = row["default"] == "true"
                lo = hi = step = None
            else:
                default = _number(kind, row["default"])
                lo, hi, step = (_number(kind, row[k]) for k in ("min", "max", "step"))
            specs[row["key"]] = ParamSpec(
                key=row["key"],
                group=row["group"],
                kind=kind,
                label_zh=row["label_zh"],
                label_en=row["label_en"],
                unit_zh=row["unit_zh"],
                unit_en=row["unit_en"],
                default=default,
                min=lo,
                max=hi,
                step=step,
                provenance=row["provenance"],
                source_zh=row["source_zh"],
                source_en=row["source_en"],
                publication=row["publication"],
                why=row["why"],
            )
    return specs


def _problem(spec: ParamSpec, value: Any, what: str) -> str:
    return f"{spec.key}: {value!r} {what}; allowed: {spec.allowed()}"


def coerce(spec: ParamSpec, value: Any) -> float | int | bool:
    """Check a typed value (from JSON or a widget) against the spec; return it in the spec's type.

    Raises ScenarioError naming the key, the value given and what is allowed.
    """
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        raise ScenarioError([_problem(spec, value, "is not true or false")])
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError([_problem(spec, value, "is not a number")])
    try:
        value = float(value) if spec.kind == "float" or not float(value).is_integer() else int(value)
    except OverflowError:  # an integer too large for a float
        raise ScenarioError([_problem(spec, value, "is out of range")]) from None
    if not math.isfinite(value):
        raise ScenarioError([_problem(spec, value, "is not a finite number")])
    if spec.kind == "int":
        if not float(value).is_integer():
            raise ScenarioError([_problem(spec, value, "is not a whole number")])
        value = int(value)
    else:
        value = float(value)
    if not spec.min <= value <= spec.max:
        raise ScenarioError([_problem(spec, value, "is out of range")])
    return value


def parse_text(spec: ParamSpec, text: str) -> float | int | bool:
    """Parse a value typed as text (command line, URL) and check it."""
    raw = text.strip()
    if spec.kind == "bool":
        low = raw.lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ScenarioError([_problem(spec, text, "is not true or false")])
    try:
        number = float(raw)
    except ValueError:
        raise ScenarioError([_problem(spec, text, "is not a number")]) from None
    return coerce(spec, number)


@dataclasses.dataclass(frozen=True)
class Scenario:
    """One complete, validated set of parameters (MODEL.md's table, in its order)."""

    horizon_end: int
    base_va: float
    growth_start: float
    growth_end: float
    province_growth: float
    ti_growth: float
    fund_size: float
    fund_leverage: float
    fund_start: int
    fund_deploy_years: int
    output_per_investment: float
    value_added_rate: float
    build_years: int
    ramp_years: int
    phase1_on: bool
    phase1_start: int
    phase2_on: bool
    phase2_start: int

    def to_dict(self) -> dict[str, float | int | bool]:
        return dataclasses.asdict(self)

    def replace(self, overrides: Mapping[str, Any], *, text: bool = False) -> Scenario:
        """A new scenario with some values changed, validated like any other input."""
        return make_scenario(overrides, base=self, text=text)

    def changed_from(self, other: Scenario) -> dict[str, float | int | bool]:
        """The values of this scenario that differ from ``other``."""
        mine, theirs = self.to_dict(), other.to_dict()
        return {k: v for k, v in mine.items() if theirs[k] != v}


PARAMETER_KEYS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Scenario))


def validate(overrides: Mapping[str, Any], *, text: bool = False) -> tuple[dict[str, Any], list[str]]:
    """Check every override; return the good values and a sentence per bad one."""
    specs = load_parameters()
    good: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in overrides.items():
        spec = specs.get(key)
        if spec is None:
            shown = key if isinstance(key, str) and key.isidentifier() else repr(key)
            problems.append(f"{shown}: unknown parameter; allowed keys: {', '.join(specs)}")
            continue
        try:
            good[key] = parse_text(spec, value) if text and isinstance(value, str) else coerce(spec, value)
        except ScenarioError as e:
            problems.extend(e.problems)
    return good, problems


def make_scenario(
    overrides: Mapping[str, Any] | None = None, *, base: Scenario | None = None, text: bool = False
) -> Scenario:
    """The defaults (or ``base``) with ``overrides`` applied; raises ScenarioError on any bad value.

    With ``text=True`` string values are parsed as typed text (command line, URL).
    """
    good, problems = validate(overrides or {}, text=text)
    if problems:
        raise ScenarioError(problems)
    start = base.to_dict() if base else {k: s.default for k, s in load_parameters().items()}
    return Scenario(**{**start, **good})


@cache
def default_scenario() -> Scenario:
    """The article's defaults."""
    return make_scenario()


@dataclasses.dataclass(frozen=True)
class Project:
    """A named project: one row of ``data/projects.csv``."""

    id: str
    name_zh: str
    name_en: str
    investment: float
    full_output: float
    on_key: str
    start_key: str
    provenance: str
    source_zh: str
    source_en: str

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else self.name_en


@cache
def load_projects(path: Path | None = None) -> tuple[Project, ...]:
    path = path or DATA_DIR / "projects.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return tuple(
            Project(
                **{
                    **row,
                    "investment": float(row["investment"]),
                    "full_output": float(row["full_output"]),
                }
            )
            for row in csv.DictReader(f)
        )
