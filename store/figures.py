"""Official figures added by the bureau on the page, kept in the scenario library's database.

The same database as the library (``DEZHOU_SCENARIO_DB``, a SQLite file by default; PostgreSQL for
several servers): two tables of its own.
- ``dezhou_added_figures``: the figures in use, one a row, in the columns of ``data/history.csv``
  (docs/model.md, "History"), with who added each (the signed-in user's e-mail; NULL for a visitor
  who has not signed in) and when (UTC).
- ``dezhou_added_figure_versions``: nothing is lost. Deleting a figure first copies it, as it was,
  into this table with who deleted it and when; :meth:`FigureStore.restore` (the page's undo) puts it
  back under its own number, with who added it and when, and the deletion stays on record.

A wrong figure is corrected by adding a newer one (the model takes the row of highest confidence,
then the latest date, then the row listed last) or by deleting it. Every change is one transaction.
The page checks a figure (``model.history.parse_history_rows``) before it is added; a stored row that
no longer reads as a figure is skipped and named in :attr:`FigureStore.problems`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Connection

from model.history import Figure
from model.parameters import ScenarioError
from model.problems import Problem, problem
from store.library import (
    MAX_USER,
    NOT_A_DATABASE,
    UNREACHABLE,
    LibraryUnavailable,
    _create_engine,
    _hidden,
    connect,
    default_url,
)

log = logging.getLogger(__name__)

MAX_FIGURES = 5_000  # added figures in use
MAX_FIGURE_VERSIONS = 50_000  # deleted figures kept
MAX_TEXT = 2_000  # a sentence, a publication or an address, in characters

metadata = sa.MetaData()


def _figure_columns() -> list[sa.Column]:
    """The columns of data/history.csv that a user fills in (docs/model.md, "History")."""
    return [
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("region", sa.String(32), nullable=False),
        sa.Column("metric", sa.String(64), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("publication", sa.String(MAX_TEXT), nullable=False),
        sa.Column("date", sa.String(32), nullable=False),
        sa.Column("url", sa.String(MAX_TEXT), nullable=False),
        sa.Column("quote_zh", sa.Text, nullable=False),
        sa.Column("confidence", sa.String(16), nullable=False),
        sa.Column("added_by", sa.String(MAX_USER), nullable=True),  # NULL: a visitor who has not signed in
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    ]


figures_table = sa.Table(
    "dezhou_added_figures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *_figure_columns(),
    sqlite_autoincrement=True,  # a deleted figure's number is never given to another (undo brings it back)
)
versions_table = sa.Table(
    "dezhou_added_figure_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("figure_id", sa.Integer, nullable=False),  # the number the figure had (and gets back)
    *_figure_columns(),
    sa.Column("event", sa.String(16), nullable=False),  # "deleted"
    sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),  # when it was deleted ...
    sa.Column("replaced_by", sa.String(MAX_USER), nullable=True),  # ... and by whom (NULL: a visitor)
    sa.Column("restored_at", sa.DateTime(timezone=True), nullable=True),  # when it was put back, if it was
    sa.Index("ix_dezhou_added_figure_versions_figure", "figure_id"),
)
FIELDS = ("year", "region", "metric", "value", "period", "publication", "date", "url", "quote_zh", "confidence")


@dataclasses.dataclass(frozen=True)
class AddedFigure:
    """A figure in use, with its number, who added it (None: a visitor) and when."""

    id: int
    figure: Figure
    added_by: str | None
    added_at: datetime


@dataclasses.dataclass(frozen=True)
class FigureVersion:
    """A deleted figure, kept: who added it and when, who deleted it and when, and whether it is back."""

    id: int
    figure_id: int
    figure: Figure
    added_by: str | None
    added_at: datetime
    event: str
    replaced_by: str | None
    replaced_at: datetime
    restored_at: datetime | None


class FigureNotFound(ScenarioError, KeyError):
    """Deleting or restoring a figure (or a version) the store does not hold."""

    def __init__(self, number: int):
        super().__init__([problem("figure_not_found", number=number)])

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return "; ".join(map(str, self.problems))


class NotAdder(ScenarioError):
    """Deleting a figure another signed-in user added (where sign-in is on)."""

    def __init__(self, number: int, user: str):
        super().__init__([problem("figure_not_yours", number=number, owner=user)])


class StoreFull(ScenarioError):
    """Adding or deleting would take the store past :data:`MAX_FIGURES` or :data:`MAX_FIGURE_VERSIONS`."""


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _clean_user(user: str | None) -> str | None:
    if user is None:
        return None
    user = str(user).strip()[:MAX_USER]
    return user or None


def _row(figure: Figure) -> dict[str, Any]:
    return {
        "year": int(figure.year),
        "region": figure.region,
        "metric": figure.metric,
        "value": float(figure.value),
        "period": figure.period,
        "publication": figure.publication[:MAX_TEXT],
        "date": figure.date,
        "url": figure.url[:MAX_TEXT],
        "quote_zh": figure.quote_zh,
        "confidence": figure.confidence,
    }


def _figure(row: Any) -> Figure:
    return Figure(
        year=int(row.year),
        region=row.region,
        metric=row.metric,
        value=float(row.value),
        period=row.period,
        publication=row.publication,
        publication_en="",
        date=row.date,
        url=row.url,
        quote_zh=row.quote_zh,
        confidence=row.confidence,
    )


class FigureStore:
    """The added official figures in a database: add, delete (kept as a version), restore, list.

    ``owners``: where sign-in is on, a figure may be deleted only by the user who added it (figures a
    visitor added stay open to everyone)."""

    def __init__(self, url: str | None = None, *, owners: bool = False):
        self.url = url or default_url()
        self.owners = owners
        try:
            self.engine = _create_engine(self.url)
        except (exc.ArgumentError, exc.NoSuchModuleError, ImportError, ValueError, OSError) as e:
            log.warning("figure store at %s cannot be opened: %s", _hidden(self.url), e)
            raise LibraryUnavailable(NOT_A_DATABASE) from e
        self.problems: list[Problem] = []  # rows skipped by the last list()
        try:
            self._ensure_schema()
        except BaseException:
            self.engine.dispose()
            raise

    def _connect(self) -> Connection:
        return connect(self.engine, "figure store")  # as the library says it

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Connection]:
        try:
            with self._connect() as conn:
                if write:
                    conn.execution_options(dezhou_write=True)
                with conn.begin():
                    yield conn
        except exc.OperationalError as e:
            log.warning("figure store at %s is unavailable: %s", _hidden(self.url), e.orig or e)
            raise LibraryUnavailable(UNREACHABLE) from e

    def _ensure_schema(self) -> None:
        try:
            with self._transaction(write=True) as conn:
                metadata.create_all(conn, checkfirst=True)
        except (exc.IntegrityError, exc.ProgrammingError):
            inspector = sa.inspect(self.engine)  # another process created a table between check and CREATE
            if not all(inspector.has_table(t.name) for t in metadata.sorted_tables):
                raise

    @staticmethod
    def _count(conn: Connection, table: sa.Table) -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()

    # -- the API ------------------------------------------------------------------------------

    def add(self, figure: Figure, user: str | None = None) -> int:
        """Keep ``figure`` (already checked) as added by ``user`` (None: a visitor) now; its number."""
        with self._transaction(write=True) as conn:
            if self._count(conn, figures_table) >= MAX_FIGURES:
                raise StoreFull([problem("figures_full", limit=MAX_FIGURES)])
            result = conn.execute(
                figures_table.insert().values(**_row(figure), added_by=_clean_user(user), added_at=_now())
            )
            return int(result.inserted_primary_key[0])

    def list(self) -> list[AddedFigure]:
        """Every figure in use, in the order they were added (the later wins a tie in the model)."""
        self.problems = []
        out: list[AddedFigure] = []
        with self._transaction(write=False) as conn:
            rows = conn.execute(sa.select(figures_table).order_by(figures_table.c.added_at, figures_table.c.id)).all()
        for row in rows:
            try:
                out.append(AddedFigure(row.id, _figure(row), row.added_by, _aware(row.added_at)))
            except (TypeError, ValueError):
                self.problems.append(problem("figure_damaged", number=row.id))
        return out

    def figures(self) -> tuple[Figure, ...]:
        """The figures in use, as the model takes them (``History.with_added``)."""
        return tuple(a.figure for a in self.list())

    def delete(self, figure_id: int, user: str | None = None) -> int:
        """Stop using a figure, keeping it as a version (who deleted it, when); the version's number,
        for :meth:`restore`. FigureNotFound if there is none; NotAdder if another user added it."""
        user = _clean_user(user)
        f = figures_table
        with self._transaction(write=True) as conn:
            rows = conn.execute(sa.select(f).where(f.c.id == int(figure_id)).with_for_update()).all()
            if not rows:
                raise FigureNotFound(figure_id)
            row = rows[0]
            if self.owners and row.added_by is not None and row.added_by != user:
                raise NotAdder(figure_id, row.added_by)
            if self._count(conn, versions_table) >= MAX_FIGURE_VERSIONS:
                raise StoreFull([problem("figure_versions_full", limit=MAX_FIGURE_VERSIONS)])
            kept = {c: getattr(row, c) for c in (*FIELDS, "added_by", "added_at")}
            result = conn.execute(
                versions_table.insert().values(
                    figure_id=row.id, **kept, event="deleted", replaced_at=_now(), replaced_by=user
                )
            )
            conn.execute(f.delete().where(f.c.id == row.id))
            return int(result.inserted_primary_key[0])

    def restore(self, version_id: int, user: str | None = None) -> int:
        """Put a deleted figure back under its own number, with who added it and when (the page's
        undo); the deletion stays on record, marked restored. The figure's number."""
        v, f = versions_table, figures_table
        with self._transaction(write=True) as conn:
            rows = conn.execute(sa.select(v).where(v.c.id == int(version_id)).with_for_update()).all()
            if not rows:
                raise FigureNotFound(version_id)
            row = rows[0]
            if conn.execute(sa.select(f.c.id).where(f.c.id == row.figure_id)).first() is None:
                if self._count(conn, figures_table) >= MAX_FIGURES:
                    raise StoreFull([problem("figures_full", limit=MAX_FIGURES)])
                kept = {c: getattr(row, c) for c in (*FIELDS, "added_by", "added_at")}
                conn.execute(f.insert().values(id=row.figure_id, **kept))
                conn.execute(v.update().where(v.c.id == row.id).values(restored_at=_now()))
            return int(row.figure_id)

    undo = restore

    def versions(self) -> list[FigureVersion]:
        """Every deleted figure kept, the most recently deleted first."""
        v = versions_table
        with self._transaction(write=False) as conn:
            rows = conn.execute(sa.select(v).order_by(v.c.replaced_at.desc(), v.c.id.desc())).all()
        return [
            FigureVersion(
                r.id,
                r.figure_id,
                _figure(r),
                r.added_by,
                _aware(r.added_at),
                r.event,
                r.replaced_by,
                _aware(r.replaced_at),
                _aware(r.restored_at) if r.restored_at else None,
            )
            for r in rows
        ]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> FigureStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
