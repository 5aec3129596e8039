"""The official figures a user adds (store/figures.py), on SQLite files in tmp_path and, with
DEZHOU_TEST_POSTGRES_URL set, on PostgreSQL too (the store's tables are dropped before each test)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from model.history import Figure
from model.parameters import default_scenario
from report.problems import say
from store import figures as store
from store.figures import FigureNotFound, FigureStore, NotAdder
from store.library import LibraryUnavailable, ScenarioLibrary

POSTGRES_URL = os.environ.get("DEZHOU_TEST_POSTGRES_URL", "")


# ``url``: the shared fixture of tests/conftest.py (a fresh location on SQLite and on PostgreSQL).


@pytest.fixture
def figures(url):
    with FigureStore(url) as opened:
        yield opened


def figure(year: int = 2024, value: float = 8.1, period: str = "full-year", **more) -> Figure:
    return Figure(
        year=year,
        region=more.pop("region", "dezhou"),
        metric="va_growth_pct",
        value=value,
        period=period,
        publication=more.pop("publication", "德州市2024年国民经济和社会发展统计公报"),
        publication_en="",
        date=more.pop("date", "2025-03-20"),
        url=more.pop("url", "https://example.org/bulletin"),
        quote_zh=more.pop("quote_zh", f"全市规模以上工业增加值比上年增长{value}%。"),
        confidence=more.pop("confidence", "high"),
    )


def test_an_added_figure_is_listed_with_who_added_it_and_when(figures):
    before = datetime.now(UTC)
    number = figures.add(figure(), "analyst@dezhou.gov.cn")
    visitor = figures.add(figure(2025, 7.9, "Jan-Jul", date="2025-08-20"), None)
    listed = figures.list()
    assert [a.id for a in listed] == [number, visitor]  # in the order added: the later wins a tie
    first, second = listed
    assert first.figure == figure()  # every field as given
    assert first.added_by == "analyst@dezhou.gov.cn"
    assert second.added_by is None  # a visitor who has not signed in
    assert second.figure.period == "Jan-Jul" and second.figure.value == 7.9
    for a in listed:
        assert before - timedelta(seconds=1) <= a.added_at <= datetime.now(UTC) + timedelta(seconds=1)
        assert a.added_at.tzinfo is not None
    assert figures.figures() == (figure(), figure(2025, 7.9, "Jan-Jul", date="2025-08-20"))


def test_figures_survive_a_restart(url):
    with FigureStore(url) as first:
        first.add(figure(), "a@b.cn")
    with FigureStore(url) as again:
        assert [a.figure for a in again.list()] == [figure()]


def test_delete_keeps_the_figure_as_a_version_and_undo_puts_it_back(figures):
    keep = figures.add(figure(2024, 8.1), "a@b.cn")
    wrong = figures.add(figure(2025, 75.0), "a@b.cn")  # a slip of the decimal point
    version = figures.delete(wrong, "c@d.cn")
    assert [a.id for a in figures.list()] == [keep]
    [kept] = figures.versions()
    assert (kept.id, kept.figure_id, kept.figure.value) == (version, wrong, 75.0)
    assert (kept.event, kept.added_by, kept.replaced_by, kept.restored_at) == ("deleted", "a@b.cn", "c@d.cn", None)

    assert figures.restore(version, "c@d.cn") == wrong
    back = {a.id: a for a in figures.list()}
    assert set(back) == {keep, wrong}
    assert back[wrong].figure == figure(2025, 75.0)
    assert back[wrong].added_by == "a@b.cn"  # who added it, not who put it back
    assert back[wrong].added_at == kept.added_at
    [after] = figures.versions()  # the deletion stays on record, marked restored
    assert after.restored_at is not None
    assert figures.restore(version) == wrong  # a second undo changes nothing
    assert len(figures.list()) == 2


def test_numbers_are_not_reused_after_a_delete(figures):
    first = figures.add(figure(2024))
    figures.delete(first)
    second = figures.add(figure(2025))
    assert second != first
    figures.restore(figures.versions()[0].id)
    assert {a.id for a in figures.list()} == {first, second}
    third = figures.add(figure(2026))
    assert third not in (first, second)


def test_deleting_or_restoring_what_is_not_there_is_a_problem(figures):
    with pytest.raises(FigureNotFound) as e:
        figures.delete(42)
    assert say(e.value.problems[0], "zh") == "没有编号为42的新增数据。"
    assert say(e.value.problems[0], "en") == "no added figure has the number 42"
    with pytest.raises(FigureNotFound):
        figures.restore(7)


def test_with_sign_in_only_the_adder_deletes(url):
    with FigureStore(url, owners=True) as owned:
        mine = owned.add(figure(2024), "a@b.cn")
        open_one = owned.add(figure(2025), None)
        with pytest.raises(NotAdder) as e:
            owned.delete(mine, "c@d.cn")
        assert say(e.value.problems[0], "zh") == "第1条数据由a@b.cn添加，只有添加人可以删除。"
        owned.delete(open_one, "c@d.cn")  # a visitor's figure is open to everyone
        owned.delete(mine, "a@b.cn")
        assert owned.list() == []


def test_the_store_shares_the_scenario_library_database(url):
    with ScenarioLibrary(url) as library, FigureStore(url) as figures:
        library.save("基准", default_scenario(), overwrite=True)  # PostgreSQL's library may hold it already
        figures.add(figure())
        assert "基准" in library.names()
        assert len(figures.list()) == 1
        tables = set(sa.inspect(figures.engine).get_table_names())
    assert {"dezhou_scenarios", "dezhou_added_figures", "dezhou_added_figure_versions"} <= tables


def test_a_store_that_is_not_a_database_says_so():
    with pytest.raises(LibraryUnavailable) as e:
        FigureStore("not a database url")
    assert [p.code for p in e.value.problems] == ["library_not_database"]


def test_the_store_is_full_at_its_limit(figures, monkeypatch):
    monkeypatch.setattr(store, "MAX_FIGURES", 2)
    figures.add(figure(2024))
    figures.add(figure(2025))
    with pytest.raises(store.StoreFull) as e:
        figures.add(figure(2026))
    assert say(e.value.problems[0], "en").startswith("at most 2 figures can be added")
    assert len(figures.list()) == 2
