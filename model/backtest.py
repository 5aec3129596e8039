"""The backtest: what the article's scenario projected for each year with an official figure.

The article's scenario is every parameter at its default with ``use_observed`` off, so every year
from 2024 is projected, and the trend at the article's pace (``ARTICLE_PACE``, flat: the defaults of
``growth_start`` and ``growth_end`` are now sourced from later figures); its growth is set against
Dezhou's official full-year growth.
"""

from __future__ import annotations

import pandas as pd

from model.history import USABLE, History, load_history
from model.parameters import BASE_YEAR, default_scenario
from model.projection import project

# The article: 「1至9月份,全市规模以上工业增加值同比增长8.4%,高于全省1.3个百分点。」 (《德州日报》 2023-11-03)
ARTICLE_PACE = 8.4

BACKTEST_COLUMNS = ("year", "official_pct", "projected_pct", "error_pts", "publication", "date", "confidence")


def backtest(history: History | None = None, lang: str = "zh") -> pd.DataFrame:
    """One row a year from 2024 with an official full-year figure of Dezhou's growth (high or medium
    confidence): the official growth, the article's projection of it, and the error in points
    (projected − official); the publication is named in ``lang`` (its Chinese name if it has no
    English one)."""
    history = history or load_history()
    figures = {y: f for y, f in history.chosen("dezhou").items() if y > BASE_YEAR and f.confidence in USABLE}
    scenario = default_scenario().replace(
        {"use_observed": False, "growth_start": ARTICLE_PACE, "growth_end": ARTICLE_PACE}
    )
    if figures:
        scenario = scenario.replace({"horizon_end": min(max(scenario.horizon_end, max(figures)), 2035)})
    projected = project(scenario).set_index("year")["growth_total_pct"]
    rows = [
        {
            "year": year,
            "official_pct": f.value,
            "projected_pct": float(projected[year]),
            "error_pts": float(projected[year]) - f.value,
            "publication": f.publication_name(lang),
            "date": f.date,
            "confidence": f.confidence,
        }
        for year, f in figures.items()
        if year in projected.index
    ]
    return pd.DataFrame(rows, columns=list(BACKTEST_COLUMNS))
