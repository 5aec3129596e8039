"""Meeting downloads on the page: chart images (PNG at twice the size, SVG) and the PowerPoint brief.

Every file is made only when its button is clicked (callable data), so none of this costs a rerun.
:func:`deck_images` gives the deck's three charts of a scenario (model version 2: value added against
the article's plan, what the levers change, investment) for :func:`chart_images`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import altair as alt
import streamlit as st

from model.history import History
from model.lang import Lang
from model.parameters import Scenario, default_scenario
from model.projection import plan_of
from model.results import Fan, compute_results
from model.scenario_file import NamedScenario, load_presets
from report import deck_charts
from report.brief import build_deck
from report.images import chart_png, chart_svg
from report.text import t
from ui.compute import projection

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def chart_images(
    container: Any, charts: Sequence[tuple[str, str, Callable[[], alt.TopLevelMixin]]], lang: Lang
) -> None:
    """A popover with a PNG and an SVG button per chart: (key, title, chart builder)."""
    with container.popover(t("images", lang), icon=":material/image:"):
        st.caption(t("images_help", lang))
        for key, title, build in charts:
            a, b = st.columns(2)
            a.download_button(
                f"{title} · PNG",
                data=lambda build=build: chart_png(build()),
                file_name=f"dezhou-{key}.png",
                mime="image/png",
                on_click="ignore",
                key=f"png_{key}",
            )
            b.download_button(
                f"{title} · SVG",
                data=lambda build=build: chart_svg(build()).encode("utf-8"),
                file_name=f"dezhou-{key}.svg",
                mime="image/svg+xml",
                on_click="ignore",
                key=f"svg_{key}",
            )


ChartItem = tuple[str, str, Callable[[], alt.TopLevelMixin]]


def deck_images(scenario: Scenario, lang: Lang, red_up: bool | None, history: History) -> list[ChartItem]:
    """The deck's charts of ``scenario`` as (key, title, builder) for :func:`chart_images`: total value
    added against the article's plan, what the levers change against it, investment a year (the
    tables from the page's cache, with the official figures ``history``)."""

    def frame():
        return projection(scenario, history)

    def total():
        return deck_charts.total_chart(frame(), projection(plan_of(scenario), history), lang, history)

    return [
        ("value-added-vs-plan", t("deck_chart_total", lang), total),
        ("levers-change", t("chart_change_title", lang), lambda: deck_charts.policy_chart(frame(), lang, red_up)),
        ("investment", t("deck_chart_investment", lang), lambda: deck_charts.investment_chart(frame(), lang)),
    ]


def scenario_name(scenario: Scenario, lang: Lang, saved: tuple[str, Scenario] | None = None) -> str:
    """The name of the scenario the controls hold, when it has one: the saved scenario loaded from
    the library (``saved``: its name, the scenario the controls held once it was loaded) while the
    controls still hold it; else the baseline (every default), or the preset it equals; else the
    saved scenario's name marked adjusted; else "" (the deck then calls it "this scenario").

    The name is returned as the user typed it: the deck writes text as text; the page shows it
    through ``report.plain.md_text``."""
    if saved is not None and saved[1] == scenario:
        return saved[0]
    if scenario == default_scenario():
        return t("scenario_baseline_name", lang)
    for preset in load_presets():
        if preset.scenario == scenario:
            return preset.name_en if lang == "en" and preset.name_en else preset.name
    if saved is not None:
        return t("scenario_adjusted", lang, name=saved[0])
    return ""


def deck(
    container: Any,
    items: Callable[[], list[NamedScenario]],
    lang: Lang,
    key: str,
    *,
    history: History,
    red_up: bool | None = None,
    fans: Callable[[], list[Fan | None]] = list,
) -> None:
    """A button that builds the PowerPoint brief of ``items()`` in ``lang``, with the colours for up
    and down the page uses (``red_up``) and the uncertainty fans ``fans()`` gives, computed with the
    official figures ``history`` (the data's and those added on the page) when it is clicked."""

    def data() -> bytes:
        results = compute_results(items(), history=history, fans=fans(), projection=projection)
        return build_deck(results, lang, red_up=red_up)

    container.download_button(
        t("deck", lang),
        data=data,
        file_name=f"dezhou-brief-{lang}.pptx",
        mime=PPTX,
        help=t("deck_help", lang),
        on_click="ignore",
        key=key,
        icon=":material/slideshow:",
    )
