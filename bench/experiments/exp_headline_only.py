"""Experiment: the app's headline area and sidebar only: no tabs, no notices, no presentation button."""

import _setup  # noqa: F401
import streamlit as st

from model.parameters import default_scenario
from report.text import t
from ui import controls, headline, url
from ui.compute import projection

st.set_page_config(page_title="experiment", page_icon="🏭", layout="wide")
lang = url.language_switch()
baseline = projection(default_scenario())
top = st.empty()
early = controls.scenario_from_state(lang)


def top_of_page(shown) -> None:
    st.title(t("page_title", lang))
    st.caption(t("page_caption", lang))
    headline.headline_area(shown, projection(shown), baseline, lang)


if early is not None:
    with top.container():
        top_of_page(early)
current = controls.sidebar(lang)
if current != early:
    with top.container():
        top_of_page(current)
