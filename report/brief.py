"""A meeting deck (PowerPoint, 16:9) of one scenario or several compared, in Chinese or English
(model version 2: the article's plan is the baseline; the levers show what they change against it).

Slides: a title slide naming the scenario; for each scenario its headline figures (with the change
from the article's defaults, and what the levers change against the article's plan), its total value
added against the plan (published years marked, its line named), what the levers change
(``policy_va``) on a chart of its own, its investment, its uncertainty fan when one was computed, and
its targets with the gap to each; for several scenarios a comparison chart and table; the backtest;
for each scenario its economy assumptions, policy levers and choices apart (value, default, unit,
provenance); the sources of each kind in compact tables with every one's reasoning. Changes are
coloured up and down by the reader's convention (red for up in Chinese, green in English, unless
told). Body type is 18 pt or more, the sources tables 12 pt. No streamlit here: the page and the
command line (``python -m model brief``) both call :func:`build_deck`.
"""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Inches, Pt

from model.backtest import backtest
from model.history import History
from model.parameters import ScenarioError, default_scenario, fmt_number
from model.problems import problem
from model.projection import headline, project
from model.scenario_file import NamedScenario
from model.targets import CHECKABLE_METRICS
from report import deck_charts
from report.charts import COMPARE_COLOURS, fan_chart, red_for_up, up_down_colours
from report.images import chart_png
from report.scenario_exports import compare_table
from report.sheets import MONTH_NAMES, ROLE_ORDER, grouped_specs, target_rows
from report.text import LANGS, t

MAX_SCENARIOS = len(COMPARE_COLOURS)  # the comparison chart has a colour for each

# Layout, in inches, of a 13.333 × 7.5 in (16:9) slide.
SLIDE_W, SLIDE_H = 13.333, 7.5
MARGIN = 0.6
BODY_W = SLIDE_W - 2 * MARGIN
TITLE_TOP, TITLE_H = 0.3, 1.05
BODY_TOP, BODY_BOTTOM = 1.5, 7.15
TITLE_PT, BODY_PT, TABLE_PT, FIGURE_PT = 32, 20, 18, 44  # points
LATIN_FONT, EAST_ASIAN_FONT = "Arial", "Microsoft YaHei"  # 微软雅黑: on every Windows and Office
INK, MUTED, ACCENT, CARD = "222222", "555555", "0072B2", "EEF3F8"
CHART_WIDTH_PX, CHART_HEIGHT_PX = 680, 230  # plot size of exported charts: wide, with type that reads


def _date(day: date, lang: str) -> str:
    return t("deck_date", lang, year=day.year, month=day.month, day=day.day, month_name=MONTH_NAMES[day.month - 1])


# --- text measuring (for page breaks and title sizes; a close estimate is enough) -----------------


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


_NARROW, _THIN, _BROAD = set("ijlI.,;:'!|"), set("ftr ()[]-"), set("mwMW@%")


def _ems(text: str) -> float:
    """Width of a text in ems, roughly as Arial and a CJK font set it."""
    total = 0.0
    for ch in text:
        if _wide(ch):
            total += 1.0
        elif ch in _NARROW:
            total += 0.24
        elif ch in _THIN:
            total += 0.31
        elif ch in _BROAD:
            total += 0.83
        elif ch.isupper():
            total += 0.68
        else:
            total += 0.54
    return total


def _tokens(text: str) -> list[str]:
    """Where a line may break: after each CJK character, and between words."""
    out: list[str] = []
    for ch in text:
        if _wide(ch) or not out or _wide(out[-1][-1]) or (out[-1][-1] == " " and ch != " "):
            out.append(ch)
        else:
            out[-1] += ch
    return out


def _part_lines(part: str, width_in: float, size_pt: float) -> int:
    """Lines a paragraph wraps to, breaking greedily as a slide program does."""
    per_line = max(width_in * 72 / size_pt * 0.98, 1.0)
    lines, used = 1, 0.0
    for token in _tokens(part):
        word = _ems(token.rstrip(" "))
        space = _ems(token) - word
        if used and used + word > per_line:
            lines, used = lines + 1, 0.0
        while word > per_line:  # a word longer than the line breaks anywhere
            lines, word = lines + 1, word - per_line
        used += word + space
    return lines


def _lines(text: str, width_in: float, size_pt: float) -> int:
    return sum(_part_lines(part, width_in, size_pt) for part in str(text).split("\n"))


def _height(text: str, width_in: float, size_pt: float) -> float:
    """Inches a wrapped text takes; CJK fonts set lines further apart than Latin ones."""
    total = 0.0
    for part in str(text).split("\n"):
        spacing = 1.45 if any(_wide(ch) for ch in part) else 1.2
        total += _part_lines(part, width_in, size_pt) * size_pt * spacing / 72
    return total


# --- drawing --------------------------------------------------------------------------------------


def _style_run(run: Any, size: float, lang: str, *, bold: bool = False, color: str | None = INK) -> None:
    font = run.font
    font.size = Pt(size)
    font.bold = bold
    font.name = LATIN_FONT
    if color:
        font.color.rgb = RGBColor.from_string(color)
    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", "zh-CN" if lang == "zh" else "en-US")
    # python-pptx sets only the Latin typeface; Chinese text takes the East Asian one (<a:ea>).
    for old in rpr.findall(qn("a:ea")):
        rpr.remove(old)
    ea = OxmlElement("a:ea")
    ea.set("typeface", EAST_ASIAN_FONT)
    rpr.find(qn("a:latin")).addnext(ea)


Para = tuple[str, float, bool, str | None]  # text, size in points, bold, colour


def _fill(frame: Any, paragraphs: Sequence[Para], lang: str, align: Any = None, gap_pt: float = 4) -> None:
    """Write paragraphs into a text frame, replacing what was there; ``gap_pt`` between them."""
    frame.word_wrap = True
    frame.clear()
    for n, (text, size, bold, color) in enumerate(paragraphs):
        para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        if n:
            para.space_before = Pt(gap_pt)
        if align is not None:
            para.alignment = align
        run = para.add_run()
        run.text = text
        _style_run(run, size, lang, bold=bold, color=color)


class _Deck:
    def __init__(self, lang: str, history: History | None = None):
        self.lang = lang
        self.history = history  # the official figures every computation of the deck uses
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)

    def slide(self, title: str, top: float = TITLE_TOP, height: float = TITLE_H, size: float = TITLE_PT) -> Any:
        """A new slide with ``title`` in its title placeholder (layout 5 is "Title Only")."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = (
            Inches(MARGIN),
            Inches(top),
            Inches(BODY_W),
            Inches(height),
        )
        size = next((s for s in (size, 28, 24) if s <= size and _lines(title, BODY_W - 0.2, s) <= 2), 24)
        _fill(shape.text_frame, [(title, size, True, INK)], self.lang, align=PP_ALIGN.LEFT)
        shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        return slide

    def text(self, slide: Any, top: float, height: float, paragraphs: Sequence[Para], gap_pt: float = 4) -> Any:
        """A text box across the body, ``height`` inches tall from ``top``."""
        box = slide.shapes.add_textbox(Inches(MARGIN), Inches(top), Inches(BODY_W), Inches(height))
        _fill(box.text_frame, paragraphs, self.lang, gap_pt=gap_pt)
        return box

    def picture(self, slide: Any, png: bytes, top: float = BODY_TOP, bottom: float = BODY_BOTTOM) -> Any:
        """The image as large as fits between ``top`` and ``bottom``, centred."""
        from PIL import Image  # python-pptx depends on Pillow

        with Image.open(io.BytesIO(png)) as img:
            ratio = img.width / img.height
        width, height = BODY_W, BODY_W / ratio
        if height > bottom - top:
            height, width = bottom - top, (bottom - top) * ratio
        left = (SLIDE_W - width) / 2
        return slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top), Inches(width), Inches(height))

    def table(
        self,
        slide: Any,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        top: float = BODY_TOP,
        highlight: set[tuple[int, int]] = frozenset(),
        align_right: set[int] = frozenset(),
        size: float = TABLE_PT,
        colours: dict[tuple[int, int], str] | None = None,
    ) -> Any:
        """A table at ``size`` points (18 unless told); cells in ``highlight`` (row, column) are bold
        and blue; ``colours`` gives a cell's text its own colour."""
        # Rows as tall as their text needs (estimated): PowerPoint grows a short row, but some
        # programs do not when they set Chinese in a fallback font.
        heights = [_row_height(row, widths, size) for row in [header, *rows]]
        shape = slide.shapes.add_table(
            len(rows) + 1, len(header), Inches(MARGIN), Inches(top), Inches(sum(widths)), Inches(sum(heights))
        )
        table = shape.table
        for c, w in enumerate(widths):
            table.columns[c].width = Inches(w)
        for row, height in zip(table.rows, heights, strict=True):
            row.height = Inches(height)
        for r, values in enumerate([header, *rows]):
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                cell.margin_top = cell.margin_bottom = Inches(CELL_PAD_H / 2)
                marked = (r - 1, c) in highlight
                color = None if r == 0 else (ACCENT if marked else INK)
                if r > 0 and colours and (r - 1, c) in colours:
                    color = colours[(r - 1, c)]
                align = PP_ALIGN.RIGHT if c in align_right and r > 0 else None
                _fill(cell.text_frame, [(str(value), size, r == 0 or marked, color)], self.lang, align=align)
        return shape

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        self.prs.save(buf)
        return buf.getvalue()


CELL_PAD_W, CELL_PAD_H = 0.2, 0.08  # cell margins: left+right (python-pptx's), top+bottom (set below)


def _row_height(values: Sequence[str], widths: Sequence[float], size: float = TABLE_PT) -> float:
    """A row's height, estimated a little generously (as if bold) for page breaks."""
    return max(_height(str(v), (w - CELL_PAD_W) / 1.03, size) for v, w in zip(values, widths, strict=True)) + CELL_PAD_H


def _greedy(heights: Sequence[float], head: float, room: float) -> list[list[int]]:
    pages: list[list[int]] = [[]]
    used = head
    for n, h in enumerate(heights):
        if pages[-1] and used + h > room:
            pages.append([])
            used = head
        pages[-1].append(n)
        used += h
    return pages


def _pages(
    rows: list[list[str]], header: list[str], widths: Sequence[float], room: float, size: float = TABLE_PT
) -> list[list[int]]:
    """Split row indices into pages whose table (header included) fits in ``room`` inches, as
    evenly as the fewest pages allow."""
    head = _row_height(header, widths, size)
    heights = [_row_height(row, widths, size) for row in rows]
    pages = _greedy(heights, head, room)
    low, high = head + max(heights, default=0.0), room
    for _ in range(30):  # the smallest room that needs no more pages: balanced pages
        mid = (low + high) / 2
        if len(_greedy(heights, head, mid)) <= len(pages):
            high = mid
        else:
            low = mid
    return _greedy(heights, head, high)


# --- content --------------------------------------------------------------------------------------


def _name(item: NamedScenario, lang: str) -> str:
    name = item.name_en if lang == "en" and item.name_en else item.name
    return name or t("series_scenario", lang)


def _description(item: NamedScenario, lang: str) -> str:
    return (item.description_en or item.description_zh) if lang == "en" else (item.description_zh or "")


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _shown(spec: Any, value: Any, lang: str) -> str:
    if spec.kind == "bool":
        return t("yes" if value else "no", lang)
    return fmt_number(value)


METRICS = (  # (label key, headline key, format); as on the page
    ("metric_va", "va_total", "{:,.1f}"),
    ("metric_growth", "avg_growth_pct", "{:.2f}"),
    ("metric_fund", "cum_fund_investment", "{:,.1f}"),
    ("deck_metric_policy", "policy_va", "{:+,.1f}"),
)


def _delta_text(key: str, delta: float, fmt: str, lang: str) -> str:
    if abs(delta) < 5e-10:
        return t("delta_same", lang)
    shown = fmt.replace("{:", "{:+").format(delta)
    return t("delta_points" if key == "avg_growth_pct" else "delta", lang, delta=shown)


def _title_slide(deck: _Deck, names: list[str], items: list[NamedScenario], lang: str, today: date) -> None:
    slide = deck.slide(t("deck_title", lang), top=1.5, height=1.3, size=40)
    if len(items) == 1:
        lines: list[Para] = [(t("deck_scenario", lang, name=names[0]), 28, True, ACCENT)]
        if _description(items[0], lang):
            lines.append((_description(items[0], lang), BODY_PT, False, MUTED))
    else:
        joined = t("name_sep", lang).join(names)
        lines = [(t("deck_compare", lang, n=len(items), names=joined), 28, True, ACCENT)]
    lines += [
        (_date(today, lang), BODY_PT, False, INK),
        (t("deck_article", lang), BODY_PT, False, INK),
        (t("deck_model_line", lang), BODY_PT, False, MUTED),
    ]
    deck.text(slide, 3.0, BODY_BOTTOM - 3.0, lines, gap_pt=14)


NOTE_H = 0.5  # a one-line note at the foot of the body


def _note(deck: _Deck, slide: Any, text: str) -> None:
    deck.text(slide, BODY_BOTTOM - NOTE_H + 0.05, NOTE_H, [(text, 18, False, MUTED)])


def _signed(value: float, red_up: bool) -> str:
    """The colour of a change: up and down by the convention (report.charts.red_for_up), else the accent."""
    if abs(value) < 5e-10:
        return MUTED
    up, down = up_down_colours(red_up)
    return (up if value > 0 else down).lstrip("#")


def _headline_slide(deck: _Deck, name: str, item: NamedScenario, frame: pd.DataFrame, lang: str, red_up: bool) -> None:
    """Four cards: value added, average growth and cumulative fund investment with their change from
    the article's defaults (same last year); what the levers change against the article's plan. A
    change is coloured up or down by the convention ``red_up``."""
    slide = deck.slide(t("slide_headline", lang, name=name))
    now = headline(frame)
    year = now["final_year"]
    base = headline(project(default_scenario().replace({"horizon_end": year}), history=deck.history))
    top = BODY_TOP
    description = _description(item, lang)
    if description:
        height = min(_height(description, BODY_W - 0.2, BODY_PT), 1.0) + 0.1
        deck.text(slide, top, height, [(description, BODY_PT, False, MUTED)])
        top += height + 0.1
    gap = 0.25
    card_w = (BODY_W - gap) / 2
    card_h = (BODY_BOTTOM - NOTE_H - top - gap) / 2
    for n, (label, key, fmt) in enumerate(METRICS):
        left = MARGIN + (n % 2) * (card_w + gap)
        card_top = top + (n // 2) * (card_h + gap)
        card = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, Inches(left), Inches(card_top), Inches(card_w), Inches(card_h)
        )
        card.adjustments[0] = 0.08
        card.fill.solid()
        card.fill.fore_color.rgb = RGBColor.from_string(CARD)
        card.line.fill.background()
        card.shadow.inherit = False
        text = card.text_frame
        text.vertical_anchor = MSO_ANCHOR.MIDDLE
        text.margin_left = text.margin_right = Inches(0.25)
        if key == "policy_va":  # itself a change: against the plan, net of additionality
            below = t("deck_policy_card", lang, additionality=fmt_number(item.scenario.additionality))
            figure_colour, below_colour = _signed(now[key], red_up), ACCENT
        else:
            below = _delta_text(key, now[key] - base[key], fmt, lang)
            figure_colour, below_colour = INK, _signed(now[key] - base[key], red_up)
        figures: list[Para] = [
            (t(label, lang, year=year), BODY_PT, False, MUTED),
            (_number(fmt, now[key]), FIGURE_PT, True, figure_colour if figure_colour != MUTED else INK),
            (below, BODY_PT, False, below_colour),
        ]
        _fill(text, figures, lang, align=PP_ALIGN.LEFT)
    _note(deck, slide, t("deck_headline_note", lang, year=year))


def _chart_png(chart: Any) -> bytes:
    # A plot this size keeps the chart's 14 px labels near 16 pt once the picture fills the slide.
    return chart_png(chart.properties(height=CHART_HEIGHT_PX), scale=3, width=CHART_WIDTH_PX)


@dataclasses.dataclass(frozen=True)
class Fan:
    """A Monte Carlo fan computed for a scenario (model.analysis.monte_carlo): its percentiles, and
    the draws and seed that made them."""

    percentiles: pd.DataFrame
    draws: int
    seed: int


def _chart_slides(
    deck: _Deck, name: str, item: NamedScenario, frame: pd.DataFrame, lang: str, red_up: bool, fan: Fan | None
) -> None:
    """Total value added against the article's plan; what the levers change; investment a year; the
    fan of the uncertainty range when one was computed. The scenario's own line is named."""
    plan = project(deck_charts.plan_of(item.scenario), history=deck.history)
    levels = [
        (row["label"], row["year"], row["target"])
        for row in target_rows(item, frame, lang)
        if row["kind"] == "level" and row["metric"] != "revenue" and row["achieved"] is not None
    ]
    slide = deck.slide(t("slide_chart", lang, name=name))
    chart = deck_charts.total_chart(frame, plan, lang, label=name, targets=levels)
    deck.picture(slide, _chart_png(chart), bottom=BODY_BOTTOM - NOTE_H)
    _note(deck, slide, t("deck_total_note", lang))

    slide = deck.slide(t("deck_slide_policy", lang, name=name))
    deck.picture(slide, _chart_png(deck_charts.policy_chart(frame, lang, red_up)), bottom=BODY_BOTTOM - NOTE_H)
    if (frame["policy_va"].abs() < 5e-10).all():
        _note(deck, slide, t("deck_policy_zero", lang))
    else:
        _note(deck, slide, t("deck_policy_note", lang, additionality=fmt_number(item.scenario.additionality)))

    slide = deck.slide(t("deck_slide_investment", lang, name=name))
    deck.picture(slide, _chart_png(deck_charts.investment_chart(frame, lang)))

    if fan is not None:
        published = [int(y) for y in frame.loc[frame["status"] == "published", "year"]]
        slide = deck.slide(t("deck_slide_fan", lang, name=name))
        chart = fan_chart(fan.percentiles, lang, published, label=name)
        deck.picture(slide, _chart_png(chart), bottom=BODY_BOTTOM - NOTE_H)
        _note(deck, slide, t("deck_fan_note", lang, draws=f"{fan.draws:,}", seed=fan.seed))


COMPARE_FORMATS = {
    "final_year": "{:d}",
    "va_total": "{:,.1f}",
    "avg_growth_pct": "{:.2f}",
    "cum_fund_investment": "{:,.1f}",
    "policy_va": "{:+,.1f}",
    "va_diff_vs_defaults": "{:+,.1f}",
}


def _number(fmt: str, value: float) -> str:
    shown = fmt.format(value)
    return shown.lstrip("+-") if shown.lstrip("+-").strip("0.,") == "" else shown  # "+0.0" and "-0.0" → "0.0"


SIGNED_ROWS = ("policy_va", "va_diff_vs_defaults")  # changes: coloured up or down


def _compare_slides(
    deck: _Deck, names: list[str], items: list[NamedScenario], frames: list[pd.DataFrame], lang: str, red_up: bool
) -> None:
    """The compared scenarios' value added in one chart (the article's defaults dashed, in a colour
    no scenario uses), then their headline figures side by side, changes coloured up or down."""
    slide = deck.slide(t("slide_compare_chart", lang))
    last = max(int(f["year"].iloc[-1]) for f in frames)
    baseline = project(default_scenario().replace({"horizon_end": last}), history=deck.history)
    chart = deck_charts.compare_chart(dict(zip(names, frames, strict=True)), baseline, lang)
    deck.picture(slide, _chart_png(chart))

    slide = deck.slide(t("slide_compare_table", lang))
    shown = [dataclasses.replace(item, name=name) for item, name in zip(items, names, strict=True)]
    table = compare_table(shown)
    rows = [
        [t("cmp_" + col, lang), *(_number(fmt, v) for v in table[col].tolist())] for col, fmt in COMPARE_FORMATS.items()
    ]
    label_w = 4.3
    widths = [label_w] + [(BODY_W - label_w) / len(names)] * len(names)
    colours = {
        (r, c + 1): _signed(value, red_up)
        for r, col in enumerate(COMPARE_FORMATS)
        if col in SIGNED_ROWS
        for c, value in enumerate(table[col].tolist())
    }
    header = [t("cmp_scenario", lang), *names]
    deck.table(slide, header, rows, widths, align_right=set(range(1, len(names) + 1)), colours=colours)


def _paged(deck: _Deck, title: str, pages: Sequence[Any]) -> list[tuple[Any, Any]]:
    """A slide per page, titled ``title`` and numbered (1/n) … (n/n) when there are several."""
    out = []
    for n, page in enumerate(pages, start=1):
        full = title + (t("slide_page", deck.lang, page=n, pages=len(pages)) if len(pages) > 1 else "")
        out.append((deck.slide(full), page))
    return out


def _assumption_slides(deck: _Deck, name: str, item: NamedScenario, lang: str) -> None:
    """Economy assumptions, policy levers and modelling choices apart, each on its own slides: label,
    value, default, unit, provenance; a value off its default in bold blue."""
    values = item.scenario.to_dict()
    header = [t(k, lang) for k in ("col_parameter", "col_value", "col_default", "col_unit", "col_provenance")]
    widths = [BODY_W - 6.85, 1.4, 1.4, 2.3, 1.75]
    for role in ROLE_ORDER:
        specs = [spec for spec in grouped_specs() if spec.role == role]
        if not specs:
            continue
        rows, changed = [], []
        for spec in specs:
            value = values[spec.key]
            rows.append(
                [
                    spec.label(lang),
                    _shown(spec, value, lang),
                    _shown(spec, spec.default, lang),
                    spec.unit(lang),
                    t("prov_" + spec.provenance, lang),
                ]
            )
            changed.append(value != spec.default)
        pages = _pages(rows, header, widths, BODY_BOTTOM - BODY_TOP - NOTE_H)
        title = t("deck_slide_params", lang, name=name, role=t("deck_role_" + role, lang))
        for slide, page in _paged(deck, title, pages):
            marked = {(r, c) for r, i in enumerate(page) if changed[i] for c in (0, 1)}
            deck.table(slide, header, [rows[i] for i in page], widths, highlight=marked, align_right={1, 2})
            if any(changed[i] for i in page):
                _note(deck, slide, t("changed_note", lang))


def _source_text(spec: Any, lang: str) -> str:
    """Where a default comes from: the article's sentence (in English decks with the gloss); for an
    outside figure the publication, date, address and sentence; for an assumption what it cites."""
    where = [part for part in (spec.publication_name(lang), spec.date, spec.url) if part]
    if spec.provenance == "article":
        where = []  # the article is named above the table
    quote = []
    if spec.source_zh:
        quote = [f"「{spec.source_zh}」"] if lang == "zh" else [f"“{spec.source_en}”", f"「{spec.source_zh}」"]
    elif spec.source_en:
        quote = [spec.source_en]
    return "\n".join([" · ".join(where), *quote] if where else quote) or t("deck_no_source", lang)


def _flow(
    items: Sequence[tuple[str, str]],
    header: list[str],
    widths: Sequence[float],
    room: float,
    lang: str,
    size: float = TABLE_PT,
) -> list[list[list[str]]]:
    """(label, text) rows laid out on pages whose table (header included) fits in ``room`` inches,
    each page filled: a text that does not fit in what is left of a page is split at a sentence end
    and goes on under a "continued" label. Every character of every text is kept, in order."""
    head = _row_height(header, widths, size)
    pages: list[list[list[str]]] = [[]]
    used = head
    for label, text in items:
        pieces = [p for p in re.split(r"(?<=[。；;!?！？\n])|(?<=\. )", text) if p]
        current = ""
        for piece in pieces:
            if used + _row_height([label, current + piece], widths, size) <= room:
                current += piece
                continue
            if current:  # what fits stays on this page; the rest goes on under "continued"
                pages[-1].append([label, current])
                label = t("deck_cont", lang)
            if current or pages[-1]:
                pages.append([])
                used = head
            current = piece
        row = [label, current]
        pages[-1].append(row)
        used += _row_height(row, widths, size)
    return [page for page in pages if page]


SOURCES_PT = 12  # the sources tables: small, still legible on a projector (every reasoning is kept)


def _sources_slides(deck: _Deck, lang: str) -> None:
    """Each kind of parameter apart (economy assumptions, policy levers, choices) in a compact table:
    each one's provenance, its sentence or publication, and the reasoning for its value, in the
    deck's language; the article named once at the top of each slide."""
    header = [t("deck_col_item", lang), t("deck_col_source_reasoning", lang)]
    widths = [2.1, BODY_W - 2.1]
    article = t("sources_article", lang)
    article_pt = 14
    article_h = _height(article, BODY_W - 0.2, article_pt) + 0.1
    top = BODY_TOP - 0.15
    room = BODY_BOTTOM + 0.15 - top - article_h
    for role in ROLE_ORDER:
        items: list[tuple[str, str]] = []
        for spec in grouped_specs():
            if spec.role != role:
                continue
            label = f"{spec.label(lang)}\n{t('prov_' + spec.provenance, lang)}"
            text = _source_text(spec, lang)
            reasoning = spec.reasoning(lang)
            if reasoning:
                text += "\n" + t("deck_reasoning", lang, why=reasoning)
            items.append((label, text))
        if not items:
            continue
        pages = _flow(items, header, widths, room, lang, SOURCES_PT)
        title = t("deck_slide_sources_role", lang, role=t("deck_role_" + role, lang))
        for slide, rows in _paged(deck, title, pages):
            deck.text(slide, top, article_h, [(article, article_pt, False, MUTED)])
            deck.table(slide, header, rows, widths, top=top + article_h, size=SOURCES_PT)


def _target_text(row: dict[str, Any], lang: str) -> str:
    return t(
        "deck_target_" + row["kind"],
        lang,
        year=row["year"],
        from_year=row["from_year"],
        value=f"{row['target']:,.10g}" if row["kind"] == "level" else fmt_number(row["target"]),
    )


def _achieved_text(row: dict[str, Any], lang: str) -> tuple[str, str]:
    if row["achieved"] is None:  # the model gives Dezhou's value added within the scenario's years
        modelled = row["region"] == "dezhou" and row["metric"] in CHECKABLE_METRICS
        return t("deck_beyond" if modelled else "deck_not_modelled", lang), "—"
    if row["kind"] == "level":
        return f"{row['achieved']:,.1f}", t("deck_gap_level", lang, gap=_number("{:+,.1f}", row["gap"]))
    return f"{row['achieved']:.2f}%", t("deck_gap_points", lang, gap=_number("{:+.2f}", row["gap"]))


def _targets_slides(deck: _Deck, name: str, item: NamedScenario, frame: pd.DataFrame, lang: str) -> None:
    """Every official target and the scenario's own: what it asks, what the scenario achieves, the gap."""
    title = t("deck_slide_targets", lang, name=name)
    found = target_rows(item, frame, lang)
    if not found:
        slide = deck.slide(title)
        deck.text(slide, BODY_TOP, 1.0, [(t("deck_targets_empty", lang), BODY_PT, False, MUTED)])
        return
    header = [
        t(k, lang)
        for k in ("deck_col_target", "deck_col_target_value", "deck_col_achieved", "deck_col_gap", "help_source")
    ]
    widths = [3.3, 2.9, 1.9, 2.0, BODY_W - 10.1]
    rows = []
    for row in found:
        label = row["label"]
        if row["source"] == "own":
            label += t("deck_own_suffix", lang)
        achieved, gap_text = _achieved_text(row, lang)
        source = " · ".join(p for p in (row["publication"], row["date"]) if p) or "—"
        rows.append([label, _target_text(row, lang), achieved, gap_text, source])
    pages = _pages(rows, header, widths, BODY_BOTTOM - BODY_TOP - NOTE_H)
    for slide, page in _paged(deck, title, pages):
        deck.table(slide, header, [rows[i] for i in page], widths, align_right={2, 3})
        _note(deck, slide, t("deck_targets_note", lang))


BACKTEST_HEADER = (
    "deck_col_year",
    "deck_col_official",
    "deck_col_projected",
    "deck_col_error",
    "deck_col_publication",
    "col_confidence",
)


def _backtest_slides(deck: _Deck, lang: str) -> None:
    """What the article's scenario projected for each year with an official figure, and the error."""
    title = t("deck_slide_backtest", lang)
    table = backtest(deck.history, lang=lang)
    if table.empty:
        slide = deck.slide(title)
        deck.text(slide, BODY_TOP, 1.0, [(t("deck_backtest_empty", lang), BODY_PT, False, MUTED)])
        _note(deck, slide, t("deck_backtest_note", lang))
        return
    header = [t(k, lang) for k in BACKTEST_HEADER]
    widths = [1.3, 2.2, 2.2, 2.2, BODY_W - 9.6, 1.7]
    rows = [
        [
            str(int(r.year)),
            f"{r.official_pct:.1f}",
            f"{r.projected_pct:.2f}",
            _number("{:+.2f}", r.error_pts),
            " · ".join(p for p in (str(r.publication), str(r.date)) if p),
            t(f"conf_{r.confidence}", lang),
        ]
        for r in table.itertuples()
    ]
    pages = _pages(rows, header, widths, BODY_BOTTOM - BODY_TOP - NOTE_H)
    for slide, page in _paged(deck, title, pages):
        deck.table(slide, header, [rows[i] for i in page], widths, align_right={1, 2, 3})
        _note(deck, slide, t("deck_backtest_note", lang))


def build_deck(
    items: Sequence[NamedScenario],
    lang: str = "zh",
    *,
    today: date | None = None,
    red_up: bool | None = None,
    fans: Sequence[Fan | None] = (),
    history: History | None = None,
) -> bytes:
    """A .pptx deck of ``items`` (one scenario, or up to six compared) in ``lang`` ("zh" or "en").

    Changes are coloured red for up in Chinese and green for up in English unless ``red_up`` says
    otherwise; ``fans`` (one per item, or fewer; None where none was computed) adds each scenario's
    uncertainty range. Raises ScenarioError for no scenarios or more than the comparison chart can
    tell apart. ``history``: the official figures to compute with (the data's and those added on the
    page; the data's when None).
    """
    items = list(items)
    lang = lang if lang in LANGS else "zh"
    if not items:
        raise ScenarioError([problem("no_scenarios")])
    if len(items) > MAX_SCENARIOS:
        raise ScenarioError([problem("too_many", key="scenarios", count=len(items), limit=MAX_SCENARIOS)])
    names = _unique([_name(item, lang) for item in items])
    frames = [project(item.scenario, history=history) for item in items]
    red_up = red_for_up(lang) if red_up is None else red_up
    fans = [*fans, *[None] * (len(items) - len(fans))]

    deck = _Deck(lang, history)
    deck.prs.core_properties.title = t("deck_title", lang)
    deck.prs.core_properties.language = "zh-CN" if lang == "zh" else "en-US"
    _title_slide(deck, names, items, lang, today or date.today())
    for name, item, frame, fan in zip(names, items, frames, fans[: len(items)], strict=True):
        _headline_slide(deck, name, item, frame, lang, red_up)
        _chart_slides(deck, name, item, frame, lang, red_up, fan)
        _targets_slides(deck, name, item, frame, lang)
    if len(items) > 1:
        _compare_slides(deck, names, items, frames, lang, red_up)
    _backtest_slides(deck, lang)
    for name, item in zip(names, items, strict=True):
        _assumption_slides(deck, name, item, lang)
    _sources_slides(deck, lang)
    return deck.bytes()
