"""The page's address holds the scenario: ``?growth_start=10.5&fund_size=80``.

Streamlit binds each widget to its query parameter and quietly drops values a widget cannot take.
Before the widgets exist, this module checks the raw query values with the model's own validation,
so the user is told which values were ignored and what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from model.compat import CompatNotice, upgrade_v1, upgrade_v2
from model.lang import LANGS, Lang
from model.parameters import MODEL_VERSION, ParamSpec, ScenarioError, load_parameters, parse_text
from model.problems import Problem, problem
from report.charts import UPDOWN_SETTINGS, red_for_up
from report.text import DEFAULT_LANG, t

UPDOWN = "updown"  # colours for up and down: auto (by language), red or green for up
RESERVED = ("lang", "mode", "model", UPDOWN, "room")  # the page's switches, the model's version, a presentation's room
MODEL = "model"  # a link written by this page says which model's parameters it holds
# The switches' values: any other is ignored, named in the notice and removed from the address bar.
SWITCHES = {"lang": LANGS, "mode": ("present",), UPDOWN: UPDOWN_SETTINGS}


def _on_grid(spec: ParamSpec, value: float | int) -> float | int:
    """``value`` on the control's grid (what the slider can show)."""
    steps = round((value - spec.min) / spec.step)
    snapped = spec.min + steps * spec.step
    return int(snapped) if spec.kind == "int" else round(snapped, 10)


def review(query: Mapping[str, list[str]]) -> tuple[list[Problem], list[Problem], dict[str, Any]]:
    """The link's values checked with the model's own rules.

    Returns the problems of values that are ignored (their default is used), those of values
    rounded to the control's step, and the values the controls must start from instead of what
    Streamlit would make of the link (the default, or the rounded value).
    """
    specs = load_parameters()
    ignored, rounded, start = [], [], {}
    for key, values in query.items():
        if key in SWITCHES and values and values[-1] not in SWITCHES[key]:
            ignored.append(problem("bad_choice", key=key, value=values[-1], allowed=SWITCHES[key]))
            continue
        if key in RESERVED:
            continue
        spec = specs.get(key)
        text = values[-1] if values else ""
        if spec is None:
            ignored.append(problem("unknown_parameter", given=f"{key}={text}"))
            continue
        if len(values) > 1:
            ignored.append(problem("given_twice", key=key, count=len(values)))
            start[key] = spec.default
            continue
        try:
            value = parse_text(spec, text)
        except ScenarioError as e:
            ignored.extend(e.problems)
            start[key] = spec.default
            continue
        if spec.kind != "bool" and _on_grid(spec, value) != value:
            start[key] = _on_grid(spec, value)
            rounded.append(problem("rounded", key=key, value=value, rounded=start[key], step=spec.step))
    return ignored, rounded, start


def check_query_once() -> tuple[list[Problem], list[Problem]]:
    """On a session's first run: check the link's values, set the controls that must not take them
    as Streamlit would, and drop the unknown keys from the URL.

    The problems are kept in the session, so the notices stay until the user closes them.
    """
    if "url_problems" not in st.session_state:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        ignored, rounded, start = review(query)
        st.session_state.url_problems, st.session_state.url_rounded = ignored, rounded
        st.session_state.link_notices = v1_notices(query, start) + v2_notices(query, start)
        # A control bound to the link takes the link's value on its first run, whatever the session
        # says; these values are applied at the top of the next run (see apply_link_fixes).
        st.session_state.url_fixes = start
        specs = load_parameters()
        for key, values in query.items():
            bad_switch = key in SWITCHES and values and values[-1] not in SWITCHES[key]
            if bad_switch or (key not in specs and key not in RESERVED):
                del st.query_params[key]
        _write_fixes(start)
    return st.session_state.url_problems, st.session_state.url_rounded


# Streamlit drops a query string of more than 1,000 parameters, or of more than 512Ki characters,
# whole and without a word (streamlit.runtime.state.query_params.sanitize_query_string): the page
# never sees it. The browser still knows the address it opened (its navigation entry), so a small
# script of ours, holding no text from the link, shows the notice when the address was that long.
LINK_MAX_FIELDS = 1000
LINK_MAX_CHARS = 512 * 1024
_LONG_LINK_HTML = """<div class="dz-long-link" role="alert" style="display:none;padding:0.75rem 1rem;
border-radius:0.5rem;background:#fffce7;color:#926c05;">{text}</div>
<script>
(function () {{
  var entry = (performance.getEntriesByType("navigation") || [])[0];
  var href = entry ? entry.name : window.location.href;
  var at = href.indexOf("?");
  if (at < 0) return;
  var query = href.slice(at + 1).split("#")[0];
  if (query.split("&").length > {fields} || query.length > {chars}) {{
    document.querySelectorAll(".dz-long-link").forEach(function (e) {{ e.style.display = "block"; }});
  }}
}})();
</script>"""


def long_link_notice(lang: Lang) -> None:
    """A notice, shown by the browser, when the page was opened with a link Streamlit dropped whole
    (more than 1,000 parameters): the page then opens at its defaults and says so."""
    text = t("url_too_long", lang, fields=f"{LINK_MAX_FIELDS:,}")
    st.html(
        _LONG_LINK_HTML.format(text=text, fields=LINK_MAX_FIELDS, chars=LINK_MAX_CHARS),
        unsafe_allow_javascript=True,  # our own script: it reads the address, writes none of it
        width="stretch",
    )


def _write_fixes(start: dict[str, Any]) -> None:
    """Put the values the controls start from in the address bar (before the controls exist, so
    nothing is bound yet): a rounded value as rounded, an ignored one as gone (its default)."""
    specs = load_parameters()
    for key, value in start.items():
        if value == specs[key].default:
            del st.query_params[key]
        else:
            st.query_params[key] = str(value).lower() if isinstance(value, bool) else str(value)


def v1_notices(query: Mapping[str, list[str]], start: dict[str, Any]) -> list[CompatNotice]:
    """A link with parameter keys and no ``model`` was written by version 1 of the model: read it
    with model.compat.upgrade_v1. A value that was version 1's default for a re-sourced parameter
    starts at version 2's default (put in ``start``); every key whose meaning or default changed,
    and the parameters version 1 did not have, get a notice. The other values are kept."""
    specs = load_parameters()
    keys = [k for k in query if k not in RESERVED]
    if MODEL in query or not keys:
        return []
    values = {}
    for key in keys:
        if key in specs and key not in start:  # a value in ``start`` was ignored or rounded: named already
            values[key] = parse_text(specs[key], query[key][-1])
    kept, notices = upgrade_v1(values)
    for key in values.keys() - kept.keys():
        start[key] = specs[key].default
    return [n for n in notices if n.code != "unknown_key"]  # unknown keys are named as ignored


def v2_notices(query: Mapping[str, list[str]], start: dict[str, Any]) -> list[CompatNotice]:
    """A link with ``model=2`` was written by version 2: its values are all kept; what changed meaning
    in version 3 (the 技改 lever scored against the plan, levers acting from the first projected year)
    gets a notice (model.compat.upgrade_v2). The two new parameters are at their defaults, as in any
    link that leaves a parameter out, so they are not named."""
    if query.get(MODEL, [""])[-1:] != ["2"]:
        return []
    specs = load_parameters()
    values = {}
    for key in query:
        if key in specs and key not in start:  # a value in ``start`` was ignored or rounded: named already
            values[key] = parse_text(specs[key], query[key][-1])
    _, notices = upgrade_v2(values)
    return [n for n in notices if n.code != "v2_new_parameters"]


def link_notices() -> list[CompatNotice]:
    """The version-1 notices of the link the session opened with (empty once dismissed)."""
    return st.session_state.get("link_notices", [])


def mark_version() -> None:
    """Write ``model=3`` in the address, so that a copied link says which model it is for."""
    if st.query_params.get(MODEL) != str(MODEL_VERSION):
        st.query_params[MODEL] = str(MODEL_VERSION)


def apply_link_fixes() -> None:
    """After the controls' first run: if the link held values the model does not take as
    Streamlit would (a fraction for a whole number, a value between steps, a repeated key), set
    those controls to the default or the rounded value, and run the page again."""
    fixes = st.session_state.get("url_fixes")
    if fixes:
        st.session_state.url_fixes = {}
        st.session_state.pending_fixes = fixes
        st.rerun()


def take_pending_fixes() -> None:
    """At the top of a run, before the controls exist: apply what apply_link_fixes left."""
    pending = st.session_state.pop("pending_fixes", None)
    if pending:
        st.session_state.update(pending)


def _sync_lang() -> None:
    st.query_params["lang"] = st.session_state.lang


def current_lang() -> Lang:
    """The page's language: the session's choice, else the link's ``lang``, else Chinese. The one place
    the language is decided (from outside input): everything below is handed it explicitly."""
    if "lang" not in st.session_state:
        asked = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state.lang = asked if asked in LANGS else DEFAULT_LANG
    return st.session_state.lang


def language_switch(container=None) -> Lang:
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
    if container is None:  # the page's sidebar (presentation mode keeps the choice through the link)
        updown_switch(st.session_state.lang)
    return st.session_state.lang


def updown_setting() -> str:
    """The colours for up and down the user chose (``red``, ``green``) or ``auto`` (by language);
    the link's ``updown`` keeps the choice."""
    value = st.session_state.get(UPDOWN) or st.query_params.get(UPDOWN, "auto")
    return value if value in UPDOWN_SETTINGS else "auto"


def red_up(lang: Lang) -> bool:
    """Whether increases are shown in red on this page (report.charts.red_for_up)."""
    return red_for_up(lang, updown_setting())


def _sync_updown() -> None:
    if st.session_state.get(UPDOWN, "auto") == "auto":
        st.query_params.pop(UPDOWN, None)
    else:
        st.query_params[UPDOWN] = st.session_state[UPDOWN]


def updown_switch(lang: Lang, container=None) -> None:
    """红涨绿跌 / 绿涨红跌 / by the page's language (the default: red for up in Chinese), kept in the
    link as ``updown=red`` or ``updown=green``. Not bound through ``bind=``, as the language switch."""
    if UPDOWN not in st.session_state:
        st.session_state[UPDOWN] = updown_setting()
    (container or st.sidebar).selectbox(
        t("updown", lang),
        UPDOWN_SETTINGS,
        format_func=lambda v: t("updown_" + v, lang),
        key=UPDOWN,
        help=t("updown_help", lang),
        placeholder=t("choose", lang),
        on_change=_sync_updown,
    )
