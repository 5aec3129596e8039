"""The "Result table" tab: the result table (each year's status: published, estimated from the
months published so far, or projected), the project pipeline and the targets."""

from __future__ import annotations

import streamlit as st

from report.status import status_words
from report.text import t
from ui import pipeline, targets_panel
from ui.tabs import Page
from ui.tabs.sources import result_column_config


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
