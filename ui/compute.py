"""The model call, cached at the UI edge on plain arguments (DESIGN.md, example 2)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.parameters import PipelineProject, Scenario, make_scenario
from model.projection import project

Items = tuple[tuple[str, float | int | bool], ...]


Projects = tuple[tuple[str, float, float, int, bool], ...]


def plain(scenario: Scenario) -> tuple[Items, Projects]:
    """The scenario as plain, hashable arguments for st.cache_data."""
    projects = tuple((p.name, p.investment, p.full_output, p.first_year, p.included) for p in scenario.projects)
    return tuple(scenario.to_dict().items()), projects


def rebuild(items: Items, projects: Projects) -> Scenario:
    return make_scenario(dict(items)).with_projects(tuple(PipelineProject(*p) for p in projects))


@st.cache_data(max_entries=1024, show_spinner=False)
def _cached_project(items: Items, projects: Projects) -> pd.DataFrame:
    return project(rebuild(items, projects))


def projection(scenario: Scenario) -> pd.DataFrame:
    """The result table of ``scenario``; each distinct scenario is computed once per server."""
    return _cached_project(*plain(scenario))
