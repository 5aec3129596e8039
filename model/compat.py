"""Reading what version 1 of the model wrote: scenario files, saved library entries and links.

Version 1 files carry no ``model_version``. Their values are kept, except where a value is version 1's
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

from model.parameters import DATA_DIR, fmt_number, load_parameters
from model.printable import control_chars

NEW_IN_V2 = ("use_observed", "ti_effect", "fund_paid_in", "additionality")


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

    def text(self, lang: str = "zh") -> str:
        specs = load_parameters()
        row = load_compat().get(self.key)
        note = (row.note_zh if lang == "zh" else row.note_en) if row else ""
        if self.code == "new_parameters":
            keys = self.key.split(",")
            if lang == "zh":
                names = "、".join(specs[k].label_zh for k in keys)
                return f"第1版情景没有以下参数，按第2版默认值计算：{names}。"
            names = ", ".join(specs[k].label_en for k in keys)
            return f"Version 1 scenarios do not have {names}: version 2's defaults are used."
        if self.code == "unknown_key":
            key = control_chars(self.key)
            if lang == "zh":
                return f"“{key}”在第2版中已不存在，已忽略。"
            return f"“{key}” no longer exists in version 2 and was left out."
        label = specs[self.key].label(lang)
        old, new = fmt_number(self.value), fmt_number(self.new_value)
        if self.code == "default_replaced":
            if lang == "zh":
                return f"{label}：原值{old}为第1版默认值，现按第2版默认值{new}计算。{note}"
            return f"{label}: {old} was version 1's default; version 2's default, {new}, is used. {note}"
        if lang == "zh":
            return f"{label}：保留原值{old}，但其含义已调整。{note}"
        return f"{label}: your value {old} is kept, but its meaning changed. {note}"


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
        if row and is_number and float(value) == row.v1_default and specs[key].default != value:
            notices.append(CompatNotice("default_replaced", key, value, specs[key].default))
            continue
        if row and is_number and row.change == "meaning" and float(value) != row.v1_default:
            notices.append(CompatNotice("meaning_changed", key, value))
        out[key] = value
    missing = [k for k in NEW_IN_V2 if k not in params]
    if missing:
        notices.append(CompatNotice("new_parameters", ",".join(missing)))
    return out, notices
