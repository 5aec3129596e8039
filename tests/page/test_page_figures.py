"""The page side of model version 3 (issue 18, items 2–5), with AppTest: official figures added on
the history tab (kept in a temporary SQLite library), the date of the data on every view, what each
headline card is compared with, one definition of what the levers change, years by status, and
the note under a year lever set in the past.

The history is made up for the tests (written below), so that the expected figures can be worked by
hand: Dezhou's 2024 has only a January–July figure (8.4%, estimated), nothing after it, so the first
projected year P is 2025."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from pagekit import chart_specs, clear_caches, run_page, shown, texts
from streamlit.testing.v1 import AppTest

from model.lang import LANGS
from model.parameters import default_scenario, load_parameters, make_scenario
from model.projection import project
from report.text import TEXT
from store.figures import FigureStore
from store.library import ScenarioLibrary

HEADER = "year,region,metric,value,period,publication,publication_en,date,url,quote_zh,confidence,note_zh,note_en"
ROWS = [
    "2024,dezhou,va_growth_pct,8.4,Jan-Jul,测试日报,Test daily,2024-08-23,https://example.org/d,前7个月增长8.4%。,medium,,",
    "2024,shandong,va_growth_pct,8.3,full-year,测试省公报,Test bulletin,2025-01-21,https://example.org/s,全省增长8.3%。,high,,",
]
SUBMIT = {lang: f"FormSubmitter:figure_form-{TEXT['figure_add'][lang]}" for lang in LANGS}
GOOD = {  # a full-year 2024 figure, as the bureau would type it
    "fig_year": "2024",
    "fig_value": "7.2",
    "fig_publication": "德州市2024年国民经济和社会发展统计公报",
    "fig_date": "2025-03-20",
    "fig_url": "https://example.org/bulletin-2024",
    "fig_quote_zh": "全市规模以上工业增加值比上年增长7.2%。",
}


@pytest.fixture(autouse=True)
def made_up_history(tmp_path, monkeypatch) -> Iterator[None]:
    """Every test here: the made-up history above and no official targets (the empty library in
    tmp_path is the shared ``db_url`` fixture of tests/conftest.py)."""
    import model.history
    import model.targets

    (tmp_path / "history.csv").write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    monkeypatch.setattr(model.history, "DATA_DIR", tmp_path)
    monkeypatch.setattr(model.targets, "DATA_DIR", tmp_path / "none")
    clear_caches()
    yield
    monkeypatch.undo()
    clear_caches()


def fill(at: AppTest, values: dict[str, str], period: str | None = "full-year") -> AppTest:
    for key, value in values.items():
        (at.text_area if key == "fig_quote_zh" else at.text_input)(key=key).input(value)
    if period is not None:
        at.selectbox(key="fig_period").set_value(period)
    return at


def submit(at: AppTest, lang: str = "zh") -> AppTest:
    at.button(key=SUBMIT[lang]).click().run()
    assert not at.exception, at.exception
    return at


def history_frame(at: AppTest, lang: str = "zh") -> pd.DataFrame:
    """The table of every official figure on the history tab."""
    [table] = [d.value for d in at.dataframe if TEXT["col_origin"][lang] in d.value.columns]
    return table


# --- adding a figure ------------------------------------------------------------------------------


def test_a_good_figure_is_saved_listed_and_re_anchors_the_model(db_url) -> None:
    before = run_page(tab="tab_history")
    va_before = float(before.metric[0].value.replace(",", ""))
    at = submit(fill(before, GOOD))
    assert [s.value for s in at.success] == [TEXT["figure_added"]["zh"].format(number=1)]
    [added] = FigureStore(db_url).list()
    assert (added.figure.year, added.figure.value, added.figure.period) == (2024, 7.2, "full-year")
    assert added.figure.quote_zh == GOOD["fig_quote_zh"] and added.added_by is None  # a visitor

    table = history_frame(at)
    row = table[table[TEXT["col_publication"]["zh"]] == GOOD["fig_publication"]].iloc[0]
    assert row[TEXT["col_origin"]["zh"]] == TEXT["origin_added"]["zh"].format(number=1)
    assert row[TEXT["col_added_by"]["zh"]] == TEXT["visitor"]["zh"]
    assert row[TEXT["col_added_at"]["zh"]].endswith("UTC")
    assert row[TEXT["col_used"]["zh"]] == TEXT["yes"]["zh"]
    data_row = table[table[TEXT["col_publication"]["zh"]] == "测试日报"].iloc[0]
    assert data_row[TEXT["col_origin"]["zh"]] == TEXT["origin_data"]["zh"]
    assert data_row[TEXT["col_used"]["zh"]] == TEXT["no"]["zh"]  # the full-year figure wins over Jan–Jul

    # 2024 is published now, at 7.2% instead of the Jan–Jul 8.4%; every later year compounds on it,
    # so with every lever at its default value added in 2030 moves by the factor 1.072 / 1.084.
    years = {r[TEXT["axis_year"]["zh"]]: r for r in at.dataframe[0].value.to_dict("records")}
    assert years[2024][TEXT["col_status"]["zh"]] == "已公布"
    va_after = float(at.metric[0].value.replace(",", ""))
    assert va_after == pytest.approx(va_before * 1.072 / 1.084, abs=0.06)  # the cards show one decimal
    assert "数据截至2024年12月" in texts(at)  # was 2024年7月


def test_the_figure_is_there_for_another_session(db_url) -> None:
    submit(fill(run_page(tab="tab_history"), GOOD))
    other = run_page(tab="tab_table")
    statuses = other.dataframe[0].value.set_index("year")["status"]
    assert statuses[2024] == "已公布"
    assert statuses[2025] == "推算"


BAD = [  # (what is wrong, the form's fields, the period chosen, the sentence on the page)
    ("no sentence", {**GOOD, "fig_quote_zh": "  "}, "full-year", "原文语句（必填）：必填，不能为空。"),
    ("no publication", {**GOOD, "fig_publication": ""}, "full-year", "出处：必填，不能为空。"),
    ("value not a number", {**GOOD, "fig_value": "七点二"}, "full-year", "数值：“七点二”不是数值，应为数值（如8.4）。"),
    (
        "year out of range",
        {**GOOD, "fig_year": "2040"},
        "full-year",
        "年份：2040超出允许范围，应为2015至2035之间的整数。",
    ),
    (
        "year not a number",
        {**GOOD, "fig_year": "二〇二四"},
        "full-year",
        "年份：“二〇二四”不是数值，应为2015至2035之间的整数。",
    ),
    ("no period", GOOD, None, "统计期：必填，不能为空。"),
    (
        "an address that is not a web address",
        {**GOOD, "fig_url": "javascript:alert(1)"},
        "full-year",
        "网址：“javascript:alert(1)”不是网址，应以http://或https://开头，或留空。",
    ),
]


@pytest.mark.parametrize(("case", "values", "period", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_field_is_named_and_nothing_is_saved(db_url, case, values, period, message) -> None:
    at = submit(fill(run_page(tab="tab_history"), values, period))
    [error] = at.error
    assert error.value.startswith(TEXT["figure_problems"]["zh"])
    assert message in shown(error.value)
    assert FigureStore(db_url).list() == []  # nothing saved
    for key, value in values.items():  # what was typed stays in the form
        assert (at.text_area if key == "fig_quote_zh" else at.text_input)(key=key).value == value


def test_several_bad_fields_each_named_in_english(db_url) -> None:
    values = {**GOOD, "fig_quote_zh": "", "fig_value": "n/a", "fig_year": "1999"}
    at = submit(fill(run_page({"lang": "en"}, tab="tab_history", lang="en"), values, None), "en")
    text = shown(at.error[0].value)
    for sentence in (
        "The sentence (required): required; it is blank.",
        "Value: “n/a” is not a number; allowed: a number (such as 8.4).",
        "Year: 1999 is out of range; allowed: a whole number from 2015 to 2035.",
        "Period: required; it is blank.",
    ):
        assert sentence in text
    assert FigureStore(db_url).list() == []


def test_an_added_figure_is_deleted_and_the_undo_puts_it_back(db_url) -> None:
    at = submit(fill(run_page(tab="tab_history"), GOOD))
    at.selectbox(key="fig_pick").set_value(1).run()
    at.button(key="fig_delete").click().run()
    assert FigureStore(db_url).list() == []
    assert FigureStore(db_url).versions()[0].figure.value == 7.2  # kept
    assert TEXT["figure_deleted"]["zh"].format(number=1) in [s.value for s in at.success]
    years = at.dataframe[0].value.set_index(TEXT["axis_year"]["zh"])[TEXT["col_status"]["zh"]]
    assert years[2024] == "估算（1—7月）"
    at.button(key="undo_figures").click().run()
    assert not at.exception
    assert [a.id for a in FigureStore(db_url).list()] == [1]
    years = at.dataframe[0].value.set_index(TEXT["axis_year"]["zh"])[TEXT["col_status"]["zh"]]
    assert years[2024] == "已公布"


# --- the date of the data, on every view ------------------------------------------------------------


@pytest.mark.parametrize(
    ("tab", "lang", "line"),
    [
        (None, "zh", "数据截至2024年7月"),
        (None, "en", "Data as of July 2024"),
        ("tab_history", "zh", "数据截至2024年7月"),
        ("tab_sources", "zh", "数据截至2024年7月"),
        ("tab_sources", "en", "Data as of July 2024"),
    ],
)
def test_every_view_says_the_date_of_the_data(db_url, tab, lang, line) -> None:
    at = run_page({"lang": lang}, tab=tab, lang=lang)
    assert line in [c.value for c in at.caption]


def test_without_published_figures_the_page_says_every_year_is_projected(db_url) -> None:
    at = run_page({"use_observed": "false"})
    assert TEXT["data_as_of_none"]["zh"] in [c.value for c in at.caption]


# --- the cards say on their face what they are compared with --------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_card_says_what_it_is_compared_with(db_url, lang) -> None:
    at = run_page({"fund_size": "80", "lang": lang}, lang=lang)
    descriptions = [m.proto.delta_description for m in at.metric]
    assert descriptions == [TEXT["vs_baseline"][lang]] * 3 + [TEXT["vs_plan"][lang]]
    at_defaults = run_page({"lang": lang}, lang=lang)  # with nothing changed, still said, at 0
    assert [m.proto.delta_description for m in at_defaults.metric] == descriptions
    assert [m.proto.delta for m in at_defaults.metric] == ["0.0", "0.00", "0.0", "0.0"]


# --- one definition of what the levers change -------------------------------------------------------


def by_hand_ti_effect(ti_growth: float) -> float:
    """MODEL.md v3 equation 3 in 2030: va_ti − va_baseline, d = ti_effect × (ti_growth − 16.1) from P
    (2025 here), the baseline's growth g(t) read from the plan's own result table."""
    spec = load_parameters()
    plan = project(default_scenario()).set_index("year")
    d = spec["ti_effect"].default * (ti_growth - 16.1)
    va_b = va_ti = spec["base_va"].default
    for year in range(2024, 2031):
        g = plan.loc[year, "growth_pct"]
        va_b *= 1 + g / 100
        va_ti *= 1 + (g + (d if year >= 2025 else 0.0)) / 100
    return va_ti - va_b


def test_ti_lever_at_20_shows_the_same_effect_everywhere(db_url) -> None:
    effect = by_hand_ti_effect(20)
    assert effect > 1  # the lever is scored
    shown_effect = f"{effect:+,.1f}"
    at = run_page({"ti_growth": "20"})
    # the card: the effect of the levers, against the plan
    card = at.metric[3]
    assert float(card.value.replace(",", "")) == pytest.approx(effect, abs=0.05)
    assert card.proto.delta == shown_effect and card.proto.delta_description == TEXT["vs_plan"]["zh"]
    # the sentence under the cards: the same number, all of it through the 技改 channel
    sentence = next(m.value for m in at.markdown if m.value.startswith("政策变量已调整"))
    assert f"较既定计划增加{abs(effect):,.1f}亿元" in sentence
    assert f"其中技改投资渠道{shown_effect}亿元，新增产能渠道+0.0亿元" in sentence
    # the change chart's data: 技改 and 新增产能 apart, stacking to the whole
    frame = project(make_scenario({"ti_growth": 20}))
    from report.charts import change_chart

    spec = change_chart(frame, "zh").to_dict()
    rows = pd.DataFrame(spec["datasets"][next(iter(spec["datasets"]))])
    last = rows[rows["year"] == 2030].set_index(["layer", "series"])["value"]
    assert last[("change", TEXT["channel_ti"]["zh"])] == pytest.approx(effect, abs=1e-6)
    assert last[("change", TEXT["group_economy_capacity"]["zh"])] == pytest.approx(0.0, abs=1e-9)
    assert last[("net", TEXT["change_up"]["zh"])] == pytest.approx(effect, abs=1e-6)
    legends = [
        layer["encoding"]["fill"]["scale"]["domain"] for layer in spec["layer"] if "fill" in layer.get("encoding", {})
    ]
    assert [TEXT["channel_ti"]["zh"], TEXT["group_economy_capacity"]["zh"]] in legends
    # the comparison table on the Save & compare tab
    ScenarioLibrary(db_url).save("技改20", make_scenario({"ti_growth": 20}))
    lib = run_page(tab="tab_library")
    lib.multiselect(key="compare_names").select("技改20").run()
    [table] = [tb.value for tb in lib.table]
    column = TEXT["cmp_policy_va"]["zh"]
    assert float(str(table[column].iloc[0]).replace(",", "")) == pytest.approx(effect, abs=0.05)


# --- years by status ----------------------------------------------------------------------------------


def test_result_table_and_charts_mark_each_years_status(db_url) -> None:
    at = run_page(tab="tab_table")
    statuses = at.dataframe[0].value.set_index("year")["status"]
    assert statuses[2023] == "基年"
    assert statuses[2024] == "估算（1—7月）"
    assert (statuses.loc[2025:] == "推算").all()
    chart = run_page()
    [va] = [s for s in chart_specs(chart) if s["title"] == TEXT["chart_va_title"]["zh"]]
    shapes = [layer["encoding"]["shape"]["scale"] for layer in va["layer"] if "shape" in layer.get("encoding", {})]
    assert {
        "domain": [TEXT[k]["zh"] for k in ("legend_published", "legend_estimated", "legend_projected")],
        "range": ["diamond", "diamond", "stroke"],
    } in shapes


def test_english_status_names_the_months(db_url) -> None:
    at = run_page({"lang": "en"}, tab="tab_table", lang="en")
    assert at.dataframe[0].value.set_index("year")["status"][2024] == "Estimated (Jan–Jul)"


# --- the past is fixed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "note"), [("zh", "2024年已过去，按2025年计算。"), ("en", "2024 has passed: 2025 is used.")]
)
def test_a_start_year_in_the_past_says_which_year_is_used(db_url, lang, note) -> None:
    assert load_parameters()["phase1_start"].default == 2025  # the plan's year: P here, not in the past
    at = run_page({"phase1_start": "2024", "lang": lang}, lang=lang)
    assert [c.value for c in at.sidebar.caption].count(note) == 1
    at = run_page({"fund_start": "2024", "lang": lang}, lang=lang)  # the plan's own year: no note
    assert note not in [c.value for c in at.sidebar.caption]
