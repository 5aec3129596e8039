"""Charts for the deck and chart images (model version 2): result frames in, Altair charts out.

No streamlit here. The deck draws the same figures the page shows, sized for a slide; the rows they
share come from ``report/charts.py``.

- :func:`total_chart`: total value added, this scenario solid and the article's plan dashed (the plan
  is the scenario with every policy lever at its default: docs/model.md), Shandong's pace dotted; the
  published years shaded and labelled.
- :func:`investment_chart`: investment a year: the funds' own, the capital they mobilise, key projects.
- :func:`policy_chart`: what the levers change against the article's plan (``policy_va``), on its own
  axis so that a small change reads at its real size; gains and losses in different colours.
- :func:`compare_chart`: total value added of several scenarios and the article's defaults.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from model.history import History
from model.lang import Lang
from report.charts import LINE_LEGEND, compare_layers, red_for_up, style, three_lines, up_down_colours
from report.status import status_words
from report.text import t

BLUE, ORANGE, GREEN, GREY, SKY = "#0072B2", "#E69F00", "#009E73", "#7f7f7f", "#56B4E9"
VALUE_FORMAT = ",.1f"
INVESTMENT_SERIES = ("fund_capital", "mobilized_investment", "project_investment")


def _style(chart: alt.TopLevelMixin, title: str, height: int = 340) -> alt.TopLevelMixin:
    """The page's style, with room for longer legend labels and no frame around the plot (a slide)."""
    return style(chart, title, height, label_limit=360).configure_view(stroke=None)


def _x(lang: Lang, years: pd.Series) -> alt.X:
    return alt.X(
        "year:O",
        title=t("axis_year", lang),
        axis=alt.Axis(labelAngle=0),
        scale=alt.Scale(domain=[int(y) for y in years]),
    )


def _xq(lang: Lang, years: pd.Series, field: str = "year") -> alt.X:
    """Years on a quantitative axis (a tick a year), so that bands of whole years line up with lines
    and bars drawn from year − ½ to year + ½."""
    ticks = [int(y) for y in years]
    return alt.X(
        f"{field}:Q",
        title=t("axis_year", lang),
        scale=alt.Scale(domain=[min(ticks) - 0.5, max(ticks) + 0.5], nice=False, zero=False),
        axis=alt.Axis(values=ticks, format="d", labelAngle=0, grid=False),
    )


def _tooltip(lang: Lang) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
        alt.Tooltip("series:N", title=t("series", lang)),
        alt.Tooltip("value:Q", title=f"{t('value', lang)} ({t('axis_yuan', lang)})", format=VALUE_FORMAT),
    ]


def _published_band(frame: pd.DataFrame, lang: Lang) -> list[alt.Chart]:
    """A grey band over the published (observed) years, labelled at the top; none when there are none."""
    years = frame.loc[frame["status"] == "published", "year"].astype(int)
    if years.empty:
        return []
    data = pd.DataFrame({"year": years, "x0": years - 0.5, "x1": years + 0.5, "label": t("deck_published", lang)})
    band = (
        alt.Chart(data)
        .mark_rect(color=GREY, opacity=0.16)
        .encode(
            x="x0:Q",
            x2="x1:Q",
            tooltip=[alt.Tooltip("year:Q", title=t("deck_published", lang), format="d")],
        )
    )
    label = (
        alt.Chart(data.head(1))
        .mark_text(align="left", baseline="top", dx=4, dy=4, fontSize=14, color="#333333")
        .encode(x="x0:Q", y=alt.value(0), text="label:N")
    )
    return [band, label]


def total_data(frame: pd.DataFrame, plan: pd.DataFrame, lang: Lang, label: str | None = None) -> pd.DataFrame:
    """(year, series, value) rows: this scenario (named ``label``), the article's plan, Shandong's pace."""
    names = (label or t("this_scenario", lang), t("deck_series_plan", lang), t("series_province", lang))
    return three_lines(frame, plan, names)


def total_chart(
    frame: pd.DataFrame,
    plan: pd.DataFrame,
    lang: Lang,
    history: History,
    label: str | None = None,
    targets: Sequence[tuple[str, int, float]] = (),
) -> alt.TopLevelMixin:
    """Total value added: this scenario solid, the article's plan (``plan``, the result table of
    model.projection.plan_of the scenario) dashed, Shandong's pace dotted; the published years shaded;
    level ``targets`` (label, year, 亿元) within the years as black diamonds, labelled; ``history``:
    the official figures the tables were computed with (the months of an estimated year)."""
    data = total_data(frame, plan, lang, label)
    domain = list(dict.fromkeys(data["series"]))
    lines = (
        alt.Chart(data)
        .mark_line(strokeWidth=3)  # the scenario's years are marked by their status below
        .encode(
            x=_xq(lang, frame["year"]),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", legend=LINE_LEGEND, scale=alt.Scale(domain=domain, range=[BLUE, ORANGE, GREY])),
            strokeDash=alt.StrokeDash(
                "series:N", legend=LINE_LEGEND, scale=alt.Scale(domain=domain, range=[[1, 0], [8, 5], [2, 3]])
            ),
            tooltip=_tooltip(lang),
        )
    )
    years = set(frame["year"].astype(int))
    marks = pd.DataFrame(
        [{"year": y, "value": v, "target": name} for name, y, v in targets if int(y) in years],
        columns=["year", "value", "target"],
    )
    layers = [*_published_band(frame, lang), lines, *_status_marks(frame, lang, history)]
    if not marks.empty:
        point = alt.Chart(marks).mark_point(shape="diamond", size=200, filled=True, color="#000000")
        tooltip = [
            alt.Tooltip("target:N", title=t("deck_col_target", lang)),
            alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
            alt.Tooltip("value:Q", title=t("axis_yuan", lang), format=VALUE_FORMAT),
        ]
        layers.append(point.encode(x="year:Q", y="value:Q", tooltip=tooltip))
        text = alt.Chart(marks).mark_text(align="right", dx=-10, fontSize=14, color="#000000")
        layers.append(text.encode(x="year:Q", y="value:Q", text="target:N"))
    return _style(alt.layer(*layers), t("deck_chart_total", lang))


STATUS_SHAPES = {"published": "circle", "estimated": "diamond", "projected": "circle"}
STATUS_FILLS = {"published": BLUE, "estimated": SKY, "projected": "#ffffff"}


def status_data(frame: pd.DataFrame, lang: Lang, history: History) -> pd.DataFrame:
    """(year, value, status, word) of the scenario's years after the base year: published, estimated
    (with the months its figure covers in ``history``) or projected, as the legend names them."""
    rows = frame.loc[frame["status"] != "base"]
    words = status_words(frame, lang, history).loc[rows.index]
    return pd.DataFrame(
        {"year": rows["year"].astype(int), "value": rows["va_total"], "status": rows["status"], "word": words}
    )


def _status_marks(frame: pd.DataFrame, lang: Lang, history: History) -> list[alt.Chart]:
    """The scenario's years marked by status: published a filled circle, estimated a pale diamond,
    projected an open circle; the legend names each (已公布 / 估算（1—N月） / 推算)."""
    data = status_data(frame, lang, history)
    order = [s for s in ("published", "estimated", "projected") if s in set(data["status"])]
    words = [data.loc[data["status"] == s, "word"].iloc[0] for s in order]
    legend = alt.Legend(title=None, symbolStrokeWidth=2, symbolSize=140)
    return [
        alt.Chart(data)
        .mark_point(size=130, strokeWidth=2.5, opacity=1, stroke=BLUE)
        .encode(
            x="year:Q",
            y="value:Q",
            shape=alt.Shape(
                "word:N", scale=alt.Scale(domain=words, range=[STATUS_SHAPES[s] for s in order]), legend=legend
            ),
            fill=alt.Fill(
                "word:N", scale=alt.Scale(domain=words, range=[STATUS_FILLS[s] for s in order]), legend=legend
            ),
            tooltip=[
                alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
                alt.Tooltip("word:N", title=t("deck_col_status", lang)),
                alt.Tooltip("value:Q", title=t("axis_yuan", lang), format=VALUE_FORMAT),
            ],
        )
    ]


def investment_data(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """(year, series, value, series_order) rows of the three kinds of investment, stacked in order."""
    names = [t("deck_series_" + key, lang) for key in INVESTMENT_SERIES]
    parts = [
        pd.DataFrame({"year": frame["year"], "series": name, "value": frame[key], "series_order": n})
        for n, (key, name) in enumerate(zip(INVESTMENT_SERIES, names, strict=True))
    ]
    return pd.concat(parts, ignore_index=True)


def investment_chart(frame: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    """Investment per year: the funds' own capital, the capital they mobilise, the key projects'."""
    data = investment_data(frame, lang)
    domain = [t("deck_series_" + key, lang) for key in INVESTMENT_SERIES]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=_x(lang, frame["year"]),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), stack="zero"),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=[BLUE, SKY, GREEN])),
            order=alt.Order("series_order:Q"),
            tooltip=_tooltip(lang),
        )
    )
    return _style(bars, t("deck_chart_investment", lang))


CHANNELS = ("ti_policy_va", "capacity_policy_va")  # model version 3: 技改 and new capacity


def policy_data(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """(year, x0, x1, value, zero, sign, channel) rows: what the levers change against the announced
    plan, a bar a channel a year (技改 on the left, new capacity on the right) where the result table
    has the two channels, else one bar of ``policy_va``."""
    year = frame["year"].astype(int).reset_index(drop=True)
    channels = [c for c in CHANNELS if c in frame] or ["policy_va"]
    width = 0.8 / len(channels)
    parts = []
    for n, column in enumerate(channels):
        value = frame[column].astype(float).reset_index(drop=True)
        sign = value.map(
            lambda v: t("deck_gain", lang) if v > 0 else (t("deck_loss", lang) if v < 0 else t("deck_none", lang))
        )
        x0 = year - 0.4 + n * width
        parts.append(
            pd.DataFrame(
                {
                    "year": year,
                    "x0": x0,
                    "x1": x0 + width * 0.92,
                    "value": value,
                    "zero": 0.0,
                    "sign": sign,
                    "channel": t("deck_channel_" + column, lang),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def policy_chart(frame: pd.DataFrame, lang: Lang, red_up: bool | None = None) -> alt.TopLevelMixin:
    """What the levers change against the announced plan, a year as bars from zero on their own axis:
    gains and losses in the up and down colours (red for up in Chinese unless ``red_up`` says
    otherwise: report.charts.red_for_up); the two channels (技改, new capacity) side by side, told
    apart by their shade and named in the legend."""
    data = policy_data(frame, lang)
    domain = [t("deck_gain", lang), t("deck_loss", lang), t("deck_none", lang)]
    up, down = up_down_colours(red_for_up(lang) if red_up is None else red_up)
    channels = list(dict.fromkeys(data["channel"]))
    encoding = {
        "x": _xq(lang, frame["year"], "x0"),
        "x2": "x1:Q",
        "y": alt.Y("value:Q", title=t("axis_yuan", lang), scale=alt.Scale(zero=True)),
        "y2": "zero:Q",
        "color": alt.Color("sign:N", title=None, scale=alt.Scale(domain=domain, range=[up, down, GREY])),
        "tooltip": [
            alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
            alt.Tooltip("channel:N", title=t("series", lang)),
            alt.Tooltip("value:Q", title=f"{t('value', lang)} ({t('axis_yuan', lang)})", format="+,.2f"),
        ],
    }
    if len(channels) > 1:
        encoding["opacity"] = alt.Opacity(
            "channel:N", title=None, scale=alt.Scale(domain=channels, range=[1.0, 0.45][: len(channels)])
        )
    bars = alt.Chart(data).mark_rect(stroke="#333333", strokeWidth=0.6).encode(**encoding)
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="#000000", strokeWidth=1.5).encode(y="zero:Q")
    return _style(alt.layer(*_published_band(frame, lang), bars, zero), t("chart_change_title", lang))


def compare_chart(frames: dict[str, pd.DataFrame], defaults: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    """Total value added, a solid line per compared scenario, the article's defaults dashed on top in
    a colour no scenario uses (report.charts.compare_layers, with the deck's year axis)."""
    years = pd.Series(sorted({int(y) for f in (defaults, *frames.values()) for y in f["year"]}))
    return _style(compare_layers(frames, defaults, lang, x=_x(lang, years)), t("chart_compare_title", lang))
