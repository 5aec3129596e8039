"""The page's address holds the scenario: ``?growth_start=10.5&fund_size=80``.

Streamlit binds each widget to its query parameter and quietly drops values a widget cannot take.
Before the widgets exist, this module checks the raw query values with the model's own validation,
so the user is told which values were ignored and what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from model.parameters import ScenarioError, load_parameters, parse_text
from ui.text import DEFAULT_LANG, LANGS

RESERVED = ("lang", "mode")  # the language and presentation-mode switches


def problems_in(query: Mapping[str, str]) -> list[str]:
    """One sentence per query value that will be ignored, naming it and what is allowed."""
    specs = load_parameters()
    problems = []
    for key, value in query.items():
        if key in RESERVED:
            continue
        spec = specs.get(key)
        if spec is None:
            problems.append(f"{key}={value}: unknown parameter")
            continue
        try:
            parse_text(spec, value)
        except ScenarioError as e:
            problems.extend(e.problems)
    return problems


def check_query_once() -> list[str]:
    """On a session's first run: find the bad query values and drop the unknown keys from the URL.

    The result is kept in the session, so the notice stays until the user closes it.
    """
    if "url_problems" not in st.session_state:
        query = st.query_params.to_dict()
        st.session_state.url_problems = problems_in(query)
        specs = load_parameters()
        for key in query:
            if key not in specs and key not in RESERVED:
                del st.query_params[key]
    return st.session_state.url_problems


def _sync_lang() -> None:
    st.query_params["lang"] = st.session_state.lang


def current_lang() -> str:
    """The page's language: the session's choice, else the link's ``lang``, else Chinese."""
    if "lang" not in st.session_state:
        asked = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state.lang = asked if asked in LANGS else DEFAULT_LANG
    return st.session_state.lang


def language_switch(container=None) -> str:
    """中文 / English, kept in the URL as ``lang=zh`` or ``lang=en`` (Chinese by default).

    Not bound through ``bind=``: a bound segmented control writes its label, not the code.
    """
    current_lang()
    (container or st.sidebar).segmented_control(
        "语言 / Language",
        LANGS,
        format_func={"zh": "中文", "en": "English"}.get,
        key="lang",
        required=True,
        on_change=_sync_lang,
    )
    return st.session_state.lang
