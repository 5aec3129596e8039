"""Drawing charts fast: a chart's Vega-Lite spec is made once per kind and language; each rerun
sends only the new data.

A chart whose spec text is unchanged is updated in place in the browser (its data swapped), instead
of being built again; and the rerun skips building and validating the Altair objects. The builders in
report/charts.py stay the single definition of each chart: the spec is taken from them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from model.lang import Lang
from report import charts

# kind → the builder that turns (data, lang) into the chart
BUILDERS: dict[str, Callable[[pd.DataFrame, Lang], alt.TopLevelMixin]] = {
    "value_added": charts.value_added_from_data,
    "revenue": charts.revenue_from_data,
    "investment": charts.investment_from_data,
    "source": charts.baseline_from_data,
    "change": charts.change_from_data,
}


def spec_without_data(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec with its data taken out (the schema is checked by the tests)."""
    spec = chart.to_dict(validate=False)
    spec.pop("data", None)
    spec.pop("datasets", None)
    return spec


@st.cache_data(show_spinner=False, max_entries=64)
def _spec(
    kind: str, lang: Lang, columns: tuple[str, ...], layers: tuple[str, ...], options: tuple[tuple[str, Any], ...] = ()
) -> dict[str, Any]:
    # A chart draws a layer (the published years, the targets) only when its data has rows of it.
    sample = pd.DataFrame({"layer": list(layers)}).reindex(columns=list(columns))
    if "layer" in columns:
        sample["layer"] = list(layers)
    return spec_without_data(BUILDERS[kind](sample, lang, **dict(options)))


def chart(container: Any, kind: str, data: pd.DataFrame, lang: Lang, *, key: str | None = None, **options: Any) -> None:
    """Draw chart ``kind`` with ``data`` (and the builder's ``options``, such as ``red_up``); the spec
    comes from the cache after the first time."""
    layers = tuple(sorted(data["layer"].unique())) if "layer" in data else ()
    spec = _spec(kind, lang, tuple(data.columns), layers, tuple(sorted(options.items())))
    container.vega_lite_chart(data, spec, width="stretch", key=key)
