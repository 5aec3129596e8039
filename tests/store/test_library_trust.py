"""Issue 13, items 3–5: imports all or nothing, limits and a library tab whose cost does not grow,
every version kept, and owners where sign-in is configured.

Unit tests run on SQLite files in tmp_path and, with DEZHOU_TEST_POSTGRES_URL set, on PostgreSQL too;
AppTest tests drive the "Save & compare" tab against a SQLite library.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from pagekit import new_page, run_page, save_as, shown
from saykit import english
from storekit import variant
from streamlit.testing.v1 import AppTest

from model import scenario_file
from model.lang import LANGS
from model.parameters import PipelineProject, ScenarioError, Target, default_scenario, make_scenario
from report import scenario_exports
from report.problems import say
from report.text import TEXT
from store import library
from store.library import (
    ENV_VAR,
    MAX_PER_FILE,
    MAX_SCENARIOS,
    LibraryFull,
    NameTaken,
    NotOwner,
    ScenarioLibrary,
    ScenarioNotFound,
    scenarios_table,
    versions_table,
)
from ui import services
from ui.tabs import library as library_panel

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("DEZHOU_TEST_POSTGRES_URL", "")
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-secret",
    "client_id": "test-client",
    "client_secret": "test-client-secret",
    "server_metadata_url": "https://login.example/.well-known/openid-configuration",
}


@pytest.fixture
def owned(url):
    """A library where sign-in is configured: scenarios have owners."""
    with ScenarioLibrary(url, owners=True) as opened:
        yield opened


def many_doc(names: list[str], bad: set[int] = frozenset()) -> bytes:
    docs = [{"name": n, "parameters": {"fund_size": 999999 if i in bad else 10.0 + i}} for i, n in enumerate(names)]
    return json.dumps({"version": 1, "scenarios": docs}).encode()


def fill(lib: ScenarioLibrary, count: int, prefix: str = "s") -> None:
    """``count`` scenarios named prefix0000 …, in imports of at most MAX_PER_FILE."""
    names = [f"{prefix}{i:04d}" for i in range(count)]
    for start in range(0, count, MAX_PER_FILE):
        lib.save_many([(n, variant(i)) for i, n in enumerate(names[start : start + MAX_PER_FILE], start)])


# ---------------------------------------------------------------------------------------------
# item 3: one transaction per imported file


def test_a_bad_second_scenario_imports_nothing():
    with pytest.raises(ScenarioError) as caught:
        scenario_exports.parse_import(many_doc(["good", "bad"], bad={1}), "two.json", limit=MAX_PER_FILE)
    said = [say(p, "en") for p in caught.value.problems]
    assert any("scenario 2" in p and "industrial investment funds" in p for p in said), said


def test_a_clash_on_the_second_scenario_imports_nothing(lib):
    lib.save("taken", variant(1))
    with pytest.raises(NameTaken) as caught:
        lib.save_many([("new one", variant(2)), ("taken", variant(3))], source="f.json")
    assert re.search("'taken'", english(caught.value)), english(caught.value)
    assert lib.names() == ["taken"]
    assert lib.get("taken").scenario == variant(1)


def test_a_bad_name_among_good_ones_imports_nothing(lib):
    with pytest.raises(ScenarioError) as caught:
        lib.save_many([("a", variant(1)), ("b", variant(2)), ("  ", variant(3))], source="f.json")
    assert re.search(r"scenario 3: .*cannot be empty", english(caught.value)), english(caught.value)
    assert lib.names() == []


def test_duplicate_names_in_one_file_are_listed_with_the_other_problems(lib):
    data = many_doc(["twin", "other", "twin", "bad"], bad={3})
    with pytest.raises(ScenarioError) as caught:
        scenario_exports.parse_import(data, "dups.json", limit=MAX_PER_FILE)
    problems = [say(p, "en") for p in caught.value.problems]
    assert any("'twin' is given twice" in p and "scenario 3" in p for p in problems)
    assert any("scenario 4" in p and "industrial investment funds" in p for p in problems)  # listed together
    # and the library refuses them on its own too, saving none
    with pytest.raises(ScenarioError) as caught:
        lib.save_many([("twin", variant(1)), ("x", variant(2)), (" twin ", variant(3))])
    assert re.search("'twin' is given twice", english(caught.value)), english(caught.value)
    assert lib.names() == []


def test_an_import_is_one_transaction_overwrite_included(lib):
    lib.save("a", variant(1))
    saved = lib.save_many([("a", variant(2)), ("b", variant(3))], overwrite=True)
    assert [s.name for s in saved] == ["a", "b"]
    assert {s.name: s.scenario for s in lib.list()} == {"a": variant(2), "b": variant(3)}
    assert [v.name for v in lib.versions()] == ["a"]  # the overwritten one is kept


KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    import sqlalchemy as sa
    from store.library import ScenarioLibrary
    from model.parameters import make_scenario

    lib = ScenarioLibrary(sys.argv[1])
    inserts = 0

    @sa.event.listens_for(lib.engine, "after_cursor_execute")
    def stall(conn, cursor, statement, parameters, context, executemany):
        global inserts
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            inserts += 1
            print("INSIDE", flush=True)  # the import's rows are written, not yet committed
            time.sleep(600)

    items = [(f"imp{i:03d}", make_scenario({"fund_size": 10.0 + i})) for i in range(int(sys.argv[2]))]
    lib.save_many(items)
    print("DONE", flush=True)
    """
)


def test_kill_9_during_an_import_leaves_all_or_none(url, tmp_path):
    ScenarioLibrary(url).close()
    script = tmp_path / "killed_import.py"
    script.write_text(KILLED_IMPORT)
    proc = subprocess.Popen(
        [sys.executable, str(script), url, str(MAX_PER_FILE)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "INSIDE", proc.stderr.read()
        proc.kill()  # SIGKILL: no clean-up, no rollback from the client
    finally:
        proc.kill()
        proc.wait(timeout=30)
    with ScenarioLibrary(url) as after:
        assert after.count() == 0  # none of the import (all or none: it never committed)
        assert after.names() == []
        # the same import, not killed, brings all of them
        after.save_many([(f"imp{i:03d}", variant(i)) for i in range(MAX_PER_FILE)])
        assert after.count() == MAX_PER_FILE


def test_the_page_imports_a_file_with_a_duplicate_name_not_at_all(db_url):
    at = run_page(tab="tab_library")
    at.file_uploader[0].set_value(("dups.json", many_doc(["one", "two", "one"]), "application/json")).run()
    assert not at.exception, at.exception
    text = " ".join(shown(e.value) for e in at.error)
    assert "dups.json，第3个情景：名称“one”在同一文件中出现两次（另见第1个情景）。" in text  # the page's language
    assert not [b for b in at.button if b.key == "import_button"]
    assert ScenarioLibrary(db_url).names() == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_import_file_is_named_by_labels_in_the_pages_language(db_url, lang):
    """A value out of range in an imported file: the file, the scenario, the parameter's label and
    unit, the value and what is allowed, in the page's language; never the key."""
    at = run_page({"lang": lang}, tab="tab_library", lang=lang)
    data = json.dumps({"name": "a", "model_version": 2, "parameters": {"fund_size": 5000, "growth_end": None}}).encode()
    at.file_uploader[0].set_value(("bad.json", data, "application/json")).run()
    assert not at.exception, at.exception
    text = " ".join(shown(e.value) for e in at.error)
    expected = {
        "zh": [
            "bad.json，产业投资基金认缴规模（亿元）：5000超出允许范围，应为0至1000之间的数。",
            "bad.json，终止年份趋势增速（%）：空白不是数值，应为-10至25之间的数。",
        ],
        "en": [
            "bad.json, Committed size of the industrial investment funds (100 million yuan): 5000 is out of range; "
            "allowed: a number from 0 to 1000",
            "bad.json, Trend growth, last projected year (%): blank is not a number; allowed: a number from -10 to 25",
        ],
    }[lang]
    for sentence in expected:
        assert sentence in text, text
    assert "fund_size" not in text and "growth_end" not in text and "None" not in text
    assert not [b for b in at.button if b.key == "import_button"]


def test_the_page_imports_all_scenarios_of_a_good_file_in_one_go(db_url):
    at = run_page(tab="tab_library")
    at.file_uploader[0].set_value(("good.json", many_doc(["one", "two", "three"]), "application/json")).run()
    at.button(key="import_button").click().run()
    assert not at.exception, at.exception
    assert ScenarioLibrary(db_url).names() == ["one", "three", "two"]


# ---------------------------------------------------------------------------------------------
# item 4: limits, and a library tab whose cost does not grow with the library


def test_limits_are_sensible():
    assert MAX_PER_FILE == 200
    assert MAX_SCENARIOS == 2_000


def test_a_file_over_the_limit_is_refused_before_reading_its_scenarios(monkeypatch):
    calls = []
    monkeypatch.setattr(scenario_file, "parse_scenario_doc", lambda *a, **k: calls.append(a))
    data = json.dumps({"version": 1, "scenarios": [{}] * 333_320}).encode()
    assert len(data) < scenario_file.MAX_FILE_BYTES * 2
    with pytest.raises(ScenarioError) as caught:
        scenario_exports.parse_import(data, "big.json", limit=200)
    assert (
        english(caught.value) == "big.json: 333,320 scenarios are more than the 200 one import can hold; split the file"
    )
    assert [p.code for p in caught.value.problems] == ["too_many_in_file"]
    assert calls == []  # no scenario was validated


def test_the_library_refuses_more_than_the_per_file_limit(lib):
    items = [(f"n{i}", default_scenario()) for i in range(MAX_PER_FILE + 1)]
    with pytest.raises(LibraryFull) as caught:
        lib.save_many(items, source="big.json")
    assert re.search(f"{MAX_PER_FILE + 1} scenarios are more than the {MAX_PER_FILE}", english(caught.value)), english(
        caught.value
    )
    assert lib.count() == 0


def test_the_library_cap_names_the_limit_and_imports_nothing(lib, monkeypatch):
    monkeypatch.setattr(library, "MAX_SCENARIOS", 5)
    fill(lib, 4)
    with pytest.raises(LibraryFull) as caught:
        lib.save_many([("x", variant(1)), ("y", variant(2))])
    assert re.search("at most 5 scenarios; it has 4, so 2 more do not fit", english(caught.value)), english(
        caught.value
    )
    assert lib.count() == 4
    lib.save("x", variant(1))  # the fifth fits
    with pytest.raises(LibraryFull) as caught:
        lib.save("y", variant(2))
    assert re.search("at most 5 scenarios", english(caught.value)), english(caught.value)
    lib.save("x", variant(3), overwrite=True)  # overwriting adds no scenario: allowed when full


def test_entries_are_a_page_of_names_with_a_filter(lib):
    fill(lib, 45)
    lib.save("Special_%", variant(1))
    assert lib.count() == 46
    first = lib.entries(0, 20)
    assert [e.name for e in first] == ["Special_%"] + [f"s{i:04d}" for i in range(19)]
    assert [e.name for e in lib.entries(40, 20)] == [f"s{i:04d}" for i in range(39, 45)]
    assert lib.count("S00") == 45 and [e.name for e in lib.entries(0, 3, "s003")] == ["s0030", "s0031", "s0032"]
    assert [e.name for e in lib.entries(0, 20, "_%")] == ["Special_%"]  # LIKE wildcards are literal
    assert lib.rows_read > 0


class Counter:
    """SQL statements and rows the library reads while the page runs."""

    def __init__(self) -> None:
        self.statements = 0
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", self._count)

    def _count(self, *_args) -> None:
        self.statements += 1

    def close(self) -> None:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", self._count)


def rerun_cost(at: AppTest, url: str) -> tuple[int, int]:
    """Statements and rows read by one rerun of the open tab."""
    shared = services.get_library(url, False)
    counter = Counter()
    before = shared.rows_read
    try:
        at.run()
    finally:
        counter.close()
    assert not at.exception, at.exception
    return counter.statements, shared.rows_read - before


@pytest.mark.parametrize("size", [30, 600])
def test_a_rerun_of_the_library_tab_reads_the_same_whatever_the_size(tmp_path, monkeypatch, size):
    costs = {}
    for n in (size, size * 3):
        url = f"sqlite:///{tmp_path / f'lib{n}.sqlite'}"
        monkeypatch.setenv(ENV_VAR, url)
        with ScenarioLibrary(url) as seed:
            fill(seed, n)
        at = run_page(tab="tab_library")
        at.multiselect(key="compare_names").set_value(["s0001", "s0002"]).run()
        at.toggle(key="show_versions").set_value(True).run()
        upload = many_doc([f"s{i:04d}" for i in range(30)])  # a pending import whose names are taken
        at.file_uploader[0].set_value(("pending.json", upload, "application/json")).run()
        costs[n] = rerun_cost(at, url)
        assert len(at.selectbox(key="pick").options) == library_panel.PAGE_SIZE
    assert costs[size] == costs[size * 3], costs
    statements, rows = costs[size]
    assert rows > 0  # the page's own library was measured (the one get_library(url, False) gives)
    assert statements <= 16  # BEGIN + one query each: counts, a page, compared documents, clashes, versions
    assert rows <= 2 * library_panel.PAGE_SIZE + 30 + 10  # a page of names, two documents, 30 clashes, counts


def test_the_library_tab_pages_and_filters(db_url):
    with ScenarioLibrary(db_url) as seed:
        fill(seed, 45)
    at = run_page(tab="tab_library")
    assert at.selectbox(key="pick").options == [f"s{i:04d}" for i in range(20)]
    assert any("1/3" in c.value for c in at.caption)
    at.button(key="library_page_next").click().run()
    at.button(key="library_page_next").click().run()
    assert at.selectbox(key="pick").options == [f"s{i:04d}" for i in range(40, 45)]
    assert at.button(key="library_page_next").disabled
    at.text_input(key="library_filter").input("s001").run()
    assert at.selectbox(key="pick").options == [f"s{i:04d}" for i in range(10, 20)]  # back on a page that exists
    table = next(df.value for df in at.dataframe if TEXT["lib_col_name"]["zh"] in df.value.columns)
    assert list(table[TEXT["lib_col_name"]["zh"]]) == [f"s{i:04d}" for i in range(10, 20)]


def test_the_page_refuses_an_import_over_the_per_file_limit(db_url):
    at = run_page(tab="tab_library")
    data = many_doc([f"n{i}" for i in range(MAX_PER_FILE + 1)])
    at.file_uploader[0].set_value(("many.json", data, "application/json")).run()
    text = " ".join(shown(e.value) for e in at.error)
    assert "201 scenarios are more than the 200" in text or ("201" in text and "200" in text)
    assert ScenarioLibrary(db_url).count() == 0


# ---------------------------------------------------------------------------------------------
# item 5: every version kept; who and when; owners


def test_overwrite_rename_and_delete_keep_every_earlier_version(lib):
    lib.save("plan", variant(1), user="ann@example.com")
    lib.save("plan", variant(2), overwrite=True, user="bob@example.com")
    lib.rename("plan", "plan B", user="cy@example.com")
    lib.delete("plan B", user="dee@example.com")
    assert lib.count() == 0
    kept = lib.versions()
    assert [(v.name, v.event, v.saved_by, v.replaced_by) for v in kept] == [
        ("plan B", "deleted", "cy@example.com", "dee@example.com"),
        ("plan", "renamed", "bob@example.com", "cy@example.com"),
        ("plan", "overwritten", "ann@example.com", "bob@example.com"),
    ]
    assert kept[1].renamed_to == "plan B"
    assert kept[0].replaced_at >= kept[1].replaced_at >= kept[2].replaced_at
    assert lib.count_versions() == 3 and lib.count_versions("B") == 1

    # restore the very first version under its own name, then the deleted one under another
    first = lib.restore(kept[2].id, user="ann@example.com")
    assert first.name == "plan" and lib.get("plan").scenario == variant(1)
    lib.restore(kept[0].id, "plan again")
    assert lib.get("plan again").scenario == variant(2)
    # restoring over an existing name keeps that one too
    lib.restore(kept[0].id, "plan", overwrite=True)
    assert lib.get("plan").scenario == variant(2)
    assert lib.versions(0, 1)[0].event == "overwritten" and lib.count_versions() == 4
    _, scenario = lib.get_version(lib.versions(0, 1)[0].id)
    assert scenario == variant(1)


def test_who_and_when_are_recorded(lib):
    saved = lib.save("x", variant(1), user="ann@example.com")
    entry = lib.info("x")
    assert (entry.saved_by, entry.updated_at) == ("ann@example.com", saved.updated_at)
    lib.save("x", variant(2), overwrite=True)  # open library, nobody signed in: unknown
    assert lib.info("x").saved_by is None
    assert lib.info("missing") is None


def test_only_the_owner_can_overwrite_rename_or_delete(owned):
    owned.save("mine", variant(1), user="ann@example.com")
    for change in (
        lambda: owned.save("mine", variant(2), overwrite=True, user="bob@example.com"),
        lambda: owned.rename("mine", "theirs", user="bob@example.com"),
        lambda: owned.delete("mine", user="bob@example.com"),
        lambda: owned.delete("mine"),  # not signed in
        lambda: owned.save_many([("x", variant(3)), ("mine", variant(3))], overwrite=True, user="bob@example.com"),
    ):
        with pytest.raises(NotOwner) as caught:
            change()
        assert re.search(r"only ann@example\.com can overwrite, rename or delete 'mine'", english(caught.value)), (
            english(caught.value)
        )
    assert owned.names() == ["mine"] and owned.get("mine").scenario == variant(1)
    assert owned.count_versions() == 0
    # others can copy it
    copy = owned.save("bob's copy", owned.get("mine").scenario, user="bob@example.com")
    assert copy.owner == "bob@example.com"
    # the owner can do everything
    owned.save("mine", variant(4), overwrite=True, user="ann@example.com")
    owned.rename("mine", "still mine", user="ann@example.com")
    owned.delete("still mine", user="ann@example.com")
    assert owned.names() == ["bob's copy"]
    with pytest.raises(ScenarioNotFound):
        owned.delete("still mine", user="ann@example.com")


def test_an_open_library_lets_anyone_change_anything(lib):
    lib.save("x", variant(1), user="ann@example.com")
    lib.save("x", variant(2), overwrite=True, user="bob@example.com")
    lib.delete("x")
    assert lib.count() == 0 and lib.count_versions() == 2


OLD_SCHEMA = """
CREATE TABLE dezhou_scenarios (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(80) NOT NULL,
    parameters TEXT NOT NULL,
    projects TEXT,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT uq_dezhou_scenarios_name UNIQUE (name)
)
"""


def test_a_library_made_by_the_earlier_code_is_migrated_on_open(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute(OLD_SCHEMA)
        conn.execute(
            "INSERT INTO dezhou_scenarios (name, parameters, created_at, updated_at) VALUES (?, ?, ?, ?)",
            ("kept", json.dumps({"fund_size": 50.0}), "2025-01-02 03:04:05.000000", "2025-01-02 03:04:05.000000"),
        )
    with ScenarioLibrary(f"sqlite:///{path}") as lib:
        assert lib.get("kept").scenario == make_scenario({"fund_size": 50.0})
        entry = lib.info("kept")
        assert entry.owner is None and entry.saved_by is None
        lib.save("kept", variant(2), overwrite=True, user="ann@example.com")
        (version,) = lib.versions()
        assert version.saved_at.year == 2025 and version.event == "overwritten"
        assert lib.restore(version.id, overwrite=True).scenario == make_scenario({"fund_size": 50.0})
    columns = {c["name"] for c in sa.inspect(sa.create_engine(f"sqlite:///{path}")).get_columns("dezhou_scenarios")}
    assert {"owner", "saved_by"} <= columns


def test_a_postgresql_library_made_by_the_earlier_code_is_migrated_on_open():
    if not POSTGRES_URL:
        pytest.skip("set DEZHOU_TEST_POSTGRES_URL to test PostgreSQL")
    engine = sa.create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        library.metadata.drop_all(conn, checkfirst=True)
        old = sa.MetaData()
        sa.Table(
            scenarios_table.name,
            old,
            *(
                sa.Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
                for c in scenarios_table.c
                if c.name not in ("owner", "saved_by")
            ),
        ).create(conn)
        conn.execute(
            sa.text(
                "INSERT INTO dezhou_scenarios (name, parameters, created_at, updated_at) "
                "VALUES ('kept', :p, now(), now())"
            ),
            {"p": json.dumps({"fund_size": 50.0})},
        )
    engine.dispose()
    with ScenarioLibrary(POSTGRES_URL, owners=True) as lib:
        lib.save("kept", variant(2), overwrite=True, user="ann@example.com")  # no owner yet: anyone may
        assert [v.name for v in lib.versions()] == ["kept"]
        assert sa.inspect(lib.engine).has_table(versions_table.name)


# ---- the page ------------------------------------------------------------------------------------


def page(user: dict | None = None, signin: bool = False) -> AppTest:
    at = new_page(tab="tab_library")
    if signin:
        at.secrets["auth"] = AUTH
    if user is not None:
        at.user = user
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_overwrite_prompt_says_who_saved_it_and_when(db_url):
    saved = ScenarioLibrary(db_url).save("plan", variant(1), user="ann@example.com")
    at = save_as(page(), "plan")
    text = " ".join(shown(w.value) for w in at.warning)
    assert "ann@example.com" in text and saved.updated_at.strftime("%Y-%m-%d %H:%M UTC") in text
    at.button(key="confirm_overwrite").click().run()
    with ScenarioLibrary(db_url) as after:
        assert after.get("plan").scenario == default_scenario()
        assert [v.saved_by for v in after.versions()] == ["ann@example.com"]  # the earlier one is kept


def test_earlier_versions_are_listed_and_restored_from_the_page(db_url):
    with ScenarioLibrary(db_url) as lib:
        lib.save("plan", variant(1), user="ann@example.com")
        lib.save("plan", variant(2), overwrite=True)
        lib.delete("plan")
    at = page()
    at.toggle(key="show_versions").set_value(True).run()
    table = next(df.value for df in at.dataframe if TEXT["ver_col_event"]["zh"] in df.value.columns)
    assert list(table[TEXT["ver_col_event"]["zh"]]) == ["被删除", "被覆盖"]
    assert "ann@example.com" in list(table[TEXT["lib_col_saved_by"]["zh"]])
    first = ScenarioLibrary(db_url).versions()[1].id
    at.selectbox(key="version_pick").set_value(first).run()
    at.button(key="FormSubmitter:restore_form-" + TEXT["restore"]["zh"]).click().run()
    assert not at.exception, at.exception
    assert ScenarioLibrary(db_url).get("plan").scenario == variant(1)
    assert any("plan" in shown(s.value) for s in at.success)


def test_with_sign_in_only_the_owner_may_overwrite_or_delete_others_copy(db_url):
    ScenarioLibrary(db_url).save("ann's plan", variant(1), user="ann@example.com")
    bob = {"is_logged_in": True, "email": "bob@example.com"}
    at = page(bob, signin=True)
    assert any("bob@example.com" in shown(c.value) for c in at.caption)
    assert at.selectbox(key="pick").value == "ann's plan"
    assert at.button(key="FormSubmitter:rename_form-" + TEXT["rename"]["zh"]).disabled
    assert any("ann@example.com" in shown(i.value) for i in at.info)  # belongs to ann
    at = save_as(at, "ann's plan")
    assert any("ann@example.com" in shown(w.value) for w in at.warning)
    assert at.button(key="confirm_overwrite").disabled
    at.text_input(key="copy_to").input("bob's copy")
    at.button(key="FormSubmitter:copy_form-" + TEXT["copy"]["zh"]).click().run()
    with ScenarioLibrary(db_url) as after:
        assert after.get("ann's plan").scenario == variant(1)
        assert after.info("bob's copy").owner == "bob@example.com"
        assert after.get("bob's copy").scenario == variant(1)


def test_with_sign_in_a_visitor_who_has_not_signed_in_can_look_but_not_save(db_url):
    ScenarioLibrary(db_url).save("plan", variant(1))
    at = page({"is_logged_in": False}, signin=True)
    assert at.button(key="signin")
    assert at.button(key="FormSubmitter:save_form-" + TEXT["save_button"]["zh"]).disabled
    assert not at.button(key="load_saved").disabled


def test_without_sign_in_the_library_stays_open(db_url):
    ScenarioLibrary(db_url).save("plan", variant(1), user="ann@example.com")
    at = page()
    assert not [b for b in at.button if b.key == "signin"]
    assert not at.button(key="FormSubmitter:rename_form-" + TEXT["rename"]["zh"]).disabled
    at.button(key="confirm_delete").click().run()
    assert ScenarioLibrary(db_url).names() == []


def test_scenarios_chosen_for_comparison_stay_chosen_across_pages(db_url):
    with ScenarioLibrary(db_url) as seed:
        fill(seed, 45)
    at = run_page(tab="tab_library")
    at.multiselect(key="compare_names").set_value(["s0001"]).run()
    at.button(key="library_page_next").click().run()
    assert at.selectbox(key="pick").options[0] == "s0020"
    picker = at.multiselect(key="compare_names")
    assert picker.value == ["s0001"]
    assert picker.options == ["s0001", *(f"s{i:04d}" for i in range(20, 40))]
    picker.set_value(["s0001", "s0025"]).run()
    assert not at.exception, at.exception
    table = next(df.value for df in at.table if TEXT["cmp_scenario"]["zh"] in df.value.columns)
    assert list(table[TEXT["cmp_scenario"]["zh"]]) == ["s0001", "s0025"]


def test_the_page_imports_nothing_when_a_later_name_is_refused_by_the_library(db_url):
    """The probe's case: the file parses, but its second name is too long for the library."""
    at = run_page(tab="tab_library")
    at.file_uploader[0].set_value(("two.json", many_doc(["good", "x" * 81]), "application/json")).run()
    at.button(key="import_button").click().run()
    assert not at.exception, at.exception
    text = " ".join(shown(e.value) for e in at.error)
    assert "two.json" in text and "80" in text and "81" in text
    assert ScenarioLibrary(db_url).names() == []


def test_when_the_versions_are_full_changes_are_refused_and_nothing_is_lost(lib, monkeypatch):
    monkeypatch.setattr(library, "MAX_VERSIONS", 1)
    lib.save("x", variant(1))
    lib.save("x", variant(2), overwrite=True)
    for change in (
        lambda: lib.save("x", variant(3), overwrite=True),
        lambda: lib.rename("x", "y"),
        lambda: lib.delete("x"),
    ):
        with pytest.raises(LibraryFull) as caught:
            change()
        assert re.search("at most 1 earlier versions", english(caught.value)), english(caught.value)
    assert lib.names() == ["x"] and lib.get("x").scenario == variant(2) and lib.count_versions() == 1


def test_concurrent_overwrites_keep_every_version(url):
    ScenarioLibrary(url).close()
    with ScenarioLibrary(url) as first:
        first.save("hot", variant(100))
    threads = 12
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def overwrite(i: int) -> None:
        try:
            with ScenarioLibrary(url) as own:
                barrier.wait()
                own.save("hot", variant(i), overwrite=True)
        except BaseException as e:  # asserted on below
            errors.append(e)

    workers = [threading.Thread(target=overwrite, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert errors == []
    with ScenarioLibrary(url) as lib:
        kept = [lib.get_version(v.id)[1] for v in lib.versions(0, 100)]
        current = lib.get("hot").scenario
    # every scenario ever saved is either the current one or an earlier version, each exactly once
    assert sorted(map(repr, [*kept, current])) == sorted(repr(variant(i)) for i in [100, *range(threads)])


def test_the_whole_scenario_is_kept_targets_and_projects_included(lib):
    """Nothing saved is lost: the library keeps the scenario file's whole body (Scenario.to_doc())."""
    scenario = (
        variant(3)
        .with_projects((PipelineProject(name="新项目", investment=20.0, full_output=30.0, first_year=2026),))
        .with_targets((Target(label="2030年达到3000亿元", metric="level", year=2030, value=3000.0),))
    )
    lib.save("full", scenario)
    assert lib.get("full").scenario == scenario
    lib.save("full", variant(4), overwrite=True)
    assert lib.restore(lib.versions()[0].id, "restored").scenario == scenario
    assert lib.get("restored").scenario == scenario
