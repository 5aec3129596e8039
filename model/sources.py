"""The article's figures (``data/facts.csv``): every number the article states, with its sentence."""

from __future__ import annotations

from functools import cache

import pandas as pd

from model.parameters import DATA_DIR

ARTICLE = "德州日报 Dezhou Daily, 2023-11-03: 山东德州:奏响工业强市最强音"


@cache
def load_facts() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "facts.csv", encoding="utf-8", keep_default_na=False)
