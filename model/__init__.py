"""The what-if model of Dezhou's above-size industry (docs/model.md, version 3).

Pure Python, numpy and pandas: nothing here imports streamlit.
"""

from model.parameters import (
    PARAMETER_KEYS,
    Project,
    Scenario,
    ScenarioError,
    default_scenario,
    load_parameters,
    load_projects,
    make_scenario,
)
from model.projection import RESULT_COLUMNS, project

__all__ = [
    "PARAMETER_KEYS",
    "RESULT_COLUMNS",
    "Project",
    "Scenario",
    "ScenarioError",
    "default_scenario",
    "load_parameters",
    "load_projects",
    "make_scenario",
    "project",
]
