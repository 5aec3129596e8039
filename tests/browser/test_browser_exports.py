"""The files a user downloads from the page, opened as a reader would, in both languages (issue 11,
items 9 and 10).

What is asserted, exactly, for each language:
- the "This scenario" tab (a preset's settings in the link): the CSV's bytes equal
  ``report.csv_export.frame_to_csv`` of the scenario and its numbers equal ``python -m model project``;
  the data dictionary's bytes equal ``dictionary_csv``; the deck has at least three chart pictures,
  its cover names the preset (not "本情景"/"当前情景"), its slides and pictures are those
  ``report.brief.build_deck`` makes for that name (and another name gives other pictures: the
  legends carry the name), its sources slides carry every parameter's reasoning in the deck's
  language, the 2023 base figure's included;
- the "Save & compare" tab (two saved scenarios compared): the long CSV's bytes equal ``long_csv``,
  the workbook's every cell equals ``workbook_xlsx``'s, the deck holds both scenarios' charts;
- every CSV starts with UTF-8's byte-order mark (so Excel on Windows reads it as UTF-8), has CRLF
  line ends and a header in the language;
- the workbook: sheet names and the label row in the language (a scenario's column headed by its
  name), provenance written as words, every number cell with a number format of at most three
  decimals (the ones a reader looks at most with one or two), every column at least as wide as
  its header, every sheet landscape and one page wide;
- Chinese files: no Latin word outside ``ZH_ALLOWED`` (proper names) except in the columns that say
  they hold codes, keys, addresses or English (键名, 代码, 编号, 网址, 英文, 英译), in sentences
  quoted as published (原文, 「…」), and keys named in a formula of the dictionary; English files:
  no Chinese character except in the columns labelled "(Chinese)", sentences quoted as published,
  the article's title and a Chinese term glossed in brackets after its English.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import subprocess
import sys
from collections.abc import Callable, Iterable

import openpyxl
import pytest
from pandas.testing import assert_frame_equal
from playwright.sync_api import Page, expect
from pptx import Presentation

from model.history import load_history
from model.parameters import Scenario, default_scenario, load_parameters, make_scenario
from model.projection import RESULT_COLUMNS, project
from model.results import compute_results
from model.scenario_file import NamedScenario, load_presets
from model.sources import ARTICLE
from report.brief import build_deck
from report.csv_export import dictionary_csv, frame_to_csv
from report.scenario_exports import SHEETS, long_csv, long_frame, text_width, workbook_xlsx
from report.sheets import PROVENANCE_NAMES, SHEET_NAMES
from report.text import t
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import BUILD_TIMEOUT_S, ROOT, wait_settled
from tests.browser.test_browser_page import slider
from tests.browser.test_browser_state import LANGS, open_tab, pick
from tests.readers import csv_to_frame, read_long_csv, slide_pictures, slide_text, slide_texts
from tests.report.test_deck_meeting import _sources_notes
from tests.wording import ADDRESS, ALLOWED, WORD

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]

# Latin words a Chinese file may hold anywhere: proper names of sources (each as the page allows it).
ZH_ALLOWED = {
    w: ALLOWED[w] for w in ("WIOD", "CSET", "semiunion", "chaxiaohao.com", "one.qiip.cc", "Reportify", "CGO", "DCMM")
} | {
    # A switch in the parameters and sources sheets is an Excel logical value: Excel (Chinese
    # included) shows it as TRUE or FALSE, and a formula can use it.
    "TRUE": "Excel's logical value",
    "FALSE": "Excel's logical value",
}
# Columns of a Chinese sheet that say in their label that they hold codes, keys, identifiers,
# addresses or English, and the sentences quoted as published (原文).
ZH_OTHER_SCRIPT = re.compile(r"键名|代码|编号|网址|英文|英译|原文")
# Where a Chinese formula names the keys defined in the sheet's 键名 column: the dictionary's
# descriptions and the sources sheet's "used by".
ZH_KEYED = re.compile(r"说明（中文）|用于参数")
KEYS = sorted({*load_parameters(), *RESULT_COLUMNS}, key=len, reverse=True)
KEY = re.compile(r"g\(t\)|(?<![A-Za-z_])(?:" + "|".join(KEYS) + r")(?![A-Za-z_])")
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
QUOTED_ZH = re.compile(r"「[^」]*」")  # a Chinese sentence quoted as published
GLOSS = re.compile(r"\([0-9.\u4e00-\u9fff]+\)")  # the Chinese term, in brackets after its English: "(专精特新)"
TITLE = ARTICLE.rsplit(": ", 1)[1]  # the article's title, named in its own script
EN_OTHER_SCRIPT = re.compile(r"\(Chinese\)")

# Two saved scenarios to compare, named in the page's language.
COMPARED = {
    "zh": (("导出核对·基金加速投放", {"fund_size": 100}), ("导出核对·增速放缓", {"growth_end": 5.0})),
    "en": (("Export check: funds faster", {"fund_size": 100}), ("Export check: slower growth", {"growth_end": 5.0})),
}


# --- reading what was downloaded ------------------------------------------------------------------


def download(page: Page, key: str, timeout_s: float = BUILD_TIMEOUT_S) -> tuple[str, bytes]:
    """Click the download button keyed ``key``: the file's suggested name and its bytes."""
    button = page.locator(f".st-key-{key}").get_by_role("button")
    button.scroll_into_view_if_needed()
    wait_settled(page)  # a click during a rerun can reach a button the rerun is replacing
    with page.expect_download(timeout=timeout_s * 1000) as info:
        button.click()
    return info.value.suggested_filename, info.value.path().read_bytes()


def latin_words(text: str, keyed: bool = False) -> set[str]:
    """Latin words of ``text`` outside ZH_ALLOWED (web addresses left out; keys too when ``keyed``)."""
    text = ADDRESS.sub("", text)
    if keyed:
        text = KEY.sub("", text)
    return {w for w in WORD.findall(text) if w not in ZH_ALLOWED}


def chinese(text: str) -> list[str]:
    """Chinese characters of an English ``text`` outside quotes as published, the article's title and glosses."""
    text = GLOSS.sub("", QUOTED_ZH.sub("", text.replace(TITLE, "")))
    return CJK.findall(text)


def foreign(text: str, lang: str, keyed: bool = False) -> Iterable[str]:
    return latin_words(text, keyed) if lang == "zh" else chinese(text)


def labelled(label: str, lang: str) -> bool:
    """A header in ``lang``: Chinese characters and no stray Latin word, or no Chinese character."""
    return bool(CJK.search(label)) and not latin_words(label) if lang == "zh" else not CJK.search(label)


def check_csv(data: bytes, lang: str) -> list[str]:
    """The CSV as Excel on Windows opens it (UTF-8 with its byte-order mark, CRLF): its header labels."""
    assert data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")  # strict: every byte is UTF-8
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    header = text.split("\r\n", 1)[0].split(",")
    for label in header:
        assert labelled(label, lang), label
    return header


def cell_text(value: object) -> str:
    """What a spreadsheet shows for a text or logical cell."""
    if isinstance(value, bool):
        return str(value).upper()
    return value if isinstance(value, str) else ""


def check_table(
    sheet: str, labels: list[str], rows: Iterable[Iterable[object]], lang: str, names: Iterable[str]
) -> None:
    """No cell of a table shows a word of the other language, except where its column says it may."""
    skip = [bool((ZH_OTHER_SCRIPT if lang == "zh" else EN_OTHER_SCRIPT).search(label)) for label in labels]
    keyed = [lang == "zh" and bool(ZH_KEYED.search(label)) for label in labels]
    names = set(names)
    found = {}
    for row in rows:
        for value, label, other, with_keys in zip(row, labels, skip, keyed, strict=False):
            text = cell_text(value)
            if other or text in names:
                continue
            for word in foreign(text, lang, with_keys):
                found.setdefault(word, (sheet, label, text[:120]))
    assert not found, found


def check_workbook(data: bytes, lang: str, names: list[str]) -> None:
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [SHEET_NAMES[key][lang] for key in SHEETS]
    for sheet in book.sheetnames:
        assert labelled(sheet, lang), sheet
    for key in SHEETS:
        ws = book[SHEET_NAMES[key][lang]]
        labels, keys = [c.value for c in ws[1]], [c.value for c in ws[2]]
        assert all(labels) and len(labels) == len(keys), key
        for label in labels:
            assert label in names or labelled(label, lang), (key, label)
        check_table(ws.title, labels, ws.iter_rows(min_row=3, values_only=True), lang, names)
        for n, (label, column) in enumerate(zip(labels, keys, strict=True), start=1):
            width = ws.column_dimensions[openpyxl.utils.get_column_letter(n)].width
            assert width >= min(max(text_width(label), text_width(column)), 24), (key, label, width)  # then wraps
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, float):
                    fmt = cell.number_format
                    assert fmt != "General" and len(fmt.partition(".")[2]) <= 3, (key, cell.coordinate, fmt)
        assert ws.page_setup.orientation == "landscape", key
        assert ws.page_setup.scale == 100 and ws.print_title_rows == "$1:$2", key  # printed at full size
    results = book[SHEET_NAMES["results"][lang]]
    keys = [c.value for c in results[2]]
    for column, fmt in (("va_total", "#,##0.0"), ("growth_total_pct", "0.00"), ("va_index", "0.0")):
        n = keys.index(column)
        shown = {r[n].number_format for r in results.iter_rows(min_row=3) if isinstance(r[n].value, float)}
        assert shown == {fmt}, (column, shown)
    assert {r[0] for r in results.iter_rows(min_row=3, values_only=True)} == set(names)
    params = book[SHEET_NAMES["parameters"][lang]]
    keys = [c.value for c in params[2]]
    assert [c.value for c in params[1]][keys.index(names[0])] == names[0]  # a scenario's column: its name
    words = {r[keys.index("provenance_name")] for r in params.iter_rows(min_row=3, values_only=True)}
    assert words == {w[lang] for w in PROVENANCE_NAMES.values()}


def picture_hashes(prs: Presentation) -> list[str]:
    """Each picture of the deck, in order, as a hash of its image."""
    return [hashlib.sha256(shape.image.blob).hexdigest() for slide in prs.slides for shape in slide_pictures(slide)]


def deck_texts(prs: Presentation) -> list[list[str]]:
    return [slide_texts(slide) for slide in prs.slides]


def quoted_sources(lang: str) -> list[str]:
    """The sentences the deck quotes as published (in a Chinese deck an English publication's own
    words), cut where the deck may split a long text over two slides."""
    out = []
    for spec in load_parameters().values():
        for quote in (spec.source_zh, spec.source_en if lang == "zh" and not spec.source_zh else ""):
            out += [p.strip() for p in re.split(r"(?<=[。；;!?！？\n])|(?<=\. )", quote or "") if p.strip()]
    return sorted(out, key=len, reverse=True)


def check_deck(data: bytes, lang: str, items: list[NamedScenario]) -> Presentation:
    prs = Presentation(io.BytesIO(data))
    names = [i.name_en if lang == "en" and i.name_en else i.name for i in items]
    assert len(picture_hashes(prs)) >= (2 if len(items) == 1 else 1 + len(items))
    cover = slide_text(prs.slides[0])
    if len(items) == 1:
        assert names[0] in cover.splitlines()
    else:
        assert t("deck_compare", lang, n=len(items), names=t("name_sep", lang).join(names)) in cover
    assert t("this_scenario", lang) not in cover and "当前情景" not in cover
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    for name in names:
        if len(items) == 1:
            for key in ("slide_chart", "deck_slide_investment"):
                assert t(key, lang, name=name) in titles, (key, name)
        else:  # the comparison first, then a slide a scenario
            assert name in titles, name
    assert titles.index(t("deck_appendix", lang)) <= (10 if len(items) == 1 else 12)
    reasons = _sources_notes(prs, lang)
    specs = load_parameters()
    assert specs["base_va"].reasoning(lang)
    for key, spec in specs.items():
        if spec.reasoning(lang):
            assert spec.reasoning(lang) in reasons, key
    quotes = quoted_sources(lang)
    found = {}
    for n, slide in enumerate(prs.slides):
        for text in slide_texts(slide):
            for quote in quotes:
                text = text.replace(quote, "")
            for word in foreign(text, lang):
                if not any(word in name for name in names):
                    found.setdefault(word, (n, text[:120]))
    assert not found, found
    return prs


def same_deck(got: Presentation, items: list[NamedScenario], lang: str, red_up: bool | None = None) -> None:
    """The page's deck is the one report.brief builds for ``items``: every slide's text and picture."""
    built = Presentation(io.BytesIO(build_deck(compute_results(items), lang, red_up=red_up)))
    assert deck_texts(got) == deck_texts(built)
    assert picture_hashes(got) == picture_hashes(built)


# --- the tests ----------------------------------------------------------------------------------


def preset(n: int = 1):
    chosen = load_presets()[n]
    assert chosen.scenario != default_scenario() and not chosen.scenario.projects
    return chosen


def link(scenario: Scenario, lang: str) -> str:
    settings = scenario.changed_from(default_scenario())
    return "&".join([f"lang={lang}", "model=3", *(f"{k}={v}" for k, v in settings.items())])


@pytest.mark.parametrize("lang", LANGS)
def test_this_scenario_tab_downloads(open_page: OpenPage, lang: str) -> None:
    chosen = preset()
    scenario = chosen.scenario
    page = open_page(link(scenario, lang))

    name, data = download(page, "download_csv")
    assert name.endswith(".csv")
    check_csv(data, lang)
    assert data == frame_to_csv(project(scenario), lang, load_history())
    args = [f"--set={k}={v}" for k, v in scenario.changed_from(default_scenario()).items()]
    cli = subprocess.run([sys.executable, "-m", "model", "project", *args], cwd=ROOT, capture_output=True, check=True)
    assert_frame_equal(csv_to_frame(data), csv_to_frame(cli.stdout), check_exact=True)

    name, data = download(page, "download_dict")
    header = check_csv(data, lang)
    assert data == dictionary_csv(lang)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[1:]
    check_table(name, header, rows, lang, ())

    name, data = download(page, "deck_current")
    assert name == f"dezhou-brief-{lang}.pptx"
    items = [NamedScenario(chosen.name, scenario, name_en=chosen.name_en)]
    prs = check_deck(data, lang, items)
    shown = chosen.name_en if lang == "en" and chosen.name_en else chosen.name
    same_deck(prs, [NamedScenario(shown, scenario)], lang)
    renamed = NamedScenario("另一名称" if lang == "zh" else "Another name", scenario)
    other = Presentation(io.BytesIO(build_deck(compute_results([renamed]), lang)))
    assert picture_hashes(other)[0] != picture_hashes(prs)[0]  # the total value added's legend names the scenario


SAVED_NAME = {"zh": "会议方案（已保存）", "en": "Meeting option (saved)"}


def cover_name(data: bytes, lang: str) -> str:
    """The scenario's name on a one-scenario deck's cover."""
    _title, cover = slide_texts(Presentation(io.BytesIO(data)).slides[0])
    return cover.splitlines()[0]  # under the deck's title, the scenario's name first


@pytest.mark.parametrize("lang", LANGS)
def test_this_scenario_deck_names_a_saved_scenario_loaded(open_page: OpenPage, scenario_db_url: str, lang: str) -> None:
    """Loaded from the library, the scenario is named in the deck by its name; moved a step, adjusted."""
    name = SAVED_NAME[lang]
    with ScenarioLibrary(scenario_db_url) as library:
        library.save(name, make_scenario({"growth_start": 10.5}), overwrite=True)
    page = open_page(f"lang={lang}")
    open_tab(page, "tab_library", lang)
    pick(page, "pick", name)
    page.locator(".st-key-load_saved").get_by_role("button").click()
    thumb = slider(page, "growth_start")
    expect(thumb).to_have_value("10.5")
    open_tab(page, "tab_scenario", lang)
    assert cover_name(download(page, "deck_current")[1], lang) == name
    thumb.focus()
    page.keyboard.press("ArrowRight")  # one step: 10.5 → 10.6
    expect(thumb).to_have_value("10.6")
    expect(page).to_have_url(re.compile(r"[?&]growth_start=10\.6\b"))
    assert cover_name(download(page, "deck_current")[1], lang) == t("scenario_adjusted", lang, name=name)


@pytest.mark.parametrize("lang", LANGS)
def test_compare_panel_downloads(open_page: OpenPage, scenario_db_url: str, lang: str) -> None:
    with ScenarioLibrary(scenario_db_url) as library:
        for name, settings in COMPARED[lang]:
            library.save(name, make_scenario(settings), overwrite=True)
        items = [library.get(name).named() for name, _ in COMPARED[lang]]
    names = [i.name for i in items]
    page = open_page(f"lang={lang}")
    open_tab(page, "tab_library", lang)
    for name in names:
        pick(page, "compare_names", name)
    page.keyboard.press("Escape")
    wait_settled(page)
    for name in names:  # the comparison drawn for both before a button is clicked
        expect(page.get_by_test_id("stTable")).to_contain_text(name)

    file_name, data = download(page, "export_csv")
    assert file_name.endswith(".csv")
    check_csv(data, lang)
    assert data == long_csv(compute_results(items), lang)
    assert_frame_equal(read_long_csv(data), long_frame(compute_results(items)), check_exact=True)

    file_name, data = download(page, "export_xlsx")
    assert file_name.endswith(".xlsx")
    check_workbook(data, lang, names)
    got, made = (openpyxl.load_workbook(io.BytesIO(b)) for b in (data, workbook_xlsx(compute_results(items), lang)))
    for ws in made:
        assert [[(c.value, c.number_format) for c in row] for row in got[ws.title].iter_rows()] == [
            [(c.value, c.number_format) for c in row] for row in ws.iter_rows()
        ], ws.title

    file_name, data = download(page, "deck_compare")
    assert file_name == f"dezhou-brief-{lang}.pptx"
    prs = check_deck(data, lang, items)
    same_deck(prs, items, lang)
