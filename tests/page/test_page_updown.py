"""Red for up on the Chinese page, green for up on the English one, and a setting to switch
(issue 11, item 12): the headline deltas and the chart of what the levers change."""

from __future__ import annotations

import pytest
from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest

from report.charts import RED, UP_GREEN
from report.text import TEXT
from tests.pagekit import chart_specs, run_page

MOVED = {"fund_size": "80"}  # value added rises against the defaults: every delta shown is positive


def change_colours(at: AppTest, lang: str) -> dict[str, str]:
    [spec] = [s for s in chart_specs(at) if s.get("title") == TEXT["chart_change_title"][lang]]
    for layer in spec["layer"]:
        scale = layer.get("encoding", {}).get("color", {}).get("scale", {})
        if TEXT["change_up"][lang] in scale.get("domain", []):
            return dict(zip(scale["domain"], scale["range"], strict=True))
    raise AssertionError("no colours for up and down")


def delta_colours(at: AppTest) -> set[str]:
    """The colour of each positive delta under the headline figures."""
    return {
        Metric.MetricColor.Name(m.proto.color)
        for m in at.metric
        if m.proto.delta and m.proto.direction == Metric.MetricDirection.UP
    }


@pytest.mark.parametrize(("lang", "up", "colour"), [("zh", RED, "RED"), ("en", UP_GREEN, "GREEN")])
def test_by_language(lang, up, colour):
    at = run_page({**MOVED, "lang": lang})
    assert change_colours(at, lang)[TEXT["change_up"][lang]] == up
    assert delta_colours(at) == {colour}
    assert at.selectbox(key="updown").value == "auto"


@pytest.mark.parametrize(
    ("lang", "setting", "up", "colour"), [("zh", "green", UP_GREEN, "GREEN"), ("en", "red", RED, "RED")]
)
def test_the_link_setting_switches_it(lang, setting, up, colour):
    at = run_page({**MOVED, "lang": lang, "updown": setting})
    assert at.selectbox(key="updown").value == setting
    assert change_colours(at, lang)[TEXT["change_up"][lang]] == up
    assert delta_colours(at) == {colour}
    assert not any("updown" in str(w.value) for w in at.warning)  # not named as an unknown parameter


def test_choosing_in_the_sidebar_switches_it_and_keeps_it_in_the_link():
    at = run_page(MOVED)
    assert delta_colours(at) == {"RED"}
    at.selectbox(key="updown").set_value("green").run()
    assert not at.exception
    assert delta_colours(at) == {"GREEN"}
    assert change_colours(at, "zh")[TEXT["change_up"]["zh"]] == UP_GREEN
    assert at.query_params["updown"] in ("green", ["green"])
    at.selectbox(key="updown").set_value("auto").run()
    assert delta_colours(at) == {"RED"} and "updown" not in at.query_params
