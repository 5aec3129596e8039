"""The "History & backtest" tab: the date of the latest figure used, each year's status, projected
growth against the official figures, the backtest, every official figure (the data's and those added
here) with its publication, date, address, sentence and confidence, and the form that adds one.

A figure added here is kept in the scenario library's database (store.figures) with who added it and
when; the page computes with it from the next run on (ui.figures.page_history). Nothing is saved from
a form with a problem: each problem names the field, in the page's language, with what is allowed;
what was typed stays in the form.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from model.backtest import backtest
from model.history import CONFIDENCE_RANK, PERIOD_MONTHS, REGIONS, History, parse_history_rows
from model.lang import Lang
from model.parameters import Scenario, ScenarioError
from model.problems import Problem
from report import charts
from report.plain import md_text
from report.status import status_word
from report.text import data_as_of_text, period_name, t
from store.figures import AddedFigure
from store.library import LibraryUnavailable
from ui import figures as page_figures
from ui import messages, undo
from ui.compute import HASH_HISTORY
from ui.services import sign_in_configured, signed_in_user
from ui.tabs import Page

METRICS = ("va_growth_pct", "va_level", "revenue_level", "ti_growth_pct")
FORM_FIELDS = {  # the form's fields: the column of data/history.csv → the label's text key
    "region": "field_region",
    "metric": "col_metric_kind",
    "year": "field_year",
    "period": "field_period",
    "value": "value",
    "publication": "field_publication",
    "date": "field_date",
    "url": "field_url",
    "quote_zh": "field_quote",
    "confidence": "field_confidence",
}
FORM_DEFAULTS = {"region": "dezhou", "metric": "va_growth_pct", "period": None, "confidence": "high"}
MESSAGES = "history_messages"


def data_as_of(history: History, scenario: Scenario, lang: Lang) -> str:
    """「数据截至YYYY年M月」: the latest official figure the model uses for this scenario."""
    return data_as_of_text(history.data_as_of(scenario.horizon_end, scenario.use_observed), lang)


@st.cache_data(show_spinner=False, max_entries=16, hash_funcs=HASH_HISTORY)
def _backtest(history: History, lang: Lang) -> pd.DataFrame:
    return backtest(history, lang=lang)


def backtest_table(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("axis_year", lang): table["year"],
            t("col_observed", lang): [
                status_word(s, PERIOD_MONTHS.get(p), lang)
                for s, p in zip(table["status"], table["period"], strict=True)
            ],
            t("col_period", lang): [period_name(p, lang) for p in table["period"]],
            t("col_official_pct", lang): table["official_pct"].round(2),
            t("col_projected_pct", lang): table["projected_pct"].round(2),
            t("col_error_pts", lang): table["error_pts"].round(2),  # as the page rounds
            t("col_publication", lang): table["publication"],
            t("col_date", lang): table["date"],
            t("col_confidence", lang): [t(f"conf_{c}", lang) for c in table["confidence"]],
        }
    )


def years_table(history: History, scenario: Scenario, lang: Lang) -> pd.DataFrame:
    """Each year from 2024 with its status (已公布 / 估算（1—N月） / 推算), the growth used and its source."""
    statuses = history.year_status("dezhou", scenario.horizon_end, scenario.use_observed)
    return pd.DataFrame(
        [
            {
                t("axis_year", lang): year,
                t("col_status", lang): status_word(s.status, s.months, lang),
                t("col_growth_used", lang): s.growth,
                t("col_publication", lang): s.figure.publication_name(lang) if s.figure else "",
                t("col_date", lang): s.figure.date if s.figure else "",
            }
            for year, s in statuses.items()
        ]
    )


def history_table(
    figures: History, lang: Lang, added: list[AddedFigure] = (), horizon_end: int = 2035, use_observed: bool = True
) -> pd.DataFrame:
    """Every figure, the data's and the added ones (marked, with who added them and when); ``used``
    marks the figure behind each published or estimated year."""
    used = {
        id(s.figure)
        for region in REGIONS
        for s in figures.year_status(region, horizon_end, use_observed).values()
        if s.figure is not None
    }
    # The added figures are the last rows of the history, in the order added (History.with_added).
    first_added = len(figures.figures) - len(added)
    position = {id(f): n for n, f in enumerate(figures.figures)}

    def origin(f) -> tuple[str, str, str]:
        n = position[id(f)]
        a = added[n - first_added] if n >= first_added else None
        if a is None:
            return t("origin_data", lang), "", ""
        who = a.added_by or t("visitor", lang)
        return t("origin_added", lang, number=a.id), who, a.added_at.strftime("%Y-%m-%d %H:%M UTC")

    rows = []
    for f in sorted(
        figures.figures, key=lambda f: (f.region, f.year, f.period != "full-year", f.date, position[id(f)])
    ):
        kind, who, when = origin(f)
        rows.append(
            {
                t("axis_year", lang): f.year,
                t("col_region", lang): t(f"region_{f.region}", lang),
                t("col_metric_kind", lang): t(f"hist_metric_{f.metric}", lang),
                t("value", lang): f.value,
                t("col_period", lang): period_name(f.period, lang),
                t("col_publication", lang): f.publication_name(lang),
                t("col_date", lang): f.date,
                t("col_url", lang): f.url,
                t("col_quote", lang): f.quote(lang, t("translation_note", lang)),
                t("col_confidence", lang): t(f"conf_{f.confidence}", lang),
                t("col_used", lang): t("yes", lang) if id(f) in used else t("no", lang),
                t("col_origin", lang): kind,
                t("col_added_by", lang): who,
                t("col_added_at", lang): when,
                t("col_note", lang): f.note(lang),
            }
        )
    return pd.DataFrame(rows)


# --- the form ---------------------------------------------------------------------------------


def _field_label(field: str, lang: Lang) -> str:
    return t(FORM_FIELDS[field], lang)


def _choice_names(field: str, lang: Lang) -> list[str]:
    if field == "region":
        return [t(f"region_{r}", lang) for r in REGIONS]
    if field == "metric":
        return [t(f"hist_metric_{m}", lang) for m in METRICS]
    if field == "period":
        return [period_name(p, lang) for p in PERIOD_MONTHS]
    return [t(f"conf_{c}", lang) for c in CONFIDENCE_RANK]


def form_problem(p: Problem, lang: Lang) -> str:
    """A problem of the form as one sentence in the page's language: the field by its label, the
    value as typed, what is allowed by name (never a code)."""
    field = p.get("field", "")
    label = _field_label(field, lang) if field in FORM_FIELDS else field
    value = p.get("value")
    shown = "" if value is None else str(value)
    if p.code == "history_quote_missing" or (p.code in ("history_choice", "history_period") and not shown):
        return t("form_missing", lang, field=label)
    if p.code == "history_not_number":
        if not shown:
            return t("form_missing", lang, field=label)
        allowed = t("form_allowed_year" if field == "year" else "form_allowed_value", lang)
        return t("form_not_number", lang, field=label, value=shown, allowed=allowed)
    if p.code == "history_year":
        return t("form_year_range", lang, field=label, value=shown)
    if p.code in ("history_choice", "history_period"):
        joiner = "、" if lang == "zh" else ", "
        return t("form_choice", lang, field=label, value=shown, allowed=joiner.join(_choice_names(field, lang)))
    from report.problems import say

    return say(dataclasses.replace(p, where=()), lang)


def _form_row() -> dict[str, str]:
    """What the form holds, as a row of data/history.csv (text as typed, choices as codes)."""
    row = {field: st.session_state.get(f"fig_{field}") for field in FORM_FIELDS}
    return {k: "" if v is None else str(v).strip() for k, v in row.items()}


def _say(kind: str, text: str) -> None:
    st.session_state.setdefault(MESSAGES, []).append((kind, text))


def _add(lang: Lang, user: str | None) -> None:
    """The form's button: check the figure; save it only when every field is right."""
    row = _form_row()
    problems: list[str] = []
    try:
        [figure] = parse_history_rows([row], "form").figures
    except ScenarioError as e:
        problems = [form_problem(p, lang) for p in e.problems]
    if row["url"] and not row["url"].lower().startswith(("http://", "https://")):
        # The address is shown as a link: only a web address, never javascript: or a file.
        problems.append(t("form_url", lang, field=_field_label("url", lang), value=row["url"]))
    if problems:
        lines = "\n".join(f"- {md_text(p)}" for p in problems)
        _say("error", t("figure_problems", lang) + "\n\n" + lines)
        return
    try:
        number = page_figures.store().add(figure, user)
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", messages.text(e.problems, lang))
        return
    for field in FORM_FIELDS:  # a saved figure leaves an empty form for the next one
        st.session_state[f"fig_{field}"] = FORM_DEFAULTS.get(field, "")
    _say("success", t("figure_added", lang, number=number))


def _what(figure, lang: Lang) -> str:
    return " · ".join(
        (
            t(f"region_{figure.region}", lang),
            str(figure.year),
            period_name(figure.period, lang),
            f"{figure.value:g}",
            figure.publication_name(lang),
        )
    )


def _delete(number: int, what: str, lang: Lang, user: str | None) -> None:
    try:
        version = page_figures.store().delete(number, user)
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", messages.text(e.problems, lang))
        return
    back = lambda lang: _restore(version, lang, user)  # noqa: E731 - kept for the undo button
    undo.offer(undo.Undo("undo_figure_delete", back, {"number": number, "what": md_text(what)}))
    st.session_state.pop("fig_pick", None)
    _say("success", t("figure_deleted", lang, number=number))


def _restore(version: int, lang: Lang, user: str | None) -> None:
    try:
        number = page_figures.store().restore(version, user)
    except (ScenarioError, LibraryUnavailable) as e:
        _say("error", messages.text(e.problems, lang))
        return
    _say("success", t("figure_restored", lang, number=number))


def _form(lang: Lang, user: str | None, can_write: bool) -> None:
    st.subheader(t("figure_form_title", lang))
    st.caption(t("figure_form_caption", lang))
    for field, default in FORM_DEFAULTS.items():
        st.session_state.setdefault(f"fig_{field}", default)
    with st.form("figure_form", border=True, enter_to_submit=False):
        a, b, c, d = st.columns(4)
        a.selectbox(
            _field_label("region", lang),
            REGIONS,
            key="fig_region",
            format_func=lambda r: t(f"region_{r}", lang),
            placeholder=t("choose", lang),
        )
        b.selectbox(
            _field_label("metric", lang),
            METRICS,
            key="fig_metric",
            format_func=lambda m: t(f"hist_metric_{m}", lang),
            placeholder=t("choose", lang),
        )
        c.text_input(_field_label("year", lang), key="fig_year", max_chars=8, help=t("field_year_help", lang))
        d.selectbox(
            _field_label("period", lang),
            list(PERIOD_MONTHS),
            key="fig_period",
            format_func=lambda p: period_name(p, lang),
            placeholder=t("choose", lang),
        )
        a, b, c, d = st.columns(4)
        a.text_input(_field_label("value", lang), key="fig_value", max_chars=24, help=t("field_value_help", lang))
        b.selectbox(
            _field_label("confidence", lang),
            tuple(CONFIDENCE_RANK),
            key="fig_confidence",
            format_func=lambda x: t(f"conf_{x}", lang),
            placeholder=t("choose", lang),
        )
        c.text_input(_field_label("date", lang), key="fig_date", max_chars=10, help=t("field_date_help", lang))
        d.text_input(_field_label("url", lang), key="fig_url", max_chars=500)
        st.text_input(_field_label("publication", lang), key="fig_publication", max_chars=200)
        st.text_area(
            _field_label("quote_zh", lang),
            key="fig_quote_zh",
            max_chars=2000,
            height=90,
            help=t("field_quote_help", lang),
        )
        st.form_submit_button(
            t("figure_add", lang),
            on_click=_add,
            args=(lang, user),
            disabled=not can_write,
            icon=":material/add:",
            type="primary",
        )
    if not can_write:
        st.caption(t("figure_signin_needed", lang))


def _delete_box(listed: list[AddedFigure], lang: Lang, user: str | None, can_write: bool) -> None:
    if not listed:
        return
    by_id = {a.id: a for a in listed}
    if st.session_state.get("fig_pick") not in by_id:
        st.session_state.pop("fig_pick", None)
    a, b = st.columns([4, 1], vertical_alignment="bottom")
    picked = a.selectbox(
        t("figure_pick", lang),
        list(by_id),
        key="fig_pick",
        index=None,
        placeholder=t("choose", lang),
        format_func=lambda i: f"#{i} · {_what(by_id[i].figure, lang)}",  # plain text
    )
    b.button(
        t("delete", lang),
        key="fig_delete",
        on_click=_delete,
        args=(picked, _what(by_id[picked].figure, lang) if picked else "", lang, user),
        disabled=picked is None or not can_write,
        icon=":material/delete:",
        width="stretch",
    )


def render(page: Page) -> None:
    lang, history, scenario = page.lang, page.history, page.scenario
    st.caption(data_as_of(history, scenario, lang))
    listed, problems = page_figures.this_run()
    if problems:
        st.warning(t("figure_store_unavailable", lang, error=messages.text(problems, lang)))

    st.subheader(t("years_title", lang))
    st.container(key="history_years").dataframe(
        years_table(history, scenario, lang),
        hide_index=True,
        width="stretch",
        placeholder="",
        column_config={
            t("axis_year", lang): st.column_config.NumberColumn(format="%d"),
            t("col_status", lang): st.column_config.TextColumn(help=t("col_status_help", lang)),
            t("col_growth_used", lang): st.column_config.NumberColumn(format="%.1f"),
        },
    )
    st.altair_chart(charts.growth_chart(page.frame, page.baseline, history.figures, lang), width="stretch")

    st.subheader(t("backtest_title", lang))
    table = _backtest(history, lang)
    if table.empty:
        st.caption(t("backtest_none", lang))
    else:
        st.caption(t("backtest_caption", lang))
        st.altair_chart(charts.backtest_chart(table, lang), width="stretch")
        st.dataframe(
            backtest_table(table, lang),
            hide_index=True,
            width="stretch",
            placeholder="",
            column_config={
                t("col_error_pts", lang): st.column_config.NumberColumn(format="%+.2f"),
                t("col_official_pct", lang): st.column_config.NumberColumn(format="%.1f"),
                t("col_projected_pct", lang): st.column_config.NumberColumn(format="%.2f"),
            },
        )

    owners = sign_in_configured()
    user = signed_in_user()
    can_write = user is not None or not owners
    st.subheader(t("history_title", lang))
    if history.figures:
        st.caption(t("history_caption", lang))
        st.dataframe(
            history_table(history, lang, listed, scenario.horizon_end, scenario.use_observed),
            hide_index=True,
            width="stretch",
            placeholder="",
            column_config={
                t("col_url", lang): st.column_config.LinkColumn(t("col_url", lang)),
                t("axis_year", lang): st.column_config.NumberColumn(format="%d"),
            },
        )
    else:
        st.caption(t("history_none", lang))
    _delete_box(listed, lang, user, can_write)
    last = undo.last()
    if last is not None and last.text == "undo_figure_delete":
        undo.button(lang, key="undo_figures")
    _form(lang, user, can_write)
    # What the form's button or the delete did, under them (where the user's eyes are).
    for kind, text in st.session_state.pop(MESSAGES, []):
        getattr(st, kind)(text)
