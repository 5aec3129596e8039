"""Issue 19's page defects that AppTest can see (the browser tests measure the rest)."""

from __future__ import annotations

import re

import pytest
from pagekit import run_page, shown

from model.compat import load_compat
from model.lang import LANGS
from model.parameters import load_parameters
from model.projection import plan_of
from report.text import TEXT

KEYS = re.compile(r"\b(" + "|".join(re.escape(k) for k in load_parameters()) + r")\b")


def test_version_1_notes_name_parameters_by_label_never_by_key() -> None:
    for row in load_compat().values():
        for note in (row.note_en, row.note_zh):
            assert not KEYS.search(note), note
        assert not re.search(r"[\u4e00-\u9fff]", row.note_en), row.note_en  # English in English


@pytest.mark.parametrize("lang", LANGS)
def test_a_version_1_link_notice_shows_labels_not_keys(lang: str) -> None:
    """A link without ``model=`` (version 1) with fund_size changed: its notice explained it with the
    key ``fund_paid_in`` in English."""
    at = run_page({"fund_size": "70", "growth_start": "9.5", "lang": lang})
    [box] = [shown(i.value) for i in at.info if i.value.startswith(TEXT["v1_notices_link"][lang][:8])]
    assert load_parameters()["fund_size"].label(lang) in box
    assert load_parameters()["fund_paid_in"].label(lang) in box  # the share the funds invest, by its label
    assert not KEYS.search(box), box


# --- legends: a line's entry is a stroke with its dash; the fan names its bands --------------------


def _legends(spec: dict) -> list[tuple[str, dict, dict]]:
    """(channel, legend, scale) of every encoded channel of every layer that has a legend."""
    found = []
    for layer in spec.get("layer", [spec]):
        for channel, enc in layer.get("encoding", {}).items():
            if isinstance(enc, dict) and "field" in enc and channel in ("color", "strokeDash", "fill", "opacity"):
                found.append((channel, enc.get("legend", {}), enc.get("scale", {})))
    return found


def _line_charts(lang: str) -> dict[str, dict]:
    from model.analysis import monte_carlo
    from model.history import load_history
    from model.parameters import Target, default_scenario, make_scenario
    from model.projection import project
    from report import charts, deck_charts

    scenario = make_scenario({"fund_size": 80})
    target = Target("自定目标", "level", 2027, 1600.0)  # its ▼ has a legend entry too
    frame, base = project(scenario), project(default_scenario())
    return {
        "value_added": charts.value_added_chart(frame, base, lang, targets=[target]).to_dict(),
        "source": charts.source_chart(frame, lang).to_dict(),
        "compare": charts.compare_chart({"甲": frame}, base, lang).to_dict(),
        "growth": charts.growth_chart(frame, base, load_history().figures, lang).to_dict(),
        "fan": charts.fan_chart(monte_carlo(scenario, draws=200, seed=0), lang, [2024]).to_dict(),
        "deck_total": deck_charts.total_chart(frame, project(plan_of(scenario)), lang, load_history()).to_dict(),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_a_dashed_or_dotted_line_has_a_stroke_in_the_legend_with_its_dash(lang: str) -> None:
    """Issue 19: the legend drew every line as a filled circle (a blob), so dashed, dotted and solid
    lines looked alike. Each line channel's legend is a stroke, as long as two periods of the longest
    dash (8 + 5 px), so the pattern shows."""
    for name, spec in _line_charts(lang).items():
        dashes = [(leg, scale) for channel, leg, scale in _legends(spec) if channel == "strokeDash"]
        assert dashes, name
        for legend, scale in dashes:
            assert legend.get("symbolType") == "stroke", (name, legend)
            assert any(d != [1, 0] for d in scale["range"]), name  # some line is dashed or dotted
            assert legend["symbolSize"] ** 0.5 >= 2 * (8 + 5), name
        layers = spec.get("layer", [])
        shapes = [enc for layer in layers for c, enc in layer.get("encoding", {}).items() if c == "shape"]
        assert all(enc["field"] != "series" for enc in shapes), name  # a target's ▼ keeps the strokes
        colours = [leg for channel, leg, _ in _legends(spec) if channel == "color"]
        assert all(leg.get("symbolType") == "stroke" for leg in colours), name  # merged with the dashes


@pytest.mark.parametrize("lang", LANGS)
def test_the_fan_has_a_legend_for_its_bands_and_lines(lang: str) -> None:
    spec = _line_charts(lang)["fan"]
    fills = [scale.get("domain") for channel, leg, scale in _legends(spec) if channel == "fill"]
    assert [TEXT["fan_band_outer"][lang], TEXT["fan_band_inner"][lang]] in fills
    [lines] = [scale["domain"] for channel, _, scale in _legends(spec) if channel == "strokeDash"]
    assert lines == [TEXT["median"][lang], TEXT["this_scenario"][lang]]
    assert spec["resolve"]["scale"]["fill"] == "independent"  # the published years keep their grey entry
