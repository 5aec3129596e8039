"""The "Result table" tab: the result table (each year's status: published, estimated from the
months published so far, or projected), the project pipeline and the targets."""

from __future__ import annotations

import re

import streamlit as st

from model.lang import Lang
from model.parameters import load_parameters
from report.csv_export import DESCRIPTIONS, LABELS, column_header
from report.status import status_words
from report.text import t
from ui import pipeline, targets_panel
from ui.tabs import Page


def readable(text: str, lang: Lang) -> str:
    """``text`` with every parameter or column key replaced by its name in ``lang`` (the page shows
    names, the data dictionary keeps the keys)."""
    names = {k: s.label(lang) for k, s in load_parameters().items()}
    names |= {key: label[lang] for key, label in LABELS.items()}
    pattern = r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b"
    return re.sub(pattern, lambda m: names[m.group(1)], text)


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
