"""The "Save & compare" tab, run with AppTest against a library in a temporary SQLite file."""

from __future__ import annotations

from pagekit import chart_specs, run_page, save_as
from streamlit.testing.v1 import AppTest

from model.parameters import make_scenario
from report.text import TEXT
from store.library import ScenarioLibrary


def open_page(query: dict[str, str] | None = None) -> AppTest:
    return run_page(query, tab="tab_library")


def test_save_keeps_the_scenario_in_the_library(db_url: str) -> None:
    at = save_as(open_page({"fund_size": "80"}), "基金80亿")
    assert any("基金80亿" in s.value for s in at.success)
    saved = ScenarioLibrary(db_url).get("基金80亿")
    assert saved is not None and saved.scenario == make_scenario({"fund_size": 80})
    # a new page (another session, or after a server restart) sees it
    assert "基金80亿" in open_page().selectbox(key="pick").options


def test_saving_over_a_name_asks_first(db_url: str) -> None:
    ScenarioLibrary(db_url).save("plan", make_scenario({"fund_size": 50}))
    at = save_as(open_page({"fund_size": "80"}), "plan")
    assert any("plan" in w.value for w in at.warning)
    assert ScenarioLibrary(db_url).get("plan").scenario.fund_size == 50  # not yet
    at.button(key="confirm_overwrite").click().run()
    assert ScenarioLibrary(db_url).get("plan").scenario.fund_size == 80


def test_bad_name_gets_a_message_and_keeps_the_input(db_url: str) -> None:
    at = save_as(open_page(), "   ")
    assert any("情景名称不能为空" in e.value for e in at.error)
    assert ScenarioLibrary(db_url).list() == []


def test_load_rename_delete(db_url: str) -> None:
    ScenarioLibrary(db_url).save("slow", make_scenario({"growth_end": 5.0}))
    at = open_page()
    at.button(key="load_saved").click().run()
    assert at.slider(key="growth_end").value == 5.0
    at.text_input(key="rename_to").input("slowdown")
    at.button(key="FormSubmitter:rename_form-" + TEXT["rename"]["zh"]).click().run()
    assert ScenarioLibrary(db_url).names() == ["slowdown"]
    at.button(key="confirm_delete").click().run()
    assert ScenarioLibrary(db_url).names() == []


def test_compare_draws_a_line_each_and_the_table(db_url: str) -> None:
    library = ScenarioLibrary(db_url)
    library.save("a", make_scenario({"growth_end": 5.0}))
    library.save("b", make_scenario({"fund_size": 200}))
    at = open_page()
    at.multiselect(key="compare_names").set_value(["a", "b"]).run()
    assert not at.exception
    table = next(df.value for df in at.table if TEXT["cmp_scenario"]["zh"] in df.value.columns)
    assert list(table[TEXT["cmp_scenario"]["zh"]]) == ["a", "b"]
    (compare,) = chart_specs(at)
    scenarios, defaults = compare["layer"]  # the defaults drawn last: a scenario at them never hides them
    color = scenarios["encoding"]["color"]["scale"]
    assert color["domain"] == [TEXT["series_baseline"]["zh"], "a", "b"]
    assert color["range"][0] not in color["range"][1:]  # a colour no scenario uses
    assert scenarios["encoding"]["strokeDash"]["scale"]["range"][0] == [8, 5]  # the defaults, dashed
    assert defaults["transform"][0]["filter"]["equal"] == TEXT["series_baseline"]["zh"]
    labels = [d.proto.label for d in at.get("download_button")]
    for key in ("export_json", "export_csv", "export_xlsx"):
        assert TEXT[key]["zh"] in labels
