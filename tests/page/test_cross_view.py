"""One scenario through every view (issue 19, item 5).

A scenario with everything — every kind of lever moved (技改 growth, the funds' size, share, leverage,
start and years, a project's switch and a start year set in the past), an economy assumption, two added
projects, own targets of each kind (level, growth in a year, average growth, revenue) — saved in the
library, renamed and loaded on the page, goes through every tab, presentation mode, both decks (the
page's and the command line's), the workbook, the CSVs, the JSON and the command line's ``project``,
``workbook`` and ``brief``: no error anywhere, and the same numbers everywhere.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pagekit import deferred_files, download, run, run_page
from pptx import Presentation

from model.parameters import PipelineProject, Target, make_scenario
from model.projection import headline, project
from model.results import compute_results
from model.scenario_file import NamedScenario
from report.scenario_exports import long_csv, results_json, scenarios_json, workbook_xlsx
from report.text import LANGS, TEXT
from store.library import ScenarioLibrary
from tests.readers import csv_to_frame, read_long_csv, read_workbook, slide_text

LEVERS = {
    "ti_growth": 20.0,
    "fund_size": 80.0,
    "fund_paid_in": 0.7,
    "fund_leverage": 5.0,
    "fund_start": 2027,
    "fund_deploy_years": 3,
    "phase2_on": False,
    "phase1_start": 2024,  # before the first projected year: taken as that year (the past is fixed)
    "growth_end": 6.0,  # an economy assumption too
}
PROJECTS = (
    PipelineProject("新建晶圆项目", investment=60.0, full_output=45.0, first_year=2028),
    PipelineProject("智能装备扩产", investment=12.5, full_output=20.0, first_year=2027),
)
TARGETS = (
    Target("2030年增加值达到2100亿元", "level", 2030, 2100.0),
    Target("2027年增速7%", "growth_year", 2027, 7.0),
    Target("2025—2030年年均增长6.5%", "growth_avg", 2030, 6.5, from_year=2025),
    Target("2030年营业收入7000亿元", "revenue", 2030, 7000.0),
)
SAVED, RENAMED = "全要素情景", "全要素情景（终稿）"
SCENARIO = make_scenario(LEVERS).with_projects(PROJECTS).with_targets(TARGETS)


@pytest.fixture(scope="module")
def expected() -> dict[str, float]:
    """The model's own numbers for the scenario, the reference every view must show."""
    now = headline(project(SCENARIO))
    assert now["policy_va"] != 0 and now["ti_policy_va"] > 0  # the levers do change something
    return now


def figure(value: float) -> str:
    """A money figure as every page, deck and sheet prints it (one decimal, thousands separated)."""
    return f"{value:,.1f}"


def deck_text(data: bytes) -> str:
    return "\n".join(slide_text(slide) for slide in Presentation(io.BytesIO(data)).slides)


@pytest.mark.parametrize("lang", LANGS)
def test_one_scenario_through_every_view_of_the_page(db_url: str, lang: str, monkeypatch, expected) -> None:
    library = ScenarioLibrary(db_url)
    library.save(SAVED, SCENARIO)
    library.rename(SAVED, RENAMED)
    assert library.get(RENAMED).scenario == SCENARIO  # the library keeps it whole under its new name

    files = deferred_files(monkeypatch)
    at = run_page({"lang": lang}, tab="tab_library", lang=lang)
    at.button(key="load_saved").click()
    run(at)
    shown = [m.value for m in at.metric]
    assert figure(expected["va_total"]) in shown and figure(expected["policy_va"]) in shown

    for tab in ("tab_scenario", "tab_table", "tab_analysis", "tab_history", "tab_library", "tab_sources"):
        at.session_state["tab"] = TEXT[tab][lang]
        run(at)  # every tab draws without an error, with the scenario loaded
        assert figure(expected["va_total"]) in [m.value for m in at.metric]

    at.session_state["tab"] = TEXT["tab_scenario"][lang]
    run(at)
    page_deck = deck_text(download(at, files, "deck_current"))
    assert RENAMED in page_deck  # the deck names it as the library does
    assert figure(expected["va_total"]) in page_deck and figure(expected["policy_va"]) in page_deck
    page_csv = csv_to_frame(download(at, files, "download_csv"))
    assert page_csv["va_total"].iloc[-1] == pytest.approx(expected["va_total"], abs=1e-9)
    assert page_csv["policy_va"].iloc[-1] == pytest.approx(expected["policy_va"], abs=1e-9)

    at.query_params["mode"] = "present"  # presentation mode: no error, the same figure
    run(at)
    said = " ".join(str(m.value) for m in at.markdown) + " ".join(m.value for m in at.metric)
    assert figure(expected["va_total"]) in said


@pytest.mark.parametrize("lang", LANGS)
def test_one_scenario_through_every_file(tmp_path: Path, cli, lang: str, expected) -> None:
    item = NamedScenario(RENAMED, SCENARIO)
    last = int(expected["final_year"])

    frame = read_long_csv(long_csv(compute_results([item]), lang))
    row = frame.loc[frame["year"] == last].iloc[0]
    assert (row["va_total"], row["policy_va"], row["revenue"]) == pytest.approx(
        (expected["va_total"], expected["policy_va"], expected["revenue"]), abs=1e-9
    )

    [doc] = json.loads(results_json(compute_results([item])))
    assert doc["name"] == RENAMED and len(doc["projects"]) == 2 and len(doc["targets"]) == 4
    assert doc["results"][-1]["va_total"] == pytest.approx(expected["va_total"], abs=1e-9)

    book = read_workbook(workbook_xlsx(compute_results([item]), lang))["results"]
    assert book.loc[book["year"] == last, "va_total"].iloc[0] == pytest.approx(expected["va_total"], abs=1e-9)
    assert book["scenario"].iloc[0] == RENAMED

    scenario_file = tmp_path / "scenario.json"
    scenario_file.write_bytes(scenarios_json([item]))
    done = cli("project", "--scenario", str(scenario_file))
    assert done.returncode == 0, done.stderr
    printed = csv_to_frame(done.stdout)
    assert printed["va_total"].iloc[-1] == pytest.approx(expected["va_total"], abs=1e-9)
    assert printed["ti_policy_va"].iloc[-1] == pytest.approx(expected["ti_policy_va"], abs=1e-9)

    deck = tmp_path / "brief.pptx"
    done = cli("brief", "--scenario", str(scenario_file), "--lang", lang, "--out", str(deck))
    assert done.returncode == 0, done.stderr
    said = deck_text(deck.read_bytes())
    assert RENAMED in said and figure(expected["va_total"]) in said and figure(expected["policy_va"]) in said

    book_file = tmp_path / "book.xlsx"
    done = cli("workbook", "--scenario", str(scenario_file), "--lang", lang, "--out", str(book_file))
    assert done.returncode == 0, done.stderr
    sheet = read_workbook(book_file.read_bytes())["results"]
    assert sheet.loc[sheet["year"] == last, "va_total"].iloc[0] == pytest.approx(expected["va_total"], abs=1e-9)
