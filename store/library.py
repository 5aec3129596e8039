"""The scenario library: named scenarios kept in a database through SQLAlchemy.

By default a SQLite file ``var/scenarios.sqlite`` beside the code; set ``DEZHOU_SCENARIO_DB`` to any
SQLAlchemy URL (for example ``postgresql+psycopg://user@host/db``) to share one library between
servers. Nothing here is specific to one database except the SQLite connection set-up, which runs
only when the URL is a SQLite one.

A row stores the scenario-file ``parameters`` object as JSON text, not one column per parameter, so
rows saved today still load after a parameter is added (it takes its default). A row that no longer
validates (a parameter removed, a range narrowed) is skipped when reading and described in
:attr:`ScenarioLibrary.problems`; it never stops the rest of the library from loading.

Nothing saved is lost: overwriting, renaming or deleting a scenario first copies the row as it was
into the versions table (``dezhou_scenario_versions``), with who and when where known; any of those
versions can be restored. With ``owners=True`` (the page turns it on where sign-in is configured) a
scenario records the signed-in user who first saved it, and only that user can overwrite, rename or
delete it; anyone can copy it under another name.

Limits keep one user from slowing everyone: at most :data:`MAX_PER_FILE` scenarios in one import,
:data:`MAX_SCENARIOS` in the library, :data:`MAX_VERSIONS` earlier versions; and, so that one visitor
cannot take everyone's room, each visitor (a signed-in user, else one browser session: the page passes
``visitor``) may add at most :data:`VISITOR_NEW_PER_HOUR` scenarios and cause at most
:data:`VISITOR_VERSIONS_PER_HOUR` earlier versions an hour (:class:`FairShare`). The administrator
sets them all in one place (:class:`Limits`; the page reads ``[library_limits]`` in its secrets).

Names are compared as they look: :func:`name_key` (Unicode NFKC, white space folded) is stored beside
each name, and two names with the same key are one name (``dup\u00a0name`` is ``dup name``). A name
keeps the characters it was typed with; format characters (bidirectional overrides such as U+202E,
zero-width spaces) are refused. The page reads the
library a page of names at a time (:meth:`ScenarioLibrary.entries`) and loads only the documents it
shows, so its cost does not grow with the library.

One :class:`ScenarioLibrary` holds one engine (a connection pool); make one per process and share
it between threads, or make several: each change is one transaction either way (an import of many
scenarios too: all of them or none).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from model.compat import CompatNotice
from model.parameters import Scenario, ScenarioError
from model.problems import Problem, located, problem
from model.scenario_file import NamedScenario, parse_scenario_doc

ENV_VAR = "DEZHOU_SCENARIO_DB"
REPO_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PATH = REPO_DIR / "var" / "scenarios.sqlite"
MAX_NAME = 80
MAX_USER = 320  # an e-mail address is at most 320 characters
MAX_PER_FILE = 200  # scenarios in one imported file
MAX_SCENARIOS = 2_000  # scenarios in the library
MAX_VERSIONS = 50_000  # earlier versions kept (about 1 KB each)
VISITOR_NEW_PER_HOUR = 200  # new scenarios one visitor may add in an hour (one full import)
VISITOR_VERSIONS_PER_HOUR = 500  # earlier versions one visitor's overwrites, renames and deletes may make an hour
HOUR = 3600.0
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
    sa.Column("owner", sa.String(MAX_USER), nullable=True),  # who first saved it, where sign-in is on
    sa.Column("saved_by", sa.String(MAX_USER), nullable=True),  # who saved this version, where known
    # The whole scenario-file body (Scenario.to_doc(): model version, parameters, projects, targets);
    # NULL in rows saved before it existed, which are read from "parameters" and "projects".
    sa.Column("document", sa.Text, nullable=True),
    # The name as compared (name_key): two names that look the same are one name. NULL only in rows
    # written before it existed, until the library is next opened (it fills them in).
    sa.Column("name_key", sa.Text, nullable=True),
    sa.UniqueConstraint("name", name="uq_dezhou_scenarios_name"),
)
# Columns added after the first release: a library made before gets them when it is opened.
ADDED_COLUMNS = ("projects", "owner", "saved_by", "document", "name_key")
# Unique where the library holds no two names that look the same (a library made before name_key
# may: then the index is not made, and the check in save_many alone keeps new names apart).
NAME_KEY_INDEX = sa.Index("uq_dezhou_scenarios_name_key", scenarios_table.c.name_key, unique=True)

versions_table = sa.Table(
    "dezhou_scenario_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(MAX_NAME), nullable=False),  # the name it had
    sa.Column("parameters", sa.Text, nullable=False),
    sa.Column("projects", sa.Text, nullable=True),
    sa.Column("document", sa.Text, nullable=True),
    sa.Column("owner", sa.String(MAX_USER), nullable=True),
    sa.Column("saved_by", sa.String(MAX_USER), nullable=True),  # who saved this version
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),  # when the name was first saved
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),  # when this version was saved
    sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),  # when it was overwritten, ...
    sa.Column("replaced_by", sa.String(MAX_USER), nullable=True),  # ... and by whom, where known
    sa.Column("event", sa.String(16), nullable=False),  # "overwritten", "renamed" or "deleted"
    sa.Column("renamed_to", sa.String(MAX_NAME), nullable=True),
    sa.Index("ix_dezhou_scenario_versions_name", "name"),
)
EVENTS = ("overwritten", "renamed", "deleted")


class NameTaken(ScenarioError):
    """Saving or renaming onto a name (or, importing, names) the library already holds."""

    def __init__(self, name: str, *more: str):
        self.name = name
        self.names = (name, *more)
        super().__init__([problem("name_taken", name=n) for n in self.names])


class NotOwner(ScenarioError):
    """Overwriting, renaming or deleting a scenario that another signed-in user owns."""

    def __init__(self, name: str, owner: str, *more: tuple[str, str]):
        self.name = name
        self.owner = owner
        super().__init__([problem("not_owner", name=n, owner=o) for n, o in ((name, owner), *more)])


class LibraryFull(ScenarioError):
    """A save or an import would take the library (or its versions) past its limit."""


class VisitorLimit(LibraryFull):
    """A visitor reached their share of the library for the hour (:class:`FairShare`)."""


class VersionNotFound(ScenarioError, KeyError):
    """Restoring a version the library does not hold."""

    def __init__(self, version_id: int):
        super().__init__([problem("version_not_found", number=version_id)])

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return "; ".join(map(str, self.problems))


class ScenarioNotFound(ScenarioError, KeyError):
    """Renaming or deleting a name the library does not hold (a KeyError too)."""

    def __init__(self, name: str):
        self.name = name
        super().__init__([problem("scenario_not_found", name=name)])

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return "; ".join(map(str, self.problems))


class LibraryUnavailable(RuntimeError):
    """The database cannot be reached, or stayed locked longer than the busy timeout (``problems``:
    ``library_unreachable``), or its address is not a database this server can open
    (``library_not_database``). Never holds the database's address (user, host, password): that goes
    to the server's log."""

    def __init__(self, code: str):
        self.problems = [problem(code)]
        super().__init__(code)


log = logging.getLogger(__name__)
UNREACHABLE = "library_unreachable"
NOT_A_DATABASE = "library_not_database"


def _hidden(url_text: str) -> str:
    """The address for the server's log, with its password hidden where it can be parsed."""
    try:
        return make_url(url_text).render_as_string(hide_password=True)
    except (exc.ArgumentError, ValueError):
        return "(an address that is not a database URL)"


@dataclasses.dataclass(frozen=True)
class SavedScenario:
    name: str
    scenario: Scenario
    created_at: datetime
    updated_at: datetime
    owner: str | None = None  # who first saved it, where sign-in is on
    saved_by: str | None = None  # who saved this version, where known
    # What changed for a scenario saved under version 1 of the model (model.compat).
    notices: tuple[CompatNotice, ...] = ()

    def named(self) -> NamedScenario:
        """As a NamedScenario, for the exports in report.scenario_exports."""
        return NamedScenario(self.name, self.scenario, notices=self.notices)


@dataclasses.dataclass(frozen=True)
class LibraryEntry:
    """A saved scenario's name, times and people, without its parameters (cheap to list)."""

    name: str
    created_at: datetime
    updated_at: datetime
    owner: str | None = None
    saved_by: str | None = None


@dataclasses.dataclass(frozen=True)
class Version:
    """An earlier version of a saved scenario, kept when it was overwritten, renamed or deleted."""

    id: int
    name: str
    event: str  # "overwritten", "renamed" or "deleted"
    saved_at: datetime  # when this version was saved ...
    saved_by: str | None  # ... and by whom, where known
    replaced_at: datetime  # when it was overwritten, renamed or deleted ...
    replaced_by: str | None  # ... and by whom, where known
    owner: str | None = None
    renamed_to: str | None = None


def default_url() -> str:
    """``$DEZHOU_SCENARIO_DB`` if set, else the SQLite file ``<repo>/var/scenarios.sqlite``."""
    url = os.environ.get(ENV_VAR, "").strip()
    if url:
        return url
    DEFAULT_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_PATH}"


def name_key(name: str) -> str:
    """A name as compared: Unicode NFKC (a no-break space is a space, ``Ａ`` is ``A``), every run of
    white space one space, no space at either end. Names with the same key look the same: one name."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def clean_name(name: Any) -> str:
    """The name as stored: stripped; 1–80 characters; no control or format characters (``Cf``: the
    bidirectional overrides such as U+202E, zero-width spaces), each named by its code point.
    Else ScenarioError."""
    if name is None:
        raise ScenarioError([problem("name_empty")])
    if not isinstance(name, str):
        raise ScenarioError([problem("not_text", key="name", value=name)])
    cleaned = name.strip()
    if not cleaned:
        raise ScenarioError([problem("name_empty")])
    if len(cleaned) > MAX_NAME:
        raise ScenarioError([problem("name_too_long", count=len(cleaned), limit=MAX_NAME)])
    bad = sorted({c for c in cleaned if unicodedata.category(c) in HIDDEN_CATEGORIES})
    if bad:
        raise ScenarioError([problem("name_control", chars=tuple(f"U+{ord(c):04X}" for c in bad))])
    return cleaned


HIDDEN_CATEGORIES = ("Cc", "Cf", "Cs", "Zl", "Zp")  # control, format, lone surrogate, line/paragraph separator


@dataclasses.dataclass(frozen=True)
class Limits:
    """The administrator's limits, in one place (the page reads them from ``[library_limits]`` in
    ``.streamlit/secrets.toml``; README, "The scenario library").

    ``per_file``: scenarios in one import; ``scenarios``: in the library; ``versions``: earlier
    versions kept; ``new_per_visitor_hour``: new scenarios one visitor may add in an hour;
    ``versions_per_visitor_hour``: earlier versions one visitor's overwrites, renames, deletes and
    restores may make in an hour."""

    per_file: int = MAX_PER_FILE
    scenarios: int = MAX_SCENARIOS
    versions: int = MAX_VERSIONS
    new_per_visitor_hour: int = VISITOR_NEW_PER_HOUR
    versions_per_visitor_hour: int = VISITOR_VERSIONS_PER_HOUR

    @classmethod
    def from_settings(cls, settings: Any) -> Limits:
        """Limits from a mapping (a secrets section): the keys given, whole numbers of 1 or more,
        override the defaults; others are ignored (and logged)."""
        values: dict[str, int] = {}
        for field in dataclasses.fields(cls):
            given = (settings or {}).get(field.name)
            if given is None:
                continue
            if isinstance(given, int) and not isinstance(given, bool) and given >= 1:
                values[field.name] = given
            else:
                log.warning("library_limits.%s = %r ignored: a whole number of 1 or more is needed", field.name, given)
        return cls(**values)


class FairShare:
    """What each visitor added in the last hour, so that one visitor cannot take everyone's room.

    Counted by this server process (several servers sharing one database each count their own
    visitors). ``clock`` gives the time in seconds (tests set it)."""

    def __init__(self, clock: Any = time.time):
        self.clock = clock
        self._lock = threading.Lock()
        self._events: dict[str, list[tuple[float, int, int]]] = {}  # visitor → (when, new, versions)

    def _recent(self, visitor: str, now: float) -> list[tuple[float, int, int]]:
        events = [e for e in self._events.get(visitor, []) if e[0] > now - HOUR]
        self._events[visitor] = events
        return events

    def check(self, visitor: str | None, new: int, versions: int, limits: Limits) -> None:
        """VisitorLimit if ``visitor`` adding ``new`` scenarios and ``versions`` earlier versions
        would pass their hourly share; the problem says which limit and when it lifts (UTC)."""
        if visitor is None:
            return
        with self._lock:
            now = self.clock()
            events = self._recent(visitor, now)
            shares = ((1, new, limits.new_per_visitor_hour), (2, versions, limits.versions_per_visitor_hour))
            for index, asked, limit in shares:
                used = sum(e[index] for e in events)
                if not asked or used + asked <= limit:
                    continue
                if asked > limit:  # more than a whole hour's share at once: it never fits
                    once = "visitor_new_limit_once" if index == 1 else "visitor_versions_limit_once"
                    raise VisitorLimit([problem(once, limit=limit, new=asked)])
                freed, lifts = 0, now + HOUR
                for e in events:  # oldest first: the limit lifts when enough has aged out of the hour
                    freed += e[index]
                    if used - freed + asked <= limit:
                        lifts = e[0] + HOUR
                        break
                at = datetime.fromtimestamp(math.ceil(lifts / 60) * 60, UTC).strftime("%H:%M")
                code = "visitor_new_limit" if index == 1 else "visitor_versions_limit"
                raise VisitorLimit([problem(code, limit=limit, used=used, new=asked, at=at)])

    def record(self, visitor: str | None, new: int, versions: int) -> None:
        if visitor is None or not (new or versions):
            return
        with self._lock:
            now = self.clock()
            self._recent(visitor, now).append((now, new, versions))


def _stored_name(name: Any) -> str | None:
    """A name to look up (stripped), or None if no row can have it. Not :func:`clean_name`: a
    scenario saved before a rule was added (a format character, issue 20) can still be loaded,
    renamed and deleted."""
    if not isinstance(name, str) or not name.strip() or any(unicodedata.category(c) == "Cs" for c in name):
        return None
    return name.strip()


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


def _columns(scenario: Scenario) -> dict[str, str | None]:
    """The stored form of a scenario: its file's body (``to_doc()``) whole, and its ``parameters``
    object and ``projects`` list on their own, as JSON."""
    doc = scenario.to_doc()
    return {
        "parameters": json.dumps(scenario.to_dict(), ensure_ascii=False),
        "projects": json.dumps(doc["projects"], ensure_ascii=False) if doc.get("projects") else None,
        "document": json.dumps(doc, ensure_ascii=False),
    }


def _clean_user(user: str | None) -> str | None:
    if user is None:
        return None
    user = str(user).strip()[:MAX_USER]
    return user or None


def connect(engine: Engine, what: str) -> Connection:
    """A connection, or LibraryUnavailable: the server cannot be reached (``library_unreachable``)
    or the address holds an option the driver refuses, such as ``?connect_timeout=abc``
    (``library_not_database``); the details go to the server's log only (``what`` names the store)."""
    where = engine.url.render_as_string(hide_password=True)
    try:
        return engine.connect()
    except exc.OperationalError as e:
        log.warning("%s at %s is unavailable: %s", what, where, e.orig or e)
        raise LibraryUnavailable(UNREACHABLE) from e
    except (exc.DBAPIError, exc.ArgumentError, TypeError, ValueError) as e:
        log.warning("%s at %s cannot be opened: %s", what, where, e)
        raise LibraryUnavailable(NOT_A_DATABASE) from e


class ScenarioLibrary:
    """Named scenarios in a database. Names are unique; every change is one transaction, and every
    overwrite, rename and delete keeps the earlier version.

    ``owners``: scenarios record who first saved them (``user``), and only that user may overwrite,
    rename or delete them (rows saved with no owner stay open to everyone).
    """

    def __init__(self, url: str | None = None, *, owners: bool = False, limits: Limits | None = None):
        self.url = url or default_url()
        self.owners = owners
        self._limits = limits
        self.share = FairShare()  # each visitor's hourly share (the page passes ``visitor``)
        try:
            self.engine = _create_engine(self.url)
        except (exc.ArgumentError, exc.NoSuchModuleError, ImportError, ValueError, OSError) as e:
            log.warning("scenario library at %s cannot be opened: %s", _hidden(self.url), e)
            raise LibraryUnavailable(NOT_A_DATABASE) from e
        self.problems: list[Problem] = []  # rows skipped by the last list() or get()
        self.rows_read = 0  # rows fetched so far (each query's result rows): for tests and monitoring
        try:
            self._ensure_schema()
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def limits(self) -> Limits:
        """The limits given, else the module's (read when used, so a test may lower them)."""
        return self._limits or Limits(
            MAX_PER_FILE, MAX_SCENARIOS, MAX_VERSIONS, VISITOR_NEW_PER_HOUR, VISITOR_VERSIONS_PER_HOUR
        )

    # -- plumbing -----------------------------------------------------------------------------

    def _where(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def _connect(self) -> Connection:
        return connect(self.engine, "scenario library")

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Connection]:
        try:
            with self._connect() as conn:
                if write:
                    conn.execution_options(dezhou_write=True)
                with conn.begin():
                    yield conn
        except exc.OperationalError as e:
            log.warning("scenario library at %s is unavailable: %s", self._where(), e.orig or e)
            raise LibraryUnavailable(UNREACHABLE) from e

    def _ensure_schema(self) -> None:
        try:
            with self._transaction(write=True) as conn:
                metadata.create_all(conn, checkfirst=True)
        except (exc.IntegrityError, exc.ProgrammingError):
            # Another process created a table between the check and the CREATE.
            inspector = sa.inspect(self.engine)
            if not all(inspector.has_table(t.name) for t in metadata.sorted_tables):
                raise
        # A library made by an earlier version of the app gets the columns added since.
        columns = {c["name"] for c in sa.inspect(self.engine).get_columns(scenarios_table.name)}
        for name in ADDED_COLUMNS:
            if name in columns:
                continue
            kind = scenarios_table.c[name].type.compile(dialect=self.engine.dialect)
            try:
                with self._transaction(write=True) as conn:
                    conn.execute(sa.text(f"ALTER TABLE {scenarios_table.name} ADD COLUMN {name} {kind}"))
            except (exc.OperationalError, exc.ProgrammingError):
                pass  # another process added it first
        self._fill_name_keys()

    def _fill_name_keys(self) -> None:
        """Rows written before ``name_key`` existed get theirs; then the key is made unique where
        no two names look the same (else the check in save_many alone keeps new names apart)."""
        t = scenarios_table
        with self._transaction(write=True) as conn:
            missing = conn.execute(sa.select(t.c.id, t.c.name).where(t.c.name_key.is_(None)).order_by(t.c.id)).all()
            if missing:
                taken = {k for (k,) in conn.execute(sa.select(t.c.name_key).where(t.c.name_key.is_not(None)))}
                for row in missing:
                    key = name_key(row.name)
                    if key in taken:  # two names that look the same, saved before: both kept, the later
                        continue  # found by its exact name only
                    taken.add(key)
                    conn.execute(t.update().where(t.c.id == row.id).values(name_key=key))
        indexes = {i["name"] for i in sa.inspect(self.engine).get_indexes(t.name)}
        if NAME_KEY_INDEX.name in indexes:
            return
        try:
            with self._transaction(write=True) as conn:
                NAME_KEY_INDEX.create(conn, checkfirst=True)
        except (exc.IntegrityError, exc.OperationalError, exc.ProgrammingError) as e:
            log.warning("scenario library: names that look the same are kept apart without a unique index: %s", e)

    def _fetch(self, conn: Connection, query: sa.Executable) -> list[Any]:
        rows = conn.execute(query).all()
        self.rows_read += len(rows)
        return rows

    def _scenario(self, row: Any) -> Scenario | None:
        named = self._named(row)
        return named.scenario if named else None

    def _named(self, row: Any) -> NamedScenario | None:
        """The stored scenario, read as a scenario file's body is read. A row with no ``document`` was
        saved by version 1 of the model (parameters and projects only): it is read as a version 1 file,
        so its notices say what changed and nothing the user chose is lost."""
        try:
            if row.document:
                doc = json.loads(row.document)
                if not isinstance(doc, dict):
                    raise ValueError("the stored scenario is not a JSON object")
                return parse_scenario_doc(doc)
            params = json.loads(row.parameters)
            if not isinstance(params, dict):
                raise ValueError("the stored parameters are not a JSON object")
            doc = {"parameters": params}
            if row.projects:
                doc["projects"] = json.loads(row.projects)
            return parse_scenario_doc(doc)
        except ScenarioError as e:
            self.problems.append(problem("saved_skipped", name=row.name, problems=tuple(e.problems)))
        except ValueError as e:
            log.warning("saved scenario %r is damaged: %s", row.name, e)
            self.problems.append(problem("saved_damaged", name=row.name))
        return None

    def _load(self, row: Any) -> SavedScenario | None:
        named = self._named(row)
        if named is None:
            return None
        return SavedScenario(
            row.name,
            named.scenario,
            _aware(row.created_at),
            _aware(row.updated_at),
            row.owner,
            row.saved_by,
            named.notices,
        )

    @staticmethod
    def _select(name: str | None = None) -> sa.Select:
        t = scenarios_table
        query = sa.select(
            t.c.id,
            t.c.name,
            t.c.parameters,
            t.c.projects,
            t.c.document,
            t.c.created_at,
            t.c.updated_at,
            t.c.owner,
            t.c.saved_by,
            t.c.name_key,
        )
        return query if name is None else query.where(t.c.name == name)

    def _by_name(self) -> Any:
        # Code-point order on every database (PostgreSQL would otherwise follow its locale).
        name = scenarios_table.c.name
        return name.collate("C") if self.engine.dialect.name == "postgresql" else name

    @staticmethod
    def _matching(query: sa.Select, column: Any, contains: str) -> sa.Select:
        contains = (contains or "").strip()
        return query.where(column.icontains(contains, autoescape=True)) if contains else query

    def _same_names(self, conn: Connection, names: Sequence[str], *, lock: bool = False) -> dict[str, Any]:
        """{each of ``names``: the stored row of that name, else of a name that looks the same
        (same :func:`name_key`)}, in one query; names with no such row are left out."""
        if not names:
            return {}
        t = scenarios_table
        keys = {n: name_key(n) for n in names}
        query = self._select().where(sa.or_(t.c.name.in_(list(names)), t.c.name_key.in_(sorted(set(keys.values())))))
        rows = self._fetch(conn, query.with_for_update() if lock else query)
        exact = {r.name: r for r in rows}
        by_key: dict[str, Any] = {}
        for r in sorted(rows, key=lambda r: r.id):
            by_key.setdefault(r.name_key or name_key(r.name), r)
        found = {n: exact.get(n) or by_key.get(keys[n]) for n in names}
        return {n: r for n, r in found.items() if r is not None}

    def _check_owner(self, row: Any, user: str | None) -> None:
        if self.owners and row.owner is not None and row.owner != user:
            raise NotOwner(row.name, row.owner)

    def _count(self, conn: Connection, table: sa.Table) -> int:
        self.rows_read += 1
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()

    def _archive(
        self,
        conn: Connection,
        rows: Sequence[Any],
        event: str,
        user: str | None,
        now: datetime,
        renamed_to: str | None = None,
    ) -> None:
        """Copy ``rows`` (as they are now) into the versions table before they change."""
        if not rows:
            return
        kept = self._count(conn, versions_table)
        if kept + len(rows) > self.limits.versions:
            raise LibraryFull([problem("versions_full", limit=self.limits.versions)])
        conn.execute(
            versions_table.insert(),
            [
                {
                    "name": row.name,
                    "parameters": row.parameters,
                    "projects": row.projects,
                    "document": row.document,
                    "owner": row.owner,
                    "saved_by": row.saved_by,
                    "created_at": row.created_at,
                    "saved_at": row.updated_at,
                    "replaced_at": now,
                    "replaced_by": user,
                    "event": event,
                    "renamed_to": renamed_to,
                }
                for row in rows
            ],
        )

    def _room_for(self, conn: Connection, new: int) -> None:
        if not new:
            return
        held = self._count(conn, scenarios_table)
        limit = self.limits.scenarios
        if held + new > limit:
            raise LibraryFull([problem("library_full", limit=limit, count=held, new=new)])

    # -- the API ------------------------------------------------------------------------------

    def save(
        self,
        name: str,
        scenario: Scenario,
        *,
        overwrite: bool = False,
        user: str | None = None,
        visitor: str | None = None,
    ) -> SavedScenario:
        """Store ``scenario`` under ``name``. NameTaken if the name (or one that looks the same)
        exists and not ``overwrite``; overwriting keeps the earlier version and the name as it was
        saved. ``user``: who saves it (recorded where known); ``visitor``: whose hourly share it
        counts against (None: nobody's, for scripts and the administrator)."""
        (saved,) = self.save_many([(name, scenario)], overwrite=overwrite, user=user, visitor=visitor)
        return saved

    def save_many(
        self,
        items: Iterable[tuple[str, Scenario] | NamedScenario],
        *,
        overwrite: bool = False,
        user: str | None = None,
        source: str = "",
        visitor: str | None = None,
    ) -> list[SavedScenario]:
        """Store every ``(name, scenario)`` in one transaction: all of them, or (on any problem) none.

        Every problem is listed in one ScenarioError: a bad name, a name given twice, more than
        :data:`MAX_PER_FILE` scenarios, names already taken (NameTaken, unless ``overwrite``), names
        another user owns (NotOwner), no room left (LibraryFull), the visitor's hourly share used up
        (VisitorLimit). Names are compared by :func:`name_key`. Overwritten rows are kept as earlier
        versions, under the name they were saved with. ``source`` (a file name): where the problems
        of the scenarios were found. ``visitor``: whose hourly share the change counts against.
        """

        def at(found: list[Problem], n: int | None = None) -> list[Problem]:
            found = located(found, "scenario", n) if n is not None else found
            return located(found, "file", source) if source else found

        pairs = [(i.name, i.scenario) if isinstance(i, NamedScenario) else i for i in items]
        problems: list[Problem] = []
        limit = self.limits.per_file
        if len(pairs) > limit:
            raise LibraryFull(at([problem("too_many_in_file", count=len(pairs), limit=limit)]))
        names: list[str] = []
        seen: dict[str, int] = {}
        for n, (raw, _scenario) in enumerate(pairs, 1):
            number = n if len(pairs) > 1 else None
            try:
                name = clean_name(raw)
            except ScenarioError as e:
                problems.extend(at(e.problems, number))
                continue
            key = name_key(name)
            if key in seen:
                problems.extend(at([problem("name_twice", name=name, first=seen[key])], number))
            seen.setdefault(key, n)
            names.append(name)
        if problems:
            raise ScenarioError(problems)
        if not pairs:
            return []
        user = _clean_user(user)
        rows = {name: _columns(scenario) for name, (_raw, scenario) in zip(names, pairs, strict=True)}
        t = scenarios_table
        for attempt in range(2):
            try:
                with self._transaction(write=True) as conn:
                    now = _now()  # after BEGIN IMMEDIATE: times follow the order of the writes
                    # FOR UPDATE (PostgreSQL): a concurrent overwrite waits, then archives what this one wrote.
                    found = self._same_names(conn, names, lock=True)
                    if found and not overwrite:
                        raise NameTaken(*(found[n].name for n in names if n in found))
                    if self.owners:
                        others = [(r.name, r.owner) for r in found.values() if r.owner is not None and r.owner != user]
                        if others:
                            raise NotOwner(others[0][0], others[0][1], *others[1:])
                    self._room_for(conn, len(names) - len(found))
                    self.share.check(visitor, len(names) - len(found), len(found), self.limits)
                    self._archive(conn, list(found.values()), "overwritten", user, now)
                    for name, row in found.items():
                        conn.execute(
                            t.update().where(t.c.id == row.id).values(**rows[name], updated_at=now, saved_by=user)
                        )
                    new = [
                        {
                            **rows[n],
                            "name": n,
                            "name_key": name_key(n),
                            "created_at": now,
                            "updated_at": now,
                            "owner": user,
                            "saved_by": user,
                        }
                        for n in names
                        if n not in found
                    ]
                    if new:
                        conn.execute(t.insert(), new)
                self.share.record(visitor, len(names) - len(found), len(found))
                return [
                    SavedScenario(
                        found[name].name if name in found else name,
                        scenario,
                        _aware(found[name].created_at) if name in found else now,
                        now,
                        found[name].owner if name in found else user,
                        user,
                    )
                    for name, (_raw, scenario) in zip(names, pairs, strict=True)
                ]
            except exc.IntegrityError:
                # A concurrent writer (possible on PostgreSQL) inserted a name after our check.
                if not overwrite or attempt:
                    raise NameTaken(*names) from None
        raise AssertionError("unreachable")

    def list(self) -> list[SavedScenario]:
        """Every saved scenario that still validates, ordered by name (rows that don't: problems).

        Reads every document: the page uses :meth:`entries` and :meth:`get_many` instead."""
        self.problems = []
        with self._transaction(write=False) as conn:
            rows = self._fetch(conn, self._select().order_by(self._by_name()))
        loaded = (self._load(row) for row in rows)
        return [s for s in loaded if s is not None]

    def names(self) -> list[str]:
        """Every stored name, including rows that no longer validate, ordered."""
        with self._transaction(write=False) as conn:
            return sorted(r.name for r in self._fetch(conn, sa.select(scenarios_table.c.name)))

    def count(self, contains: str = "") -> int:
        """How many scenarios are saved (whose name contains ``contains``, case-insensitive)."""
        t = scenarios_table
        query = self._matching(sa.select(sa.func.count()).select_from(t), t.c.name, contains)
        with self._transaction(write=False) as conn:
            self.rows_read += 1
            return conn.execute(query).scalar_one()

    def entries(self, offset: int = 0, limit: int = 20, contains: str = "") -> list[LibraryEntry]:
        """One page of the library, by name: names, times and people, no parameters."""
        t = scenarios_table
        query = sa.select(t.c.name, t.c.created_at, t.c.updated_at, t.c.owner, t.c.saved_by)
        query = self._matching(query, t.c.name, contains).order_by(self._by_name())
        query = query.offset(max(0, int(offset))).limit(max(0, int(limit)))
        with self._transaction(write=False) as conn:
            rows = self._fetch(conn, query)
        return [LibraryEntry(r.name, _aware(r.created_at), _aware(r.updated_at), r.owner, r.saved_by) for r in rows]

    def info(self, name: str) -> LibraryEntry | None:
        """The name's entry (times and people) without its parameters; None if there is none."""
        name = _stored_name(name)
        if name is None:
            return None
        with self._transaction(write=False) as conn:
            row = self._same_names(conn, [name]).get(name)
        return (
            LibraryEntry(row.name, _aware(row.created_at), _aware(row.updated_at), row.owner, row.saved_by)
            if row
            else None
        )

    def get(self, name: str) -> SavedScenario | None:
        """The scenario saved under ``name``; None if there is none or it no longer validates."""
        name = _stored_name(name)
        if name is None:
            self.problems = []
            return None
        self.problems = []
        with self._transaction(write=False) as conn:
            row = self._same_names(conn, [name]).get(name)
        return self._load(row) if row is not None else None

    def get_many(self, names: Iterable[str]) -> dict[str, SavedScenario]:
        """The scenarios saved under ``names`` (one query), by name; missing or invalid ones left out."""
        self.problems = []
        wanted = sorted({n for n in names if isinstance(n, str)})
        if not wanted:
            return {}
        with self._transaction(write=False) as conn:
            rows = self._fetch(conn, self._select().where(scenarios_table.c.name.in_(wanted)))
        loaded = (self._load(row) for row in rows)
        return {s.name: s for s in loaded if s is not None}

    def exists(self, name: str) -> bool:
        """Whether ``name`` is taken (also by a row that no longer validates)."""
        name = _stored_name(name)
        if name is None:
            return False
        return bool(self.existing([name]))

    def existing(self, names: Iterable[str]) -> set[str]:
        """Which of ``names`` are taken, by them or by names that look the same (one query)."""
        wanted = sorted({n.strip() for n in names if isinstance(n, str) and n.strip()})
        if not wanted:
            return set()
        with self._transaction(write=False) as conn:
            found = self._same_names(conn, wanted)
        return {n for n in names if isinstance(n, str) and n.strip() in found}

    def rename(
        self, old: str, new: str, *, user: str | None = None, visitor: str | None = None
    ) -> SavedScenario | None:
        """Give a saved scenario a new name; the old name is kept as an earlier version.
        ScenarioNotFound if ``old`` is missing, NameTaken if ``new`` is taken, NotOwner if another
        user owns it. Returns the renamed scenario (None if its row no longer validates)."""
        old_name, new_name = _stored_name(old), clean_name(new)
        if old_name is None:
            raise ScenarioNotFound(str(old))
        user = _clean_user(user)
        t = scenarios_table
        try:
            with self._transaction(write=True) as conn:
                row = self._same_names(conn, [old_name], lock=True).get(old_name)
                if row is None:
                    raise ScenarioNotFound(old_name)
                if new_name != row.name:
                    self._check_owner(row, user)
                    taken = self._same_names(conn, [new_name]).get(new_name)
                    if taken is not None and taken.id != row.id:
                        raise NameTaken(taken.name)
                    self.share.check(visitor, 0, 1, self.limits)
                    now = _now()
                    self._archive(conn, [row], "renamed", user, now, renamed_to=new_name)
                    conn.execute(
                        t.update()
                        .where(t.c.id == row.id)
                        .values(name=new_name, name_key=name_key(new_name), updated_at=now, saved_by=user)
                    )
                    self.share.record(visitor, 0, 1)
        except exc.IntegrityError:
            raise NameTaken(new_name) from None
        return self.get(new_name)

    def delete(self, name: str, *, user: str | None = None, visitor: str | None = None) -> None:
        """Remove a saved scenario, keeping it as an earlier version. ScenarioNotFound if there is
        none of that name, NotOwner if another user owns it."""
        found = _stored_name(name)
        if found is None:
            raise ScenarioNotFound(str(name))
        name = found
        user = _clean_user(user)
        t = scenarios_table
        with self._transaction(write=True) as conn:
            row = self._same_names(conn, [name], lock=True).get(name)
            if row is None:
                raise ScenarioNotFound(name)
            self._check_owner(row, user)
            self.share.check(visitor, 0, 1, self.limits)
            self._archive(conn, [row], "deleted", user, _now())
            conn.execute(t.delete().where(t.c.id == row.id))
        self.share.record(visitor, 0, 1)

    # -- earlier versions ---------------------------------------------------------------------

    @staticmethod
    def _version(row: Any) -> Version:
        return Version(
            id=row.id,
            name=row.name,
            event=row.event,
            saved_at=_aware(row.saved_at),
            saved_by=row.saved_by,
            replaced_at=_aware(row.replaced_at),
            replaced_by=row.replaced_by,
            owner=row.owner,
            renamed_to=row.renamed_to,
        )

    def count_versions(self, contains: str = "") -> int:
        """How many earlier versions are kept (of names containing ``contains``)."""
        v = versions_table
        query = self._matching(sa.select(sa.func.count()).select_from(v), v.c.name, contains)
        with self._transaction(write=False) as conn:
            self.rows_read += 1
            return conn.execute(query).scalar_one()

    def versions(self, offset: int = 0, limit: int = 20, contains: str = "") -> list[Version]:
        """One page of the earlier versions, the most recently replaced first, without parameters."""
        v = versions_table
        query = sa.select(*(c for c in v.c if c.name not in ("parameters", "projects", "document", "created_at")))
        query = self._matching(query, v.c.name, contains).order_by(v.c.replaced_at.desc(), v.c.id.desc())
        query = query.offset(max(0, int(offset))).limit(max(0, int(limit)))
        with self._transaction(write=False) as conn:
            return [self._version(r) for r in self._fetch(conn, query)]

    def get_version(self, version_id: int) -> tuple[Version, Scenario | None]:
        """An earlier version and its scenario (None if it no longer fits the model: see problems)."""
        self.problems = []
        with self._transaction(write=False) as conn:
            rows = self._fetch(conn, sa.select(versions_table).where(versions_table.c.id == int(version_id)))
        if not rows:
            raise VersionNotFound(version_id)
        return self._version(rows[0]), self._scenario(rows[0])

    def restore(
        self,
        version_id: int,
        name: str | None = None,
        *,
        overwrite: bool = False,
        user: str | None = None,
        visitor: str | None = None,
    ) -> SavedScenario:
        """Save an earlier version again, under its own name or ``name``. Overwriting the current
        scenario of that name keeps it as an earlier version in turn (nothing is lost)."""
        version, scenario = self.get_version(version_id)
        if scenario is None:
            raise ScenarioError(self.problems)
        return self.save(name or version.name, scenario, overwrite=overwrite, user=user, visitor=visitor)

    def close(self) -> None:
        """Close the pooled connections."""
        self.engine.dispose()

    def __enter__(self) -> ScenarioLibrary:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
