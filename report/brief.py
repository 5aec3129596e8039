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
command line (``python -m model brief``) both compute the figures (model.results.compute_results)
and call :func:`build_deck`, which only lays them out: nothing here runs the model.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd
from opencc import OpenCC
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Inches, Pt

from model.lang import Lang
from model.parameters import ScenarioError, default_scenario, fmt_number
from model.problems import problem
from model.results import Fan, Results, ScenarioResult
from model.scenario_file import NamedScenario
from model.targets import CHECKABLE_METRICS
from report import deck_charts
from report.charts import COMPARE_COLOURS, fan_chart, red_for_up, up_down_colours
from report.images import chart_png
from report.scenario_exports import compare_table
from report.sheets import MONTH_NAMES, grouped_specs, target_rows
from report.text import LANGS, data_as_of_text, t

MAX_SCENARIOS = len(COMPARE_COLOURS)  # the comparison chart has a colour for each

# Layout, in inches, of a 13.333 × 7.5 in (16:9) slide.
SLIDE_W, SLIDE_H = 13.333, 7.5
MARGIN = 0.6
BODY_W = SLIDE_W - 2 * MARGIN
TITLE_TOP, TITLE_H = 0.25, 1.15
FONT_SPARE = 1.08  # room for the wider of Microsoft YaHei (Windows) and Noto Sans CJK (LibreOffice)
BODY_TOP, BODY_BOTTOM = 1.5, 7.15
TITLE_PT, BODY_PT, TABLE_PT, FIGURE_PT = 32, 20, 18, 44  # points
LATIN_FONT, EAST_ASIAN_FONT = "Arial", "Microsoft YaHei"  # 微软雅黑: on every Windows and Office
INK, MUTED, ACCENT, CARD = "222222", "555555", "0072B2", "EEF3F8"
CHART_WIDTH_PX, CHART_HEIGHT_PX = 680, 230  # plot size of exported charts: wide, with type that reads
_T2S = OpenCC("t2s")  # traditional → simplified characters, for quotes kept from mirrors


def _date(day: date, lang: Lang) -> str:
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


def _fit_title(title: str, size: float, height: float) -> tuple[str, float]:
    """The largest size at which ``title`` takes one line (or two at 24 pt and below) of a title box
    ``height`` inches tall, measured for the wider of the fonts a client may use; a title that does
    not fit even at 20 pt is shortened with "…" (the full name is on the cover)."""
    width = (BODY_W - 0.3) / FONT_SPARE
    for s in sorted({size, 28, 24, 20}, reverse=True):
        if s > size:
            continue
        most = 1 if s > 24 else 2
        if _lines(title, width, s) <= most and _height(title, width, s) * FONT_SPARE <= height - 0.1:
            return title, s
    while len(title) > 8 and _lines(title + "…", width, 20) > 2:
        title = title[:-1]
    return title.rstrip() + "…", 20


# --- drawing --------------------------------------------------------------------------------------


def _style_run(run: Any, size: float, lang: Lang, *, bold: bool = False, color: str | None = INK) -> None:
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


def _fill(frame: Any, paragraphs: Sequence[Para], lang: Lang, align: Any = None, gap_pt: float = 4) -> None:
    """Write paragraphs into a text frame, replacing what was there; ``gap_pt`` between them."""
    frame.word_wrap = True
    frame.clear()
    for n, (text, size, bold, color) in enumerate(paragraphs):
        para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        if n:
            para.space_before = Pt(gap_pt)
        if align is not None:
            para.alignment = align
        # No punctuation hanging past the box's edge (LibreOffice hangs CJK commas by default).
        para._p.get_or_add_pPr().set("hangingPunct", "0")
        run = para.add_run()
        run.text = text
        _style_run(run, size, lang, bold=bold, color=color)


class _Deck:
    def __init__(self, lang: Lang, results: Results):
        self.lang = lang
        self.results = results  # every figure the deck shows, computed with the same official figures
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
        title, size = _fit_title(title, size, height)
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
    return (
        max(_height(str(v), (w - CELL_PAD_W) / FONT_SPARE, size) for v, w in zip(values, widths, strict=True))
        + CELL_PAD_H
    )


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


def _is_baseline(item: NamedScenario) -> bool:
    return item.scenario == default_scenario()


def _name(item: NamedScenario, lang: Lang) -> str:
    """The scenario's name as the user gave it (its English name in English decks); the baseline's
    in the deck's language; an unnamed scenario 自定情景 / Custom scenario."""
    name = (item.name_en if lang == "en" and item.name_en else item.name).strip()
    baseline_names = {t("scenario_baseline_name", lg) for lg in LANGS}
    if _is_baseline(item) and (not name or name in baseline_names):
        return t("scenario_baseline_name", lang)
    if name in baseline_names:  # the baseline's name in the other language
        return t("scenario_baseline_name", lang)
    return name or t("deck_unnamed", lang)


def _description(item: NamedScenario, lang: Lang) -> str:
    return (item.description_en or item.description_zh) if lang == "en" else (item.description_zh or "")


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _shown(spec: Any, value: Any, lang: Lang) -> str:
    if spec.kind == "bool":
        return t("yes" if value else "no", lang)
    return fmt_number(value)


HEADER_EMS = 14.0  # a scenario's name heading a table column: longer names are shortened with "…"


def _header_name(name: str) -> str:
    """A scenario's name for a table's column header: whole when short, else cut with "…" (the cover
    and the scenario's own slide give it whole)."""
    if _ems(name) <= HEADER_EMS:
        return name
    while name and _ems(name + "…") > HEADER_EMS:
        name = name[:-1]
    return name.rstrip(" ,，、(（") + "…"


def simplified(text: str) -> str:
    """Chinese text in simplified characters (quotes kept from mirrors in traditional ones)."""
    return _T2S.convert(text) if text else text


METRICS = (  # (label key, headline key, format); as on the page
    ("metric_va", "va_total", "{:,.1f}"),
    ("metric_growth", "avg_growth_pct", "{:.2f}"),
    ("metric_fund", "cum_fund_investment", "{:,.1f}"),
    ("metric_extra", "policy_va", "{:+,.1f}"),
)
REVENUE = ("deck_metric_revenue", "revenue", "{:,.1f}")  # where the model has it (version 3)


def _metrics(now: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    """The headline figures a deck shows: the four, and operating revenue where the model has it."""
    return (*METRICS[:2], REVENUE, *METRICS[2:]) if "revenue" in now else METRICS


def _policy_below(run: Any, lang: Lang) -> str:
    """Under the levers' figure: what it is compared with, and its two channels where the model has them."""
    text = t("deck_policy_card", lang, additionality=fmt_number(run.item.scenario.additionality))
    if "ti_policy_va" in run.now and "capacity_policy_va" in run.now:
        text = t(
            "deck_policy_channels",
            lang,
            ti=_number("{:+,.1f}", run.now["ti_policy_va"]),
            capacity=_number("{:+,.1f}", run.now["capacity_policy_va"]),
        )
    return text


def _delta_text(key: str, delta: float, fmt: str, lang: Lang) -> str:
    if abs(delta) < 5e-10:
        return t("delta_same", lang)
    shown = fmt.replace("{:", "{:+").format(delta)
    return t("delta_points" if key == "avg_growth_pct" else "delta", lang, delta=shown)


def _title_slide(deck: _Deck, names: list[str], items: list[NamedScenario], lang: Lang, today: date) -> None:
    slide = deck.slide(t("deck_title", lang), top=1.3, height=1.3, size=40)
    if len(items) == 1:
        lines: list[Para] = [(names[0], 28, True, ACCENT)]
        if _description(items[0], lang):
            lines.append((_description(items[0], lang), BODY_PT, False, MUTED))
    else:
        joined = t("name_sep", lang).join(names)
        lines = [(t("deck_compare", lang, n=len(items), names=joined), 24, True, ACCENT)]
    first = items[0].scenario
    history = deck.results.history
    as_of = data_as_of_text(history.data_as_of(first.horizon_end, first.use_observed), lang)
    lines += [
        (f"{_date(today, lang)}{'　' if lang == 'zh' else ' · '}{as_of}", BODY_PT, False, INK),
        (t("deck_article", lang), BODY_PT, False, INK),
        (t("deck_model_line", lang), 18, False, MUTED),
    ]
    deck.text(slide, 2.8, BODY_BOTTOM - 2.8, lines, gap_pt=12)


NOTE_H = 0.6  # a note at the foot of the body (one line, two in a narrow language)


def _note(deck: _Deck, slide: Any, text: str, size: float = 16) -> None:
    height = max(NOTE_H, _height(text, BODY_W - 0.2, size) + 0.15)
    deck.text(slide, BODY_BOTTOM - height + 0.05, height, [(text, size, False, MUTED)])


def _signed(value: float, red_up: bool) -> str:
    """The colour of a change: up and down by the convention (report.charts.red_for_up), else the accent."""
    if abs(value) < 5e-10:
        return MUTED
    up, down = up_down_colours(red_up)
    return (up if value > 0 else down).lstrip("#")


@dataclasses.dataclass(frozen=True)
class _Run:
    """One scenario of the deck: its name in the deck, and its figures (model.results): its result
    table, its headline (``now``) and the article's defaults' to the same year (``base``), its targets."""

    name: str
    result: ScenarioResult
    lang: Lang

    @property
    def item(self) -> NamedScenario:
        return self.result.item

    @property
    def frame(self) -> pd.DataFrame:
        return self.result.frame

    @property
    def fan(self) -> Fan | None:
        return self.result.fan

    @property
    def now(self) -> Mapping[str, Any]:
        return self.result.headline

    @property
    def base(self) -> Mapping[str, Any]:
        return self.result.defaults

    @functools.cached_property
    def targets(self) -> list[dict[str, Any]]:
        return target_rows(self.item, self.result.gaps, self.lang)


def _levers_unchanged(frame: pd.DataFrame) -> bool:
    return bool((frame["policy_va"].abs() < 5e-10).all())


def _published_years(frame: pd.DataFrame) -> list[int]:
    return [int(y) for y in frame.loc[frame["status"] == "published", "year"]]


def _amount(value: float, lang: Lang) -> str:
    return f"{abs(value):,.1f}"


def _change_clause(run: _Run, lang: Lang) -> str:
    """How the last year's value added differs from the baseline scenario's, in words."""
    diff = run.now["va_total"] - run.base["va_total"]
    if abs(diff) < 0.05:
        return t("sum_same_as_baseline", lang)
    pct = diff / run.base["va_total"] * 100
    key = "sum_more" if diff > 0 else "sum_less"
    return t(key, lang, diff=_amount(diff, lang), pct=f"{abs(pct):.1f}")


def _policy_clause(run: _Run, lang: Lang) -> str:
    policy = run.now["policy_va"]
    if _levers_unchanged(run.frame):
        return t("sum_levers_none", lang)
    key = "sum_levers_more" if policy >= 0 else "sum_levers_less"
    return t(key, lang, policy=_amount(policy, lang))


def _odds(run: _Run, lang: Lang) -> list[tuple[str, float]]:
    """(target, probability) of each target the fan can measure, when a fan was drawn."""
    if run.fan is None or run.result.odds is None:
        return []
    return [(str(r.label), float(r.probability)) for r in run.result.odds[lang].itertuples()]


def _targets_clause(run: _Run, lang: Lang) -> str:
    odds = _odds(run, lang)
    if odds:
        sep = t("name_sep", lang) if lang == "zh" else "; "
        each = sep.join(t("sum_odds_one", lang, target=label, p=f"{p * 100:.0f}") for label, p in odds)
        return t("sum_odds", lang, draws=f"{run.fan.draws:,}", odds=each)
    checked = [row for row in run.targets if row["achieved"] is not None]
    if not checked:
        return t("sum_no_targets", lang)
    met = [row for row in checked if row["gap"] >= -5e-10]
    missed = [row for row in checked if row["gap"] < -5e-10]
    if not missed:
        return t("sum_targets_all", lang, n=len(checked))
    names = t("name_sep", lang).join(t("sum_quoted", lang, label=row["label"]) for row in missed)
    return t("sum_targets_some", lang, n=len(checked), met=len(met), missed=names)


def _summary_one(run: _Run, lang: Lang) -> list[str]:
    year = int(run.now["final_year"])
    first = t(
        "sum_first",
        lang,
        name=run.name,
        year=year,
        va=f"{run.now['va_total']:,.1f}",
        change=_change_clause(run, lang),
        levers=_policy_clause(run, lang),
    )
    return [first, _targets_clause(run, lang)]


def _summary_compare(runs: list[_Run], lang: Lang) -> list[str]:
    year = max(int(r.now["final_year"]) for r in runs)
    ranked = sorted(runs, key=lambda r: r.now["va_total"])
    low, high = ranked[0], ranked[-1]
    diffs = [r.now["va_total"] - r.base["va_total"] for r in runs]
    first = t(
        "sum_compare_first",
        lang,
        n=len(runs),
        year=year,
        low=low.name,
        low_va=f"{low.now['va_total']:,.1f}",
        high=high.name,
        high_va=f"{high.now['va_total']:,.1f}",
        lo=_number("{:+,.1f}", min(diffs)),
        hi=_number("{:+,.1f}", max(diffs)),
    )
    parts = []
    for run in runs:
        odds = _odds(run, lang)
        checked = [row for row in run.targets if row["achieved"] is not None]
        if odds:
            each = t("name_sep", lang).join(f"{p * 100:.0f}%" for _, p in odds)
            parts.append(t("sum_compare_odds_one", lang, name=run.name, odds=each))
        elif checked:
            met = sum(1 for row in checked if row["gap"] >= -5e-10)
            parts.append(t("sum_compare_targets_one", lang, name=run.name, met=met, n=len(checked)))
    sep = "；" if lang == "zh" else "; "
    second = t("sum_compare_second", lang, each=sep.join(parts)) if parts else t("sum_no_targets", lang)
    return [first, second]


def _summary_slide(deck: _Deck, runs: list[_Run], lang: Lang) -> None:
    """What changes, by how much, against what; the odds of each target (when a fan was drawn)."""
    slide = deck.slide(t("deck_slide_summary", lang))
    sentences = _summary_one(runs[0], lang) if len(runs) == 1 else _summary_compare(runs, lang)
    size = 26
    while size > 20 and sum(_height(s, BODY_W - 0.3, size) + 0.3 for s in sentences) > BODY_BOTTOM - BODY_TOP - 0.8:
        size -= 2
    height = sum(_height(s, BODY_W - 0.3, size) + size * 0.8 / 72 for s in sentences) + 0.3
    deck.text(slide, BODY_TOP + 0.2, height, [(s, size, n == 0, INK) for n, s in enumerate(sentences)], gap_pt=18)
    _note(deck, slide, t("sum_note", lang))


def _cards(deck: _Deck, slide: Any, run: _Run, lang: Lang, red_up: bool, top: float, bottom: float, row: bool) -> None:
    """The four headline figures as cards (two by two, or ``row``: four in a row) between ``top``
    and ``bottom``, each with what it is compared with, coloured up or down."""
    gap = 0.25
    metrics = _metrics(run.now)
    columns = len(metrics) if row else (3 if len(metrics) > 4 else 2)
    card_w = (BODY_W - gap * (columns - 1)) / columns
    rows = 1 if row else -(-len(metrics) // columns)
    card_h = (bottom - top - gap * (rows - 1)) / rows
    label_pt, figure_pt, below_pt = (16, 30, 14) if row or columns > 2 else (BODY_PT, FIGURE_PT, BODY_PT)
    if columns > 2:
        label_pt, figure_pt, below_pt = 18, 36, 16
    for n, (label, key, fmt) in enumerate(metrics):
        left = MARGIN + (n % columns) * (card_w + gap)
        card_top = top + (n // columns) * (card_h + gap)
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
        text.margin_left = text.margin_right = Inches(0.2)
        text.margin_top = text.margin_bottom = Inches(0.05)
        if key == "policy_va":  # itself a change: against the plan, net of additionality
            below = _policy_below(run, lang)
            figure_colour, below_colour = _signed(run.now[key], red_up), ACCENT
        else:
            below = _delta_text(key, run.now[key] - run.base[key], fmt, lang)
            figure_colour, below_colour = INK, _signed(run.now[key] - run.base[key], red_up)
        figures: list[Para] = [
            (t(label, lang, year=int(run.now["final_year"])), label_pt, False, MUTED),
            (_number(fmt, run.now[key]), figure_pt, True, figure_colour if figure_colour != MUTED else INK),
            (below, below_pt, False, below_colour),
        ]
        _fill(text, figures, lang, align=PP_ALIGN.LEFT, gap_pt=2)


def _headline_slide(deck: _Deck, run: _Run, lang: Lang, red_up: bool) -> None:
    """Four cards: value added, average growth and cumulative fund investment with their change from
    the baseline scenario (same last year); what the levers change against the announced plan."""
    slide = deck.slide(t("slide_headline", lang, name=run.name))
    top = BODY_TOP
    description = _description(run.item, lang)
    if description:
        height = min(_height(description, BODY_W - 0.2, 18), 0.9) + 0.1
        deck.text(slide, top, height, [(description, 18, False, MUTED)])
        top += height + 0.1
    _cards(deck, slide, run, lang, red_up, top, BODY_BOTTOM - NOTE_H - 0.1, row=False)
    _note(deck, slide, t("deck_headline_note", lang, year=int(run.now["final_year"])))


def _chart_png(chart: Any, height: int = CHART_HEIGHT_PX) -> bytes:
    # A plot this size keeps the chart's 14 px labels near 16 pt once the picture fills the slide.
    return chart_png(chart.properties(height=height), scale=3, width=CHART_WIDTH_PX)


def _total_chart(deck: _Deck, run: _Run, lang: Lang) -> Any:
    levels = [
        (row["label"], row["year"], row["target"])
        for row in run.targets
        if row["kind"] == "level" and row["metric"] != "revenue" and row["achieved"] is not None
    ]
    return deck_charts.total_chart(
        run.frame, run.result.plan, lang, deck.results.history, label=run.name, targets=levels
    )


def _chart_slides(deck: _Deck, run: _Run, lang: Lang, red_up: bool) -> None:
    """Total value added against the announced plan; what the levers change (or one sentence when they
    change nothing); investment a year; the uncertainty fan when one was computed."""
    slide = deck.slide(t("slide_chart", lang, name=run.name))
    deck.picture(slide, _chart_png(_total_chart(deck, run, lang)), bottom=BODY_BOTTOM - NOTE_H - 0.05)
    _note(deck, slide, t("deck_total_note", lang))

    if not _levers_unchanged(run.frame):
        slide = deck.slide(t("deck_slide_policy", lang, name=run.name))
        chart = deck_charts.policy_chart(run.frame, lang, red_up)
        deck.picture(slide, _chart_png(chart), bottom=BODY_BOTTOM - NOTE_H - 0.05)
        _note(deck, slide, t("deck_policy_note", lang, additionality=fmt_number(run.item.scenario.additionality)))

    slide = deck.slide(t("deck_slide_investment", lang, name=run.name))
    deck.picture(slide, _chart_png(deck_charts.investment_chart(run.frame, lang)))

    if run.fan is not None:
        slide = deck.slide(t("deck_slide_fan", lang, name=run.name))
        chart = fan_chart(run.fan.percentiles, lang, _published_years(run.frame), label=run.name)
        deck.picture(slide, _chart_png(chart), bottom=BODY_BOTTOM - NOTE_H - 0.05)
        _note(deck, slide, t("deck_fan_note", lang, draws=f"{run.fan.draws:,}", seed=run.fan.seed))


def _scenario_slide(deck: _Deck, run: _Run, lang: Lang, red_up: bool) -> None:
    """A compared scenario on one slide: its value added against the announced plan, and under it its
    four headline figures, each with what it is compared with."""
    slide = deck.slide(t("deck_slide_scenario", lang, name=run.name))
    header, cells, colours = [], [], {}
    metrics = _metrics(run.now)
    for n, (label, key, fmt) in enumerate(metrics):
        header.append(t(label, lang, year=int(run.now["final_year"])))
        if key == "policy_va":
            below = _policy_below(run, lang)
            colours[(0, n)] = _signed(run.now[key], red_up)
        else:
            below = _delta_text(key, run.now[key] - run.base[key], fmt, lang)
            colours[(0, n)] = _signed(run.now[key] - run.base[key], red_up)
        cells.append(f"{_number(fmt, run.now[key])}\n{below}")
    widths = [BODY_W / len(metrics)] * len(metrics)
    size = 16 if len(metrics) == 4 else 14
    height = sum(_row_height(row, widths, size) for row in (header, cells))
    top = BODY_BOTTOM - height
    deck.table(slide, header, [cells], widths, top=top, size=size, colours=colours)
    png = _chart_png(_total_chart(deck, run, lang), height=200)
    deck.picture(slide, png, top=BODY_TOP, bottom=top - 0.15)
    notes = [_description(run.item, lang), t("deck_headline_note", lang, year=int(run.now["final_year"]))]
    _notes(slide, "\n".join(n for n in notes if n))


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


def _compare_slides(deck: _Deck, runs: list[_Run], lang: Lang, red_up: bool) -> None:
    """The compared scenarios' value added in one chart (the article's defaults dashed, in a colour
    no scenario uses), then their headline figures side by side, changes coloured up or down."""
    names = [r.name for r in runs]
    slide = deck.slide(t("slide_compare_chart", lang))
    baseline = deck.results.defaults_frame  # the article's defaults to the last year of any scenario
    chart = deck_charts.compare_chart({r.name: r.frame for r in runs}, baseline, lang)
    deck.picture(slide, _chart_png(chart))

    slide = deck.slide(t("slide_compare_table", lang))
    table = compare_table(deck.results.renamed([r.name for r in runs]))
    rows = [
        [t("cmp_" + col, lang), *(_number(fmt, v) for v in table[col].tolist())] for col, fmt in COMPARE_FORMATS.items()
    ]
    if all("revenue" in r.now for r in runs):  # model version 3: operating revenue, after the growth
        rows.insert(3, [t("deck_cmp_revenue", lang), *(f"{r.now['revenue']:,.1f}" for r in runs)])
    label_w = 3.9
    widths = [label_w] + [(BODY_W - label_w) / len(names)] * len(names)
    labels = [row[0] for row in rows]
    colours = {
        (labels.index(t("cmp_" + col, lang)), c + 1): _signed(value, red_up)
        for col in SIGNED_ROWS
        for c, value in enumerate(table[col].tolist())
    }
    header = [t("cmp_scenario", lang), *map(_header_name, names)]
    size = TABLE_PT if len(names) <= 3 else 14
    deck.table(slide, header, rows, widths, align_right=set(range(1, len(names) + 1)), colours=colours, size=size)


def _paged(deck: _Deck, title: str, pages: Sequence[Any]) -> list[tuple[Any, Any]]:
    """A slide per page, titled ``title`` and numbered (1/n) … (n/n) when there are several."""
    out = []
    for n, page in enumerate(pages, start=1):
        full = title + (t("slide_page", deck.lang, page=n, pages=len(pages)) if len(pages) > 1 else "")
        out.append((deck.slide(full), page))
    return out


def _notes(slide: Any, text: str) -> None:
    """The slide's speaker notes (every word kept: notes have room for any length)."""
    if text:
        slide.notes_slide.notes_text_frame.text = text


SETTINGS_PT = 14  # the appendix's tables: compact, still legible on a projector


def _settings_slides(deck: _Deck, runs: list[_Run], lang: Lang) -> None:
    """Every setting in one compact table, economy assumptions, policy levers and choices apart: its
    value in each scenario beside the default and the unit; a value off its default in bold blue."""
    values = [r.item.scenario.to_dict() for r in runs]
    specs = grouped_specs()
    one = len(runs) == 1
    if one:
        header = [t(k, lang) for k in ("col_parameter", "col_value", "col_default", "col_unit", "col_provenance")]
        widths = [BODY_W - 7.3, 1.6, 1.6, 2.4, 1.7]
    else:
        header = [t("col_parameter", lang), t("col_unit", lang), t("col_default", lang)]
        header += [_header_name(r.name) for r in runs]
        rest = BODY_W - 3.6 - 1.6 - 1.2
        widths = [3.6, 1.6, 1.2, *[rest / len(runs)] * len(runs)]
    rows, changed, role_starts = [], [], set()
    last_role = None
    for spec in specs:
        label = spec.label(lang)
        if spec.role != last_role:
            role_starts.add(len(rows))
            last_role = spec.role
        if one:
            value = values[0][spec.key]
            rows.append(
                [
                    label,
                    _shown(spec, value, lang),
                    _shown(spec, spec.default, lang),
                    spec.unit(lang) or "—",
                    t("prov_" + spec.provenance, lang),
                ]
            )
            changed.append({1} if value != spec.default else set())
        else:
            shown = [_shown(spec, v[spec.key], lang) for v in values]
            rows.append([label, spec.unit(lang) or "—", _shown(spec, spec.default, lang), *shown])
            changed.append({3 + n for n, v in enumerate(values) if v[spec.key] != spec.default})
    room = BODY_BOTTOM - BODY_TOP - NOTE_H
    pages = _pages(rows, header, widths, room, SETTINGS_PT)
    for slide, page in _paged(deck, t("deck_slide_settings", lang), pages):
        marked = {(r, c) for r, i in enumerate(page) for c in changed[i] | ({0} if changed[i] else set())}
        deck.table(
            slide,
            header,
            [rows[i] for i in page],
            widths,
            highlight=marked,
            align_right={1, 2} if one else set(),
            size=SETTINGS_PT,
        )
        _note(deck, slide, t("changed_note", lang))
        kinds = [
            f"{t('deck_role_' + specs[i].role, lang)}：{rows[i][0]}"
            if lang == "zh"
            else f"{t('deck_role_' + specs[i].role, lang)}: {rows[i][0]}"
            for i in page
            if i in role_starts
        ]
        _notes(slide, t("deck_settings_notes", lang, kinds=t("name_sep", lang).join(kinds)))


def source_sentence(spec: Any, lang: Lang) -> str:
    """A parameter's source sentence in the deck's language: Chinese in simplified characters, a
    foreign source in Chinese marked （译文）; in English the English sentence."""
    if lang == "zh":
        if spec.source_zh:
            return f"「{simplified(spec.source_zh)}」"
        if spec.source_translation_zh:
            return f"「{spec.source_translation_zh}」{t('deck_translated', lang)}"
        return ""
    return f"“{spec.source_en}”" if spec.source_en else ""


def _sources_slides(deck: _Deck, lang: Lang) -> None:
    """Every parameter's source in a compact table (the publication and the date on the slide; the
    sentence and the reasoning in the slide's notes, whole)."""
    header = [t(k, lang) for k in ("col_parameter", "col_provenance", "deck_col_publication", "deck_col_date")]
    widths = [3.6, 1.7, BODY_W - 3.6 - 1.7 - 1.6, 1.6]
    specs = grouped_specs()
    rows = []
    for spec in specs:
        publication = spec.publication_name(lang)
        if spec.provenance == "article" and not publication:
            publication = t("article_name", lang)
        rows.append(
            [
                spec.label(lang),
                t("prov_" + spec.provenance, lang),
                simplified(publication) if lang == "zh" else publication or "—",
                spec.date or "—",
            ]
        )
        if not rows[-1][2]:
            rows[-1][2] = "—"
    room = BODY_BOTTOM - BODY_TOP - NOTE_H
    pages = _pages(rows, header, widths, room, SETTINGS_PT)
    for slide, page in _paged(deck, t("deck_slide_sources", lang), pages):
        deck.table(slide, header, [rows[i] for i in page], widths, size=SETTINGS_PT)
        _note(deck, slide, t("deck_sources_note", lang))
        notes = []
        for i in page:
            spec = specs[i]
            parts = [f"【{rows[i][0]}】" if lang == "zh" else f"[{rows[i][0]}]"]
            sentence = source_sentence(spec, lang)
            if sentence:
                parts.append(t("deck_notes_sentence", lang, sentence=sentence))
            if spec.url:
                parts.append(spec.url)
            if spec.reasoning(lang):
                parts.append(t("deck_reasoning", lang, why=spec.reasoning(lang)))
            notes.append("\n".join(parts))
        _notes(slide, "\n\n".join(notes))


def _target_text(row: dict[str, Any], lang: Lang) -> str:
    return t(
        "deck_target_" + row["kind"],
        lang,
        year=row["year"],
        from_year=row["from_year"],
        value=f"{row['target']:,.10g}" if row["kind"] == "level" else fmt_number(row["target"]),
    )


def _achieved_text(row: dict[str, Any], lang: Lang) -> tuple[str, str]:
    if row["achieved"] is None:
        return t("deck_beyond", lang), "—"
    if row["kind"] == "level":
        return f"{row['achieved']:,.1f}", t("deck_gap_level", lang, gap=_number("{:+,.1f}", row["gap"]))
    return f"{row['achieved']:.2f}%", t("deck_gap_points", lang, gap=_number("{:+.2f}", row["gap"]))


def _modelled(row: dict[str, Any]) -> bool:
    """Whether the model computes what the target measures (Dezhou's value added)."""
    return row["region"] == "dezhou" and row["metric"] in CHECKABLE_METRICS


def _not_modelled_line(rows: list[dict[str, Any]], lang: Lang) -> str:
    left_out = [row["label"] for row in rows if not _modelled(row)]
    if not left_out:
        return ""
    names = t("name_sep", lang).join(t("sum_quoted", lang, label=label) for label in left_out)
    return t("deck_targets_left_out", lang, n=len(left_out), names=names)


def _targets_slides(deck: _Deck, run: _Run, lang: Lang) -> None:
    """Every target the model computes, official and the scenario's own: what it asks, what the
    scenario achieves, the gap; those it does not compute named in the slide's notes."""
    title = t("deck_slide_targets", lang, name=run.name)
    found = [row for row in run.targets if _modelled(row)]
    left_out = _not_modelled_line(run.targets, lang)
    if not found:
        slide = deck.slide(title)
        deck.text(slide, BODY_TOP, 1.0, [(t("deck_targets_empty", lang), BODY_PT, False, MUTED)])
        _notes(slide, left_out)
        return
    header = [t(k, lang) for k in ("deck_col_target", "deck_col_target_value", "this_scenario", "deck_col_gap")]
    widths = [BODY_W - 8.6, 3.4, 2.4, 2.8]
    rows = []
    for row in found:
        label = row["label"]
        if row["source"] == "own":
            label += t("deck_own_suffix", lang)
        achieved, gap_text = _achieved_text(row, lang)
        rows.append([label, _target_text(row, lang), achieved, gap_text])
    pages = _pages(rows, header, widths, BODY_BOTTOM - BODY_TOP - NOTE_H)
    for slide, page in _paged(deck, title, pages):
        deck.table(slide, header, [rows[i] for i in page], widths, align_right={2, 3})
        _note(deck, slide, t("deck_targets_note", lang))
        sources = [
            f"{rows[i][0]}{'：' if lang == 'zh' else ': '}"
            f"{' · '.join(p for p in (found[i]['publication'], found[i]['date']) if p)}"
            for i in page
            if found[i]["publication"]
        ]
        _notes(slide, "\n".join([*sources, left_out]).strip())


def _compare_targets_slide(deck: _Deck, runs: list[_Run], lang: Lang) -> None:
    """Each target the model computes (official ones, then each scenario's own) against every
    compared scenario: the gap, or — where the target is not the scenario's."""
    official = [row for row in runs[0].targets if row["source"] == "official" and _modelled(row)]
    rows, colours = [], {}
    keyed: list[tuple[dict[str, Any], list[dict[str, Any] | None]]] = []
    for row in official:
        keyed.append((row, [next(r for r in run.targets if r["id"] == row["id"]) for run in runs]))
    for n, run in enumerate(runs):
        for row in run.targets:
            if row["source"] == "own":
                keyed.append((row, [row if m == n else None for m in range(len(runs))]))
    if not keyed:
        return
    for row, per_run in keyed:
        label = row["label"] + (t("deck_own_suffix", lang) if row["source"] == "own" else "")
        cells = []
        for run_row in per_run:
            if run_row is None:
                cells.append("—")
            elif run_row["achieved"] is None:
                cells.append(t("deck_beyond", lang))
            else:
                cells.append(_achieved_text(run_row, lang)[1])
                colours[(len(rows), len(cells) + 1)] = INK if run_row["gap"] >= -5e-10 else "C00000"
        rows.append([label, _target_text(row, lang), *cells])
    header = [t("deck_col_target", lang), t("deck_col_target_value", lang), *[_header_name(r.name) for r in runs]]
    rest = BODY_W - 3.2 - 2.6
    widths = [3.2, 2.6, *[rest / len(runs)] * len(runs)]
    pages = _pages(rows, header, widths, BODY_BOTTOM - BODY_TOP - NOTE_H, 14)
    for slide, page in _paged(deck, t("deck_slide_compare_targets", lang), pages):
        shown = {
            (r, c): colours[(i, c)] for r, i in enumerate(page) for c in range(2, 2 + len(runs)) if (i, c) in colours
        }
        deck.table(
            slide,
            header,
            [rows[i] for i in page],
            widths,
            size=14,
            colours=shown,
            align_right=set(range(2, 2 + len(runs))),
        )
        _note(deck, slide, t("deck_targets_note", lang))
        _notes(slide, _not_modelled_line(runs[0].targets, lang))


BACKTEST_HEADER = (
    "deck_col_year",
    "deck_col_official",
    "deck_col_projected",
    "col_error_pts",
    "deck_col_publication",
    "col_confidence",
)


def _backtest_slides(deck: _Deck, lang: Lang) -> None:
    """What the article's scenario projected for each year with an official figure, and the error."""
    title = t("deck_slide_backtest", lang)
    table = deck.results.backtest[lang]
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
    pages = _pages(rows, header, widths, BODY_BOTTOM - BODY_TOP - NOTE_H, SETTINGS_PT + 2)
    for slide, page in _paged(deck, title, pages):
        deck.table(slide, header, [rows[i] for i in page], widths, align_right={1, 2, 3}, size=SETTINGS_PT + 2)
        _note(deck, slide, t("deck_backtest_note", lang))


def _appendix_slide(deck: _Deck, lang: Lang) -> None:
    """The divider that opens the appendix: 附录 / Appendix, and what follows."""
    slide = deck.slide(t("deck_appendix", lang), top=2.4, height=1.3, size=44)
    deck.text(slide, 3.9, 1.0, [(t("deck_appendix_what", lang), BODY_PT, False, MUTED)])


def build_deck(
    results: Results,
    lang: Lang,
    *,
    today: date | None = None,
    red_up: bool | None = None,
) -> bytes:
    """A .pptx deck of the scenarios of ``results`` (model.results.compute_results: one scenario, or
    up to six compared) in ``lang`` ("zh" or "en").

    One scenario: cover, summary, headline figures, value added against the announced plan, what the
    levers change (when they change anything), investment, the uncertainty range (when ``fans`` has
    one), targets. Several: cover, summary, the comparison (chart, table), one slide per scenario,
    the targets of all. Then the appendix (a divider, the backtest, the settings, the sources, with
    each source's sentence and reasoning in the slide's notes).

    Changes are coloured red for up in Chinese and green for up in English unless ``red_up`` says
    otherwise; a scenario computed with a fan has its uncertainty range and the odds of its targets.
    Raises ScenarioError for no scenarios or more than the comparison chart can tell apart.
    """
    items = results.items
    lang = lang if lang in LANGS else "zh"
    if not items:
        raise ScenarioError([problem("no_scenarios")])
    if len(items) > MAX_SCENARIOS:
        raise ScenarioError([problem("too_many", key="scenarios", count=len(items), limit=MAX_SCENARIOS)])
    names = _unique([_name(item, lang) for item in items])
    red_up = red_for_up(lang) if red_up is None else red_up
    runs = [_Run(name, result, lang) for name, result in zip(names, results.scenarios, strict=True)]

    deck = _Deck(lang, results)
    deck.prs.core_properties.title = t("deck_title", lang)
    deck.prs.core_properties.language = "zh-CN" if lang == "zh" else "en-US"
    _title_slide(deck, names, items, lang, today or date.today())
    _summary_slide(deck, runs, lang)
    if len(runs) == 1:
        run = runs[0]
        _headline_slide(deck, run, lang, red_up)
        _chart_slides(deck, run, lang, red_up)
        _targets_slides(deck, run, lang)
    else:
        _compare_slides(deck, runs, lang, red_up)
        for run in runs:
            _scenario_slide(deck, run, lang, red_up)
        _compare_targets_slide(deck, runs, lang)
    _appendix_slide(deck, lang)
    _backtest_slides(deck, lang)
    _settings_slides(deck, runs, lang)
    _sources_slides(deck, lang)
    return deck.bytes()
