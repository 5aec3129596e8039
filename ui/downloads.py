"""Meeting downloads on the page: chart images (PNG at twice the size, SVG) and the PowerPoint brief.

Every file is made only when its button is clicked (callable data), so none of this costs a rerun.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import altair as alt
import streamlit as st

from model.scenario_file import NamedScenario
from ui.brief import build_deck
from ui.images import chart_png, chart_svg
from ui.text import t

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def chart_images(container: Any, charts: Sequence[tuple[str, str, Callable[[], alt.TopLevelMixin]]], lang: str) -> None:
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


def deck(container: Any, items: Callable[[], list[NamedScenario]], lang: str, key: str) -> None:
    """A button that builds the PowerPoint brief of ``items()`` in ``lang``."""
    container.download_button(
        t("deck", lang),
        data=lambda: build_deck(items(), lang),
        file_name=f"dezhou-brief-{lang}.pptx",
        mime=PPTX,
        help=t("deck_help", lang),
        on_click="ignore",
        key=key,
        icon=":material/slideshow:",
    )
