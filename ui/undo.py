"""One step of undo for what replaces a user's work at a click: loading a preset or a saved
scenario, the reset button, deleting a saved scenario.

The session keeps the last such action only (a new one replaces it; an undo uses it up). Each
record holds a sentence (a text key and its fields, written in the page's language when drawn) and
the function that puts things back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from model.lang import Lang
from report.text import t

LAST = "undo_last"


@dataclass(frozen=True)
class Undo:
    text: str  # the text key of the sentence saying what an undo restores
    restore: Callable[[Lang], None]  # called with the page's language
    fields: dict[str, Any] = field(default_factory=dict)

    def sentence(self, lang: Lang) -> str:
        values = {k: (v(lang) if callable(v) else v) for k, v in self.fields.items()}
        return t(self.text, lang, **values)


def offer(record: Undo) -> None:
    """Keep ``record`` as the one thing an undo does (replacing any earlier one)."""
    st.session_state[LAST] = record


def last() -> Undo | None:
    return st.session_state.get(LAST)


def _undo(lang: Lang) -> None:
    record = st.session_state.pop(LAST, None)
    if record is not None:
        record.restore(lang)
        st.toast(t("undo_done", lang), icon=":material/undo:")


def button(lang: Lang, key: str = "undo") -> None:
    """The sentence and the undo button, where an undo is possible (nothing otherwise)."""
    record = last()
    if record is None:
        return
    with st.container(border=True, key=f"{key}_box"):
        st.caption(record.sentence(lang))
        st.button(t("undo", lang), key=key, on_click=_undo, args=(lang,), icon=":material/undo:", width="stretch")
