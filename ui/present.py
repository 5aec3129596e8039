"""Presentation mode (``?mode=present``): no controls, large type, one scenario a screen.

The presenter steps through a chosen set of saved scenarios with the buttons or the arrow keys
(← →); each screen shows the scenario's headline figures (each change measured against the baseline,
said on the screen), its main chart filling the screen, the settings it changes from the baseline,
and the presenter's own notes for the screen (kept for the session).
"""

from __future__ import annotations

import re

import streamlit as st

from model.history import History
from model.library import LibraryUnavailable
from model.parameters import Scenario, ScenarioError, default_scenario, load_parameters
from model.scenario_file import NamedScenario
from report import charts
from report.plain import md_text
from report.text import t
from ui import controls, headline, targets_panel
from ui import downloads as meeting
from ui.compute import projection
from ui.tabs import library as library_tab

MODE_PRESENT = "present"
INDEX = "present_index"
CHOSEN = "present_names"
NOTES = "present_notes"  # {scenario name: the presenter's notes}, kept for the session
NOTE = "present_note"  # the notes box of the screen shown
NOTE_FOR = "present_note_for"  # whose notes the box holds

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
/* the step buttons show one arrow: the key that does the same is said in their help */
.st-key-present_prev kbd, .st-key-present_next kbd { display: none !important; }
/* the chart takes the height the screen has left under the figures */
.st-key-present_chart { flex: none !important; height: max(300px, calc(100vh - 380px)) !important; }
.st-key-present_chart > div, .st-key-present_chart > div > div, .st-key-present_chart > div > div > div,
.st-key-present_chart .vega-embed { height: 100% !important; }
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
    if chosen:
        return chosen, names
    name = meeting.scenario_name(current, lang, controls.saved_scenario()) or t("series_scenario", lang)
    return [NamedScenario(name, current)], names


# A unit written in brackets, or a number with its unit: kept on one line.
UNIT = re.compile(r"[（(][^（）()，,]*[）)]|\d[\d,.]*\s?(?:亿元|%|个百分点|年)")  # brackets of prose have commas


def nowrap_units(text: str) -> str:
    """``text`` with each unit glued together (word joiners, no-break spaces), so that a line break
    never falls inside "（亿元）" or "(100 million yuan)"."""

    return UNIT.sub(lambda match: glue(match.group(0)), text)


def glue(text: str) -> str:
    """``text`` that never breaks across lines: no-break spaces, word joiners between characters."""
    return "\u2060".join(text.replace(" ", "\u00a0"))


def changed_settings(scenario: Scenario, lang: str) -> list[str]:
    """One line per setting that differs from the baseline: its label, its value with the unit, and
    the baseline's value; then the added projects by name."""
    specs = load_parameters()
    lines = [
        t(
            "present_change_line",
            lang,
            label=spec.label(lang),
            value=glue(controls.shown_value(spec, value, lang)),
            default=glue(controls.shown_value(spec, spec.default, lang)),
        )
        for key, value in scenario.changed_from(default_scenario()).items()
        for spec in (specs[key],)
    ]
    if scenario.projects:
        names = ("、" if lang == "zh" else ", ").join(p.name(lang) for p in scenario.projects)
        lines.append(t("present_added", lang, names=names))
    return lines


def _keep_note() -> None:
    st.session_state.setdefault(NOTES, {})[st.session_state[NOTE_FOR]] = st.session_state.get(NOTE, "")


def _notes(name: str, lang: str) -> None:
    """The presenter's notes for the screen shown: a box in a collapsed section, kept per scenario."""
    if st.session_state.get(NOTE_FOR) != name:
        st.session_state[NOTE_FOR] = name
        st.session_state[NOTE] = st.session_state.get(NOTES, {}).get(name, "")
    with st.expander(t("present_notes", lang), icon=":material/edit_note:"):
        st.text_area(t("present_notes_label", lang), key=NOTE, on_change=_keep_note, height=160)


def view(current: Scenario, lang: str, language_switch, history: History) -> None:
    st.html(STYLE)
    deck, names = _deck(current, lang)
    index = st.session_state.get(INDEX, 0) % len(deck)
    item = deck[index]
    frame, baseline = projection(item.scenario, history), projection(default_scenario(), history)

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

    headline.metrics(frame, baseline, lang, label=nowrap_units)
    as_of = headline.data_as_of(item.scenario, history, lang)
    sentence = headline.plan_sentence(item.scenario, frame, lang)
    st.caption(nowrap_units(f"{t('present_deltas', lang)} {sentence} {as_of}"))
    chart_column, side = st.columns([3, 1], gap="medium")
    chart = (
        charts.value_added_chart(
            frame, baseline, lang, label=item.name, targets=targets_panel.checked(item.scenario, lang)
        )
        .properties(height="container")  # the height of the box below (the screen's height left)
        .configure_axis(labelFontSize=17, titleFontSize=17)
        .configure_legend(orient="bottom", labelFontSize=17, labelLimit=0, columns=2, symbolSize=160)
    )
    with chart_column.container(key="present_chart"):
        st.altair_chart(chart, width="stretch", height="stretch")
    with side:
        st.markdown(f"**{nowrap_units(t('present_changes_title', lang))}**")
        changes = changed_settings(item.scenario, lang)
        if changes:
            st.markdown("\n".join(f"- {md_text(nowrap_units(line))}" for line in changes))
        else:
            st.markdown(t("present_no_changes", lang))
        _notes(item.name, lang)
        with st.expander(t("present_choose", lang)):
            st.multiselect(
                t("present_choose", lang),
                names,
                key=CHOSEN,
                label_visibility="collapsed",
                placeholder=t("choose_scenarios", lang) if names else t("no_options", lang),
            )
