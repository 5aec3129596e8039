"""The "This scenario" tab: the charts and the downloads."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from model.history import History
from model.lang import Lang
from model.scenario_file import NamedScenario
from report import charts
from report.csv_export import dictionary_csv, frame_to_csv
from report.text import t
from ui import controls, targets_panel, url
from ui import downloads as meeting
from ui import render as draw
from ui.services import computed_fan
from ui.tabs import Page

# The two charts side by side stack where either would be narrower than its title or its legend:
# the longer title, "Effect of the policy levers against the announced plan (100 million yuan)", is
# about 555 px wide, so each needs 37rem (592 px) and the row 76rem (issue 19: at 1280 px with the
# sidebar closed, 64rem put the title past the chart's edge).
SIDE_BY_SIDE = '.st-key-side_by_side [data-testid="stHorizontalBlock"]'  # this row only
LAYOUT = f"""<style>
{SIDE_BY_SIDE} {{ container-type: inline-size; flex-wrap: wrap; }}
@container (max-width: 76rem) {{ {SIDE_BY_SIDE} > [data-testid="stColumn"] {{ flex: 1 1 100% !important; }} }}
</style>"""


def render(page: Page) -> None:
    """The charts and the downloads (the table, the pipeline and the targets have a tab of their own)."""
    scenario, frame, baseline, lang = page.scenario, page.frame, page.baseline, page.lang
    targets = targets_panel.checked(scenario, lang)
    va_data = charts.value_added_data(frame, baseline, lang, targets=targets)
    draw.chart(st, "value_added", va_data, lang, key="chart_va")
    # Operating revenue (MODEL.md eq. 13), where the revenue targets are checked (issue 18).
    draw.chart(st, "revenue", charts.revenue_data(frame, baseline, targets, lang), lang, key="chart_revenue")
    st.html(LAYOUT)
    left, right = st.container(key="side_by_side").columns(2)
    draw.chart(left, "source", charts.baseline_data(frame, lang), lang)
    red_up = url.red_up(lang)
    draw.chart(right, "change", charts.change_data(frame, lang), lang, red_up=red_up)
    draw.chart(st, "investment", charts.stacked_data(frame, charts.INVESTMENT_COLUMNS, lang), lang)
    # One row of buttons as wide as their labels, wrapping where the window is narrow: four equal
    # columns cut 「下载本情景数据（CSV）」 at 1280 px (issue 19).
    row = st.container(horizontal=True, gap="small", key="scenario_downloads")
    d1 = d2 = d3 = d4 = row
    downloads(d1, d2, frame, lang, page.history)
    images = [
        (
            "value-added",
            t("chart_va_title", lang),
            lambda: charts.value_added_chart(frame, baseline, lang, targets=targets),
        ),
        (
            "revenue",
            t("chart_revenue_title", lang),
            lambda: charts.revenue_chart(frame, baseline, targets, lang),
        ),
        ("baseline", t("chart_source_title", lang), lambda: charts.source_chart(frame, lang)),
        ("change", t("chart_change_title", lang), lambda: charts.change_chart(frame, lang, red_up)),
        ("investment", t("chart_invest_title", lang), lambda: charts.investment_chart(frame, lang)),
    ]
    meeting.chart_images(d3, images, lang)
    name = meeting.scenario_name(scenario, lang, controls.saved_scenario())  # a saved one by its name
    meeting.deck(
        d4,
        lambda: [NamedScenario(name, scenario)],
        lang,
        key="deck_current",
        red_up=red_up,
        fans=lambda: [computed_fan(scenario, page.history)],
        history=page.history,
    )


def downloads(d1: Any, d2: Any, frame: pd.DataFrame, lang: Lang, history: History) -> None:
    # Callable data: the file is made when the user clicks, not on every rerun.
    d1.download_button(
        t("download_csv", lang),
        data=lambda: frame_to_csv(frame, lang, history),
        file_name="dezhou-scenario.csv",
        mime="text/csv",
        help=t("download_csv_labelled_help", lang),
        on_click="ignore",
        icon=":material/download:",
        key="download_csv",
    )
    d2.download_button(
        t("download_dict", lang),
        data=lambda: dictionary_csv(lang),
        file_name="dezhou-data-dictionary.csv",
        mime="text/csv",
        help=t("download_dict_help", lang),
        on_click="ignore",
        icon=":material/menu_book:",
        key="download_dict",
    )
