"""Charts as PNG and SVG (ui/images.py): the right size, and Chinese text that really renders."""

from __future__ import annotations

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

from model.parameters import default_scenario
from model.projection import project
from ui.charts import value_added_chart
from ui.images import EXPORT_FONT, _package_font_dir, chart_png, chart_svg, ensure_fonts, export_spec
from ui.text import t

ROOT = Path(__file__).resolve().parents[1]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Two titles of the same length in different characters: drawn with a CJK font they differ; drawn as
# "tofu" (the empty box a font without the character shows) they are the same row of boxes.
TITLE_A, TITLE_B = "规上工业增加值", "德州市产业基金"


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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_svg_keeps_the_title_as_text(frame, lang):
    svg = chart_svg(value_added_chart(frame, frame, lang))
    assert svg.lstrip().startswith("<svg")
    title = t("chart_va_title", lang).replace("'", "&#39;")
    assert re.search(r"<text[^>]*>" + re.escape(title) + "</text>", svg), "title not found as a <text> element"
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


SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
import tests.test_images as ti
from ui import images
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
