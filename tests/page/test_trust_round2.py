"""Issue 20 (trust, round 2): names that look the same, numbers too big to hold, special files, one
visitor filling the library, switches and database addresses.

Each test failed on the code before the fix (a name with U+202E was saved, ``dup\\u00a0name`` and
``dup name`` were two scenarios, a 5,000-digit number raised ValueError in ``json.loads``, a FIFO
hung ``--scenario``, ``--out`` replaced a FIFO, ``--draws 1e3`` was refused, one visitor could fill
the library, ``lang=xx`` stayed in the address bar, ``?connect_timeout=abc`` raised
ProgrammingError). The browser checks are in ``tests/browser/test_browser_trust_round2.py``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from clikit import run_cli
from pagekit import new_page, run_page, shown
from saykit import english
from storekit import variant
from streamlit.testing.v1 import AppTest
from test_trust import FakeUpload, assert_one_line_exit_2

from model.parameters import ScenarioError, default_scenario
from model.scenario_file import parse_scenario_bytes
from report.problems import say_all
from report.text import TEXT
from store.library import (
    ENV_VAR,
    HOUR,
    LibraryUnavailable,
    Limits,
    NameTaken,
    ScenarioLibrary,
    VisitorLimit,
    name_key,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sqlite_lib(tmp_path: Path):
    """A library on SQLite only (the root conftest's ``lib`` is on each backend)."""
    with ScenarioLibrary(f"sqlite:///{tmp_path / 'sqlite_lib.sqlite'}") as library:
        yield library


# --- 1. names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "point"), [("abc\u202efdp.exe", "U+202E"), ("a\u200bb", "U+200B"), ("x\u2066y", "U+2066")]
)
def test_format_characters_are_refused_by_code_point(sqlite_lib: ScenarioLibrary, name: str, point: str) -> None:
    """A right-to-left override shows "abc\\u202efdp.exe" as "abcexe.pdf": refused, naming the
    character by its code point, in both languages, when saved, renamed or imported."""
    with pytest.raises(ScenarioError) as caught:
        sqlite_lib.save(name, default_scenario())
    assert f"found {point}" in english(caught.value)
    assert point in say_all(caught.value.problems, "zh") and "格式字符" in say_all(caught.value.problems, "zh")
    sqlite_lib.save("plain", default_scenario())
    with pytest.raises(ScenarioError):
        sqlite_lib.rename("plain", name)
    assert sqlite_lib.names() == ["plain"]
    data = json.dumps({"model_version": 2, "name": name, "parameters": {"growth_start": 9}}).encode()
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_bytes(data, "probe.json")
    assert point in english(caught.value), english(caught.value)


def test_names_that_look_the_same_are_one_name(sqlite_lib: ScenarioLibrary) -> None:
    assert name_key("dup\u00a0name") == name_key("dup name") == name_key(" dup \u3000 name ") == "dup name"
    assert name_key("ＡＢ（甲）") == name_key("AB(甲)")
    sqlite_lib.save("dup name", variant(1))
    with pytest.raises(NameTaken) as caught:
        sqlite_lib.save("dup\u00a0name", variant(2))
    assert "already named 'dup name'" in english(caught.value), english(caught.value)
    saved = sqlite_lib.save("dup\u00a0name", variant(2), overwrite=True)  # overwrites the one that looks the same
    assert saved.name == "dup name" and sqlite_lib.names() == ["dup name"] and sqlite_lib.count_versions() == 1
    assert (
        sqlite_lib.get("dup\u00a0name").scenario == variant(2) and sqlite_lib.info("dup\u2002name").name == "dup name"
    )
    assert sqlite_lib.existing(["dup\u00a0name", "other"]) == {"dup\u00a0name"}
    sqlite_lib.save("other", variant(3))
    with pytest.raises(NameTaken):
        sqlite_lib.rename("other", "dup\u00a0name")
    sqlite_lib.rename("dup name", "dup\u00a0name")  # the same name, as it looks: allowed, and kept as typed
    assert sorted(sqlite_lib.names()) == ["dup\u00a0name", "other"]
    with pytest.raises(ScenarioError) as caught:  # one file may not hold two names that look the same
        sqlite_lib.save_many([("Ａ", variant(1)), ("A", variant(2))])
    assert "is given twice in one file" in english(caught.value)
    sqlite_lib.delete("dup name")
    assert sqlite_lib.names() == ["other"]


def test_a_library_saved_before_keeps_its_look_alike_names(tmp_path: Path) -> None:
    """Existing data keeps working: a library saved by the code before issue 20 (no name_key) with
    two names that look the same opens, lists and loads both; a third that looks the same is taken."""
    path = tmp_path / "old.sqlite"
    with ScenarioLibrary(f"sqlite:///{path}") as sqlite_lib:
        sqlite_lib.save("first", variant(0))
    with sqlite3.connect(path) as conn:  # back to the schema before issue 20
        conn.execute("DROP INDEX uq_dezhou_scenarios_name_key")
        conn.execute("ALTER TABLE dezhou_scenarios DROP COLUMN name_key")
        doc = json.dumps(variant(1).to_doc())
        for name in ("dup name", "dup\u00a0name"):
            conn.execute(
                "INSERT INTO dezhou_scenarios (name, parameters, document, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, json.dumps(variant(1).to_dict()), doc, "2025-01-02 03:04:05", "2025-01-02 03:04:05"),
            )
    with ScenarioLibrary(f"sqlite:///{path}") as sqlite_lib:
        assert sqlite_lib.names() == ["dup name", "dup\u00a0name", "first"]
        assert {n: s.scenario for n, s in sqlite_lib.get_many(["dup name", "dup\u00a0name"]).items()} == {
            "dup name": variant(1),
            "dup\u00a0name": variant(1),
        }
        assert sqlite_lib.get("dup\u00a0name").name == "dup\u00a0name"  # an exact name finds its own row
        with pytest.raises(NameTaken):
            sqlite_lib.save("dup\u2002name", variant(2))
        sqlite_lib.delete("dup\u00a0name")
        assert sqlite_lib.names() == ["dup name", "first"]
        indexes = {i["name"] for i in sa.inspect(sqlite_lib.engine).get_indexes("dezhou_scenarios")}
        assert "uq_dezhou_scenarios_name_key" in indexes


def test_a_name_saved_before_the_rule_can_still_be_loaded_renamed_and_deleted(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with ScenarioLibrary(f"sqlite:///{path}") as sqlite_lib:
        sqlite_lib.save("first", variant(0))
    with sqlite3.connect(path) as conn:  # saved by the code before issue 20, which took U+202E
        conn.execute(
            "INSERT INTO dezhou_scenarios (name, parameters, document, created_at, updated_at, name_key)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            ("abc\u202efdp.exe", "{}", json.dumps(variant(1).to_doc()), "2025-01-02", "2025-01-02", "abc\u202efdp.exe"),
        )
    with ScenarioLibrary(f"sqlite:///{path}") as sqlite_lib:
        assert (
            sqlite_lib.get("abc\u202efdp.exe").scenario == variant(1)
            and sqlite_lib.info("abc\u202efdp.exe") is not None
        )
        sqlite_lib.rename("abc\u202efdp.exe", "abc fdp.exe")
        assert sqlite_lib.get("abc fdp.exe").scenario == variant(1)
        restored = sqlite_lib.versions()[0]
        with pytest.raises(ScenarioError):  # restoring under the old name: the rule holds for new names
            sqlite_lib.restore(restored.id)
        sqlite_lib.delete("abc fdp.exe")
        assert sqlite_lib.names() == ["first"]


# --- 2. numbers of any size -----------------------------------------------------------------------

ZEROS_5000 = "1" + "0" * 5000
ZEROS_400 = "1" + "0" * 400
PROBE_FILES = {
    # json.loads: ValueError "Exceeds the limit (4300 digits)"; the file's other problem listed with it
    "digits.json": (
        '{"model_version": 2, "name": "x", "parameters": {"fund_start": ' + ZEROS_5000 + ', "growth_start": "a"}}',
        ["First year the funds invest (year): 1×10⁵⁰⁰⁰ is out of range", "'a' is not a number"],
    ),
    # parse_target: OverflowError in math.isfinite
    "target.json": (
        '{"model_version": 2, "name": "x", "parameters": {}, "targets": [{"label": "t", "metric": "level", '
        '"year": 2030, "value": ' + ZEROS_400 + '}, {"label": "u"}]}',
        ["target 1, Target value (100 million yuan): 1×10⁴⁰⁰ is out of range", "target 2"],
    ),
    # model.compat.upgrade_v1: OverflowError in float(value)
    "v1.json": (
        '{"name": "x", "parameters": {"growth_start": ' + ZEROS_400 + ', "fund_size": -5}}',
        ["Trend growth, first projected year (%): 1×10⁴⁰⁰ is out of range", "-5 is out of range"],
    ),
}


@pytest.mark.parametrize("file", sorted(PROBE_FILES))
def test_numbers_of_any_size_in_a_file_are_listed_problems(file: str) -> None:
    text, expected = PROBE_FILES[file]
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_bytes(text.encode(), file)
    said = english(caught.value)
    for part in expected:
        assert part in said, (part, said)
    assert "10⁴⁰⁰" in say_all(caught.value.problems, "zh") or "10⁵⁰⁰⁰" in say_all(caught.value.problems, "zh")


@pytest.mark.parametrize("file", sorted(PROBE_FILES))
@pytest.mark.parametrize(
    "command",
    [
        ["project"],
        ["uncertainty", "--draws", "10"],
        ["sensitivity"],
        ["goal-seek", "--vary", "fund_size", "--target-year", "2030", "--target-va", "2000"],
        ["brief", "--out", "deck.pptx"],
    ],
)
def test_numbers_of_any_size_on_the_command_line_are_one_line(tmp_path: Path, file: str, command: list[str]) -> None:
    path = tmp_path / file
    path.write_text(PROBE_FILES[file][0], encoding="utf-8")
    command = [c if c != "deck.pptx" else str(tmp_path / c) for c in command]
    assert_one_line_exit_2(run_cli(*command, "--scenario", str(path)), str(path), "out of range")
    assert not (tmp_path / "deck.pptx").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["project", "--set", f"horizon_end={ZEROS_5000}"],
        ["uncertainty", "--draws", "10", "--target", f"level:2030={ZEROS_400}"],
        ["uncertainty", "--draws", ZEROS_5000],
        ["uncertainty", "--seed", "1e400"],
        ["goal-seek", "--vary", "fund_size", "--target-year", ZEROS_400, "--target-va", "2000"],
    ],
)
def test_numbers_of_any_size_in_arguments_are_one_line(args: list[str]) -> None:
    assert_one_line_exit_2(run_cli(*args))


def test_a_file_that_fails_on_the_page_leaves_the_rest_working(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The uploader holds the 5,000-digit file: its problems are listed, every rerun works, and the
    library and the comparison stay."""
    import streamlit

    url = f"sqlite:///{tmp_path / 'sqlite_lib.sqlite'}"
    with ScenarioLibrary(url) as library:
        library.save("kept", variant(1))
    monkeypatch.setenv(ENV_VAR, url)
    data = PROBE_FILES["digits.json"][0].encode()
    monkeypatch.setattr(streamlit, "file_uploader", lambda *a, **k: FakeUpload("digits.json", data))
    at = new_page({"lang": "en"}, tab="tab_library", lang="en", session={"compare_names": ["kept"]})
    for _ in range(3):  # every rerun, with the file still in the uploader
        at.run()
        assert not at.exception, at.exception
        errors = " ".join(shown(e.value) for e in at.error)
        assert "1×10⁵⁰⁰⁰ is out of range" in errors and "'a' is not a number" in errors, errors
        assert at.selectbox(key="pick").options == ["kept"]
        assert at.multiselect(key="compare_names").value == ["kept"]
        assert len(at.table) == 1  # the comparison's table


def test_a_file_the_code_cannot_read_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a file makes the reader raise, the file is shown as failed and the page goes on."""
    import streamlit

    from report import scenario_exports

    def broken(*_args, **_kwargs):
        raise OverflowError("int too large to convert to float")

    monkeypatch.setenv(ENV_VAR, f"sqlite:///{tmp_path / 'sqlite_lib.sqlite'}")
    monkeypatch.setattr(scenario_exports, "parse_import", broken)
    monkeypatch.setattr(streamlit, "file_uploader", lambda *a, **k: FakeUpload("odd.json", b"{}"))
    at = run_page(tab="tab_library", lang="en", query={"lang": "en"})
    at.run()
    assert not at.exception
    assert any("odd.json: this file could not be read" in shown(e.value) for e in at.error), [e.value for e in at.error]
    assert at.text_input(key="save_name") is not None


# --- 3. special files, whole numbers ----------------------------------------------------------


def test_a_fifo_as_scenario_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "scenario.json"
    os.mkfifo(fifo)  # no writer: opening it would wait forever
    done = run_cli("project", "--scenario", str(fifo), process=True)  # a process: run_cli's timeout holds
    assert_one_line_exit_2(done, f"--scenario {fifo}: is a named pipe (FIFO), not a regular file")


def test_a_fifo_as_history_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "added.csv"
    os.mkfifo(fifo)  # no writer: reading the added figures would wait forever
    for command in (["project"], ["backtest"], ["uncertainty", "--draws", "10"]):
        done = run_cli(*command, "--history", str(fifo), process=True)  # a process: a hang times out
        assert_one_line_exit_2(done, f"--history {fifo}: is a named pipe (FIFO), not a regular file")


def test_out_onto_a_fifo_replaces_nothing(tmp_path: Path) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    for command in (["project"], ["uncertainty", "--draws", "10"], ["sensitivity"], ["backtest"]):
        done = run_cli(*command, "--out", str(fifo), process=True)  # a process: a hang times out
        assert_one_line_exit_2(done, "is a named pipe (FIFO), not a regular file")
        assert stat.S_ISFIFO(fifo.stat().st_mode)
    link = tmp_path / "link.csv"  # through a symbolic link, the same
    link.symlink_to(fifo)
    assert_one_line_exit_2(run_cli("project", "--out", str(link), process=True), "is a named pipe (FIFO)")
    assert stat.S_ISFIFO(fifo.stat().st_mode) and link.is_symlink()


def test_out_onto_a_device_replaces_nothing(tmp_path: Path) -> None:
    """A copy of /dev/null (character device 1, 3) made for the test: the code before the fix
    replaced it with a regular file (as root, ``--out /dev/null`` would replace the system's)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device needs root")
    assert_one_line_exit_2(run_cli("project", "--out", str(device)), "is a character device, not a regular file")
    assert stat.S_ISCHR(device.stat().st_mode)
    done = run_cli("brief", "--out", str(tmp_path / "deck.pptx"), "--scenario", str(device))
    assert_one_line_exit_2(done, "--scenario", "is a character device")


def test_whole_number_options_take_what_the_readme_calls_a_number(tmp_path: Path) -> None:
    plain = run_cli("uncertainty", "--draws", "100", "--seed", "7", "--out", str(tmp_path / "a.csv"))
    written = run_cli("uncertainty", "--draws", "1e2", "--seed", "7.0", "--out", str(tmp_path / "b.csv"))
    assert plain.returncode == written.returncode == 0, written.stderr
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert_one_line_exit_2(run_cli("uncertainty", "--draws", "1.5"), "invalid whole number value: '1.5'")
    assert_one_line_exit_2(run_cli("uncertainty", "--draws", "1e3_0"), "invalid whole number value")


# --- 4. a fair share of the library for each visitor ---------------------------------------------

T0 = datetime(2026, 12, 6, 14, 0, 30, tzinfo=UTC).timestamp()


def test_one_visitor_cannot_lock_the_others_out(tmp_path: Path) -> None:
    limits = Limits(new_per_visitor_hour=3, versions_per_visitor_hour=2)
    with ScenarioLibrary(f"sqlite:///{tmp_path / 'sqlite_lib.sqlite'}", limits=limits) as sqlite_lib:
        now = [T0]
        sqlite_lib.share.clock = lambda: now[0]
        sqlite_lib.save_many([("a1", variant(1)), ("a2", variant(2))], visitor="session:A")
        now[0] += 600  # 14:10:30
        sqlite_lib.save("a3", variant(3), visitor="session:A")
        with pytest.raises(VisitorLimit) as caught:
            sqlite_lib.save("a4", variant(4), visitor="session:A")
        # the first two were saved at 14:00:30: one of them leaves the hour at 15:00:30 (said 15:01)
        assert english(caught.value) == (
            "each visitor may add at most 3 scenarios an hour; you have added 3 in the last hour, so these 1 do "
            "not fit: you can save them after 15:01 UTC (this keeps room in the library for everyone)"
        )
        assert "每位访客每小时最多新增3个情景" in say_all(caught.value.problems, "zh")
        assert "15:01（UTC）后可再保存" in say_all(caught.value.problems, "zh")
        sqlite_lib.save("b1", variant(5), visitor="session:B")  # another visitor is not locked out
        sqlite_lib.save("admin", variant(6))  # nor the administrator's scripts (no visitor)
        # overwrites, renames and deletes make earlier versions: two an hour for A
        sqlite_lib.save("a1", variant(7), overwrite=True, visitor="session:A")
        sqlite_lib.rename("a2", "a2b", visitor="session:A")
        with pytest.raises(VisitorLimit) as caught:
            sqlite_lib.delete("a3", visitor="session:A")
        assert "may keep at most 2 earlier versions an hour; yours kept 2" in english(caught.value)
        assert "after 15:11 UTC" in english(caught.value)
        sqlite_lib.delete("a3", visitor="session:B")
        assert sqlite_lib.names() == ["a1", "a2b", "admin", "b1"]
        now[0] = T0 + HOUR + 1  # the first saves have left the hour
        sqlite_lib.save("a4", variant(4), visitor="session:A")
        with pytest.raises(VisitorLimit) as caught:  # more than an hour's share at once never fits
            sqlite_lib.save_many([(f"x{i}", variant(i)) for i in range(4)], visitor="session:C")
        assert "each visitor may add at most 3 scenarios an hour and this adds 4; split it" in english(caught.value)


def test_limits_are_set_in_one_place() -> None:
    assert Limits() == Limits(200, 2_000, 50_000, 200, 500)
    assert Limits.from_settings({"new_per_visitor_hour": 5, "scenarios": 0, "versions": "many"}) == Limits(
        new_per_visitor_hour=5
    )


def _save_on_page(at: AppTest, name: str) -> AppTest:
    at.text_input(key="save_name").input(name)
    at.button(key="FormSubmitter:save_form-" + TEXT["save_button"]["en"]).click().run()
    assert not at.exception, at.exception
    return at


def _library_page(limits: dict[str, int]) -> AppTest:
    at = new_page({"lang": "en"}, tab="tab_library", lang="en")
    at.secrets["library_limits"] = limits
    at.run()
    assert not at.exception, at.exception
    return at


def test_two_sessions_each_have_their_share_on_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'sqlite_lib.sqlite'}"
    monkeypatch.setenv(ENV_VAR, url)
    first = _library_page({"new_per_visitor_hour": 2})
    assert "each visitor may add 2 scenarios" in " ".join(c.value for c in first.caption)
    for name in ("one", "two", "three"):
        _save_on_page(first, name)
    refused = " ".join(shown(e.value) for e in first.error)
    assert "each visitor may add at most 2 scenarios an hour; you have added 2 in the last hour" in refused, refused
    assert "UTC" in refused
    second = _library_page({"new_per_visitor_hour": 2})  # another visitor, the same library
    _save_on_page(second, "three")
    assert not second.error, [e.value for e in second.error]
    with ScenarioLibrary(url) as sqlite_lib:
        assert sqlite_lib.names() == ["one", "three", "two"]


# --- 5. switches, database addresses --------------------------------------------------------------


def test_invalid_switch_values_leave_the_address_bar() -> None:
    at = run_page(query={"lang": "xx", "mode": "[a](https://evil.example)", "updown": "blue", "growth_start": "9"})
    assert "lang" not in at.query_params and "mode" not in at.query_params and "updown" not in at.query_params
    assert at.query_params["growth_start"] == "9"
    notice = " ".join(shown(w.value) for w in at.warning)
    for said in ("“xx”不是可选项，应为“zh”或“en”", "“blue”不是可选项", "“[a](https://evil.example)”不是可选项"):
        assert said in notice, (said, notice)
    kept = run_page(query={"lang": "en", "updown": "red", "growth_start": "9"})
    assert kept.query_params["lang"] == "en" and kept.query_params["updown"] == "red"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://dezhou@127.0.0.1:1/db?connect_timeout=abc",  # ProgrammingError before
        "postgresql+psycopg://dezhou@127.0.0.1:1/db?sslmode=sometimes",
        "postgresql+psycopg://dezhou@127.0.0.1:1/db?no_such_option=1",  # ProgrammingError before
    ],
)
def test_every_database_address_problem_is_the_librarys_own(url: str) -> None:
    with pytest.raises(LibraryUnavailable) as caught:
        ScenarioLibrary(url)
    assert english(caught.value) in (
        "the scenario library's address is not a database this server can open; the server's log says why",
        "the scenario library's database cannot be reached; the server's log says why",
    )


def test_a_bad_database_option_is_a_banner_on_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "postgresql+psycopg://dezhou:s3cret@127.0.0.1:1/db?connect_timeout=abc")
    at = run_page(tab="tab_library", lang="en", query={"lang": "en"})
    banner = " ".join(shown(e.value) for e in at.error)
    assert "The scenario library is unavailable (" in banner and "s3cret" not in banner, banner


# --- 5. the metrics endpoint ------------------------------------------------------------------------


def test_no_visitor_attributes_on_the_metrics_endpoint() -> None:
    """Streamlit 1.67 has no setting that turns /_stcore/metrics off (the README says how the reverse
    proxy blocks it; tests/browser/test_browser_trust_round2.py runs that proxy); what the app can
    set, it sets: no visitor's attributes are published there."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"].get("unsafeMetricsUserAttributes", []) == []
    assert config["server"]["enableXsrfProtection"] is True


def test_cli_helper_for_any_path_option() -> None:
    """``cli.plumbing.regular_file``: the check any path option calls (``--history`` too)."""
    from cli.plumbing import UsageError, regular_file

    regular_file("--history", str(ROOT / "data" / "history.csv"))  # a regular file: fine
    regular_file("--history", str(ROOT / "no-such-file.csv"))  # missing: the reader says so
    with pytest.raises(UsageError, match=r"^--history /dev/null: is a character device, not a regular file"):
        regular_file("--history", "/dev/null")


def test_readme_documents_the_limits_and_the_proxy() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for field in ("per_file", "scenarios", "versions", "new_per_visitor_hour", "versions_per_visitor_hour"):
        assert field in readme, field
    assert "[library_limits]" in readme and "/_stcore/metrics" in readme
