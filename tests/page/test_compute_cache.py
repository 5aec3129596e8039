"""st.cache_data hashes the frozen Scenario itself: an equal scenario, built again from scratch, is a
hit; a scenario that differs in one parameter, one added project or one target is a miss. The official
figures (History) are part of the key: an added figure is a miss, the same figures built again a hit."""

from __future__ import annotations

import pytest
import streamlit as st

from model.history import Figure, History, load_history
from model.parameters import PipelineProject, Target, default_scenario, make_scenario
from ui import compute

HISTORY = load_history()


@pytest.fixture
def calls(monkeypatch):
    seen = []
    real = compute.project

    def counting(scenario, history=None):
        seen.append(scenario)
        return real(scenario, history=history)

    monkeypatch.setattr(compute, "project", counting)
    st.cache_data.clear()
    yield seen
    st.cache_data.clear()


def test_equal_scenarios_hit_the_cache(calls):
    first = compute.projection(make_scenario({"fund_size": 80}), HISTORY)
    again = compute.projection(make_scenario({"fund_size": 80}), HISTORY)  # a new object, equal to the first
    assert len(calls) == 1
    assert again.equals(first)


PROJECT = PipelineProject("Test plant", 10.0, 20.0, 2026, True)
TARGET = Target(label="mine", metric="level", year=2030, value=2000.0)


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(lambda s: s.replace({"fund_size": 81}), id="one parameter"),
        pytest.param(lambda s: s.with_projects((PROJECT,)), id="an added project"),
        pytest.param(lambda s: s.with_projects((PROJECT,)).with_projects(()), id="same after undo"),
    ],
)
def test_a_different_scenario_misses_and_an_equal_one_hits(calls, other):
    base = make_scenario({"fund_size": 80})
    compute.projection(base, HISTORY)
    changed = other(base)
    compute.projection(changed, HISTORY)
    assert len(calls) == (1 if changed == base else 2)


def test_a_different_target_is_a_different_entry(calls):
    base = default_scenario()
    compute.projection(base, HISTORY)
    compute.projection(base.with_targets((TARGET,)), HISTORY)
    assert len(calls) == 2


FIGURE = Figure(
    2024, "dezhou", "va_growth_pct", 7.2, "full-year", "测试公报", "", "2025-03-20", "", "增长7.2%。", "high"
)


def test_an_added_figure_is_a_different_entry_and_equal_figures_hit(calls):
    base = default_scenario()
    first = compute.projection(base, HISTORY)
    added = compute.projection(base, HISTORY.with_added([FIGURE]))
    again = compute.projection(base, History(tuple(HISTORY.figures)).with_added([FIGURE]))  # built anew
    assert len(calls) == 2
    assert again.equals(added)
    assert not added.equals(first)  # the figure re-anchors 2024
