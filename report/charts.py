"""Chart builders: result frames in, Altair charts out. No streamlit here, so tests can read
``chart.to_dict()``.

Colours are Okabe–Ito (safe for colour-blind readers); the baseline differs from the scenario by
line style as well as colour. Type is sized for a projector.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from model.history import GROWTH, USABLE, Figure
from model.lang import Lang
from model.parameters import LEVEL_METRICS, Target, fmt_number, load_parameters
from model.targets import measure
from report.csv_export import LABELS
from report.text import period_name, t

BLUE, ORANGE, GREEN, GREY, SKY = "#0072B2", "#E69F00", "#009E73", "#7f7f7f", "#56B4E9"
VALUE_FORMAT = ",.1f"


def column_label(key: str, lang: Lang) -> str:
    return LABELS[key][lang]


# A legend's entries in one row, or one a line where the chart is too narrow for the row (a
# narrow window): a legend is never cut at the chart's edge.
LEGEND_COLUMNS = {"expr": "width < 640 ? 1 : 0"}


def style(chart: alt.TopLevelMixin, title: str, height: int = 340, label_limit: int = 320) -> alt.TopLevelMixin:
    """Title, axes and legend as every chart of the page and the deck has them."""
    return (
        chart.properties(title=title, height=height)
        .configure_title(fontSize=18, anchor="start")
        .configure_axis(labelFontSize=14, titleFontSize=15, grid=True, gridOpacity=0.4)
        .configure_legend(
            orient="bottom",
            labelFontSize=14,
            titleFontSize=14,
            labelLimit=label_limit,
            columns=LEGEND_COLUMNS,
        )
    )


# A line's legend entry is a stroke drawn with the line's own dash pattern (Vega's default symbol is a
# filled circle, which shows solid, dashed and dotted lines alike as blobs). The symbol is 36 px long
# (a stroke symbol's size is its length squared), room for two periods of the longest dash, 8 + 5.
LINE_LEGEND = alt.Legend(title=None, symbolType="stroke", symbolSize=1296, symbolStrokeWidth=3)


def _long(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Wide result columns → (year, series, value) rows, series named for the legend."""
    part = frame[["year", *columns]].rename(columns=columns)
    return part.melt(id_vars="year", var_name="series", value_name="value")


def _x(lang: Lang) -> alt.X:
    return alt.X("year:O", title=t("axis_year", lang), axis=alt.Axis(labelAngle=0))


def _tooltip(lang: Lang) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("year:O", title=t("axis_year", lang)),
        alt.Tooltip("series:N", title=t("series", lang)),
        alt.Tooltip("value:Q", title=f"{t('value', lang)} ({t('axis_yuan', lang)})", format=VALUE_FORMAT),
    ]


LIGHT = "#d9d9d9"  # the band behind published years
VERMILION = "#D55E00"

# Up and down: red for up is the Chinese convention (a Chinese page and deck), green for up the
# English one; a user may choose either (ui/url.py's setting, ``red``, ``green`` or ``auto``).
RED, UP_GREEN = "#D62728", "#009E73"
UPDOWN_SETTINGS = ("auto", "red", "green")


def red_for_up(lang: Lang, setting: str | None = None) -> bool:
    """Whether increases are red: the setting ``red`` or ``green`` says so; else (``auto``) red in
    Chinese, green in English."""
    if setting in ("red", "green"):
        return setting == "red"
    return lang != "en"


def up_down_colours(red_up: bool) -> tuple[str, str]:
    """(colour for up, colour for down)."""
    return (RED, UP_GREEN) if red_up else (UP_GREEN, RED)


def signed_css(value: object, red_up: bool) -> str:
    """CSS colouring a signed figure by the convention: up, down, nothing for zero or no number."""
    if not isinstance(value, (int, float)) or value != value or abs(value) < 1e-9:
        return ""
    up, down = up_down_colours(red_up)
    return f"color: {up if value > 0 else down}"


def published_rows(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """(year, series, layer) rows for the years whose figures are published (a full-year figure)."""
    years = frame.loc[frame["status"] == "published", "year"]
    return pd.DataFrame({"year": years, "series": t("series_published", lang), "layer": "band"})


# A year's status as a mark on a line (docs/model.md, "Time"): published ◆ filled, estimated ◇
# hollow, projected no mark (the line alone). Explained in the legend.
STATUS_MARKED = ("published", "estimated")


def status_domain(lang: Lang) -> list[str]:
    return [t("legend_published", lang), t("legend_estimated", lang), t("legend_projected", lang)]


def status_rows(frame: pd.DataFrame, lang: Lang, column: str = "va_total") -> pd.DataFrame:
    """(year, series, value, layer) rows: a mark at ``column`` in each published or estimated year."""
    marked = frame.loc[frame["status"].isin(STATUS_MARKED), ["year", "status", column]]
    names = dict(zip(("published", "estimated"), status_domain(lang)[:2], strict=True))
    # The status is a field of its own (``mark``), not ``series``: sharing the lines' field would merge
    # the two legends and turn the lines' strokes into shapes.
    return pd.DataFrame(
        {
            "year": marked["year"],
            "series": "",
            "value": marked[column],
            "layer": "status",
            "mark": marked["status"].map(names),
        }
    )


def _hover(lines: alt.Chart) -> alt.Chart:
    """Invisible points on ``lines`` that keep a tooltip on every year: a line carries no dots, so
    that the visible marks say each year's status (a projected year has none)."""
    return lines.mark_point(size=90, filled=True, opacity=0).encode(color=alt.value(GREY), strokeDash=alt.value([1, 0]))


def _status_marks(lang: Lang) -> alt.Chart:
    """The status marks (rows of layer ``status``): filled ◆ published, hollow ◇ estimated; the legend
    names all three, projected years as the line without a mark."""
    domain = status_domain(lang)
    return (
        alt.Chart()
        .transform_filter(alt.datum.layer == "status")
        .mark_point(size=150, strokeWidth=2.5, opacity=1, stroke="#000000")
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q"),
            # Their legend above the chart: below it, beside the lines' and the band's, a row too wide for
            # a half-width chart at 1280 px.
            shape=alt.Shape(
                "mark:N",
                title=None,
                scale=alt.Scale(domain=domain, range=["diamond", "diamond", "stroke"]),
                legend=alt.Legend(orient="top"),
            ),
            fill=alt.Fill(
                "mark:N",
                title=None,
                scale=alt.Scale(domain=domain, range=["#000000", "#ffffff", "#ffffff"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("year:O", title=t("axis_year", lang)),
                alt.Tooltip("mark:N", title=t("col_status", lang)),
                alt.Tooltip("value:Q", title=f"{t('value', lang)} ({t('axis_yuan', lang)})", format=VALUE_FORMAT),
            ],
        )
    )


def _band(lang: Lang) -> alt.Chart:
    """Grey shading over the published years (the rows of layer ``band``), with a legend entry.

    It is coloured by ``fill``, a channel of its own, so that its legend stays apart from the lines'.
    """
    return (
        alt.Chart()
        .transform_filter(alt.datum.layer == "band")
        .mark_rect(opacity=0.6)
        .encode(
            x=_x(lang),
            # Above the chart, with the status marks' legend: below it the lines' legend keeps the room.
            fill=alt.Fill("series:N", title=None, scale=alt.Scale(range=[LIGHT]), legend=alt.Legend(orient="top")),
            tooltip=[
                alt.Tooltip("year:O", title=t("axis_year", lang)),
                alt.Tooltip("series:N", title=t("series", lang)),
            ],
        )
    )


def _present(data: pd.DataFrame, **layers: alt.Chart) -> list[alt.Chart]:
    """The layers whose rows ``data`` has (``line`` always): an empty layer would draw an empty
    legend, which Vega sizes as infinite."""
    kinds = set(data["layer"]) if "layer" in data else set()
    return [chart for kind, chart in layers.items() if kind == "line" or kind in kinds]


def needed_level(target: Target, frame: pd.DataFrame) -> float:
    """The value added (or, for a revenue target, the operating revenue) in the target's year that
    meets it, given this scenario's path before it."""
    va = frame.set_index("year")[measure(target)]
    if target.metric in LEVEL_METRICS:
        return target.value
    if target.metric == "growth_year":
        return float(va[target.year - 1]) * (1 + target.value / 100)
    return float(va[target.from_year]) * (1 + target.value / 100) ** (target.year - target.from_year)


def target_rows(targets: Sequence[Target], frame: pd.DataFrame, lang: Lang, column: str = "va_total") -> pd.DataFrame:
    """(year, series, value, layer, detail) rows: each target measured on ``column`` (value added, or
    ``revenue`` for the revenue chart) as the level it needs; the other targets belong on the other chart."""
    years = set(frame["year"])
    series = t("series_target" if column == "va_total" else "series_target_revenue", lang)
    rows = [
        {
            "year": x.year,
            "series": series,
            "value": needed_level(x, frame),
            "layer": "target",
            "detail": f"{x.label}: {t('target_metric_' + x.metric, lang)} {fmt_number(x.value)}",
        }
        for x in targets
        if x.year in years and (x.metric != "growth_avg" or x.from_year in years) and measure(x) == column
    ]
    return pd.DataFrame(rows, columns=["year", "series", "value", "layer", "detail"])


def three_lines(frame: pd.DataFrame, other: pd.DataFrame, names: tuple[str, str, str]) -> pd.DataFrame:
    """(year, series, value) rows of total value added: this scenario, ``other`` (the defaults on the
    page, the article's plan in the deck) and Shandong's pace from the 2023 level, named ``names``."""
    scenario, compared, province = names
    return pd.concat(
        [
            pd.DataFrame({"year": frame["year"], "series": scenario, "value": frame["va_total"]}),
            pd.DataFrame({"year": other["year"], "series": compared, "value": other["va_total"]}),
            pd.DataFrame(
                {
                    "year": frame["year"],
                    "series": province,
                    "value": frame["va_total"].iloc[0] * frame["province_index"] / 100,
                }
            ),
        ],
        ignore_index=True,
    )


def value_added_data(
    frame: pd.DataFrame,
    baseline: pd.DataFrame,
    lang: Lang,
    label: str | None = None,
    targets: Sequence[Target] = (),
) -> pd.DataFrame:
    """(year, series, value, layer, detail) rows: this scenario (named ``label``), the article's plan
    (the defaults), Shandong's pace (layer ``line``); the published years (``band``); the targets
    (``target``)."""
    names = (label or t("this_scenario", lang), t("series_baseline", lang), t("series_province", lang))
    data = three_lines(frame, baseline, names).assign(layer="line", detail="")
    marks = status_rows(frame, lang).assign(detail="")
    parts = [data, published_rows(frame, lang), marks, target_rows(targets, frame, lang)]
    out = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    return out.astype({"year": int, "series": str, "value": float, "layer": str}).fillna({"detail": "", "mark": ""})


def _target_marks(lang: Lang, value_title: str) -> alt.Chart:
    """The targets (rows of layer ``target``): a ▼ at the level each needs, its label in the tooltip."""
    return (
        alt.Chart()
        .transform_filter(alt.datum.layer == "target")
        # a field of its own: on ``series`` the target's ▼ legend would merge with the lines' and
        # turn their stroke symbols into shapes
        .transform_calculate(target="datum.series")
        .mark_point(size=320, filled=True, color="#000000", strokeWidth=2)
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q"),
            shape=alt.Shape("target:N", title=None, scale=alt.Scale(range=["triangle-down"])),
            tooltip=[
                alt.Tooltip("year:O", title=t("axis_year", lang)),
                alt.Tooltip("detail:N", title=t("col_target", lang)),
                alt.Tooltip("value:Q", title=value_title, format=VALUE_FORMAT),
            ],
        )
    )


def value_added_from_data(data: pd.DataFrame, lang: Lang, label: str | None = None) -> alt.TopLevelMixin:
    domain = [label or t("this_scenario", lang), t("series_baseline", lang), t("series_province", lang)]
    lines = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "line")
        .mark_line(strokeWidth=3)
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), scale=alt.Scale(zero=False)),
            color=alt.Color(
                "series:N",
                legend=LINE_LEGEND,
                scale=alt.Scale(domain=domain, range=[BLUE, ORANGE, GREY]),
            ),
            strokeDash=alt.StrokeDash(
                "series:N",
                legend=LINE_LEGEND,
                scale=alt.Scale(domain=domain, range=[[1, 0], [8, 5], [2, 3]]),
            ),
            tooltip=_tooltip(lang),
        )
    )
    marks = _target_marks(lang, t("series_target", lang))
    layers = _present(data, band=_band(lang), line=lines, status=_status_marks(lang), target=marks)
    chart = alt.layer(*layers, _hover(lines), data=data).resolve_scale(shape="independent", fill="independent")
    return style(chart, t("chart_va_title", lang))


def value_added_chart(
    frame: pd.DataFrame,
    baseline: pd.DataFrame,
    lang: Lang,
    label: str | None = None,
    targets: Sequence[Target] = (),
) -> alt.TopLevelMixin:
    """Total value added: this scenario solid, the article's plan dashed, Shandong's pace dotted;
    published years shaded; each target a mark at the value added it needs."""
    return value_added_from_data(value_added_data(frame, baseline, lang, label, targets), lang, label)


def revenue_data(frame: pd.DataFrame, plan: pd.DataFrame, targets: Sequence[Target], lang: Lang) -> pd.DataFrame:
    """(year, series, value, layer, detail) rows: this scenario's operating revenue and the plan's
    (layer ``line``, MODEL.md equation 13); each revenue target, official or the user's (``target``)."""
    lines = pd.concat(
        [
            pd.DataFrame({"year": frame["year"], "series": t("this_scenario", lang), "value": frame["revenue"]}),
            pd.DataFrame({"year": plan["year"], "series": t("series_baseline", lang), "value": plan["revenue"]}),
        ],
        ignore_index=True,
    ).assign(layer="line", detail="")
    parts = [lines, target_rows(targets, frame, lang, column="revenue")]
    out = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    return out.astype({"year": int, "series": str, "value": float, "layer": str}).fillna({"detail": ""})


def _two_lines(domain: list[str], colours: list[str], dashes: list[list[int]], lang: Lang) -> alt.Chart:
    """Two lines (rows of layer ``line``) in amounts, each with its colour and dash, the legend in strokes."""
    return (
        alt.Chart()
        .transform_filter(alt.datum.layer == "line")
        .mark_line(strokeWidth=3)
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", legend=LINE_LEGEND, scale=alt.Scale(domain=domain, range=colours)),
            strokeDash=alt.StrokeDash("series:N", legend=LINE_LEGEND, scale=alt.Scale(domain=domain, range=dashes)),
            tooltip=_tooltip(lang),
        )
    )


def revenue_from_data(data: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    domain = [t("this_scenario", lang), t("series_baseline", lang)]
    lines = _two_lines(domain, [BLUE, ORANGE], [[1, 0], [8, 5]], lang)
    marks = _target_marks(lang, t("series_target_revenue", lang))
    layers = _present(data, line=lines, target=marks)
    chart = alt.layer(*layers, _hover(lines), data=data).resolve_scale(shape="independent")
    return style(chart, t("chart_revenue_title", lang))


def revenue_chart(frame: pd.DataFrame, plan: pd.DataFrame, targets: Sequence[Target], lang: Lang) -> alt.TopLevelMixin:
    """Operating revenue: this scenario solid, the plan dashed; each revenue target a ▼ at its level."""
    return revenue_from_data(revenue_data(frame, plan, targets, lang), lang)


INVESTMENT_COLUMNS = ("fund_capital", "mobilized_investment")
CHANGE_COLUMNS = ("va_baseline", "va_total")


def stacked_data(frame: pd.DataFrame, keys: tuple[str, ...], lang: Lang) -> pd.DataFrame:
    """(year, series, value, series_order) rows, one per result column in ``keys``, stacked in that order."""
    columns = {key: column_label(key, lang) for key in keys}
    data = _long(frame, columns)
    data["series_order"] = data["series"].map({v: i for i, v in enumerate(columns.values())})
    return data


def _stacked_from_data(data: pd.DataFrame, keys: tuple[str, ...], colours: list[str], title: str, lang: Lang):
    domain = [column_label(key, lang) for key in keys]
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), stack="zero"),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colours)),
            order=alt.Order("series_order:Q"),
            tooltip=_tooltip(lang),
        )
    )
    return style(chart, t(title, lang))


def investment_from_data(data: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    return _stacked_from_data(data, INVESTMENT_COLUMNS, [BLUE, SKY], "chart_invest_title", lang)


def investment_chart(frame: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    """Investment per year: the funds' own capital and the capital it mobilises, stacked."""
    return investment_from_data(stacked_data(frame, INVESTMENT_COLUMNS, lang), lang)


def baseline_data(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """(year, series, value, layer) rows: the baseline and this scenario's value added (``line``),
    and the published years (``band``)."""
    lines = _long(frame, {key: column_label(key, lang) for key in CHANGE_COLUMNS}).assign(layer="line")
    parts = [lines, published_rows(frame, lang), status_rows(frame, lang)]
    out = pd.concat([p for p in parts if not p.empty], ignore_index=True).astype({"year": int, "layer": str})
    return out.fillna({"mark": ""}) if "mark" in out else out


CHANNELS = (("ti_policy_va", "channel_ti"), ("capacity_policy_va", "group_economy_capacity"))


def change_data(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """(year, series, value, layer) rows, each year from 2024: what the levers change against the
    plan in its two channels (``change``: 技改, 新增产能; they stack to the whole), the whole
    ``policy_va`` named by its sign (``net``), and the published years (``band``)."""
    later = frame.loc[frame["year"] > frame["year"].iloc[0]]
    channels = [
        pd.DataFrame({"year": later["year"], "series": t(label, lang), "value": later[key], "layer": "change"})
        for key, label in CHANNELS
    ]
    net = pd.DataFrame(
        {
            "year": later["year"],
            "series": [t("change_up", lang) if v >= 0 else t("change_down", lang) for v in later["policy_va"]],
            "value": later["policy_va"],
            "layer": "net",
        }
    )
    parts = [*channels, net, published_rows(frame, lang)]
    return pd.concat([p for p in parts if not p.empty], ignore_index=True).astype({"year": int, "layer": str})


def baseline_from_data(data: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    """The baseline (dashed) and this scenario (solid), published years shaded."""
    domain = [column_label(key, lang) for key in CHANGE_COLUMNS]
    lines = _two_lines(domain, [GREY, BLUE], [[8, 5], [1, 0]], lang)
    layers = _present(data, band=_band(lang), line=lines, status=_status_marks(lang))
    chart = alt.layer(*layers, _hover(lines), data=data).resolve_scale(shape="independent", fill="independent")
    return style(chart, t("chart_source_title", lang))


def change_from_data(data: pd.DataFrame, lang: Lang, red_up: bool | None = None) -> alt.TopLevelMixin:
    """What the levers change each year against the plan, on its own axis: bars above or below
    zero at their real size, up and down in the colours of :func:`red_for_up` (by ``lang`` unless
    ``red_up`` says)."""
    signs = [t("change_up", lang), t("change_down", lang)]
    colours = list(up_down_colours(red_for_up(lang) if red_up is None else red_up))
    channels = [t(label, lang) for _, label in CHANNELS]
    changes = data.loc[data["layer"].isin(("change", "net")), "value"]
    # Every lever at its default changes nothing: an axis from -1 to 1, not ticks of 0.000000.
    scale = alt.Scale(domain=[-1, 1]) if changes.abs().max(skipna=True) < 0.05 or changes.empty else alt.Undefined
    # The two channels stacked (above zero what they add, below what they take away), told apart by
    # colour and named in the legend; the whole change a point coloured up or down.
    bars = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "change")
        .mark_bar(width=alt.RelativeBandSize(0.7))
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), axis=alt.Axis(format=",.1~f"), scale=scale, stack="zero"),
            # The channels' legend above the chart: below it stay the whole change's and the band's,
            # as they were, within a half-width chart.
            fill=alt.Fill(
                "series:N",
                title=None,
                scale=alt.Scale(domain=channels, range=[BLUE, ORANGE]),
                legend=alt.Legend(orient="top"),
            ),
            order=alt.Order("series:N", sort="descending"),
            tooltip=_tooltip(lang),
        )
    )
    net = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "net")
        .mark_point(size=110, filled=True, shape="circle", stroke="#000000", strokeWidth=1.5, opacity=1)
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q"),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=signs, range=colours)),
            tooltip=_tooltip(lang),
        )
    )
    zero = alt.Chart().mark_rule(color="#000000", strokeWidth=1.5).encode(y=alt.datum(0))
    layers = [*_present(data, band=_band(lang)), bars, zero, net]
    chart = alt.layer(*layers, data=data).resolve_scale(fill="independent")
    return style(chart, t("chart_change_title", lang))


def source_chart(frame: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    """The baseline and this scenario's value added."""
    return baseline_from_data(baseline_data(frame, lang), lang)


def change_chart(frame: pd.DataFrame, lang: Lang, red_up: bool | None = None) -> alt.TopLevelMixin:
    """What the levers change against the article's plan, year by year."""
    return change_from_data(change_data(frame, lang), lang, red_up)


# A colour per compared scenario: none is the defaults' orange, nor the red and green that mean up
# and down.
COMPARE_COLOURS = [BLUE, "#CC79A7", SKY, "#000000", "#8C510A", "#6A3D9A"]
DEFAULTS_COLOUR = ORANGE


def compare_layers(
    frames: dict[str, pd.DataFrame], baseline: pd.DataFrame, lang: Lang, x: alt.X | None = None
) -> alt.LayerChart:
    """Total value added, a solid line per compared scenario, and the article's defaults dashed in a
    colour no scenario uses, drawn last so that a scenario at the defaults never hides it."""
    base = t("series_baseline", lang)
    parts = [pd.DataFrame({"year": baseline["year"], "series": base, "value": baseline["va_total"]})]
    parts += [pd.DataFrame({"year": f["year"], "series": name, "value": f["va_total"]}) for name, f in frames.items()]
    domain = [base, *frames]
    encoding = {
        "x": x if x is not None else _x(lang),
        "y": alt.Y("value:Q", title=t("axis_yuan", lang), scale=alt.Scale(zero=False)),
        "color": alt.Color(
            "series:N",
            legend=LINE_LEGEND,
            sort=domain,
            scale=alt.Scale(domain=domain, range=[DEFAULTS_COLOUR, *COMPARE_COLOURS[: len(frames)]]),
        ),
        "strokeDash": alt.StrokeDash(
            "series:N",
            legend=LINE_LEGEND,
            sort=domain,
            scale=alt.Scale(domain=domain, range=[[8, 5]] + [[1, 0]] * len(frames)),
        ),
        "tooltip": _tooltip(lang),
    }
    data = pd.concat(parts, ignore_index=True)
    lines = alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=50, filled=True), strokeWidth=3)
    scenarios = lines.transform_filter(alt.FieldOneOfPredicate(field="series", oneOf=list(frames))).encode(**encoding)
    defaults = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=40, filled=True), strokeWidth=3.5)
        .transform_filter(alt.FieldEqualPredicate(field="series", equal=base))
        .encode(**encoding)
    )
    return alt.layer(scenarios, defaults)


def compare_chart(frames: dict[str, pd.DataFrame], baseline: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    """Total value added, a solid line per compared scenario and the article defaults dashed."""
    return style(compare_layers(frames, baseline, lang), t("chart_compare_title", lang))


# The fan's bands: light (5–95%) under dark (25–75%), translucent over the grey of published years.
BAND_FILLS, BAND_OPACITY = ["#9ecae1", "#3a8cc4"], 0.6


def fan_chart(
    percentiles: pd.DataFrame, lang: Lang, published: Sequence[int] = (), label: str | None = None
) -> alt.TopLevelMixin:
    """The Monte Carlo fan: 5–95% and 25–75% bands, the median, and this scenario's line (named
    ``label``); the ``published`` years shaded. The legend names the two bands, the median (dashed)
    and the scenario (solid)."""
    scenario = label or t("this_scenario", lang)
    data = percentiles.copy()
    x = _x(lang)
    y_title = t("axis_yuan", lang)
    # The two bands, one area mark coloured by band (rows of the 5–95% range first, drawn under the
    # 25–75% one), with a legend of their own beside the lines'.
    bands = [t("fan_band_outer", lang), t("fan_band_inner", lang)]
    spread = pd.concat(
        [
            pd.DataFrame({"year": data["year"], "band": bands[0], "low": data["p5"], "high": data["p95"]}),
            pd.DataFrame({"year": data["year"], "band": bands[1], "low": data["p25"], "high": data["p75"]}),
        ],
        ignore_index=True,
    ).assign(order=lambda f: f["band"].map({bands[0]: 0, bands[1]: 1}))
    band_legend = alt.Legend(title=None, symbolType="square", symbolSize=300)
    areas = (
        alt.Chart(spread)
        .mark_area(opacity=BAND_OPACITY)
        .encode(
            x=x,
            y=alt.Y("low:Q", title=y_title, scale=alt.Scale(zero=False)),
            y2="high:Q",
            fill=alt.Fill("band:N", legend=band_legend, sort=bands, scale=alt.Scale(domain=bands, range=BAND_FILLS)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("year:O", title=t("axis_year", lang)),
                alt.Tooltip("band:N", title=t("series", lang)),
                alt.Tooltip("low:Q", title=t("fan_low", lang), format=VALUE_FORMAT),
                alt.Tooltip("high:Q", title=t("fan_high", lang), format=VALUE_FORMAT),
            ],
        )
    )
    lines = _long(data, {"p50": t("median", lang), "deterministic": scenario})
    domain = [t("median", lang), scenario]
    line = (
        alt.Chart(lines)
        .mark_line(strokeWidth=3, point=alt.OverlayMarkDef(size=40, filled=True))
        .encode(
            x=x,
            y=alt.Y("value:Q", title=y_title),
            color=alt.Color("series:N", legend=LINE_LEGEND, scale=alt.Scale(domain=domain, range=[GREY, BLUE])),
            strokeDash=alt.StrokeDash(
                "series:N", legend=LINE_LEGEND, scale=alt.Scale(domain=domain, range=[[6, 4], [1, 0]])
            ),
            tooltip=_tooltip(lang),
        )
    )
    layers = [areas, line]
    if len(published):
        shade = pd.DataFrame({"year": list(published), "series": t("series_published", lang), "layer": "band"})
        layers.insert(0, _band(lang).properties(data=shade))
    # the published years' grey and the bands' blue are fills of two scales, each with its legend
    return style(alt.layer(*layers).resolve_scale(fill="independent"), t("fan_title", lang))


def tornado_chart(table: pd.DataFrame, year: int, lang: Lang) -> alt.TopLevelMixin:
    """Final-year value added with each parameter at its low and high value, largest swing on top."""
    labels = {k: s.label(lang) for k, s in load_parameters().items()}
    rows = []
    for r in table.itertuples():
        for side, va, setting in (("at_low", r.va_low, r.low), ("at_high", r.va_high, r.high)):
            rows.append(
                {
                    "parameter": labels[r.key],
                    "side": t(side, lang),
                    "setting": fmt_number(setting),
                    "start": r.va_base,
                    "end": va,
                    "swing": r.swing,
                }
            )
    data = pd.DataFrame(rows)
    order = list(dict.fromkeys(data["parameter"]))
    y = alt.Y("parameter:N", sort=order, title=None, axis=alt.Axis(labelLimit=360))
    domain = [t("at_low", lang), t("at_high", lang)]
    bars = (
        alt.Chart(data)
        .mark_bar(height=18)
        .encode(
            y=y,
            x=alt.X("start:Q", title=t("axis_yuan", lang), scale=alt.Scale(zero=False)),
            x2="end:Q",
            color=alt.Color("side:N", title=None, scale=alt.Scale(domain=domain, range=[ORANGE, BLUE])),
            tooltip=[
                alt.Tooltip("parameter:N", title=t("col_parameter", lang)),
                alt.Tooltip("side:N", title=t("series", lang)),
                alt.Tooltip("setting:N", title=t("col_value", lang)),
                alt.Tooltip("end:Q", title=f"{t('value', lang)} ({t('axis_yuan', lang)})", format=VALUE_FORMAT),
            ],
        )
    )
    base = (
        alt.Chart(pd.DataFrame({"x": [float(table["va_base"].iloc[0])]}))
        .mark_rule(color="#000000", strokeWidth=2)
        .encode(x="x:Q", tooltip=[alt.Tooltip("x:Q", title=t("this_scenario", lang), format=VALUE_FORMAT)])
    )
    return style(alt.layer(bars, base), t("tornado_title", lang, year=year), height=max(200, 34 * len(order)))


def growth_data(frame: pd.DataFrame, baseline: pd.DataFrame, history: Sequence[Figure], lang: Lang) -> pd.DataFrame:
    """(year, series, value, layer, detail) rows: projected growth of this scenario and of the plan
    (``line``), Dezhou's official figures (``official`` full-year, ``partial`` part of the year),
    the published years (``band``)."""
    years = set(frame["year"])
    lines = pd.concat(
        [
            pd.DataFrame(
                {"year": frame["year"], "series": t("this_scenario", lang), "value": frame["growth_total_pct"]}
            ),
            pd.DataFrame(
                {"year": baseline["year"], "series": t("series_baseline", lang), "value": baseline["growth_total_pct"]}
            ),
        ],
        ignore_index=True,
    ).dropna()
    points = pd.DataFrame(
        [
            {
                "year": f.year,
                "series": t("series_official" if f.full_year else "series_partial", lang),
                "value": f.value,
                "layer": "official" if f.full_year else "partial",
                "detail": " · ".join(
                    (period_name(f.period, lang), f.publication_name(lang), t("conf_" + f.confidence, lang))
                ),
            }
            for f in history
            if f.region == "dezhou" and f.metric == GROWTH and f.year in years and f.confidence in USABLE
        ],
        columns=["year", "series", "value", "layer", "detail"],
    )
    parts = [lines.assign(layer="line", detail=""), points, published_rows(frame, lang)]
    out = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    return out.astype({"year": int, "layer": str}).fillna({"detail": ""})


def growth_chart(
    frame: pd.DataFrame, baseline: pd.DataFrame, history: Sequence[Figure], lang: Lang
) -> alt.TopLevelMixin:
    """Projected growth (scenario solid, the plan dashed) with Dezhou's official figures as points
    (full-year ◆, part of the year ○) and the published years shaded."""
    data = growth_data(frame, baseline, history, lang)
    domain = [t("this_scenario", lang), t("series_baseline", lang)]
    x = alt.X(
        "year:O", title=t("axis_year", lang), axis=alt.Axis(labelAngle=0), scale=alt.Scale(domain=list(frame["year"]))
    )
    y = alt.Y("value:Q", title="%", scale=alt.Scale(zero=False))
    line = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "line")
        .mark_line(strokeWidth=3)
        .encode(
            x=x,
            y=y,
            color=alt.Color("series:N", legend=LINE_LEGEND, scale=alt.Scale(domain=domain, range=[BLUE, ORANGE])),
            strokeDash=alt.StrokeDash(
                "series:N", legend=LINE_LEGEND, scale=alt.Scale(domain=domain, range=[[1, 0], [8, 5]])
            ),
            tooltip=[
                alt.Tooltip("year:O", title=t("axis_year", lang)),
                alt.Tooltip("series:N", title=t("series", lang)),
                alt.Tooltip("value:Q", title="%", format=".2f"),
            ],
        )
    )
    official = [t("series_official", lang), t("series_partial", lang)]
    points = (
        alt.Chart()
        .transform_filter("datum.layer == 'official' || datum.layer == 'partial'")
        # a field of its own, so that the points' legend does not merge with the lines' strokes
        .transform_calculate(point="datum.series")
        .mark_point(size=220, strokeWidth=2.5, stroke="#000000", filled=True)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape("point:N", title=None, scale=alt.Scale(domain=official, range=["diamond", "circle"])),
            fill=alt.Fill("point:N", title=None, scale=alt.Scale(domain=official, range=["#000000", "#ffffff"])),
            tooltip=[
                alt.Tooltip("year:O", title=t("axis_year", lang)),
                alt.Tooltip("series:N", title=t("series", lang)),
                alt.Tooltip("value:Q", title="%", format=".2f"),
                alt.Tooltip("detail:N", title=t("help_source", lang)),
            ],
        )
    )
    band = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "band")
        .mark_rect(opacity=0.6, color=LIGHT)
        .encode(x=x, tooltip=[alt.Tooltip("year:O", title=t("axis_year", lang)), alt.Tooltip("series:N")])
    )
    layers = [band] if "band" in set(data["layer"]) else []
    layers += [line]
    if {"official", "partial"} & set(data["layer"]):
        layers.append(points)
    return style(alt.layer(*layers, data=data), t("growth_title", lang))


def backtest_chart(table: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    """Per year with an official figure: the article's projection and the official growth, joined
    by a rule whose length is the error."""
    projected, official = t("series_backtest", lang), t("series_official", lang)
    data = pd.concat(
        [
            table.assign(series=projected, value=table["projected_pct"]),
            table.assign(series=official, value=table["official_pct"]),
        ],
        ignore_index=True,
    )
    x = alt.X("year:O", title=t("axis_year", lang), axis=alt.Axis(labelAngle=0))
    tooltip = [
        alt.Tooltip("year:O", title=t("axis_year", lang)),
        alt.Tooltip("official_pct:Q", title=t("col_official_pct", lang), format=".2f"),
        alt.Tooltip("projected_pct:Q", title=t("col_projected_pct", lang), format=".2f"),
        alt.Tooltip("error_pts:Q", title=t("col_error_pts", lang), format="+.2f"),
    ]
    rule = (
        alt.Chart(table)
        .mark_rule(strokeWidth=3, color=GREY)
        .encode(
            x=x,
            y=alt.Y("official_pct:Q", title="%", scale=alt.Scale(zero=False)),
            y2="projected_pct:Q",
            tooltip=tooltip,
        )
    )
    points = (
        alt.Chart(data)
        .mark_point(size=220, filled=True)
        .encode(
            x=x,
            y=alt.Y("value:Q"),
            color=alt.Color(
                "series:N", title=None, scale=alt.Scale(domain=[projected, official], range=[ORANGE, "#000000"])
            ),
            shape=alt.Shape(
                "series:N", title=None, scale=alt.Scale(domain=[projected, official], range=["circle", "diamond"])
            ),
            tooltip=tooltip,
        )
    )
    return style(alt.layer(rule, points), t("backtest_chart_title", lang), height=280)
