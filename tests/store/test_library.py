"""The scenario library (model/library.py) on SQLite files in tmp_path.

Set DEZHOU_TEST_POSTGRES_URL (for example ``postgresql+psycopg://postgres@/dezhou?host=/tmp/pg``) to
run the same tests against PostgreSQL too; the library's tables are dropped before each test.
"""

from __future__ import annotations

import json
import os
import re
import threading
from datetime import UTC

import pytest
import sqlalchemy as sa
from saykit import english
from storekit import variant

from model.parameters import ScenarioError, default_scenario, make_scenario
from report.problems import say_all
from store import library
from store.library import (
    LibraryUnavailable,
    NameTaken,
    SavedScenario,
    ScenarioLibrary,
    ScenarioNotFound,
    default_url,
    scenarios_table,
)

THREADS = 20
POSTGRES_URL = os.environ.get("DEZHOU_TEST_POSTGRES_URL", "")


def url_for(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite'}"


def insert_raw(lib: ScenarioLibrary, name: str, parameters: str) -> None:
    """A row as a later or earlier version of the app might have left it."""
    now = library._now()
    with lib.engine.begin() as conn:
        conn.execute(scenarios_table.insert().values(name=name, parameters=parameters, created_at=now, updated_at=now))


# ---------------------------------------------------------------------------------------------
# where the library lives


def test_default_url_is_a_sqlite_file_under_var(monkeypatch, tmp_path):
    monkeypatch.delenv(library.ENV_VAR, raising=False)
    target = tmp_path / "var" / "scenarios.sqlite"
    monkeypatch.setattr(library, "DEFAULT_PATH", target)
    assert default_url() == f"sqlite:///{target}"
    assert target.parent.is_dir()


def test_default_url_from_environment(monkeypatch, tmp_path):
    url = url_for(tmp_path)
    monkeypatch.setenv(library.ENV_VAR, url)
    assert default_url() == url
    with ScenarioLibrary() as lib:
        assert lib.url == url
        lib.save("from env", default_scenario())
    assert (tmp_path / "library.sqlite").is_file()


def test_sqlite_file_uses_wal_and_a_busy_timeout(tmp_path):
    with ScenarioLibrary(url_for(tmp_path)) as lib, lib.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == library.SQLITE_BUSY_MS


def test_in_memory_url_works():
    with ScenarioLibrary("sqlite://") as lib:
        lib.save("a", default_scenario())
        assert [s.name for s in lib.list()] == ["a"]


def test_unreachable_database_is_a_clear_error(tmp_path, caplog):
    with pytest.raises(LibraryUnavailable) as info:
        ScenarioLibrary(f"sqlite:///{tmp_path}")  # a folder, not a database file
    assert re.search(r"cannot be reached", english(info.value)), english(info.value)
    assert str(tmp_path) not in str(info.value)  # the address goes to the server's log only
    assert str(tmp_path) in caplog.text


# ---------------------------------------------------------------------------------------------
# save, get, list


def test_save_then_get(lib):
    scenario = variant(3)
    saved = lib.save("高增长", scenario)
    assert isinstance(saved, SavedScenario)
    assert saved.name == "高增长"
    assert saved.scenario == scenario
    assert saved.created_at.tzinfo is not None
    assert saved.created_at == saved.updated_at
    got = lib.get("高增长")
    assert got == saved
    assert got.named().scenario == scenario
    assert lib.exists("高增长")
    assert not lib.exists("other")
    assert lib.get("other") is None


def test_list_is_ordered_by_name(lib):
    for name in ["b", "C", "a", "中"]:
        lib.save(name, variant(len(name)))
    assert [s.name for s in lib.list()] == sorted(["b", "C", "a", "中"])
    assert lib.problems == []


def test_names_are_stripped(lib):
    lib.save("  padded name \t", variant(1))
    assert lib.get("padded name").name == "padded name"
    assert lib.exists(" padded name ")
    with pytest.raises(NameTaken):
        lib.save("padded name", variant(2))


def test_parameters_are_stored_as_the_scenario_file_object(lib):
    scenario = variant(4)
    lib.save("x", scenario)
    with lib.engine.connect() as conn:
        text = conn.execute(sa.select(scenarios_table.c.parameters)).scalar_one()
    assert json.loads(text) == scenario.to_dict()


def test_survives_a_restart(url):
    with ScenarioLibrary(url) as first:
        for i in range(5):
            first.save(f"s{i}", variant(i))
        before = first.list()
    with ScenarioLibrary(url) as second:
        assert second.list() == before
        assert [s.scenario for s in second.list()] == [variant(i) for i in range(5)]


def test_save_over_a_name_raises_unless_overwrite(lib):
    first = lib.save("plan", variant(1))
    with pytest.raises(NameTaken) as caught:
        lib.save("plan", variant(2))
    assert re.search("already named 'plan'", english(caught.value)), english(caught.value)
    assert isinstance(caught.value, ScenarioError)
    assert lib.get("plan").scenario == variant(1)  # unchanged by the refused save

    second = lib.save("plan", variant(2), overwrite=True)
    assert second.created_at == first.created_at
    assert second.updated_at >= first.updated_at
    assert lib.get("plan").scenario == variant(2)
    assert len(lib.list()) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "cannot be empty"),
        ("   \t ", "cannot be empty"),
        ("x" * 81, "at most 80 characters; this one has 81"),
        ("line\nbreak", "control or format characters (such as those that change the direction of text): found U+000A"),
        ("nul\x00here", "control or format characters (such as those that change the direction of text): found U+0000"),
        ("bell\x07", "control or format characters (such as those that change the direction of text): found U+0007"),
        (
            "para\u2029graph",
            "control or format characters (such as those that change the direction of text): found U+2029",
        ),
        ("abc\u202efdp.exe", "found U+202E"),  # issue 20: a right-to-left override shows it as "abcexe.pdf"
        ("zero\u200bwidth", "found U+200B"),
        (42, "Name must be text, not 42"),
        (None, "cannot be empty"),
    ],
)
def test_bad_names_are_rejected_clearly(lib, name, message):
    with pytest.raises(ScenarioError) as caught:
        lib.save(name, default_scenario())
    assert re.search(re.escape(message), english(caught.value)), english(caught.value)
    assert lib.list() == []


@pytest.mark.parametrize("name", ["x" * 80, "  " + "y" * 80 + "  ", "2030年 目标 (乐观)", "=cmd", "基准情景（调整）"])
def test_good_names_are_accepted(lib, name):
    assert lib.save(name, default_scenario()).name == name.strip()


# ---------------------------------------------------------------------------------------------
# rename, delete


def test_rename(lib):
    saved = lib.save("old", variant(1))
    renamed = lib.rename("old", "new")
    assert renamed.name == "new"
    assert renamed.scenario == variant(1)
    assert renamed.created_at == saved.created_at
    assert not lib.exists("old")
    assert [s.name for s in lib.list()] == ["new"]


def test_rename_to_the_same_name_is_a_no_op(lib):
    lib.save("same", variant(1))
    assert lib.rename("same", " same ").name == "same"


def test_rename_onto_a_taken_name_raises(lib):
    lib.save("a", variant(1))
    lib.save("b", variant(2))
    with pytest.raises(NameTaken) as caught:
        lib.rename("a", "b")
    assert re.search("'b'", english(caught.value)), english(caught.value)
    assert {s.name: s.scenario for s in lib.list()} == {"a": variant(1), "b": variant(2)}


def test_rename_a_missing_name_raises(lib):
    with pytest.raises(ScenarioNotFound) as caught:
        lib.rename("ghost", "x")
    assert re.search("no saved scenario is named 'ghost'", english(caught.value)), english(caught.value)
    assert isinstance(caught.value, KeyError)
    assert english(caught.value) == "no saved scenario is named 'ghost'"
    assert caught.value.problems[0].code == "scenario_not_found"


def test_rename_to_a_bad_name_raises(lib):
    lib.save("a", variant(1))
    with pytest.raises(ScenarioError) as caught:
        lib.rename("a", "  ")
    assert re.search("cannot be empty", english(caught.value)), english(caught.value)
    assert lib.exists("a")


def test_delete(lib):
    lib.save("a", variant(1))
    lib.save("b", variant(2))
    lib.delete("a")
    assert [s.name for s in lib.list()] == ["b"]
    with pytest.raises(ScenarioNotFound):
        lib.delete("a")


# ---------------------------------------------------------------------------------------------
# rows written by other versions of the model


def test_rows_missing_a_newer_parameter_take_its_default(lib):
    insert_raw(lib, "old row", json.dumps({"growth_start": 9.5}))
    (saved,) = lib.list()
    assert saved.scenario == make_scenario({"growth_start": 9.5})


def test_rows_that_no_longer_validate_are_skipped_and_reported(lib):
    lib.save("good", variant(1))
    insert_raw(lib, "range narrowed", json.dumps({"growth_start": 99}))
    insert_raw(lib, "parameter removed", json.dumps({"retired_param": 1, "fund_size": 50}))
    insert_raw(lib, "damaged", "{not json")
    insert_raw(lib, "not an object", "[1, 2]")

    # A row written before version 2 is read as a version 1 file: a key that no longer exists is a
    # notice naming it, and the rest is kept; a value out of range still cannot be used.
    assert [s.name for s in lib.list()] == ["good", "parameter removed"]
    kept = lib.get("parameter removed")
    assert kept.scenario.fund_size == 50
    assert [(n.code, n.key) for n in kept.notices][:1] == [("unknown_key", "retired_param")]
    lib.list()
    assert len(lib.problems) == 3
    text = say_all(lib.problems, "en")
    assert "'range narrowed' no longer fits the model" in text and "Trend growth, first projected year" in text
    assert "'damaged' is damaged" in text
    assert "'not an object'" in text

    assert lib.get("range narrowed") is None
    assert len(lib.problems) == 1
    assert lib.exists("range narrowed")  # the name is still taken ...
    assert "range narrowed" in lib.names()
    lib.save("range narrowed", variant(2), overwrite=True)  # ... and can be overwritten
    assert lib.get("range narrowed").scenario == variant(2)


# ---------------------------------------------------------------------------------------------
# concurrency: twenty writers from separate threads


def run_threads(target, count: int = THREADS) -> list[BaseException]:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            barrier.wait()
            target(i)
        except BaseException as e:  # collected and asserted on in the main thread
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    return errors


def test_concurrent_saves_from_separate_instances_all_arrive(url):
    def save(i: int) -> None:
        with ScenarioLibrary(url) as own:
            own.save(f"thread {i:02d}", variant(i))

    assert run_threads(save) == []
    with ScenarioLibrary(url) as lib:
        saved = lib.list()
        assert lib.problems == []
    assert [s.name for s in saved] == [f"thread {i:02d}" for i in range(THREADS)]
    assert [s.scenario for s in saved] == [variant(i) for i in range(THREADS)]


def test_concurrent_saves_through_one_shared_instance_all_arrive(lib):
    assert run_threads(lambda i: lib.save(f"shared {i:02d}", variant(i))) == []
    saved = lib.list()
    assert {s.name: s.scenario for s in saved} == {f"shared {i:02d}": variant(i) for i in range(THREADS)}


def test_concurrent_saves_of_one_name_keep_exactly_one(url):
    ScenarioLibrary(url).close()  # create the schema first

    def save(i: int) -> None:
        with ScenarioLibrary(url) as own:
            own.save("contested", variant(i))

    errors = run_threads(save)
    assert len(errors) == THREADS - 1
    assert all(isinstance(e, NameTaken) for e in errors)
    with ScenarioLibrary(url) as lib:
        (saved,) = lib.list()
    assert saved.scenario in [variant(i) for i in range(THREADS)]


def test_concurrent_overwrites_leave_one_whole_scenario(lib):
    assert run_threads(lambda i: lib.save("hot", variant(i), overwrite=True)) == []
    (saved,) = lib.list()
    assert saved.scenario in [variant(i) for i in range(THREADS)]  # one writer's, never a mix
    assert saved.updated_at >= saved.created_at
    assert saved.created_at.tzinfo == UTC
