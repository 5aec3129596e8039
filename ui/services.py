"""The page's services, shared by the tabs and presentation mode: the scenario library (its address,
limits, one connection pool per server), the scenarios chosen for comparison, sign-in, and the fan the
analysis tab drew (for the deck). No tab's drawing here; ui/tabs/* and ui/present.py import from this
module, never from each other (tests/test_layering.py)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from model.analysis import monte_carlo
from model.history import History
from model.parameters import Scenario
from model.results import Fan
from store.library import ENV_VAR, Limits, ScenarioLibrary, default_url
from ui.compute import HASH_HISTORY

# The browser tests' hook: a test's own library, chosen by a cookie of its browser, on one shared test
# server. It works only when the test server sets TEST_LIBRARY_DIR (no deployment does; the README's
# commands never set it): then a cookie ``dezhou_test_library=NAME`` (a short lower-case name, nothing
# else) selects the SQLite file ``$DEZHOU_TEST_LIBRARY_DIR/NAME.sqlite``. See tests/browser/conftest.py.
TEST_LIBRARY_DIR = "DEZHOU_TEST_LIBRARY_DIR"
TEST_LIBRARY_COOKIE = "dezhou_test_library"
_TEST_LIBRARY_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def browser_test_library(environ: dict[str, str], cookies: dict[str, str]) -> str | None:
    """The library the browser test asks for, where the test server enabled the hook; else None."""
    folder = environ.get(TEST_LIBRARY_DIR, "")
    if not folder or not Path(folder).is_absolute() or not Path(folder).is_dir():
        return None
    name = cookies.get(TEST_LIBRARY_COOKIE, "")
    if not _TEST_LIBRARY_NAME.fullmatch(name):
        return None
    return f"sqlite:///{Path(folder) / name}.sqlite"


def library_url() -> str:
    """``$DEZHOU_SCENARIO_DB``, else Streamlit secrets' ``scenario_db``, else a local SQLite file."""
    if os.environ.get(TEST_LIBRARY_DIR):
        chosen = browser_test_library(dict(os.environ), dict(st.context.cookies))
        if chosen:
            return chosen
    if os.environ.get(ENV_VAR):
        return default_url()
    try:
        configured = st.secrets.get("scenario_db")
    except FileNotFoundError:  # no secrets file (StreamlitSecretNotFoundError): that is the usual case
        configured = None
    return configured or default_url()


def library_limits() -> Limits:
    """The administrator's limits: ``[library_limits]`` in ``.streamlit/secrets.toml`` (keys as
    store.library.Limits: per_file, scenarios, versions, new_per_visitor_hour,
    versions_per_visitor_hour), else the defaults."""
    try:
        configured = st.secrets.get("library_limits")
    except FileNotFoundError:  # no secrets file (StreamlitSecretNotFoundError): the defaults
        configured = None
    return Limits.from_settings(configured)


@st.cache_resource(show_spinner=False)
def get_library(url: str, owners: bool = False, limits: tuple[int, ...] | None = None) -> ScenarioLibrary:
    """One library (one connection pool, one count of each visitor's share) per server process,
    shared by every session. ``limits``: store.library.Limits' values, in order (hashable)."""
    return ScenarioLibrary(url, owners=owners, limits=Limits(*limits) if limits else None)


COMPARE = "compare_names"  # session key of the library tab's compare picker


def compared_names() -> list[str]:
    """The names chosen in the compare picker of this session (saved scenarios; may be stale)."""
    return [n for n in st.session_state.get(COMPARE, []) if isinstance(n, str)]


def sign_in_configured() -> bool:
    """Whether the deployment configures ``st.login`` (an ``[auth]`` section in its secrets)."""
    try:
        return bool(st.secrets.get("auth"))
    except FileNotFoundError:  # no secrets file (StreamlitSecretNotFoundError)
        return False


def signed_in_user() -> str | None:
    """The signed-in user's e-mail (or subject), where sign-in is configured and they signed in."""
    if not sign_in_configured():
        return None
    try:
        if not st.user.is_logged_in:
            return None
        who = st.user.get("email") or st.user.get("sub")
    except (AttributeError, KeyError, StreamlitAPIException):  # no user information in this session
        return None
    return str(who) if who else None


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=HASH_HISTORY)
def fan(scenario: Scenario, draws: int, seed: int, history: History) -> pd.DataFrame:
    return monte_carlo(scenario, draws=draws, seed=seed, history=history)


FAN_SHOWN = "fan_shown"  # (scenario without targets, draws, seed, official figures) of the fan last drawn


def computed_fan(scenario: Scenario, history: History) -> Fan | None:
    """The fan the analysis tab drew for ``scenario`` (its targets aside) with ``history``, for the deck; None
    if it drew none."""
    shown = st.session_state.get(FAN_SHOWN)
    if not shown or shown[0] != scenario.with_targets(()) or shown[3] != history:
        return None
    untargeted, draws, seed, _ = shown
    return Fan(fan(untargeted, draws, seed, history), draws, seed)
