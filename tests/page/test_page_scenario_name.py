"""The page's deck names the scenario on the page (issue 11, item 10): a saved scenario loaded from
the library by its name while the controls hold it, marked adjusted once a control moves away from
it; the baseline and the presets by theirs; otherwise "this scenario". Run with AppTest, reading the
deck the page's button makes, in both languages."""

from __future__ import annotations

import io

import pytest
from pagekit import deferred_files, download, open_tab, run, run_page, shown
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from model.parameters import make_scenario
from model.projection import project
from model.scenario_file import load_presets
from report.plain import md_text
from report.text import LANGS, TEXT, t
from store.library import ScenarioLibrary
from tests.readers import slide_texts

# A name as a user may type it: Markdown that must reach the deck as typed and the page as text.
NAME = "[重新登录](https://evil.example/login) *方案甲*"
SAVED = make_scenario({"growth_end": 5.0})


def deck_name(at: AppTest, files, lang: str) -> str:
    """The scenario's name in the deck of the "This scenario" tab: on the cover, and in the title of
    the value-added slide, whose chart's legend the same name labels."""
    prs = Presentation(io.BytesIO(download(at, files, "deck_current")))
    title, cover = slide_texts(prs.slides[0])  # the deck's title; under it the scenario's name, first
    assert title == t("deck_title", lang)
    name = cover.splitlines()[0]
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert t("slide_chart", lang, name=name) in titles
    return name


def preset_name(n: int, lang: str) -> str:
    preset = load_presets()[n]
    return preset.name_en if lang == "en" and preset.name_en else preset.name


@pytest.mark.parametrize("lang", LANGS)
def test_the_deck_names_a_saved_scenario_loaded_and_marks_it_adjusted(
    db_url: str, lang: str, monkeypatch, blank_charts
) -> None:
    files = deferred_files(monkeypatch)
    ScenarioLibrary(db_url).save(NAME, SAVED)
    at = run_page({"lang": lang}, tab="tab_scenario", lang=lang)
    assert deck_name(at, files, lang) == t("scenario_baseline_name", lang)  # the defaults, as before

    open_tab(at, "tab_library", lang)
    at.button(key="load_saved").click()
    open_tab(at, "tab_scenario", lang)
    assert at.slider(key="growth_end").value == 5.0
    assert deck_name(at, files, lang) == NAME  # as typed: the deck writes text as text

    at.slider(key="growth_end").set_value(6.0)
    run(at)
    adjusted = deck_name(at, files, lang)
    assert adjusted == t("scenario_adjusted", lang, name=NAME)
    assert adjusted == {"zh": f"{NAME}（已调整）", "en": f"{NAME} (adjusted)"}[lang]

    at.slider(key="growth_end").set_value(5.0)  # back to what was loaded: the saved scenario again
    run(at)
    assert deck_name(at, files, lang) == NAME

    at.button(key="reset").click()  # the defaults: the baseline, and the saved name is forgotten
    run(at)
    assert deck_name(at, files, lang) == t("scenario_baseline_name", lang)
    at.slider(key="growth_end").set_value(6.0)
    run(at)
    assert deck_name(at, files, lang) == t("deck_unnamed", lang)  # an unnamed scenario: 自定情景, never 本情景

    at.button(key="undo").click()  # undoing the reset puts back the saved scenario, and its name
    run(at)
    assert at.slider(key="growth_end").value == 5.0
    assert deck_name(at, files, lang) == NAME

    at.button(key="preset_1").click()  # a preset: its name, and the saved name is forgotten
    run(at)
    assert deck_name(at, files, lang) == preset_name(1, lang)
    at.slider(key="growth_end").set_value(6.0)
    run(at)
    assert deck_name(at, files, lang) == t("deck_unnamed", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_scenario_saved_from_the_page_is_named_and_renamed(db_url: str, lang: str, monkeypatch, blank_charts) -> None:
    files = deferred_files(monkeypatch)
    at = run_page({"lang": lang, "fund_size": "80"}, tab="tab_library", lang=lang)
    at.text_input(key="save_name").input(NAME)
    at.button(key="FormSubmitter:save_form-" + TEXT["save_button"][lang]).click()
    run(at)
    assert ScenarioLibrary(db_url).names() == [NAME]
    at.text_input(key="rename_to").input("方案乙")
    at.button(key="FormSubmitter:rename_form-" + TEXT["rename"][lang]).click()
    open_tab(at, "tab_scenario", lang)
    assert deck_name(at, files, lang) == "方案乙"


@pytest.mark.parametrize("lang", LANGS)
def test_presentation_names_the_scenario_on_the_page(db_url: str, lang: str) -> None:
    """With nothing saved to present, presentation mode shows the scenario on the page under its
    name: the baseline, a preset, or a saved scenario loaded then deleted (shown as text)."""
    at = run_page({"lang": lang, "mode": "present"}, lang=lang)
    assert at.title[0].value == md_text(t("scenario_baseline_name", lang))
    at.button(key="preset_1").click()  # the sidebar is drawn (hidden) in presentation mode
    run(at)
    assert at.title[0].value == md_text(preset_name(1, lang))

    library = ScenarioLibrary(db_url)
    library.save(NAME, SAVED)
    at = run_page({"lang": lang}, tab="tab_library", lang=lang)
    at.button(key="load_saved").click()
    run(at)
    at.button(key="confirm_delete").click()  # nothing left to present but the page's scenario
    run(at)
    assert library.names() == []
    at.slider(key="growth_end").set_value(6.0)
    at.query_params["mode"] = "present"
    run(at)
    title = at.title[0].value
    assert title == md_text(t("scenario_adjusted", lang, name=NAME))
    assert shown(title) == t("scenario_adjusted", lang, name=NAME) and "](" not in title  # no link


def test_a_goal_seek_value_applied_to_a_saved_scenario_marks_it_adjusted(
    db_url: str, monkeypatch, blank_charts
) -> None:
    """Applying goal seek's value moves a control: the saved scenario is kept by name, adjusted."""
    files = deferred_files(monkeypatch)
    ScenarioLibrary(db_url).save(NAME, SAVED)
    at = run_page(tab="tab_library")
    at.button(key="load_saved").click()
    open_tab(at, "tab_analysis", "zh")
    target = project(SAVED.replace({"fund_size": 85}))["va_total"].iloc[-1]
    at.selectbox(key="goal_vary").set_value("fund_size")
    at.number_input(key="goal_value").set_value(round(float(target), 2))
    at.button(key="FormSubmitter:goal_form-" + TEXT["goal_solve"]["zh"]).click()
    run(at)
    at.button(key="goal_apply").click()
    run(at)
    assert at.slider(key="fund_size").value != SAVED.fund_size and at.slider(key="growth_end").value == 5.0
    open_tab(at, "tab_scenario", "zh")
    assert deck_name(at, files, "zh") == t("scenario_adjusted", "zh", name=NAME)
