"""What every test may use, defined once: the command-line runner, the scenario library on SQLite and
PostgreSQL, and the mark of the browser tests.

- ``cli``: ``cli("project", "--set", "fund_size=80")`` runs ``python -m model ...`` as a user does
  (``run_cli`` of ``tests/clikit.py``, which a module may import too).
- ``db_url``: an empty SQLite library in the test's temporary folder, which the page (AppTest) uses.
- ``published``: the made-up official figures and targets of ``tests/pagekit.py`` in place of the
  shipped ones, for the test.
- ``url`` / ``lib``: an empty library on each backend, SQLite and PostgreSQL (the latter with
  ``$DEZHOU_TEST_POSTGRES_URL``, which ``scripts/test.sh`` sets; skipped without it locally).
- ``blank_charts``: the decks' charts drawn as blank pictures of their size, for a test that reads
  a deck's words only (the pictures are tested in ``tests/report``): a deck then takes a tenth of
  the time.
- Every test under ``tests/browser`` is marked ``browser``, so ``-m "not browser"`` starts no
  Streamlit server and no Chromium (their fixtures are in ``tests/browser/conftest.py``).

The AppTest page's set-up (``run_page``, ``new_page``) is in ``tests/pagekit.py``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from clikit import run_cli

ROOT = Path(__file__).resolve().parents[1]
BROWSER_TESTS = ROOT / "tests" / "browser"
POSTGRES_ENV = "DEZHOU_TEST_POSTGRES_URL"


def worker_database(url: str, worker: str) -> str:
    """A database of this pytest-xdist worker's own on the server at ``url`` (made if missing), so that
    two workers never drop each other's tables: ``scripts/test.sh`` runs the tests in parallel."""
    import sqlalchemy as sa

    base = sa.engine.make_url(url)
    name = f"dezhou_test_{worker}"
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is None:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def pytest_configure(config: pytest.Config) -> None:
    # Runs in each worker before any test module is imported: the modules that read the variable
    # (the ``url`` fixture below, the store's tests) read the worker's own database.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and os.environ.get(POSTGRES_ENV):
        os.environ[POSTGRES_ENV] = worker_database(os.environ[POSTGRES_ENV], worker)


# The longest tests, started first so that no worker is left running one alone at the end.
LONGEST_FIRST = ("test_browser_wording.py", "test_office_render.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in item.path.resolve().parents:
            item.add_marker(pytest.mark.browser)
    # Browser tests take seconds each, most others milliseconds: the browser tests go first, the
    # longest of all before them, and the short ones fill the workers' last minutes (pytest-xdist
    # hands the tests out in this order, and --dist worksteal moves what is left to an idle worker).
    items.sort(key=lambda item: (item.path.name not in LONGEST_FIRST, item.get_closest_marker("browser") is None))


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess]:
    """The command-line runner (``run_cli``): ``cli("project", "--set", "fund_size=80")``."""
    return run_cli


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty scenario library in a SQLite file of the test's own, the one the page opens."""
    from store.library import ENV_VAR

    url = f"sqlite:///{tmp_path / 'scenarios.sqlite'}"
    monkeypatch.setenv(ENV_VAR, url)
    return url


@pytest.fixture
def published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[int, float]]:
    """The model (and page) on made-up official figures and targets (``tests/pagekit.py``'s
    ``use_test_data``): Dezhou's observed growth by year. The page's caches are cleared after."""
    from pagekit import clear_caches, use_test_data

    observed = use_test_data(tmp_path, monkeypatch)
    yield observed
    monkeypatch.undo()
    clear_caches()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty library location on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library.sqlite'}"
    postgres_url = os.environ.get(POSTGRES_ENV, "")
    if not postgres_url:
        pytest.skip("set DEZHOU_TEST_POSTGRES_URL to test PostgreSQL")
    import sqlalchemy as sa

    from store import figures, library

    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:  # the library's tables and the added figures'
        library.metadata.drop_all(conn, checkfirst=True)
        figures.metadata.drop_all(conn, checkfirst=True)
    engine.dispose()
    return postgres_url


@pytest.fixture
def lib(url: str) -> Iterator:
    """The library at ``url``, open for the test."""
    from store.library import ScenarioLibrary

    with ScenarioLibrary(url) as opened:
        yield opened


@pytest.fixture
def blank_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The decks' charts as white pictures of the size a chart would have (see the module's text)."""
    import io

    from PIL import Image

    import report.brief

    def blank(chart, scale: float = 2, width: int | None = None) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (int((width or 800) * scale), int(chart.to_dict().get("height", 300) * scale)), "white").save(
            out, "PNG"
        )
        return out.getvalue()

    monkeypatch.setattr(report.brief, "chart_png", blank)
