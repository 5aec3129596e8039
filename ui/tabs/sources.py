"""The "Sources and assumptions" section."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model.lang import Lang
from model.parameters import Scenario, fmt_number, load_parameters, load_projects
from model.sources import load_facts
from report.text import t
from ui import headline, targets_panel
from ui.controls import source_sentences
from ui.tabs import Page


def _prov(kind: str, lang: Lang) -> str:
    return t("prov_" + kind, lang)


def parameter_table(scenario: Scenario, lang: Lang, role: str | None = None) -> pd.DataFrame:
    """Every parameter of one kind (``role``; all when None) with its value, range, provenance,
    publication, date, address, source sentence and reasoning in the page's language."""
    values = scenario.to_dict()
    rows = []
    for spec in load_parameters().values():
        if role is not None and spec.role != role:
            continue
        if spec.kind == "bool":
            shown = t("yes", lang) if values[spec.key] else t("no", lang)
            default = t("yes", lang) if spec.default else t("no", lang)
            span = ""
        else:
            shown, default = fmt_number(values[spec.key]), fmt_number(spec.default)
            span = f"{fmt_number(spec.min)} – {fmt_number(spec.max)}"
        publication = spec.publication_name(lang) or (t("article_name", lang) if spec.provenance == "article" else "")
        row = {
            t("col_parameter", lang): spec.label(lang),
            t("col_value", lang): shown,
            t("col_default", lang): default,
            t("col_range", lang): span,
            t("col_unit", lang): spec.unit(lang),
            t("col_provenance", lang): _prov(spec.provenance, lang),
            t("col_publication", lang): publication,
            t("col_date", lang): spec.date,
            t("col_url", lang): spec.url,
        }
        row |= _sentences(source_sentences(spec, lang), lang)
        rows.append(row | {t("col_reason", lang): spec.reasoning(lang)})
    return pd.DataFrame(rows)


def _sentences(sentences: list[str], lang: Lang) -> dict[str, str]:
    """The source sentence's columns: the original (and, on the English page, its translation)."""
    if lang == "zh":
        return {t("col_quote", lang): "\n".join(sentences)}
    original, *translation = sentences or [""]
    return {t("col_quote", lang): original, t("col_gloss", lang): "\n".join(translation)}


def project_table(lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("col_project", lang): p.name(lang),
                t("col_investment", lang): p.investment,
                t("col_output", lang): p.full_output,
                t("col_provenance", lang): t("prov_" + p.provenance, lang),
            }
            | _sentences([f"「{p.source_zh}」"] + ([p.source_en] if lang == "en" else []), lang)
            for p in load_projects()
        ]
    )


def facts_table(lang: Lang) -> pd.DataFrame:
    facts = load_facts()
    return pd.DataFrame(
        [
            {
                t("col_label", lang): row[f"label_{lang}"],
                t("col_figure", lang): f"{fmt_number(row['value'])} {row[f'unit_{lang}']}".strip(),
            }
            | _sentences([f"「{row['quote_zh']}」"] + ([row["gloss_en"]] if lang == "en" else []), lang)
            for _, row in facts.iterrows()
        ]
    )


def render(page: Page) -> None:
    scenario, lang = page.scenario, page.lang
    st.header(t("sources_title", lang), anchor="sources")
    st.caption(t("sources_intro", lang) + " " + t("article_name", lang))
    st.caption(headline.data_as_of(scenario, page.history, lang))
    link = {t("col_url", lang): st.column_config.LinkColumn(t("col_url", lang))}
    for role, title in (("lever", "section_levers"), ("economy", "section_economy"), ("choice", "sources_choices")):
        st.subheader(t(title, lang))
        st.dataframe(
            parameter_table(scenario, lang, role), hide_index=True, width="stretch", column_config=link, placeholder=""
        )
    st.subheader(t("group_lever_projects", lang))
    st.dataframe(project_table(lang), hide_index=True, width="stretch", placeholder="")
    st.subheader(t("targets_title", lang))
    targets = targets_panel.official_table(lang)
    if targets.empty:
        st.caption(t("targets_official_none", lang))
    else:
        st.dataframe(targets, hide_index=True, width="stretch", column_config=link, placeholder="")
    with st.expander(t("sources_facts", lang), expanded=False):
        st.dataframe(facts_table(lang), hide_index=True, width="stretch", placeholder="")
