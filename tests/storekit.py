"""Shared helpers for the tests of the scenario library."""

from __future__ import annotations

from model.parameters import Scenario, make_scenario


def variant(i: int) -> Scenario:
    """A valid scenario of its own for each ``i`` (distinct for i < 1500, valid for any i): the growth
    at the start, the fund's size and the second phase vary with ``i``."""
    return make_scenario(
        {"growth_start": round(-5 + 0.1 * (i % 300), 1), "fund_size": 10.0 + i % 500, "phase2_on": i % 2 == 0}
    )
