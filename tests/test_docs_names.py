"""The user docs name the page's tabs, buttons and presets as the page does (issue 21, item 6).

A name written in the docs as ``*English* (中文)`` or ``**English** (中文)`` must be one pair of the strings
table (or a preset's two names), and every ``*Name* tab`` must be one of the page's tabs, so a renamed
tab or button fails here instead of leaving the README behind.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from report.text import TEXT

ROOT = Path(__file__).resolve().parents[1]
USER_DOCS = ("README.md", "docs/meeting.md")
BILINGUAL = re.compile(r"\*{1,2}([^*\n]+?)\*{1,2} \(([^)\n]*[\u4e00-\u9fff][^)\n]*)\)")
TAB_REFERENCE = re.compile(r"\*([^*\n]+?)\* tab\b")


def catalogue_pairs() -> set[tuple[str, str]]:
    pairs = {(d["en"].strip(), d["zh"].strip()) for d in TEXT.values() if "en" in d and "zh" in d}
    for path in sorted((ROOT / "data" / "presets").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        pairs.add((doc["name_en"], doc["name"]))
    return pairs


def tab_names() -> set[str]:
    return {d["en"] for k, d in TEXT.items() if k.startswith("tab_")}


@pytest.mark.parametrize("doc", USER_DOCS)
def test_bilingual_names_are_the_pages_own(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    pairs = catalogue_pairs()
    found = [(m.group(1).strip(), m.group(2).strip()) for m in BILINGUAL.finditer(text)]
    assert found, f"{doc} names no control in both languages"
    assert [pair for pair in found if pair not in pairs] == []


@pytest.mark.parametrize("doc", USER_DOCS)
def test_tabs_named_as_on_the_page(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert [name for name in TAB_REFERENCE.findall(text) if name not in tab_names()] == []


def test_the_check_catches_an_old_name() -> None:
    """The patterns see the names the README used before the tabs were renamed."""
    old = "the *Uncertainty & goals* tab, **Undo all** (全部撤销)"
    assert TAB_REFERENCE.findall(old) == ["Uncertainty & goals"] and "Uncertainty & goals" not in tab_names()
    assert [(m.group(1), m.group(2)) for m in BILINGUAL.finditer(old)] == [("Undo all", "全部撤销")]
    assert ("Undo all", "全部撤销") not in catalogue_pairs()
