"""The controls floor: what Streamlit itself costs for a page with this app's controls and nothing else.

Copied from ``../shared/bench/controls_floor.py`` (eighteen sliders, model version 1) and brought to
model version 2's 22 controls and grouping (see ``bench/README.md``): a "choices" group (horizon
slider, use-observed switch), then a "policy levers" and an "economy assumptions" section, each a
subheader and caption over its expanders (the same groups, order, keys, ranges, steps, defaults and
open/closed state as ``data/parameters.csv`` and ``ui/controls.py``). 19 URL-bound sliders and 3
switches with tooltips, a language switch, a reset button, a title and four metrics that depend on
every control. No model, no charts, no tabs. A slider move here is as fast as this many controls can
be in Streamlit; the page should come close.

    streamlit run bench/controls_floor.py
"""

import streamlit as st

# (section heading or None, [(group, open, [(key, min, max, default, step) or (key, bool default)])])
SECTIONS = (
    (None, [("Horizon and published figures", False, [("horizon_end", 2025, 2035, 2030, 1), ("use_observed", True)])]),
    (
        "Policy levers",
        [
            ("Technical-transformation investment", False, [("ti_growth", -30.0, 50.0, 16.1, 0.1)]),
            (
                "Industrial investment funds",
                True,
                [
                    ("fund_size", 0.0, 1000.0, 35.0, 1.0),
                    ("fund_paid_in", 0.3, 1.0, 0.4, 0.05),
                    ("fund_leverage", 1.0, 10.0, 4.2, 0.1),
                    ("fund_start", 2024, 2035, 2024, 1),
                    ("fund_deploy_years", 1, 10, 4, 1),
                ],
            ),
            (
                "Named projects",
                False,
                [
                    ("phase1_on", True),
                    ("phase1_start", 2024, 2035, 2025, 1),
                    ("phase2_on", True),
                    ("phase2_start", 2024, 2035, 2027, 1),
                ],
            ),
        ],
    ),
    (
        "Assumptions about the economy",
        [
            (
                "Base and trend growth",
                True,
                [
                    ("base_va", 100.0, 10000.0, 1120.0, 10.0),
                    ("growth_start", -10.0, 25.0, 8.4, 0.1),
                    ("growth_end", -10.0, 25.0, 8.4, 0.1),
                    ("province_growth", -10.0, 25.0, 7.1, 0.1),
                    ("ti_effect", 0.0, 0.5, 0.1, 0.01),
                ],
            ),
            (
                "New capacity",
                False,
                [
                    ("output_per_investment", 0.1, 5.0, 0.8, 0.05),
                    ("value_added_rate", 0.05, 0.6, 0.25, 0.01),
                    ("build_years", 0, 5, 1, 1),
                    ("ramp_years", 1, 6, 2, 1),
                    ("additionality", 0.0, 1.0, 0.6, 0.05),
                ],
            ),
        ],
    ),
)
HELP = "**Source:** the article. 「1至9月份,全市规模以上工业增加值同比增长8.4%」 Range −10 – 25 %."

st.set_page_config(page_title="controls floor", layout="wide")
lang = st.sidebar.segmented_control("Language", ["中文", "English"], default="中文", key="lang")
st.sidebar.header("Parameters")
st.sidebar.button("Reset", width="stretch")
values = []
for heading, groups in SECTIONS:
    if heading:
        st.sidebar.subheader(heading)
        st.sidebar.caption(f"{heading}: what the controls below stand for.")
    for name, expanded, controls in groups:
        with st.sidebar.expander(name, expanded=expanded):
            for key, *spec in controls:
                if len(spec) == 1:
                    values.append(float(st.toggle(key, value=spec[0], key=key, bind="query-params", help=HELP)))
                else:
                    values.append(st.slider(key, *spec, key=key, bind="query-params", help=HELP))
st.title("德州工业政策模拟")
st.caption("controls floor")
total = sum(values)
for i, col in enumerate(st.columns(4)):
    col.metric(f"Metric {i}", f"{total * (i + 1):,.1f}", f"{values[6] - 8.4:+.1f}", border=True)
