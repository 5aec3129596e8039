"""Chart builders: result frames in, Altair charts out. No streamlit here, so tests can read
``chart.to_dict()``.

Colours are Okabe–Ito (safe for colour-blind readers); the baseline differs from the scenario by
line style as well as colour. Type is sized for a projector.
"""

from __future__ import annotations

from functools import cache

import altair as alt
import pandas as pd

from model.export import column_dictionary
from model.parameters import fmt_number, load_parameters
from ui.text import t

BLUE, ORANGE, GREEN, GREY, SKY = "#0072B2", "#E69F00", "#009E73", "#7f7f7f", "#56B4E9"
VALUE_FORMAT = ",.1f"


@cache
def _labels(lang: str) -> dict[str, str]:
    return dict(zip(column_dictionary()["key"], column_dictionary()[f"label_{lang}"], strict=True))


def column_label(key: str, lang: str) -> str:
    return _labels(lang)[key]


def _style(chart: alt.TopLevelMixin, title: str, height: int = 340) -> alt.TopLevelMixin:
    return (
        chart.properties(title=title, height=height)
        .configure_title(fontSize=18, anchor="start")
        .configure_axis(labelFontSize=14, titleFontSize=15, grid=True, gridOpacity=0.4)
        .configure_legend(orient="bottom", labelFontSize=14, titleFontSize=14, labelLimit=320)
    )


def _long(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Wide result columns → (year, series, value) rows, series named for the legend."""
    part = frame[["year", *columns]].rename(columns=columns)
    return part.melt(id_vars="year", var_name="series", value_name="value")


def _x(lang: str) -> alt.X:
    return alt.X("year:O", title=t("axis_year", lang), axis=alt.Axis(labelAngle=0))


def _tooltip(lang: str) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("year:O", title=t("axis_year", lang)),
        alt.Tooltip("series:N", title=t("series", lang)),
        alt.Tooltip("value:Q", title=f"{t('value', lang)} ({t('axis_yuan', lang)})", format=VALUE_FORMAT),
    ]


def value_added_data(
    frame: pd.DataFrame, baseline: pd.DataFrame, lang: str = "zh", label: str | None = None
) -> pd.DataFrame:
    """(year, series, value) rows: this scenario (named ``label``), the article defaults, Shandong's pace."""
    scenario, base, province = (
        label or t("series_scenario", lang),
        t("series_baseline", lang),
        t("series_province", lang),
    )
    return pd.concat(
        [
            pd.DataFrame({"year": frame["year"], "series": scenario, "value": frame["va_total"]}),
            pd.DataFrame({"year": baseline["year"], "series": base, "value": baseline["va_total"]}),
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


def value_added_from_data(data: pd.DataFrame, lang: str = "zh", label: str | None = None) -> alt.TopLevelMixin:
    domain = [label or t("series_scenario", lang), t("series_baseline", lang), t("series_province", lang)]
    chart = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=60, filled=True), strokeWidth=3)
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), scale=alt.Scale(zero=False)),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=[BLUE, ORANGE, GREY]),
            ),
            strokeDash=alt.StrokeDash(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=[[1, 0], [8, 5], [2, 3]]),
            ),
            tooltip=_tooltip(lang),
        )
    )
    return _style(chart, t("chart_va_title", lang))


def value_added_chart(
    frame: pd.DataFrame, baseline: pd.DataFrame, lang: str = "zh", label: str | None = None
) -> alt.TopLevelMixin:
    """Total value added: this scenario solid, the article defaults dashed, Shandong's pace dotted."""
    return value_added_from_data(value_added_data(frame, baseline, lang, label), lang, label)


INVESTMENT_COLUMNS = ("fund_capital", "mobilized_investment")
SOURCE_COLUMNS = ("va_trend", "fund_va", "project_va")


def stacked_data(frame: pd.DataFrame, keys: tuple[str, ...], lang: str = "zh") -> pd.DataFrame:
    """(year, series, value, series_order) rows, one per result column in ``keys``, stacked in that order."""
    columns = {key: column_label(key, lang) for key in keys}
    data = _long(frame, columns)
    data["series_order"] = data["series"].map({v: i for i, v in enumerate(columns.values())})
    return data


def _stacked_from_data(data: pd.DataFrame, keys: tuple[str, ...], colours: list[str], title: str, lang: str):
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
    return _style(chart, t(title, lang))


def investment_from_data(data: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    return _stacked_from_data(data, INVESTMENT_COLUMNS, [BLUE, SKY], "chart_invest_title", lang)


def source_from_data(data: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    return _stacked_from_data(data, SOURCE_COLUMNS, [GREY, BLUE, GREEN], "chart_source_title", lang)


def investment_chart(frame: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    """Investment per year: the funds' own capital and the capital it mobilises, stacked."""
    return investment_from_data(stacked_data(frame, INVESTMENT_COLUMNS, lang), lang)


def source_chart(frame: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    """Value added by source: trend, funds and named projects, stacked."""
    return source_from_data(stacked_data(frame, SOURCE_COLUMNS, lang), lang)


COMPARE_COLOURS = [BLUE, "#D55E00", GREEN, "#CC79A7", SKY, "#000000"]


def compare_chart(frames: dict[str, pd.DataFrame], baseline: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    """Total value added, a solid line per compared scenario and the article defaults dashed."""
    base = t("series_baseline", lang)
    parts = [pd.DataFrame({"year": baseline["year"], "series": base, "value": baseline["va_total"]})]
    parts += [pd.DataFrame({"year": f["year"], "series": name, "value": f["va_total"]}) for name, f in frames.items()]
    domain = [base, *frames]
    chart = (
        alt.Chart(pd.concat(parts, ignore_index=True))
        .mark_line(point=alt.OverlayMarkDef(size=50, filled=True), strokeWidth=3)
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=[ORANGE, *COMPARE_COLOURS])),
            strokeDash=alt.StrokeDash(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=[[8, 5]] + [[1, 0]] * len(frames)),
            ),
            tooltip=_tooltip(lang),
        )
    )
    return _style(chart, t("chart_compare_title", lang))


def fan_chart(percentiles: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    """The Monte Carlo fan: 5–95% and 25–75% bands, the median, and this scenario's line."""
    data = percentiles.copy()
    x = _x(lang)
    y_title = t("axis_yuan", lang)
    band = alt.Chart(data).encode(x=x)
    outer = band.mark_area(opacity=0.25, color=BLUE).encode(
        y=alt.Y("p5:Q", title=y_title, scale=alt.Scale(zero=False)),
        y2="p95:Q",
        tooltip=[
            alt.Tooltip("year:O", title=t("axis_year", lang)),
            alt.Tooltip("p5:Q", title="p5", format=VALUE_FORMAT),
            alt.Tooltip("p95:Q", title="p95", format=VALUE_FORMAT),
        ],
    )
    inner = band.mark_area(opacity=0.35, color=BLUE).encode(
        y="p25:Q",
        y2="p75:Q",
        tooltip=[
            alt.Tooltip("year:O", title=t("axis_year", lang)),
            alt.Tooltip("p25:Q", title="p25", format=VALUE_FORMAT),
            alt.Tooltip("p75:Q", title="p75", format=VALUE_FORMAT),
        ],
    )
    lines = _long(data, {"p50": t("median", lang), "deterministic": t("series_scenario", lang)})
    domain = [t("median", lang), t("series_scenario", lang)]
    line = (
        alt.Chart(lines)
        .mark_line(strokeWidth=3, point=alt.OverlayMarkDef(size=40, filled=True))
        .encode(
            x=x,
            y=alt.Y("value:Q", title=y_title),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=[GREY, BLUE])),
            strokeDash=alt.StrokeDash("series:N", title=None, scale=alt.Scale(domain=domain, range=[[6, 4], [1, 0]])),
            tooltip=_tooltip(lang),
        )
    )
    return _style(alt.layer(outer, inner, line), t("fan_title", lang))


def tornado_chart(table: pd.DataFrame, year: int, lang: str = "zh") -> alt.TopLevelMixin:
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
        .encode(x="x:Q", tooltip=[alt.Tooltip("x:Q", title=t("series_scenario", lang), format=VALUE_FORMAT)])
    )
    return _style(alt.layer(bars, base), t("tornado_title", lang, year=year), height=max(200, 34 * len(order)))


def growth_chart(
    frame: pd.DataFrame, baseline: pd.DataFrame, observed: pd.DataFrame, lang: str = "zh"
) -> alt.TopLevelMixin:
    """Projected total growth (scenario solid, defaults dashed) with observed figures as points."""
    scenario, base = t("series_scenario", lang), t("series_baseline", lang)
    lines = pd.concat(
        [
            pd.DataFrame({"year": frame["year"], "series": scenario, "value": frame["growth_total_pct"]}),
            pd.DataFrame({"year": baseline["year"], "series": base, "value": baseline["growth_total_pct"]}),
        ],
        ignore_index=True,
    ).dropna()
    lines["year"] = lines["year"].astype(str)  # the observed points share this ordinal axis
    domain = [scenario, base]
    y = alt.Y("value:Q", title="%", scale=alt.Scale(zero=False))
    x = alt.X(
        "year:O",
        title=t("axis_year", lang),
        axis=alt.Axis(labelAngle=0),
        scale=alt.Scale(domain=[str(y) for y in frame["year"]]),
    )
    line = (
        alt.Chart(lines)
        .mark_line(strokeWidth=3)
        .encode(
            x=x,
            y=y,
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=[BLUE, ORANGE])),
            strokeDash=alt.StrokeDash("series:N", title=None, scale=alt.Scale(domain=domain, range=[[1, 0], [8, 5]])),
            tooltip=[
                alt.Tooltip("year:O", title=t("axis_year", lang)),
                alt.Tooltip("series:N", title=t("series", lang)),
                alt.Tooltip("value:Q", title="%", format=".2f"),
            ],
        )
    )
    points_data = observed[observed["metric"] == "growth_total_pct"].assign(
        year=lambda d: d["year"].astype(str), series=t("observed", lang)
    )
    points = (
        alt.Chart(points_data)
        .mark_point(size=220, filled=True, shape="diamond", color="#000000")
        .encode(
            x=alt.X("year:O"),
            y=alt.Y("value:Q"),
            tooltip=[
                alt.Tooltip("year:O", title=t("axis_year", lang)),
                alt.Tooltip("value:Q", title=t("observed", lang) + " (%)", format=".2f"),
                alt.Tooltip("source:N", title=t("help_source", lang)),
                alt.Tooltip("confidence:N", title=t("col_confidence", lang)),
            ],
        )
    )
    return _style(alt.layer(line, points), t("growth_title", lang))
