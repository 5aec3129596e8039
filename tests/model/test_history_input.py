"""Official figures a user adds (MODEL.md version 3, "History"): ``--history FILE`` on every command
that computes, each kind of bad row refused with one line naming the row and the field (exit 2),
and version 1 and 2 scenario files read with notices of what changed meaning."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from clikit import run_cli

from model.compat import upgrade_v2
from model.history import HISTORY_COLUMNS, PERIOD_MONTHS, History, load_history, parse_history_rows, read_history_file
from model.lang import LANGS
from model.parameters import ScenarioError, default_scenario, load_parameters
from model.projection import effective_years, project
from model.results import compute_results
from model.scenario_file import load_presets, parse_scenario_bytes
from report.problems import say
from tests.readers import csv_to_frame


def row(**values: str) -> dict[str, str]:
    base = {
        "year": "2026",
        "region": "dezhou",
        "metric": "va_growth_pct",
        "value": "6.0",
        "period": "Jan-Sep",
        "publication": "《德州市统计月报》",
        "publication_en": "Dezhou statistical monthly",
        "date": "2026-10-20",
        "url": "",
        "quote_zh": "前三季度，全市规模以上工业增加值同比增长6.0%。",
        "confidence": "high",
        "note_zh": "",
        "note_en": "",
        "quote_translation_zh": "",
    }
    return {**base, **values}


def history_csv(path: Path, *rows: dict[str, str]) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(HISTORY_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# parse_history_rows


def test_periods_are_those_model_md_lists():
    assert PERIOD_MONTHS["full-year"] == 12 and PERIOD_MONTHS["Q1"] == 3 and PERIOD_MONTHS["H1"] == 6
    assert [PERIOD_MONTHS[f"Jan-{m}"] for m in ("Feb", "May", "Jul", "Nov")] == [2, 5, 7, 11]
    assert len(PERIOD_MONTHS) == 13  # full-year, Q1, H1 and Jan-Feb … Jan-Nov


@pytest.mark.parametrize(
    ("bad", "code", "field"),
    [
        ({"quote_zh": ""}, "history_quote_missing", "quote_zh"),
        ({"publication": "  "}, "history_quote_missing", "publication"),
        ({"period": "Q3"}, "history_period", "period"),
        ({"period": "Jan-Dec"}, "history_period", "period"),
        ({"value": "约6"}, "history_not_number", "value"),
        ({"value": ""}, "history_not_number", "value"),
        ({"year": "二〇二六"}, "history_not_number", "year"),
        ({"year": "2014"}, "history_year", "year"),
        ({"year": "2036"}, "history_year", "year"),
        ({"region": "jinan"}, "history_choice", "region"),
        ({"metric": "gdp"}, "history_choice", "metric"),
        ({"confidence": "sure"}, "history_choice", "confidence"),
    ],
)
def test_each_bad_field_is_named_with_its_line(bad, code, field):
    with pytest.raises(ScenarioError) as e:
        parse_history_rows([row(), row(**bad)], "added.csv")
    [found] = e.value.problems
    assert (found.code, found["field"]) == (code, field)
    assert found.where == (("file", "added.csv"), ("line", 3))  # the header is line 1
    for lang in LANGS:
        assert say(found, lang)


def test_a_good_row_becomes_a_figure():
    history = parse_history_rows([row()], "added.csv")
    [f] = history.figures
    assert (f.year, f.region, f.value, f.period, f.confidence) == (2026, "dezhou", 6.0, "Jan-Sep", "high")


# ---------------------------------------------------------------------------------------------
# --history on the command line


def test_history_file_changes_the_projection(tmp_path):
    path = history_csv(tmp_path / "added.csv", row())
    plain, added = run_cli("project"), run_cli("project", "--history", str(path))
    assert plain.returncode == added.returncode == 0 and added.stderr == b""
    before, after = csv_to_frame(plain.stdout).set_index("year"), csv_to_frame(added.stdout).set_index("year")
    # 2026: Jan–Sep 6.0% (nine months, high): estimated, so P moves from 2026 to 2027
    assert before.loc[2026, "status"] == "projected" and after.loc[2026, "status"] == "estimated"
    assert after.loc[2026, "growth_pct"] == pytest.approx(6.0)
    # va 2026 = va 2025 × 1.06; growth_start (the default, data/parameters.csv) from 2027
    assert after.loc[2026, "va_total"] == pytest.approx(after.loc[2025, "va_total"] * 1.06)
    assert after.loc[2027, "growth_pct"] == pytest.approx(load_parameters()["growth_start"].default)


def test_a_short_partial_or_low_figure_changes_nothing(tmp_path):
    path = history_csv(
        tmp_path / "added.csv",
        row(period="Jan-May", value="1.0"),  # five months: counts for nothing
        row(period="full-year", value="1.0", confidence="low"),  # low: shown, never used
    )
    plain, added = run_cli("project"), run_cli("project", "--history", str(path))
    assert added.returncode == 0 and added.stdout == plain.stdout


def test_a_full_year_figure_publishes_the_year_and_wins_over_the_data(tmp_path):
    # 2024 in the data: Jan–Jul 8.4 (estimated); a full-year 7.0 makes it published
    path = history_csv(tmp_path / "added.csv", row(year="2024", period="full-year", value="7.0", date="2025-03-01"))
    out = csv_to_frame(run_cli("project", "--history", str(path)).stdout).set_index("year")
    assert out.loc[2024, "status"] == "published" and out.loc[2024, "growth_pct"] == pytest.approx(7.0)
    assert out.loc[2024, "va_total"] == pytest.approx(load_parameters()["base_va"].default * 1.07)


@pytest.mark.parametrize(
    "command",
    [
        ["project"],
        ["backtest"],
        ["uncertainty", "--draws", "50"],
        ["sensitivity"],
        ["goal-seek", "--vary", "growth_end", "--target-year", "2030", "--target-va", "2000"],
    ],
)
def test_every_computing_command_takes_history_and_refuses_a_bad_row(tmp_path, command):
    good = history_csv(tmp_path / "good.csv", row())
    done = run_cli(*command, "--history", str(good))
    assert done.returncode in (0, 1), done.stderr.decode()  # goal seek: 1 when not reached
    bad = history_csv(tmp_path / "bad.csv", row(), row(period="Q3"))
    done = run_cli(*command, "--history", str(bad))
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "line 3" in err and "'period'" in err and "Q3" in err


def test_backtest_marks_the_added_estimated_year(tmp_path):
    path = history_csv(tmp_path / "added.csv", row())
    frame = csv_to_frame(run_cli("backtest", "--history", str(path)).stdout)
    last = frame.iloc[-1]
    assert (last["year"], last["status"], last["period"]) == (2026, "estimated", "Jan-Sep")
    # the article's scenario: 8.4% a year; error = 8.4 − 6.0
    assert last["error_pts"] == pytest.approx(2.4)


def test_brief_takes_history(tmp_path):
    bad = history_csv(tmp_path / "bad.csv", row(value="n/a"))
    done = run_cli("brief", "--history", str(bad), "--out", str(tmp_path / "deck.pptx"))
    assert done.returncode == 2 and "'value'" in done.stderr.decode()
    assert not (tmp_path / "deck.pptx").exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "no such file"),
        ("year,region\n2026,dezhou\n", "columns"),
        (b"\xff\xfe", "UTF-8"),
    ],
)
def test_unreadable_history_files(tmp_path, content, said):
    path = tmp_path / "h.csv"
    if content is not None:
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    done = run_cli("project", "--history", str(path))
    assert done.returncode == 2 and said in done.stderr.decode()


def test_read_history_file_keeps_the_rows_in_order(tmp_path):
    path = history_csv(tmp_path / "h.csv", row(value="1"), row(value="2"))
    assert [f.value for f in read_history_file(path).figures] == [1.0, 2.0]


# ---------------------------------------------------------------------------------------------
# The past is fixed: year levers and presets


def test_a_year_lever_in_the_past_gets_a_note(tmp_path):
    done = run_cli("project", "--set", "fund_start=2025")
    assert done.returncode == 0
    # with the shipped figures P = 2026 (2025 published)
    assert "note:" in done.stderr.decode() and "2026 is used" in done.stderr.decode()


def test_no_preset_moves_a_lever_into_the_past():
    for preset in load_presets():
        assert preset.notices == ()
        assert effective_years(preset.scenario) == {}, preset.name
        frame = project(preset.scenario)
        plan = project(default_scenario())
        past = frame["status"] != "projected"
        assert (frame.loc[past, "policy_va"] == 0).all(), preset.name
        assert frame.loc[past, "va_total"].tolist() == plan.loc[past, "va_total"].tolist(), preset.name


# ---------------------------------------------------------------------------------------------
# Version 2 files


def test_a_version_2_file_loads_with_notices():
    doc = {
        "model_version": 2,
        "name": "旧版",
        "parameters": {"ti_growth": 20, "fund_paid_in": 1.0, "fund_start": 2025},
        "results": [{"year": 2023, "observed": 0}],
    }
    [named] = parse_scenario_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    assert named.scenario.ti_growth == 20 and named.scenario.fund_start == 2025  # values kept
    codes = {n.code: n for n in named.notices}
    assert set(codes) == {"v2_new_parameters", "v2_ti_scored", "v2_levers_from_p", "v2_status_column"}
    assert codes["v2_new_parameters"].key == "base_revenue,revenue_drift"
    assert codes["v2_levers_from_p"].key == "fund_paid_in,fund_start"
    for notice in named.notices:
        assert say(notice.problem(), "zh") and say(notice.problem(), "en")


def test_a_version_2_file_at_the_plan_only_names_the_new_parameters():
    _, notices = upgrade_v2({"growth_start": 9.0})
    assert [n.code for n in notices] == ["v2_new_parameters"]


def test_a_version_2_file_with_a_bad_key_is_still_refused():
    doc = {"model_version": 2, "parameters": {"fund_sise": 3}}
    with pytest.raises(ScenarioError):
        parse_scenario_bytes(json.dumps(doc).encode())


def test_the_command_line_names_what_changed_in_a_v2_file(tmp_path):
    path = tmp_path / "v2.json"
    path.write_text(json.dumps({"model_version": 2, "parameters": {"ti_growth": 20}}), encoding="utf-8")
    done = run_cli("project", "--scenario", str(path))
    assert done.returncode == 0
    notes = [line for line in done.stderr.decode().splitlines() if line.startswith("note:")]
    assert any("Version 2 scenarios do not have" in line for line in notes), notes
    assert any("technical-transformation channel" in line for line in notes), notes


def test_history_is_empty_without_figures():
    assert History(()).first_projected("dezhou", 2030) == 2024


# ---------------------------------------------------------------------------------------------
# Status in words in the files for people, codes in the files for programs


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["基年", "估算（1—7月）", "已公布", "推算"]),
        ("en", ["Base year", "Estimated (Jan–Jul)", "Published", "Projected"]),
    ],
)
def test_status_is_written_in_words_for_people(lang, words):
    from model.scenario_file import NamedScenario
    from report.csv_export import frame_to_csv
    from report.scenario_exports import workbook_xlsx
    from report.sheets import SHEET_NAMES

    # the shipped figures: 2024 estimated from January–July, 2025 published, 2026 on projected
    frame = project(default_scenario())
    assert frame["status"].tolist()[:4] == ["base", "estimated", "published", "projected"]
    labelled = list(csv.reader(io.StringIO(frame_to_csv(frame, lang, load_history()).decode("utf-8-sig"))))
    assert [r[1] for r in labelled[1:5]] == words
    keys = list(csv.reader(io.StringIO(frame_to_csv(frame, lang=None).decode("utf-8-sig"))))
    assert [r[1] for r in keys[1:5]] == ["base", "estimated", "published", "projected"]
    import openpyxl

    book = openpyxl.load_workbook(
        io.BytesIO(workbook_xlsx(compute_results([NamedScenario("基准", default_scenario())]), lang=lang))
    )
    sheet = book[SHEET_NAMES["results"][lang]]
    header = [c.value for c in sheet[2]]
    column = header.index("status")
    assert [sheet.cell(row=r, column=column + 1).value for r in range(3, 7)] == words
