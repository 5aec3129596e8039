"""Reading what versions 1 and 2 of the model wrote: scenario files, saved library entries and links.

Version 1 files carry no ``model_version``; version 2 files carry ``"model_version": 2``. A version 2
scenario's values are all kept (:func:`upgrade_v2`); what changed meaning in version 3 gets a notice:
the parameters it did not have, the 技改 lever now scored against the plan, the levers acting from
the first projected year P (the past is fixed), and the result table's ``observed`` column, now
``status``. A version 1 scenario is read as version 1 → 2 → 3.

Version 1: Their values are kept, except where a value is version 1's
own default for a parameter whose default version 2 re-sourced: then version 2's default is used (the
user never chose the old value; the old value was the model's). Every key whose meaning or default
changed, and every parameter version 1 did not have, gets a notice naming it.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Mapping
from functools import cache
from typing import Any

from model.parameters import DATA_DIR, load_parameters
from model.problems import Problem, problem

NEW_IN_V2 = ("use_observed", "ti_effect", "fund_paid_in", "additionality")
NEW_IN_V3 = ("base_revenue", "revenue_drift")


@dataclasses.dataclass(frozen=True)
class CompatRow:
    key: str
    v1_default: float
    change: str  # "default" (re-sourced) or "meaning" (the parameter now means something else)
    note_en: str
    note_zh: str


@cache
def load_compat() -> dict[str, CompatRow]:
    with open(DATA_DIR / "compat_v1.csv", encoding="utf-8", newline="") as f:
        return {
            r["key"]: CompatRow(r["key"], float(r["v1_default"]), r["change"], r["note_en"], r["note_zh"])
            for r in csv.DictReader(f)
        }


@dataclasses.dataclass(frozen=True)
class CompatNotice:
    """One thing that changed for a version 1 scenario. ``code``: ``default_replaced`` (the value was
    version 1's default; version 2's is used), ``meaning_changed`` (the user's value is kept; it now
    means something else), ``unknown_key`` (dropped), ``new_parameters`` (``key`` lists them)."""

    code: str
    key: str
    value: Any = None
    new_value: Any = None

    def problem(self) -> Problem:
        """This notice as a problem (code ``v1_<code>``, or the ``v2_…`` code itself) for
        report.problems.say; the note from ``data/compat_v1.csv`` is in the renderer's table lookup, by key."""
        if self.code.startswith("v2_"):
            if self.code == "v2_ti_scored":
                return problem(self.code, key=self.key, value=self.value)
            if self.code == "v2_status_column":
                return problem(self.code)
            return problem(self.code, keys=tuple(k for k in self.key.split(",") if k))
        if self.code == "new_parameters":
            return problem("v1_new_parameters", keys=tuple(self.key.split(",")))
        if self.code == "unknown_key":
            return problem("v1_unknown_key", given=self.key)
        return problem(f"v1_{self.code}", key=self.key, value=self.value, new_value=self.new_value)


def upgrade_v1(params: Mapping[str, Any]) -> tuple[dict[str, Any], list[CompatNotice]]:
    """A version 1 ``parameters`` object → version 2 overrides, and a notice for each change."""
    specs = load_parameters()
    compat = load_compat()
    out: dict[str, Any] = {}
    notices: list[CompatNotice] = []
    for key, value in params.items():
        if key not in specs:
            notices.append(CompatNotice("unknown_key", str(key)))
            continue
        row = compat.get(key)
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        # ``value == v1_default``, not ``float(value) ==``: a whole number too large for a float is
        # compared exactly (and later refused as out of range) instead of raising OverflowError.
        if row and is_number and value == row.v1_default and specs[key].default != value:
            notices.append(CompatNotice("default_replaced", key, value, specs[key].default))
            continue
        if row and is_number and row.change == "meaning" and value != row.v1_default:
            notices.append(CompatNotice("meaning_changed", key, value))
        out[key] = value
    missing = [k for k in NEW_IN_V2 if k not in params]
    if missing:
        notices.append(CompatNotice("new_parameters", ",".join(missing)))
    return out, notices


def upgrade_v2(params: Mapping[str, Any], *, results: bool = False) -> tuple[dict[str, Any], list[CompatNotice]]:
    """A version 2 ``parameters`` object → version 3 overrides (every value kept), and a notice for
    each thing that changed meaning. ``results``: the document carried a result table (the command
    line's JSON output), whose ``observed`` column version 3 calls ``status``."""
    specs = load_parameters()
    out = dict(params)  # a key that is not a parameter stays, to be refused as in any version 3 file
    notices: list[CompatNotice] = []
    missing = [k for k in NEW_IN_V3 if k not in params]
    if missing:
        notices.append(CompatNotice("v2_new_parameters", ",".join(missing)))
    ti = params.get("ti_growth")
    if ti is not None and ti != specs["ti_growth"].default:
        notices.append(CompatNotice("v2_ti_scored", "ti_growth", ti))
    moved = [
        k
        for k, v in params.items()
        if k in specs and specs[k].role == "lever" and k != "ti_growth" and v != specs[k].default
    ]
    if moved:
        notices.append(CompatNotice("v2_levers_from_p", ",".join(moved)))
    if results:
        notices.append(CompatNotice("v2_status_column", "status"))
    return out, notices
