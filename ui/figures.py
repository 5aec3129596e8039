"""The official figures the page computes with: ``data/history.csv`` and the figures users added on
the history tab (store.figures, in the scenario library's database).

Every computation on the page takes :func:`page_history` (the projection, the plan, the backtest, the
analysis, the exports), so a figure added on the history tab re-anchors the model at once, for every
user of the same library.
"""

from __future__ import annotations

import streamlit as st

from model.history import History, load_history
from model.parameters import ScenarioError
from model.problems import Problem
from store.figures import AddedFigure, FigureStore
from store.library import LibraryUnavailable
from ui.services import library_url, sign_in_configured

RUN_KEY = "figures_this_run"  # (added figures, problems) as read at the top of this run


@st.cache_resource(show_spinner=False)
def get_store(url: str, owners: bool = False) -> FigureStore:
    """One store (one connection pool) per server process, shared by every session."""
    return FigureStore(url, owners=owners)


def store() -> FigureStore:
    """The store in the scenario library's database (``DEZHOU_SCENARIO_DB`` or the secrets' ``scenario_db``)."""
    return get_store(library_url(), sign_in_configured())


def data_history() -> History:
    """The figures of ``data/history.csv`` (none while it is missing or being fixed)."""
    try:
        return load_history()
    except ScenarioError:
        return History(())


def added() -> tuple[list[AddedFigure], list[Problem]]:
    """The added figures in use (in the order added) and any problem reading them (the database
    unreachable: none are added, and the history tab says why)."""
    try:
        figures = store()
        return figures.list(), list(figures.problems)
    except (LibraryUnavailable, ScenarioError) as e:
        return [], list(e.problems)


def page_history() -> History:
    """``data/history.csv`` with the added figures after its rows (they win ties): what the model uses.
    Called once a run (app.py); :func:`this_run` gives the same added figures to the history tab."""
    listed, problems = added()
    st.session_state[RUN_KEY] = (listed, problems)
    base = data_history()
    return base.with_added(a.figure for a in listed) if listed else base


def this_run() -> tuple[list[AddedFigure], list[Problem]]:
    """The added figures :func:`page_history` read on this run (the ones the model uses), and the problems."""
    return st.session_state.get(RUN_KEY) or added()


def history_key(history: History) -> int:
    """A cheap key for the caches: hashing a History field by field costs milliseconds a call."""
    return hash(history)
