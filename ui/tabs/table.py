"""The "Result table" tab: the result table (each year's status: published, estimated from the
months published so far, or projected), the project pipeline and the targets."""

from __future__ import annotations

import functools
import re

import streamlit as st

from model.lang import Lang
from model.parameters import load_parameters
from report import catalogue
from report.csv_export import DESCRIPTIONS, LABELS, column_header
from report.status import status_words
from report.text import t
from ui import pipeline, targets_panel
from ui.tabs import Page

# The formula symbols the column notes use besides the keys (g(t), va_ti, ...), in words.
SYMBOLS = catalogue.table("table.SYMBOLS")


def readable(text: str, lang: Lang) -> str:
    """``text`` with every parameter or column key written as a symbol (``base_va``: an underscore; not
    ``year``, an ordinary word too) and every formula symbol replaced by its name in ``lang`` (the page
    shows names, the data dictionary keeps the keys). A key is found between letters of any script:
    ``以base_va为基数`` too."""
    names, pattern = _names(lang)
    return pattern.sub(lambda m: names[m.group(1)], text)


@functools.cache
def _names(lang: Lang) -> tuple[dict[str, str], re.Pattern[str]]:
    """The names ``readable`` writes for keys and symbols in ``lang``, and the pattern finding them
    (made once a language, not for each column on each run of the page)."""
    names = {k: s.label(lang) for k, s in load_parameters().items() if "_" in k}
    names |= {key: label[lang] for key, label in LABELS.items() if "_" in key}
    names |= {symbol: words[lang] for symbol, words in SYMBOLS.items()}
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return names, re.compile(rf"(?<![A-Za-z0-9_])({alternatives})(?![A-Za-z0-9_])")


def result_column_config(lang: Lang) -> dict[str, st.column_config.Column]:
    """Labels with units for the result table, each with its description as help (names, not keys);
    the page shows one decimal, the files keep all."""
    config: dict[str, st.column_config.Column] = {}
    for key in LABELS:
        title, help_text = column_header(key, lang), readable(DESCRIPTIONS[key][lang], lang)
        config[key] = st.column_config.NumberColumn(title, format="%d" if key == "year" else "%.1f", help=help_text)
    return config


def render(page: Page) -> None:
    """The result table (each year's status), the project pipeline and the targets."""
    scenario, frame, lang = page.scenario, page.frame, page.lang
    st.subheader(t("table_title", lang))
    shown = frame.assign(status=status_words(frame, lang, page.history))
    config = result_column_config(lang)
    config["status"] = st.column_config.TextColumn(t("col_observed", lang), help=config["status"]["help"])
    st.dataframe(shown, hide_index=True, column_config=config, width="stretch", placeholder="")  # 2023 has no growth
    pipeline.section(scenario, lang)
    targets_panel.section(lang)
