"""Fuzzing every entry point that takes outside input (hypothesis).

- ``python -m model project`` with random ``--set KEY=VALUE`` text and random scenario-file bytes:
  never an uncaught exception; exit 0 with finite numbers in the output, or exit 2 with one line on
  stderr that starts with ``error:`` and names the problem, and no output file.
- ``model.scenario_file.parse_scenario_bytes`` with arbitrary bytes and JSON-like documents: validated
  scenarios, or ScenarioError with non-empty problems.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cli.main import main
from model.lang import LANGS
from model.parameters import PARAMETER_KEYS, ScenarioError, load_parameters, make_scenario, parse_text
from model.printable import control_chars
from model.problems import Problem
from model.projection import RESULT_COLUMNS
from model.scenario_file import MAX_FILE_BYTES, parse_scenario_bytes
from report.problems import parameter_name, say

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GROWTH_COLUMNS = ("growth_pct", "growth_total_pct")  # blank in the base-year row
KEYS = tuple(load_parameters())

# --- strategies ---------------------------------------------------------------------------------

SPECIAL_TEXT = [
    *("nan", "NaN", "inf", "-inf", "Infinity", "1e400", "-1e400", "1e-400", "", " ", "\t"),
    *("true", "false", "True", "FALSE", "yes", "0x10", "1_000", "１２", "٣", "8,4", "8.4%", "--1"),
    *("2030", "2030.5", "2035", "2036", "0", "-0", "1e3", "nan(0)", "💥", "\x00", "8.4\n"),
]
values = st.one_of(
    st.sampled_from(SPECIAL_TEXT),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**6), 10**6).map(str),
    st.decimals(allow_nan=False, places=2).map(str),
    st.text(max_size=20),
)
keys = st.one_of(st.sampled_from(KEYS), st.sampled_from(KEYS).map(lambda k: f" {k} "), st.text(max_size=12))
set_args = st.lists(
    st.one_of(st.tuples(keys, values).map("=".join), st.text(max_size=20)),  # a few without '='
    max_size=5,
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=10),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
# values near what a parameter takes, so that many documents are valid or nearly so
param_values = st.one_of(
    json_scalars,
    st.sampled_from(KEYS).map(lambda k: load_parameters()[k].default),
    st.integers(2020, 2040),
    st.floats(-50, 1200),
)
parameters = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), param_values, max_size=6)
scenario_docs = st.fixed_dictionaries(
    {"name": st.text(max_size=10)},
    optional={
        "parameters": st.one_of(parameters, json_values),
        "name_en": st.one_of(st.text(max_size=10), json_values),
        "description_zh": st.text(max_size=10),
        "extra": json_values,
    },
)
many_docs = st.fixed_dictionaries(
    {"scenarios": st.one_of(st.lists(st.one_of(scenario_docs, json_values), max_size=3), json_values)},
    optional={"version": st.one_of(st.just(1), json_values), "other": json_values},
)
documents = st.one_of(scenario_docs, many_docs, json_values)


@st.composite
def file_bytes(draw: st.DrawFn) -> bytes:
    """A scenario file: mostly JSON documents (sometimes with NaN/Infinity, a BOM, cut short or
    with junk), sometimes arbitrary bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=200))
    data = json.dumps(draw(documents), ensure_ascii=draw(st.booleans())).encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    cut = draw(st.integers(0, 6))
    if cut == 0:
        data = data[: draw(st.integers(0, len(data)))]
    elif cut == 1:
        data += draw(st.binary(min_size=1, max_size=8))
    return data


# --- checks -------------------------------------------------------------------------------------


def run_main(args: list[str]) -> tuple[int, str]:
    """``main(args)`` in this process; (exit status, stderr). Any exception escapes to the test."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(args)
    return status, err.getvalue()


def assert_one_error_line(stderr: str, *named: str) -> None:
    assert stderr.endswith("\n"), repr(stderr)
    line = stderr[:-1]
    assert "\n" not in line and "\r" not in line, f"more than one line: {stderr!r}"
    assert line.startswith("error: ") and len(line) > len("error: "), repr(stderr)
    if named:
        assert any(n in line for n in named), f"{line!r} names none of {named!r}"


def assert_finite_rows(rows: list[dict[str, Any]]) -> None:
    """Every result cell is a finite number, except the growth columns of the base year (blank)."""
    assert rows
    for row in rows:
        base_year = float(row["year"]) == 2023
        for column in RESULT_COLUMNS:
            cell = row[column]
            if column in GROWTH_COLUMNS and base_year:
                assert cell in ("", None), row
                continue
            if column == "status":  # a word, the year's status
                assert cell in ("base", "published", "estimated", "projected"), row
                continue
            assert cell not in ("", None), (column, row)
            assert math.isfinite(float(cell)), (column, row)


def assert_finite_output(path: Path, fmt: str) -> None:
    data = path.read_bytes()
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
        assert_finite_rows(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")))))
        return
    doc = json.loads(data, parse_constant=lambda c: pytest.fail(f"{c} in the JSON output"))
    for item in doc if isinstance(doc, list) else [doc]:
        assert_finite_rows(item["results"])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def expected_ok(pairs: list[str]) -> bool:
    """What the command line should accept: every pair KEY=VALUE, and the last value of each key
    valid for that parameter."""
    final: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            return False
        final[key.strip()] = value
    specs = load_parameters()
    for key, value in final.items():
        if key not in specs:
            return False
        try:
            parse_text(specs[key], value)
        except ScenarioError:
            return False
    return True


# --- the command line ---------------------------------------------------------------------------


@FUZZ
@given(pairs=set_args, fmt=st.sampled_from(["csv", "json"]))
@example(pairs=["growth_start=nan"], fmt="csv")
@example(pairs=["fund_size=1e400"], fmt="json")
@example(pairs=["horizon_end=2030.0", "phase1_on= TRUE "], fmt="csv")
@example(pairs=["no_such\nkey=1"], fmt="csv")  # a key is named on one line, whatever it holds
@example(pairs=["growth_start=８"], fmt="csv")  # issue 13: only ASCII decimal numbers are numbers
@example(pairs=["growth_start=٨"], fmt="csv")
@example(pairs=["fund_size=1_0"], fmt="json")
@example(pairs=["[Session expired](https://evil.example/login)=1"], fmt="csv")
@example(pairs=["\x1b[31mkey=1"], fmt="csv")  # control characters are escaped in the message
def test_cli_set_never_crashes(workdir: Path, pairs: list[str], fmt: str) -> None:
    out = workdir / f"{uuid.uuid4().hex}.{fmt}"
    args = ["project", *(f"--set={p}" for p in pairs), "--format", fmt, "--out", str(out)]
    status, stderr = run_main(args)
    assert status in (0, 2)
    if status == 0:
        assert stderr == ""
        assert expected_ok(pairs), pairs
        assert_finite_output(out, fmt)
    else:
        assert not expected_ok(pairs), (pairs, stderr)
        given_keys = [p.partition("=")[0].strip() for p in pairs]
        specs = load_parameters()
        # a parameter by its label and unit; any other key as given, quoted
        named = [parameter_name(specs[k], "en") if k in specs else f"'{control_chars(k)}" for k in given_keys if k]
        assert_one_error_line(stderr, "--set", *named)
        assert not out.exists()


@FUZZ
@given(data=file_bytes(), fmt=st.sampled_from(["csv", "json"]), pairs=st.lists(st.sampled_from(["fund_size=80"])))
@example(data=b'{"name": "x", "parameters": {"horizon_end": 1' + b"0" * 400 + b"}}", fmt="csv", pairs=[])
@example(data=b'{"name": "x", "parameters": {"a\\nb": 1}}', fmt="csv", pairs=[])
@example(data=b'{"name": "x", "parameters": {"fund_size": NaN}}', fmt="csv", pairs=[])
@example(data=b'{"name": "x", "parameters": {"fund_size": 10, "fund_size": 20}}', fmt="csv", pairs=[])  # issue 13
@example(data=b'{"name": "\\ud800", "parameters": {}}', fmt="json", pairs=[])
@example(data=b'{"version": 1, "scenarios": [{"name": "\\ud800"}, {"name": "b"}]}', fmt="csv", pairs=[])
@example(data=b'{"name": "\\u001b[31m", "parameters": {}}', fmt="json", pairs=[])
def test_cli_scenario_file_never_crashes(workdir: Path, data: bytes, fmt: str, pairs: list[str]) -> None:
    scenario = workdir / f"{uuid.uuid4().hex}.json"
    scenario.write_bytes(data)
    out = workdir / f"{uuid.uuid4().hex}.{fmt}"
    args = ["project", "--scenario", str(scenario), *(f"--set={p}" for p in pairs), "--format", fmt]
    status, stderr = run_main([*args, "--out", str(out)])
    assert status in (0, 2)
    if status == 0:
        # a version 1 file may get notes naming what changed: one line each, control characters escaped
        for line in stderr.splitlines():
            assert line.startswith("note: "), repr(stderr)
            assert not any(ch in line for ch in "\x1b\r\u202e"), repr(line)
        assert stderr == "" or stderr.endswith("\n")
        assert_finite_output(out, fmt)
    else:
        assert_one_error_line(stderr, str(scenario))
        assert not out.exists()


def test_cli_writes_csv_bytes_to_stdout(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    """Without --out the CSV goes to standard output as bytes (BOM included), errors to stderr."""
    assert main(["project", "--set", "growth_start=9.5"]) == 0
    out, err = capfdbinary.readouterr()
    assert out.startswith(b"\xef\xbb\xbf") and err == b""
    assert_finite_rows(list(csv.DictReader(io.StringIO(out.decode("utf-8-sig")))))

    assert main(["project", "--set", "growth_start=1e400"]) == 2
    out, err = capfdbinary.readouterr()
    assert out == b""
    # issue 20: a finite number too large for a float is out of range (it was "not a finite number")
    assert_one_error_line(err.decode(), "Trend growth, first projected year (%): '1e400' is out of range")


# --- scenario files -----------------------------------------------------------------------------


def assert_valid_or_scenario_error(data: bytes) -> None:
    try:
        found = parse_scenario_bytes(data, "upload.json")
    except ScenarioError as e:
        assert e.problems, "ScenarioError without problems"
        assert all(isinstance(p, Problem) for p in e.problems), e.problems
        assert all(say(p, lang).strip() for p in e.problems for lang in LANGS), e.problems
        return
    assert found
    for named in found:
        assert isinstance(named.name, str)
        # every value is in range and of its type: validating it again gives the same scenario
        assert make_scenario(named.scenario.to_dict()) == named.scenario
        assert tuple(named.scenario.to_dict()) == PARAMETER_KEYS


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=300))
@example(data=b"\xff\xfe{}")
@example(data=b" " * (MAX_FILE_BYTES + 1))
def test_parse_scenario_bytes_arbitrary_bytes(data: bytes) -> None:
    assert_valid_or_scenario_error(data)


@settings(max_examples=300, deadline=None)
@given(doc=documents, ascii_only=st.booleans())
@example(doc={"name": "x", "parameters": {"horizon_end": 10**400}}, ascii_only=True)
@example(doc={"name": "x", "parameters": {"fund_size": float("inf")}}, ascii_only=True)
@example(doc={"scenarios": [{"name": "a"}, {"name": "b", "parameters": {"growth_start": 99}}]}, ascii_only=True)
@example(doc={"name": "\ud800", "parameters": {}}, ascii_only=True)  # issue 13: a lone surrogate
@example(doc={"name": "![x](https://evil.example/p.png)", "description_en": "\udfff"}, ascii_only=True)
def test_parse_scenario_bytes_json_documents(doc: Any, ascii_only: bool) -> None:
    assert_valid_or_scenario_error(json.dumps(doc, ensure_ascii=ascii_only).encode("utf-8"))


@pytest.mark.parametrize("depth", [10_000, 200_000])
def test_deeply_nested_json_is_a_scenario_error(workdir: Path, depth: int) -> None:
    """Nesting past Python's recursion limit (a 200 kB file) is bad input, not a crash."""
    data = b"[" * depth + b"]" * depth
    assert_valid_or_scenario_error(data)
    scenario = workdir / f"nested-{depth}.json"
    scenario.write_bytes(data)
    status, stderr = run_main(["project", "--scenario", str(scenario), "--out", str(workdir / "nested.csv")])
    assert status == 2
    assert_one_error_line(stderr, str(scenario))


@FUZZ
@given(data=file_bytes())
def test_parse_scenario_bytes_damaged_files(data: bytes) -> None:
    assert_valid_or_scenario_error(data)


# --- issue 13: links, paths and goal seek -------------------------------------------------------

EVIL_LINK_KEYS = [
    "[Session expired - log in again](https://evil.example/login)",
    "![x](https://evil.example/pixel.png)",
    ":red-background[**OFFICIAL NOTICE**]",
    "\x1b[31m",
    "\ud800",
    "line\n# heading",
]


@settings(max_examples=200, deadline=None)
@given(query=st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=30)), st.lists(values, max_size=3)))
@example(query={k: ["1"] for k in EVIL_LINK_KEYS})
@example(query={"growth_start": ["８"], "fund_size": ["1_0"], "base_va": ["٨"]})
@example(query={"growth_start": ["[x](https://evil.example/v)"]})
def test_link_values_never_crash_and_are_shown_as_text(query: dict[str, list[str]]) -> None:
    """Any link: every value is checked by the model's rules, and every ignored one is named in
    the notice as text (escaped Markdown that encodes as UTF-8 and reads as typed)."""
    from pagekit import shown

    from model.printable import control_chars
    from ui import messages, url

    ignored, rounded, start = url.review(query)
    body = messages.bullet_list("intro", [*ignored, *rounded], "en")
    body.encode("utf-8")
    for key in query:
        if key not in KEYS and key not in url.RESERVED:
            # as the reader sees it: word joiners are invisible, typed or inserted by md_text
            assert control_chars(key).replace("\xa0", " ").replace("\u2060", "") in shown(body), (key, body)
    for key, value in start.items():
        assert key in KEYS and value is not None


@pytest.mark.parametrize("path", ["", "/dev/zero", "/", "/tmp/\x1b[31mmissing.json", "/tmp/\ud800.json", "a\x00b"])
def test_cli_odd_scenario_paths_are_one_line(path: str) -> None:
    status, stderr = run_main(["project", "--scenario", path])
    assert status == 2
    assert_one_error_line(stderr)
    assert "\x1b" not in stderr and "\x00" not in stderr


@settings(max_examples=25, deadline=None)
@given(target=st.floats(allow_nan=True, allow_infinity=True), kind=st.sampled_from(["va", "growth"]))
@example(target=1e50, kind="growth")
@example(target=1e308, kind="growth")
@example(target=-99.99999999999999, kind="growth")
@example(target=1e308, kind="va")
def test_goal_seek_targets_never_crash(target: float, kind: str) -> None:
    from model.analysis import goal_seek
    from model.parameters import default_scenario

    given_target = {"target_va": target} if kind == "va" else {"target_growth": target}
    try:
        result = goal_seek(default_scenario(), "growth_end", 2030, **given_target)
    except ScenarioError as e:
        assert e.problems
        return
    assert math.isfinite(result.value) and say(result.outcome(), "en") and say(result.outcome(), "zh")
