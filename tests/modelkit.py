"""Shared helpers for the tests of the model's uncertainty ranges."""

from __future__ import annotations

from model.analysis import UncertainRange, load_uncertainty


def uncertain_range(key: str, low: float, high: float, distribution: str = "triangular") -> UncertainRange:
    """A range of ``key`` from ``low`` to ``high``, as a row of data/uncertainty.csv would give it."""
    return UncertainRange(key, low, high, distribution, "assumption", "test")


def zero_width(scenario, **wide: UncertainRange) -> dict[str, UncertainRange]:
    """Every range of data/uncertainty.csv at the scenario's value (no spread), except ``wide``."""
    values = scenario.to_dict()
    return {**{k: uncertain_range(k, values[k], values[k]) for k in load_uncertainty()}, **wide}
