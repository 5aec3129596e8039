"""Presentation mode (``?mode=present``): no controls, large type, one scenario a screen.

The presenter steps through a chosen set of saved scenarios with the buttons or the arrow keys
(← →); each screen shows the scenario's headline figures and its main chart.
"""

from __future__ import annotations

import streamlit as st

from model.library import LibraryUnavailable
from model.parameters import Scenario, ScenarioError, default_scenario
from model.scenario_file import NamedScenario
from report import charts
from report.plain import md_text
from report.text import t
from ui import headline, targets_panel
from ui.compute import projection
from ui.tabs import library as library_tab

MODE_PRESENT = "present"
INDEX = "present_index"
CHOSEN = "present_names"

# Large type for a meeting room; the sidebar (the controls) is hidden.
STYLE = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"] { display: none !important; }
[data-testid="stMetricValue"] { font-size: 3.0rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem !important; white-space: normal !important; }
[data-testid="stMetricLabel"] div { white-space: normal !important; overflow: visible !important; }
[data-testid="stMetricDelta"] { font-size: 1.2rem !important; }
h1 { font-size: 2.4rem !important; padding-top: 0 !important; }
.block-container { padding-top: 1.2rem !important; padding-bottom: 0.5rem !important; }
</style>
"""


def is_on() -> bool:
    return st.query_params.get("mode") == MODE_PRESENT


def _enter() -> None:
    st.query_params["mode"] = MODE_PRESENT


def _leave() -> None:
    st.query_params.pop("mode", None)


def toggle(lang: str) -> None:
    """The sidebar button that starts presentation mode."""
    st.sidebar.button(
        t("present_start", lang), key="present_start", on_click=_enter, icon=":material/slideshow:", width="stretch"
    )


def _step(delta: int, count: int) -> None:
    st.session_state[INDEX] = (st.session_state.get(INDEX, 0) + delta) % count


def _deck(current: Scenario, lang: str) -> tuple[list[NamedScenario], list[str]]:
    """The chosen saved scenarios (or the current one when none is saved or chosen), and the names
    of all saved ones to choose from: the names (one column) and the chosen scenarios (six at most
    by default) are read, never every saved scenario's document."""
    try:
        library = library_tab.get_library(library_tab.library_url())
        names = library.names()
        if CHOSEN not in st.session_state:
            compared = [n for n in library_tab.compared_names() if n in names]
            st.session_state[CHOSEN] = compared or names[:6]
        by_name = library.get_many(n for n in st.session_state[CHOSEN] if n in names)
    except (LibraryUnavailable, ScenarioError):  # the library is unavailable: present what is on screen
        names, by_name = [], {}
    st.session_state[CHOSEN] = [n for n in st.session_state.get(CHOSEN, []) if n in by_name]
    chosen = [by_name[n].named() for n in st.session_state[CHOSEN]]
    return chosen or [NamedScenario(t("series_scenario", lang), current)], names


def view(current: Scenario, lang: str, language_switch) -> None:
    st.html(STYLE)
    deck, names = _deck(current, lang)
    index = st.session_state.get(INDEX, 0) % len(deck)
    item = deck[index]
    frame, baseline = projection(item.scenario), projection(default_scenario())

    head, prev, count, nxt, lang_box, leave = st.columns([6, 1, 1, 1, 2, 1.4], vertical_alignment="center")
    head.title(md_text(item.name))  # a saved name is shown as typed, never as Markdown
    prev.button(
        "←", key="present_prev", on_click=_step, args=(-1, len(deck)), shortcut="Left", help=t("present_prev", lang)
    )
    count.markdown(f"**{index + 1} / {len(deck)}**")
    nxt.button(
        "→", key="present_next", on_click=_step, args=(1, len(deck)), shortcut="Right", help=t("present_next", lang)
    )
    language_switch(container=lang_box)
    leave.button(t("present_exit", lang), key="present_exit", on_click=_leave, icon=":material/close:")

    headline.metrics(frame, baseline, lang)
    st.caption(headline.plan_sentence(item.scenario, frame, lang))
    chart = (
        charts.value_added_chart(
            frame, baseline, lang, label=item.name, targets=targets_panel.checked(item.scenario, lang)
        )
        .properties(height=300)
        .configure_axis(labelFontSize=17, titleFontSize=17)
        .configure_legend(labelFontSize=17)
    )
    st.altair_chart(chart, width="stretch")
    with st.expander(t("present_choose", lang)):
        st.multiselect(
            t("present_choose", lang),
            names,
            key=CHOSEN,
            label_visibility="collapsed",
            placeholder=t("choose_scenarios", lang) if names else t("no_options", lang),
        )
