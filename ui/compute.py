"""The model call, cached at the UI edge on plain arguments (DESIGN.md, example 2)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.parameters import Scenario, make_scenario
from model.projection import project

Items = tuple[tuple[str, float | int | bool], ...]


@st.cache_data(max_entries=1024, show_spinner=False)
def _cached_project(items: Items) -> pd.DataFrame:
    return project(make_scenario(dict(items)))


def projection(scenario: Scenario) -> pd.DataFrame:
    """The result table of ``scenario``; each distinct scenario is computed once per server."""
    return _cached_project(tuple(scenario.to_dict().items()))
