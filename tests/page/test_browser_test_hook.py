"""The browser tests' library hook (``ui.services``): a cookie chooses a test's own library only on
a server started with ``$DEZHOU_TEST_LIBRARY_DIR`` (the browser tests' server); anywhere else cookies
choose nothing, and a name that is not a short lower-case word never reaches a file path."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.services import TEST_LIBRARY_COOKIE, TEST_LIBRARY_DIR, browser_test_library


def test_a_cookie_chooses_nothing_without_the_test_servers_variable(tmp_path: Path) -> None:
    assert browser_test_library({}, {TEST_LIBRARY_COOKIE: "t-abc"}) is None
    assert browser_test_library({TEST_LIBRARY_DIR: ""}, {TEST_LIBRARY_COOKIE: "t-abc"}) is None
    # a folder that does not exist, or a relative one, enables nothing either
    assert browser_test_library({TEST_LIBRARY_DIR: str(tmp_path / "missing")}, {TEST_LIBRARY_COOKIE: "t-abc"}) is None
    assert browser_test_library({TEST_LIBRARY_DIR: "relative"}, {TEST_LIBRARY_COOKIE: "t-abc"}) is None


def test_the_test_server_gives_each_cookie_its_own_file(tmp_path: Path) -> None:
    env = {TEST_LIBRARY_DIR: str(tmp_path)}
    assert browser_test_library(env, {TEST_LIBRARY_COOKIE: "t-abc"}) == f"sqlite:///{tmp_path / 't-abc.sqlite'}"
    assert browser_test_library(env, {TEST_LIBRARY_COOKIE: "t-xyz"}) == f"sqlite:///{tmp_path / 't-xyz.sqlite'}"
    assert browser_test_library(env, {}) is None  # no cookie: the server's own library


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "T-ABC", "a b", "", "-x", "a" * 65, "x.sqlite", "t\n"])
def test_a_name_that_is_not_a_short_word_chooses_nothing(tmp_path: Path, name: str) -> None:
    assert browser_test_library({TEST_LIBRARY_DIR: str(tmp_path)}, {TEST_LIBRARY_COOKIE: name}) is None
