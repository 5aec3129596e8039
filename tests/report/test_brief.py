"""The meeting deck (report/brief.py, model version 2) and its command ``python -m model brief``
(cli/brief.py). Expected figures are worked out by hand from docs/model.md's equations."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

import model.projection as projection
from model.backtest import backtest
from model.history import History
from model.parameters import ScenarioError, Target, default_scenario, load_parameters, make_scenario
from model.projection import headline, project
from model.results import compute_results
from model.scenario_file import NamedScenario
from report.brief import EAST_ASIAN_FONT, MAX_SCENARIOS, build_deck
from report.scenario_exports import compare_table
from report.text import LANGS
from report.text import t as bt
from tests.readers import slide_pictures, slide_text

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 26)
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def deck_of(items: list[NamedScenario], lang: str) -> Presentation:
    return Presentation(io.BytesIO(build_deck(compute_results(items), lang, today=TODAY)))


LEVERS = {k: s.default for k, s in load_parameters().items() if s.role == "lever"}
OWN_TARGET = Target(label="2030年达到3000亿元", metric="level", year=2030, value=3000.0)
FUNDS = NamedScenario(
    "基金加速",
    make_scenario({"fund_size": 100, "fund_leverage": 5, "fund_deploy_years": 3}).with_targets((OWN_TARGET,)),
    name_en="Accelerated funds",
    description_zh="产业基金扩大到100亿元，三年投完。",
    description_en="The funds grow to 10 billion yuan, invested over three years.",
)
COMPARED = [
    NamedScenario("基准情景", default_scenario(), name_en="Baseline scenario"),
    FUNDS,
    NamedScenario("放缓", make_scenario({"growth_end": 5.0}), name_en="Slowdown"),
]


@pytest.fixture(scope="module")
def funds() -> NamedScenario:
    return FUNDS


@pytest.fixture(scope="module", params=LANGS)
def single(request, funds):
    return request.param, deck_of([funds], request.param)


@pytest.fixture(scope="module", params=LANGS)
def compared(request):
    return request.param, COMPARED, deck_of(COMPARED, request.param)


def titles(prs: Presentation) -> list[str]:
    return [slide.shapes.title.text for slide in prs.slides]


def slides_titled(prs: Presentation, prefix: str) -> list:
    return [slide for slide in prs.slides if slide.shapes.title.text.startswith(prefix)]


def table_rows(slide) -> list[list[str]]:
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    return [[cell.text for cell in row.cells] for row in table.rows]


def runs_of(slide):
    for shape in slide.shapes:
        frames = [shape.text_frame] if shape.has_text_frame else []
        if shape.has_table:
            frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
        for frame in frames:
            for para in frame.paragraphs:
                yield from (run for run in para.runs if run.text.strip())


def runs(prs: Presentation):
    for slide in prs.slides:
        yield from runs_of(slide)


def name_of(item: NamedScenario, lang: str) -> str:
    return item.name_en if lang == "en" and item.name_en else item.name


# --- the deck ----------------------------------------------------------------------------------

ROLES = ("economy", "lever", "choice")


def roles_of(lang: str) -> dict[str, str]:
    return {role: bt("deck_role_" + role, lang) for role in ROLES}


def test_slides_are_16_by_9(single):
    _, prs = single
    assert prs.slide_width * 9 == pytest.approx(prs.slide_height * 16, rel=1e-3)


def appendix_at(got: list[str], lang: str) -> int:
    return got.index(bt("deck_appendix", lang))


def test_single_deck_slides_in_order(single, funds):
    """Issue 19: at most 10 slides before the appendix, the appendix opened by a divider."""
    lang, prs = single
    name = name_of(funds, lang)
    got = titles(prs)
    appendix = appendix_at(got, lang)
    assert got[:appendix] == [
        bt("deck_title", lang),
        bt("deck_slide_summary", lang),
        bt("slide_headline", lang, name=name),
        bt("slide_chart", lang, name=name),
        bt("deck_slide_policy", lang, name=name),
        bt("deck_slide_investment", lang, name=name),
        bt("deck_slide_targets", lang, name=name),
    ]
    assert appendix <= 10
    rest = got[appendix + 1 :]
    assert rest[0] == bt("deck_slide_backtest", lang)
    settings = [x for x in rest if x.startswith(bt("deck_slide_settings", lang))]
    sources = [x for x in rest if x.startswith(bt("deck_slide_sources", lang))]
    assert rest == [rest[0], *settings, *sources]
    assert settings and sources
    for block in (settings, sources):  # numbered (1/n) … (n/n) when there are several
        if len(block) > 1:
            assert block[-1].endswith(bt("slide_page", lang, page=len(block), pages=len(block)))
        assert len(block) <= 3  # compact tables


def test_titles_in_the_chosen_language(single):
    lang, prs = single
    for title in titles(prs):
        assert bool(CJK.search(title)) is (lang == "zh"), title


def test_title_slide_has_date_article_and_how_it_counts(single, funds):
    lang, prs = single
    text = slide_text(prs.slides[0])
    assert name_of(funds, lang) in text.split("\n")  # the scenario named on a line of its own
    assert ("2026年11月26日" if lang == "zh" else "26 November 2026") in text
    assert bt("deck_article", lang) in text
    assert bt("deck_model_line", lang) in text
    if lang == "zh":
        assert "相对既定计划的增减" in text
    # the month of the latest official figure used: 2025's full-year figure is published (data/history.csv)
    assert ("数据截至2025年12月" if lang == "zh" else "Data as of December 2025") in text


def test_headline_figures_with_changes_from_defaults_and_the_levers_change(single, funds):
    lang, prs = single
    [slide] = slides_titled(prs, bt("slide_headline", lang, name=name_of(funds, lang)))
    text = slide_text(slide)
    now = headline(project(funds.scenario))
    base = headline(project(default_scenario()))
    year = now["final_year"]
    for label in ("metric_va", "metric_growth", "metric_fund", "metric_extra"):
        assert bt(label, lang, year=year) in text
    assert f"{now['va_total']:,.1f}" in text
    assert f"{now['avg_growth_pct']:.2f}" in text
    assert f"{now['cum_fund_investment']:,.1f}" in text
    assert f"{now['policy_va']:+,.1f}" in text
    assert now["policy_va"] > 0  # more money than the plan builds more
    assert bt("delta", lang, delta=f"{now['va_total'] - base['va_total']:+,.1f}") in text
    assert bt("delta_points", lang, delta=f"{now['avg_growth_pct'] - base['avg_growth_pct']:+.2f}") in text
    # the levers' two channels against the announced plan (model version 3), and revenue
    ti, capacity = f"{now['ti_policy_va']:+,.1f}", f"{now['capacity_policy_va']:+,.1f}"
    assert bt("deck_policy_channels", lang, ti=ti.lstrip("+") if ti == "+0.0" else ti, capacity=capacity) in text
    assert now["ti_policy_va"] + now["capacity_policy_va"] == pytest.approx(now["policy_va"])
    assert bt("deck_metric_revenue", lang, year=year) in text and f"{now['revenue']:,.1f}" in text
    assert "from funds" not in text.lower() and "基金与项目增加值" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_defaults_show_no_change(lang):
    """The defaults' deck names the baseline on its cover (never 「情景：本情景」) and draws no empty
    chart: the summary says in one sentence that the levers change nothing."""
    prs = deck_of([NamedScenario("", default_scenario())], lang)
    name = bt("scenario_baseline_name", lang)
    cover = slide_text(prs.slides[0])
    assert name in cover.split("\n") and bt("this_scenario", lang) not in cover
    [slide] = slides_titled(prs, bt("slide_headline", lang, name=name))
    text = slide_text(slide)
    assert text.count(bt("delta_same", lang)) == 4  # value added, growth, revenue, fund investment
    assert "0.0" in text and "+0.0" not in text and "-0.0" not in text  # the plan: the levers change nothing
    assert not slides_titled(prs, bt("deck_slide_policy", lang, name=name))  # no empty chart
    [summary] = slides_titled(prs, bt("deck_slide_summary", lang))
    assert bt("sum_levers_none", lang) in slide_text(summary)


def chart_slides(prs: Presentation, lang: str) -> list:
    tails = [bt(key, lang, name="") for key in ("slide_chart", "deck_slide_policy", "deck_slide_investment")]
    return [
        s
        for s in prs.slides
        if any(s.shapes.title.text.endswith(tail) for tail in tails)
        or s.shapes.title.text == bt("slide_compare_chart", lang)
    ]


def assert_one_big_png(prs: Presentation, slide) -> None:
    found = slide_pictures(slide)
    assert len(found) == 1
    assert found[0].image.content_type == "image/png"
    assert found[0].image.blob.startswith(b"\x89PNG")
    assert found[0].width > prs.slide_width * 0.6  # big enough to read


def test_one_scenario_has_three_charts_as_pictures(single):
    lang, prs = single
    slides = chart_slides(prs, lang)
    assert len(slides) == 3  # total value added against the plan, what the levers change, investment
    assert sum(len(slide_pictures(slide)) for slide in prs.slides) >= 3
    for slide in slides:
        assert_one_big_png(prs, slide)
    total = slide_text(slides[0])
    assert bt("deck_total_note", lang) in total


def test_compare_deck_charts_are_pictures(compared):
    lang, items, prs = compared
    slides = chart_slides(prs, lang) + [
        s for s in prs.slides if s.shapes.title.text in {name_of(item, lang) for item in items}
    ]
    assert len(slides) == len(items) + 1  # the comparison, and one a scenario
    for slide in slides:
        assert len(slide_pictures(slide)) == 1 and slide_pictures(slide)[0].width > prs.slide_width * 0.5


def settings_rows(prs: Presentation, lang: str) -> list[list[str]]:
    slides = slides_titled(prs, bt("deck_slide_settings", lang))
    assert slides
    return [row for slide in slides for row in table_rows(slide)[1:]]


def test_settings_show_economy_and_levers_apart(single, funds):
    lang, prs = single
    specs = load_parameters()
    values = funds.scenario.to_dict()
    [slide, *_] = slides_titled(prs, bt("deck_slide_settings", lang))
    assert table_rows(slide)[0] == [
        bt(k, lang) for k in ("col_parameter", "col_value", "col_default", "col_unit", "col_provenance")
    ]
    rows = settings_rows(prs, lang)
    keys = [k for role in ROLES for k, s in specs.items() if s.role == role]  # economy, levers, choices apart
    assert [row[0] for row in rows] == [specs[k].label(lang) for k in keys]
    for row, key in zip(rows, keys, strict=True):
        spec, value = specs[key], values[key]
        shown = bt("yes" if value else "no", lang) if spec.kind == "bool" else f"{value:g}"
        assert row[1] == shown, key
        assert row[3] == (spec.unit(lang) or "—")
        assert row[4] == bt("prov_" + spec.provenance, lang)


def test_changed_values_are_bold(funds):
    prs = deck_of([funds], "en")
    changed = funds.scenario.changed_from(default_scenario())
    labels = {load_parameters()[k].label("en") for k in changed}
    slides = slides_titled(prs, bt("deck_slide_settings", "en"))
    assert slides
    for slide in slides:
        table = next(shape.table for shape in slide.shapes if shape.has_table)
        for row in list(table.rows)[1:]:
            run = row.cells[1].text_frame.paragraphs[0].runs[0]
            assert bool(run.font.bold) is (row.cells[0].text in labels), row.cells[0].text


def test_sources_in_a_compact_table_with_sentence_and_reasoning_in_the_notes(single):
    """Publication and date on the slide; the sentence (simplified on the Chinese deck, a foreign one
    in Chinese marked （译文）) and the reasoning in the slide's notes, whole."""
    from report.brief import simplified

    lang, prs = single
    slides = slides_titled(prs, bt("deck_slide_sources", lang))
    rows = [row for slide in slides for row in table_rows(slide)[1:]]
    notes = "\n".join(slide.notes_slide.notes_text_frame.text for slide in slides)
    specs = list(load_parameters().values())
    assert sorted(row[0] for row in rows) == sorted(s.label(lang) for s in specs)
    by_label = {row[0]: row for row in rows}
    for spec in specs:
        row = by_label[spec.label(lang)]
        assert row[1] == bt("prov_" + spec.provenance, lang)
        if spec.date:
            assert row[3] == spec.date
        if spec.reasoning(lang):
            assert bt("deck_reasoning", lang, why=spec.reasoning(lang)) in notes, spec.key
        if lang == "zh" and spec.source_zh:
            assert f"「{simplified(spec.source_zh)}」" in notes, spec.key
        if lang == "zh" and not spec.source_zh and spec.source_translation_zh:
            assert f"「{spec.source_translation_zh}」（译文）" in notes, spec.key
            assert spec.source_en not in notes
        if lang == "en" and spec.source_en:
            assert spec.source_en in notes, spec.key
    if lang == "zh":
        assert "個" not in notes and "規" not in notes  # quotes from mirrors in simplified characters
    zh_only = [s for s in specs if s.why_zh and s.why_zh != s.why]
    if lang == "en" and zh_only:
        assert zh_only[0].why_zh not in notes  # the English deck gives the English reasoning


def test_backtest_slide(single, monkeypatch):
    lang, prs = single
    [slide] = slides_titled(prs, bt("deck_slide_backtest", lang))
    table = backtest(lang=lang)
    if table.empty:
        assert bt("deck_backtest_empty", lang) in slide_text(slide)
        return
    rows = table_rows(slide)[1:]
    assert [int(r[0]) for r in rows] == [int(y) for y in table["year"]]
    for row, want in zip(rows, table.itertuples(), strict=True):
        assert float(row[1]) == pytest.approx(want.official_pct, abs=0.05)
        assert float(row[3]) == pytest.approx(float(row[2]) - float(row[1]), abs=0.011)  # error = projected − official


def test_backtest_slide_worked_by_hand(monkeypatch):
    """Two official years, 6% and 9%: the article's scenario (defaults, published figures not used)
    projects its own trend growth (8.4% with the levers at the plan): errors +2.4 and −0.6 points."""
    from model import backtest as backtest_module
    from model.history import Figure

    figures = History(
        tuple(
            Figure(y, "dezhou", "va_growth_pct", v, "full-year", "《测试公报》", "Test", "2026-02-01", "", "句", "high")
            for y, v in ((2024, 6.0), (2025, 9.0))
        )
    )
    monkeypatch.setattr(backtest_module, "load_history", lambda: figures)
    monkeypatch.setattr(projection, "load_history", lambda: figures)
    growth = backtest_module.ARTICLE_PACE  # the backtest holds the article's 8.4% flat, whatever the defaults
    assert growth == 8.4
    prs = deck_of([NamedScenario("", default_scenario())], "zh")
    [slide] = slides_titled(prs, bt("deck_slide_backtest", "zh"))
    rows = table_rows(slide)[1:]
    assert [r[0] for r in rows] == ["2024", "2025"]
    assert [r[1] for r in rows] == ["6.0", "9.0"]
    assert [r[3] for r in rows] == [f"{growth - 6.0:+.2f}", f"{growth - 9.0:+.2f}"]


def test_targets_slide_with_the_gap_worked_by_hand(monkeypatch):
    """1000 growing 10% a year, levers at the plan: 2026 value added 1331; a target of 1300 is
    exceeded by 31; 12% growth in 2025 is missed by 2 points."""
    monkeypatch.setattr(projection, "load_history", lambda: History(()))
    scenario = make_scenario(
        {**LEVERS, "base_va": 1000.0, "growth_start": 10.0, "growth_end": 10.0, "horizon_end": 2026}
    ).replace({"use_observed": False})
    own = (
        Target(label="水平", metric="level", year=2026, value=1300.0),
        Target(label="当年", metric="growth_year", year=2025, value=12.0),
    )
    for lang in LANGS:
        prs = deck_of([NamedScenario("目标", scenario.with_targets(own))], lang)
        [slide] = slides_titled(prs, bt("deck_slide_targets", lang, name="目标"))
        rows = {row[0]: row for row in table_rows(slide)[1:]}
        level, growth = rows["水平" + bt("deck_own_suffix", lang)], rows["当年" + bt("deck_own_suffix", lang)]
        assert level[2] == "1,331.0" and level[3] == bt("deck_gap_level", lang, gap="+31.0")
        assert growth[2] == "10.00%" and growth[3] == bt("deck_gap_points", lang, gap="-2.00")
        assert bt("deck_targets_note", lang) in slide_text(slide)


def test_type_is_large_enough_and_chinese_has_a_font(single):
    """16 pt or more before the appendix (18 in the body, 16 in the notes under a chart); the
    appendix's compact tables never below 14 pt."""
    lang, prs = single
    appendix = appendix_at(titles(prs), lang)
    sizes, small = [], []
    for n, slide in enumerate(prs.slides):
        for run in runs_of(slide):
            assert run.font.size is not None, run.text
            (small if n > appendix else sizes).append(run.font.size.pt)
            rpr = run._r.find(qn("a:rPr"))
            assert rpr.find(qn("a:ea")).get("typeface") == EAST_ASIAN_FONT
    assert min(sizes) >= 16
    assert small and min(small) >= 14


def test_compare_deck(compared):
    """Issue 19: the comparison first, then one slide per scenario; at most 12 before the appendix."""
    lang, items, prs = compared
    names = [name_of(item, lang) for item in items]
    got = titles(prs)
    appendix = appendix_at(got, lang)
    assert got[:appendix] == [
        bt("deck_title", lang),
        bt("deck_slide_summary", lang),
        bt("slide_compare_chart", lang),
        bt("slide_compare_table", lang),
        *names,
        bt("deck_slide_compare_targets", lang),
    ]
    assert appendix <= 12
    assert got.count(bt("deck_slide_backtest", lang)) == 1
    [slide] = slides_titled(prs, bt("slide_compare_table", lang))
    rows = table_rows(slide)
    assert rows[0] == [bt("cmp_scenario", lang), *names]
    table = compare_table(compute_results(items))
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label[bt("cmp_va_total", lang)] == [f"{v:,.1f}" for v in table["va_total"]]
    assert by_label[bt("cmp_final_year", lang)] == [str(v) for v in table["final_year"]]
    policy = by_label[bt("cmp_policy_va", lang)]
    assert policy[0] == "0.0" and policy[1].startswith("+")  # the plan changes nothing; more funds add
    assert policy[2] == "0.0"  # a slower economy is not a lever
    [settings, *_] = slides_titled(prs, bt("deck_slide_settings", lang))
    assert table_rows(settings)[0][3:] == names  # each scenario's value in a column of its own


def test_six_scenarios_compared_in_twelve_slides_before_the_appendix():
    items = [NamedScenario(f"情景{n}", make_scenario({"growth_end": 5.0 + n})) for n in range(MAX_SCENARIOS)]
    got = titles(deck_of(items, "zh"))
    assert appendix_at(got, "zh") <= 12


def test_same_names_are_told_apart():
    item = NamedScenario("同名", default_scenario())
    prs = deck_of([item, item], "zh")
    [slide] = slides_titled(prs, bt("slide_compare_table", "zh"))
    assert table_rows(slide)[0][1:] == ["同名", "同名 (2)"]


@pytest.mark.parametrize("n", [0, MAX_SCENARIOS + 1])
def test_too_few_or_too_many_scenarios(n):
    with pytest.raises(ScenarioError):
        build_deck(compute_results([NamedScenario(str(i), default_scenario()) for i in range(n)]), "zh")


# --- the command line (``cli``: tests/conftest.py) -------------------------------------------------


def funds_file(folder: Path) -> Path:
    """FUNDS as a scenario file, as the page's export writes it (with its English name and descriptions)."""
    doc = {
        "name": FUNDS.name,
        "name_en": FUNDS.name_en,
        "description_zh": FUNDS.description_zh,
        "description_en": FUNDS.description_en,
        **FUNDS.scenario.to_doc(),
    }
    path = folder / "funds.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_writes_a_deck(cli, tmp_path):
    out = tmp_path / "brief.pptx"
    source = funds_file(tmp_path / "in" if (tmp_path / "in").mkdir() is None else tmp_path)
    done = cli("brief", "--scenario", str(source), "--lang", "en", "--out", str(out), text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""
    prs = Presentation(str(out))
    assert titles(prs)[:3] == [
        bt("deck_title", "en"),
        bt("deck_slide_summary", "en"),
        bt("slide_headline", "en", name="Accelerated funds"),
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pptx", "in"]  # no temporary file left


def test_cli_many_scenario_file_compares(cli, tmp_path):
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
    done = cli("brief", "--scenario", str(path), "--set", "horizon_end=2032", "--out", str(out), text=True)
    assert done.returncode == 0, done.stderr
    got = titles(Presentation(str(out)))
    assert bt("slide_compare_table", "zh") in got
    assert "低" in got and "高" in got  # a slide for each, after the comparison


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--set", "growth_end=99"], "Trend growth, last projected year (%): '99' is out of range"),
        (["--set", "no_such_key=1"], "'no_such_key': not a parameter of this model"),
        (["--set", "growth_end"], "KEY=VALUE"),
        (["--scenario", "missing.json"], "no such file"),
        (["--lang", "fr"], "--lang"),
        (["--out", "brief.txt"], ".pptx"),
        (["--out", "no-such-folder/brief.pptx"], "does not exist"),
        (["--out", "."], ".pptx"),
        ([], "--out"),
    ],
)
def test_cli_bad_input_one_line_exit_2_no_file(cli, tmp_path, args, says):
    if "--out" not in args:
        args = [*args, "--out", "brief.pptx"] if args else []
    done = cli("brief", *args, cwd=tmp_path, text=True)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0], done.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_keeps_english_names_and_drops_descriptions_that_set_made_stale(tmp_path):
    from argparse import Namespace

    from cli.plumbing import scenarios

    path = str(funds_file(tmp_path))
    [kept] = scenarios(Namespace(scenario=path, set=[]))
    assert kept.name_en == "Accelerated funds" and kept.description_en
    [changed] = scenarios(Namespace(scenario=path, set=["growth_end=5"]))
    assert changed.name_en == "Accelerated funds"
    assert changed.description_zh == changed.description_en == ""
    assert changed.scenario.growth_end == 5
