"""Save, list, rename, delete, compare, import and export scenarios (the "Save & compare" tab).

The library itself is model.library.ScenarioLibrary (SQLAlchemy); this module is only the page.
Every problem is shown as a message beside what the user had: nothing typed or saved is lost.
"""

from __future__ import annotations

import os

import streamlit as st

from model import exchange
from model.library import ENV_VAR, LibraryUnavailable, NameTaken, SavedScenario, ScenarioLibrary, default_url
from model.parameters import Scenario, ScenarioError, default_scenario
from model.scenario_file import NamedScenario, parse_scenario_bytes
from ui import charts, messages
from ui import downloads as meeting
from ui.compute import projection
from ui.controls import load_into_controls
from ui.messages import localise
from ui.text import t

MAX_COMPARE = 6


def library_url() -> str:
    """``$DEZHOU_SCENARIO_DB``, else Streamlit secrets' ``scenario_db``, else a local SQLite file."""
    if os.environ.get(ENV_VAR):
        return default_url()
    try:
        configured = st.secrets.get("scenario_db")
    except Exception:  # no secrets file: that is the usual case
        configured = None
    return configured or default_url()


@st.cache_resource(show_spinner=False)
def get_library(url: str) -> ScenarioLibrary:
    """One library (one connection pool) per server process, shared by every session."""
    return ScenarioLibrary(url)


def _say(kind: str, text: str) -> None:
    """Keep a message for the next run (callbacks run before the page is drawn)."""
    st.session_state.setdefault("library_messages", []).append((kind, text))


def _show_messages() -> None:
    for kind, text in st.session_state.pop("library_messages", []):
        getattr(st, kind)(text)


def _problem_text(error: Exception, lang: str) -> str:
    problems = getattr(error, "problems", None)
    return localise("; ".join(problems) if problems else str(error), lang)


# --- callbacks (they run before the page is drawn, so they can set widget values) -----------


def _save(library: ScenarioLibrary, scenario: Scenario, lang: str, overwrite: bool = False) -> None:
    name = st.session_state.get("save_name", "")
    try:
        saved = library.save(name, scenario, overwrite=overwrite)
    except NameTaken:
        st.session_state.pending_overwrite = name.strip()
        return
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    st.session_state.pop("pending_overwrite", None)
    _say("success", t("saved", lang, name=saved.name))


def _cancel_overwrite() -> None:
    st.session_state.pop("pending_overwrite", None)


def _load(saved: SavedScenario, lang: str) -> None:
    load_into_controls(saved.scenario, t("loaded", lang, name=saved.name))


def _rename(library: ScenarioLibrary, old: str, lang: str) -> None:
    new = st.session_state.get("rename_to", "")
    try:
        renamed = library.rename(old, new)
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    new_name = renamed.name if renamed else new.strip()
    st.session_state.pick = new_name
    st.session_state.compare_names = [new_name if n == old else n for n in st.session_state.get("compare_names", [])]
    _say("success", t("renamed", lang, name=new_name))


def _delete(library: ScenarioLibrary, name: str, lang: str) -> None:
    try:
        library.delete(name)
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    st.session_state.compare_names = [n for n in st.session_state.get("compare_names", []) if n != name]
    st.session_state.pop("pick", None)
    _say("success", t("deleted", lang, name=name))


def _import(library: ScenarioLibrary, items: list[NamedScenario], lang: str) -> None:
    overwrite = st.session_state.get("import_overwrite", False)
    try:
        for item in items:
            library.save(item.name, item.scenario, overwrite=overwrite)
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    st.session_state.uploader_round = st.session_state.get("uploader_round", 0) + 1  # clears the uploader
    _say("success", t("imported", lang, n=len(items)))


# --- the tab ------------------------------------------------------------------------------------


def _save_box(library: ScenarioLibrary, scenario: Scenario, lang: str) -> None:
    st.subheader(t("save_title", lang))
    with st.form("save_form", border=False, enter_to_submit=True):
        st.text_input(t("save_name", lang), key="save_name", max_chars=80, help=t("save_name_help", lang))
        st.form_submit_button(
            t("save_button", lang), on_click=_save, args=(library, scenario, lang), icon=":material/save:"
        )
    pending = st.session_state.get("pending_overwrite")
    if pending:
        st.warning(t("name_taken", lang, name=pending))
        a, b, _ = st.columns([1, 1, 3])
        a.button(
            t("overwrite", lang),
            key="confirm_overwrite",
            on_click=_save,
            args=(library, scenario, lang, True),
        )
        b.button(t("cancel", lang), key="cancel_overwrite", on_click=_cancel_overwrite)


def _manage(library: ScenarioLibrary, saved: list[SavedScenario], lang: str) -> None:
    st.subheader(t("library_title", lang))
    by_name = {s.name: s for s in saved}
    if st.session_state.get("pick") not in by_name:
        st.session_state.pop("pick", None)
    name = st.selectbox(t("pick", lang), list(by_name), key="pick")
    if name is None:
        return
    chosen = by_name[name]
    a, b = st.columns([1, 1])
    a.button(t("load", lang), key="load_saved", on_click=_load, args=(chosen, lang), icon=":material/upload:")
    with b.popover(t("delete", lang), icon=":material/delete:"):
        st.button(
            t("delete_confirm", lang, name=name),
            key="confirm_delete",
            on_click=_delete,
            args=(library, name, lang),
        )
    with st.form("rename_form", border=False):
        st.text_input(t("rename_to", lang), key="rename_to", max_chars=80, help=t("save_name_help", lang))
        st.form_submit_button(t("rename", lang), on_click=_rename, args=(library, name, lang))


def _compare(saved: list[SavedScenario], lang: str) -> None:
    st.subheader(t("compare_title", lang))
    names = [s.name for s in saved]
    st.session_state.compare_names = [n for n in st.session_state.get("compare_names", []) if n in names]
    chosen = st.multiselect(
        t("compare_pick", lang),
        names,
        key="compare_names",
        max_selections=MAX_COMPARE,
        help=t("compare_hint", lang),
    )
    by_name = {s.name: s for s in saved}
    items = [by_name[n].named() for n in chosen]
    baseline = projection(default_scenario())
    frames = {i.name: projection(i.scenario) for i in items}
    st.altair_chart(charts.compare_chart(frames, baseline, lang), width="stretch")
    if not items:
        return
    table = exchange.compare_table(items)
    st.dataframe(
        table.rename(columns={c: t(f"cmp_{c}", lang) for c in exchange.COMPARE_COLUMNS}),
        hide_index=True,
        width="stretch",
        column_config={
            t(f"cmp_{c}", lang): st.column_config.NumberColumn(format="%.1f")
            for c in ("va_total", "cum_fund_investment", "va_diff_vs_defaults")
        }
        | {t("cmp_avg_growth_pct", lang): st.column_config.NumberColumn(format="%.2f")},
    )
    a, b, c, d, e = st.columns(5)
    meeting.deck(d, lambda: items, lang, key="deck_compare")
    meeting.chart_images(
        e,
        [("compare", t("chart_compare_title", lang), lambda: charts.compare_chart(frames, baseline, lang))],
        lang,
    )
    downloads = [
        (a, "export_json", lambda: exchange.scenarios_json(items), "json", "application/json"),
        (b, "export_csv", lambda: exchange.long_csv(items), "csv", "text/csv"),
        (
            c,
            "export_xlsx",
            lambda: exchange.workbook_xlsx(items, lang),
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ]
    for column, label, data, ext, mime in downloads:
        column.download_button(
            t(label, lang),
            data=data,
            file_name=f"dezhou-scenarios.{ext}",
            mime=mime,
            on_click="ignore",
            key=label,
            icon=":material/download:",
        )


def _import_box(library: ScenarioLibrary, lang: str) -> None:
    st.subheader(t("import_title", lang))
    upload = st.file_uploader(
        t("import_title", lang),
        type=["json"],
        key=f"uploader_{st.session_state.get('uploader_round', 0)}",
        help=t("import_help", lang),
        label_visibility="collapsed",
    )
    if upload is None:
        return
    try:
        items = parse_scenario_bytes(upload.getvalue(), upload.name)
    except ScenarioError as e:
        messages.show("error", t("import_problems", lang, file=upload.name), e.problems, lang)
        return
    items = [i if i.name else NamedScenario(f"{t('unnamed', lang)} {n}", i.scenario) for n, i in enumerate(items, 1)]
    st.info(t("import_ready", lang, n=len(items), names=", ".join(i.name for i in items)))
    clashes = [i.name for i in items if library.exists(i.name)]
    if clashes:
        st.warning(t("import_clash", lang, names=", ".join(clashes)))
        st.checkbox(t("import_overwrite", lang), key="import_overwrite")
    st.button(
        t("import_button", lang),
        key="import_button",
        on_click=_import,
        args=(library, items, lang),
        disabled=bool(clashes) and not st.session_state.get("import_overwrite", False),
        icon=":material/file_upload:",
    )


def tab(scenario: Scenario, lang: str) -> None:
    """Draw the whole "Save & compare" tab."""
    _show_messages()
    try:
        library = get_library(library_url())
        saved = library.list()
    except (LibraryUnavailable, ScenarioError) as e:
        st.error(t("library_unavailable", lang, error=_problem_text(e, lang)))
        return
    if library.problems:
        messages.show("warning", t("library_skipped", lang), library.problems, lang)
    left, right = st.columns([1, 2], gap="large")
    with left:
        _save_box(library, scenario, lang)
        if saved:
            _manage(library, saved, lang)
        else:
            st.info(t("library_empty", lang))
        _import_box(library, lang)
    with right:
        _compare(saved, lang)
