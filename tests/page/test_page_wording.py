"""Every tooltip of the page in the page's language: each tab opened in each language, every help
text on the page's tree (controls, metrics, buttons, titles, table columns), as a reader sees it
once its Markdown is drawn. The same checks as the browser's walk of the visible text
(tests/wording.py): no word of the other language, no key name or Python value, Chinese punctuation
in Chinese; and the tooltips reach the sources' reasoning and translations."""

from __future__ import annotations

import json
import re

import pytest
from pagekit import open_tab, run_page, shown
from streamlit.testing.v1 import AppTest

from model.lang import LANGS
from tests.wording import HALF_WIDTH, PUBLISHED, QUOTED, chinese_words, english_words, python_words

TABS = ("tab_scenario", "tab_table", "tab_analysis", "tab_history", "tab_library", "tab_sources")
# Markdown a tooltip draws, not shows: a coloured badge's directive (:blue-badge[报道原文] shows
# 报道原文), bold and italic marks, a link's address (its text is shown).
BADGE = re.compile(r":[a-z]+-badge\[([^\]]*)\]")
EMPHASIS = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def drawn(markdown: str) -> str:
    """The words a tooltip shows for its Markdown."""
    return shown(EMPHASIS.sub("", LINK.sub(r"\1", BADGE.sub(r"\1", markdown))))


def tooltips(at: AppTest) -> list[str]:
    """Every help text of the page as drawn last: each element's ``help``, each table column's."""
    found: list[str] = []

    def visit(node) -> None:
        proto = getattr(node, "proto", None)
        help_text = getattr(proto, "help", None)
        if isinstance(help_text, str) and help_text:
            found.append(help_text)
        columns = getattr(proto, "columns", None)
        if isinstance(columns, str) and columns:
            found.extend(c["help"] for c in json.loads(columns).values() if isinstance(c, dict) and c.get("help"))
        for child in (getattr(node, "children", None) or {}).values():
            visit(child)

    visit(at._tree)
    return found


# What the tooltips must reach in each language: a translated source sentence, an assumption's
# reasoning, a publication.
REACHED = {"zh": ("（译文）", "取值理由：", "出处："), "en": ("Reasoning: ", "Publication: ")}


@pytest.mark.parametrize("lang", LANGS)
def test_every_tooltip_of_every_tab_is_in_the_page_language(db_url: str, lang: str) -> None:
    at = run_page({"lang": lang}, lang=lang)
    markdown: list[str] = []
    for tab in TABS:
        markdown += tooltips(open_tab(at, tab, lang))
    texts = [drawn(m) for m in dict.fromkeys(markdown)]  # each once: the sidebar's are on every tab
    assert len(texts) >= 50  # the controls', the metrics', the buttons', the forms' and the tables'
    for part in REACHED[lang]:
        assert any(part in x for x in texts), part
    keys = python_words(texts)
    assert keys == {}, "\n".join(f"{word}: {text}" for word, text in sorted(keys.items()))
    if lang == "zh":
        half = {m[0] for x in texts for m in HALF_WIDTH.finditer(QUOTED.sub("", x)) if x.strip() not in PUBLISHED}
        assert half == set(), half
    foreign = english_words(texts) if lang == "zh" else chinese_words(texts)
    assert foreign == {}, "\n".join(f"{word}: {text}" for word, text in sorted(foreign.items()))


def test_a_tooltip_is_read_as_drawn():
    """The Markdown a tooltip draws is left out, its words kept; the checks then find what is wrong."""
    source = "**来源**：:orange-badge[模型假设]\n\n**出处**：[《德州日报》](https://example.org/a) · *2023*"
    assert drawn(source) == "来源：模型假设\n\n出处：《德州日报》 · 2023"
    assert set(english_words([drawn("**来源**：growth_end")])) == {"growth", "end"}
    assert python_words([drawn("**来源**：growth_end, None")]) == {
        w: "来源：growth_end, None" for w in ("growth_end", "None")
    }
    assert chinese_words([drawn("Source: :blue-badge[报道原文]")]) == {"报道原文": "Source: 报道原文"}
