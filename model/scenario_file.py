"""Scenario files: ``{"name": "...", "parameters": {"key": value}}``.

Values are JSON-typed: numbers for numeric parameters, ``true``/``false`` for switches. Any problem
(not UTF-8, bad JSON, wrong shape, unknown key, wrong type, out of range, too large) is reported,
every one of them, and nothing from a bad file is used.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from model.compat import CompatNotice, upgrade_v1
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
from model.printable import control_chars

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


def parse_scenario_doc(doc: Any, where: str = "") -> NamedScenario:
    """One scenario object → a validated NamedScenario, or ScenarioError listing every problem."""
    at = f"{where}: " if where else ""
    if not isinstance(doc, dict):
        raise ScenarioError([f"{at}a scenario must be a JSON object with 'name' and 'parameters'"])
    problems = [f"{at}unknown field {k!r}; allowed: {', '.join(FIELDS)}" for k in doc if k not in FIELDS]
    texts = {}
    for field in ("name", *OPTIONAL_FIELDS):
        value = doc.get(field, "")
        if not isinstance(value, str):
            problems.append(f"{at}{field} must be text, not {value!r}")
            value = ""
        # A name is one line of text, as in the library; no text may hold a lone surrogate ("\ud800"
        # in JSON), which no page, file or terminal can encode.
        hidden = _NAME_HIDDEN if field in ("name", "name_en") else ("Cs",)
        if any(unicodedata.category(c) in hidden for c in value):
            what = "a scenario name cannot contain control characters" if len(hidden) > 1 else "not valid text"
            problems.append(f"{at}{field} {value!r}: {what}")
            value = ""
        texts[field] = value.strip()
    params = doc.get("parameters", {})
    if not isinstance(params, dict):
        raise ScenarioError([*problems, f"{at}parameters must be an object of key: value"])
    version = doc.get("model_version", 1)
    notices: list[CompatNotice] = []
    if version == 1 and not isinstance(version, bool):
        params, notices = upgrade_v1(params)
    elif version != MODEL_VERSION or isinstance(version, bool):
        problems.append(f"{at}model_version: {version!r} is not supported; allowed: 1 or {MODEL_VERSION}")
    try:
        scenario = make_scenario(params)
    except ScenarioError as e:
        problems.extend(at + p for p in e.problems)
    added = targets = ()
    if "projects" in doc:
        try:
            added = parse_projects(doc["projects"], where)
        except ScenarioError as e:
            problems.extend(e.problems)
    if "targets" in doc:
        try:
            targets = parse_targets(doc["targets"], where)
        except ScenarioError as e:
            problems.extend(e.problems)
    if problems:
        raise ScenarioError(problems)
    scenario = scenario.with_projects(added).with_targets(targets)
    return NamedScenario(scenario=scenario, notices=tuple(notices), **texts)


_NAME_HIDDEN = ("Cc", "Cs", "Zl", "Zp")  # control characters, lone surrogates, line/paragraph separators


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

    ``source`` (a path or an uploaded file's name) is quoted in the problems with its control
    characters escaped. A key given twice in one object is a problem, listed with the others.
    """
    source = control_chars(source)
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError([f"{source}: {len(data):,} bytes is larger than the {MAX_FILE_BYTES:,}-byte limit"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ScenarioError([f"{source}: not UTF-8 text (byte {e.start}); save it as UTF-8"]) from None
    twice: list[str] = []
    try:
        doc = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_object_hook(twice))
    except ValueError as e:
        raise ScenarioError([f"{source}: not valid JSON ({e})"]) from None
    except RecursionError:
        raise ScenarioError([f"{source}: JSON nested too deeply; a scenario file is a few levels deep"]) from None
    duplicates = [f"{source}: key {k!r} is given more than once in one object; allowed: once" for k in twice]
    try:
        if isinstance(doc, dict) and "scenarios" in doc:
            found = _parse_many(doc, source)
        else:
            found = [parse_scenario_doc(doc, source)]
    except ScenarioError as e:
        raise ScenarioError([*duplicates, *e.problems]) from None
    if duplicates:
        raise ScenarioError(duplicates)
    return found


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed; use a finite number")


def _parse_many(doc: dict, source: str) -> list[NamedScenario]:
    problems: list[str] = []
    extra = [k for k in doc if k not in ("version", "scenarios")]
    problems += [f"{source}: unknown field {k!r}; allowed: version, scenarios" for k in extra]
    if doc.get("version", 1) != 1:
        problems.append(f"{source}: version {doc.get('version')!r} is not supported; allowed: 1")
    items = doc["scenarios"]
    if not isinstance(items, list) or not items:
        raise ScenarioError([*problems, f"{source}: 'scenarios' must be a non-empty list"])
    return parse_all(items, lambda n, item: parse_scenario_doc(item, f"{source}, scenario {n}"), problems)


PRESET_DIR = DATA_DIR / "presets"


@cache
def load_presets() -> tuple[NamedScenario, ...]:
    """The scenarios in ``data/presets/*.json``, in file-name order."""
    return tuple(read_scenario_file(p)[0] for p in sorted(PRESET_DIR.glob("*.json")))


def read_scenario_file(path: str | Path) -> list[NamedScenario]:
    """Read and parse a scenario file. At most the size limit plus one byte is read, so a device
    (``/dev/zero``) or a pipe that never ends is refused as too large instead of filling memory."""
    if str(path) == "":
        raise ScenarioError(["the scenario file's path is empty; give a file name"])
    shown = control_chars(path)  # a path can hold terminal escape codes
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size  # 0 for a device or a pipe: what is read tells
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ScenarioError([f"{shown}: no such file"]) from None
    except IsADirectoryError:
        raise ScenarioError([f"{shown}: is a folder, not a scenario file"]) from None
    except PermissionError:
        raise ScenarioError([f"{shown}: cannot be read (permission denied)"]) from None
    except OSError as e:
        raise ScenarioError([f"{shown}: cannot be read ({control_chars(e.strerror or e)})"]) from None
    except ValueError:  # a NUL byte, or a lone surrogate that no file name can hold
        raise ScenarioError([f"{shown}: no such file (not a valid file name)"]) from None
    if len(data) > MAX_FILE_BYTES:
        told = f"{size:,} bytes" if size > MAX_FILE_BYTES else f"more than {MAX_FILE_BYTES:,} bytes"
        raise ScenarioError([f"{shown}: {told} is larger than the {MAX_FILE_BYTES:,}-byte limit"])
    return parse_scenario_bytes(data, str(path))
