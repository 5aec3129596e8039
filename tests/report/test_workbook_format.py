"""The workbook and the CSV a reader opens (issue 11, item 9): in the page's language, labelled with
units, numbers shown with sensible decimals at full precision, columns wide enough, printable."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from model.history import load_history
from model.lang import LANGS
from model.parameters import PipelineProject, Target, default_scenario, load_parameters, make_scenario
from model.results import compute_results
from model.scenario_file import NamedScenario
from report.csv_export import BOM, column_dictionary, column_header, dictionary_csv, frame_to_csv
from report.scenario_exports import SHEETS, long_csv, long_frame, text_width, workbook_xlsx
from report.sheets import SHEET_NAMES, history_table, period_name
from tests.readers import csv_to_frame, read_long_csv, read_workbook

CJK = re.compile(r"[\u4e00-\u9fff]")
PLANT = PipelineProject(name="新材料项目", investment=30.0, full_output=40.0, first_year=2026)
OWN = Target(label="2030年翻番", metric="level", year=2030, value=2500.0)
ITEMS = [
    NamedScenario("基准", default_scenario()),
    NamedScenario(
        "加快实缴",
        make_scenario({"fund_paid_in": 0.85, "growth_end": 7.35}).with_projects((PLANT,)).with_targets((OWN,)),
    ),
]


@pytest.fixture(scope="module", params=["zh", "en"])
def lang(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def book(lang) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_xlsx(compute_results(ITEMS), lang)))


def _sheet(book: openpyxl.Workbook, key: str, lang: str):
    return book[SHEET_NAMES[key][lang]]


def _keys(ws) -> list[str]:
    return [c.value for c in ws[2]]


def test_sheet_names_are_in_the_language(book, lang):
    assert book.sheetnames == [SHEET_NAMES[k][lang] for k in SHEETS]
    names = "".join(book.sheetnames)
    assert bool(CJK.search(names)) == (lang == "zh")


def test_every_column_has_a_label_above_its_key(book, lang):
    for key in SHEETS:
        ws = _sheet(book, key, lang)
        labels, keys = [c.value for c in ws[1]], _keys(ws)
        assert all(labels) and all(keys) and len(labels) == len(keys)
        for label, column in zip(labels, keys, strict=True):
            if key == "parameters" and column in {i.name for i in ITEMS}:
                assert label == column  # a scenario's column is headed by its name
                continue
            assert label != column, (key, column)
            assert bool(CJK.search(label)) == (lang == "zh"), (key, column, label)


def test_result_labels_carry_their_units(book, lang):
    ws = _sheet(book, "results", lang)
    labels = dict(zip(_keys(ws), [c.value for c in ws[1]], strict=True))
    if lang == "zh":
        assert labels["va_total"] == "规上工业增加值（亿元）"
        assert labels["growth_total_pct"].endswith("（%）")
        assert labels["va_index"].endswith("（2023=100）")
    else:
        assert labels["va_total"].endswith("(100 million yuan)")
        assert labels["growth_total_pct"].endswith("(%)")


def _formats(ws, column: str) -> set[str]:
    n = _keys(ws).index(column) + 1
    return {c.number_format for (c,) in ws.iter_rows(min_row=3, min_col=n, max_col=n) if isinstance(c.value, float)}


def test_numbers_carry_a_number_format_with_sensible_decimals(book, lang):
    results = _sheet(book, "results", lang)
    assert _formats(results, "va_total") == {"#,##0.0"}  # 亿元: one decimal
    assert _formats(results, "growth_total_pct") == {"0.00"}  # %: two
    assert _formats(results, "va_index") == {"0.0"}
    # every number in every sheet has a format (none left as General)
    for key in SHEETS:
        ws = _sheet(book, key, lang)
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, float):
                    assert cell.number_format != "General", (key, cell.coordinate, cell.value)
    params = _sheet(book, "parameters", lang)
    keys = _keys(params)
    by_key = {row[keys.index("key")].value: row for row in params.iter_rows(min_row=3)}
    scenario = keys.index("加快实缴")
    assert by_key["fund_paid_in"][scenario].number_format == "0.00"  # a ratio: two decimals
    assert by_key["base_va"][scenario].number_format == "#,##0.0"
    assert by_key["growth_end"][scenario].number_format == "0.00"
    # the cell keeps every digit; only what is shown is rounded
    assert by_key["growth_end"][scenario].value == 7.35


def test_full_precision_survives_the_formats(lang):
    back = read_workbook(workbook_xlsx(compute_results(ITEMS), lang))
    assert_frame_equal(back["results"], long_frame(compute_results(ITEMS)), check_exact=True)
    assert_frame_equal(back["history"], history_table(load_history(), lang), check_dtype=False)


def test_columns_are_as_wide_as_their_headers_and_names(book, lang):
    """A column is as wide as its key; a long label wraps in its header cell (past 24 characters) in a
    row as tall as it needs (checked in LibreOffice by tests/report/test_office_render.py)."""
    for key in SHEETS:
        ws = _sheet(book, key, lang)
        for n, (label, column) in enumerate(zip(ws[1], ws[2], strict=True), start=1):
            letter = openpyxl.utils.get_column_letter(n)
            width = ws.column_dimensions[letter].width
            assert width >= min(text_width(label.value), 24) and width >= min(text_width(column.value), 24), (
                key,
                label.value,
            )
            assert label.alignment.wrap_text
        assert ws.row_dimensions[1].height >= 13
    results = _sheet(book, "results", lang)
    names = max(text_width(i.name) for i in ITEMS)
    assert results.column_dimensions["A"].width >= names
    assert text_width("规上") == 4 and text_width("ab") == 2  # CJK characters count double


def test_every_sheet_prints_landscape_at_full_size_with_its_headers_on_every_page(book, lang):
    """Issue 19: never squeezed onto one page (3–4 pt); pages across, headers repeated (the rendered
    size is checked in LibreOffice by tests/report/test_office_render.py)."""
    for key in SHEETS:
        ws = _sheet(book, key, lang)
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.scale == 100
        assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
        assert ws.print_title_rows == "$1:$2"
        assert ws.freeze_panes in ("A3", "C3")
    assert _sheet(book, "results", lang).print_title_cols == "$A:$B"  # the scenario and the year


def test_texts_stand_apart_from_numbers_years_plain_switches_as_words(book, lang):
    """Issue 19: "52100 million yuan", "10,000.0Assumption", "2,021 年", TRUE beside 1."""
    for key in SHEETS:
        ws = _sheet(book, key, lang)
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, str) and cell.value:
                    assert cell.alignment.indent >= 1, (key, cell.coordinate)  # a step in from a number before it
                if isinstance(cell.value, bool):
                    raise AssertionError(f"{key}!{cell.coordinate} is a switch, not a word")
    sources = _sheet(book, "sources", lang)
    keys = _keys(sources)
    for row in sources.iter_rows(min_row=3):
        unit = row[keys.index("unit")].value
        if unit in ("年", "year"):
            assert row[keys.index("value")].number_format == "0", row[keys.index("key")].value  # 2021, not 2,021
    params = _sheet(book, "parameters", lang)
    keys = _keys(params)
    [switch] = [row for row in params.iter_rows(min_row=3) if row[keys.index("key")].value == "use_observed"]
    yes = {"zh": "是", "en": "Yes"}[lang]
    assert switch[keys.index("default")].value == yes and switch[keys.index("加快实缴")].value == yes
    results = _sheet(book, "results", lang)
    column = _keys(results).index("status")
    words = {
        "zh": ("基年", "已公布", "估算（1—", "推算"),
        "en": ("Base year", "Published", "Estimated (Jan–", "Projected"),
    }
    shown = {row[column].value for row in results.iter_rows(min_row=3)}
    assert all(value.startswith(words[lang]) for value in shown), shown


def test_codes_are_words_in_the_language_and_read_back_as_codes(book, lang):
    ws = _sheet(book, "history", lang)
    keys = _keys(ws)
    column = [row[keys.index("region")].value for row in ws.iter_rows(min_row=3)]
    periods = {row[keys.index("period")].value for row in ws.iter_rows(min_row=3)}
    if lang == "zh":
        assert set(column) == {"德州市", "山东省"} and "全年" in periods and "1—7月" in periods
    else:
        assert set(column) == {"Dezhou", "Shandong"} and "Full year" in periods and "January–July" in periods
    back = read_workbook(workbook_xlsx(compute_results(ITEMS), lang))
    assert set(back["history"]["region"]) == {"dezhou", "shandong"}
    assert back["history"]["used"].dtype == bool
    assert list(back["projects"]["included"]) == [True]
    assert set(back["sources"]["type"]) == {"parameter", "article fact"}


def test_period_names():
    assert period_name("Jan-Sep", "zh") == "1—9月" and period_name("Jan-Sep", "en") == "January–September"
    assert period_name("H1", "zh") == "上半年" and period_name("full-year", "en") == "Full year"
    assert period_name("something else", "zh") == "something else"


# --- CSV ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_csv_header_is_in_the_language_and_reads_back_exactly(lang):
    data = long_csv(compute_results(ITEMS), lang)
    assert data.startswith(BOM.encode("utf-8"))  # Excel on Windows reads it as UTF-8
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("情景,年份," if lang == "zh" else "Scenario,Year,")
    assert bool(CJK.search(header)) == (lang == "zh")
    assert column_header("va_total", lang) in header
    assert_frame_equal(read_long_csv(data), long_frame(compute_results(ITEMS)), check_exact=True)


def test_csv_for_programs_keeps_the_keys():
    data = long_csv(compute_results(ITEMS), None)
    assert data.decode("utf-8-sig").startswith("scenario,year,status,")
    assert_frame_equal(read_long_csv(data), long_frame(compute_results(ITEMS)), check_exact=True)


@pytest.mark.parametrize("lang", LANGS)
def test_single_scenario_csv_and_dictionary_in_the_language(lang):
    frame = long_frame(compute_results(ITEMS[:1])).drop(columns="scenario")
    data = frame_to_csv(frame, lang, load_history())
    assert data.decode("utf-8-sig").startswith("年份,年份类型" if lang == "zh" else "Year,Status")
    # a year's status in words: 2023 the base year, then as the data's figures say
    assert data.decode("utf-8-sig").split("\r\n")[1].split(",")[1] == ("基年" if lang == "zh" else "Base year")
    assert_frame_equal(csv_to_frame(data), frame, check_exact=True)
    dictionary = pd.read_csv(io.BytesIO(dictionary_csv(lang)), encoding="utf-8-sig", keep_default_na=False)
    assert list(dictionary.iloc[:, 0]) == list(column_dictionary()["key"])
    assert bool(CJK.search("".join(dictionary.columns))) == (lang == "zh")


def test_every_parameter_has_a_number_format_that_fits_its_step():
    from report.sheets import number_format

    for spec in load_parameters().values():
        if spec.kind == "bool":
            continue
        fmt = number_format(spec.unit("zh"), spec.step, spec.kind)
        decimals = len(fmt.partition(".")[2])
        assert round(spec.default, decimals) == pytest.approx(spec.default), spec.key


def test_every_workbook_word_exists_in_both_languages():
    from report.sheets import COMMON_HEADERS, SHEET_HEADERS, VALUE_WORDS

    tables = [SHEET_NAMES, COMMON_HEADERS, *SHEET_HEADERS.values(), *VALUE_WORDS.values()]
    for table in tables:
        for key, words in table.items():
            assert set(words) == {"zh", "en"} and all(w.strip() for w in words.values()), key
            assert CJK.search(words["zh"]) and not CJK.search(words["en"]), key


@pytest.mark.parametrize("lang", LANGS)
def test_the_pages_csv_button_says_full_precision_and_the_file_keeps_it(lang):
    """Issue 19, item 4: values like 8.790000000000001 are the model's own; the button says so."""
    from report.text import t

    assert {"zh": "全精度", "en": "full precision"}[lang] in t("download_csv", lang)
    frame = long_frame(compute_results(ITEMS[1:]))
    back = csv_to_frame(frame_to_csv(frame.drop(columns="scenario"), lang, load_history()))
    assert_frame_equal(back, frame.drop(columns="scenario").reset_index(drop=True), check_exact=True)


def test_cli_workbook_one_or_several_scenarios(tmp_path, capsys):
    """``python -m model workbook``: the defaults (the baseline named in the workbook's language), or
    every scenario of a file (a comparison workbook); bad input: one line, exit 2, no file."""
    from cli.main import main
    from report.scenario_exports import scenarios_json

    out = tmp_path / "base.xlsx"
    assert main(["workbook", "--lang", "en", "--out", str(out)]) == 0
    back = read_workbook(out.read_bytes())
    assert set(back["results"]["scenario"]) == {"Baseline scenario"}
    assert_frame_equal(
        back["results"].drop(columns="scenario"),
        long_frame(compute_results(ITEMS[:1])).drop(columns="scenario"),
        check_exact=True,
    )
    source = tmp_path / "two.json"
    source.write_bytes(scenarios_json(ITEMS))
    out = tmp_path / "two.xlsx"
    assert main(["workbook", "--scenario", str(source), "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == SHEET_NAMES["results"]["zh"]
    assert list(dict.fromkeys(read_workbook(out.read_bytes())["results"]["scenario"])) == ["基准", "加快实缴"]
    capsys.readouterr()
    for args, says in (
        (["--out", str(tmp_path / "x.csv")], ".xlsx"),
        (["--lang", "fr", "--out", str(tmp_path / "x.xlsx")], "--lang"),
        (["--set", "growth_end=99", "--out", str(tmp_path / "x.xlsx")], "out of range"),
    ):
        assert main(["workbook", *args]) == 2
        err = capsys.readouterr().err
        assert says in err and len(err.strip().splitlines()) == 1, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.xlsx", "two.json", "two.xlsx"]
