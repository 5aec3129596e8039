"""Charts as image files (PNG, SVG) for slides and documents, with Chinese text that renders.

vl-convert (Altair's own image export) draws text with the fonts it can find. A CJK font comes with
``pip install -r requirements.txt`` (the ``noto-cjk-sans-otc`` package: Noto Sans CJK, the same file
as Debian's fonts-noto-cjk); where that package is missing, the system's Noto CJK folders are used.
Charts are exported in that font ("Noto Sans CJK SC", Latin included), so Chinese and English look
alike on every machine. No streamlit here.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert as vlc

EXPORT_FONT = "Noto Sans CJK SC"
DEFAULT_WIDTH = 800  # px of the plotting area when a chart has none (on the page it fills the column)
FONT_PACKAGE = "noto_cjk_sans_otc"
FONT_FILE_STEM = "NotoSansCJK"
# Where Linux distributions put Noto CJK (Debian/Ubuntu fonts-noto-cjk, Fedora, Arch, Alpine).
SYSTEM_FONT_DIRS = (
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/opentype/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/noto",
)
_GENERIC_FONTS = {"", "sans-serif", "sans serif"}
# Pictures drawn lately, by their spec: a deck made again (the same scenario in another meeting, the
# page's button pressed twice) reuses its charts instead of drawing each again (0.3 to 0.5 s a chart).
# A chart's picture is 50 to 300 kB: 32 of them hold at most about 10 MB.
PNG_CACHE_SIZE = 32

_lock = threading.Lock()
_registered: list[Path] | None = None


def _package_font_dir() -> Path | None:
    try:
        from importlib.resources import files

        folder = Path(str(files(FONT_PACKAGE)))
    except (ImportError, TypeError):  # not installed
        return None
    return folder if any(folder.glob(f"{FONT_FILE_STEM}*")) else None


def font_directories(system_dirs: Iterable[str] = SYSTEM_FONT_DIRS) -> list[Path]:
    """The folders holding a Noto CJK font: the pip package's first, else the system's."""
    package = _package_font_dir()
    if package is not None:
        return [package]
    return [Path(d) for d in system_dirs if Path(d).is_dir() and any(Path(d).glob(f"{FONT_FILE_STEM}*"))]


def ensure_fonts() -> list[Path]:
    """Register the CJK font folders with vl-convert, once per process; return them.

    An empty list means no CJK font was found: Chinese text would come out as empty boxes.
    """
    global _registered
    with _lock:
        if _registered is None:
            found = font_directories()
            for folder in found:
                vlc.register_font_directory(str(folder))
            _registered = found
        return list(_registered)


def _vl_version() -> str:
    # vl-convert names Vega-Lite versions "v6_4"; Altair knows which one its specs are written for.
    return "_".join(alt.SCHEMA_VERSION.split(".")[:2])


def export_spec(chart: alt.TopLevelMixin, width: int | None = DEFAULT_WIDTH) -> dict[str, Any]:
    """The chart's Vega-Lite spec for export: the CJK font, and a fixed width where it has none.

    The chart itself is left as it is (a copy of its spec is changed).
    """
    spec = chart.to_dict()
    if width is not None and spec.get("width") in (None, "container") and not _is_composite(spec):
        spec["width"] = width
    config = spec.setdefault("config", {})
    if str(config.get("font", "")).strip().lower() in _GENERIC_FONTS:
        config["font"] = EXPORT_FONT
    return spec


def _is_composite(spec: dict[str, Any]) -> bool:
    return any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat"))


def chart_png(chart: alt.TopLevelMixin, scale: float = 2, width: int | None = DEFAULT_WIDTH) -> bytes:
    """The chart as a PNG, ``scale`` times its size in pixels (2 is sharp on a projector)."""
    ensure_fonts()
    return _png(json.dumps(export_spec(chart, width), sort_keys=True), _vl_version(), scale)


@functools.lru_cache(maxsize=PNG_CACHE_SIZE)
def _png(spec: str, vl_version: str, scale: float) -> bytes:
    return vlc.vegalite_to_png(json.loads(spec), vl_version=vl_version, scale=scale, allowed_base_urls=[])


def chart_svg(chart: alt.TopLevelMixin, width: int | None = DEFAULT_WIDTH) -> str:
    """The chart as SVG text; labels stay ``<text>`` elements (searchable, editable)."""
    ensure_fonts()
    return vlc.vegalite_to_svg(export_spec(chart, width), vl_version=_vl_version(), allowed_base_urls=[])
