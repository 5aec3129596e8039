"""A year's status (docs/model.md version 3, "Time") as a word, in Chinese or English.

The result table holds codes (``base``, ``published``, ``estimated``, ``projected``); people read
已公布 / 估算（1—N月） / 推算 / 基年, or Published / Estimated (Jan–N) / Projected / Base year, N being
the last month the estimated year's cumulative figure covers.
"""

from __future__ import annotations

import pandas as pd

from model.history import History
from model.lang import LANGS, Lang
from report import catalogue

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WORDS = catalogue.table("status.WORDS")
ESTIMATED = catalogue.pair("status.ESTIMATED")


def status_word(status: str, months: int | None, lang: Lang) -> str:
    """The word for a status; an estimated year names the months its figure covers."""
    lang = lang if lang in LANGS else "zh"
    if status == "estimated":
        if not months or not 1 <= months <= 12:
            return ESTIMATED[lang]
        return WORDS["estimated"][lang].format(n=months, month=MONTHS_EN[months - 1])
    return WORDS[status][lang] if status in WORDS else str(status)


def status_words(frame: pd.DataFrame, lang: Lang, history: History) -> pd.Series:
    """The ``status`` column of a result table as words, the months of an estimated year taken
    from ``history`` (the official figures the table was computed with)."""
    last = int(frame["year"].max()) if len(frame) else 2024
    statuses = history.year_status("dezhou", max(last, 2024))
    months = [getattr(statuses.get(int(y)), "months", None) for y in frame["year"]]
    return pd.Series(
        [status_word(s, m, lang) for s, m in zip(frame["status"], months, strict=True)], index=frame.index, dtype=object
    )
