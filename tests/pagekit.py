"""Shared helpers for the AppTest tests of the page."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.text import TEXT

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def run_page(query: dict[str, str] | None = None, tab: str | None = None, lang: str = "zh") -> AppTest:
    """Run the page once (optionally with link values, on another tab) and check it raised nothing."""
    at = AppTest.from_file(APP, default_timeout=60)
    if query:
        at.query_params.update(query)
    if tab:
        at.session_state["tab"] = TEXT[tab][lang]
    at.run()
    assert not at.exception, at.exception
    return at


def chart_titles(at: AppTest) -> list[str]:
    return [json.loads(c.proto.spec)["title"] for c in at.get("vega_lite_chart")]


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def chart_data(at: AppTest) -> list[bytes]:
    """Each chart's data as sent to the browser (Arrow bytes), main dataset and named ones."""
    out = []
    for c in at.get("vega_lite_chart"):
        proto = c.proto
        out.append(proto.data.data + b"".join(d.data.data for d in proto.datasets))
    return out
