"""Problems on the page: each one said by report.problems.say in the page's language, shown literally.

The model, the library and the page's own checks raise problems as data (model.problems.Problem);
this module only lays them out: an introduction and one bullet per problem.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from model.lang import Lang
from model.problems import Problem
from report.plain import control_chars, md_text
from report.problems import say, say_all


def bullet_list(intro: str, problems: Iterable[Problem], lang: Lang) -> str:
    """An introduction and one bullet per problem, in the page's language (Markdown).

    ``intro`` is the page's own Markdown: a caller that puts a name or a file name in it passes
    that through ``report.plain.md_text`` first. Each problem's sentence may quote a link's key, a
    value or a name, so it is shown literally (escaped here).
    """
    return control_chars(intro) + "\n\n" + "\n".join(f"- {md_text(say(p, lang))}" for p in problems)


def text(problems: Iterable[Problem], lang: Lang) -> str:
    """Problems as one paragraph of Markdown that shows their sentences literally."""
    return md_text(say_all(problems, lang))


def show(kind: str, intro: str, problems: Iterable[Problem], lang: Lang) -> None:
    """st.warning / st.error / st.info with a bullet per problem (each shown literally)."""
    getattr(st, kind)(bullet_list(intro, problems, lang))
