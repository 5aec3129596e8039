"""Save, list, rename, delete, compare, import and export scenarios (the "Save & compare" tab).

The library itself is store.library.ScenarioLibrary (SQLAlchemy); this module is only the page.
Every problem is shown as a message beside what the user had: nothing typed or saved is lost.

The tab's cost does not grow with the library: a rerun reads one page of names (PAGE_SIZE, with a
name filter), the documents of the scenarios being compared (at most six), and counts; never every
row. Names, file names and other user text are shown through ``report.plain.md_text`` (or in table cells
and widget options, which Streamlit shows as plain text).

Where the deployment configures sign-in (an ``[auth]`` section in ``.streamlit/secrets.toml``, used
by ``st.login``), scenarios record their owner (the signed-in user's e-mail) and only the owner can
overwrite, rename or delete them; others can load and copy them. Without it the library is open.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import uuid
from datetime import datetime
from typing import Any

import pandas as pd
import streamlit as st

from model.history import History
from model.lang import Lang
from model.parameters import Scenario, ScenarioError, default_scenario
from model.problems import Problem, problem
from model.results import compute_results
from model.scenario_file import NamedScenario
from report import charts, scenario_exports
from report.plain import md_text
from report.text import t
from store.library import (
    LibraryEntry,
    LibraryUnavailable,
    Limits,
    NameTaken,
    SavedScenario,
    ScenarioLibrary,
)
from ui import downloads as meeting
from ui import messages, undo, url
from ui.compute import projection
from ui.controls import load_into_controls, remember_saved, saved_scenario
from ui.services import COMPARE, get_library, library_limits, library_url, sign_in_configured, signed_in_user
from ui.tabs import Page

log = logging.getLogger(__name__)
MAX_COMPARE = 6
PAGE_SIZE = 20  # scenarios (and earlier versions) shown a page
IMPORT_NAMES_SHOWN = 10  # names listed in the "ready to import" message
ROW_PX = 35  # a dataframe row's height in pixels


def visitor_id(user: str | None) -> str:
    """Whose share of the library a change counts against: the signed-in user, else this browser
    session (store.library.FairShare)."""
    if user:
        return f"user:{user}"
    if "visitor_id" not in st.session_state:
        st.session_state.visitor_id = f"session:{uuid.uuid4().hex}"
    return st.session_state.visitor_id


def _provider() -> str | None:
    """The provider to sign in with: None for settings directly in ``[auth]``, else the first
    ``[auth.<name>]`` section's name."""
    try:
        auth = st.secrets.get("auth") or {}
    except FileNotFoundError:  # no secrets file
        return None
    if "client_id" in auth:
        return None
    return next((k for k, v in auth.items() if hasattr(v, "get") and "client_id" in v), None)


def _say(kind: str, text: str) -> None:
    """Keep a message (Markdown, user text already escaped) for the next run (callbacks run before
    the page is drawn)."""
    st.session_state.setdefault("library_messages", []).append((kind, text))


def _show_messages() -> None:
    for kind, text in st.session_state.pop("library_messages", []):
        getattr(st, kind)(text)


def _problem_text(error: ScenarioError | LibraryUnavailable, lang: Lang) -> str:
    """A library error's problems as Markdown that shows their sentences literally (they quote names)."""
    return messages.text(error.problems, lang)


def _when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC")


def _who(user: str | None, lang: Lang) -> str:
    return user or t("unknown_user", lang)


# --- callbacks (they run before the page is drawn, so they can set widget values) -----------


def _save(library: ScenarioLibrary, scenario: Scenario, lang: Lang, user: str | None, overwrite: bool = False) -> None:
    name = st.session_state.get("save_name", "")
    try:
        saved = library.save(name, scenario, overwrite=overwrite, user=user, visitor=visitor_id(user))
    except NameTaken:
        st.session_state.pending_overwrite = name.strip()
        return
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    st.session_state.pop("pending_overwrite", None)
    remember_saved(saved.name, scenario)  # the scenario on the page is now this saved one
    _say("success", t("saved", lang, name=md_text(saved.name)))


def _cancel_overwrite() -> None:
    st.session_state.pop("pending_overwrite", None)


def _load(library: ScenarioLibrary, name: str, lang: Lang) -> None:
    try:
        saved = library.get(name)
    except LibraryUnavailable as e:
        _say("error", _problem_text(e, lang))
        return
    if saved is None:
        _say("error", messages.text(library.problems or [problem("scenario_not_found", name=name)], lang))
        return
    name = md_text(saved.name)
    load_into_controls(
        saved.scenario, t("loaded", lang, name=name), saved.notices, "undo_load", name, saved_name=saved.name
    )


def _copy(library: ScenarioLibrary, name: str, lang: Lang, user: str | None) -> None:
    new = st.session_state.get("copy_to", "")
    try:
        saved = library.get(name)
        if saved is None:
            raise ScenarioError(library.problems or [problem("scenario_not_found", name=name)])
        copy = library.save(new, saved.scenario, user=user, visitor=visitor_id(user))
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    st.session_state.pick = copy.name
    _say("success", t("copied", lang, name=md_text(copy.name)))


def _rename(library: ScenarioLibrary, old: str, lang: Lang, user: str | None) -> None:
    new = st.session_state.get("rename_to", "")
    try:
        renamed = library.rename(old, new, user=user, visitor=visitor_id(user))
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    new_name = renamed.name if renamed else new.strip()
    st.session_state.pick = new_name
    loaded = saved_scenario()
    if loaded is not None and loaded[0] == old:  # the page calls the scenario it loaded by its new name
        remember_saved(new_name, loaded[1])
    st.session_state[COMPARE] = [new_name if n == old else n for n in st.session_state.get(COMPARE, [])]
    _say("success", t("renamed", lang, name=md_text(new_name)))


def _delete(library: ScenarioLibrary, name: str, lang: Lang, user: str | None) -> None:
    try:
        saved = library.get(name)
        library.delete(name, user=user, visitor=visitor_id(user))
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    if saved is not None:
        back = lambda lang: _undelete(library, saved, lang, user)  # noqa: E731 - kept for the undo button
        undo.offer(undo.Undo("undo_delete", back, {"name": md_text(name)}))
    st.session_state[COMPARE] = [n for n in st.session_state.get(COMPARE, []) if n != name]
    st.session_state.pop("pick", None)
    _say("success", t("deleted", lang, name=md_text(name)))


def _undelete(library: ScenarioLibrary, saved: SavedScenario, lang: Lang, user: str | None) -> None:
    """The undo of a delete: save the deleted scenario again under its name."""
    try:
        library.save(saved.name, saved.scenario, user=user, visitor=visitor_id(user))
    except (ScenarioError, LibraryUnavailable) as e:  # the name was taken meanwhile, or no library
        _say("error", _problem_text(e, lang))
        return
    st.session_state.pick = saved.name
    _say("success", t("undo_deleted_back", lang, name=md_text(saved.name)))


def _import(library: ScenarioLibrary, items: list[NamedScenario], source: str, lang: Lang, user: str | None) -> None:
    overwrite = st.session_state.get("import_overwrite", False)
    try:
        library.save_many(items, overwrite=overwrite, user=user, source=source, visitor=visitor_id(user))  # all or none
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", messages.bullet_list(t("import_problems", lang, file=md_text(source)), e.problems, lang))
        return
    st.session_state.uploader_round = st.session_state.get("uploader_round", 0) + 1  # clears the uploader
    _say("success", t("imported", lang, n=len(items)))


def _restore(library: ScenarioLibrary, version_id: int, lang: Lang, user: str | None) -> None:
    name = st.session_state.get("restore_as", "").strip() or None
    try:
        restored = library.restore(version_id, name, overwrite=True, user=user, visitor=visitor_id(user))
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", _problem_text(e, lang))
        return
    st.session_state.pick = restored.name
    _say("success", t("restored", lang, name=md_text(restored.name)))


def _turn(key: str, step: int) -> None:
    st.session_state[key] = max(1, st.session_state.get(key, 1) + step)


# --- the tab ------------------------------------------------------------------------------------


def _pager(key: str, total: int, label: str, lang: Lang) -> int:
    """Previous / next buttons and "page x of y"; returns the 0-based offset of the page shown."""
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(max(1, int(st.session_state.get(key, 1))), pages)
    st.session_state[key] = page
    a, b = st.columns(2)
    a.button(
        t("page_prev", lang), key=f"{key}_prev", on_click=_turn, args=(key, -1), disabled=page <= 1, width="stretch"
    )
    b.button(
        t("page_next", lang), key=f"{key}_next", on_click=_turn, args=(key, 1), disabled=page >= pages, width="stretch"
    )
    st.caption(t(label, lang, page=page, pages=pages, n=total))
    return (page - 1) * PAGE_SIZE


def _account(user: str | None, lang: Lang) -> None:
    """Sign-in state and the button to sign in or out (only where sign-in is configured)."""
    a, b = st.columns([3, 1], vertical_alignment="center")
    if user is None:
        a.info(t("signin_prompt", lang))
        if b.button(t("signin", lang), key="signin", icon=":material/login:"):
            st.login(_provider())
    else:
        a.caption(t("signed_in_as", lang, user=md_text(user)))
        if b.button(t("signout", lang), key="signout", icon=":material/logout:"):
            st.logout()


def _save_box(library: ScenarioLibrary, scenario: Scenario, lang: Lang, user: str | None, can_write: bool) -> None:
    """One row at the top of the tab: "Save this scenario", the name, the button (the rules for a
    name in the button's tooltip), so that the scenario on screen is saved without scrolling."""
    with st.form("save_form", border=False, enter_to_submit=True):
        row = st.container(horizontal=True, vertical_alignment="center", gap="small", key="save_row")
        row.markdown(f"**{t('save_title', lang)}**", width="content")
        row.text_input(
            t("save_name", lang),
            key="save_name",
            max_chars=80,
            placeholder=t("save_name", lang),
            label_visibility="collapsed",  # the row's title says what it is; the box keeps its name
        )
        row.form_submit_button(
            t("save_button", lang),
            help=t("save_name_help", lang),
            on_click=_save,
            args=(library, scenario, lang, user),
            icon=":material/save:",
            disabled=not can_write,
        )
    pending = st.session_state.get("pending_overwrite")
    if not pending:
        return
    entry = library.info(pending)
    if entry is None:  # deleted meanwhile: saving again will simply save
        st.session_state.pop("pending_overwrite", None)
        return
    name = md_text(entry.name)
    other_owner = library.owners and entry.owner is not None and entry.owner != user
    if other_owner:
        st.warning(t("not_owner_overwrite", lang, name=name, owner=md_text(entry.owner)))
    elif entry.saved_by:
        st.warning(t("name_taken_by", lang, name=name, who=md_text(entry.saved_by), when=_when(entry.updated_at)))
    else:
        st.warning(t("name_taken_when", lang, name=name, when=_when(entry.updated_at)))
    a, b = st.columns(2)
    a.button(
        t("overwrite", lang),
        key="confirm_overwrite",
        on_click=_save,
        args=(library, scenario, lang, user, True),
        disabled=other_owner or not can_write,
    )
    b.button(t("cancel", lang), key="cancel_overwrite", on_click=_cancel_overwrite)


def _entries_table(entries: list[LibraryEntry], lang: Lang, owners: bool) -> None:
    rows = {
        t("lib_col_name", lang): [e.name for e in entries],
        t("lib_col_saved_by", lang): [_who(e.saved_by, lang) for e in entries],
        t("lib_col_updated", lang): [_when(e.updated_at) for e in entries],
    }
    if owners:
        rows[t("lib_col_owner", lang)] = [_who(e.owner, lang) for e in entries]
    # A fixed height: the table takes its place at once, so the compare picker below never moves
    # (a move would close its open list).
    height = ROW_PX * (len(entries) + 1) + 3
    st.dataframe(pd.DataFrame(rows, dtype=object), hide_index=True, width="stretch", height=height, key="library_table")


def _manage(library: ScenarioLibrary, lang: Lang, user: str | None, can_write: bool) -> list[str]:
    """One page of the library and what can be done with the picked scenario; returns the page's names."""
    st.subheader(t("library_title", lang))
    contains = st.text_input(t("lib_filter", lang), key="library_filter", max_chars=80)
    total = library.count(contains)
    offset = _pager("library_page", total, "lib_page", lang)
    entries = library.entries(offset, PAGE_SIZE, contains)
    if not entries:
        st.info(t("lib_no_match", lang, text=md_text(contains)))
        st.session_state.pop("pick", None)
        return []
    by_name = {e.name: e for e in entries}
    if st.session_state.get("pick") not in by_name:
        st.session_state.pop("pick", None)
    name = st.selectbox(  # options are shown as plain text
        t("pick", lang), list(by_name), key="pick", placeholder=t("choose", lang)
    )
    if name is None:
        return list(by_name)
    chosen = by_name[name]
    if chosen.saved_by:
        st.caption(t("saved_meta", lang, who=md_text(chosen.saved_by), when=_when(chosen.updated_at)))
    else:
        st.caption(t("saved_meta_when", lang, when=_when(chosen.updated_at)))
    may_change = can_write and not (library.owners and chosen.owner is not None and chosen.owner != user)
    if can_write and not may_change:
        st.info(t("owner_only", lang, owner=md_text(chosen.owner or "")))
    row = st.container(horizontal=True, gap="small")  # wraps rather than cutting a label
    row.button(t("load", lang), key="load_saved", on_click=_load, args=(library, name, lang), icon=":material/upload:")
    with row.popover(t("delete", lang), icon=":material/delete:", disabled=not may_change):
        st.button(
            t("delete_confirm", lang, name=md_text(name)),
            key="confirm_delete",
            on_click=_delete,
            args=(library, name, lang, user),
        )
    with st.form("rename_form", border=False):
        st.text_input(t("rename_to", lang), key="rename_to", max_chars=80, help=t("save_name_help", lang))
        st.form_submit_button(
            t("rename", lang), on_click=_rename, args=(library, name, lang, user), disabled=not may_change
        )
    if library.owners:
        with st.form("copy_form", border=False):
            st.text_input(t("copy_to", lang), key="copy_to", max_chars=80, help=t("save_name_help", lang))
            st.form_submit_button(
                t("copy", lang), on_click=_copy, args=(library, name, lang, user), disabled=not can_write
            )
    # Who saved each scenario of this page, and when. Below the picker: drawn above it, the table's
    # late layout would move the picker and close its open list.
    _entries_table(entries, lang, library.owners)
    return list(by_name)


# The comparison table's headers wrap between words, never inside one: no break between two Chinese
# characters (「终止年/份」 at 1280 px, issue 19), only at a space or before a bracket.
HEADERS = """<style>
[data-testid="stTable"] th, [data-testid="stTable"] th * { word-break: keep-all !important; }
</style>"""


@st.fragment
def _compare(library: ScenarioLibrary, page_names: list[str], lang: Lang, history: History) -> None:
    """The comparison, a fragment: picking scenarios reruns this part only, not the controls."""
    st.subheader(t("compare_title", lang))
    chosen = [n for n in st.session_state.get(COMPARE, []) if isinstance(n, str)][:MAX_COMPARE]
    found = library.get_many(chosen)  # at most six documents, one query
    if library.problems:
        messages.show("warning", t("library_skipped", lang), library.problems, lang)
    chosen = [n for n in chosen if n in found]
    st.session_state[COMPARE] = chosen
    options = chosen + [n for n in page_names if n not in chosen]  # the chosen ones, then this page's
    chosen = st.multiselect(
        t("compare_pick", lang),
        options,
        key=COMPARE,
        max_selections=MAX_COMPARE,
        help=t("compare_hint", lang),
        placeholder=t("choose_scenarios", lang) if options else t("no_options", lang),
        persist_state="session",  # kept while another tab is open or the language changes
    )
    if any(n not in found for n in chosen):  # picked on this run from the page: read those too
        found = library.get_many(chosen)
    items = [found[n].named() for n in chosen if n in found]
    baseline = projection(default_scenario(), history)
    frames = {i.name: projection(i.scenario, history) for i in items}
    st.altair_chart(charts.compare_chart(frames, baseline, lang), width="stretch")
    if not items:
        return
    results = compute_results(items, history=history, projection=projection)  # the page's cached tables
    table = scenario_exports.compare_table(results)
    # A static table: every column on screen with its header wrapped, none scrolled out of sight.
    # st.table renders its cells as Markdown: the names (a user's text) go through md_text, so that
    # "![x](https://evil.example/p.png)" is those characters, not an image (_signed).
    shown = table.rename(columns={c: t(f"cmp_{c}", lang) for c in scenario_exports.COMPARE_COLUMNS})
    st.html(HEADERS)
    st.table(_signed(shown, lang).hide(axis="index"), border="horizontal")
    row = st.container(horizontal=True, gap="small", key="compare_exports")  # wraps at a narrow width
    downloads = [
        (row, "export_json", lambda: scenario_exports.scenarios_json(items), "json", "application/json"),
        (row, "export_csv", lambda: scenario_exports.long_csv(results, lang), "csv", "text/csv"),
        (
            row,
            "export_xlsx",
            lambda: scenario_exports.workbook_xlsx(results, lang),
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
    meeting.deck(row, lambda: items, lang, key="deck_compare", red_up=url.red_up(lang), history=history)
    meeting.chart_images(
        row,
        [("compare", t("chart_compare_title", lang), lambda: charts.compare_chart(frames, baseline, lang))],
        lang,
    )


def _signed(shown: pd.DataFrame, lang: Lang) -> Any:
    """The comparison table with its changes (against the plan, against the defaults) coloured up or
    down as the page's setting says (red for up in Chinese), at the table's decimals."""
    red_up = url.red_up(lang)
    signed = [t(f"cmp_{c}", lang) for c in ("policy_va", "va_diff_vs_defaults")]
    one = [t(f"cmp_{c}", lang) for c in ("va_total", "cum_fund_investment", "policy_va", "va_diff_vs_defaults")]
    return (
        shown.style.map(lambda v: charts.signed_css(v, red_up), subset=signed)
        .format(md_text, subset=[t("cmp_scenario", lang)])  # cells are Markdown: a name is shown as typed
        .format("{:,.1f}", subset=one, na_rep="")
        .format("{:,.2f}", subset=[t("cmp_avg_growth_pct", lang)], na_rep="")
    )


def _parsed(upload, lang: Lang, limit: int) -> tuple[list[NamedScenario], list[Problem]]:
    """The uploaded file checked whole, once per file (kept in the session: reruns don't re-read it)."""
    key = (upload.file_id, lang)
    cached = st.session_state.get("import_parsed")
    if cached is None or cached[0] != key:
        try:
            items = scenario_exports.parse_import(upload.getvalue(), upload.name, limit=limit)
            problems: list[Problem] = []
        except ScenarioError as e:
            items, problems = [], list(e.problems)
        except Exception:  # a file this code cannot read fails alone: the page goes on
            log.exception("imported file %r could not be read", upload.name)
            items, problems = [], [problem("file_failed").at("file", upload.name)]
        items = [
            i if i.name else NamedScenario(f"{t('unnamed', lang)} {n}", i.scenario) for n, i in enumerate(items, 1)
        ]
        cached = (key, items, problems)
        st.session_state.import_parsed = cached
    return cached[1], cached[2]


def _names_text(names: list[str], lang: Lang) -> str:
    shown = t("name_sep", lang).join(md_text(n) for n in names[:IMPORT_NAMES_SHOWN])
    more = len(names) - IMPORT_NAMES_SHOWN
    return shown + (" " + t("import_more", lang, n=more) if more > 0 else "")


def _import_box(library: ScenarioLibrary, lang: Lang, user: str | None, can_write: bool) -> None:
    st.subheader(t("import_title", lang))
    upload = st.file_uploader(
        t("import_title", lang),
        type=["json"],
        key=f"uploader_{st.session_state.get('uploader_round', 0)}",
        help=t("import_help", lang),
        label_visibility="collapsed",
    )
    if upload is None:
        st.session_state.pop("import_parsed", None)
        return
    items, problems = _parsed(upload, lang, library.limits.per_file)
    if problems:
        messages.show("error", t("import_problems", lang, file=md_text(upload.name)), problems, lang)
        return
    names = [i.name for i in items]
    st.info(t("import_ready", lang, n=len(items), names=_names_text(names, lang)))
    taken = library.existing(names)  # one query for the whole file
    clashes = [n for n in names if n in taken]
    if clashes:
        st.warning(t("import_clash", lang, names=_names_text(clashes, lang)))
        st.checkbox(t("import_overwrite", lang), key="import_overwrite")
    st.button(
        t("import_button", lang),
        key="import_button",
        on_click=_import,
        args=(library, items, upload.name, lang, user),
        disabled=not can_write or (bool(clashes) and not st.session_state.get("import_overwrite", False)),
        icon=":material/file_upload:",
    )


def _event_text(event: str, renamed_to: str | None, lang: Lang) -> str:
    return t("event_renamed", lang, name=renamed_to or "") if event == "renamed" else t(f"event_{event}", lang)


def _versions_box(library: ScenarioLibrary, lang: Lang, user: str | None, can_write: bool) -> None:
    """Earlier versions (kept on overwrite, rename and delete): a page at a time, and restore."""
    if not st.toggle(t("versions_show", lang), key="show_versions"):
        return
    st.subheader(t("versions_title", lang))
    contains = st.text_input(t("lib_filter", lang), key="versions_filter", max_chars=80)
    total = library.count_versions(contains)
    if not total:
        st.info(t("versions_empty", lang))
        return
    offset = _pager("versions_page", total, "versions_page", lang)
    versions = library.versions(offset, PAGE_SIZE, contains)
    table = pd.DataFrame(
        {
            t("ver_col_no", lang): [v.id for v in versions],
            t("lib_col_name", lang): [v.name for v in versions],
            t("ver_col_event", lang): [_event_text(v.event, v.renamed_to, lang) for v in versions],
            t("lib_col_saved_by", lang): [_who(v.saved_by, lang) for v in versions],
            t("lib_col_updated", lang): [_when(v.saved_at) for v in versions],
            t("ver_col_replaced_by", lang): [_who(v.replaced_by, lang) for v in versions],
            t("ver_col_replaced_at", lang): [_when(v.replaced_at) for v in versions],
        },
        dtype=object,
    )
    pick_column, table_column = st.columns([1, 2], gap="large")
    # The table beside the picker, not above it: its late layout would close an open list.
    table_column.dataframe(table, hide_index=True, width="stretch", key="versions_table")
    by_id = {v.id: v for v in versions}
    if st.session_state.get("version_pick") not in by_id:
        st.session_state.pop("version_pick", None)
    with pick_column:
        picked = st.selectbox(
            t("version_pick", lang),
            list(by_id),
            key="version_pick",
            placeholder=t("choose", lang),
            format_func=lambda i: f"#{i} · {by_id[i].name} · {_when(by_id[i].saved_at)}",  # plain text
        )
        if picked is None:
            return
        with st.form("restore_form", border=False):
            st.text_input(t("restore_as", lang), key="restore_as", max_chars=80, help=t("save_name_help", lang))
            st.form_submit_button(
                t("restore", lang),
                on_click=_restore,
                args=(library, picked, lang, user),
                disabled=not can_write,
                icon=":material/restore:",
            )


def render(page: Page) -> None:
    """Draw the whole "Save & compare" tab."""
    scenario, lang = page.scenario, page.lang
    _show_messages()
    last = undo.last()
    if last is not None and last.text == "undo_delete":
        undo.button(lang, key="undo_library")
    owners = sign_in_configured()
    user = signed_in_user()
    can_write = user is not None or not owners  # with sign-in, changes need a signed-in user
    try:
        limits = library_limits()
        # The defaults call it as before (one cached library per address, whoever asks for it).
        library = (
            get_library(library_url(), owners)
            if limits == Limits()
            else get_library(library_url(), owners, dataclasses.astuple(limits))
        )
        total = library.count()
    except (LibraryUnavailable, ScenarioError) as e:
        st.error(t("library_unavailable", lang, error=_problem_text(e, lang)))
        return
    if owners:
        _account(user, lang)
    # Saving the scenario on screen first, in one row, within the first screen at 1280×720. Then the
    # comparison, at the tab's full width, so that its chart, every column of its table and every
    # button are readable at 1280 px, and so that nothing drawn late above its picker (a table)
    # moves the picker under an open list. Import on the left, the library on the right, below it.
    # The comparison is drawn last into its place: it offers the library page's names.
    try:
        _save_box(library, scenario, lang, user, can_write)
        compare_box = st.container()
        left, right = st.columns(2, gap="large")
        with left:
            _import_box(library, lang, user, can_write)
            limits = library.limits
            st.caption(
                t(
                    "lib_limits",
                    lang,
                    per_file=f"{limits.per_file:,}",
                    total=f"{limits.scenarios:,}",
                    new_hour=f"{limits.new_per_visitor_hour:,}",
                    versions_hour=f"{limits.versions_per_visitor_hour:,}",
                )
            )
        with right:
            page_names = _manage(library, lang, user, can_write) if total else []
            if not total:
                st.info(t("library_empty", lang))
        with compare_box:
            _compare(library, page_names, lang, page.history)
        _versions_box(library, lang, user, can_write)
    except LibraryUnavailable as e:
        st.error(t("library_unavailable", lang, error=_problem_text(e, lang)))
