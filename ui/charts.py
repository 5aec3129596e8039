"""Chart builders: result frames in, Altair charts out. No streamlit here, so tests can read
``chart.to_dict()``.

Colours are Okabe–Ito (safe for colour-blind readers); the baseline differs from the scenario by
line style as well as colour. Type is sized for a projector.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from model.export import column_dictionary
from ui.text import t

BLUE, ORANGE, GREEN, GREY, SKY = "#0072B2", "#E69F00", "#009E73", "#7f7f7f", "#56B4E9"
VALUE_FORMAT = ",.1f"


def column_label(key: str, lang: str) -> str:
    row = column_dictionary().set_index("key").loc[key]
    return str(row[f"label_{lang}"])


def _style(chart: alt.TopLevelMixin, title: str) -> alt.TopLevelMixin:
    return (
        chart.properties(title=title, height=340)
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


def value_added_chart(frame: pd.DataFrame, baseline: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    """Total value added: this scenario solid, the article defaults dashed, Shandong's pace dotted."""
    scenario, base, province = (
        t("series_scenario", lang),
        t("series_baseline", lang),
        t("series_province", lang),
    )
    data = pd.concat(
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
    domain = [scenario, base, province]
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


def _stacked_bars(frame: pd.DataFrame, columns: dict[str, str], colours: list[str], lang: str) -> alt.Chart:
    """Bars a year, one segment per result column, stacked in the order given."""
    data = _long(frame, columns)
    data["series_order"] = data["series"].map({v: i for i, v in enumerate(columns.values())})
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=_x(lang),
            y=alt.Y("value:Q", title=t("axis_yuan", lang), stack="zero"),
            color=alt.Color(
                "series:N", title=None, scale=alt.Scale(domain=list(columns.values()), range=colours)
            ),
            order=alt.Order("series_order:Q"),
            tooltip=_tooltip(lang),
        )
    )


def investment_chart(frame: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    """Investment per year: the funds' own capital and the capital it mobilises, stacked."""
    columns = {
        "fund_capital": column_label("fund_capital", lang),
        "mobilized_investment": column_label("mobilized_investment", lang),
    }
    return _style(_stacked_bars(frame, columns, [BLUE, SKY], lang), t("chart_invest_title", lang))


def source_chart(frame: pd.DataFrame, lang: str = "zh") -> alt.TopLevelMixin:
    """Value added by source: trend, funds and named projects, stacked."""
    columns = {key: column_label(key, lang) for key in ("va_trend", "fund_va", "project_va")}
    return _style(_stacked_bars(frame, columns, [GREY, BLUE, GREEN], lang), t("chart_source_title", lang))
