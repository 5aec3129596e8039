"""Scenario files: ``{"name": "...", "parameters": {"key": value}}``.

Values are JSON-typed: numbers for numeric parameters, ``true``/``false`` for switches. Any problem
(not UTF-8, bad JSON, wrong shape, unknown key, wrong type, out of range, too large) is reported,
every one of them, and nothing from a bad file is used.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from model.compat import CompatNotice, upgrade_v1, upgrade_v2
from model.files import read_limited, refusal
from model.parameters import (
    DATA_DIR,
    MODEL_VERSION,
    Scenario,
    ScenarioError,
    make_scenario,
    parse_all,
    parse_projects,
    parse_targets,
)
from model.problems import located, problem

MAX_FILE_BYTES = 1_000_000  # a scenario file is a few hundred bytes; 1 MB is generous


OPTIONAL_FIELDS = ("name_en", "description_zh", "description_en")  # presets carry these
# ``results``: the command line's JSON output carries the result rows; re-reading it ignores them.
FIELDS = ("model_version", "name", "parameters", "projects", "targets", *OPTIONAL_FIELDS, "results")


@dataclass(frozen=True)
class NamedScenario:
    name: str
    scenario: Scenario
    name_en: str = ""
    description_zh: str = ""
    description_en: str = ""
    # What changed for a scenario written by version 1 of the model (model.compat).
    notices: tuple[CompatNotice, ...] = ()


def parse_scenario_doc(doc: Any) -> NamedScenario:
    """One scenario object → a validated NamedScenario, or ScenarioError listing every problem (the
    caller locates them: the file, the scenario's number in it)."""
    if not isinstance(doc, dict):
        raise ScenarioError([problem("not_object", key="scenario", allowed=("name", "parameters"))])
    problems = [problem("unknown_field", given=k, allowed=FIELDS) for k in doc if k not in FIELDS]
    texts = {}
    for field in ("name", *OPTIONAL_FIELDS):
        value = doc.get(field, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            problems.append(problem("not_text", key=field, value=value))
            value = ""
        # A name is one line of text, as in the library; no text may hold a lone surrogate ("\ud800"
        # in JSON), which no page, file or terminal can encode.
        hidden = _NAME_HIDDEN if field in ("name", "name_en") else ("Cs",)
        if any(unicodedata.category(c) in hidden for c in value):
            code = "control_chars" if len(hidden) > 1 else "invalid_text"
            problems.append(problem(code, key=field, value=value))
            value = ""
        texts[field] = value.strip()
    params = doc.get("parameters", {})
    if not isinstance(params, dict):
        raise ScenarioError([*problems, problem("not_object", key="parameters")])
    version = doc.get("model_version", 1)
    notices: list[CompatNotice] = []
    if version in (1, 2) and not isinstance(version, bool):
        if version == 1:
            params, notices = upgrade_v1(params)
        params, later = upgrade_v2(params, results="results" in doc)
        notices += [n for n in later if not (version == 1 and n.code == "v2_status_column")]
    elif version != MODEL_VERSION or isinstance(version, bool):
        problems.append(problem("unsupported", key="model_version", value=version, allowed=(1, 2, MODEL_VERSION)))
    try:
        scenario = make_scenario(params)
    except ScenarioError as e:
        problems.extend(e.problems)
    added = targets = ()
    if "projects" in doc:
        try:
            added = parse_projects(doc["projects"])
        except ScenarioError as e:
            problems.extend(e.problems)
    if "targets" in doc:
        try:
            targets = parse_targets(doc["targets"])
        except ScenarioError as e:
            problems.extend(e.problems)
    if problems:
        raise ScenarioError(problems)
    scenario = scenario.with_projects(added).with_targets(targets)
    return NamedScenario(scenario=scenario, notices=tuple(notices), **texts)


# Control and format characters (a right-to-left override U+202E would show "abc\u202efdp.exe" as
# "abcexe.pdf"), lone surrogates, line/paragraph separators: as store.library.clean_name refuses.
_NAME_HIDDEN = ("Cc", "Cf", "Cs", "Zl", "Zp")


def _object_hook(twice: list[str]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """A json ``object_pairs_hook`` that notes, in ``twice``, each key given twice in one object
    (json alone keeps the last one silently)."""

    def pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        doc = dict(pairs)
        if len(doc) < len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen and key not in twice:
                    twice.append(key)
                seen.add(key)
        return doc

    return pairs_to_dict


def parse_scenario_bytes(data: bytes, source: str = "file") -> list[NamedScenario]:
    """Decode a scenario file's bytes: the single form, or ``{"version": 1, "scenarios": [...]}``.

    Every problem is located at ``source`` (a path or an uploaded file's name), and, in a file of
    many, at the scenario's number. A key given twice in one object is a problem, listed with the others.
    """
    try:
        return _parse_bytes(data)
    except ScenarioError as e:
        raise ScenarioError(located(e.problems, "file", source)) from None


LONG_DIGITS = 1000  # a whole number with more digits than this is kept as its size only


class LongNumber(int):
    """A whole number in a file with more than :data:`LONG_DIGITS` digits (Python refuses to read
    more than 4,300): beyond every range the model has, so it stays an ``int`` far too large for a
    float (every check says it is out of range), and remembers its first digits and how many there
    were (``digits``: the leading digits padded to the length, for the message)."""

    digits: str

    def __new__(cls, text: str) -> LongNumber:
        sign = -1 if text.startswith("-") else 1
        body = text.lstrip("+-")
        self = super().__new__(cls, sign * 10**LONG_DIGITS)
        self.digits = body[:3] + "0" * (len(body) - 3)
        return self

    def __repr__(self) -> str:
        return f"<a number of {len(self.digits):,} digits>"

    __str__ = __repr__


def _parse_int(text: str) -> int:
    """JSON's whole numbers: as int, or a LongNumber past :data:`LONG_DIGITS` digits (``int`` alone
    raises ValueError past 4,300 digits, which would stop the file's other problems being listed)."""
    return int(text) if len(text) <= LONG_DIGITS else LongNumber(text)


class _Constant(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity`` in a JSON file."""


def _reject_constant(name: str) -> None:
    raise _Constant(name)


def _parse_bytes(data: bytes) -> list[NamedScenario]:
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError([problem("file_too_large", size=len(data), limit=MAX_FILE_BYTES)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ScenarioError([problem("not_utf8", byte=e.start)]) from None
    twice: list[str] = []
    try:
        doc = json.loads(
            text,
            parse_constant=_reject_constant,
            object_pairs_hook=_object_hook(twice),
            parse_int=_parse_int,
        )
    except _Constant as e:
        raise ScenarioError([problem("json_constant", value=str(e))]) from None
    except json.JSONDecodeError as e:
        raise ScenarioError([problem("not_json", line=e.lineno, col=e.colno)]) from None
    except RecursionError:
        raise ScenarioError([problem("json_too_deep")]) from None
    duplicates = [problem("duplicate_key", given=k) for k in twice]
    try:
        found = _parse_many(doc) if isinstance(doc, dict) and "scenarios" in doc else [parse_scenario_doc(doc)]
    except ScenarioError as e:
        raise ScenarioError([*duplicates, *e.problems]) from None
    if duplicates:
        raise ScenarioError(duplicates)
    return found


def _parse_many(doc: dict) -> list[NamedScenario]:
    problems = [problem("unknown_field", given=k, allowed=MANY_FIELDS) for k in doc if k not in MANY_FIELDS]
    if doc.get("version", 1) != 1:
        problems.append(problem("unsupported", key="version", value=doc.get("version"), allowed=(1,)))
    items = doc["scenarios"]
    if not isinstance(items, list) or not items:
        raise ScenarioError([*problems, problem("not_list", key="scenarios")])
    return parse_all(items, parse_scenario_doc, "scenario", problems)


MANY_FIELDS = ("version", "scenarios")


PRESET_DIR = DATA_DIR / "presets"


@cache
def load_presets() -> tuple[NamedScenario, ...]:
    """The scenarios in ``data/presets/*.json``, in file-name order."""
    return tuple(read_scenario_file(p)[0] for p in sorted(PRESET_DIR.glob("*.json")))


def read_scenario_file(path: str | Path) -> list[NamedScenario]:
    """Read and parse a scenario file. At most the size limit plus one byte is read, so a device
    (``/dev/zero``) or a pipe that never ends is refused as too large instead of filling memory."""

    def refuse(code: str, **fields: Any) -> ScenarioError:
        return refusal(path, code, **fields)

    data, size = read_limited(path, MAX_FILE_BYTES)
    if len(data) > MAX_FILE_BYTES:
        raise refuse("file_too_large", size=size if size > MAX_FILE_BYTES else None, limit=MAX_FILE_BYTES)
    return parse_scenario_bytes(data, str(path))
