"""Presentation mode (``?mode=present``): no controls, large type, one scenario a screen.

The presenter steps through a chosen set of saved scenarios with the buttons or the arrow keys
(← →); each screen shows the scenario's headline figures (each change measured against the baseline,
said on the screen), its main chart filling the screen and the settings it changes from the baseline.

The presenter's notes are not on the projected screen: they are in a view of their own
(``?mode=notes&room=…``) that the presenter opens in a second window on the laptop's own screen, as
PowerPoint's presenter view. The two windows share a *room* (the link's ``room``, made when
presentation mode starts): the screen shown, the scenarios' names, the notes and the language. Either
window steps both (each follows the other within a second); the language switch is in the notes view.
Rooms live in the server's memory (:func:`_rooms`): notes are kept while the server runs, never saved
in the library or the link.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import streamlit as st

from model.history import History
from model.lang import LANGS, Lang
from model.parameters import Scenario, ScenarioError, default_scenario, load_parameters
from model.scenario_file import NamedScenario
from report import charts
from report.plain import md_text
from report.text import t
from store.library import LibraryUnavailable
from ui import controls, headline, targets_panel
from ui import downloads as meeting
from ui.compute import projection
from ui.services import compared_names, get_library, library_url

MODE_PRESENT = "present"
MODE_NOTES = "notes"  # the presenter's own window: the notes of the screen shown, the steps, the language
ROOM = "room"  # the link's key: the presentation both windows share
CHOSEN = "present_names"
NOTE = "present_note"  # the notes box of the screen shown
NOTE_FOR = "present_note_for"  # whose notes the box holds
FOLLOW_S = 1.0  # each window looks this often whether the other stepped or changed language
MAX_ROOMS = 200  # the oldest room is forgotten beyond this many


@dataclass
class Room:
    """One presentation: what the projected screen and the presenter's notes view share."""

    names: list[str] = field(default_factory=list)  # the scenarios presented, in order
    index: int = 0  # the screen shown
    notes: dict[str, str] = field(default_factory=dict)  # {scenario name: the presenter's notes}
    lang: Lang | None = None  # the language both windows show (set by the notes view's switch)

    def state(self) -> tuple:
        """What a window follows: when this changes, the window is drawn again."""
        return (tuple(self.names), self.index, self.lang)

    def shown(self) -> str | None:
        return self.names[self.index % len(self.names)] if self.names else None


@st.cache_resource
def _rooms() -> tuple[OrderedDict[str, Room], threading.Lock]:
    """Every room of this server process, the oldest first, and the lock that guards them."""
    return OrderedDict(), threading.Lock()


def room(token: str) -> Room:
    """The room ``token`` (made when first asked for)."""
    rooms, lock = _rooms()
    with lock:
        if token not in rooms:
            rooms[token] = Room()
            while len(rooms) > MAX_ROOMS:
                rooms.popitem(last=False)
        rooms.move_to_end(token)
        return rooms[token]


def _token() -> str:
    """The link's room, made (and written in the link) when the link has none or a malformed one."""
    token = st.query_params.get(ROOM, "")
    if not re.fullmatch(r"[A-Za-z0-9_-]{4,40}", token):
        token = secrets.token_urlsafe(8)
        st.query_params[ROOM] = token
    return token


def notes_link(token: str, lang: Lang) -> str:
    """The address of the notes view of room ``token`` (relative: the same server)."""
    return f"?mode={MODE_NOTES}&{ROOM}={token}&lang={lang}"


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
/* no ⓘ on the projected screen: the details are for the page, not the room (a button's help
   wraps the button itself in a tooltip, so only the labels' icons go) */
[data-testid="stMetricLabel"] [data-testid="stTooltipIcon"] { display: none !important; }
/* the step buttons show one arrow: the key that does the same is said in their help */
.st-key-present_prev kbd, .st-key-present_next kbd { display: none !important; }
/* the chart takes the height the screen has left under the figures (a long name: two lines of a
   smaller title, see TITLE_STYLE) */
.st-key-present_chart {
  flex: none !important; height: max(300px, calc(100vh - 380px - var(--title-extra, 0px))) !important;
}
.st-key-present_chart > div, .st-key-present_chart > div > div, .st-key-present_chart > div > div > div,
.st-key-present_chart .vega-embed { height: 100% !important; }
</style>
"""


# The notes view has no sidebar (nothing to control there but the notes).
NOTES_STYLE = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
.st-key-present_prev kbd, .st-key-present_next kbd { display: none !important; }
</style>
"""


# A long scenario name (up to 80 characters) in a smaller title that wraps to two lines at most at
# 1280 px, the chart giving up the height of the second line.
LONG_NAME = 24
TITLE_STYLE = """<style>h1 { font-size: 1.55rem !important; line-height: 1.3 !important; }
:root { --title-extra: 30px; }</style>"""


def is_on() -> bool:
    return st.query_params.get("mode") == MODE_PRESENT


def is_notes() -> bool:
    return st.query_params.get("mode") == MODE_NOTES


SIDEBAR_ROOM = "present_room"  # the room the sidebar's buttons start and open


def _enter() -> None:
    token = st.session_state[SIDEBAR_ROOM]
    st.query_params["mode"] = MODE_PRESENT
    st.query_params[ROOM] = token
    room(token).lang = st.session_state.get("lang")  # the page's language, whatever the room had


def _leave() -> None:
    st.query_params.pop("mode", None)


def toggle(lang: Lang) -> None:
    """The sidebar button that starts presentation mode, and the link that opens its notes view in
    a window of its own (for the presenter's screen)."""
    token = st.session_state.setdefault(SIDEBAR_ROOM, secrets.token_urlsafe(8))
    st.sidebar.button(
        t("present_start", lang), key="present_start", on_click=_enter, icon=":material/slideshow:", width="stretch"
    )
    st.sidebar.link_button(
        t("present_notes_open", lang),
        notes_link(token, lang),
        help=t("present_notes_open_help", lang),
        icon=":material/speaker_notes:",
        width="stretch",
    )


def _step(token: str, delta: int) -> None:
    here = room(token)
    if here.names:
        here.index = (here.index + delta) % len(here.names)


@st.fragment(run_every=FOLLOW_S)
def _follow(token: str, seen: tuple) -> None:
    """Draw the page again when the other window stepped, chose other scenarios or changed language."""
    if room(token).state() != seen:
        st.rerun(scope="app")


def _deck(current: Scenario, lang: Lang) -> tuple[list[NamedScenario], list[str]]:
    """The chosen saved scenarios (or the current one when none is saved or chosen), and the names
    of all saved ones to choose from: the names (one column) and the chosen scenarios (six at most
    by default) are read, never every saved scenario's document."""
    try:
        library = get_library(library_url())
        names = library.names()
        if CHOSEN not in st.session_state:
            compared = [n for n in compared_names() if n in names]
            st.session_state[CHOSEN] = compared or names[:6]
        by_name = library.get_many(n for n in st.session_state[CHOSEN] if n in names)
    except (LibraryUnavailable, ScenarioError):  # the library is unavailable: present what is on screen
        names, by_name = [], {}
    st.session_state[CHOSEN] = [n for n in st.session_state.get(CHOSEN, []) if n in by_name]
    chosen = [by_name[n].named() for n in st.session_state[CHOSEN]]
    if chosen:
        return chosen, names
    name = meeting.scenario_name(current, lang, controls.saved_scenario()) or t("this_scenario", lang)
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


def changed_settings(scenario: Scenario, lang: Lang) -> list[str]:
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
    included = [p for p in scenario.projects if p.included]  # an added project is a PipelineProject: a name
    if included:
        names = ("、" if lang == "zh" else ", ").join(p.name for p in included)
        lines.append(t("present_added", lang, names=names))
    return lines


def _keep_note(token: str) -> None:
    room(token).notes[st.session_state[NOTE_FOR]] = st.session_state.get(NOTE, "")


def _steps(token: str, index: int, count: int, lang: Lang) -> None:
    """← n / N →, the arrow keys doing the same."""
    prev, place, nxt = st.columns([1, 1.2, 1], vertical_alignment="center", gap="small")
    prev.button(
        "←", key="present_prev", on_click=_step, args=(token, -1), shortcut="Left", help=t("present_prev", lang)
    )
    place.markdown(f"**{index + 1} / {count}**")
    nxt.button("→", key="present_next", on_click=_step, args=(token, 1), shortcut="Right", help=t("present_next", lang))


def view(current: Scenario, lang: Lang, history: History) -> None:
    """The projected screen: no controls, no notes, no ⓘ, no language switch (all in the notes view)."""
    st.html(STYLE)
    token = _token()
    here = room(token)
    if here.lang is None:
        here.lang = lang
    elif here.lang != lang:  # the notes view changed the language: the screen follows
        st.session_state["lang"] = lang = here.lang
        st.query_params["lang"] = lang
    deck, names = _deck(current, lang)
    here.names = [item.name for item in deck]
    here.index %= len(deck)
    index = here.index
    item = deck[index]
    frame, baseline = projection(item.scenario, history), projection(default_scenario(), history)
    _follow(token, here.state())

    if len(item.name) > LONG_NAME:
        st.html(TITLE_STYLE)
    head, steps, leave = st.columns([7.5, 2.2, 1.5], vertical_alignment="center")
    head.title(md_text(item.name))  # a saved name is shown as typed, never as Markdown
    with steps:
        _steps(token, index, len(deck), lang)
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
        with st.expander(t("present_choose", lang)):
            st.multiselect(
                t("present_choose", lang),
                names,
                key=CHOSEN,
                label_visibility="collapsed",
                placeholder=t("choose_scenarios", lang) if names else t("no_options", lang),
            )
        st.link_button(
            t("present_notes_open", lang),
            notes_link(token, lang),
            help=t("present_notes_open_help", lang),
            icon=":material/speaker_notes:",
        )


def _notes_lang(token: str) -> None:
    """The notes view's language switch: this window and the projected screen."""
    st.query_params["lang"] = room(token).lang = st.session_state["lang"]


def notes_view(lang: Lang) -> None:
    """The presenter's window (``?mode=notes&room=…``): the screen shown and the next, the steps, the
    notes of each screen, the language of both windows."""
    st.html(NOTES_STYLE)
    token = _token()
    here = room(token)
    if here.lang is not None and here.lang != lang:
        st.session_state["lang"] = lang = here.lang
        st.query_params["lang"] = lang
    _follow(token, here.state())
    name = here.shown()
    head, steps, switch = st.columns([6, 2.4, 2], vertical_alignment="center")
    head.subheader(f"{t('present_notes', lang)} · {md_text(name)}" if name else t("present_notes", lang))
    switch.segmented_control(
        "语言 / Language",
        LANGS,
        format_func={"zh": "中文", "en": "English"}.get,
        key="lang",
        required=True,
        on_change=_notes_lang,
        args=(token,),
        label_visibility="collapsed",
    )
    if name is None:
        st.info(t("present_notes_waiting", lang))
        return
    with steps:
        _steps(token, here.index, len(here.names), lang)
    if st.session_state.get(NOTE_FOR) != name:
        st.session_state[NOTE_FOR] = name
        st.session_state[NOTE] = here.notes.get(name, "")
    st.text_area(t("present_notes_label", lang), key=NOTE, on_change=_keep_note, args=(token,), height=260)
    following = here.names[(here.index + 1) % len(here.names)]
    if len(here.names) > 1:
        st.caption(t("present_notes_next", lang, name=md_text(following)))
