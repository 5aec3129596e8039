"""The "Uncertainty & goals" tab, with AppTest: the fan, the chance of each target, the tornado, goal
seek (levers only by default)."""

from __future__ import annotations

import pytest
from handcalc import expected
from pagekit import chart_specs, clear_caches, run_page, without_official_targets

from model.analysis import sensitivity, target_probabilities
from model.lang import LANGS
from model.parameters import Target, default_scenario, load_parameters, make_scenario
from model.projection import project
from report.problems import parameter_name
from report.text import TEXT

SOLVE = "FormSubmitter:goal_form-" + TEXT["goal_solve"]["zh"]


def test_fan_and_tornado_are_drawn() -> None:
    at = run_page(tab="tab_analysis")
    titles = [spec["title"] for spec in chart_specs(at)]
    assert titles[0] == TEXT["fan_title"]["zh"]
    assert titles[1] == TEXT["tornado_title"]["zh"].format(year=2030)
    # the tornado lists every uncertain parameter, largest swing first
    tornado = chart_specs(at)[1]
    order = tornado["layer"][0]["encoding"]["y"]["sort"]
    expected_order = [load_parameters()[k].label_zh for k in sensitivity(default_scenario())["key"]]
    assert order == expected_order


def test_goal_seek_offers_levers_unless_asked_for_every_parameter() -> None:
    at = run_page(tab="tab_analysis")
    specs = load_parameters()
    offered = at.selectbox(key="goal_vary").options
    levers = [parameter_name(s, "zh") for s in specs.values() if s.role == "lever" and s.kind != "bool"]
    assert offered == levers  # by label and unit, never by key
    assert parameter_name(specs["base_va"], "zh") not in offered
    at.checkbox(key="goal_all").check().run()
    every = at.selectbox(key="goal_vary").options
    assert parameter_name(specs["base_va"], "zh") in every and set(levers) < set(every)
    assert not any(o in every for o in (parameter_name(specs[k], "zh") for k in ("horizon_end", "use_observed")))
    assert not any(k in o for o in every for k in specs)


def test_goal_seek_finds_a_fund_size_and_applies_it() -> None:
    # policy_va is linear in fund_size (docs/model.md equations 4–9): the slope, by hand, per 1亿元 of size
    plan = expected(default_scenario())
    slope = expected(make_scenario({"fund_size": 36.0}))["policy_va"][2030] - plan["policy_va"][2030]
    assert slope > 0
    target = plan["va_total"][2030] + 50 * slope  # needs 50亿元 more than the plan's 35
    at = run_page(tab="tab_analysis")
    at.selectbox(key="goal_vary").set_value("fund_size")
    at.number_input(key="goal_value").set_value(round(target, 2))
    at.button(key=SOLVE).click().run()
    assert not at.exception and at.success
    at.button(key="goal_apply").click().run()
    applied = at.slider(key="fund_size").value
    assert abs(applied - 85.0) <= 1.0  # the slider's step is 1
    assert abs(project(make_scenario({"fund_size": applied}))["va_total"].iloc[-1] / target - 1) < 0.001


def test_unreachable_goal_says_so() -> None:
    at = run_page(tab="tab_analysis")
    at.selectbox(key="goal_vary").set_value("fund_size")
    at.number_input(key="goal_value").set_value(90000.0)
    at.button(key=SOLVE).click().run()
    assert not at.exception
    assert at.warning and not at.success


def test_no_targets_no_probabilities(tmp_path, monkeypatch) -> None:
    without_official_targets(tmp_path, monkeypatch)
    at = run_page(tab="tab_analysis")
    monkeypatch.undo()
    clear_caches()
    assert TEXT["prob_title"]["zh"] in [h.value for h in at.subheader]
    assert any(TEXT["targets_none"]["zh"] == c.value for c in at.caption)


def test_chance_of_each_target_comes_from_the_same_draws(published) -> None:
    at = run_page(tab="tab_analysis")
    at.session_state["targets_rows"] = [
        {"label": "自定：2030年3000亿元", "metric": "level", "year": 2030, "value": 3000.0}
    ]
    at.run()
    table = next(d.value for d in at.dataframe if TEXT["col_probability"]["zh"] in d.value.columns)
    # the official targets (the revenue one too, model version 3), then the user's
    assert list(table[TEXT["col_target"]["zh"]]) == [
        "测试目标：2026年增长7%",
        "测试目标：营业收入",
        "自定：2030年3000亿元",
    ]
    assert table[TEXT["col_metric_kind"]["zh"]].iloc[1] == "规上工业营业收入（亿元）"
    mine = Target("自定：2030年3000亿元", "level", 2030, 3000.0)
    official = Target("测试目标：2026年增长7%", "growth_year", 2026, 7.0)
    revenue = Target("测试目标：营业收入", "revenue", 2026, 3000.0)
    targets = [official, revenue, mine]
    chances = target_probabilities(default_scenario().with_targets((mine,)), targets, draws=5_000, seed=0)
    assert list(table[TEXT["col_probability"]["zh"]]) == pytest.approx(list(chances["probability"] * 100))
    assert all(0 <= p <= 100 for p in table[TEXT["col_probability"]["zh"]])
    # the fan shades the published years
    fan = chart_specs(at)[0]
    assert any(layer["mark"]["type"] == "rect" for layer in fan["layer"])


MY_TARGET = {"label": "自定：2030年3000亿元", "metric": "level", "year": 2030, "value": 3000.0}  # start year blank
MY_PROJECT = {"name": "新材料产业园", "investment": 40.0, "full_output": 60.0, "first_year": 2027, "included": True}


@pytest.mark.parametrize("lang", LANGS)
def test_applying_goal_seek_keeps_one_of_each_target_and_says_what_undo_puts_back(lang: str) -> None:
    """Issue 19: applying a goal-seek answer loaded the scenario's targets again beside the user's
    row (whose blank start year made it look different), so each target showed twice in the gap
    table, the editor and the chance table; and the undo box read 「撤销将恢复载入“”之前…」."""
    at = run_page({"lang": lang}, tab="tab_analysis", lang=lang)
    at.session_state["targets_rows"] = [dict(MY_TARGET)]
    at.session_state["pipeline_rows"] = [dict(MY_PROJECT)]
    at.run()
    at.selectbox(key="goal_vary").set_value("fund_size")
    at.number_input(key="goal_value").set_value(3000.0)
    at.button(key="FormSubmitter:goal_form-" + TEXT["goal_solve"][lang]).click().run()
    at.button(key="goal_apply").click().run()
    assert not at.exception, at.exception
    assert at.slider(key="fund_size").value != 35  # applied
    assert at.session_state["targets_rows"] == [MY_TARGET]  # the editor's rows, as typed, once
    assert at.session_state["pipeline_rows"] == [MY_PROJECT]
    target, chance = TEXT["col_target"][lang], TEXT["col_probability"][lang]
    tables = [d.value for d in at.dataframe if target in d.value.columns]
    gap_table = next(x for x in tables if TEXT["col_gap"][lang] in x.columns)
    chances = next(x for x in tables if chance in x.columns)
    for table in (gap_table, chances):
        assert list(table[target]).count(MY_TARGET["label"]) == 1, list(table[target])
    # the undo box names what goal seek set, by the parameter's label and unit
    value = at.slider(key="fund_size").value
    what = TEXT["undo_goal_what"][lang].format(
        param=parameter_name(load_parameters()["fund_size"], lang), value=f"{value:g}"
    )
    sentence = TEXT["undo_goal"][lang].format(name=what, rows="")
    boxes = [c.value for c in at.caption if c.value.startswith(TEXT["undo_goal"][lang][:6])]
    assert boxes == [sentence]
    assert "“”" not in sentence and "()" not in sentence
    at.button(key="undo").click().run()
    assert at.slider(key="fund_size").value == 35
    assert at.session_state["targets_rows"] == [MY_TARGET]


@pytest.mark.parametrize("lang", LANGS)
def test_a_preset_undo_box_names_the_preset_in_the_language_shown(lang: str) -> None:
    from model.scenario_file import load_presets

    other = "en" if lang == "zh" else "zh"
    at = run_page({"lang": lang})
    at.button(key="preset_1").click().run()
    at.segmented_control(key="lang").set_value(other).run()
    preset = load_presets()[1]
    name = preset.name if other == "zh" else preset.name_en
    assert TEXT["undo_preset"][other].format(name=name, rows="") in [c.value for c in at.caption]
