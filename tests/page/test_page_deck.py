"""The page's deck button (issue 11, item 10): the fan goes into the deck once the uncertainty tab
has drawn one for the scenario on the page, and not for another scenario."""

from __future__ import annotations

from pagekit import run_page
from streamlit.testing.v1 import AppTest

from model.history import load_history
from model.parameters import default_scenario

SCRIPT = """
import streamlit as st
from model.history import Figure, load_history
from model.parameters import default_scenario, make_scenario
from ui import services

shown, figures = default_scenario(), load_history()
st.session_state[services.FAN_SHOWN] = (shown, 1000, 5, figures)
same = services.computed_fan(shown.with_targets(()), figures)
other = services.computed_fan(make_scenario({"fund_size": 80}), figures)
added = Figure(2024, "dezhou", "va_growth_pct", 7.2, "full-year", "公报", "", "2025-03", "", "增长7.2%。", "high")
refigured = services.computed_fan(shown, figures.with_added([added]))  # another figure added since: not this fan
st.write(same is not None and same.draws == 1000 and same.seed == 5 and len(same.percentiles) > 0)
st.write(other is None and refigured is None)
"""


def test_the_uncertainty_tab_records_the_fan_it_drew():
    at = run_page(tab="tab_analysis")
    scenario, draws, seed, figures = at.session_state["fan_shown"]
    assert scenario == default_scenario() and draws == 5_000 and seed == 0
    assert figures == load_history()  # the official figures it was drawn with (none added here)


def test_computed_fan_is_for_that_scenario_only():
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.run()
    assert not at.exception
    assert [m.value.strip("`") for m in at.markdown] == ["True", "True"]
