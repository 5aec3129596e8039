"""Targets on the page: the user's own (kept with the scenario; bad rows named and left out), the
official ones, the gap to each in the headline, their marks on the value-added chart."""

from __future__ import annotations

import pytest
from handcalc import expected
from pagekit import chart_data, chart_specs, clear_caches, run_page, shown, without_official_targets
from streamlit.testing.v1 import AppTest

from model.compat import CompatNotice
from model.lang import LANGS
from model.parameters import default_scenario, load_parameters
from report.text import TEXT

LEVEL = {"label": "自定：2030年3000亿元", "metric": "level", "year": 2030, "value": 3000.0}
GROWTH = {"label": "Own: 9% in 2027", "metric": "growth_year", "year": 2027, "value": 9.0}
AVERAGE = {"label": "年均8%", "metric": "growth_avg", "year": 2030, "value": 8.0, "from_year": 2025}


@pytest.fixture(autouse=True)
def only_own_targets(request, tmp_path, monkeypatch):
    """Every test here sees only its own targets, unless it asks for the made-up official ones."""
    if "published" not in request.fixturenames:
        without_official_targets(tmp_path, monkeypatch)
    yield
    monkeypatch.undo()
    clear_caches()


def with_rows(rows: list[dict], lang: str = "zh", tab: str | None = None) -> AppTest:
    at = run_page({"lang": lang}, tab=tab, lang=lang)
    at.session_state["targets_rows"] = rows
    at.run()
    assert not at.exception, at.exception
    return at


def gap_table(at: AppTest, lang: str = "zh"):
    return next(d.value for d in at.dataframe if TEXT["col_gap"][lang] in d.value.columns)


def test_gap_to_each_target_in_the_headline() -> None:
    at = with_rows([LEVEL, GROWTH, AVERAGE])
    table = gap_table(at)
    va = expected(default_scenario())["va_total"]  # docs/model.md by hand; no lever moved
    level_gap = va[2030] - 3000.0
    growth = (va[2027] / va[2026] - 1) * 100
    average = ((va[2030] / va[2025]) ** (1 / 5) - 1) * 100
    rows = table.set_index(TEXT["col_target"]["zh"])
    assert rows.loc[LEVEL["label"], TEXT["this_scenario"]["zh"]] == f"{va[2030]:,.1f}"
    assert rows.loc[LEVEL["label"], TEXT["col_gap"]["zh"]] == f"{level_gap:+,.1f}"
    assert rows.loc[GROWTH["label"], TEXT["col_gap"]["zh"]] == f"{growth - 9.0:+.2f} 个百分点"
    assert rows.loc[AVERAGE["label"], TEXT["col_gap"]["zh"]] == f"{average - 8.0:+.2f} 个百分点"
    assert rows.loc[AVERAGE["label"], TEXT["axis_year"]["zh"]] == "2025–2030"
    reached = rows[TEXT["col_reached"]["zh"]]
    assert reached[LEVEL["label"]] == ("是" if level_gap >= 0 else "否")


def test_targets_are_marks_on_the_value_added_chart() -> None:
    at = with_rows([LEVEL, GROWTH])
    va_chart = chart_specs(at)[0]
    named = {"calculate": "datum.series", "as": "target"}  # (the status marks ◆ ◇ are points too)
    marks = [layer for layer in va_chart["layer"] if named in layer.get("transform", [])]
    assert marks and marks[0]["mark"]["type"] == "point"
    # the ▼ named by the series' name, copied to a field of its own so that its legend stays apart
    # from the lines' strokes (issue 19)
    assert marks and marks[0]["encoding"]["shape"]["field"] == "target"
    assert {"calculate": "datum.series", "as": "target"} in marks[0]["transform"]
    data = chart_data(at)[0]
    assert LEVEL["label"].encode() in data and GROWTH["label"].encode() in data
    assert TEXT["series_target"]["zh"].encode() in data


@pytest.mark.parametrize("lang", LANGS)
def test_bad_target_rows_are_named_and_left_out(lang: str) -> None:
    bad = [
        {"label": "", "metric": "level", "year": 2030, "value": 100.0},
        {"label": "x", "metric": "growth_avg", "year": 2026, "value": 5.0, "from_year": 2028},
        {"label": "y", "metric": "level", "year": 2040, "value": 100.0},
    ]
    at = with_rows([LEVEL, *bad], lang=lang, tab="tab_table")
    warning = shown("\n".join(w.value for w in at.warning))
    assert TEXT["rows_problems"][lang] in warning
    expected = {
        "zh": [
            "第2行：缺少目标名称。",
            "第3行，起始年份：2028不符合要求，应早于2026年。",
            "第4行，目标年份：2040超出允许范围，应为2024至2035之间的整数。",
        ],
        "en": [
            "row 2: Target name is missing",
            "row 3, From year: 2028; allowed: a year before 2026",
            "row 4, Target year: 2040 is out of range; allowed: a whole number from 2024 to 2035",
        ],
    }[lang]
    for sentence in expected:
        assert sentence in warning, warning
    for key in ("from_year", "label", "None"):
        assert key not in warning
    # the good row counts; what was typed stays in the table
    assert list(gap_table(at, lang)[TEXT["col_target"][lang]]) == [LEVEL["label"]]
    assert at.session_state["targets_rows"][3]["year"] == 2040


def test_reset_keeps_targets_unless_asked_to_clear_them() -> None:
    at = with_rows([LEVEL])
    at.button(key="reset").click().run()
    assert at.session_state["targets_rows"] == [LEVEL]  # the user's own rows are kept (issue 11, item 2)
    at.toggle(key="keep_added").set_value(False).run()
    at.button(key="reset").click().run()
    assert at.session_state["targets_rows"] == []
    assert any(TEXT["targets_none"]["zh"] == c.value for c in at.caption)


def test_no_targets_says_where_to_add_them() -> None:
    at = run_page()
    assert any(TEXT["targets_none"]["zh"] == c.value for c in at.caption)


def test_official_targets_are_checked_and_listed(published) -> None:
    at = run_page()
    table = gap_table(at)
    # model version 3 projects revenue: the revenue target (a level, 亿元) is checked too
    assert list(table[TEXT["col_target"]["zh"]]) == ["测试目标：2026年增长7%", "测试目标：营业收入"]
    plan = default_scenario()
    va = expected(plan, published)["va_total"]
    growth = (va[2026] / va[2025] - 1) * 100
    assert table.iloc[0][TEXT["col_gap"]["zh"]] == f"{growth - 7.0:+.2f} 个百分点"
    # equation 13: revenue(2026) = base_revenue × va_total(2026) / base_va × (1 + revenue_drift/100)³
    revenue = plan.base_revenue * va[2026] / plan.base_va * (1 + plan.revenue_drift / 100) ** 3
    assert table.iloc[1][TEXT["col_gap"]["zh"]] == f"{revenue - 3000:+,.1f}"
    assert table.iloc[1][TEXT["col_metric_kind"]["zh"]] == "规上工业营业收入（亿元）"
    listed = run_page(tab="tab_table")
    official = next(d.value for d in listed.dataframe if TEXT["col_checkable"]["zh"] in d.value.columns)
    assert list(official[TEXT["col_checkable"]["zh"]]) == ["是", "是"]
    assert list(official[TEXT["col_quote"]["zh"]]) == ["2026年规上工业增加值增长7%。", "营业收入3000亿元。"]


@pytest.mark.parametrize("lang", LANGS)
def test_version_1_notices_of_a_loaded_scenario_are_shown_as_text(lang: str) -> None:
    at = run_page({"lang": lang}, lang=lang)
    at.session_state["loaded_notices"] = [
        CompatNotice("default_replaced", "base_va", 1500, load_parameters()["base_va"].default),
        CompatNotice("unknown_key", "**bold**"),
    ]
    at.run()
    notice = "\n".join(i.value for i in at.info)
    assert TEXT["v1_notices_file"][lang] in notice
    assert load_parameters()["base_va"].label(lang) in shown(notice)
    assert "\\*\\*bold\\*\\*" in notice  # a key from a file is shown as typed, never as Markdown
    at.button(key="dismiss_v1_notices_file").click().run()
    assert not any(TEXT["v1_notices_file"][lang] in i.value for i in at.info)


REVENUE = {"label": "自定：2030年营收7000亿元", "metric": "revenue", "year": 2030, "value": 7000.0}


def test_a_revenue_target_is_a_mark_on_the_revenue_chart() -> None:
    at = with_rows([LEVEL, REVENUE])
    va, revenue = chart_data(at)[:2]
    assert chart_specs(at)[1]["title"] == TEXT["chart_revenue_title"]["zh"]
    assert REVENUE["label"].encode() in revenue and TEXT["series_target_revenue"]["zh"].encode() in revenue
    assert LEVEL["label"].encode() not in revenue  # a value-added target stays on its own chart
    assert REVENUE["label"].encode() not in va and LEVEL["label"].encode() in va
