"""An editable table of rows kept with the scenario (added projects, the user's own targets).

The editor keeps its edits relative to the table it was given (``<name>_base``); its callback writes
the edited table to ``<name>_rows``, which the scenario reads, so the rows survive switching tabs
(the editor, not drawn on another tab, starts again from ``<name>_rows``). Each row is parsed by the
model's own function; a bad row is named in a message (its row number, the column's label, the
value and what is allowed) and left out, and what was typed stays: the editor's columns set no
minimum, maximum or step, which Streamlit would apply silently. A button below the table adds a row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from model.lang import Lang
from model.parameters import ScenarioError
from model.problems import Problem, located
from report.text import t


def _blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and value != value)


@dataclasses.dataclass(frozen=True)
class RowTable:
    name: str  # the session keys' prefix
    fields: tuple[str, ...]
    dtypes: Mapping[str, str]  # pandas dtypes of the editor's columns
    parse: Callable[[dict[str, Any]], Any]  # document → item, or ScenarioError
    add_label: str  # text key of the "add a row" button
    defaults: Mapping[str, Any] = dataclasses.field(default_factory=dict)  # filled in when blank
    whole: tuple[str, ...] = ()  # fields whose whole floats are years (made int)

    @property
    def rows_key(self) -> str:
        return f"{self.name}_rows"

    @property
    def base_key(self) -> str:
        return f"{self.name}_base"

    def editor_key(self) -> str:
        return f"{self.name}_editor_{st.session_state.get(f'{self.name}_round', 0)}"

    def clean(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """A table row as a document: blanks dropped, whole floats of a year made int."""
        out = {k: v for k, v in row.items() if k in self.fields and not _blank(v)}
        for key in self.whole:
            if isinstance(out.get(key), float) and out[key].is_integer():
                out[key] = int(out[key])
        return out

    def current(self) -> tuple[tuple[Any, ...], list[Problem]]:
        """The valid rows' items and the problems of the rows that are not (each located at its
        row; those rows are left out)."""
        items, problems = [], []
        for n, row in enumerate(st.session_state.get(self.rows_key, []), start=1):
            doc = self.clean(row)
            if not set(doc) - set(self.defaults):
                continue  # an empty row the editor added
            try:
                items.append(self.parse({**self.defaults, **doc}))
            except ScenarioError as e:
                problems.extend(located(e.problems, "row", n))
        return tuple(items), problems

    def set_rows(self, items: tuple[Any, ...]) -> None:
        """Replace the table (a preset, the reset button or a saved scenario was loaded)."""
        self.put_rows([item.to_dict() for item in items])

    def rows(self) -> list[dict[str, Any]]:
        """The rows as typed (invalid ones too): what an undo gives back."""
        return [dict(r) for r in st.session_state.get(self.rows_key, [])]

    def put_rows(self, rows: list[dict[str, Any]]) -> None:
        """Replace the table with ``rows`` as typed; the editor starts afresh from them."""
        st.session_state[self.rows_key] = [dict(r) for r in rows]
        st.session_state[self.base_key] = list(st.session_state[self.rows_key])
        st.session_state[f"{self.name}_round"] = st.session_state.get(f"{self.name}_round", 0) + 1

    def added(self) -> list[dict[str, Any]]:
        """The rows that are not blank (what "keep the rows I added" keeps)."""
        return [r for r in self.rows() if set(self.clean(r)) - set(self.defaults)]

    def commit(self) -> None:
        """Editor callback: the editor's edits, deletions and additions applied to its base rows."""
        state = st.session_state.get(self.editor_key(), {})
        rows = [dict(r) for r in st.session_state.get(self.base_key, [])]
        for index, change in state.get("edited_rows", {}).items():
            rows[int(index)].update(change)
        for index in sorted(state.get("deleted_rows", []), reverse=True):
            del rows[index]
        rows.extend(dict(r) for r in state.get("added_rows", []))
        st.session_state[self.rows_key] = rows

    def add_row(self) -> None:
        """Button callback: an empty row at the end of the table (kept out of the scenario until filled in)."""
        rows = [*st.session_state.get(self.rows_key, []), dict(self.defaults)]
        st.session_state[self.rows_key] = rows
        st.session_state[self.base_key] = list(rows)
        st.session_state[f"{self.name}_round"] = st.session_state.get(f"{self.name}_round", 0) + 1

    def frame(self, rows: list[dict[str, Any]]) -> pd.DataFrame:
        """The committed rows with fixed column types (an empty table must still be editable text)."""
        frame = pd.DataFrame(rows, columns=list(self.fields))
        for column, dtype in self.dtypes.items():
            try:
                frame[column] = frame[column].astype(dtype)
            except (TypeError, ValueError):
                frame[column] = frame[column].astype("string")  # what the user typed stays visible
        return frame

    def editor(self, column_config: Mapping[str, Any], lang: Lang) -> None:
        """The editable table, starting from the current rows when it is drawn afresh, and a button
        that adds a row (the editor's own "+" shows only on hover)."""
        if self.editor_key() not in st.session_state:
            st.session_state[self.base_key] = list(st.session_state.get(self.rows_key, []))
        st.data_editor(
            self.frame(st.session_state[self.base_key]),
            key=self.editor_key(),
            on_change=self.commit,
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config=dict(column_config),
            placeholder="",  # an empty cell is blank, not "None"
        )
        st.button(t(self.add_label, lang), key=f"{self.name}_add_row", on_click=self.add_row, icon=":material/add:")
