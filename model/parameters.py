"""Parameters as data: load the table in ``data/``, validate values, build one immutable Scenario.

Every value that reaches the model, whether from a slider, a URL, a scenario file or the command
line, passes through :func:`coerce` or :func:`parse_text`, so all of them obey the same ranges and
give the same messages.
"""

from __future__ import annotations

import csv
import dataclasses
import math
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from model.lang import Lang
from model.problems import Problem, located, problem

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BASE_YEAR = 2023
MODEL_VERSION = 3
ROLES = ("choice", "economy", "lever")

_TRUE = {"true"}
_FALSE = {"false"}


@dataclasses.dataclass(frozen=True)
class ParamSpec:
    """One row of ``data/parameters.csv``."""

    key: str
    group: str  # where the control sits in the sidebar
    role: str  # docs/model.md's kind: "choice", "economy" (assumption about the economy) or "lever" (policy)
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
    publication: str  # in English
    why: str  # the reasoning, in English
    publication_zh: str = ""
    date: str = ""
    url: str = ""
    why_zh: str = ""
    source_translation_zh: str = ""  # the source sentence in Chinese where the source is not Chinese

    def label(self, lang: Lang) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def unit(self, lang: Lang) -> str:
        return self.unit_zh if lang == "zh" else self.unit_en

    def reasoning(self, lang: Lang) -> str:
        """Why this value, in the page's language."""
        return (self.why_zh or self.why) if lang == "zh" else self.why

    def publication_name(self, lang: Lang) -> str:
        return (self.publication_zh or self.publication) if lang == "zh" else (self.publication or self.publication_zh)


def fmt_number(x: float | int | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else str(x)


class ScenarioError(ValueError):
    """One or more invalid inputs. ``problems`` holds one model.problems.Problem per problem (the
    page and the command line say them with report.problems.say); ``str()`` is for logs only."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(map(str, self.problems)))


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
                role=row["role"],
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
                publication=row["publication_en"],
                why=row["why_en"],
                publication_zh=row["publication_zh"],
                date=row["date"],
                url=row["url"],
                why_zh=row["why_zh"],
                source_translation_zh=row.get("source_translation_zh") or "",
            )
    return specs


def _problem(spec: ParamSpec, value: Any, code: str) -> Problem:
    """A value of a parameter that it cannot take: the renderer names the parameter by its label and
    unit and says what is allowed from the parameter table."""
    return problem(code, key=spec.key, value=value)


def coerce(spec: ParamSpec, value: Any, shown: Any = None) -> float | int | bool:
    """Check a typed value (from JSON or a widget) against the spec; return it in the spec's type.

    Raises ScenarioError naming the key, the value as given (``shown``, else ``value``) and what is
    allowed.
    """
    given = value if shown is None else shown
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        raise ScenarioError([_problem(spec, given, "not_bool")])
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError([_problem(spec, given, "not_number")])
    try:
        value = float(value) if spec.kind == "float" or not float(value).is_integer() else int(value)
    except OverflowError:  # an integer too large for a float
        raise ScenarioError([_problem(spec, given, "out_of_range")]) from None
    if not math.isfinite(value):
        raise ScenarioError([_problem(spec, given, "not_finite")])
    if spec.kind == "int":
        if not float(value).is_integer():
            raise ScenarioError([_problem(spec, given, "not_whole")])
        value = int(value)
    else:
        value = float(value)
    if not spec.min <= value <= spec.max:
        raise ScenarioError([_problem(spec, given, "out_of_range")])
    return value


# A number typed as text: ASCII decimal digits only, an optional sign, point and exponent.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def is_decimal(text: str) -> bool:
    """Whether ``text`` is a number written in ASCII (``8``, ``-8.5``, ``1e3``); ``float`` alone
    would also take ``'８'``, ``'٨'``, ``'1_0'`` and ``'nan'``."""
    return _DECIMAL.fullmatch(text) is not None


def parse_text(spec: ParamSpec, text: str) -> float | int | bool:
    """Parse a value typed as text (command line, URL) and check it."""
    raw = text.strip(" \t\r\n")  # ASCII spaces only: a number is ASCII
    if spec.kind == "bool":
        low = raw.lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ScenarioError([_problem(spec, text, "not_bool")])
    if _NOT_FINITE.fullmatch(raw):
        raise ScenarioError([_problem(spec, text, "not_finite")])
    if not is_decimal(raw):
        raise ScenarioError([_problem(spec, text, "not_number")])
    number = float(raw)
    if math.isinf(number):  # digits too many for a float (not "inf", refused above): out of every range
        raise ScenarioError([_problem(spec, text, "out_of_range")])
    return coerce(spec, number, shown=text)


# Limits of a project a user adds to the pipeline (the named projects' own figures are data).
PROJECT_LIMITS = {"investment": (0.0, 10000.0), "full_output": (0.0, 10000.0), "first_year": (2024, 2035)}
PROJECT_FIELDS = ("name", "investment", "full_output", "first_year", "included")
MAX_PROJECT_NAME = 80
MAX_PROJECTS = 50


@dataclasses.dataclass(frozen=True)
class PipelineProject:
    """A project a user adds to the scenario: it ramps up like the named ones (equation 6)."""

    name: str
    investment: float  # 亿元
    full_output: float  # 亿元 a year at full production
    first_year: int  # first year of output
    included: bool = True

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# ``revenue`` (model version 3) is a level of above-size industrial operating revenue (营业收入, 亿元) in
# ``year``; the other three are about value added.
TARGET_METRICS = ("level", "growth_year", "growth_avg", "revenue")
LEVEL_METRICS = ("level", "revenue")  # targets in 亿元; the others in %
TARGET_FIELDS = ("label", "metric", "year", "value", "from_year")
TARGET_LIMITS = {
    "level": (0.0, 100000.0),
    "growth_year": (-50.0, 100.0),
    "growth_avg": (-50.0, 100.0),
    "revenue": (0.0, 100000.0),
}
MAX_TARGETS = 20


@dataclasses.dataclass(frozen=True)
class Target:
    """A target for value added: its level in ``year`` (亿元, ``level``), its growth in ``year``
    (%, ``growth_year``) or its average yearly growth from ``from_year`` to ``year`` (%, ``growth_avg``);
    or for above-size industrial operating revenue: its level in ``year`` (亿元, ``revenue``).
    Official ones come from ``data/targets.csv``; a user adds their own, kept with the scenario."""

    label: str
    metric: str
    year: int
    value: float
    from_year: int = BASE_YEAR

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _text_problem(key: str, value: Any, limit: int = MAX_PROJECT_NAME) -> Problem | None:
    """A one-line text of 1 to ``limit`` characters (a project's name, a target's label), or why not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return problem("missing", key=key)
    if not isinstance(value, str) or len(value.strip()) > limit:
        return problem("bad_text", key=key, value=value, limit=limit)
    return None


def _unknown_fields(doc: Mapping, fields: tuple[str, ...]) -> list[Problem]:
    return [problem("unknown_field", given=k, allowed=fields) for k in doc if k not in fields]


def parse_target(doc: Any) -> Target:
    """One target (a JSON object or a table row) → a Target, or ScenarioError listing every problem."""
    if not isinstance(doc, Mapping):
        raise ScenarioError([problem("not_object", key="target", allowed=TARGET_FIELDS)])
    problems = _unknown_fields(doc, TARGET_FIELDS)
    label = doc.get("label")
    bad = _text_problem("label", label)
    if bad:
        problems.append(bad)
    metric = doc.get("metric")
    if metric is None:
        problems.append(problem("missing", key="metric"))
    elif metric not in TARGET_METRICS:
        problems.append(problem("bad_choice", key="metric", value=metric, allowed=TARGET_METRICS))
    year, from_year = doc.get("year"), doc.get("from_year", BASE_YEAR)
    for name, y, lo in (("year", year, BASE_YEAR + 1), ("from_year", from_year, BASE_YEAR)):
        if y is None:
            problems.append(problem("missing", key=name))
        elif isinstance(y, bool) or not isinstance(y, int) or not lo <= y <= 2035:
            problems.append(problem("out_of_range", key=name, value=y, lo=lo, hi=2035, whole=True))
    if not problems and metric == "growth_avg" and from_year >= year:
        problems.append(problem("year_before", key="from_year", value=from_year, year=year))
    value = doc.get("value")
    lo, hi = TARGET_LIMITS.get(metric, (-50.0, 100000.0))
    if value is None:
        problems.append(problem("missing", key="value"))
    elif (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not ((isinstance(value, int) or math.isfinite(value)) and lo <= value <= hi)  # an int may be huge
    ):
        code = "out_of_range" if isinstance(value, (int, float)) and not isinstance(value, bool) else "not_number"
        unit = "yuan" if metric in LEVEL_METRICS else "percent" if metric in TARGET_METRICS else ""
        problems.append(problem(code, key="value", value=value, lo=lo, hi=hi, unit=unit))
    if problems:
        raise ScenarioError(problems)
    return Target(label=label.strip(), metric=metric, year=year, value=float(value), from_year=from_year)


def parse_targets(docs: Any) -> tuple[Target, ...]:
    """A list of targets; every problem of every one is listed (each located at its target)."""
    if not isinstance(docs, list):
        raise ScenarioError([problem("not_list", key="targets")])
    if len(docs) > MAX_TARGETS:
        raise ScenarioError([problem("too_many", key="targets", count=len(docs), limit=MAX_TARGETS)])
    return tuple(parse_all(docs, parse_target, "target"))


def _check_project_number(key: str, value: Any) -> tuple[float | int | None, Problem | None]:
    lo, hi = PROJECT_LIMITS[key]
    whole = key == "first_year"
    limits = {"lo": lo, "hi": hi, "whole": whole}
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None, problem("not_number", key=key, value=value, **limits)
    try:
        number = float(value)
    except OverflowError:
        return None, problem("out_of_range", key=key, value=value, **limits)
    if not math.isfinite(number) or not lo <= number <= hi:
        return None, problem("out_of_range", key=key, value=value, **limits)
    if whole and not number.is_integer():
        return None, problem("not_whole", key=key, value=value, **limits)
    return (int(number) if whole else number), None


def parse_project(doc: Any) -> PipelineProject:
    """One pipeline row (a JSON object or a table row) → a PipelineProject, or ScenarioError."""
    if not isinstance(doc, Mapping):
        raise ScenarioError([problem("not_object", key="project", allowed=PROJECT_FIELDS)])
    problems = _unknown_fields(doc, PROJECT_FIELDS)
    name = doc.get("name")
    bad = _text_problem("name", name)
    if bad:
        problems.append(bad)
    values = {}
    for key in ("investment", "full_output", "first_year"):
        if key not in doc or doc[key] is None:
            problems.append(problem("missing", key=key))
            continue
        values[key], bad = _check_project_number(key, doc[key])
        if bad:
            problems.append(bad)
    included = doc.get("included", True)
    if not isinstance(included, bool):
        problems.append(problem("not_bool", key="included", value=included))
    if problems:
        raise ScenarioError(problems)
    return PipelineProject(name=name.strip(), included=included, **values)


def parse_projects(docs: Any) -> tuple[PipelineProject, ...]:
    """A list of pipeline rows; every problem of every row is listed (each located at its project)."""
    if not isinstance(docs, list):
        raise ScenarioError([problem("not_list", key="projects")])
    if len(docs) > MAX_PROJECTS:
        raise ScenarioError([problem("too_many", key="projects", count=len(docs), limit=MAX_PROJECTS)])
    return tuple(parse_all(docs, parse_project, "project"))


def parse_all(
    items: list[Any], parse: Callable[[Any], Any], kind: str, problems: list[Problem] | None = None
) -> list[Any]:
    """``parse(item)`` for each item; every item's problems (after ``problems``), each located at
    ``(kind, n)`` (n from 1), are listed in one ScenarioError, so nothing from a list with a bad
    item is used."""
    problems = list(problems or [])
    out = []
    for n, item in enumerate(items, start=1):
        try:
            out.append(parse(item))
        except ScenarioError as e:
            problems.extend(located(e.problems, kind, n))
    if problems:
        raise ScenarioError(problems)
    return out


@dataclasses.dataclass(frozen=True)
class Scenario:
    """One complete, validated set of parameters (docs/model.md's table, in its order), and the projects
    a user added to the named ones (``projects``; empty by default)."""

    horizon_end: int
    use_observed: bool
    base_va: float
    base_revenue: float
    revenue_drift: float
    growth_start: float
    growth_end: float
    province_growth: float
    ti_growth: float
    ti_effect: float
    fund_size: float
    fund_paid_in: float
    fund_leverage: float
    fund_start: int
    fund_deploy_years: int
    output_per_investment: float
    value_added_rate: float
    build_years: int
    ramp_years: int
    additionality: float
    phase1_on: bool
    phase1_start: int
    phase2_on: bool
    phase2_start: int
    projects: tuple[PipelineProject, ...] = ()
    targets: tuple[Target, ...] = ()

    def to_dict(self) -> dict[str, float | int | bool]:
        """The parameters only (the ``parameters`` object of a scenario file)."""
        return {key: getattr(self, key) for key in PARAMETER_KEYS}

    def to_doc(self) -> dict[str, Any]:
        """The scenario file's body: ``parameters``, and ``projects`` when any were added."""
        doc: dict[str, Any] = {"model_version": MODEL_VERSION, "parameters": self.to_dict()}
        if self.projects:
            doc["projects"] = [p.to_dict() for p in self.projects]
        if self.targets:
            doc["targets"] = [t.to_dict() for t in self.targets]
        return doc

    def with_projects(self, projects: tuple[PipelineProject, ...]) -> Scenario:
        return dataclasses.replace(self, projects=tuple(projects))

    def with_targets(self, targets: tuple[Target, ...]) -> Scenario:
        return dataclasses.replace(self, targets=tuple(targets))

    def replace(self, overrides: Mapping[str, Any], *, text: bool = False) -> Scenario:
        """A new scenario with some values changed, validated like any other input."""
        return make_scenario(overrides, base=self, text=text)

    def changed_from(self, other: Scenario) -> dict[str, float | int | bool]:
        """The values of this scenario that differ from ``other``."""
        mine, theirs = self.to_dict(), other.to_dict()
        return {k: v for k, v in mine.items() if theirs[k] != v}


PARAMETER_KEYS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Scenario) if f.name not in ("projects", "targets")
)


def validate(overrides: Mapping[str, Any], *, text: bool = False) -> tuple[dict[str, Any], list[Problem]]:
    """Check every override; return the good values and a problem per bad one."""
    specs = load_parameters()
    good: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in overrides.items():
        spec = specs.get(key)
        if spec is None:
            problems.append(problem("unknown_parameter", given=str(key)))
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
    return Scenario(**{**start, **good}, projects=base.projects if base else (), targets=base.targets if base else ())


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

    def name(self, lang: Lang) -> str:
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
