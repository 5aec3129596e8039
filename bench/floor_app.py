"""The floor for ``bench/run.py``: the smallest Streamlit page with one slider and one metric.

Whatever the real page costs above this is ours; below it is Streamlit, the browser and the machine.
"""

import streamlit as st

value = st.slider("x", min_value=0, max_value=1000, value=500, step=1, key="x")
st.metric("value", f"{value * 1.5:,.1f}")
