"""Projects a user adds to the pipeline: the model, the files, the library and the page.

Model version 2: an added project is not in the article's plan, so all of it is a change against the
plan, counted at additionality × value_added_rate of its output, in projected years only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pagekit import run_page, shown

from model.history import Figure, History
from model.lang import LANGS
from model.parameters import PipelineProject, ScenarioError, default_scenario, parse_projects
from model.projection import headline, project
from model.results import compute_results
from model.scenario_file import NamedScenario, parse_scenario_bytes
from report.csv_export import result_json
from report.problems import say
from report.scenario_exports import scenarios_json, workbook_xlsx
from report.text import TEXT
from store.library import ScenarioLibrary
from tests.readers import csv_to_frame, read_workbook

REPO = Path(__file__).resolve().parents[2]
PLANT = PipelineProject(name="新材料工厂", investment=40.0, full_output=60.0, first_year=2026, included=True)
WITH_PLANT = default_scenario().with_projects((PLANT,))
# Every year projected, round economy figures: the plant's value added is 0.5 × 0.2 = 0.1 of its output.
COUNTED = default_scenario().replace(
    {"use_observed": False, "additionality": 0.5, "value_added_rate": 0.2, "ramp_years": 2, "build_years": 1}
)
EMPTY = History(())


def official(year: int, value: float) -> Figure:
    return Figure(
        year, "dezhou", "va_growth_pct", value, "full-year", "《测试》", "Test", f"{year + 1}-01-20", "", "句", "high"
    )


@pytest.mark.parametrize(
    ("year", "share"),
    [(2025, 0.0), (2026, 0.5), (2027, 1.0), (2030, 1.0)],  # ramp_years = 2, first output 2026
)
def test_added_project_ramps_like_a_named_one(year: int, share: float) -> None:
    base, more = project(COUNTED, history=EMPTY), project(COUNTED.with_projects((PLANT,)), history=EMPTY)
    row = year - 2023
    # output 60 × share; new capacity's value added 0.2 × that; the change 0.5 × 0.2 × that = 6 × share
    assert more["project_output"][row] - base["project_output"][row] == pytest.approx(60.0 * share)
    assert more["newcap_va"][row] - base["newcap_va"][row] == pytest.approx(0.2 * 60.0 * share)
    assert more["plan_newcap_va"][row] == pytest.approx(base["plan_newcap_va"][row])  # not in the plan
    assert more["policy_va"][row] == pytest.approx(6.0 * share)
    assert more["va_total"][row] - base["va_total"][row] == pytest.approx(6.0 * share)


def test_added_project_is_invested_the_build_years_before_its_first_output() -> None:
    base, more = project(COUNTED, history=EMPTY), project(COUNTED.with_projects((PLANT,)), history=EMPTY)
    # build_years 1, first output 2026: the 40 is invested in 2025
    extra = (more["project_investment"] - base["project_investment"]).tolist()
    assert extra == pytest.approx([0, 0, 40, 0, 0, 0, 0, 0])


def test_added_project_changes_nothing_in_published_years() -> None:
    # 2024–2026 published, P = 2027: a plant asked to start in 2026 cannot have started in the past
    # (it is not in the plan), so it starts in P: nothing changes up to 2026.
    history = History((official(2024, 8.0), official(2025, 7.0), official(2026, 6.0)))
    scenario = COUNTED.replace({"use_observed": True})
    base, more = project(scenario, history=history), project(scenario.with_projects((PLANT,)), history=history)
    assert more["status"].tolist() == ["base"] + ["published"] * 3 + ["projected"] * 4
    assert more["project_output"][3] == base["project_output"][3]
    assert more["policy_va"][3] == 0 and more["va_total"][3] == base["va_total"][3]
    # from 2027 (P) it ramps: 60 × ½ = 30, then 60: 0.5 × 0.2 × 30 = 3, then 0.5 × 0.2 × 60 = 6
    assert more["project_output"][4] - base["project_output"][4] == pytest.approx(30.0)
    assert more["va_total"][4] - base["va_total"][4] == pytest.approx(3.0)
    assert more["va_total"][5] - base["va_total"][5] == pytest.approx(6.0)


def test_excluded_project_adds_nothing() -> None:
    off = default_scenario().with_projects((PipelineProject("x", 40, 60, 2026, included=False),))
    pd.testing.assert_frame_equal(project(off), project(default_scenario()))


@pytest.mark.parametrize(
    ("row", "named"),
    [
        ({"name": "", "investment": 1, "full_output": 1, "first_year": 2026}, "Name is missing"),
        (
            {"name": "a", "investment": -1, "full_output": 1, "first_year": 2026},
            "Investment (100 million yuan): -1 is out of range; allowed: a number from 0 to 10000",
        ),
        (
            {"name": "a", "investment": 1, "full_output": "lots", "first_year": 2026},
            "'lots' is not a number",
        ),
        (
            {"name": "a", "investment": 1, "full_output": 1, "first_year": 2040},
            "First year of output: 2040 is out of range; allowed: a whole number from 2024 to 2035",
        ),
        ({"name": "a", "investment": 1, "full_output": 1, "first_year": 2026.5}, "2026.5 is not a whole number"),
        ({"name": "a", "investment": 1, "full_output": 1}, "First year of output is missing"),
        ({"name": "a", "investment": 1, "full_output": 1, "first_year": 2026, "included": "yes"}, "Included: 'yes'"),
        ({"name": "a", "investment": 1, "full_output": 1, "first_year": 2026, "colour": 1}, "'colour': unknown field"),
    ],
)
def test_bad_project_rows_are_named(row: dict, named: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_projects([row])
    said = [say(p, "en") for p in caught.value.problems]
    assert any(s.startswith("project 1, ") or s.startswith("project 1: ") for s in said), said
    assert any(named in s for s in said), said
    for key in ("full_output", "first_year", "investment"):  # labels, never keys
        assert not any(key in s for s in said), said


def test_projects_travel_with_the_scenario_files_and_library(tmp_path) -> None:
    item = NamedScenario("plant", WITH_PLANT)
    (back,) = parse_scenario_bytes(scenarios_json([item]))
    assert back.scenario == WITH_PLANT
    (again,) = parse_scenario_bytes(result_json(project(WITH_PLANT), WITH_PLANT, "plant"))
    assert again.scenario == WITH_PLANT
    library = ScenarioLibrary(f"sqlite:///{tmp_path / 'lib.sqlite'}")
    library.save("plant", WITH_PLANT)
    assert ScenarioLibrary(f"sqlite:///{tmp_path / 'lib.sqlite'}").get("plant").scenario == WITH_PLANT
    sheets = read_workbook(workbook_xlsx(compute_results([item]), "zh"))
    assert sheets["projects"]["name"].tolist() == ["新材料工厂"]
    assert sheets["projects"]["investment"].tolist() == [40.0]


def test_command_line_reads_projects_from_a_scenario_file(tmp_path) -> None:
    path = tmp_path / "plant.json"
    path.write_text(json.dumps({"name": "plant", **WITH_PLANT.to_doc()}, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "model", "project", "--scenario", str(path)], cwd=REPO, capture_output=True, check=True
    )
    assert csv_to_frame(out.stdout)["va_total"].tolist() == project(WITH_PLANT)["va_total"].tolist()


def test_page_counts_added_rows_and_names_bad_ones() -> None:

    rows = [
        PLANT.to_dict(),
        {"name": "bad", "investment": 1.0, "full_output": 1.0, "first_year": 2050, "included": True},
    ]
    at = run_page(tab="tab_table", session={"pipeline_rows": rows})
    expected = headline(project(WITH_PLANT))
    assert at.metric[0].value == f"{expected['va_total']:,.1f}"
    # The row is named: its number, the column's label, the value and what is allowed.
    assert any("第2行，投产年份：2050超出允许范围，应为2024至2035之间的整数。" in shown(w.value) for w in at.warning)
    assert at.session_state["pipeline_rows"][1]["first_year"] == 2050  # what the user typed stays


@pytest.mark.parametrize("lang", LANGS)
def test_project_table_names_a_bad_row_in_the_pages_language_and_adds_rows(lang: str) -> None:
    """Issue 11 item 11: a first year or an amount outside the allowed range is named (label, row,
    value, allowed range) and the row left out until fixed; "add a row" is a labelled button."""

    rows = [{"name": "big", "investment": 12000.0, "full_output": 1.0, "first_year": 2026, "included": True}]
    at = run_page(tab="tab_table", lang=lang, session={"lang": lang, "pipeline_rows": rows})
    warning = shown(" ".join(w.value for w in at.warning))
    expected = {
        "zh": "第1行，投资额（亿元）：12000超出允许范围，应为0至10000之间的数。",
        "en": "row 1, Investment (100 million yuan): 12000 is out of range; allowed: a number from 0 to 10000",
    }[lang]
    assert expected in warning
    assert at.metric[0].value == f"{headline(project(default_scenario()))['va_total']:,.1f}"  # left out
    button = at.button(key="pipeline_add_row")
    assert button.label == TEXT["pipeline_add_row"][lang]
    button.click().run()
    rows = at.session_state["pipeline_rows"]
    assert len(rows) == 2 and rows[0]["investment"] == 12000.0  # what was typed stays


def test_loading_a_saved_scenario_restores_its_projects(db_url: str) -> None:
    ScenarioLibrary(db_url).save("plant", WITH_PLANT)
    at = run_page(tab="tab_library")
    at.button(key="load_saved").click().run()
    assert not at.exception
    assert at.session_state["pipeline_rows"] == [PLANT.to_dict()]
    assert at.metric[0].value == f"{headline(project(WITH_PLANT))['va_total']:,.1f}"
