"""One strings catalogue (issue 21, item 4): every user-facing string is in report/strings/zh.toml and
en.toml, with the same sections and keys in both, the same {fields}, none empty; every key the code
asks for by name exists."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from report import catalogue
from report.text import TEXT

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for d in ("app.py", "ui", "report", "cli") for p in sorted((ROOT / d).rglob("*.py")) or [ROOT / d]]


# Strings whose languages take different fields, on purpose: a date in each language's order and words,
# an estimated year's last month as a number or a name, the reader's detail kept out of the Chinese.
OWN_FIELDS = {("text.TEXT", "deck_date"), ("status.WORDS", "estimated"), ("problems.PROBLEMS", "cannot_read")}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_the_same_sections_and_keys():
    zh, en = catalogue.load("zh"), catalogue.load("en")
    assert zh.keys() == en.keys()
    assert [s for s in zh if zh[s].keys() != en[s].keys()] == []


@pytest.mark.parametrize("section", sorted(catalogue.load("zh")))
def test_every_string_is_there_with_the_same_fields(section):
    table = catalogue.table(section)
    assert [k for k, v in table.items() if not v["zh"].strip() or not v["en"].strip()] == []
    differ = [k for k, v in table.items() if fields(v["zh"]) != fields(v["en"])]
    assert [k for k in differ if (section, k) not in OWN_FIELDS] == []


def used_text_keys() -> set[str]:
    """Keys passed as a literal to t(…) or TEXT[…] anywhere in the page, the renderers or the command line."""
    keys: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("t", "bt") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.add(first.value)
            literal = isinstance(getattr(node, "slice", None), ast.Constant)
            if isinstance(node, ast.Subscript) and getattr(node.value, "id", None) == "TEXT" and literal:
                keys.add(str(node.slice.value))
    return keys


def test_every_key_used_exists():
    used = used_text_keys()
    assert len(used) > 300  # the scan finds the page's keys
    assert sorted(used - TEXT.keys()) == []


def test_a_section_missing_a_key_in_one_language_is_refused(monkeypatch):
    monkeypatch.setattr(catalogue, "load", lambda lang: {"s": {"a": "x"} if lang == "zh" else {}})
    with pytest.raises(KeyError, match="keys differ"):
        catalogue.table("s")


def test_every_result_column_has_a_label_a_description_and_a_unit():
    """The result columns' strings (the data dictionary's rows) are the catalogue's: every column the
    model writes has a label and a description, every one but status a unit, and no other column is named."""
    from model.projection import RESULT_COLUMNS
    from report.csv_export import COLUMN_UNITS, DESCRIPTIONS, LABELS, UNITS

    assert list(LABELS) == list(RESULT_COLUMNS)  # in the table's order
    assert list(DESCRIPTIONS) == list(LABELS)
    assert sorted(set(LABELS) - set(COLUMN_UNITS)) == ["status"] and set(COLUMN_UNITS) <= set(LABELS)
    assert set(COLUMN_UNITS.values()) <= set(UNITS)


# Keys allowed to hold the same (zh, en) pair: the same words today for different things, each free to
# change on its own. Words that mean the same in two places are kept once, the second key a
# catalogue.SAME_AS key; a new duplicate fails the test below.
SHARED_STRINGS: list[set[str]] = [
    # two problem codes (a link's or a file's parameter, a --vary name): each code's message is its own
    {"problems.PROBLEMS:unknown_parameter", "problems.PROBLEMS:vary_unknown"},
    # a place named by itself: a file and an option, each kind of place free to get its own words
    {"problems.WHERE:file", "problems.WHERE:option"},
    # a target's metric field (value added, growth…) and the targets sheet's official/own column
    {"problems.FIELDS:metric", "sheets.SHEET_HEADERS.targets:source_name"},
    # the parameters sheet's column header and a sources-sheet row's kind (a code's word)
    {"sheets.SHEET_HEADERS.parameters:label", "sheets.VALUE_WORDS.type:parameter"},
]


def test_no_string_is_kept_under_two_keys_unless_listed():
    """The same words under two keys (a "duplicate") are one string, kept once (a second key that means
    the same is a catalogue.SAME_AS key), unless SHARED_STRINGS lists the keys as deliberately separate."""
    keys: dict[tuple[str, str], set[str]] = {}
    zh, en = catalogue.load("zh"), catalogue.load("en")
    for section in zh:  # the strings the files keep (a SAME_AS key keeps none of its own)
        for key in zh[section]:
            keys.setdefault((zh[section][key], en[section][key]), set()).add(f"{section}:{key}")
    shared = [found for found in keys.values() if len(found) > 1]
    assert [found for found in shared if found not in SHARED_STRINGS] == []
    assert [listed for listed in SHARED_STRINGS if listed not in shared] == []  # the list has nothing stale


def test_a_same_as_key_shows_words_the_files_keep_under_another_key():
    """catalogue.SAME_AS: each key is asked for in a section the files have but is not kept there, and
    points at a key the files keep (not at another SAME_AS key); table() gives it those words."""
    zh = catalogue.load("zh")
    for key, kept in catalogue.SAME_AS.items():
        section, _, name = key.rpartition(":")
        kept_section, _, kept_name = kept.rpartition(":")
        assert section in zh and name not in zh[section], key
        assert kept_section in zh and kept_name in zh[kept_section], kept
        assert catalogue.table(section)[name] == catalogue.table(kept_section)[kept_name]
