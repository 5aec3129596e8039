"""Experiment: bench/controls_floor.py with the app's six tabs under the metrics (``st.tabs(..., key=,
on_change="rerun")``), each empty: what Streamlit's tabs cost on a key press."""

import runpy
from pathlib import Path

import streamlit as st

runpy.run_path(str(Path(__file__).resolve().parents[1] / "controls_floor.py"), run_name="__main__")
names = ["本情景", "数据表", "分析", "历史数据与回测", "情景库", "数据来源"]
for tab in st.tabs(names, key="tab", on_change="rerun"):
    if tab.open:
        with tab:
            pass
