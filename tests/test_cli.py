"""The command line, run as a user runs it: ``python -m model`` in a subprocess from the repo root."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from model.export import csv_to_frame

ROOT = Path(__file__).resolve().parents[1]
ALL_KEYS = [
    "horizon_end",
    "base_va",
    "growth_start",
    "growth_end",
    "province_growth",
    "ti_growth",
    "fund_size",
    "fund_leverage",
    "fund_start",
    "fund_deploy_years",
    "output_per_investment",
    "value_added_rate",
    "build_years",
    "ramp_years",
    "phase1_on",
    "phase1_start",
    "phase2_on",
    "phase2_start",
]


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], cwd=ROOT, capture_output=True, timeout=60, check=False
    )


def ok(*args: str) -> bytes:
    done = cli(*args)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    return done.stdout


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# ---------------------------------------------------------------------------------------------
# project


@pytest.fixture(scope="module")
def default_csv() -> bytes:
    return ok("project")


@pytest.mark.parametrize(
    ("year", "column", "expected"),
    [
        (2024, "va_trend", 1626.0),
        (2024, "fund_investment", 35.0),
        (2024, "va_total", 1626.0),
        (2025, "fund_output", 19.25),
        (2025, "project_output", 11.0),
        (2025, "fund_va", 4.8125),
        (2025, "project_va", 2.75),
    ],
)
def test_project_default_csv_reproduces_worked_check(default_csv, year, column, expected):
    frame = csv_to_frame(default_csv).set_index("year")
    assert frame.loc[year, column] == pytest.approx(expected, rel=1e-12)


def test_project_default_csv_shape(default_csv):
    assert default_csv.startswith(b"\xef\xbb\xbf")
    frame = csv_to_frame(default_csv)
    assert frame["year"].tolist() == list(range(2023, 2031))
    assert math.isnan(frame.loc[0, "growth_total_pct"])


def test_set_overrides():
    out = ok("project", "--set", "growth_start=10", "--set", "growth_end=4", "--set", "horizon_end=2026")
    frame = csv_to_frame(out)
    assert frame["year"].tolist() == [2023, 2024, 2025, 2026]
    assert frame["growth_trend_pct"].tolist()[1:] == pytest.approx([10, 7, 4])
    assert frame["va_trend"].tolist()[1] == pytest.approx(1650)


def test_set_boolean():
    frame = csv_to_frame(ok("project", "--set", "phase1_on=false", "--set", "phase2_on=false"))
    assert (frame["project_output"] == 0).all()


def test_json_has_name_parameters_results():
    doc = json.loads(ok("project", "--format", "json", "--set", "fund_size=70"))
    assert set(doc) == {"name", "parameters", "results"}
    assert list(doc["parameters"]) == ALL_KEYS
    assert doc["parameters"]["fund_size"] == 70
    assert len(doc["results"]) == 8
    first, second = doc["results"][0], doc["results"][1]
    assert first["year"] == 2023
    assert first["growth_total_pct"] is None
    assert second["fund_investment"] == pytest.approx(70 * 4 / 4)


def test_scenario_file(tmp_path):
    path = write(
        tmp_path / "s.json",
        json.dumps({"name": "快一点", "parameters": {"growth_start": 10, "horizon_end": 2026, "phase1_on": False}}),
    )
    doc = json.loads(ok("project", "--scenario", str(path), "--format", "json"))
    assert doc["name"] == "快一点"
    assert doc["parameters"]["growth_start"] == 10
    assert doc["parameters"]["phase1_on"] is False
    assert [r["year"] for r in doc["results"]] == [2023, 2024, 2025, 2026]
    assert doc["results"][1]["va_trend"] == pytest.approx(1650)


def test_set_applies_on_top_of_scenario_file(tmp_path):
    path = write(tmp_path / "s.json", json.dumps({"parameters": {"growth_start": 10, "horizon_end": 2026}}))
    doc = json.loads(ok("project", "--scenario", str(path), "--set", "growth_start=5", "--format", "json"))
    assert doc["parameters"]["growth_start"] == 5
    assert doc["parameters"]["horizon_end"] == 2026


def test_json_output_is_a_scenario_file(tmp_path):
    first = ok("project", "--format", "json", "--set", "ramp_years=3")
    path = write(tmp_path / "again.json", first)
    assert ok("project", "--format", "json", "--scenario", str(path)) == first


def test_out_writes_the_file(tmp_path, default_csv):
    target = tmp_path / "result.csv"
    assert ok("project", "--out", str(target)) == b""
    assert target.read_bytes() == default_csv
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


# ---------------------------------------------------------------------------------------------
# Bad input: status 2, one line "error: ..." naming the problem, no traceback, no output file

NON_UTF8 = '{"parameters": {"growth_start": 9}, "name": "d\xe9j\xe0"}'.encode("latin-1")

BAD_ARGS = [
    # id, extra arguments, scenario file content (or None), fragments the error names
    ("unknown key", ["--set", "growth=9"], None, ["growth", "unknown parameter"]),
    ("not a number", ["--set", "growth_start=fast"], None, ["growth_start", "fast", "not a number"]),
    ("nan", ["--set", "growth_start=nan"], None, ["growth_start", "not a finite number"]),
    ("inf", ["--set", "base_va=inf"], None, ["base_va", "not a finite number"]),
    ("out of range", ["--set", "horizon_end=2040"], None, ["horizon_end", "2040", "from 2025 to 2035"]),
    ("not a year", ["--set", "fund_start=2024.5"], None, ["fund_start", "whole number"]),
    ("bad boolean", ["--set", "phase1_on=yes"], None, ["phase1_on", "true or false"]),
    ("malformed set", ["--set", "growth_start"], None, ["--set", "KEY=VALUE"]),
    ("bad json", [], '{"parameters": {"growth_start": 9,}}', ["not valid JSON"]),
    ("missing file", ["--scenario", "no/such/file.json"], None, ["no/such/file.json", "no such file"]),
    ("file unknown key", [], '{"parameters": {"growht_start": 9}}', ["growht_start", "unknown parameter"]),
    (
        "file wrong type",
        [],
        '{"parameters": {"growth_start": "8.4"}}',
        ["growth_start", "'8.4'", "not a number"],
    ),
    ("file NaN", [], '{"parameters": {"growth_start": NaN}}', ["not valid JSON", "NaN"]),
    ("file not UTF-8", [], NON_UTF8, ["not UTF-8"]),
    ("file out of range", [], '{"parameters": {"ramp_years": 0}}', ["ramp_years", "out of range"]),
    ("file not an object", [], "[1, 2]", ["JSON object"]),
    ("out into missing folder", ["--out", "{tmp}/missing/result.csv"], None, ["--out", "does not exist"]),
    ("unknown format", ["--format", "xlsx"], None, ["--format", "xlsx"]),
]


@pytest.fixture(scope="module")
def bad_runs(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess[bytes], Path]]:
    """Every bad-input case, run concurrently (each is a fresh interpreter) to keep the suite fast."""

    def one(case: tuple) -> tuple[subprocess.CompletedProcess[bytes], Path]:
        _, extra, content, _ = case
        folder = tmp_path_factory.mktemp("bad")
        args = ["project", *(a.replace("{tmp}", str(folder)) for a in extra)]
        if content is not None:
            args += ["--scenario", str(write(folder / "scenario.json", content))]
        if "--out" not in args:
            (folder / "out").mkdir()
            args += ["--out", str(folder / "out" / "result.csv")]
        return cli(*args), folder

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip([c[0] for c in BAD_ARGS], pool.map(one, BAD_ARGS), strict=True))


@pytest.mark.parametrize(("case", "fragments"), [(c[0], c[3]) for c in BAD_ARGS], ids=[c[0] for c in BAD_ARGS])
def test_bad_input(bad_runs, case, fragments):
    done, folder = bad_runs[case]
    assert done.returncode == 2
    assert done.stdout == b""
    stderr = done.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error:")
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    left = {p.relative_to(folder).as_posix() for p in folder.rglob("*")} - {"scenario.json"}
    assert left <= {"out"}, left  # no output file, no half-written or temporary file


def test_bad_input_without_out_prints_nothing():
    done = cli("project", "--set", "growth_start=99")
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().startswith("error: growth_start")


# ---------------------------------------------------------------------------------------------
# parameters


@pytest.fixture(scope="module")
def table_lines() -> list[str]:
    return ok("parameters").decode("utf-8").splitlines()


def test_parameters_table_lists_every_key(table_lines):
    lines = table_lines
    assert len(lines) == 1 + len(ALL_KEYS)
    assert [line.split()[0] for line in lines[1:]] == ALL_KEYS


@pytest.mark.parametrize(
    ("key", "fragments"),
    [
        ("growth_start", ["8.4", "-10–25", "%", "article", "8.4%"]),
        ("fund_size", ["35", "0–1000", "100 million yuan", "article", "35亿元"]),
        ("value_added_rate", ["0.25", "0.05–0.6", "share", "external", "Input-Output"]),
        ("horizon_end", ["2030", "2025–2035", "year", "assumption"]),
        ("phase2_on", ["true", "true/false", "article"]),
    ],
)
def test_parameters_table_rows(table_lines, key, fragments):
    row = next(line for line in table_lines if line.split()[0] == key)
    for fragment in fragments:
        assert fragment in row, (fragment, row)


def test_parameters_json():
    rows = json.loads(ok("parameters", "--format", "json"))
    assert [r["key"] for r in rows] == ALL_KEYS
    by_key = {r["key"]: r for r in rows}
    for r in rows:
        assert {"unit", "default", "min", "max", "provenance"} <= set(r)
    ti = by_key["ti_growth"]
    assert (ti["unit"], float(ti["min"]), float(ti["max"]), ti["provenance"]) == ("%", -30, 50, "article")
    assert float(ti["default"]) == 16.1
    assert "16.1%" in ti["source"]
    fl = by_key["fund_leverage"]
    assert (fl["unit"], float(fl["default"]), fl["provenance"]) == ("×", 4, "assumption")
    assert fl["source"]  # an assumption says why


def test_parameters_csv():
    text = ok("parameters", "--format", "csv").decode("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("key,")
    assert len(lines) == 1 + len(ALL_KEYS)
