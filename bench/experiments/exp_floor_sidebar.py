"""Experiment: the app with its sidebar built as bench/controls_floor.py builds it (plain label = key, the
floor's one tooltip, no number format, no presets, no captions), the rest of the page as it is."""

import runpy

import _setup
import streamlit as st

from model.parameters import make_scenario
from ui import controls

HELP = "**Source:** the article. 「1至9月份,全市规模以上工业增加值同比增长8.4%」 Range −10 – 25 %."


def sidebar(lang):
    values = {}
    st.sidebar.header("Parameters")
    st.sidebar.button("Reset", width="stretch")
    for role, heading in controls.SECTIONS:
        if heading:
            st.sidebar.subheader(heading)
            st.sidebar.caption(f"{heading}: what the controls below stand for.")
        for group, members in controls.groups(role).items():
            with st.sidebar.expander(group, expanded=group in controls.OPEN_GROUPS):
                for spec in members:
                    if spec.kind == "bool":
                        values[spec.key] = st.toggle(
                            spec.key, value=spec.default, key=spec.key, bind="query-params", help=HELP
                        )
                    else:
                        values[spec.key] = st.slider(
                            spec.key,
                            spec.min,
                            spec.max,
                            spec.default,
                            spec.step,
                            key=spec.key,
                            bind="query-params",
                            help=HELP,
                        )
    return make_scenario(values)


controls.sidebar = sidebar
runpy.run_path(_setup.APP, run_name="__main__")
