"""Each browser test has a library of its own (tests/browser/conftest.py): on the one test server, a
page opened by a test lists the scenarios that test saved and none of another test's, and a browser
naming another test's library lists only that one's."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.parameters import make_scenario
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import wait_for_page
from tests.browser.test_browser_scenarios import open_library_tab, options
from ui.services import TEST_LIBRARY_COOKIE

pytestmark = pytest.mark.browser


def test_a_test_sees_its_own_library_only(new_context, app_url: str, scenario_db_url: str, library_dir: Path) -> None:
    with ScenarioLibrary(scenario_db_url) as mine:
        mine.save("本测试的情景", make_scenario({"fund_size": 80}))
    with ScenarioLibrary(f"sqlite:///{library_dir / 't-another-test.sqlite'}") as theirs:
        theirs.save("另一测试的情景", make_scenario({"growth_end": 5.0}))

    page = new_context().new_page()
    page.goto(app_url)
    wait_for_page(page)
    open_library_tab(page)
    assert options(page, "pick") == ["本测试的情景"]

    other = new_context()
    other.add_cookies([{"name": TEST_LIBRARY_COOKIE, "value": "t-another-test", "url": app_url}])
    page = other.new_page()
    page.goto(app_url)
    wait_for_page(page)
    open_library_tab(page)
    assert options(page, "pick") == ["另一测试的情景"]
