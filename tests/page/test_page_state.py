"""The session's state (issue 11, items 2, 3 and 14), run with AppTest: the open tab and the compare
selection survive a change of tab and of language; loads, the reset and deletes can be undone once
and keep the rows a user added unless asked not to."""

from __future__ import annotations

import pytest
from pagekit import open_tab, run_page
from streamlit.testing.v1 import AppTest

from model.lang import LANGS
from model.parameters import load_parameters, make_scenario
from report.text import TEXT
from store.library import ScenarioLibrary


@pytest.fixture
def two_saved(db_url: str) -> str:
    """The page's library (tests/conftest.py) holding 甲 and 乙."""
    ScenarioLibrary(db_url).save("甲", make_scenario({"growth_end": 5.0}))
    ScenarioLibrary(db_url).save("乙", make_scenario({"fund_size": 200}))
    return db_url


def switch_language(at: AppTest, lang: str) -> AppTest:
    at.segmented_control(key="lang").set_value(lang).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("first", "then"), [("zh", "en"), ("en", "zh")])
def test_tab_and_compare_survive_a_tab_and_a_language_change(two_saved: str, first: str, then: str) -> None:
    at = run_page({"lang": first}, tab="tab_library", lang=first)
    at.multiselect(key="compare_names").set_value(["甲", "乙"]).run()
    open_tab(at, "tab_table", first)
    assert not [m for m in at.multiselect if m.key == "compare_names"]  # the library tab is not drawn
    open_tab(at, "tab_library", first)
    assert at.multiselect(key="compare_names").value == ["甲", "乙"]
    switch_language(at, then)
    assert at.tabs[4].label == TEXT["tab_library"][then]
    assert at.session_state["tab"] == TEXT["tab_library"][then]  # still the library tab
    assert at.multiselect(key="compare_names").value == ["甲", "乙"]
    assert at.multiselect(key="compare_names").label == TEXT["compare_pick"][then]


PROJECT = {"name": "新材料产业园", "investment": 40.0, "full_output": 60.0, "first_year": 2027, "included": True}


def add_project(at: AppTest) -> AppTest:
    """A project typed into the added-projects table (as its editor's callback leaves it)."""
    at.session_state["pipeline_rows"] = [dict(PROJECT)]
    at.run()
    assert not at.exception, at.exception
    return at


def preset_button(at: AppTest):
    return at.button(key="preset_1")


@pytest.mark.parametrize("lang", LANGS)
def test_a_preset_keeps_added_projects_and_can_be_undone(lang: str) -> None:
    at = add_project(run_page({"lang": lang, "growth_end": "5"}, lang=lang))
    assert at.slider(key="growth_end").value == 5.0
    preset_button(at).click().run()
    assert at.session_state["pipeline_rows"] == [PROJECT]  # kept
    assert at.slider(key="fund_paid_in").value == 1.0  # the preset's value
    (box,) = [c for c in at.caption if c.value.startswith(TEXT["undo_preset"][lang][:6])]
    assert TEXT["undo_rows"][lang].format(projects=1, targets=0) in box.value
    at.button(key="undo").click().run()
    assert at.slider(key="growth_end").value == 5.0 and at.slider(key="fund_paid_in").value == 0.4
    assert at.session_state["pipeline_rows"] == [PROJECT]
    assert not [b for b in at.button if b.key == "undo"]  # once


@pytest.mark.parametrize("lang", LANGS)
def test_reset_with_keep_off_replaces_the_rows_and_undo_brings_them_back(lang: str) -> None:
    at = add_project(run_page({"lang": lang, "fund_size": "80"}, lang=lang))
    at.toggle(key="keep_added").set_value(False).run()
    at.button(key="reset").click().run()
    assert at.slider(key="fund_size").value == 35 and at.session_state["pipeline_rows"] == []
    assert any(c.value.startswith(TEXT["undo_reset"][lang][:6]) for c in at.caption)
    at.button(key="undo").click().run()
    assert at.slider(key="fund_size").value == 80 and at.session_state["pipeline_rows"] == [PROJECT]


@pytest.mark.parametrize("lang", LANGS)
def test_a_library_load_and_a_delete_can_be_undone(two_saved: str, lang: str) -> None:
    at = add_project(run_page({"lang": lang}, tab="tab_library", lang=lang))
    at.selectbox(key="pick").set_value("甲").run()
    at.button(key="load_saved").click().run()
    assert at.slider(key="growth_end").value == 5.0 and at.session_state["pipeline_rows"] == [PROJECT]
    at.button(key="undo").click().run()
    assert at.slider(key="growth_end").value == load_parameters()["growth_end"].default  # back to the default
    at.selectbox(key="pick").set_value("乙").run()
    at.button(key="confirm_delete").click().run()
    assert ScenarioLibrary(two_saved).names() == ["甲"]
    assert any(c.value == TEXT["undo_delete"][lang].format(name="乙") for c in at.caption)
    at.button(key="undo_library").click().run()
    saved = ScenarioLibrary(two_saved).get("乙")
    assert saved is not None and saved.scenario == make_scenario({"fund_size": 200})


def test_leaving_presentation_mode_returns_to_the_tab_and_the_comparison(two_saved: str) -> None:
    at = run_page({"lang": "en"}, tab="tab_library", lang="en")
    at.multiselect(key="compare_names").set_value(["乙"]).run()
    at.button(key="present_start").click().run()
    assert at.title[0].value == "乙"  # presenting, starting with the compared scenario
    at.button(key="present_exit").click().run()
    assert not at.exception, at.exception
    assert at.session_state["tab"] == TEXT["tab_library"]["en"]
    assert at.multiselect(key="compare_names").value == ["乙"]


def test_loading_a_saved_scenario_with_the_users_own_target_keeps_it_once(db_url: str) -> None:
    """The user's target typed with a blank start year and the same target saved in a scenario (its
    start year written out) are one target: loading keeps one row, not two."""
    from model.parameters import Target

    row = {"label": "自定：2030年3000亿元", "metric": "level", "year": 2030, "value": 3000.0}
    ScenarioLibrary(db_url).save("丙", make_scenario({"fund_size": 50}).with_targets((Target(**row),)))
    at = run_page({"lang": "zh"}, tab="tab_library", lang="zh")
    at.session_state["targets_rows"] = [dict(row)]
    at.run()
    at.selectbox(key="pick").set_value("丙").run()
    at.button(key="load_saved").click().run()
    assert at.slider(key="fund_size").value == 50
    assert at.session_state["targets_rows"] == [row]
