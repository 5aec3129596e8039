"""The session's state (issue 11, items 2, 3 and 14), run with AppTest: the open tab and the compare
selection survive a change of tab and of language; loads, the reset and deletes can be undone once
and keep the rows a user added unless asked not to."""

from __future__ import annotations

import pytest
from pagekit import run_page
from streamlit.testing.v1 import AppTest

from model.library import ENV_VAR, ScenarioLibrary
from model.parameters import make_scenario
from report.text import TEXT


@pytest.fixture
def db_url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'scenarios.sqlite'}"
    monkeypatch.setenv(ENV_VAR, url)
    ScenarioLibrary(url).save("甲", make_scenario({"growth_end": 5.0}))
    ScenarioLibrary(url).save("乙", make_scenario({"fund_size": 200}))
    return url


def open_tab(at: AppTest, key: str, lang: str) -> AppTest:
    at.session_state["tab"] = TEXT[key][lang]
    at.run()
    assert not at.exception, at.exception
    return at


def switch_language(at: AppTest, lang: str) -> AppTest:
    at.segmented_control(key="lang").set_value(lang).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("first", "then"), [("zh", "en"), ("en", "zh")])
def test_tab_and_compare_survive_a_tab_and_a_language_change(db_url: str, first: str, then: str) -> None:
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
