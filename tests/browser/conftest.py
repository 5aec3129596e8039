"""Fixtures for the browser tests: one Streamlit server and one Chromium for the whole run, and for
each test a scenario library of its own.

Why one server with a library per test (and not a server per test or per module): a server costs a
few seconds to start (more on a loaded machine) and a first page run; the tests need isolation only
in the library (each browser context is already a session of its own). So the session's server is
started with ``$DEZHOU_TEST_LIBRARY_DIR`` (the app's test-only hook, ``ui.services.library_url``:
no deployment sets it), and every browser context a test opens carries a cookie naming that test's
own SQLite file in that folder. A test sees only the scenarios it saved itself, whatever ran before it
and in whatever order. A cookie rather than a link parameter: the page rewrites its address (rounded
and ignored values, ``model=2``) and the tests assert what the address holds.

Every context a test opens, with ``open_page``, ``new_context`` or ``browser.new_context`` alike, gets
that cookie, ``streamlit_server.TRACK_RUNS`` (the watcher the waits read: ``wait_idle``, the page's
script finished and drawn) and the timeouts named in ``streamlit_server``. Prefer ``open_page`` and
``new_context``: they also check, on teardown, that no page showed an exception or logged an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.browser.streamlit_server import (
    ACTION_TIMEOUT_S,
    CHROMIUM_ARGS,
    EXPECT_TIMEOUT_S,
    ROOT,
    TRACK_RUNS,
    VIEWPORT,
    chromium_path,
    free_port,
    start_streamlit,
    stop,
    wait_for_page,
    wait_healthy,
)
from ui.services import TEST_LIBRARY_COOKIE, TEST_LIBRARY_DIR

expect.set_options(timeout=EXPECT_TIMEOUT_S * 1000)


@pytest.fixture(scope="session")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the tests' libraries, one SQLite file a test."""
    return tmp_path_factory.mktemp("libraries")


@pytest.fixture
def library_name(request: pytest.FixtureRequest) -> str:
    """This test's library's name (its cookie's value): made from the test's id, so unique in a run."""
    return "t-" + hashlib.sha256(request.node.nodeid.encode()).hexdigest()[:24]


@pytest.fixture
def scenario_db_url(library_dir: Path, library_name: str) -> str:
    """This test's own library, empty when the test starts: the page opened by this test (``open_page``,
    ``new_context``) reads and writes it; the test may put scenarios in it with ScenarioLibrary."""
    # Named by the test's id, so no other test of the run has it; the page a test opened before asking
    # for it may already have created the file (the added figures are read on every page load).
    path = library_dir / f"{library_name}.sqlite"
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, library_dir: Path) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("streamlit")
    port = free_port()
    log = tmp / "server.log"
    # A page without a test's cookie gets a library no test reads (there should be none).
    env = {TEST_LIBRARY_DIR: str(library_dir), "DEZHOU_SCENARIO_DB": f"sqlite:///{tmp / 'no-cookie.sqlite'}"}
    proc = start_streamlit(ROOT / "app.py", port, log, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, log)
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


class SessionBrowser:
    """The session's Chromium, each of whose new contexts is made for the test running (``prepare``:
    its library's cookie, the run watcher, the actions' timeout), however the test opens it."""

    def __init__(self, real: Browser, url: str):
        self.real, self.url, self.library = real, url, ""

    def new_context(self, **options) -> BrowserContext:
        return prepare(self.real.new_context(**{"accept_downloads": True, **options}), self.url, self.library)

    def __getattr__(self, name: str):
        return getattr(self.real, name)


@pytest.fixture(scope="session")
def browser(chromium: Browser, app_url: str) -> SessionBrowser:
    return SessionBrowser(chromium, app_url)


@pytest.fixture(autouse=True)
def _own_library(browser: SessionBrowser, library_name: str) -> Iterator[None]:
    """Every browser context the test opens (``browser.new_context`` included) uses its own library."""
    browser.library = library_name
    yield
    browser.library = ""


class PageErrors:
    """Uncaught page errors and console errors of one page."""

    def __init__(self, page: Page):
        self.messages: list[str] = []
        page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))
        page.on("console", lambda m: m.type == "error" and self.messages.append(f"console: {m.text}"))


def prepare(context: BrowserContext, url: str, library: str) -> BrowserContext:
    """A browser context as the tests use it: the test's library cookie for the server at ``url``, the
    run watcher in every page, the actions' timeout."""
    if library:
        context.add_cookies([{"name": TEST_LIBRARY_COOKIE, "value": library, "url": url}])
    context.add_init_script(TRACK_RUNS)
    context.set_default_timeout(ACTION_TIMEOUT_S * 1000)
    return context


@pytest.fixture
def new_context(browser: SessionBrowser) -> Iterator[Callable[..., BrowserContext]]:
    """``new_context(width=1400, height=1000, init_script="")``: a new user (a new session) of the
    test's own library (its cookie is the host's, so a server of the test's own gets it too). On
    teardown every page opened in it must show no exception element and have logged no page or
    console error."""
    made: list[tuple[BrowserContext, list[tuple[Page, PageErrors]]]] = []

    def _new(width: int = VIEWPORT["width"], height: int = VIEWPORT["height"], init_script: str = "") -> BrowserContext:
        context = browser.new_context(viewport={"width": width, "height": height})
        if init_script:
            context.add_init_script(init_script)
        pages: list[tuple[Page, PageErrors]] = []
        context.on("page", lambda p: pages.append((p, PageErrors(p))))
        made.append((context, pages))
        return context

    yield _new
    try:
        for _, pages in made:
            for page, errors in pages:
                if page.is_closed():
                    continue
                shown = page.get_by_test_id("stException").all_inner_texts()
                assert shown == [], f"{page.url}: {shown}"
                assert errors.messages == [], errors.messages
    finally:
        for context, _ in made:
            context.close()


@pytest.fixture
def open_page(new_context: Callable[..., BrowserContext], app_url: str) -> Callable[..., Page]:
    """``open_page(query="growth_start=10", context=None, ready=wait_for_page)``: a loaded page of the
    test's own library, checked on teardown (see ``new_context``).

    Each call without ``context`` gets a fresh browser context (a new user, a new session); a context
    passed must come from ``new_context``. ``ready`` waits until the page is drawn (by default: the
    scenario page's metrics and charts, and its script finished)."""

    def _open(
        query: str = "", context: BrowserContext | None = None, ready: Callable[[Page], None] = wait_for_page
    ) -> Page:
        page = (context or new_context()).new_page()
        page.goto(f"{app_url}/?{query}" if query else f"{app_url}/")
        ready(page)
        return page

    return _open
