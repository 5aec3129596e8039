"""The strings catalogue: every user-facing string in ``report/strings/zh.toml`` and ``en.toml``.

One file per language (as CHIME keeps its locales), read once; each ``[section]`` is one table of the
code (named ``module.NAME`` after the module that uses it), each key one string. :func:`table` gives a
section back as ``{key: {"zh": …, "en": …}}``, the shape the code has always used, so that a page label,
a problem template, a sheet header and a column's name all come from the same two files. A key whose words
another key keeps (``strings/same_as.toml``, :data:`SAME_AS`) is in the files once, under that key.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from model.lang import LANGS, Lang

__all__ = ["LANGS", "SAME_AS", "Lang", "load", "pair", "table", "tables"]

FOLDER = Path(__file__).resolve().parent / "strings"

# A key that shows words another key keeps (strings/same_as.toml): "section:key" → the key holding them.
with open(FOLDER / "same_as.toml", "rb") as _f:
    SAME_AS: dict[str, str] = tomllib.load(_f)


@cache
def load(lang: Lang) -> dict[str, dict[str, str]]:
    """Every section of one language's file."""
    with open(FOLDER / f"{lang}.toml", "rb") as f:
        return tomllib.load(f)


def table(section: str) -> dict[str, dict[str, str]]:
    """One section in both languages: ``{key: {"zh": …, "en": …}}`` (a key missing in one language is an error)."""
    zh, en = load("zh")[section], load("en")[section]
    if zh.keys() != en.keys():
        raise KeyError(f"{section}: keys differ between zh.toml and en.toml: {sorted(zh.keys() ^ en.keys())}")
    out = {k: {"zh": zh[k], "en": en[k]} for k in zh}
    for key, kept in SAME_AS.items():
        where, _, name = key.rpartition(":")
        if where == section:
            kept_section, _, kept_name = kept.rpartition(":")
            out[name] = {lang: load(lang)[kept_section][kept_name] for lang in LANGS}
    return out


def pair(section: str) -> dict[str, str]:
    """A section of one string: ``{"zh": …, "en": …}``."""
    return {lang: load(lang)[section]["_"] for lang in LANGS}


def tables(prefix: str) -> dict[str, dict[str, dict[str, str]]]:
    """Every section named ``prefix.NAME``, in the file's order: ``{NAME: table(…)}`` (a sheet's headers,
    a column's words)."""
    return {s.removeprefix(prefix + "."): table(s) for s in load("zh") if s.startswith(prefix + ".")}
