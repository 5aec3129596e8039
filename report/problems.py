"""Every problem said once, in Chinese or English: :func:`say` (no Streamlit here).

The model raises each problem as data (model.problems.Problem: a code and its fields); the page and
the command line both phrase it here, from the templates of :data:`PROBLEMS`, in their language. A
parameter is named by its label and unit in that language (``data/parameters.csv``), never by its
key; a field of a project, a target or a file by its label (:data:`FIELDS`); values are rounded
(:func:`number`); a blank is said to be blank; text a user gave (a name, a file name, a key that
is not a parameter) is quoted with its control characters escaped. The page shows the result
through ``report.plain.md_text`` (ui.messages), so it is never read as Markdown.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from model.compat import load_compat
from model.lang import Lang
from model.parameters import ParamSpec, load_parameters
from model.printable import control_chars
from model.problems import Problem
from report import catalogue

# code → template in each language. The placeholders are the problem's fields as shown (see
# _Shown): {name} the parameter or field, {value} what was given, {allowed} what is allowed, …
PROBLEMS: dict[str, dict[str, str]] = catalogue.table("problems.PROBLEMS")

# Where a problem was found (model.problems.Problem.where), outermost first.
WHERE: dict[str, dict[str, str]] = catalogue.table("problems.WHERE")

# Fields that are not parameters: of an added project, a target, a scenario file, goal seek.
FIELDS: dict[str, dict[str, str]] = catalogue.table("problems.FIELDS")
# A target's value is in 亿元 (a level) or % (growth): model.parameters.parse_target says which.
UNITS: dict[str, dict[str, str]] = catalogue.table("units")
# The choices of a field, by their names.
CHOICES: dict[str, dict[str, str]] = catalogue.table("problems.CHOICES")
WORDS: dict[str, dict[str, str]] = catalogue.table("problems.WORDS")


def _word(key: str, lang: Lang, **values: Any) -> str:
    return WORDS[key][lang].format(**values)


def parameter_name(spec: ParamSpec, lang: Lang) -> str:
    """A parameter as the page names it: its label and, where it has one, its unit."""
    unit = spec.unit(lang)
    if not unit:
        return spec.label(lang)
    return f"{spec.label(lang)}（{unit}）" if lang == "zh" else f"{spec.label(lang)} ({unit})"


def quoted(text: Any, lang: Lang) -> str:
    """Text a user gave, quoted, with control characters escaped."""
    shown = control_chars(text)
    return f"“{shown}”" if lang == "zh" else f"'{shown}'"


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _hidden(c: str) -> bool:
    return unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def _huge(x: int) -> str:
    """A whole number too large for a float, in powers of ten (its leading digits and its size):
    a number read from a file with more digits than Python converts carries them (``digits``)."""
    digits = getattr(x, "digits", None) or str(abs(x))
    mantissa = (digits[0] + "." + digits[1:3]).rstrip("0").rstrip(".")
    sign = "−" if x < 0 else ""
    return f"{sign}{mantissa}×10{str(len(digits) - 1).translate(_SUPERSCRIPT)}"


def number(x: Any) -> str:
    """A number rounded for reading: whole numbers as they are, others to four significant figures
    (at least one decimal), never in Python's notation for a float that is not finite; a whole number
    too large for a float in powers of ten (``1×10⁵⁰⁰⁰``)."""
    if isinstance(x, int) and not isinstance(x, bool) and abs(x) >= 10**15:
        try:
            float(x)
        except OverflowError:
            return _huge(x)
    x = float(x)
    if not math.isfinite(x):
        return "NaN" if x != x else ("∞" if x > 0 else "−∞")
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    if abs(x) < 1e-3 or abs(x) >= 1e15:
        mantissa, exponent = f"{x:.2e}".split("e")
        power = str(int(exponent)).translate(_SUPERSCRIPT)
        return f"{mantissa.rstrip('0').rstrip('.')}×10{power}"
    decimals = max(1, 3 - math.floor(math.log10(abs(x))))
    return f"{x:.{decimals}f}".rstrip("0").rstrip(".")


def count(n: Any) -> str:
    return f"{int(n):,}"


def value(v: Any, lang: Lang) -> str:
    """A value as given, as a reader would write it: a blank is blank, a number rounded, text quoted."""
    if v is None:
        return WORDS["blank"][lang]
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)) or type(v).__module__ == "numpy":
        try:
            return number(v)
        except (TypeError, ValueError, OverflowError):
            return quoted(v, lang)
    if isinstance(v, str):
        return quoted(v, lang)
    if isinstance(v, (list, tuple)):
        return WORDS["a_list"][lang]
    if isinstance(v, Mapping):
        return WORDS["an_object"][lang]
    return quoted(v, lang)


def field_name(key: str, lang: Lang, unit: str = "") -> str:
    """A parameter (label and unit), a field (its label), a command-line option (as typed), or
    else the name as given, quoted."""
    spec = load_parameters().get(key)
    if spec is not None:
        return parameter_name(spec, lang)
    if key in FIELDS:
        label = FIELDS[key][lang]
        if unit in UNITS:
            label += f"（{UNITS[unit][lang]}）" if lang == "zh" else f" ({UNITS[unit][lang]})"
        return label
    if isinstance(key, str) and key.startswith("--"):
        return control_chars(key)
    return quoted(key, lang)


def _join(items: Iterable[str], lang: Lang, last: str = "and") -> str:
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return WORDS["and"][lang].join(items[:-1]) + WORDS[last][lang] + items[-1]


def _allowed(p: Problem, lang: Lang) -> str:
    """What the problem's parameter or field allows: a range from the parameter table, else the
    problem's own ``lo``, ``hi`` and ``whole``; for a field with choices, the choices."""
    if p.has("allowed") and p["allowed"] is not None:
        names = [CHOICES[a][lang] if a in CHOICES else _allowed_item(a, lang) for a in p["allowed"]]
        return _join(names, lang, "or")
    spec = load_parameters().get(p.get("key"))
    if spec is not None:
        if spec.kind == "bool":
            return WORDS["true_false"][lang]
        whole, lo, hi = spec.kind == "int", spec.min, spec.max
    else:
        whole, lo, hi = p.get("whole", False), p.get("lo"), p.get("hi")
    if p.code == "not_bool":
        return WORDS["true_false"][lang]
    if hi is None:
        return _word("whole_or_more", lang, lo=number(lo))
    return _word("whole_from" if whole else "number_from", lang, lo=number(lo), hi=number(hi))


def allowed_range(lo: float | int, hi: float | int, lang: Lang, whole: bool = False) -> str:
    """A column's help on the page: what it allows ("应为0至10000之间的数。")."""
    allowed = _word("whole_from" if whole else "number_from", lang, lo=number(lo), hi=number(hi))
    return _word("allowed_help", lang, allowed=allowed)


def _allowed_item(item: Any, lang: Lang) -> str:
    if isinstance(item, str):
        return field_name(item, lang)
    return value(item, lang)


def _goal_value(p: Problem) -> str:
    """The value goal seek found, to the precision of its control's step."""
    spec = load_parameters()[p["key"]]
    if spec.kind == "int":
        return str(round(p["value"]))
    decimals = max(0, -math.floor(math.log10(float(spec.step))) + 1)
    shown = f"{p['value']:.{decimals}f}"
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


class _Shown(dict):
    """The placeholders of a template: each of the problem's fields as shown, computed when used."""

    def __init__(self, p: Problem, lang: Lang):
        super().__init__()
        self.p, self.lang = p, lang

    def __missing__(self, name: str) -> str:
        p, lang = self.p, self.lang
        goal = p.code.startswith("goal_")
        if name == "name" and p.has("key"):
            return field_name(p["key"], lang, p.get("unit", ""))
        if name == "name":
            return quoted(p["name"], lang)
        if name == "value":
            return _goal_value(p) if goal else value(p.get("value"), lang)
        if name in ("given", "column"):
            return quoted(p[name], lang)
        if name == "owner":  # an e-mail address, as the sign-in gives it
            return control_chars(p[name])
        if name == "allowed":
            return _allowed(p, lang)
        if name == "choices":
            return _join([quoted(c, lang) for c in p["allowed"]], lang, "or")
        if name == "with_fields":
            if not p.get("allowed"):
                return ""
            fields = _join([field_name(f, lang) for f in p["allowed"]], lang)
            return f"（含{fields}）" if lang == "zh" else f" with {fields}"
        if name == "above":
            below = p.get("below")
            if below is None:
                return _word("above", lang, lo=number(p["lo"]))
            return _word("above_below", lang, lo=number(p["lo"]), below=number(below))
        if name in ("columns", "keys"):
            items = p[name]
            shown = [quoted(c, lang) for c in items] if name == "columns" else [field_name(k, lang) for k in items]
            return _join(shown, lang)
        if name == "chars":
            chars = p.get("chars")
            if chars is None:  # a name's hidden characters, by code point
                chars = tuple(dict.fromkeys(f"U+{ord(c):04X}" for c in str(p.get("value", "")) if _hidden(c)))
            return WORDS["and"][lang].join(chars)
        if name == "constant":
            return control_chars(p["value"])
        if name == "size":
            size = p.get("size")
            if size is None:
                return _word("more_bytes", lang, n=count(p["limit"]))
            return _word("bytes", lang, n=count(size))
        if name in ("count", "limit", "new", "first", "number", "byte", "line", "col", "used"):
            return count(p[name])
        if name == "problems":
            return ("；" if lang == "zh" else "; ").join(say(q, lang).rstrip("。") for q in p["problems"])
        if name == "note":
            row = load_compat().get(p["key"])
            return (row.note_zh if lang == "zh" else row.note_en) if row else ""
        if name in ("new_value", "lo", "hi", "low", "high", "step", "rounded"):
            return value(p[name], lang) if isinstance(p[name], str) else number(p[name])
        if name == "achieved" and goal:
            x = f"{p['achieved']:,.1f}" if p["kind"] == "va" else f"{p['achieved']:.2f}"
            return _word("va_in" if p["kind"] == "va" else "growth_to", lang, year=p["year"], x=x)
        if name == "target" and goal:
            x = f"{p['target']:,.1f}" if p["kind"] == "va" else number(p["target"])
            return _word("va_target" if p["kind"] == "va" else "growth_target", lang, x=x)
        if name in ("detail", "at"):
            return control_chars(p[name])
        if name == "field":  # a column of a history file, as written in the file
            return quoted(p["field"], lang)
        if name == "kind":
            return WORDS["a_whole_number" if p.get("whole") else "a_number"][lang]
        raw = p.get(name)
        return value(raw, lang) if not isinstance(raw, int) or isinstance(raw, bool) else str(raw)


def where(p: Problem, lang: Lang) -> str:
    """Where the problem was found, as the start of its sentence ("" when nowhere in particular).
    Before a sentence that names its own subject with a colon ("投资额（亿元）：…"), a comma."""
    if not p.where:
        return ""
    parts = [WHERE[kind][lang].format(control_chars(at)) for kind, at in p.where]
    named = PROBLEMS[p.code][lang].startswith(("{name}：", "{name}:"))
    if lang == "zh":
        return "，".join(parts) + ("，" if named else "：")
    return ", ".join(parts) + (", " if named else ": ")


def say(p: Problem, lang: Lang) -> str:
    """The problem as one sentence in ``lang`` ("zh" or "en"), plain text (not Markdown)."""
    text = where(p, lang) + PROBLEMS[p.code][lang].format_map(_Shown(p, lang))
    text = text.strip()
    if lang == "zh" and not text.endswith(("。", "！", "？")):
        text += "。"
    return text


def say_all(problems: Iterable[Problem], lang: Lang) -> str:
    """Several problems in one line: sentences in Chinese, separated by "; " in English."""
    sentences = [say(p, lang) for p in problems]
    return "".join(sentences) if lang == "zh" else "; ".join(sentences)
