"""The command line, run as a user runs it: ``python -m model`` in a subprocess from the repo root.

Model version 2. Expected values are worked out by hand from docs/model.md, never copied from the output."""

from __future__ import annotations

import functools
import json
import math
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from model.analysis import PROBABILITY_COLUMNS, target_probabilities
from model.backtest import BACKTEST_COLUMNS, backtest
from model.parameters import Target, default_scenario, load_parameters
from report.problems import parameter_name
from tests.clikit import run_cli
from tests.modelkit import ECONOMY
from tests.readers import csv_to_frame

SPECS = load_parameters()

ROOT = Path(__file__).resolve().parents[2]
# MODEL.md v3's parameter table, in its order.
ALL_KEYS = [
    "horizon_end",
    "use_observed",
    "base_va",
    "base_revenue",
    "revenue_drift",
    "growth_start",
    "growth_end",
    "province_growth",
    "ti_growth",
    "ti_effect",
    "fund_size",
    "fund_paid_in",
    "fund_leverage",
    "fund_start",
    "fund_deploy_years",
    "output_per_investment",
    "value_added_rate",
    "build_years",
    "ramp_years",
    "additionality",
    "phase1_on",
    "phase1_start",
    "phase2_on",
    "phase2_start",
]
# docs/model.md's kind column.
CHOICES = ["horizon_end", "use_observed"]
LEVERS = [
    "ti_growth",
    "fund_size",
    "fund_paid_in",
    "fund_leverage",
    "fund_start",
    "fund_deploy_years",
    "phase1_on",
    "phase1_start",
    "phase2_on",
    "phase2_start",
]
# docs/model.md, "Equations", in its order.
RESULT_HEADER = (
    "year,status,growth_pct,va_baseline,fund_investment,fund_capital,mobilized_investment,"
    "cum_fund_investment,project_investment,fund_output,project_output,newcap_va,plan_newcap_va,"
    "ti_policy_va,capacity_policy_va,policy_va,va_total,growth_total_pct,revenue,va_index,ti_index,province_index"
)


@pytest.fixture(scope="session")
def ok(cli) -> Callable[..., bytes]:
    """``ok(*args)``: the command's standard output, once it succeeded with nothing on standard error."""

    def run(*args: str) -> bytes:
        done = cli(*args)
        assert done.returncode == 0, done.stderr.decode()
        assert done.stderr == b""
        return done.stdout

    return run


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# ---------------------------------------------------------------------------------------------
# project


@pytest.fixture(scope="module")
def default_csv(ok) -> bytes:
    return ok("project")


# The worked check of tests/model/test_projection.py with the funds doubled, through the command line.
# Economy: base_va 1000, growth 10 then 10, output per yuan 1, value-added rate 0.2, build 1, ramp 2,
# additionality 0.5, every year projected. Levers at the plan (paid-in 0.4, leverage 4.2, 4 years
# from 2024, phases from 2025 and 2027) except fund_size 70 (the plan's is 35).
WORKED = [
    *("--set", "use_observed=false", "--set", "base_va=1000", "--set", "growth_start=10"),
    *("--set", "growth_end=10", "--set", "output_per_investment=1", "--set", "value_added_rate=0.2"),
    *("--set", "build_years=1", "--set", "ramp_years=2", "--set", "additionality=0.5"),
    *("--set", "horizon_end=2027", "--set", "fund_size=70"),
]


@pytest.fixture(scope="module")
def worked_csv(ok) -> bytes:
    return ok("project", *WORKED)


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        # baseline 1000 × 1.1 a year
        ("va_baseline", [1000, 1100, 1210, 1331, 1464.1]),
        # 70 × 0.4 × 4.2 / 4 = 29.4 a year in 2024–2027; own money 70 × 0.4 / 4 = 7; the rest 22.4
        ("fund_investment", [0, 29.4, 29.4, 29.4, 29.4]),
        ("fund_capital", [0, 7, 7, 7, 7]),
        ("mobilized_investment", [0, 22.4, 22.4, 22.4, 22.4]),
        ("cum_fund_investment", [0, 29.4, 58.8, 88.2, 117.6]),
        # each cohort produces from the next year, half then full: 14.7; 29.4 + 14.7; 2 × 29.4 + 14.7
        ("fund_output", [0, 0, 14.7, 44.1, 73.5]),
        # phase 1 (22 a year) from 2025, phase 2 (35.2) from 2027, half in the first year
        ("project_output", [0, 0, 11, 22, 39.6]),
        ("newcap_va", [0, 0, 0.2 * 25.7, 0.2 * 66.1, 0.2 * 113.1]),
        # the plan's funds (35) produce half as much: 7.35, 22.05, 36.75
        ("plan_newcap_va", [0, 0, 0.2 * 18.35, 0.2 * 44.05, 0.2 * 76.35]),
        # 0.5 × 0.2 × (14.7 − 7.35, 44.1 − 22.05, 73.5 − 36.75)
        ("policy_va", [0, 0, 0.735, 2.205, 3.675]),
        ("capacity_policy_va", [0, 0, 0.735, 2.205, 3.675]),
        ("ti_policy_va", [0, 0, 0, 0, 0]),
        ("va_total", [1000, 1100, 1210.735, 1333.205, 1467.775]),
    ],
)
def test_project_csv_reproduces_worked_check(worked_csv, column, expected):
    frame = csv_to_frame(worked_csv)
    assert frame[column].tolist() == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_project_csv_statuses_with_use_observed_off(worked_csv):
    assert csv_to_frame(worked_csv)["status"].tolist() == ["base"] + ["projected"] * 4


def test_project_csv_header_is_model_md_result_table(default_csv, worked_csv):
    for data in (default_csv, worked_csv):
        assert data.startswith(b"\xef\xbb\xbf")
        assert data[3:].decode("utf-8").splitlines()[0] == RESULT_HEADER


def test_project_default_csv_shape(default_csv):
    frame = csv_to_frame(default_csv)
    assert frame["year"].tolist() == list(range(2023, 2031))
    assert math.isnan(frame.loc[0, "growth_total_pct"]) and math.isnan(frame.loc[0, "growth_pct"])
    # With every lever at its default the article's plan is the baseline: nothing changes.
    assert (frame["policy_va"] == 0).all()
    assert frame["va_total"].tolist() == frame["va_baseline"].tolist()


def test_set_overrides(ok):
    out = ok(
        "project",
        *("--set", "growth_start=10", "--set", "growth_end=4", "--set", "horizon_end=2026"),
        *("--set", "use_observed=false", "--set", "base_va=1500"),
    )
    frame = csv_to_frame(out)
    assert frame["year"].tolist() == [2023, 2024, 2025, 2026]
    # linear from 10 (2024) to 4 (2026); 技改 at the plan adds nothing
    assert frame["growth_pct"].tolist()[1:] == pytest.approx([10, 7, 4])
    assert frame["va_baseline"].tolist()[1] == pytest.approx(1650)  # 1500 × 1.1


def test_set_boolean(ok):
    frame = csv_to_frame(ok("project", "--set", "phase1_on=false", "--set", "phase2_on=false"))
    assert (frame["project_output"] == 0).all()


def test_json_has_name_version_parameters_targets_results(ok):
    doc = json.loads(ok("project", "--format", "json", "--set", "fund_size=70"))
    assert set(doc) == {"name", "model_version", "parameters", "targets", "results"}
    assert doc["model_version"] == 3
    assert list(doc["parameters"]) == ALL_KEYS
    assert doc["parameters"]["fund_size"] == 70
    assert doc["targets"] == []
    assert len(doc["results"]) == 8
    first, second = doc["results"][0], doc["results"][1]
    assert first["year"] == 2023
    assert first["growth_total_pct"] is None
    # With the shipped figures 2024 is estimated and 2025 published, so P = 2026: before it the plan
    # invested 35 × paid-in × leverage / 4 a year (the past is fixed); from it the rest of
    # 70 × paid-in × leverage in the two years left of the window (2026, 2027)
    assert [r["status"] for r in doc["results"][:4]] == ["base", "estimated", "published", "projected"]
    paid_in, leverage = doc["parameters"]["fund_paid_in"], doc["parameters"]["fund_leverage"]
    assert second["fund_investment"] == pytest.approx(35 * paid_in * leverage / 4)
    rest = 70 * paid_in * leverage - 2 * 35 * paid_in * leverage / 4
    assert doc["results"][3]["fund_investment"] == pytest.approx(rest / 2)


def test_scenario_file(ok, tmp_path):
    params = {"growth_start": 10, "horizon_end": 2026, "phase1_on": False, "base_va": 1500, "use_observed": False}
    path = write(tmp_path / "s.json", json.dumps({"model_version": 3, "name": "快一点", "parameters": params}))
    doc = json.loads(ok("project", "--scenario", str(path), "--format", "json"))
    assert doc["name"] == "快一点"
    assert doc["parameters"]["growth_start"] == 10
    assert doc["parameters"]["phase1_on"] is False
    assert [r["year"] for r in doc["results"]] == [2023, 2024, 2025, 2026]
    assert doc["results"][1]["va_baseline"] == pytest.approx(1650)  # 1500 × 1.1


def test_set_applies_on_top_of_scenario_file(ok, tmp_path):
    path = write(
        tmp_path / "s.json", json.dumps({"model_version": 3, "parameters": {"growth_start": 10, "horizon_end": 2026}})
    )
    doc = json.loads(ok("project", "--scenario", str(path), "--set", "growth_start=5", "--format", "json"))
    assert doc["parameters"]["growth_start"] == 5
    assert doc["parameters"]["horizon_end"] == 2026


def test_json_output_is_a_scenario_file(ok, tmp_path):
    first = ok("project", "--format", "json", "--set", "ramp_years=3")
    path = write(tmp_path / "again.json", first)
    assert ok("project", "--format", "json", "--scenario", str(path)) == first


def test_out_writes_the_file(ok, tmp_path, default_csv):
    target = tmp_path / "result.csv"
    assert ok("project", "--out", str(target)) == b""
    assert target.read_bytes() == default_csv
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


# ---------------------------------------------------------------------------------------------
# Bad input: status 2, one line "error: ..." naming the problem (a parameter by its English label and
# unit, as report.problems.say says it on the page), no traceback, no output file

NON_UTF8 = '{"parameters": {"growth_start": 9}, "name": "d\xe9j\xe0"}'.encode("latin-1")

BAD_ARGS = [
    # id, extra arguments, scenario file content (or None), fragments the error names
    ("unknown key", ["--set", "growth=9"], None, ["'growth'", "not a parameter of this model"]),
    ("not a number", ["--set", "growth_start=fast"], None, ["growth_start", "fast", "not a number"]),
    ("nan", ["--set", "growth_start=nan"], None, ["growth_start", "not a finite number"]),
    ("inf", ["--set", "base_va=inf"], None, ["base_va", "not a finite number"]),
    ("out of range", ["--set", "horizon_end=2040"], None, ["horizon_end", "2040", "from 2025 to 2035"]),
    ("not a year", ["--set", "fund_start=2024.5"], None, ["fund_start", "whole number"]),
    ("bad boolean", ["--set", "phase1_on=yes"], None, ["phase1_on", "true or false"]),
    ("malformed set", ["--set", "growth_start"], None, ["--set", "KEY=VALUE"]),
    ("bad json", [], '{"parameters": {"growth_start": 9,}}', ["not valid JSON"]),
    ("missing file", ["--scenario", "no/such/file.json"], None, ["no/such/file.json", "no such file"]),
    # A version 2 file with a key it does not know is an error (a version 1 file's gets a notice).
    (
        "file unknown key",
        [],
        '{"model_version": 2, "parameters": {"growht_start": 9}}',
        ["'growht_start'", "not a parameter of this model"],
    ),
    ("file unsupported version", [], '{"model_version": 4, "parameters": {}}', ["Model version: 4 is not supported"]),
    (
        "file wrong type",
        [],
        '{"parameters": {"growth_start": "8.4"}}',
        ["growth_start", "'8.4'", "not a number"],
    ),
    ("file NaN", [], '{"parameters": {"growth_start": NaN}}', ["NaN is not allowed"]),
    ("file not UTF-8", [], NON_UTF8, ["not UTF-8"]),
    ("file out of range", [], '{"parameters": {"ramp_years": 0}}', ["ramp_years", "out of range"]),
    ("file not an object", [], "[1, 2]", ["must be an object"]),
    ("out into missing folder", ["--out", "{tmp}/missing/result.csv"], None, ["--out", "does not exist"]),
    ("unknown format", ["--format", "xlsx"], None, ["--format", "xlsx"]),
]


def run_bad(cli, folder: Path, extra: list[str], content: str | None) -> subprocess.CompletedProcess[bytes]:
    """``project`` with a bad-input case's arguments, its files in ``folder``."""
    args = ["project", *(a.replace("{tmp}", str(folder)) for a in extra)]
    if content is not None:
        args += ["--scenario", str(write(folder / "scenario.json", content))]
    if "--out" not in args:
        (folder / "out").mkdir()
        args += ["--out", str(folder / "out" / "result.csv")]
    return cli(*args)


@pytest.mark.parametrize(("case", "fragments"), [(c[0], c[3]) for c in BAD_ARGS], ids=[c[0] for c in BAD_ARGS])
def test_bad_input(cli, tmp_path, case, fragments):
    [(_, extra, content, _)] = [c for c in BAD_ARGS if c[0] == case]
    folder = tmp_path
    done = run_bad(cli, folder, extra, content)
    assert done.returncode == 2
    assert done.stdout == b""
    stderr = done.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error:")
    for fragment in fragments:
        if fragment in SPECS:  # a parameter: by its label and unit, never by its key
            assert f"{parameter_name(SPECS[fragment], 'en')}: " in lines[0], lines[0]
            assert fragment not in lines[0], lines[0]
        else:
            assert fragment in lines[0], (fragment, lines[0])
    left = {p.relative_to(folder).as_posix() for p in folder.rglob("*")} - {"scenario.json"}
    assert left <= {"out"}, left  # no output file, no half-written or temporary file


def test_a_command_gives_the_same_bytes_in_this_interpreter_and_as_a_process(tmp_path):
    """The runner of these tests calls the command line in the test's interpreter (tests/clikit.py):
    a real ``python -m model`` gives the same exit code, output and messages, for a result on
    standard output, an error, a note, the help and a file written."""
    scenario = write(tmp_path / "s.json", json.dumps({"fund_size": 80, "unknown_key": 1}))
    for args in (
        ["project", "--set", "fund_size=80"],
        ["project", "--set", "growth_start=99"],
        ["project", "--scenario", str(scenario)],
        ["--help"],
        ["goal-seek", "--vary", "growth_end", "--target-year", "2030", "--target-va", "2100"],
    ):
        here, process = run_cli(*args), run_cli(*args, process=True)
        assert (here.returncode, here.stdout, here.stderr) == (process.returncode, process.stdout, process.stderr)
    for runner, name in ((run_cli, "here.csv"), (functools.partial(run_cli, process=True), "process.csv")):
        assert runner("project", "--set", "fund_size=80", "--out", str(tmp_path / name)).returncode == 0
    assert (tmp_path / "here.csv").read_bytes() == (tmp_path / "process.csv").read_bytes()


def test_bad_input_without_out_prints_nothing(cli):
    done = cli("project", "--set", "growth_start=99")
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().startswith("error: Trend growth, first projected year (%): '99' is out of range")


# ---------------------------------------------------------------------------------------------
# parameters


@pytest.fixture(scope="module")
def table_lines(ok) -> list[str]:
    return ok("parameters").decode("utf-8").splitlines()


TITLES = {"Policy levers:": LEVERS, "Assumptions about the economy:": ECONOMY, "Choices:": CHOICES}


def test_parameters_table_lists_levers_then_economy_then_choices(table_lines):
    # Each kind: its title, a header line, then one line per key (docs/model.md's kind column); a blank
    # line between kinds.
    titles = [line for line in table_lines if line.endswith(":") and not line.startswith(" ")]
    assert titles == list(TITLES)
    under: dict[str, list[str]] = {}
    current = None
    for line in table_lines:
        if line in TITLES:
            current = line
            under[current] = []
        elif line.strip() and line.split()[0] != "key":
            under[current].append(line.split()[0])
    assert under == TITLES
    assert len(table_lines) == len(ALL_KEYS) + 2 * len(TITLES) + len(TITLES) - 1


@pytest.mark.parametrize(
    ("key", "fragments"),
    [
        ("growth_start", ["7.5", "-10–25", "%", "external", "Trend growth"]),
        ("fund_size", ["35", "0–1000", "100 million yuan", "article", "Committed size"]),
        ("ti_growth", ["16.1", "-30–50", "%", "article"]),
        ("ti_effect", ["0–0.5", "pt per pt"]),
        ("fund_paid_in", ["0.2–1", "share"]),
        ("additionality", ["0–1", "share", "Additionality"]),
        ("value_added_rate", ["0.05–0.6", "share"]),
        ("horizon_end", ["2030", "2025–2035", "year", "assumption"]),
        ("use_observed", ["true", "true/false"]),
        ("phase2_on", ["true", "true/false", "article"]),
    ],
)
def test_parameters_table_rows(table_lines, key, fragments):
    row = next(line for line in table_lines if line.split()[:1] == [key])
    for fragment in fragments:
        assert fragment in row, (fragment, row)


def test_parameters_json(ok):
    rows = json.loads(ok("parameters", "--format", "json"))
    assert [r["key"] for r in rows] == LEVERS + ECONOMY + CHOICES
    by_key = {r["key"]: r for r in rows}
    for r in rows:
        assert {"unit", "default", "min", "max", "provenance", "role"} <= set(r)
        assert r["role"] == ("lever" if r["key"] in LEVERS else "economy" if r["key"] in ECONOMY else "choice")
    ti = by_key["ti_growth"]
    assert (ti["unit"], float(ti["min"]), float(ti["max"]), ti["provenance"]) == ("%", -30, 50, "article")
    assert float(ti["default"]) == 16.1
    assert "16.1%" in ti["source"]
    fl = by_key["fund_leverage"]
    assert (fl["unit"], float(fl["min"]), float(fl["max"])) == ("×", 1, 10)
    assert fl["provenance"] in ("external", "assumption")
    assert fl["why"]  # says which ratio the sources mean
    assert by_key["use_observed"]["default"] is True


def test_parameters_csv(ok):
    text = ok("parameters", "--format", "csv").decode("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("key,role,")
    assert len(lines) == 1 + len(ALL_KEYS)


# ---------------------------------------------------------------------------------------------
# backtest


def test_backtest_prints_its_csv(ok):
    done = ok("backtest")
    assert done.startswith(b"\xef\xbb\xbf")
    header = done[3:].decode("utf-8").splitlines()[0]
    assert header == "year,status,period,official_pct,projected_pct,error_pts,publication,date,confidence"
    assert tuple(header.split(",")) == BACKTEST_COLUMNS
    frame = csv_to_frame(done)
    assert frame["year"].tolist() == backtest(lang="zh")["year"].tolist()
    # every published year, then, marked apart, every estimated one
    assert set(frame["status"]) <= {"published", "estimated"}
    statuses = frame["status"].tolist()
    assert statuses == sorted(statuses, key=lambda s: s != "published")
    for row in frame.itertuples():
        assert row.year >= 2024 and row.confidence in ("high", "medium")
        # the article's scenario: 8.4% a year with 技改 at the plan and levers at their defaults
        assert row.projected_pct == pytest.approx(8.4)
        assert row.error_pts == pytest.approx(row.projected_pct - row.official_pct)


def test_backtest_json(ok):
    doc = json.loads(ok("backtest", "--format", "json"))
    assert "use_observed off" in doc["scenario"]
    assert [r["year"] for r in doc["rows"]] == backtest(lang="zh")["year"].tolist()


# ---------------------------------------------------------------------------------------------
# uncertainty --target


def test_uncertainty_target_prints_probabilities(ok):
    # Far below every draw (1亿 in 2030) is reached by all; 50% a year for 2025–2030 by none.
    out = ok(
        "uncertainty",
        *("--draws", "300", "--seed", "4"),
        *("--target", "level:2030=1", "--target", "growth_avg:2025-2030=50", "--target", "growth_year:2026=-40"),
    )
    assert out[3:].decode("utf-8").splitlines()[0] == "label,metric,year,value,probability"
    frame = csv_to_frame(out)
    assert tuple(frame.columns) == PROBABILITY_COLUMNS
    mine = frame[frame["label"].str.contains("=")].reset_index(drop=True)  # after the official ones
    assert mine["label"].tolist() == ["level:2030=1", "growth_avg:2025-2030=50", "growth_year:2026=-40"]
    assert mine["metric"].tolist() == ["level", "growth_avg", "growth_year"]
    assert mine["year"].tolist() == [2030, 2030, 2026]
    assert mine["value"].tolist() == [1.0, 50.0, -40.0]
    assert mine["probability"].tolist() == [1.0, 0.0, 1.0]


def test_uncertainty_target_matches_the_function(ok):
    out = ok("uncertainty", "--draws", "400", "--seed", "9", "--target", "level:2030=1900")
    frame = csv_to_frame(out)
    row = frame[frame["label"] == "level:2030=1900"].iloc[0]
    expected = target_probabilities(
        default_scenario(), [Target("level:2030=1900", "level", 2030, 1900.0)], draws=400, seed=9
    )
    assert row["probability"] == expected["probability"].iloc[0]
    assert 0 < row["probability"] < 1


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        ("level:2030", "--target"),  # no value
        ("level2030=5", "--target"),  # no metric
        ("speed:2030=5", "Kind of target: 'speed'; allowed: level of value added"),
        ("level:2029-2030=5", "--target"),  # a span only for growth_avg
        ("growth_avg:2030-2025=5", "From year: 2030; allowed: a year before 2025"),  # from after to
        ("growth_year:2023=5", "year"),  # before the first projected year
        ("level:2040=5", "year"),  # beyond 2035
        ("level:2031=5", "after the scenario's last year, 2030"),  # beyond this scenario's horizon
        ("level:2030=abc", "--target"),
        ("level:2030=-5", "Target value (100 million yuan): -5 is out of range"),
        ("growth_year:2026=nan", "Target value (%): NaN is out of range"),
    ],
)
def test_uncertainty_bad_target_exit_2_one_line(cli, spec, fragment):
    done = cli("uncertainty", "--draws", "50", "--target", spec)
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in lines[0]
