"""Presentation mode and the two languages, with AppTest (the browser tests check the look)."""

from __future__ import annotations

import re
import string

import pytest
from pagekit import chart_titles, run_page, shown
from streamlit.testing.v1 import AppTest

from model.parameters import make_scenario
from report.text import LANGS, TEXT
from store.library import ScenarioLibrary


def test_every_string_exists_in_both_languages() -> None:
    for key, texts in TEXT.items():
        assert set(texts) == set(LANGS), key
        for lang in LANGS:
            assert texts[lang].strip(), f"{key} is empty in {lang}"
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in LANGS}
        if key != "deck_date":  # a date is written differently: 2026年11月26日, 26 November 2026
            assert fields["zh"] == fields["en"], f"{key}: placeholders differ {fields}"


# English strings that quote the article's Chinese title on purpose.
QUOTES_CHINESE = {"article_name", "deck_article", "sources_article"}


@pytest.mark.parametrize("key", [k for k in TEXT if k not in ("language",)])
def test_chinese_text_is_chinese_and_english_text_is_not(key: str) -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    assert han.search(TEXT[key]["zh"]) or not han.search(TEXT[key]["en"]), key
    if key not in QUOTES_CHINESE:
        assert not han.search(TEXT[key]["en"]), key


@pytest.fixture
def three_saved(db_url: str) -> list[str]:
    library = ScenarioLibrary(db_url)
    names = ["A 基金加速", "B 增速放缓", "C 全省增速"]
    for name, change in zip(names, ({"fund_size": 100}, {"growth_end": 5.0}, {"growth_start": 7.1}), strict=True):
        library.save(name, make_scenario(change))
    return names


def present(query: dict[str, str]) -> AppTest:
    return run_page({"mode": "present", **query})


def test_presentation_steps_through_saved_scenarios(three_saved: list[str]) -> None:
    at = present({})
    assert at.title[0].value == three_saved[0]
    assert len(at.metric) == 4 and chart_titles(at) == [TEXT["chart_va_title"]["zh"]]
    # the first saved scenario moves a lever (fund_size 100): the sentence says what it changes
    captions = [c.value.replace("\u2060", "") for c in at.caption]  # units are glued with word joiners
    assert any(TEXT["plan_changed"]["zh"].split("：")[0] in c for c in captions)
    # and says what every change is measured against (issue 11, item 8)
    assert any(c.startswith(TEXT["present_deltas"]["zh"]) for c in captions)
    seen = [at.title[0].value]
    for _ in range(3):
        at.button(key="present_next").click().run()
        seen.append(at.title[0].value)
    assert seen == [*three_saved, three_saved[0]]  # wraps around
    at.button(key="present_prev").click().run()
    assert at.title[0].value == three_saved[2]
    assert at.button(key="present_next").proto.shortcut.lower() == "right"
    assert at.button(key="present_prev").proto.shortcut.lower() == "left"


def test_presentation_in_english_and_exit(three_saved: list[str]) -> None:
    at = present({"lang": "en"})
    assert chart_titles(at) == [TEXT["chart_va_title"]["en"]]
    at.button(key="present_exit").click().run()
    assert "mode" not in at.query_params
    assert len(at.tabs) == 6  # the full page is back


def test_chinese_text_uses_full_width_punctuation() -> None:
    """Chinese strings written as an official would: no ASCII comma, colon, semicolon or brackets
    between Chinese characters."""
    ascii_between = re.compile(r"[\u4e00-\u9fff][,;:()][\u4e00-\u9fff]")
    for key, texts in TEXT.items():
        assert not ascii_between.search(texts["zh"]), key


def test_presentation_reads_the_chosen_scenarios_not_the_whole_library(three_saved, monkeypatch) -> None:
    """A large library must not slow presentation mode: it reads the names and the chosen scenarios,
    never every saved scenario's document (ScenarioLibrary.list)."""

    def refuse(self, *args, **kwargs):
        raise AssertionError("presentation mode read the whole library")

    monkeypatch.setattr(ScenarioLibrary, "list", refuse)
    at = present({})
    assert at.title[0].value == three_saved[0]
    at.button(key="present_next").click().run()
    assert at.title[0].value == three_saved[1]


@pytest.mark.parametrize("lang", LANGS)
def test_presentation_lists_the_changed_settings_and_keeps_notes(three_saved: list[str], lang: str) -> None:
    from model.parameters import load_parameters
    from ui.present import glue

    spec = load_parameters()["fund_size"]
    at = present({"lang": lang, "room": f"notes-{lang}"})
    assert at.title[0].value == three_saved[0]  # fund_size 100
    text = shown("\n".join(m.value for m in at.markdown)).replace("\u2060", "")
    assert TEXT["present_changes_title"][lang] in text
    value, default = ("100亿元", "35亿元") if lang == "zh" else ("100 (100 million yuan)", "35 (100 million yuan)")
    line = TEXT["present_change_line"][lang].format(label=spec.label(lang), value=value, default=default)
    assert line in text
    assert "100 100" not in text and " 比例" not in text
    assert "growth_end" not in text and spec.label(lang) in text  # labels, never keys
    assert glue("100 亿元") == "1\u20600\u20600\u2060\u00a0\u2060亿\u2060元"
    # the notes are not on the projected screen: they are in the presenter's own window
    assert not at.text_area and not at.get("segmented_control")
    [link] = at.get("link_button")
    assert link.proto.url == f"?mode=notes&room=notes-{lang}&lang={lang}"
    notes = present_notes({"lang": lang, "room": f"notes-{lang}"})
    assert three_saved[0] in notes.subheader[0].value
    notes.text_area(key="present_note").input("先讲基金到位情况").run()
    notes.button(key="present_next").click().run()  # the notes window steps the screen too
    assert three_saved[1] in notes.subheader[0].value
    assert notes.text_area(key="present_note").value == ""
    at.run()
    assert at.title[0].value == three_saved[1]  # the projected screen follows
    at.button(key="present_prev").click().run()
    notes.run()
    assert three_saved[0] in notes.subheader[0].value
    assert notes.text_area(key="present_note").value == "先讲基金到位情况"


def present_notes(query: dict[str, str]) -> AppTest:
    return run_page({"mode": "notes", **query})


def test_notes_view_switches_the_language_of_both_windows(three_saved: list[str]) -> None:
    at = present({"lang": "zh", "room": "lang-room"})
    assert chart_titles(at) == [TEXT["chart_va_title"]["zh"]]
    notes = present_notes({"lang": "zh", "room": "lang-room"})
    notes.get("segmented_control")[0].set_value("en").run()
    assert TEXT["present_notes"]["en"] in notes.subheader[0].value
    at.run()
    assert chart_titles(at) == [TEXT["chart_va_title"]["en"]]
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"


def test_notes_view_before_the_presentation_starts() -> None:
    notes = present_notes({"lang": "en", "room": "nobody-yet"})
    assert notes.info[0].value == TEXT["present_notes_waiting"]["en"]


LONG = "德州市高端装备与集成电路产业链协同发展情景（含两个新增项目、三个自定目标及基金加速实缴投放的综合方案）"


@pytest.mark.parametrize("lang", LANGS)
def test_presentation_with_added_projects_targets_and_a_renamed_long_name(db_url: str, lang) -> None:
    """Issue 19: a scenario with added projects crashed presentation mode (``p.name(lang)`` on a
    project a user added, whose name is a text). Added projects, the user's targets, a long name,
    a scenario loaded on the page and renamed in the library: no error, the projects named."""
    from model.parameters import PipelineProject, Target

    library = ScenarioLibrary(db_url)
    scenario = (
        make_scenario({"fund_size": 90})
        .with_projects(
            (
                PipelineProject("新建晶圆封测基地", 60.0, 80.0, 2027),
                PipelineProject("Excluded plant", 10.0, 5.0, 2028, False),
            )
        )
        .with_targets((Target("自定目标：2027年规上工业增加值", "level", 2027, 2600.0),))
    )
    assert len(LONG) <= 80
    library.save("临时名称", scenario)
    at = run_page({"lang": lang}, tab="tab_library", lang=lang)
    library.rename("临时名称", LONG)  # renamed after the page listed it
    at.query_params["mode"] = "present"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value.replace("\\", "") == LONG
    text = shown("\n".join(m.value for m in at.markdown))
    assert TEXT["present_added"][lang].format(names="新建晶圆封测基地") in text  # an excluded one is not added
    assert "Excluded plant" not in text
