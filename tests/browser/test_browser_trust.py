"""Issue 13, items 1 and 2, in a real Chromium: text from a link, a saved name or a file name is
shown as text. No link to, image from or request to evil.example appears, and the text reads
exactly as it was typed.

- link: unknown keys and a bad value that are Markdown (a link, an image, a red "official" notice)
  are named in the notice literally;
- names: scenarios saved under such names are the titles of presentation mode, literally; a file
  so named, and a scenario so named in an imported file, are named literally in the import messages.

Each test has a library of its own (tests/browser/conftest.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from model.parameters import make_scenario
from report.text import t
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import wait_idle

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
EVIL_KEYS = [
    "[Session expired - log in again](https://evil.example/login)",
    "![x](https://evil.example/pixel.png)",
    ":red-background[**OFFICIAL NOTICE: log in again**]",
]
EVIL_NAMES = ["![x](https://evil.example/p.png)", "[Session expired](https://evil.example/login)"]


class EvilWatch:
    """Every request the pages of a browser context make to the host evil.example (blocked, kept)."""

    def __init__(self, context: BrowserContext):
        self.requests: list[str] = []

        def block(route: Route) -> None:
            self.requests.append(route.request.url)
            route.abort()

        context.route(lambda url: (urlsplit(url).hostname or "").endswith("evil.example"), block)

    def assert_clean(self, page: Page) -> None:
        assert page.locator('a[href*="evil.example"]').count() == 0
        assert page.locator('img[src*="evil.example"]').count() == 0
        assert self.requests == []


def test_link_markdown_is_shown_as_text(new_context, open_page: OpenPage) -> None:
    query = urlencode({"lang": "en", **dict.fromkeys(EVIL_KEYS, "1"), "growth_start": "[x](https://evil.example/v)"})
    context = new_context()
    watch = EvilWatch(context)
    page = open_page(query, context=context)
    notice = page.get_by_test_id("stAlert").filter(has_text=t("url_ignored", "en"))
    expect(notice).to_have_count(1)
    text = notice.inner_text().replace("\u2060", "")
    for key in EVIL_KEYS:
        assert f"'{key}=1': not a parameter of this model" in text, (key, text)
    assert "Trend growth, first projected year (%): '[x](https://evil.example/v)' is not a number" in text, text
    assert notice.locator("strong, a, img, code, h1, h2, h3, blockquote, span[class*='background']").count() == 0
    watch.assert_clean(page)


# --- names in the library ------------------------------------------------------------------------


@pytest.fixture
def evil_server(app_url: str, scenario_db_url: str) -> str:
    """The page's address, its library (the test's own) holding a scenario under each evil name."""
    with ScenarioLibrary(scenario_db_url) as library:
        for name, change in zip(EVIL_NAMES, ({"fund_size": 100}, {"growth_end": 5.0}), strict=True):
            library.save(name, make_scenario(change))
    return app_url


def new_page(new_context, url: str) -> tuple[Page, EvilWatch]:
    """A page at ``url``, its requests to evil.example blocked and kept (the fixture checks, on
    teardown, that it shows no exception and logged no page or console error)."""
    context = new_context()
    watch = EvilWatch(context)
    page = context.new_page()
    page.goto(url)
    wait_idle(page)
    return page, watch


def titles(page: Page) -> str:
    return page.locator("h1").first.inner_text().replace("\u2060", "")


def test_saved_names_are_text_in_presentation_mode(new_context, evil_server: str) -> None:
    page, watch = new_page(new_context, f"{evil_server}/?mode=present&lang=en")
    title = page.locator("h1").first
    expect(title).not_to_have_text("")
    wait_idle(page)  # the first screen drawn and nothing pending, then its title
    first = titles(page)
    page.locator(".st-key-present_next").get_by_role("button").click()
    wait_idle(page)  # the step's run finished and drawn (the notes window's poll may rerun it too)
    expect(title).not_to_have_text(first)
    seen = {first, titles(page)}
    assert seen == set(EVIL_NAMES), seen
    watch.assert_clean(page)


def upload(page: Page, name: str, data: bytes) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": data}]
    )


def test_file_and_scenario_names_are_text_in_imports(new_context, evil_server: str) -> None:
    page, watch = new_page(new_context, f"{evil_server}/?lang=en")
    page.get_by_role("tab", name=t("tab_library", "en"), exact=True).click()
    expect(page.locator('[data-testid="stFileUploaderDropzoneInput"]')).to_have_count(1)

    bad_file = "![x](https://evil.example/f.png).json"
    upload(page, bad_file, b"{")
    alert = page.get_by_test_id("stAlert").filter(has_text="evil.example/f.png")
    expect(alert.first).to_be_visible()
    assert bad_file in alert.first.inner_text().replace("\u2060", "")

    name = "[Log in again](https://evil.example/import)"
    good = json.dumps({"name": name, "parameters": {"fund_size": 90}}).encode()
    upload(page, "scenario.json", good)
    ready = page.get_by_test_id("stAlert").filter(has_text="evil.example/import")
    expect(ready.first).to_be_visible()
    assert name in ready.first.inner_text().replace("\u2060", "")
    watch.assert_clean(page)
