"""The page: layout and wiring. Arithmetic lives in model/, charts in ui/charts.py."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.export import dictionary_csv, frame_to_csv
from model.parameters import default_scenario, make_scenario
from model.projection import headline, project
from ui import charts, controls, sources, url
from ui.text import t


@st.cache_data(max_entries=512, show_spinner=False)
def cached_project(items: tuple[tuple[str, float | int | bool], ...]) -> pd.DataFrame:
    """The model call, cached on plain arguments (the scenario's key/value pairs)."""
    return project(make_scenario(dict(items)))


def scenario_items(scenario) -> tuple[tuple[str, float | int | bool], ...]:
    return tuple(scenario.to_dict().items())


st.set_page_config(page_title="德州工业政策模拟 · Dezhou policy simulator", page_icon="🏭", layout="wide")

lang = url.language_switch()
url_problems = url.check_query_once()
scenario = controls.sidebar(lang)
frame = cached_project(scenario_items(scenario))
baseline = cached_project(scenario_items(default_scenario()))

st.title(t("page_title", lang))
st.caption(t("page_caption", lang))
if url_problems:
    with st.container(border=True):
        st.warning(t("url_ignored", lang) + "\n\n" + "\n".join(f"- {p}" for p in url_problems))
        st.button(t("dismiss", lang), key="dismiss_url", on_click=url_problems.clear)

now, base = headline(frame), headline(baseline)
year = now["final_year"]
same_horizon = year == base["final_year"]
cols = st.columns(4)
metrics = [
    ("metric_va", "va_total", "{:,.1f}"),
    ("metric_growth", "avg_growth_pct", "{:.2f}"),
    ("metric_fund", "cum_fund_investment", "{:,.1f}"),
    ("metric_extra", "extra_va", "{:,.1f}"),
]
for col, (label, key, fmt) in zip(cols, metrics, strict=True):
    delta = now[key] - base[key] if same_horizon or key == "cum_fund_investment" else None
    col.metric(
        t(label, lang, year=year),
        fmt.format(now[key]),
        delta=None if delta is None or abs(delta) < 1e-9 else fmt.replace("{:", "{:+").format(delta),
        help=t(label + "_help", lang),
        border=True,
    )

st.altair_chart(charts.value_added_chart(frame, baseline, lang), width="stretch")
left, right = st.columns(2)
left.altair_chart(charts.investment_chart(frame, lang), width="stretch")
right.altair_chart(charts.source_chart(frame, lang), width="stretch")

st.subheader(t("table_title", lang))
st.dataframe(frame, hide_index=True, column_config=sources.result_column_config(lang), width="stretch")
d1, d2, _ = st.columns([1, 1, 2])
d1.download_button(
    t("download_csv", lang),
    data=frame_to_csv(frame),
    file_name="dezhou-scenario.csv",
    mime="text/csv",
    help=t("download_csv_help", lang),
    on_click="ignore",
    icon=":material/download:",
    key="download_csv",
)
d2.download_button(
    t("download_dict", lang),
    data=dictionary_csv(),
    file_name="dezhou-data-dictionary.csv",
    mime="text/csv",
    help=t("download_dict_help", lang),
    on_click="ignore",
    icon=":material/menu_book:",
    key="download_dict",
)

sources.section(scenario, lang)
