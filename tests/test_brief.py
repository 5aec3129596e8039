"""The meeting deck (ui/brief.py) and its command ``python -m model brief`` (model/brief_cli.py)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from model.exchange import compare_table
from model.parameters import ScenarioError, default_scenario, load_parameters
from model.projection import headline, project
from model.scenario_file import NamedScenario, load_presets
from ui.brief import EAST_ASIAN_FONT, MAX_SCENARIOS, build_deck
from ui.text import LANGS
from ui.text import t as bt

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def deck_of(items: list[NamedScenario], lang: str) -> Presentation:
    return Presentation(io.BytesIO(build_deck(items, lang, today=TODAY)))


@pytest.fixture(scope="module")
def funds() -> NamedScenario:
    return next(p for p in load_presets() if p.name_en == "Accelerated funds")


@pytest.fixture(scope="module", params=LANGS)
def single(request, funds):
    return request.param, deck_of([funds], request.param)


@pytest.fixture(scope="module", params=LANGS)
def compared(request):
    items = list(load_presets()[:3])
    return request.param, items, deck_of(items, request.param)


def titles(prs: Presentation) -> list[str]:
    return [slide.shapes.title.text for slide in prs.slides]


def slides_titled(prs: Presentation, prefix: str) -> list:
    return [slide for slide in prs.slides if slide.shapes.title.text.startswith(prefix)]


def texts(slide) -> list[str]:
    """Every piece of text on a slide: text boxes, placeholders, shapes and table cells."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def table_rows(slide) -> list[list[str]]:
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    return [[cell.text for cell in row.cells] for row in table.rows]


def runs(prs: Presentation):
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for para in frame.paragraphs:
                    yield from (run for run in para.runs if run.text.strip())


def name_of(item: NamedScenario, lang: str) -> str:
    return item.name_en if lang == "en" and item.name_en else item.name


# --- the deck ----------------------------------------------------------------------------------


def test_slides_are_16_by_9(single):
    _, prs = single
    assert prs.slide_width * 9 == pytest.approx(prs.slide_height * 16, rel=1e-3)


def test_single_deck_slides_in_order(single, funds):
    lang, prs = single
    name = name_of(funds, lang)
    got = titles(prs)
    assert got[:3] == [
        bt("deck_title", lang),
        bt("slide_headline", lang, name=name),
        bt("slide_chart", lang, name=name),
    ]
    rest = got[3:]
    assumptions = [x for x in rest if x.startswith(bt("slide_assumptions", lang, name=name))]
    sources = [x for x in rest if x.startswith(bt("slide_sources", lang))]
    assert rest == assumptions + sources
    assert 1 <= len(assumptions) <= 3
    assert 1 <= len(sources) <= 4
    assert len(prs.slides) == 3 + len(assumptions) + len(sources)
    if len(assumptions) > 1:  # numbered (1/n) … (n/n)
        assert assumptions[-1].endswith(bt("slide_page", lang, page=len(assumptions), pages=len(assumptions)))


def test_titles_in_the_chosen_language(single):
    lang, prs = single
    for title in titles(prs):
        assert bool(CJK.search(title)) is (lang == "zh"), title


def test_title_slide_has_date_and_article(single, funds):
    lang, prs = single
    text = "\n".join(texts(prs.slides[0]))
    assert bt("deck_scenario", lang, name=name_of(funds, lang)) in text
    assert ("2026年11月26日" if lang == "zh" else "26 November 2026") in text
    assert bt("deck_article", lang) in text


def test_headline_figures_with_changes_from_defaults(single, funds):
    lang, prs = single
    [slide] = slides_titled(prs, bt("slide_headline", lang, name=name_of(funds, lang)))
    text = "\n".join(texts(slide))
    now = headline(project(funds.scenario))
    base = headline(project(default_scenario()))
    year = now["final_year"]
    for label in ("metric_va", "metric_growth", "metric_fund", "metric_extra"):
        assert bt(label, lang, year=year) in text
    assert f"{now['va_total']:,.1f}" in text
    assert f"{now['avg_growth_pct']:.2f}" in text
    assert f"{now['cum_fund_investment']:,.1f}" in text
    assert f"{now['extra_va']:,.1f}" in text
    assert bt("delta", lang, delta=f"{now['va_total'] - base['va_total']:+,.1f}") in text
    assert bt("delta_points", lang, delta=f"{now['avg_growth_pct'] - base['avg_growth_pct']:+.2f}") in text


def test_defaults_show_no_change():
    prs = deck_of([NamedScenario("", default_scenario())], "en")
    [slide] = slides_titled(prs, bt("slide_headline", "en", name=bt("series_scenario", "en")))
    assert "\n".join(texts(slide)).count(bt("delta_same", "en")) == 4


def chart_slides(prs: Presentation, lang: str) -> list:
    tail = bt("slide_chart", lang, name="")
    return [
        s
        for s in prs.slides
        if s.shapes.title.text.endswith(tail) or s.shapes.title.text == bt("slide_compare_chart", lang)
    ]


def assert_one_big_png(prs: Presentation, slide) -> None:
    pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0].image.content_type == "image/png"
    assert pictures[0].image.blob.startswith(b"\x89PNG")
    assert pictures[0].width > prs.slide_width * 0.6  # big enough to read


def test_chart_slide_holds_a_png_picture(single):
    lang, prs = single
    [slide] = chart_slides(prs, lang)
    assert_one_big_png(prs, slide)


def test_compare_deck_charts_are_pictures(compared):
    lang, items, prs = compared
    slides = chart_slides(prs, lang)
    assert len(slides) == len(items) + 1  # one a scenario, and the comparison
    for slide in slides:
        assert_one_big_png(prs, slide)


def test_assumption_slides_list_every_parameter(single, funds):
    lang, prs = single
    slides = slides_titled(prs, bt("slide_assumptions", lang, name=name_of(funds, lang)))
    header, *_ = table_rows(slides[0])
    assert header == [bt(k, lang) for k in ("col_parameter", "col_value", "col_default", "col_unit", "col_provenance")]
    rows = [row for slide in slides for row in table_rows(slide)[1:]]
    specs = list(load_parameters().values())
    assert [row[0] for row in rows] == [s.label(lang) for s in specs]
    values = funds.scenario.to_dict()
    for row, spec in zip(rows, specs, strict=True):
        value = values[spec.key]
        shown = bt("yes" if value else "no", lang) if spec.kind == "bool" else f"{value:g}"
        assert row[1] == shown, spec.key
        assert row[3] == spec.unit(lang)
        assert row[4] == bt("prov_" + spec.provenance, lang)


def test_changed_values_are_bold(funds):
    prs = deck_of([funds], "en")
    slides = slides_titled(prs, bt("slide_assumptions", "en", name=funds.name_en))
    changed = funds.scenario.changed_from(default_scenario())
    labels = {load_parameters()[k].label("en") for k in changed}
    for slide in slides:
        table = next(shape.table for shape in slide.shapes if shape.has_table)
        for row in list(table.rows)[1:]:
            run = row.cells[1].text_frame.paragraphs[0].runs[0]
            assert bool(run.font.bold) is (row.cells[0].text in labels), row.cells[0].text


def test_sources_quote_the_article_and_name_publications(single):
    lang, prs = single
    text = "\n".join(t for slide in slides_titled(prs, bt("slide_sources", lang)) for t in texts(slide))
    assert bt("sources_article", lang) in text
    for spec in load_parameters().values():
        if spec.provenance == "article":
            assert spec.source_zh in text, spec.key
            if lang == "en":
                assert spec.source_en in text, spec.key
        if spec.provenance == "external":
            assert spec.publication in text, spec.key


def test_type_is_large_enough_and_chinese_has_a_font(single):
    _, prs = single
    sizes = []
    for run in runs(prs):
        assert run.font.size is not None, run.text
        sizes.append(run.font.size.pt)
        rpr = run._r.find(qn("a:rPr"))
        assert rpr.find(qn("a:ea")).get("typeface") == EAST_ASIAN_FONT
    assert min(sizes) >= 18


def test_compare_deck(compared):
    lang, items, prs = compared
    names = [name_of(item, lang) for item in items]
    got = titles(prs)
    for name in names:
        assert got.count(bt("slide_headline", lang, name=name)) == 1
        assert got.count(bt("slide_chart", lang, name=name)) == 1
        assert any(x.startswith(bt("slide_assumptions", lang, name=name)) for x in got)
    assert got.count(bt("slide_compare_chart", lang)) == 1
    assert got.count(bt("slide_compare_table", lang)) == 1
    # Results first, then the comparison, then the assumptions and sources.
    assert got.index(bt("slide_compare_chart", lang)) > got.index(bt("slide_chart", lang, name=names[-1]))
    [slide] = slides_titled(prs, bt("slide_compare_table", lang))
    rows = table_rows(slide)
    assert rows[0] == [bt("cmp_scenario", lang), *names]
    table = compare_table(items)
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label[bt("cmp_va_total", lang)] == [f"{v:,.1f}" for v in table["va_total"]]
    assert by_label[bt("cmp_final_year", lang)] == [str(v) for v in table["final_year"]]


def test_same_names_are_told_apart():
    item = NamedScenario("同名", default_scenario())
    prs = deck_of([item, item], "zh")
    [slide] = slides_titled(prs, bt("slide_compare_table", "zh"))
    assert table_rows(slide)[0][1:] == ["同名", "同名 (2)"]


@pytest.mark.parametrize("n", [0, MAX_SCENARIOS + 1])
def test_too_few_or_too_many_scenarios(n):
    with pytest.raises(ScenarioError):
        build_deck([NamedScenario(str(i), default_scenario()) for i in range(n)])


# --- the command line ----------------------------------------------------------------------------


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "model", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_cli_writes_a_deck(tmp_path):
    out = tmp_path / "brief.pptx"
    done = cli("brief", "--scenario", "data/presets/02-accelerated-funds.json", "--lang", "en", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""
    prs = Presentation(str(out))
    assert titles(prs)[:2] == [bt("deck_title", "en"), bt("slide_headline", "en", name="Accelerated funds")]
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pptx"]  # no temporary file left


def test_cli_many_scenario_file_compares(tmp_path):
    doc = {
        "version": 1,
        "scenarios": [
            {"name": "低", "parameters": {"growth_end": 5}},
            {"name": "高", "parameters": {"growth_end": 10, "fund_size": 60}},
        ],
    }
    path = tmp_path / "two.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "compare.pptx"
    done = cli("brief", "--scenario", str(path), "--set", "horizon_end=2032", "--out", str(out))
    assert done.returncode == 0, done.stderr
    got = titles(Presentation(str(out)))
    assert bt("slide_compare_table", "zh") in got
    assert bt("slide_headline", "zh", name="低") in got and bt("slide_headline", "zh", name="高") in got


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--set", "growth_end=99"], "growth_end"),
        (["--set", "no_such_key=1"], "no_such_key"),
        (["--set", "growth_end"], "KEY=VALUE"),
        (["--scenario", "missing.json"], "no such file"),
        (["--lang", "fr"], "--lang"),
        (["--out", "brief.txt"], ".pptx"),
        (["--out", "no-such-folder/brief.pptx"], "does not exist"),
        (["--out", "."], ".pptx"),
        ([], "--out"),
    ],
)
def test_cli_bad_input_one_line_exit_2_no_file(tmp_path, args, says):
    if "--out" not in args:
        args = [*args, "--out", "brief.pptx"] if args else []
    done = cli("brief", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0], done.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_keeps_english_names_and_drops_descriptions_that_set_made_stale():
    from argparse import Namespace

    from model.brief_cli import _scenarios_with_names

    path = str(ROOT / "data/presets/02-accelerated-funds.json")
    [kept] = _scenarios_with_names(Namespace(scenario=path, set=[]))
    assert kept.name_en == "Accelerated funds" and kept.description_en
    [changed] = _scenarios_with_names(Namespace(scenario=path, set=["growth_end=5"]))
    assert changed.name_en == "Accelerated funds"
    assert changed.description_zh == changed.description_en == ""
    assert changed.scenario.growth_end == 5
