"""Shared helpers for the tests of the model: a published figure, uncertainty ranges, the economy parameters."""

from __future__ import annotations

from model.analysis import UncertainRange, load_uncertainty
from model.history import Figure


def fig(
    year: int,
    value: float,
    region: str = "dezhou",
    confidence: str = "medium",
    period: str = "full-year",
    date: str | None = None,
    publication: str = "《测试日报》",
) -> Figure:
    """An official growth figure of the value added (``va_growth_pct``), published by default in the
    January after its year (``date=""``: no date), of medium confidence."""
    return Figure(
        year,
        region,
        "va_growth_pct",
        value,
        period,
        publication,
        "Test Daily",
        f"{year + 1}-01-20" if date is None else date,
        "",
        "全市规模以上工业增加值增长。",
        confidence,
    )


def uncertain_range(key: str, low: float, high: float, distribution: str = "triangular") -> UncertainRange:
    """A range of ``key`` from ``low`` to ``high``, as a row of data/uncertainty.csv would give it."""
    return UncertainRange(key, low, high, distribution, "assumption", "test")


def zero_width(scenario, **wide: UncertainRange) -> dict[str, UncertainRange]:
    """Every range of data/uncertainty.csv at the scenario's value (no spread), except ``wide``."""
    values = scenario.to_dict()
    return {**{k: uncertain_range(k, values[k], values[k]) for k in load_uncertainty()}, **wide}


# docs/model.md's kind column: the assumptions about the economy, in its order (each a number).
ECONOMY = [
    "base_va",
    "base_revenue",  # MODEL.md v3: the 2023 revenue level and the revenue drift are economy parameters
    "revenue_drift",
    "growth_start",
    "growth_end",
    "province_growth",
    "ti_effect",
    "output_per_investment",
    "value_added_rate",
    "build_years",
    "ramp_years",
    "additionality",
]
