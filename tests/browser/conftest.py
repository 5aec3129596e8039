"""Fixtures for the browser tests: one Streamlit server and one Chromium for the whole session.

The server is ``streamlit run app.py`` on a free port of 127.0.0.1, with the scenario library in a
temporary SQLite file (``$DEZHOU_SCENARIO_DB``) so that the tests never touch ``var/``. Helpers are in
``streamlit_server.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.streamlit_server import (
    CHROMIUM_ARGS,
    ROOT,
    VIEWPORT,
    chromium_path,
    free_port,
    start_streamlit,
    stop,
    wait_for_page,
    wait_healthy,
)


@pytest.fixture(scope="session")
def scenario_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The session server's scenario library: a test may put scenarios in it with ScenarioLibrary."""
    return f"sqlite:///{tmp_path_factory.mktemp('library') / 'scenarios.sqlite'}"


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, scenario_db_url: str) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("streamlit")
    port = free_port()
    log = tmp / "server.log"
    env = {"DEZHOU_SCENARIO_DB": scenario_db_url}
    proc = start_streamlit(ROOT / "app.py", port, log, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, log)
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageErrors:
    """Uncaught page errors and console errors of one page."""

    def __init__(self, page: Page):
        self.messages: list[str] = []
        page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))
        page.on("console", lambda m: m.type == "error" and self.messages.append(f"console: {m.text}"))


@pytest.fixture
def open_page(browser: Browser, app_url: str) -> Iterator[Callable[..., Page]]:
    """``open_page(query="growth_start=10", context=None)``: a loaded page, checked on teardown.

    Each call without ``context`` gets a fresh browser context (a new user, a new session). On
    teardown every page must show no exception element and have logged no page or console error.
    ``ready`` waits until the page is drawn (by default: the scenario page's metrics and charts).
    """
    opened: list[tuple[Page, PageErrors]] = []
    contexts: list[BrowserContext] = []

    def _open(
        query: str = "", context: BrowserContext | None = None, ready: Callable[[Page], None] = wait_for_page
    ) -> Page:
        if context is None:
            context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
            contexts.append(context)
        page = context.new_page()
        errors = PageErrors(page)
        opened.append((page, errors))
        page.goto(f"{app_url}/?{query}" if query else f"{app_url}/")
        ready(page)
        return page

    yield _open
    try:
        for page, errors in opened:
            shown = page.locator('[data-testid="stException"]').all_inner_texts()
            assert shown == [], f"{page.url}: {shown}"
            assert errors.messages == [], errors.messages
    finally:
        for context in contexts:
            context.close()
