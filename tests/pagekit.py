"""Shared helpers for the AppTest tests of the page."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from report.text import TEXT

APP = str(Path(__file__).resolve().parents[1] / "app.py")


PAGE_TIMEOUT_S = 60  # one run of the page, on a busy 2-core machine


def new_page(
    query: dict[str, str] | None = None, tab: str | None = None, lang: str = "zh", session: dict | None = None
) -> AppTest:
    """The page as AppTest will run it, not run yet: link values ``query``, the tab keyed ``tab`` open
    (named in ``lang``), ``session`` in its session state. Set secrets or a user before running it."""
    at = AppTest.from_file(APP, default_timeout=PAGE_TIMEOUT_S)
    if query:
        at.query_params.update(query)
    if tab:
        at.session_state["tab"] = TEXT[tab][lang]
    for key, value in (session or {}).items():
        at.session_state[key] = value
    return at


def run_page(
    query: dict[str, str] | None = None, tab: str | None = None, lang: str = "zh", session: dict | None = None
) -> AppTest:
    """Run the page once (see ``new_page``) and check it raised nothing."""
    at = new_page(query, tab, lang, session)
    at.run()
    assert not at.exception, at.exception
    return at


def run(at: AppTest) -> AppTest:
    """Run the page again (after a widget or the session state was set) and check it raised nothing."""
    at.run()
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, key: str, lang: str) -> AppTest:
    """Open the tab keyed ``key`` (named in ``lang``) and run the page."""
    at.session_state["tab"] = TEXT[key][lang]
    return run(at)


def save_as(at: AppTest, name: str) -> AppTest:
    """Save the page's scenario in the library as ``name`` (the Chinese page's save form)."""
    at.text_input(key="save_name").input(name)
    at.button(key="FormSubmitter:save_form-" + TEXT["save_button"]["zh"]).click()
    return run(at)


def deferred_files(monkeypatch) -> dict[str, Callable[[], object]]:
    """What each download button with callable data would make when clicked, by its
    ``proto.deferred_file_id``: AppTest registers the callable and never calls it (a browser's click
    does). Call before the page runs; call ``files[button.proto.deferred_file_id]()`` for the file."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    files: dict[str, Callable[[], object]] = {}
    add = MediaFileManager.add_deferred

    def record(self, data_callable, *args, **kwargs) -> str:
        file_id = add(self, data_callable, *args, **kwargs)
        files[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return files


def download(at: AppTest, files: dict[str, Callable[[], object]], key: str) -> bytes:
    """The file the download button ``key`` of the page as drawn last makes when clicked."""
    [button] = [b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}")]
    data = files[button.proto.deferred_file_id]()
    return data.encode("utf-8") if isinstance(data, str) else data


def shown(markdown: str) -> str:
    """The text a reader sees for Markdown whose user text went through ``report.plain.md_text``:
    backslash escapes resolved, the invisible word joiners and no-break spaces made plain."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "").replace("\u00a0", " ")


def texts(at: AppTest) -> str:
    """The page's Markdown, captions, info and warning boxes as drawn last, one a line, as written."""
    return "\n".join(m.value for m in (*at.markdown, *at.caption, *at.info, *at.warning))


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


HISTORY_HEADER = (
    "year,region,metric,value,period,publication,publication_en,date,url,quote_zh,confidence,note_zh,note_en"
)
# Made-up official figures for the page tests (never shipped): two published years for Dezhou, a
# low-confidence row that must not be used, a partial-year row, and one year for Shandong.
TEST_HISTORY = [
    "2024,dezhou,va_growth_pct,7.0,full-year,测试公报甲,Test bulletin A,2025-03-01,https://example.org/a,2024年规上工业增加值增长7.0%。,high,测试,test",
    "2025,dezhou,va_growth_pct,6.5,full-year,测试公报乙,Test bulletin B,2026-03-01,https://example.org/b,2025年规上工业增加值增长6.5%。,medium,测试,test",
    "2025,dezhou,va_growth_pct,9.9,full-year,测试网文,Test web page,2026-04-01,https://example.org/c,增长9.9%。,low,测试,test",
    "2025,dezhou,va_growth_pct,6.8,Jan-Jul,测试日报,Test daily,2025-08-20,https://example.org/d,前7个月增长6.8%。,medium,测试,test",
    "2024,shandong,va_growth_pct,7.5,full-year,测试省公报,Test province bulletin,2025-03-02,https://example.org/e,全省增长7.5%。,high,测试,test",
]
TARGETS_HEADER = (
    "id,region,metric,year,value,kind,from_year,publication,publication_en,date,url,quote_zh,confidence,"
    "note_zh,note_en,label_zh,label_en"
)
TEST_TARGETS = [
    "t1,dezhou,va_growth_pct,2026,7.0,growth_year,2023,测试报告,Test report,2026-01-10,https://example.org/t,"
    "2026年规上工业增加值增长7%。,high,测试,test,测试目标：2026年增长7%,Test target: 7% in 2026",
    "t2,dezhou,revenue,2026,3000,level,2023,测试报告,Test report,2026-01-10,https://example.org/t,"
    "营业收入3000亿元。,high,测试,test,测试目标：营业收入,Test target: revenue",
]


def use_test_data(tmp_path: Path, monkeypatch) -> dict[int, float]:
    """Point the model at the made-up history and targets above; return Dezhou's observed growth.

    The page's caches hold results made with the shipped files, so they are cleared (before, and
    by the caller's teardown through ``clear_caches``)."""
    import model.history
    import model.targets

    (tmp_path / "history.csv").write_text("\n".join([HISTORY_HEADER, *TEST_HISTORY]) + "\n", encoding="utf-8")
    (tmp_path / "targets.csv").write_text("\n".join([TARGETS_HEADER, *TEST_TARGETS]) + "\n", encoding="utf-8")
    monkeypatch.setattr(model.history, "DATA_DIR", tmp_path)
    monkeypatch.setattr(model.targets, "DATA_DIR", tmp_path)
    clear_caches()
    return {2024: 7.0, 2025: 6.5}


def clear_caches() -> None:
    import streamlit as st

    import model.history
    import model.targets

    model.history.load_history.cache_clear()
    model.targets.load_targets.cache_clear()
    st.cache_data.clear()


def without_official_targets(tmp_path: Path, monkeypatch) -> None:
    """Point the model at a folder without targets.csv (the shipped targets are still being sourced)."""
    import model.targets

    monkeypatch.setattr(model.targets, "DATA_DIR", tmp_path)
    clear_caches()
