"""The page's deck button (issue 11, item 10): the fan goes into the deck once the uncertainty tab
has drawn one for the scenario on the page, and not for another scenario."""

from __future__ import annotations

from pagekit import run_page
from streamlit.testing.v1 import AppTest

from model.parameters import default_scenario

SCRIPT = """
import streamlit as st
from model.parameters import default_scenario, make_scenario
from ui.tabs import analysis

shown = default_scenario()
st.session_state[analysis.FAN_SHOWN] = (shown, 1000, 5)
same = analysis.computed_fan(shown.with_targets(()))
other = analysis.computed_fan(make_scenario({"fund_size": 80}))
st.write(same is not None and same.draws == 1000 and same.seed == 5 and len(same.percentiles) > 0)
st.write(other is None)
"""


def test_the_uncertainty_tab_records_the_fan_it_drew():
    at = run_page(tab="tab_analysis")
    scenario, draws, seed = at.session_state["fan_shown"]
    assert scenario == default_scenario() and draws == 5_000 and seed == 0


def test_computed_fan_is_for_that_scenario_only():
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.run()
    assert not at.exception
    assert [m.value.strip("`") for m in at.markdown] == ["True", "True"]
