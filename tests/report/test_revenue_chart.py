"""The revenue chart (issue 18 item 6): this scenario's and the plan's operating revenue (MODEL.md v3
eq. 13) as lines, and every revenue target, the official one and a user's own, as a ▼ at its level."""

from __future__ import annotations

import pytest

from model.lang import LANGS
from model.parameters import Target, default_scenario, make_scenario
from model.projection import project
from model.targets import load_targets, targets_for
from report.charts import revenue_chart
from report.text import TEXT

OWN_REVENUE = Target(label="自定：2030年营收7000亿元", metric="revenue", year=2030, value=7000.0)
OWN_VALUE_ADDED = Target(label="自定：2030年增加值3000亿元", metric="level", year=2030, value=3000.0)


def rows(chart) -> list[dict]:
    """Every row of the chart's data, as the browser gets it."""
    spec = chart.to_dict()
    return [row for dataset in spec["datasets"].values() for row in dataset]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_are_each_years_revenue_and_targets_are_marks(lang: str) -> None:
    scenario = make_scenario({"growth_start": 10.0})  # not the plan, so the two lines differ
    frame, plan = project(scenario), project(default_scenario())
    assert not frame["revenue"].equals(plan["revenue"])
    targets = [*targets_for((), scenario.horizon_end, lang), OWN_REVENUE, OWN_VALUE_ADDED]
    chart = revenue_chart(frame, plan, targets, lang)
    assert chart.to_dict()["title"] == TEXT["chart_revenue_title"][lang]
    data = rows(chart)

    def line(series: str) -> dict[int, float]:
        return {r["year"]: r["value"] for r in data if r["layer"] == "line" and r["series"] == series}

    # the lines: the frames' own revenue column, year by year
    mine = line(TEXT["this_scenario"][lang])
    assert mine == pytest.approx(dict(zip(frame["year"], frame["revenue"], strict=True)))
    assert line(TEXT["series_baseline"][lang]) == pytest.approx(dict(zip(plan["year"], plan["revenue"], strict=True)))

    marks = [r for r in data if r["layer"] == "target"]
    assert {r["series"] for r in marks} == {TEXT["series_target_revenue"][lang]}
    official = next(x for x in load_targets() if x.id == "dz_revenue_2026")
    # the official revenue target, 6000 亿元 in 2026 (data/targets.csv), and the user's 7000 in 2030,
    # each at its own level (a revenue target is a level), its label in the tooltip's detail
    at = {(r["year"], r["value"]): r["detail"] for r in marks}
    assert set(at) == {(2026, 6000.0), (2030, 7000.0)}
    assert at[(2026, 6000.0)].startswith(official.label(lang) + ": ")
    assert at[(2030, 7000.0)].startswith(OWN_REVENUE.label + ": ")
    # a value-added target belongs on the value-added chart, not here
    assert not [r for r in data if OWN_VALUE_ADDED.label in str(r.get("detail"))]


def test_the_marks_are_a_legend_entry_and_the_lines_keep_their_strokes() -> None:
    frame = plan = project(default_scenario())
    spec = revenue_chart(frame, plan, [OWN_REVENUE], "zh").to_dict()
    named = {"calculate": "datum.series", "as": "target"}
    marks = [layer for layer in spec["layer"] if named in layer.get("transform", [])]
    assert len(marks) == 1 and marks[0]["encoding"]["shape"]["scale"]["range"] == ["triangle-down"]
    lines = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line")
    assert lines["encoding"]["color"]["legend"]["symbolType"] == "stroke"
    assert lines["encoding"]["strokeDash"]["scale"]["range"] == [[1, 0], [8, 5]]  # scenario solid, plan dashed


def test_no_revenue_target_draws_no_mark_layer() -> None:
    frame = project(default_scenario())
    spec = revenue_chart(frame, frame, [OWN_VALUE_ADDED], "zh").to_dict()
    named = {"calculate": "datum.series", "as": "target"}
    assert not [layer for layer in spec["layer"] if named in layer.get("transform", [])]
