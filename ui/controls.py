"""The sidebar: one widget per parameter, built from ``data/parameters.csv``.

Each widget's key is the parameter's docs/model.md key and is bound to the page's URL, so the address
bar always holds the current scenario.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import streamlit as st

from model.compat import CompatNotice
from model.history import History
from model.lang import Lang
from model.parameters import (
    ParamSpec,
    Scenario,
    ScenarioError,
    default_scenario,
    fmt_number,
    load_parameters,
    make_scenario,
)
from model.projection import effective_years
from model.scenario_file import load_presets
from report.problems import parameter_name
from report.text import t
from ui import pipeline, targets_panel, undo

LOADED_NOTICES = "loaded_notices"
LOADED_BY_BUTTON = "controls_loaded_by_button"  # set by load_into_controls; a fragment then reruns the app
# The saved scenario the controls were set to last, as (its library name, the scenario the controls
# then held), or (name, None) until the page has drawn the controls once after the load.
FROM_LIBRARY = "from_library"

# The sidebar's sections (docs/model.md's kinds): the choices first, then the policy levers, then the
# assumptions about the economy; each section holds its groups (data/parameters.csv's ``group``).
SECTIONS = (("choice", None), ("lever", "section_levers"), ("economy", "section_economy"))
OPEN_GROUPS = ("lever_funds", "economy_trend")  # open on a first visit
YEAR_LEVERS = ("fund_start", "phase1_start", "phase2_start")  # a start year can't move into the past


def groups(role: str) -> dict[str, list[ParamSpec]]:
    """The groups of one kind of parameter, in the file's order, each with its parameters."""
    out: dict[str, list[ParamSpec]] = {}
    for spec in load_parameters().values():
        if spec.role == role:
            out.setdefault(spec.group, []).append(spec)
    return out


def _format(spec: ParamSpec) -> str:
    if spec.kind == "int":
        return "%d"
    step = float(spec.step)
    return "%.0f" if step >= 1 else "%.1f" if step >= 0.1 else "%.2f"


def provenance_badge(kind: str, lang: Lang) -> str:
    colour = {"article": "blue", "external": "violet", "assumption": "orange"}[kind]
    return f":{colour}-badge[{t('prov_' + kind, lang)}]"


def shown_value(spec: ParamSpec, value: float | int | bool, lang: Lang) -> str:
    """A value as the page writes it: yes / no for a switch, else the number and its unit."""
    if spec.kind == "bool":
        return t("yes", lang) if value else t("no", lang)
    number, unit = fmt_number(value), spec.unit(lang)
    if unit in ("", "比例", "share", "year"):
        return number  # a share is a plain number; a calendar year needs no unit in English
    if unit == "years" and value == 1:
        return f"{number} year"
    if unit in ("%", "×") or (lang == "zh" and unit in ("亿元", "年", "倍")):
        return f"{number}{unit}"  # 8.5%, 4.2×, 120亿元, 2025年
    if unit == "100 million yuan":
        return f"{number} ({unit})"  # 120 (100 million yuan): the unit the tables use
    return f"{number} {unit}"


def source_sentences(spec: ParamSpec, lang: Lang) -> list[str]:
    """The source sentence as the page shows it: the Chinese original in 「」; on the English page
    its English translation too. A source that is not in Chinese is shown on the Chinese page in
    its Chinese translation, marked as one, and on the English page as it is."""
    if spec.source_zh:
        return [f"「{spec.source_zh}」"] + ([spec.source_en] if lang == "en" and spec.source_en else [])
    if lang == "zh" and spec.source_translation_zh:
        return [f"「{spec.source_translation_zh}」{t('translation_note', lang)}"]
    return [spec.source_en] if spec.source_en else []


def help_text(spec: ParamSpec, lang: Lang) -> str:
    """The tooltip: provenance, publication, date, address, the source sentence, the reasoning (in
    the page's language), range and default. Every line comes from data/parameters.csv."""
    colon = "：" if lang == "zh" else ": "  # full-width in Chinese

    def line(label: str, text: str) -> str:
        # The colon after the bold: "**Reasoning: **" and "**取值理由：**取…" are not bold in Markdown
        # (a closing "**" after a space, or after punctuation and before a letter, closes nothing).
        return f"**{t(label, lang)}**{colon}{text}"

    lines = [line("help_source", provenance_badge(spec.provenance, lang))]
    publication = spec.publication_name(lang) or (t("article_name", lang) if spec.provenance == "article" else "")
    where = " · ".join(x for x in (publication, spec.date) if x)
    if where:
        lines.append(line("help_publication", where))
    if spec.url:
        lines.append(line("help_url", spec.url))
    lines.extend(source_sentences(spec, lang))
    if spec.reasoning(lang):
        lines.append(line("col_reason", spec.reasoning(lang)))
    default = f"{t('help_default', lang)}{colon}{shown_value(spec, spec.default, lang)}"
    if spec.kind != "bool":
        unit = {"year": "", "100 million yuan": "(100 million yuan)"}.get(spec.unit(lang), spec.unit(lang))
        span = f"{t('col_range', lang)}{colon}{fmt_number(spec.min)} – {fmt_number(spec.max)} {unit}".strip()
        default = f"{span} · {default}"
    lines.append(default)
    return "\n\n".join(lines)


def widget_label(spec: ParamSpec, lang: Lang) -> str:
    """The control's label: the parameter's label and unit, as every problem names it."""
    return parameter_name(spec, lang)


def _widget(spec: ParamSpec, lang: Lang) -> float | int | bool:
    # Presets and the reset button set st.session_state in a callback; the URL sets the value on
    # a first load; ``value=`` is the default for both the widget and the URL binding.
    common = {"key": spec.key, "help": help_text(spec, lang), "bind": "query-params"}
    if spec.kind == "bool":
        return st.toggle(widget_label(spec, lang), value=spec.default, **common)
    return st.slider(
        widget_label(spec, lang),
        min_value=spec.min,
        max_value=spec.max,
        value=spec.default,
        step=spec.step,
        format=_format(spec),
        **common,
    )


KEEP_ADDED = "keep_added"  # the switch: loading keeps the projects and targets the user added


def _snapshot(text: str, name: str | Callable[[Lang], str] = "", tables: bool = True) -> undo.Undo:
    """What the controls and tables hold now (rows as typed), as the undo of what comes next."""
    values = {key: st.session_state[key] for key in load_parameters() if key in st.session_state}
    projects, targets = pipeline.TABLE.rows(), targets_panel.TABLE.rows()
    notices = list(loaded_notices())
    counts = len(pipeline.TABLE.added()), len(targets_panel.TABLE.added())
    saved = st.session_state.get(FROM_LIBRARY)

    def restore(_lang: Lang) -> None:
        st.session_state.update(values)
        pipeline.TABLE.put_rows(projects)
        targets_panel.TABLE.put_rows(targets)
        st.session_state[LOADED_NOTICES] = notices
        if saved:
            remember_saved(*saved)
        else:
            forget_saved()

    def rows(lang: Lang) -> str:  # the rows are named only where the action replaced them
        return t("undo_rows", lang, projects=counts[0], targets=counts[1]) if tables and any(counts) else ""

    return undo.Undo(text, restore, {"name": name, "rows": rows})


def _same(table, row: dict) -> object:
    """What a row means (the parsed project or target), so that a row typed with a blank default
    (a target's start year) and the same row written out in full are one; a bad row as typed."""
    doc = table.clean(row)
    try:
        return table.parse({**table.defaults, **doc})
    except ScenarioError:
        return doc


def _put(table, loaded: list[dict], keep: bool) -> None:
    """The loaded rows, after the user's own rows when ``keep`` (a row already there is not repeated)."""
    mine = table.added() if keep else []
    have = [_same(table, r) for r in mine]
    table.put_rows(mine + [r for r in loaded if _same(table, r) not in have])


def load_into_controls(
    scenario: Scenario,
    notice: str | None = None,
    notices: Sequence[CompatNotice] = (),
    undo_text: str = "undo_load",
    name: str | Callable[[Lang], str] = "",
    *,
    saved_name: str | None = None,
    keep_saved_name: bool = False,
    tables: bool = True,
) -> None:
    """Set every control to ``scenario``'s values (a button callback: runs before the widgets exist).

    The projects and targets the user added are kept (the loaded scenario's own are added after
    them) unless the user turned the KEEP_ADDED switch off. What the page held before can be put
    back once with the undo button (``undo_text`` and ``name`` say what was loaded). The URL follows
    the widgets, so a loaded scenario is also in the address bar. ``notices`` (what changed for a
    scenario saved by version 1 of the model) are shown on the page until dismissed.

    ``saved_name`` is the library name of a saved scenario being loaded: the page then calls the
    scenario by it (:func:`saved_scenario`). A preset or the reset forgets that name; a change made
    to the scenario on the page (goal seek's value) keeps it (``keep_saved_name``), and the page
    then calls the scenario adjusted.

    ``name`` is what the undo sentence names (a text, or a function of the page's language, so that
    it follows a change of language). With ``tables=False`` (goal seek's value, a change to the
    scenario on the page) the projects and targets tables are left as they are.
    """
    undo.offer(_snapshot(undo_text, name, tables))
    if saved_name is not None:
        remember_saved(saved_name)
    elif not keep_saved_name:
        forget_saved()
    keep = st.session_state.get(KEEP_ADDED, True)
    st.session_state.update(scenario.to_dict())
    if tables:
        _put(pipeline.TABLE, [p.to_dict() for p in scenario.projects], keep)
        _put(targets_panel.TABLE, [g.to_dict() for g in scenario.targets], keep)
    st.session_state[LOADED_NOTICES] = list(notices)
    st.session_state[LOADED_BY_BUTTON] = True
    if notice:
        st.toast(notice, icon=":material/check_circle:")


def rerun_app_if_loaded() -> None:
    """Call first in a fragment: a button there that loaded a scenario into the controls reruns the
    whole page, so that the sidebar and the headline show what was loaded. A full run clears the
    mark (``clear_loaded_mark``)."""
    if st.session_state.pop(LOADED_BY_BUTTON, False):
        st.rerun(scope="app")


def clear_loaded_mark() -> None:
    """Call once at the top of the page: this full run already draws what was loaded."""
    st.session_state.pop(LOADED_BY_BUTTON, None)


def remember_saved(name: str, scenario: Scenario | None = None) -> None:
    """The controls hold the saved scenario ``name``: ``scenario`` (None: what the controls will
    hold when next drawn, after a load)."""
    st.session_state[FROM_LIBRARY] = (name, scenario)


def forget_saved() -> None:
    st.session_state.pop(FROM_LIBRARY, None)


def saved_scenario() -> tuple[str, Scenario] | None:
    """The saved scenario loaded (or saved) last, as (its library name, the scenario the controls
    held then), for :func:`ui.downloads.scenario_name`; None when there is none."""
    saved = st.session_state.get(FROM_LIBRARY)
    return saved if saved is not None and saved[1] is not None else None


def loaded_notices() -> list[CompatNotice]:
    """The version-1 notices of the scenario loaded last (empty once dismissed)."""
    return st.session_state.get(LOADED_NOTICES, [])


def _preset_name(preset, lang: Lang) -> str:
    return preset.name if lang == "zh" else preset.name_en or preset.name


def _presets(lang: Lang) -> None:
    with st.expander(t("presets", lang), expanded=False):
        for n, preset in enumerate(load_presets()):
            name = _preset_name(preset, lang)
            preset_name = functools.partial(_preset_name, preset)
            st.button(
                name,
                key=f"preset_{n}",
                help=preset.description_zh if lang == "zh" else preset.description_en,
                on_click=load_into_controls,
                # the undo box names the preset in the language of the page when it is drawn
                args=(preset.scenario, t("preset_loaded", lang, name=name), preset.notices, "undo_preset", preset_name),
                width="stretch",
            )


def scenario_from_state(lang: Lang) -> Scenario | None:
    """The scenario the controls hold, read from the session before they are drawn (None on a
    session's first run, when the link or the defaults set them)."""
    specs = load_parameters()
    if not all(key in st.session_state for key in specs):
        return None
    try:
        added, _ = pipeline.current()
        targets, _ = targets_panel.current()
        return make_scenario({key: st.session_state[key] for key in specs}).with_projects(added).with_targets(targets)
    except ScenarioError:
        return None


def sidebar(lang: Lang, history: History | None = None) -> Scenario:
    """Draw the controls; return the scenario they describe. Under a year lever set before the first
    projected year (other than to the plan's year) a note says which year the model uses instead."""
    values: dict[str, float | int | bool] = {}
    notes: dict[str, object] = {}  # a year lever's key → the place under it for the note
    with st.sidebar:
        st.header(t("controls", lang))
        st.button(
            t("reset", lang),
            help=t("reset_help", lang),
            on_click=load_into_controls,
            args=(default_scenario(), None, (), "undo_reset"),
            icon=":material/restart_alt:",
            key="reset",
            width="stretch",
        )
        _presets(lang)
        st.toggle(t("keep_added", lang), value=True, key=KEEP_ADDED, help=t("keep_added_help", lang))
        undo.button(lang)
        for role, heading in SECTIONS:
            if heading:
                st.subheader(t(heading, lang))
                st.caption(t(heading + "_note", lang))
            for group, members in groups(role).items():
                with st.expander(t(f"group_{group}", lang), expanded=group in OPEN_GROUPS):
                    for spec in members:
                        values[spec.key] = _widget(spec, lang)
                        if spec.key in YEAR_LEVERS:
                            notes[spec.key] = st.empty()
    added, _ = pipeline.current()
    targets, _ = targets_panel.current()
    scenario = make_scenario(values).with_projects(added).with_targets(targets)
    for key, (asked, used) in effective_years(scenario, history).items():
        if key in notes:
            notes[key].caption(t("year_past", lang, asked=asked, used=used))
    saved = st.session_state.get(FROM_LIBRARY)
    if saved is not None and saved[1] is None:  # the first drawing after a load: what it loaded
        remember_saved(saved[0], scenario)
    changed = scenario.changed_from(default_scenario())
    st.sidebar.caption(t("changed_count", lang, n=len(changed)) if changed else t("at_defaults", lang))
    if added:
        st.sidebar.caption(t("pipeline_count", lang, n=len(added)))
    return scenario
