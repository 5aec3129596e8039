"""Charts as PNG and SVG (report/images.py): the right size, and Chinese text that really renders."""

from __future__ import annotations

import html
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from PIL import Image, ImageChops

from model.history import load_history
from model.lang import LANGS
from model.parameters import default_scenario, load_parameters
from model.projection import plan_of, project
from report.deck_charts import (
    compare_chart,
    investment_chart,
    investment_data,
    policy_chart,
    policy_data,
    total_chart,
    total_data,
)
from report.images import EXPORT_FONT, _package_font_dir, chart_png, chart_svg, ensure_fonts, export_spec
from report.text import t


def value_added_chart(frame: pd.DataFrame, plan: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """The deck's total value-added chart (report/deck_charts.py): the images of these tests."""
    return total_chart(frame, plan, lang, load_history())


ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Two titles of the same length in different characters: drawn with a CJK font they differ; drawn as
# "tofu" (the empty box a font without the character shows) they are the same row of boxes.
TITLE_A, TITLE_B = "规上工业增加值", "德州市产业基金"
MOVED = default_scenario().replace({"fund_size": 70.0})


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return project(default_scenario())


def svg_size(svg: str) -> tuple[int, int]:
    match = re.search(r'<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"', svg)
    assert match, svg[:300]
    return int(match.group(1)), int(match.group(2))


def titled(title: str, color: str = "black") -> alt.Chart:
    data = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    return (
        alt.Chart(data)
        .mark_line()
        .encode(x="x:Q", y="y:Q")
        .properties(title=alt.TitleParams(title, fontSize=24, color=color, anchor="start"), width=300, height=120)
    )


def title_band(png: bytes, scale: int = 2) -> Image.Image:
    """The top strip of the picture, where the title is drawn, in grey levels."""
    img = Image.open(io.BytesIO(png)).convert("L")
    return img.crop((0, 0, img.width, 34 * scale))


def ink(img: Image.Image) -> int:
    """Pixels noticeably darker than the white background."""
    return sum(img.histogram()[:200])


def test_png_is_a_png_at_twice_the_chart_size(frame):
    chart = value_added_chart(frame, frame, "zh")
    width, height = svg_size(chart_svg(chart))
    png = chart_png(chart, scale=2)
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as img:
        assert img.size == (2 * width, 2 * height)


def test_png_scale_one_matches_the_svg(frame):
    chart = value_added_chart(frame, frame, "en")
    with Image.open(io.BytesIO(chart_png(chart, scale=1))) as img:
        assert img.size == svg_size(chart_svg(chart))


@pytest.mark.parametrize("lang", LANGS)
def test_svg_keeps_the_title_as_text(frame, lang):
    svg = chart_svg(value_added_chart(frame, frame, lang))
    assert svg.lstrip().startswith("<svg")
    found = [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    assert t("deck_chart_total", lang) in found, "title not found as a <text> element"
    assert f'font-family="{EXPORT_FONT}"' in svg


def test_export_spec_sets_the_font_and_a_width_and_leaves_the_chart_alone(frame):
    chart = value_added_chart(frame, frame, "zh")
    before = chart.to_dict()
    spec = export_spec(chart, width=640)
    assert spec["config"]["font"] == EXPORT_FONT
    assert spec["width"] == 640
    assert spec["config"]["title"] == before["config"]["title"]  # the chart's own settings stay
    assert chart.to_dict() == before
    assert "font" not in before.get("config", {})
    assert "width" not in export_spec(chart, width=None)


def test_export_spec_keeps_a_chosen_font_and_width():
    chart = titled("x").properties(width=123).configure(font="Georgia")
    spec = export_spec(chart)
    assert spec["config"]["font"] == "Georgia"
    assert spec["width"] == 123


def test_a_cjk_font_is_registered():
    folders = ensure_fonts()
    assert folders, "no Noto CJK font found: pip install -r requirements.txt (noto-cjk-sans-otc)"
    assert all(any(f.glob("NotoSansCJK*")) for f in folders)


def test_chinese_title_is_drawn_with_real_glyphs():
    a, b = chart_png(titled(TITLE_A)), chart_png(titled(TITLE_B))
    blank = chart_png(titled(TITLE_A, color="white"))  # same layout, nothing visible in the title
    band_a, band_b, band_blank = title_band(a), title_band(b), title_band(blank)
    assert ink(band_blank) == 0
    assert ink(band_a) > 500, "the title left (almost) no ink"
    # Tofu boxes would make two different titles of the same length look the same.
    assert ImageChops.difference(band_a, band_b).getbbox() is not None


def test_a_chart_drawn_again_is_not_drawn_twice_and_another_chart_is_drawn(monkeypatch):
    """The pictures of a deck made again come from the cache; a changed chart is drawn anew."""
    import report.images as images

    drawn: list[str] = []
    draw = images.vlc.vegalite_to_png
    monkeypatch.setattr(
        images.vlc, "vegalite_to_png", lambda spec, **kw: drawn.append(spec["title"]["text"]) or draw(spec, **kw)
    )
    images._png.cache_clear()
    first, again = chart_png(titled(TITLE_A)), chart_png(titled(TITLE_A))
    other = chart_png(titled(TITLE_B))
    assert drawn == [TITLE_A, TITLE_B]
    assert again == first and other != first
    assert chart_png(titled(TITLE_A), scale=1) != first  # another size: drawn, not the cached picture
    assert drawn == [TITLE_A, TITLE_B, TITLE_A]
    assert images._png.cache_info().maxsize == images.PNG_CACHE_SIZE


SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
import tests.report.test_images as ti
from report import images
if {register}:
    png = [images.chart_png(ti.titled(s)) for s in (ti.TITLE_A, ti.TITLE_B)]
else:  # vl-convert alone, no font registered
    import vl_convert as vlc
    png = [vlc.vegalite_to_png(images.export_spec(ti.titled(s)), scale=2) for s in (ti.TITLE_A, ti.TITLE_B)]
from PIL import ImageChops
a, b = (ti.title_band(p) for p in png)
print(json.dumps({{"ink": ti.ink(a), "differ": ImageChops.difference(a, b).getbbox() is not None}}))
"""


def render_without_system_fonts(tmp_path: Path, register: bool) -> dict:
    """Render the two titles in a process whose fontconfig lists no font folder, like a bare server."""
    empty = tmp_path / "fonts"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{empty}</dir></fontconfig>\n', encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    code = SCRIPT.format(root=str(ROOT), register=register)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(_package_font_dir() is None, reason="the font package of requirements.txt is not installed")
def test_pip_font_alone_renders_chinese(tmp_path):
    """What `pip install -r requirements.txt` brings is enough: no system CJK font needed."""
    result = render_without_system_fonts(tmp_path, register=True)
    assert result["ink"] > 500
    assert result["differ"]


def test_checker_sees_tofu_without_a_cjk_font(tmp_path):
    """The glyph test above would fail without a CJK font: the two titles come out alike (blank or boxes)."""
    result = render_without_system_fonts(tmp_path, register=False)
    assert not result["differ"]


# --- the deck's charts (report/deck_charts.py), model version 2 ---------------------------------------------


def layers(chart: alt.TopLevelMixin) -> list[dict]:
    spec = chart.to_dict()
    return spec.get("layer", [spec])


def mark_of(layer: dict) -> str:
    mark = layer["mark"]
    return mark if isinstance(mark, str) else mark["type"]


def test_plan_is_the_scenario_with_every_lever_at_its_default():
    specs = load_parameters()
    scenario = default_scenario().replace({"fund_size": 80.0, "growth_end": 5.0, "ti_growth": 20.0})
    plan = plan_of(scenario)
    for key, spec in specs.items():
        expected = spec.default if spec.role == "lever" else getattr(scenario, key)
        assert getattr(plan, key) == expected, key
    assert plan.projects == ()


@pytest.mark.parametrize("lang", LANGS)
def test_total_chart_is_the_scenario_against_the_plan(lang):
    scenario = default_scenario().replace({"fund_size": 80.0, "use_observed": False})
    frame, plan = project(scenario), project(plan_of(scenario))
    data = total_data(frame, plan, lang)
    assert list(dict.fromkeys(data["series"])) == [
        t("this_scenario", lang),
        t("deck_series_plan", lang),
        t("series_province", lang),
    ]
    mine = data[data["series"] == t("this_scenario", lang)]["value"].to_numpy()
    theirs = data[data["series"] == t("deck_series_plan", lang)]["value"].to_numpy()
    # The gap between the lines is what the levers change (docs/model.md, equations 9–10).
    assert mine - theirs == pytest.approx(frame["policy_va"].to_numpy(), abs=1e-9)
    marks = [mark_of(layer) for layer in layers(total_chart(frame, plan, lang, load_history()))]
    assert marks == ["line", "point"]  # nothing published in this frame: no band; the years' status marks


def test_total_chart_marks_the_published_years():
    frame = project(default_scenario()).assign(status="projected")
    frame.loc[frame["year"].isin([2024, 2025]), "status"] = "published"
    chart = total_chart(frame, frame, "zh", load_history())
    band, label, *rest = layers(chart)  # the band and its label, then the lines and the status marks
    assert mark_of(band) == "rect" and mark_of(label) == "text"
    assert [mark_of(layer) for layer in rest] == ["line", "point"]
    spec = chart.to_dict()
    rows = spec["datasets"][band["data"]["name"]]
    assert [(r["x0"], r["x1"]) for r in rows] == [(2023.5, 2024.5), (2024.5, 2025.5)]
    assert spec["datasets"][label["data"]["name"]][0]["label"] == t("deck_published", "zh")


def test_policy_chart_is_policy_va_on_its_own_axis_from_zero():
    # less than the plan: a loss (every year projected, so that the funds' money is all the scenario's)
    scenario = default_scenario().replace({"fund_size": 10.0, "use_observed": False})
    frame = project(scenario)
    data = policy_data(frame, "en")
    # a bar a channel a year: the 技改 channel (nothing moved: 0), then new capacity (all of the loss)
    ti = data[data["channel"] == t("deck_channel_ti_policy_va", "en")]
    capacity = data[data["channel"] == t("deck_channel_capacity_policy_va", "en")]
    assert ti["value"].tolist() == frame["ti_policy_va"].tolist() == [0.0] * len(frame)
    assert capacity["value"].tolist() == frame["capacity_policy_va"].tolist() == frame["policy_va"].tolist()
    assert set(data.loc[data["value"] < 0, "sign"]) == {t("deck_loss", "en")}
    assert set(data.loc[data["value"] == 0, "sign"]) <= {t("deck_none", "en")}
    spec = policy_chart(frame, "en").to_dict()
    bars = next(layer for layer in spec["layer"] if mark_of(layer) == "rect")
    assert bars["encoding"]["y"]["field"] == "value" and bars["encoding"]["y"]["scale"]["zero"] is True
    assert bars["encoding"]["y2"]["field"] == "zero"
    assert spec["title"] == t("chart_change_title", "en")


def test_investment_chart_stacks_funds_mobilised_and_projects():
    frame = project(default_scenario())
    data = investment_data(frame, "zh")
    for key in ("fund_capital", "mobilized_investment", "project_investment"):
        series = data[data["series"] == t("deck_series_" + key, "zh")]["value"].to_numpy()
        assert series == pytest.approx(frame[key].to_numpy())
    assert investment_chart(frame, "zh").to_dict()["title"] == t("deck_chart_investment", "zh")


@pytest.mark.parametrize(
    "build",
    [
        lambda: total_chart(project(MOVED), project(plan_of(MOVED)), "zh", load_history()),
        lambda: policy_chart(project(default_scenario().replace({"fund_size": 70.0})), "zh"),
        lambda: investment_chart(project(default_scenario()), "en"),
        lambda: compare_chart({"甲": project(default_scenario())}, project(default_scenario()), "zh"),
    ],
    ids=["total", "policy", "investment", "compare"],
)
def test_deck_charts_export_as_png_and_svg(build):
    chart = build()
    assert chart_png(chart, scale=1).startswith(PNG_SIGNATURE)
    assert chart_svg(chart).lstrip().startswith("<svg")


def test_page_offers_the_decks_three_charts_as_images():
    from ui.downloads import deck_images

    found = deck_images(default_scenario().replace({"fund_size": 70.0}), "en", None, load_history())
    assert [key for key, _, _ in found] == ["value-added-vs-plan", "levers-change", "investment"]
    for _, title, build in found:
        assert build().to_dict()["title"] == title


def test_total_chart_marks_level_targets_within_its_years():
    frame = project(default_scenario())
    chart = total_chart(
        frame, frame, "zh", load_history(), targets=[("2030年2000亿元", 2030, 2000.0), ("远期", 2040, 3000.0)]
    )
    spec = chart.to_dict()
    rows = [spec["datasets"][layer["data"]["name"]] for layer in spec["layer"] if mark_of(layer) == "point"]
    targets = [r for r in rows if r and "target" in r[0]]  # the other point layer marks the years' status
    assert targets == [[{"year": 2030, "value": 2000.0, "target": "2030年2000亿元"}]]
