"""The model call, cached where the page calls it (the UI edge). ``st.cache_data`` hashes the frozen
``Scenario`` itself (a dataclass: its fields, projects and targets included), so equal scenarios share
one entry and any change is a new one (tests/test_compute_cache.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.parameters import Scenario
from model.projection import project


@st.cache_data(max_entries=1024, show_spinner=False)
def _cached_project(scenario: Scenario) -> pd.DataFrame:
    return project(scenario)


def projection(scenario: Scenario) -> pd.DataFrame:
    """The result table of ``scenario``; each distinct scenario is computed once per server."""
    return _cached_project(scenario)
