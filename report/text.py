"""Every user-facing string of the page, in Chinese (default) and English.

A test fails when a string exists in one language only or is empty.
"""

from __future__ import annotations

from model.lang import LANGS, Lang
from report import catalogue

__all__ = ["DEFAULT_LANG", "LANGS", "TEXT", "Lang", "data_as_of_text", "period_name", "t"]

DEFAULT_LANG: Lang = "zh"  # the page's language when its link names none (ui.url.current_lang), and no one else's

TEXT: dict[str, dict[str, str]] = catalogue.table("text.TEXT")


def t(key: str, lang: Lang, **fmt: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` fields filled from ``fmt``."""
    text = TEXT[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**fmt) if fmt else text


MONTHS = {
    "Jan": "January",
    "Feb": "February",
    "Mar": "March",
    "Apr": "April",
    "May": "May",
    "Jun": "June",
    "Jul": "July",
    "Aug": "August",
    "Sep": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}


def period_name(period: str, lang: Lang) -> str:
    """A period of ``data/history.csv`` (``full-year``, ``Q1``, ``H1``, ``Jan-Sep``) as the page writes it."""
    if period == "full-year":
        return t("period_full", lang)
    if period in ("Q1", "H1"):
        return t(f"period_{period.lower()}", lang)
    first, _, last = period.partition("-")
    if first == "Jan" and last in MONTHS:
        return t("period_months", lang, month=list(MONTHS).index(last) + 1 if lang == "zh" else MONTHS[last])
    return period


def data_as_of_text(as_of: tuple[int, int] | None, lang: Lang) -> str:
    """「数据截至2025年12月」 / "Data as of December 2025" (the latest official figure the model uses)."""
    if as_of is None:
        return t("data_as_of_none", lang)
    year, month = as_of
    return t("data_as_of", lang, year=year, month=month if lang == "zh" else list(MONTHS.values())[month - 1])
