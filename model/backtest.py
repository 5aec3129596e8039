"""The backtest: what the article's scenario projected for each year with an official figure.

The article's scenario is every parameter at its default with ``use_observed`` off, so every year
from 2024 is projected, and the trend at the article's pace (``ARTICLE_PACE``, flat: the defaults of
``growth_start`` and ``growth_end`` are now sourced from later figures); its growth is set against
Dezhou's official growth of every published year (a full-year figure) and, marked apart (``status``
``estimated``), of every estimated year (the cumulative figure of at least six months the model uses).
"""

from __future__ import annotations

import pandas as pd

from model.history import History, load_history
from model.lang import Lang
from model.parameters import default_scenario
from model.projection import project

# The article: 「1至9月份,全市规模以上工业增加值同比增长8.4%,高于全省1.3个百分点。」 (《德州日报》 2023-11-03)
ARTICLE_PACE = 8.4

BACKTEST_COLUMNS = (
    "year",
    "status",
    "period",
    "official_pct",
    "projected_pct",
    "error_pts",
    "publication",
    "date",
    "confidence",
)
LAST_YEAR = 2035


def backtest(history: History | None = None, *, lang: Lang) -> pd.DataFrame:
    """One row a year from 2024 that is published or estimated (Dezhou's growth, high or medium
    confidence, chosen by docs/model.md's rule): its status (``published`` / ``estimated``), the
    figure's period, the official growth, the article's projection of it, and the error in points
    (projected − official); the publication is named in ``lang`` (its Chinese name if it has no
    English one). Published years first, then estimated ones, each by year."""
    history = history or load_history()
    used = {y: s for y, s in history.year_status("dezhou", LAST_YEAR).items() if s.figure is not None}
    scenario = default_scenario().replace(
        {"use_observed": False, "growth_start": ARTICLE_PACE, "growth_end": ARTICLE_PACE}
    )
    if used:
        scenario = scenario.replace({"horizon_end": min(max(scenario.horizon_end, max(used)), LAST_YEAR)})
    projected = project(scenario, history=history).set_index("year")["growth_total_pct"]
    rows = [
        {
            "year": year,
            "status": s.status,
            "period": s.figure.period,
            "official_pct": s.figure.value,
            "projected_pct": float(projected[year]),
            "error_pts": float(projected[year]) - s.figure.value,
            "publication": s.figure.publication_name(lang),
            "date": s.figure.date,
            "confidence": s.figure.confidence,
        }
        for year, s in used.items()
        if year in projected.index
    ]
    rows.sort(key=lambda r: (r["status"] != "published", r["year"]))
    return pd.DataFrame(rows, columns=list(BACKTEST_COLUMNS))
