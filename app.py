"""The page: layout and wiring. Arithmetic lives in model/, charts in report/charts.py."""

from __future__ import annotations

import time

import streamlit as st

from model.parameters import default_scenario
from report.text import t
from ui import controls, figures, headline, heap, messages, present, url
from ui.compute import projection
from ui.tabs import Page, analysis, history, library, scenario, sources, table

heap.freeze_imports()  # once per process: the code imported above is left out of every rerun's garbage collection

presenting = present.is_on()
notes = present.is_notes()  # the presenter's own window: the notes of the screen shown
st.set_page_config(
    page_title="德州工业政策模拟 · Dezhou policy simulator",
    page_icon="🏭",
    layout="wide",
    initial_sidebar_state="collapsed" if presenting or notes else "auto",
)

lang = url.current_lang() if presenting or notes else url.language_switch()
if notes:
    present.notes_view(lang)
    st.stop()
url.take_pending_fixes()
controls.clear_loaded_mark()
url_problems, url_rounded = url.check_query_once()
url.mark_version()
# The official figures in use: data/history.csv and those added on the history tab (read once a run).
official = figures.page_history()
baseline = projection(default_scenario(), official)
OPEN_TAB = "open_tab"  # the open tab's text key (tab_scenario, …), whatever the language


# The title just below Streamlit's bar (3.75rem high) rather than 6rem down, so that at 1280×720 the
# open tab's first row (on "Save & compare", the box that saves the scenario) is on the first screen.
PAGE_TOP = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 4rem !important; }
[data-testid="stMainBlockContainer"] h1 { padding-top: 0 !important; }
</style>"""


def top_of_page(shown) -> None:
    st.html(PAGE_TOP)
    # What the page computes, in the title's ⓘ: as a caption its two lines pushed the tabs and the
    # save row below the first screen at 1280×720 once the cards said what they compare with.
    st.title(t("page_title", lang), help=t("page_caption", lang))
    headline.headline_area(shown, projection(shown, official), baseline, lang, official)


# The headline figures go out before the sidebar's eighteen controls are built: after the first
# run the controls' values are already in the session, so the figure a user is watching arrives
# sooner. The slot is drawn again only if the controls give another scenario (the first run).
top = st.empty()
early = None if presenting else controls.scenario_from_state(lang)
if early is not None:
    with top.container():
        top_of_page(early)
    time.sleep(headline.HEAD_START_S)  # the figures leave the server before the rest is built
current = controls.sidebar(lang, official)  # drawn (and hidden) in presentation mode too: the link keeps its values
url.apply_link_fixes()
if presenting:
    present.view(current, lang, official)
    st.stop()
present.toggle(lang)
if current != early:
    with top.container():
        top_of_page(current)
frame = projection(current, official)
url.long_link_notice(lang)  # shown by the browser only when Streamlit dropped an over-long link
if url_problems or url_rounded:
    with st.container(border=True):
        if url_problems:
            messages.show("warning", t("url_ignored", lang), url_problems, lang)
        if url_rounded:
            messages.show("info", t("url_rounded", lang), url_rounded, lang)
        st.button(t("dismiss", lang), key="dismiss_url", on_click=lambda: (url_problems.clear(), url_rounded.clear()))
# What changed for a link or a loaded scenario written by version 1 of the model (plain text).
for intro, notices in (("v1_notices_link", url.link_notices()), ("v1_notices_file", controls.loaded_notices())):
    if notices:
        with st.container(border=True):
            messages.show("info", t(intro, lang), [n.problem() for n in notices], lang)
            st.button(t("dismiss", lang), key=f"dismiss_{intro}", on_click=notices.clear)

# Only the open tab is drawn: a slider move redraws what the user is looking at and nothing else.
TABS = (
    ("tab_scenario", scenario),
    ("tab_table", table),
    ("tab_analysis", analysis),
    ("tab_history", history),
    ("tab_library", library),
    ("tab_sources", sources),
)
page = Page(current, frame, baseline, lang, official)
# The open tab is kept by its text key (OPEN_TAB), not by its label: the labels change with the
# language, and the tabs' own state is dropped while they are not drawn (presentation mode).
labels = {key: t(key, lang) for key, _ in TABS}
if st.session_state.get(OPEN_TAB) in labels and st.session_state.get("tab") not in labels.values():
    st.session_state["tab"] = labels[st.session_state[OPEN_TAB]]
for tab, (key, module) in zip(st.tabs(list(labels.values()), key="tab", on_change="rerun"), TABS, strict=True):
    if tab.open:
        st.session_state[OPEN_TAB] = key
        with tab:
            module.render(page)
