"""Every deck and workbook the page and the command line make, opened in a real office client
(LibreOffice Impress and Calc, headless, rendered to PDF) and read back with PyMuPDF (issue 19,
item 1): nothing clipped, no text outside its shape's box or the slide, no missing glyph, printed
workbook text at 8 pt or more, no text over another. Slow (one LibreOffice call renders every file,
about half a minute); not a browser test."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation
from pptx.util import Inches, Pt

from cli.main import main
from model.analysis import monte_carlo
from model.lang import LANGS
from model.parameters import PipelineProject, Target, default_scenario, make_scenario
from model.results import Fan, compute_results
from model.scenario_file import NamedScenario
from report.brief import build_deck
from report.scenario_exports import scenarios_json, workbook_xlsx
from tests.office import Chars, boxes_of, deck_problems, once_a_run, render, soffice, workbook_problems

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is installed by scripts/test.sh")

TODAY = date(2026, 12, 6)
LONG = NamedScenario(
    "加快产业基金实缴并新增两个重点项目的高质量发展情景（长名称测试）",
    make_scenario({"fund_size": 80, "fund_paid_in": 0.7, "growth_end": 7.35})
    .with_projects(
        (
            PipelineProject(
                name="德州新一代半导体材料与高端装备产业园一期工程项目",
                investment=45.0,
                full_output=60.0,
                first_year=2026,
            ),
            PipelineProject(name="新能源汽车零部件", investment=20.0, full_output=25.0, first_year=2027),
        )
    )
    .with_targets(
        (
            Target(label="2030年规上工业增加值达到2500亿元的自定目标", metric="level", year=2030, value=2500.0),
            Target(label="2025—2030年年均增长7%", metric="growth_avg", year=2030, value=7.0, from_year=2025),
            Target(label="2028年增长9%", metric="growth_year", year=2028, value=9.0),
        )
    ),
    name_en="Funds paid in faster, with two added key projects, for high-quality development (a long name)",
)
BASE = NamedScenario("基准情景", default_scenario(), name_en="Baseline scenario")
FOUR = [
    BASE,
    LONG,
    NamedScenario("放缓", make_scenario({"growth_end": 5.0}), name_en="Slowdown"),
    NamedScenario("基金加速", make_scenario({"fund_size": 100, "fund_leverage": 5}), name_en="Accelerated funds"),
]


def _bad_deck() -> bytes:
    """A deck that must fail the checks: a text box too small for its text, one off the slide, and a
    character no installed font has (a private-use code point)."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(0.4))
    box.text_frame.word_wrap = True
    box.text_frame.text = "A sentence far too long for the small box it was given, so it runs out below."
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    off = slide.shapes.add_textbox(Inches(9.5), Inches(3), Inches(3), Inches(0.5))
    off.text_frame.text = "Runs off the slide's right edge"
    tofu = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(0.6))
    tofu.text_frame.text = "Missing \ue000 glyph"
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _bad_book() -> bytes:
    """A workbook that must fail: a wide sheet squeezed onto one page, a long text not wrapped."""
    book = openpyxl.Workbook()
    ws = book.active
    for c in range(1, 41):
        ws.cell(row=1, column=c, value=f"column {c}")
    ws["A2"] = "A long text that is not wrapped and runs over the cells to its right " * 3
    ws["B2"] = "next"  # the long text is cut at its column's edge
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _make_files(folder: Path) -> list[Path]:
    """Every file the checks read, written to ``folder``."""
    files: list[Path] = []

    def put(name: str, data: bytes) -> None:
        files.append(folder / name)
        files[-1].write_bytes(data)

    scenario_file = folder / "four.json"
    scenario_file.write_bytes(scenarios_json(FOUR))
    long_file = folder / "long.json"
    long_file.write_bytes(scenarios_json([LONG]))
    fan = Fan(monte_carlo(LONG.scenario, draws=400, seed=7), 400, 7)
    for lang in LANGS:
        # the command line: the defaults' deck, a comparison deck from a file, a workbook of one scenario
        for name, args in (
            (f"cli-base-{lang}.pptx", ["brief", "--lang", lang]),
            (f"cli-four-{lang}.pptx", ["brief", "--scenario", str(scenario_file), "--lang", lang]),
            (f"cli-long-{lang}.xlsx", ["workbook", "--scenario", str(long_file), "--lang", lang]),
        ):
            files.append(folder / name)
            assert main([*args, "--out", str(files[-1])]) == 0
        # the page: one scenario with a fan, the comparison's deck and workbook
        put(f"page-long-{lang}.pptx", build_deck(compute_results([LONG], fans=[fan]), lang, today=TODAY))
        put(f"page-four-{lang}.xlsx", workbook_xlsx(compute_results(FOUR), lang))
    put("bad-deck.pptx", _bad_deck())
    put("bad-book.xlsx", _bad_book())
    return files


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Every file made once, and rendered to PDF in one LibreOffice call: {name: (file, pdf)}. Made
    once a run: a second worker of the run that gets some of these tests reads the first one's."""
    return once_a_run(tmp_path_factory, "office", lambda folder: render(_make_files(folder), folder / "pdf"))


DECKS = [f"{kind}-{lang}.pptx" for kind in ("cli-base", "cli-four", "page-long") for lang in LANGS]
BOOKS = [f"{kind}-{lang}.xlsx" for kind in ("cli-long", "page-four") for lang in LANGS]


@pytest.mark.parametrize("name", DECKS)
def test_every_text_of_the_deck_is_whole_inside_its_box(rendered, name):
    path, pdf = rendered[name]
    assert deck_problems(path, pdf) == []


@pytest.mark.parametrize("name", BOOKS)
def test_every_printed_page_of_the_workbook_reads(rendered, name):
    path, pdf = rendered[name]
    assert workbook_problems(path, pdf) == []


def test_the_checks_catch_overflow_glyphs_and_squeezed_pages(rendered):
    problems = "\n".join(deck_problems(*rendered["bad-deck.pptx"]))
    assert "not whole in its box" in problems
    assert "leaves the slide" in problems
    assert "no glyph for '\\ue000'" in problems
    problems = "\n".join(workbook_problems(*rendered["bad-book.xlsx"]))
    assert " pt" in problems  # squeezed below 8 pt
    assert "not printed whole" in problems or "overlaps" in problems


def test_workbook_from_the_command_line_names_the_scenario_in_its_language(rendered):
    for lang, name in (("zh", LONG.name), ("en", LONG.name_en)):
        book = openpyxl.load_workbook(rendered[f"cli-long-{lang}.xlsx"][0])
        results = book.worksheets[0]
        assert {row[0].value for row in results.iter_rows(min_row=3)} == {name}
    assert json.loads(scenarios_json(FOUR))["scenarios"][0]["name"] == "基准情景"  # as the user gave it
    book = openpyxl.load_workbook(rendered["page-four-en.xlsx"][0])
    names = [row[0].value for row in book.worksheets[0].iter_rows(min_row=3)]
    assert names[0] == "Baseline scenario" and "Slowdown" in names and "放缓" not in names


def test_the_checks_read_each_box_as_mupdf_does(rendered):
    """The checks read a box's text from the page's characters read once (tests/office.py, Chars):
    the same text as MuPDF's own page.get_textbox, for every box of a deck and of the bad deck (a box
    off the slide included)."""
    import pymupdf

    compared = 0
    for name in ("cli-base-zh.pptx", "bad-deck.pptx"):
        path, pdf = rendered[name]
        for slide, page in zip(Presentation(str(path)).slides, pymupdf.open(pdf), strict=True):
            chars = Chars(page, 0)
            for _, box, _ in boxes_of(slide):
                assert chars.textbox(box) == page.get_textbox(box)
                compared += 1
    assert compared > 50
