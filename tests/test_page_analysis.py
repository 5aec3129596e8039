"""The "Uncertainty & goals" tab, with AppTest."""

from __future__ import annotations

from pagekit import chart_specs, run_page

from model.analysis import goal_seek, sensitivity
from model.parameters import default_scenario, load_parameters
from model.projection import project
from ui.text import TEXT


def test_fan_and_tornado_are_drawn() -> None:
    at = run_page(tab="tab_analysis")
    titles = [spec["title"] for spec in chart_specs(at)]
    assert titles[0] == TEXT["fan_title"]["zh"]
    assert titles[1] == TEXT["tornado_title"]["zh"].format(year=2030)
    # the tornado lists every uncertain parameter, largest swing first
    tornado = chart_specs(at)[1]
    order = tornado["layer"][0]["encoding"]["y"]["sort"]
    expected = [load_parameters()[k].label_zh for k in sensitivity(default_scenario())["key"]]
    assert order == expected


def test_goal_seek_finds_a_value_and_applies_it() -> None:
    at = run_page(tab="tab_analysis")
    at.selectbox(key="goal_vary").set_value("growth_end")
    at.number_input(key="goal_value").set_value(3000.0)
    at.button(key="FormSubmitter:goal_form-" + TEXT["goal_solve"]["zh"]).click().run()
    assert not at.exception
    found = goal_seek(default_scenario(), "growth_end", 2030, target_va=3000.0)
    assert found.reached and at.success and found.message_zh == at.success[0].value
    at.button(key="goal_apply").click().run()
    applied = at.slider(key="growth_end").value
    assert abs(applied - found.value) <= 0.05 + 1e-9  # snapped to the slider's 0.1 grid
    va = project(default_scenario().replace({"growth_end": applied}))["va_total"].iloc[-1]
    assert abs(va / 3000 - 1) < 0.01


def test_unreachable_goal_says_so() -> None:
    at = run_page(tab="tab_analysis")
    at.selectbox(key="goal_vary").set_value("fund_size")
    at.number_input(key="goal_value").set_value(9000.0)
    at.button(key="FormSubmitter:goal_form-" + TEXT["goal_solve"]["zh"]).click().run()
    assert not at.exception
    assert at.warning and not at.success
