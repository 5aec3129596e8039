"""The project pipeline: the named projects and those a user adds, as tables on the page.

The named projects' figures come from the article (``data/projects.csv``); their first year and
whether they count are the sliders and switches of the sidebar. Added projects are edited in a table.
The added rows are a ui.rows.RowTable; each row is validated by model.parameters.parse_project.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.lang import Lang
from model.parameters import (
    PROJECT_FIELDS,
    PROJECT_LIMITS,
    PipelineProject,
    Scenario,
    load_projects,
    parse_project,
)
from model.problems import Problem
from report.problems import allowed_range
from report.text import t
from ui import messages
from ui.rows import RowTable

TABLE = RowTable(
    name="pipeline",
    fields=PROJECT_FIELDS,
    dtypes={
        "name": "string",
        "investment": "Float64",
        "full_output": "Float64",
        "first_year": "Int64",
        "included": "boolean",
    },
    parse=parse_project,
    add_label="pipeline_add_row",
    defaults={"included": True},
    whole=("first_year",),
)
ROWS = TABLE.rows_key  # the current rows: a list of dicts, as typed


def current() -> tuple[tuple[PipelineProject, ...], list[Problem]]:
    """The valid added projects and the problems of each row that is not (those rows are left out)."""
    return TABLE.current()


def set_rows(projects: tuple[PipelineProject, ...]) -> None:
    """Replace the table (a preset, the reset button or a saved scenario was loaded)."""
    TABLE.set_rows(projects)


def _named_table(scenario: Scenario, lang: Lang) -> pd.DataFrame:
    values = scenario.to_dict()
    return pd.DataFrame(
        [
            {
                t("col_project", lang): p.name(lang),
                t("col_investment", lang): p.investment,
                t("col_output", lang): p.full_output,
                t("col_first_year", lang): values[p.start_key],
                t("col_included", lang): t("yes", lang) if values[p.on_key] else t("no", lang),
                t("col_provenance", lang): t("prov_" + p.provenance, lang),
            }
            for p in load_projects()
        ]
    )


def section(scenario: Scenario, lang: Lang) -> None:
    """The pipeline tables and the problems of any added row."""
    st.subheader(t("group_lever_projects", lang))
    st.caption(t("pipeline_named", lang))
    st.dataframe(_named_table(scenario, lang), hide_index=True, width="stretch", placeholder="")
    st.caption(t("pipeline_added", lang))
    # No min_value, max_value or step: Streamlit would clamp or round what is typed without a word.
    # What is allowed is in each column's help; a value outside it is named below and the row left out.
    (inv_lo, inv_hi), (out_lo, out_hi), (y_lo, y_hi) = (PROJECT_LIMITS[k] for k in PROJECT_FIELDS[1:4])
    TABLE.editor(
        {
            "name": st.column_config.TextColumn(t("col_project", lang), max_chars=80, width="large"),
            "investment": st.column_config.NumberColumn(
                t("col_investment", lang), help=allowed_range(inv_lo, inv_hi, lang), format="%.1f"
            ),
            "full_output": st.column_config.NumberColumn(
                t("col_output", lang), help=allowed_range(out_lo, out_hi, lang), format="%.1f"
            ),
            "first_year": st.column_config.NumberColumn(
                t("col_first_year", lang), help=allowed_range(y_lo, y_hi, lang, whole=True), format="%d"
            ),
            "included": st.column_config.CheckboxColumn(t("col_included", lang), default=True),
        },
        lang,
    )
    _, problems = current()
    if problems:
        messages.show("warning", t("rows_problems", lang), problems, lang)
