"""The page, run headless with Streamlit's AppTest: it renders, answers a slider, keeps its promises."""

from __future__ import annotations

import pytest
from pagekit import chart_data, chart_specs, chart_titles, run_page
from streamlit.testing.v1 import AppTest

from model.export import csv_to_frame, frame_to_csv
from model.parameters import default_scenario, load_parameters, make_scenario
from model.projection import headline, project
from ui.text import TEXT


def metric_values(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


@pytest.fixture(scope="module")
def page() -> AppTest:
    return run_page()


def test_page_shows_the_article_defaults(page: AppTest) -> None:
    expected = headline(project(default_scenario()))
    assert metric_values(page)[0] == f"{expected['va_total']:,.1f}"
    assert metric_values(page)[1] == f"{expected['avg_growth_pct']:.2f}"
    assert metric_values(page)[2] == f"{expected['cum_fund_investment']:,.1f}"
    assert chart_titles(page) == [
        TEXT[k]["zh"] for k in ("chart_va_title", "chart_invest_title", "chart_source_title")
    ]  # only the open tab is drawn


def test_every_parameter_has_a_control_with_unit_and_provenance(page: AppTest) -> None:
    for key, spec in load_parameters().items():
        widget = page.slider(key=key) if spec.kind != "bool" else page.toggle(key=key)
        assert widget.value == spec.default
        if spec.unit_zh:
            assert spec.unit_zh in widget.label
        assert widget.help and TEXT["prov_" + spec.provenance]["zh"] in widget.help


def test_slider_move_changes_metrics_and_charts() -> None:
    at = run_page()
    before_metrics, before_specs, before_data = metric_values(at), chart_specs(at), chart_data(at)
    at.slider(key="growth_start").set_value(10.5).run()
    assert not at.exception
    after = metric_values(at)
    expected = headline(project(make_scenario({"growth_start": 10.5})))
    assert after[0] == f"{expected['va_total']:,.1f}" != before_metrics[0]
    assert at.metric[0].delta.startswith("+")
    assert chart_specs(at) == before_specs  # the same charts: the browser swaps their data in place
    after_data = chart_data(at)
    # value added and its sources follow the trend; fund investment does not depend on it
    assert [a != b for a, b in zip(after_data, before_data, strict=True)] == [True, False, True]


def test_reset_restores_defaults() -> None:
    at = run_page()
    at.slider(key="fund_size").set_value(200.0).run()
    at.toggle(key="phase2_on").set_value(False).run()
    assert at.slider(key="fund_size").value == 200.0
    at.button(key="reset").click().run()
    assert at.slider(key="fund_size").value == 35.0
    assert at.toggle(key="phase2_on").value is True
    assert metric_values(at) == metric_values(run_page())


def test_preset_loads_in_one_click() -> None:
    at = run_page()
    at.button(key="preset_1").click().run()  # accelerated funds
    assert at.slider(key="fund_size").value == 100.0
    assert at.slider(key="fund_leverage").value == 5.0


def test_link_values_open_the_scenario() -> None:
    at = run_page({"growth_start": "10.5", "horizon_end": "2035", "phase2_on": "false"})
    assert at.slider(key="growth_start").value == 10.5
    assert at.slider(key="horizon_end").value == 2035
    linked = make_scenario({"growth_start": 10.5, "horizon_end": 2035, "phase2_on": False})
    expected = headline(project(linked))
    assert metric_values(at)[0] == f"{expected['va_total']:,.1f}"
    assert not at.warning


@pytest.mark.parametrize(
    ("query", "named_en", "named_zh"),
    [
        ({"growth_start": "abc"}, "growth_start: 'abc' is not a number", "growth_start: 'abc' 不是数字"),
        ({"fund_size": "5000"}, "fund_size: '5000' is out of range", "fund_size: '5000' 超出范围"),
        ({"horizon_end": "2031.5"}, "horizon_end: '2031.5' is not a whole number", "horizon_end: '2031.5' 不是整数"),
        ({"growth_start": ["10", "11"]}, "growth_start: given 2 times", "growth_start: 出现了 2 次"),
        ({"phase1_on": "maybe"}, "phase1_on: 'maybe' is not true or false", "phase1_on: 'maybe' 不是 true 或 false"),
        ({"bogus": "1"}, "bogus=1: unknown parameter", "bogus=1: 未知参数"),
    ],
)
def test_bad_link_values_are_ignored_with_a_notice(query: dict[str, str], named_en: str, named_zh: str) -> None:
    for lang, named, allowed in (("en", named_en, "allowed"), ("zh", named_zh, "允许")):
        at = run_page({**query, "lang": lang})
        notice = " ".join(w.value for w in at.warning)
        assert TEXT["url_ignored"][lang] in notice
        assert named in notice
        assert allowed in notice or "bogus" in named
        assert metric_values(at) == metric_values(run_page({"lang": lang}))


def test_link_value_between_steps_is_rounded_with_a_notice() -> None:
    at = run_page({"growth_start": "10.55", "lang": "en"})
    assert at.slider(key="growth_start").value == 10.6
    assert any("growth_start=10.55: rounded to 10.6" in i.value for i in at.info)
    expected = headline(project(make_scenario({"growth_start": 10.6})))
    assert metric_values(at)[0] == f"{expected['va_total']:,.1f}"


def test_english_page() -> None:
    at = run_page({"lang": "en"})
    assert at.title[0].value == TEXT["page_title"]["en"]
    assert at.slider(key="growth_start").label.startswith("Trend growth")


def test_download_is_the_model_csv(page: AppTest) -> None:
    button = page.get("download_button")[0]
    assert button.proto.label == TEXT["download_csv"]["zh"]
    data = frame_to_csv(project(default_scenario()))
    assert data.startswith(b"\xef\xbb\xbf")
    assert csv_to_frame(data).shape == project(default_scenario()).shape


def test_result_table_is_the_projection() -> None:
    page = run_page(tab="tab_table")
    shown = page.dataframe[0].value
    assert shown.equals(project(default_scenario()))


def test_sources_section_lists_every_parameter() -> None:
    page = run_page(tab="tab_sources")
    tables = [df.value for df in page.dataframe]
    keys_shown = set()
    for table in tables:
        for column in ("键名", "Key"):
            if column in table.columns:
                keys_shown |= set(table[column])
    assert set(load_parameters()) <= keys_shown


def test_meeting_downloads_are_offered(page: AppTest) -> None:
    labels = [d.proto.label for d in page.get("download_button")]
    assert TEXT["deck"]["zh"] in labels
    for title in ("chart_va_title", "chart_invest_title", "chart_source_title"):
        assert f"{TEXT[title]['zh']} · PNG" in labels and f"{TEXT[title]['zh']} · SVG" in labels
