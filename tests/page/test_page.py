"""The page, run headless with Streamlit's AppTest: it renders, answers a slider, keeps its promises.

Expected figures come from docs/model.md's equations written out by hand (tests/handcalc.py), read with
the parameters' current defaults (the data are still being sourced), never from the page's code.
"""

from __future__ import annotations

import pytest
from handcalc import headline_figures
from pagekit import chart_data, chart_specs, chart_titles, run_page, shown, texts
from streamlit.testing.v1 import AppTest

from model.lang import LANGS
from model.parameters import default_scenario, load_parameters, make_scenario
from model.projection import project
from model.scenario_file import load_presets
from report.csv_export import frame_to_csv
from report.problems import parameter_name
from report.text import TEXT
from tests.readers import csv_to_frame


def metric_values(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


def formatted(figures: dict[str, float]) -> list[str]:
    """The four headline figures as the page formats them."""
    return [
        f"{figures['va_total']:,.1f}",
        f"{figures['avg_growth_pct']:.2f}",
        f"{figures['cum_fund_investment']:,.1f}",
        f"{figures['policy_va']:,.1f}",
    ]


@pytest.fixture(scope="module")
def page() -> AppTest:
    return run_page()


def test_page_shows_the_plan(page: AppTest) -> None:
    assert metric_values(page) == formatted(headline_figures(default_scenario()))
    assert metric_values(page)[3] == "0.0"  # every lever at its default: the levers change nothing
    assert TEXT["plan_at_defaults"]["zh"] in texts(page)
    assert chart_titles(page) == [
        TEXT[k]["zh"]
        for k in (
            "chart_va_title",
            "chart_revenue_title",
            "chart_source_title",
            "chart_change_title",
            "chart_invest_title",
        )
    ]  # only the open tab is drawn


def test_levers_and_economy_are_apart_in_the_sidebar(page: AppTest) -> None:
    expanders = {e.label: e for e in page.sidebar.expander}
    assert [h.value for h in page.sidebar.subheader] == [TEXT["section_levers"]["zh"], TEXT["section_economy"]["zh"]]
    for key, spec in load_parameters().items():
        box = expanders[TEXT[f"group_{spec.group}"]["zh"]]
        widgets = box.toggle if spec.kind == "bool" else box.slider
        assert key in [w.key for w in widgets], (key, spec.group)
    # the choices in a group of their own, before the levers
    choices = [
        w.key for w in (*expanders[TEXT["group_horizon"]["zh"]].slider, *expanders[TEXT["group_horizon"]["zh"]].toggle)
    ]
    assert sorted(choices) == ["horizon_end", "use_observed"]
    groups = [e.label for e in page.sidebar.expander][1:]  # after the presets
    assert groups.index(TEXT["group_horizon"]["zh"]) < groups.index(TEXT["group_lever_funds"]["zh"])
    assert groups.index(TEXT["group_lever_projects"]["zh"]) < groups.index(TEXT["group_economy_trend"]["zh"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_control_says_where_its_value_comes_from(lang: str) -> None:
    at = page_in(lang)
    for key, spec in load_parameters().items():
        widget = at.slider(key=key) if spec.kind != "bool" else at.toggle(key=key)
        assert widget.value == spec.default
        if spec.unit(lang):
            assert spec.unit(lang) in widget.label
        help_text = widget.help
        assert TEXT["prov_" + spec.provenance][lang] in help_text
        if spec.reasoning(lang):
            assert spec.reasoning(lang) in help_text  # in the page's language
        for part in (spec.publication_name(lang), spec.date, spec.url, spec.source_zh):
            assert part in help_text
        if spec.kind != "bool":
            assert TEXT["col_range"][lang] in help_text
        assert TEXT["help_default"][lang] in help_text
    if lang == "zh":
        # full-width punctuation, after the bold: "**来源：**:blue-badge…" shows its asterisks in Markdown
        assert "**来源**：" in at.slider(key="fund_size").help


def page_in(lang: str) -> AppTest:
    return run_page({"lang": lang})


def test_moving_a_lever_shows_what_it_changes_against_the_plan() -> None:
    at = run_page()
    at.slider(key="fund_size").set_value(100.0).run()
    assert not at.exception
    moved = make_scenario({"fund_size": 100.0})
    figures = headline_figures(moved)
    assert metric_values(at) == formatted(figures)
    assert figures["policy_va"] > 0
    assert at.metric[3].delta == f"{figures['policy_va']:+,.1f}"
    plan = figures["va_total"] - figures["policy_va"]
    sentence = TEXT["plan_changed"]["zh"].format(
        year=2030,
        direction="增加",
        delta=f"{figures['policy_va']:,.1f}",
        pct=f"{figures['policy_va'] / plan * 100:.2f}",
    )
    assert sentence in texts(at)
    # the change is drawn on its own axis, a bar a year, at its real size
    change = chart_specs(at)[3]
    assert change["title"] == TEXT["chart_change_title"]["zh"]
    bars = next(layer for layer in change["layer"] if layer["mark"]["type"] == "bar")
    assert "zero" not in bars["encoding"]["y"].get("scale", {})


def test_a_smaller_fund_takes_value_added_away_in_english() -> None:
    at = run_page({"fund_size": "10", "lang": "en", "model": "3"})
    figures = headline_figures(make_scenario({"fund_size": 10.0}))
    assert figures["policy_va"] < 0 and metric_values(at) == formatted(figures)
    plan = figures["va_total"] - figures["policy_va"]
    sentence = TEXT["plan_changed"]["en"].format(
        year=2030,
        direction=TEXT["change_falls"]["en"],
        delta=f"{-figures['policy_va']:,.1f}",
        pct=f"{-figures['policy_va'] / plan * 100:.2f}",
    )
    assert sentence in texts(at)
    assert " from " not in sentence  # what the levers change, never value added "from" funds


def test_economy_assumptions_alone_leave_the_levers_at_nothing() -> None:
    at = run_page({"growth_end": "5"})
    figures = headline_figures(make_scenario({"growth_end": 5.0}))
    assert metric_values(at) == formatted(figures)
    assert metric_values(at)[3] == "0.0" and TEXT["plan_at_defaults"]["zh"] in texts(at)


def test_slider_move_redraws_data_not_charts() -> None:
    at = run_page()
    before_specs, before_data = chart_specs(at), chart_data(at)
    at.slider(key="growth_start").set_value(10.5).run()
    assert not at.exception
    expected = headline_figures(make_scenario({"growth_start": 10.5}))
    assert metric_values(at)[0] == f"{expected['va_total']:,.1f}"
    assert at.metric[0].delta.startswith("+")
    assert chart_specs(at) == before_specs  # the same charts: the browser swaps their data in place
    after = chart_data(at)
    # value added, revenue and the baseline follow the trend; what the levers change and investment do not
    assert [a != b for a, b in zip(after, before_data, strict=True)] == [True, True, True, False, False]


def test_reset_restores_defaults() -> None:
    at = run_page()
    at.slider(key="fund_size").set_value(200.0).run()
    at.toggle(key="phase2_on").set_value(False).run()
    assert at.slider(key="fund_size").value == 200.0
    at.button(key="reset").click().run()
    assert at.slider(key="fund_size").value == load_parameters()["fund_size"].default
    assert at.toggle(key="phase2_on").value is True
    assert metric_values(at) == metric_values(run_page())


def test_preset_loads_in_one_click() -> None:
    at = run_page()
    at.button(key="preset_1").click().run()
    preset = load_presets()[1].scenario
    for key, value in preset.to_dict().items():
        widget = at.toggle(key=key) if isinstance(value, bool) else at.slider(key=key)
        assert widget.value == value, key
    assert metric_values(at) == formatted(headline_figures(preset))


def test_link_values_open_the_scenario_and_the_page_writes_model_3() -> None:
    at = run_page({"growth_start": "10.5", "horizon_end": "2035", "phase2_on": "false", "model": "3"})
    assert at.slider(key="growth_start").value == 10.5
    assert at.slider(key="horizon_end").value == 2035
    linked = make_scenario({"growth_start": 10.5, "horizon_end": 2035, "phase2_on": False})
    assert metric_values(at) == formatted(headline_figures(linked))
    assert not at.warning and not at.info
    assert at.query_params["model"] == ["3"] or at.query_params["model"] == "3"
    assert run_page().query_params["model"] in ("3", ["3"])


@pytest.mark.parametrize("lang", LANGS)
def test_version_1_link_gets_a_notice_and_keeps_the_rest(lang: str) -> None:
    # fund_leverage 4 was version 1's default (re-sourced: version 2's default is used); fund_size
    # changed meaning (the user's value is kept); growth_end did not change at all.
    at = run_page({"fund_leverage": "4", "fund_size": "80", "growth_end": "6", "lang": lang})
    notice = "\n".join(i.value for i in at.info)
    assert TEXT["v1_notices_link"][lang] in notice
    specs = load_parameters()
    assert specs["fund_leverage"].label(lang) in notice and specs["fund_size"].label(lang) in notice
    assert specs["additionality"].label(lang) in notice  # version 1 had no such parameter
    assert specs["growth_end"].label(lang) not in notice
    assert at.slider(key="fund_size").value == 80.0 and at.slider(key="growth_end").value == 6.0
    leverage = at.slider(key="fund_leverage").value
    assert leverage == (specs["fund_leverage"].default if specs["fund_leverage"].default != 4 else 4)
    expected = make_scenario({"fund_size": 80.0, "growth_end": 6.0, "fund_leverage": leverage})
    assert metric_values(at) == formatted(headline_figures(expected))
    at.button(key="dismiss_v1_notices_link").click().run()
    assert not any(TEXT["v1_notices_link"][lang] in i.value for i in at.info)


def test_version_3_link_gets_no_version_notice() -> None:
    at = run_page({"fund_size": "80", "model": "3"})
    assert not at.info and at.slider(key="fund_size").value == 80.0


@pytest.mark.parametrize("lang", LANGS)
def test_version_2_link_keeps_its_values_and_says_what_changed(lang: str) -> None:
    at = run_page({"fund_size": "80", "ti_growth": "20", "growth_end": "6", "model": "2", "lang": lang})
    assert at.slider(key="fund_size").value == 80.0 and at.slider(key="ti_growth").value == 20.0
    said = " ".join(i.value for i in at.info)
    assert TEXT["v1_notices_link"][lang] in said
    # the 技改 lever now scored against the plan; the fund lever acting from the first projected year
    assert parameter_name(load_parameters()["ti_growth"], lang) in shown(said)
    assert load_parameters()["fund_size"].label(lang) in shown(said)
    assert load_parameters()["growth_end"].label(lang) not in shown(said)  # an economy value: unchanged


@pytest.mark.parametrize(
    ("query", "named_en", "named_zh"),
    [
        ({"growth_start": "abc"}, "{}: 'abc' is not a number", "{}：“abc”不是数值"),
        ({"fund_size": "5000"}, "{}: '5000' is out of range", "{}：“5000”超出允许范围"),
        ({"horizon_end": "2031.5"}, "{}: '2031.5' is not a whole number", "{}：“2031.5”不是整数"),
        ({"growth_start": ["10", "11"]}, "{}: given 2 times in the link", "{}在链接中出现2次"),
        ({"phase1_on": "maybe"}, "{}: 'maybe' is not true or false", "{}：“maybe”不是 true 或 false"),
        ({"bogus": "1"}, "'bogus=1': not a parameter of this model", "“bogus=1”不是本模型的参数"),
    ],
)
def test_bad_link_values_are_ignored_with_a_notice(query: dict[str, str], named_en: str, named_zh: str) -> None:
    """Each ignored value is named by the parameter's label and unit in the page's language (never its
    key), with the value as typed and what is allowed."""
    specs = load_parameters()
    (key,) = query
    for lang, named, allowed in (("en", named_en, "allowed"), ("zh", named_zh, "应为")):
        at = run_page({**query, "lang": lang, "model": "3"})
        notice = shown(" ".join(w.value for w in at.warning))
        assert TEXT["url_ignored"][lang] in notice
        assert named.format(parameter_name(specs[key], lang) if key in specs else "") in notice, notice
        assert allowed in notice or key == "bogus" or isinstance(query[key], list)
        if key in specs:
            assert key not in notice
        assert metric_values(at) == metric_values(run_page({"lang": lang}))


def test_link_value_between_steps_is_rounded_with_a_notice() -> None:
    at = run_page({"growth_start": "10.55", "lang": "en", "model": "3"})
    assert at.slider(key="growth_start").value == 10.6
    said = "Trend growth, first projected year (%): 10.55 rounded to 10.6 (the control's step is 0.1)"
    assert any(said in shown(i.value) for i in at.info)
    zh = run_page({"growth_start": "10.55", "lang": "zh", "model": "3"})
    assert any("首个推算年份趋势增速（%）：10.55已按滑块步长0.1取整为10.6。" in shown(i.value) for i in zh.info)
    expected = headline_figures(make_scenario({"growth_start": 10.6}))
    assert metric_values(at)[0] == f"{expected['va_total']:,.1f}"


def test_english_page() -> None:
    at = run_page({"lang": "en"})
    assert at.title[0].value == TEXT["page_title"]["en"]
    assert at.slider(key="growth_start").label.startswith(load_parameters()["growth_start"].label_en)
    assert TEXT["plan_at_defaults"]["en"] in texts(at)


def test_download_is_the_model_csv(page: AppTest) -> None:
    button = page.get("download_button")[0]
    assert button.proto.label == TEXT["download_csv"]["zh"]
    data = frame_to_csv(project(default_scenario()), lang=None)
    assert data.startswith(b"\xef\xbb\xbf")
    assert csv_to_frame(data).shape == project(default_scenario()).shape


def result_table(at: AppTest):
    return next(d.value for d in at.dataframe if "status" in d.value.columns)


def test_result_table_marks_published_and_projected_years(published: dict[int, float]) -> None:
    at = run_page(tab="tab_table")
    table = result_table(at)
    assert list(table.columns) == list(project(default_scenario()).columns)
    assert list(table["status"]) == ["基年", "已公布", "已公布"] + ["推算"] * 5
    en = result_table(run_page(tab="tab_table", lang="en", query={"lang": "en"}))
    assert list(en["status"])[:4] == ["Base year", "Published", "Published", "Projected"]


def test_published_years_use_the_official_figures_and_are_shaded(published: dict[int, float]) -> None:
    at = run_page()
    assert metric_values(at)[:3] == formatted(headline_figures(default_scenario(), published))[:3]
    va = chart_specs(at)[0]
    band = [layer for layer in va["layer"] if layer["mark"]["type"] == "rect"]
    assert band and band[0]["encoding"]["fill"]["field"] == "series"  # its own legend entry
    assert TEXT["series_published"]["zh"].encode() in chart_data(at)[0]


def test_no_band_when_nothing_is_published() -> None:
    at = run_page({"use_observed": "false", "model": "3"})
    assert not [layer for layer in chart_specs(at)[0]["layer"] if layer["mark"]["type"] == "rect"]
    assert metric_values(at) == formatted(headline_figures(make_scenario({"use_observed": False})))


def test_sources_section_lists_levers_and_economy_apart() -> None:
    page = run_page(tab="tab_sources")
    headers = [h.value for h in page.subheader]
    assert TEXT["section_levers"]["zh"] in headers and TEXT["section_economy"]["zh"] in headers
    by_role = {}
    # the parameter tables (the headline's target table may stand above them): by name, never by key
    tables = [table.value for table in page.dataframe if "取值理由" in table.value.columns]
    for table in tables:
        by_role[len(by_role)] = set(table["参数"])
        assert "键名" not in table.columns
    specs = load_parameters()
    assert by_role[0] == {s.label_zh for s in specs.values() if s.role == "lever"}
    assert by_role[1] == {s.label_zh for s in specs.values() if s.role == "economy"}
    assert by_role[2] == {s.label_zh for s in specs.values() if s.role == "choice"}
    first = tables[0]
    for column in ("出处", "日期", "网址", "原文", "取值理由"):
        assert column in first.columns
    assert "英文释义" not in first.columns  # the Chinese page shows no English gloss
    row = first.set_index("参数").loc[specs["fund_size"].label_zh]
    assert row["取值理由"] == specs["fund_size"].reasoning("zh")
    economy = tables[1].set_index("参数")
    # a source published in English is shown in its Chinese translation, marked as one
    assert economy.loc[specs["additionality"].label_zh, "原文"] == (
        f"「{specs['additionality'].source_translation_zh}」{TEXT['translation_note']['zh']}"
    )


def test_meeting_downloads_are_offered(page: AppTest) -> None:
    labels = [d.proto.label for d in page.get("download_button")]
    assert TEXT["deck"]["zh"] in labels
    titles = ("chart_va_title", "chart_revenue_title", "chart_source_title", "chart_change_title", "chart_invest_title")
    for title in titles:
        assert f"{TEXT[title]['zh']} · PNG" in labels and f"{TEXT[title]['zh']} · SVG" in labels


@pytest.mark.parametrize("lang", LANGS)
def test_this_scenario_tab_draws_the_revenue_chart(lang: str) -> None:
    at = run_page({"lang": lang}, lang=lang)
    titles = chart_titles(at)
    assert titles[:2] == [TEXT["chart_va_title"][lang], TEXT["chart_revenue_title"][lang]]
