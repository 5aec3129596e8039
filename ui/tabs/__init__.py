"""The page's tabs, one module each, each drawn by ``render(page)``.

Only the open tab is drawn (``st.tabs(..., on_change="rerun")`` makes each tab's ``.open`` known), so
a slider move redraws what the user is looking at and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from model.history import History
from model.lang import Lang
from model.parameters import Scenario


@dataclass(frozen=True)
class Page:
    """What every tab draws from: the scenario, its result table, the plan's, the page's language,
    and the official figures every computation uses (the data's and those added on the history tab)."""

    scenario: Scenario
    frame: pd.DataFrame
    baseline: pd.DataFrame
    lang: Lang
    history: History
