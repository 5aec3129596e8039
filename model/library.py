"""The scenario library: named scenarios kept in a database through SQLAlchemy.

By default a SQLite file ``var/scenarios.sqlite`` beside the code; set ``DEZHOU_SCENARIO_DB`` to any
SQLAlchemy URL (for example ``postgresql+psycopg://user@host/db``) to share one library between
servers. Nothing here is specific to one database except the SQLite connection set-up, which runs
only when the URL is a SQLite one.

A row stores the scenario-file ``parameters`` object as JSON text, not one column per parameter, so
rows saved today still load after a parameter is added (it takes its default). A row that no longer
validates (a parameter removed, a range narrowed) is skipped when reading and described in
:attr:`ScenarioLibrary.problems`; it never stops the rest of the library from loading.

One :class:`ScenarioLibrary` holds one engine (a connection pool); make one per process and share
it between threads, or make several: each save is one transaction either way.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from model.parameters import Scenario, ScenarioError, make_scenario, parse_projects
from model.scenario_file import NamedScenario

ENV_VAR = "DEZHOU_SCENARIO_DB"
REPO_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PATH = REPO_DIR / "var" / "scenarios.sqlite"
MAX_NAME = 80
SQLITE_BUSY_MS = 30_000  # a writer waits this long for another writer before giving up

metadata = sa.MetaData()
scenarios_table = sa.Table(
    "dezhou_scenarios",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(MAX_NAME), nullable=False),
    sa.Column("parameters", sa.Text, nullable=False),  # the scenario file's "parameters" object
    sa.Column("projects", sa.Text, nullable=True),  # its "projects" list (added projects), or NULL
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("name", name="uq_dezhou_scenarios_name"),
)


class NameTaken(ScenarioError):
    """Saving or renaming onto a name the library already holds."""

    def __init__(self, name: str):
        self.name = name
        super().__init__([f"a saved scenario is already named {name!r}; choose another name or overwrite it"])


class ScenarioNotFound(ScenarioError, KeyError):
    """Renaming or deleting a name the library does not hold (a KeyError too)."""

    def __init__(self, name: str):
        self.name = name
        super().__init__([f"no saved scenario is named {name!r}"])

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return "; ".join(self.problems)


class LibraryUnavailable(RuntimeError):
    """The database cannot be reached, or stayed locked longer than the busy timeout."""


@dataclasses.dataclass(frozen=True)
class SavedScenario:
    name: str
    scenario: Scenario
    created_at: datetime
    updated_at: datetime

    def named(self) -> NamedScenario:
        """As a NamedScenario, for the exports in model.exchange."""
        return NamedScenario(self.name, self.scenario)


def default_url() -> str:
    """``$DEZHOU_SCENARIO_DB`` if set, else the SQLite file ``<repo>/var/scenarios.sqlite``."""
    url = os.environ.get(ENV_VAR, "").strip()
    if url:
        return url
    DEFAULT_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_PATH}"


def clean_name(name: Any) -> str:
    """The name as stored: stripped; 1–80 characters; no control characters. Else ScenarioError."""
    if not isinstance(name, str):
        raise ScenarioError([f"a scenario name must be text, not {name!r}"])
    cleaned = name.strip()
    if not cleaned:
        raise ScenarioError(["a scenario name cannot be empty"])
    if len(cleaned) > MAX_NAME:
        raise ScenarioError([f"a scenario name can have at most {MAX_NAME} characters; this one has {len(cleaned)}"])
    bad = sorted({c for c in cleaned if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")})
    if bad:
        shown = ", ".join(f"U+{ord(c):04X}" for c in bad)
        raise ScenarioError([f"a scenario name cannot contain control characters (found {shown})"])
    return cleaned


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    # Every stored time is UTC; SQLite keeps no time zone, PostgreSQL answers in the session's.
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _is_pysqlite(url: sa.URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.get_driver_name() == "pysqlite"


def _use_wal(cursor: Any) -> None:
    """Switch a SQLite file to write-ahead logging, so that readers never block the writer.

    The mode is stored in the file, so this changes something only the first time. That switch
    needs the file to itself, and SQLite answers "locked" at once, without the busy timeout, while
    another connection holds it; so wait and retry, as the busy timeout would.
    """
    if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
        return
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            busy = "locked" in str(e) or "busy" in str(e)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _create_engine(url_text: str) -> Engine:
    url = make_url(url_text)
    if not _is_pysqlite(url):  # PostgreSQL and the rest: nothing dialect-specific
        return sa.create_engine(url, pool_pre_ping=True)

    database = url.database or ""
    in_memory = database in ("", ":memory:") or url.query.get("mode") == "memory"
    kwargs: dict[str, Any] = {"pool_pre_ping": True}
    connect_args: dict[str, Any] = {"timeout": SQLITE_BUSY_MS / 1000}
    if in_memory:
        # One shared connection, or every pooled connection would see its own empty database.
        kwargs["poolclass"] = StaticPool
        connect_args["check_same_thread"] = False
    else:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args=connect_args, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy emits BEGIN itself (below); the driver's own transaction handling is off.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        if not in_memory:
            _use_wal(cursor)
            cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer takes the write lock at BEGIN, so it waits (busy timeout) instead of failing
        # when another writer commits between its read and its write.
        write = conn.get_execution_options().get("dezhou_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class ScenarioLibrary:
    """Named scenarios in a database. Names are unique; every change is one transaction."""

    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        self.engine = _create_engine(self.url)
        self.problems: list[str] = []  # rows skipped by the last list() or get()
        try:
            self._ensure_schema()
        except BaseException:
            self.engine.dispose()
            raise

    # -- plumbing -----------------------------------------------------------------------------

    def _where(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                if write:
                    conn.execution_options(dezhou_write=True)
                with conn.begin():
                    yield conn
        except exc.OperationalError as e:
            raise LibraryUnavailable(f"the scenario library at {self._where()} is unavailable: {e.orig or e}") from e

    def _ensure_schema(self) -> None:
        try:
            with self._transaction(write=True) as conn:
                metadata.create_all(conn, checkfirst=True)
        except (exc.IntegrityError, exc.ProgrammingError):
            # Another process created the table between the check and the CREATE.
            if not sa.inspect(self.engine).has_table(scenarios_table.name):
                raise
        # A library made before projects could be added to a scenario gets the column now.
        columns = {c["name"] for c in sa.inspect(self.engine).get_columns(scenarios_table.name)}
        if "projects" not in columns:
            try:
                with self._transaction(write=True) as conn:
                    conn.execute(sa.text(f"ALTER TABLE {scenarios_table.name} ADD COLUMN projects TEXT"))
            except (exc.OperationalError, exc.ProgrammingError):
                pass  # another process added it first

    def _load(self, row: Any) -> SavedScenario | None:
        try:
            params = json.loads(row.parameters)
            if not isinstance(params, dict):
                raise ScenarioError(["the stored parameters are not a JSON object"])
            projects = parse_projects(json.loads(row.projects)) if row.projects else ()
            scenario = make_scenario(params).with_projects(projects)
        except ScenarioError as e:
            self.problems.append(f"saved scenario {row.name!r} no longer fits the model and was skipped: {e}")
            return None
        except ValueError as e:
            self.problems.append(f"saved scenario {row.name!r} is damaged and was skipped: {e}")
            return None
        return SavedScenario(row.name, scenario, _aware(row.created_at), _aware(row.updated_at))

    @staticmethod
    def _select(name: str | None = None) -> sa.Select:
        t = scenarios_table
        query = sa.select(t.c.name, t.c.parameters, t.c.projects, t.c.created_at, t.c.updated_at)
        return query if name is None else query.where(t.c.name == name)

    # -- the API ------------------------------------------------------------------------------

    def save(self, name: str, scenario: Scenario, *, overwrite: bool = False) -> SavedScenario:
        """Store ``scenario`` under ``name``. NameTaken if the name exists and not ``overwrite``."""
        name = clean_name(name)
        params = json.dumps(scenario.to_dict(), ensure_ascii=False)
        projects = json.dumps(scenario.to_doc()["projects"], ensure_ascii=False) if scenario.projects else None
        t = scenarios_table
        for attempt in range(2):
            try:
                with self._transaction(write=True) as conn:
                    now = _now()  # after BEGIN IMMEDIATE: times follow the order of the writes
                    found = conn.execute(sa.select(t.c.id, t.c.created_at).where(t.c.name == name)).first()
                    if found is None:
                        conn.execute(
                            t.insert().values(
                                name=name, parameters=params, projects=projects, created_at=now, updated_at=now
                            )
                        )
                        created = now
                    elif overwrite:
                        conn.execute(
                            t.update()
                            .where(t.c.id == found.id)
                            .values(parameters=params, projects=projects, updated_at=now)
                        )
                        created = _aware(found.created_at)
                    else:
                        raise NameTaken(name)
                return SavedScenario(name, scenario, created, now)
            except exc.IntegrityError:
                # A concurrent writer (possible on PostgreSQL) inserted the name after our check.
                if not overwrite or attempt:
                    raise NameTaken(name) from None
        raise AssertionError("unreachable")

    def list(self) -> list[SavedScenario]:
        """Every saved scenario that still validates, ordered by name (rows that don't: problems)."""
        self.problems = []
        with self._transaction(write=False) as conn:
            rows = conn.execute(self._select()).all()
        loaded = (self._load(row) for row in rows)
        return sorted((s for s in loaded if s is not None), key=lambda s: s.name)

    def names(self) -> list[str]:
        """Every stored name, including rows that no longer validate, ordered."""
        with self._transaction(write=False) as conn:
            return sorted(conn.execute(sa.select(scenarios_table.c.name)).scalars())

    def get(self, name: str) -> SavedScenario | None:
        """The scenario saved under ``name``; None if there is none or it no longer validates."""
        self.problems = []
        try:
            name = clean_name(name)
        except ScenarioError:
            return None
        with self._transaction(write=False) as conn:
            row = conn.execute(self._select(name)).first()
        return None if row is None else self._load(row)

    def exists(self, name: str) -> bool:
        """Whether ``name`` is taken (also by a row that no longer validates)."""
        try:
            name = clean_name(name)
        except ScenarioError:
            return False
        t = scenarios_table
        with self._transaction(write=False) as conn:
            return conn.execute(sa.select(t.c.id).where(t.c.name == name)).first() is not None

    def rename(self, old: str, new: str) -> SavedScenario | None:
        """Give a saved scenario a new name. ScenarioNotFound if ``old`` is missing, NameTaken if
        ``new`` is taken. Returns the renamed scenario (None if its row no longer validates)."""
        old_name, new_name = clean_name(old), clean_name(new)
        t = scenarios_table
        try:
            with self._transaction(write=True) as conn:
                if conn.execute(sa.select(t.c.id).where(t.c.name == old_name)).first() is None:
                    raise ScenarioNotFound(old_name)
                if new_name != old_name:
                    if conn.execute(sa.select(t.c.id).where(t.c.name == new_name)).first() is not None:
                        raise NameTaken(new_name)
                    conn.execute(t.update().where(t.c.name == old_name).values(name=new_name, updated_at=_now()))
        except exc.IntegrityError:
            raise NameTaken(new_name) from None
        return self.get(new_name)

    def delete(self, name: str) -> None:
        """Remove a saved scenario. ScenarioNotFound if there is none of that name."""
        name = clean_name(name)
        t = scenarios_table
        with self._transaction(write=True) as conn:
            if conn.execute(t.delete().where(t.c.name == name)).rowcount == 0:
                raise ScenarioNotFound(name)

    def close(self) -> None:
        """Close the pooled connections."""
        self.engine.dispose()

    def __enter__(self) -> ScenarioLibrary:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
