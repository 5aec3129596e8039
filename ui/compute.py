"""The model call, cached where the page calls it (the UI edge). ``st.cache_data`` hashes the frozen
``Scenario`` itself (a dataclass: its fields, projects and targets included), so equal scenarios share
one entry and any change is a new one (tests/page/test_compute_cache.py). The official figures in use
(``History``: the data's and those added on the history tab) are part of the key too, by their
Python hash (a frozen dataclass of frozen figures): hashing them field by field would cost more than
the projection."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.history import History
from model.parameters import Scenario
from model.projection import project

HASH_HISTORY = {History: hash}  # for every st.cache_data of the page that takes a History


@st.cache_data(max_entries=1024, show_spinner=False, hash_funcs=HASH_HISTORY)
def _cached_project(scenario: Scenario, history: History) -> pd.DataFrame:
    return project(scenario, history=history)


def projection(scenario: Scenario, history: History) -> pd.DataFrame:
    """The result table of ``scenario`` with the official figures ``history``; each distinct pair
    is computed once per server."""
    return _cached_project(scenario, history)
