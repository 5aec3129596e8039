"""The project pipeline: the named projects and those a user adds, as tables on the page.

The named projects' figures come from the article (``data/projects.csv``); their first year and
whether they count are the sliders and switches of the sidebar. Added projects are edited in a table.
The editor keeps its edits relative to the table it was given (``pipeline_base``); its callback
writes the edited table to ``pipeline_rows``, which the scenario reads, so the pipeline survives
switching tabs (the editor, not drawn on another tab, starts again from ``pipeline_rows``). Each row
is validated by model.parameters.parse_project.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from model.parameters import (
    PROJECT_FIELDS,
    PROJECT_LIMITS,
    PipelineProject,
    Scenario,
    ScenarioError,
    load_projects,
    parse_project,
)
from ui import messages
from ui.text import t

ROWS = "pipeline_rows"  # the current rows: a list of dicts, as typed
BASE = "pipeline_base"  # the rows the editor was given; its edits are relative to them
ROUND = "pipeline_round"  # bumped to give the editor a fresh key when a scenario is loaded


def _editor_key() -> str:
    return f"pipeline_editor_{st.session_state.get(ROUND, 0)}"


def _blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and value != value)


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """A table row as a project document: blanks dropped, whole floats of the year made int."""
    out = {k: v for k, v in row.items() if k in PROJECT_FIELDS and not _blank(v)}
    if isinstance(out.get("first_year"), float) and out["first_year"].is_integer():
        out["first_year"] = int(out["first_year"])
    out.setdefault("included", True)
    return out


def current(lang: str = "zh") -> tuple[tuple[PipelineProject, ...], list[str]]:
    """The valid added projects and a sentence per row that is not (those rows are left out)."""
    projects, problems = [], []
    for n, row in enumerate(st.session_state.get(ROWS, []), start=1):
        doc = _clean(row)
        if not doc or set(doc) == {"included"}:
            continue  # an empty row the editor added
        try:
            projects.append(parse_project(doc, t("pipeline_row", lang, n=n)))
        except ScenarioError as e:
            problems.extend(e.problems)
    return tuple(projects), problems


def set_rows(projects: tuple[PipelineProject, ...]) -> None:
    """Replace the table (a preset, the reset button or a saved scenario was loaded)."""
    st.session_state[ROWS] = [p.to_dict() for p in projects]
    st.session_state[BASE] = list(st.session_state[ROWS])
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1


def _commit() -> None:
    """Editor callback: the editor's edits, deletions and additions applied to its base rows."""
    state = st.session_state.get(_editor_key(), {})
    rows = [dict(r) for r in st.session_state.get(BASE, [])]
    for index, change in state.get("edited_rows", {}).items():
        rows[int(index)].update(change)
    for index in sorted(state.get("deleted_rows", []), reverse=True):
        del rows[index]
    rows.extend(dict(r) for r in state.get("added_rows", []))
    st.session_state[ROWS] = rows


def _named_table(scenario: Scenario, lang: str) -> pd.DataFrame:
    values = scenario.to_dict()
    return pd.DataFrame(
        [
            {
                t("col_project", lang): p.name(lang),
                t("col_investment", lang): p.investment,
                t("col_output", lang): p.full_output,
                t("col_first_year", lang): values[p.start_key],
                t("col_included", lang): values[p.on_key],
                t("col_provenance", lang): p.provenance,
            }
            for p in load_projects()
        ]
    )


DTYPES = {
    "name": "string",
    "investment": "Float64",
    "full_output": "Float64",
    "first_year": "Int64",
    "included": "boolean",
}


def _rows_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The committed rows with fixed column types (an empty table must still be editable text)."""
    frame = pd.DataFrame(rows, columns=list(PROJECT_FIELDS))
    for column, dtype in DTYPES.items():
        try:
            frame[column] = frame[column].astype(dtype)
        except (TypeError, ValueError):
            frame[column] = frame[column].astype("string")  # what the user typed stays visible
    return frame


def section(scenario: Scenario, lang: str) -> None:
    """The pipeline tables and the problems of any added row."""
    st.subheader(t("pipeline_title", lang))
    st.caption(t("pipeline_named", lang))
    st.dataframe(_named_table(scenario, lang), hide_index=True, width="stretch")
    st.caption(t("pipeline_added", lang))
    columns = list(PROJECT_FIELDS)
    (inv_lo, inv_hi), (out_lo, out_hi), (y_lo, y_hi) = (PROJECT_LIMITS[k] for k in columns[1:4])
    if _editor_key() not in st.session_state:  # a fresh editor starts from the current rows
        st.session_state[BASE] = list(st.session_state.get(ROWS, []))
    st.data_editor(
        _rows_frame(st.session_state[BASE]),
        key=_editor_key(),
        on_change=_commit,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn(t("col_project", lang), max_chars=80, width="large"),
            "investment": st.column_config.NumberColumn(
                t("col_investment", lang), min_value=inv_lo, max_value=inv_hi, format="%.1f"
            ),
            "full_output": st.column_config.NumberColumn(
                t("col_output", lang), min_value=out_lo, max_value=out_hi, format="%.1f"
            ),
            "first_year": st.column_config.NumberColumn(
                t("col_first_year", lang), min_value=y_lo, max_value=y_hi, step=1, format="%d"
            ),
            "included": st.column_config.CheckboxColumn(t("col_included", lang), default=True),
        },
    )
    _, problems = current(lang)
    if problems:
        messages.show("warning", t("pipeline_problems", lang), problems, lang)
