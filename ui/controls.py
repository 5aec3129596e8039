"""The sidebar: one widget per parameter, built from ``data/parameters.csv``.

Each widget's key is the parameter's MODEL.md key and is bound to the page's URL, so the address
bar always holds the current scenario.
"""

from __future__ import annotations

import streamlit as st

from model.parameters import (
    ParamSpec,
    Scenario,
    ScenarioError,
    default_scenario,
    fmt_number,
    load_parameters,
    make_scenario,
)
from model.scenario_file import load_presets
from ui import pipeline
from ui.text import t

GROUPS = ("trend", "funds", "projects", "base")


def _format(spec: ParamSpec) -> str:
    if spec.kind == "int":
        return "%d"
    step = float(spec.step)
    return "%.0f" if step >= 1 else "%.1f" if step >= 0.1 else "%.2f"


def provenance_badge(kind: str, lang: str) -> str:
    colour = {"article": "blue", "external": "violet", "assumption": "orange"}[kind]
    return f":{colour}-badge[{t('prov_' + kind, lang)}]"


def help_text(spec: ParamSpec, lang: str) -> str:
    """The tooltip: provenance, the source sentence (or publication, or reason), range and default."""
    lines = [f"**{t('help_source', lang)}:** {provenance_badge(spec.provenance, lang)}"]
    if spec.source_zh:
        lines.append(f"「{spec.source_zh}」 — {t('article_name', lang)}")
    if spec.source_en and (lang == "en" or not spec.source_zh):
        lines.append(spec.source_en)
    if spec.publication:
        lines.append(spec.publication)
    if spec.why:
        lines.append(spec.why)
    if spec.kind != "bool":
        unit = spec.unit(lang)
        lines.append(
            f"{t('help_range', lang)}: {fmt_number(spec.min)} – {fmt_number(spec.max)} {unit} · "
            f"{t('help_default', lang)}: {fmt_number(spec.default)} {unit}"
        )
    return "\n\n".join(lines)


def widget_label(spec: ParamSpec, lang: str) -> str:
    unit = spec.unit(lang)
    return f"{spec.label(lang)} ({unit})" if unit else spec.label(lang)


def _widget(spec: ParamSpec, lang: str) -> float | int | bool:
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


def load_into_controls(scenario: Scenario, notice: str | None = None) -> None:
    """Set every control to ``scenario``'s values (a button callback: runs before the widgets exist).

    The URL follows the widgets, so a loaded scenario is also in the address bar.
    """
    st.session_state.update(scenario.to_dict())
    pipeline.set_rows(scenario.projects)
    if notice:
        st.toast(notice, icon=":material/check_circle:")


def _presets(lang: str) -> None:
    with st.expander(t("presets", lang), expanded=False):
        for n, preset in enumerate(load_presets()):
            name = preset.name if lang == "zh" else preset.name_en or preset.name
            st.button(
                name,
                key=f"preset_{n}",
                help=preset.description_zh if lang == "zh" else preset.description_en,
                on_click=load_into_controls,
                args=(preset.scenario, t("preset_loaded", lang, name=name)),
                width="stretch",
            )


def scenario_from_state(lang: str) -> Scenario | None:
    """The scenario the controls hold, read from the session before they are drawn (None on a
    session's first run, when the link or the defaults set them)."""
    specs = load_parameters()
    if not all(key in st.session_state for key in specs):
        return None
    try:
        added, _ = pipeline.current(lang)
        return make_scenario({key: st.session_state[key] for key in specs}).with_projects(added)
    except ScenarioError:
        return None


def sidebar(lang: str) -> Scenario:
    """Draw the controls; return the scenario they describe."""
    specs = load_parameters()
    values: dict[str, float | int | bool] = {}
    with st.sidebar:
        st.header(t("controls", lang))
        st.button(
            t("reset", lang),
            help=t("reset_help", lang),
            on_click=load_into_controls,
            args=(default_scenario(),),
            icon=":material/restart_alt:",
            key="reset",
            width="stretch",
        )
        _presets(lang)
        for group in GROUPS:
            with st.expander(t(f"group_{group}", lang), expanded=group in ("trend", "funds")):
                for spec in specs.values():
                    if spec.group == group:
                        values[spec.key] = _widget(spec, lang)
    added, _ = pipeline.current(lang)
    scenario = make_scenario(values).with_projects(added)
    changed = scenario.changed_from(default_scenario())
    st.sidebar.caption(t("changed_count", lang, n=len(changed)) if changed else t("at_defaults", lang))
    if added:
        st.sidebar.caption(t("pipeline_count", lang, n=len(added)))
    return scenario
