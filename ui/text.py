"""Every user-facing string of the page, in Chinese (default) and English.

A test fails when a string exists in one language only or is empty.
"""

from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

TEXT: dict[str, dict[str, str]] = {
    "page_title": {"zh": "德州工业政策模拟", "en": "Dezhou industrial policy simulator"},
    "page_caption": {
        "zh": "规上工业增加值：趋势 + 产业基金 + 重点项目。数据起点：《德州日报》2023年11月3日。",
        "en": "Above-size industrial value added: trend + industrial funds + named projects. "
        "Starting figures: Dezhou Daily, 3 November 2023.",
    },
    "language": {"zh": "语言 Language", "en": "Language 语言"},
    "controls": {"zh": "情景参数", "en": "Scenario settings"},
    "group_trend": {"zh": "趋势增长", "en": "Trend growth"},
    "group_funds": {"zh": "产业基金", "en": "Industrial funds"},
    "group_projects": {"zh": "重点项目", "en": "Named projects"},
    "group_base": {"zh": "基数与期限", "en": "Base & horizon"},
    "reset": {"zh": "恢复文章默认值", "en": "Back to the article's defaults"},
    "reset_help": {
        "zh": "把所有参数恢复为《德州日报》文章及模型假设的默认值。",
        "en": "Set every parameter back to the article's figures and the model's default assumptions.",
    },
    "changed_count": {"zh": "已改动 {n} 个参数", "en": "{n} parameter(s) changed from the defaults"},
    "at_defaults": {"zh": "当前为文章默认值", "en": "At the article's defaults"},
    "metric_va": {"zh": "{year}年规上工业增加值（亿元）", "en": "Value added {year} (100 million yuan)"},
    "metric_va_help": {
        "zh": "趋势增加值 + 基金项目增加值 + 重点项目增加值；括号内为与文章默认情景之差。",
        "en": "Trend + value added from funds + from named projects; the change is against the "
        "article's defaults.",
    },
    "metric_growth": {"zh": "年均增速 2023–{year}（%）", "en": "Average growth 2023–{year} (%)"},
    "metric_growth_help": {
        "zh": "规上工业增加值合计的复合年均增长率；变化单位为百分点。",
        "en": "Compound yearly growth of total value added; the change is in percentage points.",
    },
    "metric_fund": {
        "zh": "累计基金带动投资（亿元）",
        "en": "Cumulative fund-driven investment (100 million yuan)",
    },
    "metric_fund_help": {
        "zh": "基金自有出资与撬动的社会资本之和，至终止年份累计。",
        "en": "The funds' own capital plus the capital they mobilise, summed to the last year.",
    },
    "metric_extra": {
        "zh": "{year}年基金与项目增加值（亿元）",
        "en": "Value added from funds and projects {year} (100 million yuan)",
    },
    "metric_extra_help": {
        "zh": "趋势之外，产业基金投资项目和重点项目在终止年份新增的增加值。",
        "en": "What the fund-backed and named projects add on top of the trend in the last year.",
    },
    "chart_va_title": {
        "zh": "规上工业增加值（亿元）",
        "en": "Above-size industrial value added (100 million yuan)",
    },
    "chart_invest_title": {
        "zh": "基金带动的年度投资（亿元）",
        "en": "Fund-driven investment per year (100 million yuan)",
    },
    "chart_source_title": {"zh": "增加值来源（亿元）", "en": "Value added by source (100 million yuan)"},
    "axis_year": {"zh": "年份", "en": "Year"},
    "axis_yuan": {"zh": "亿元", "en": "100 million yuan"},
    "series": {"zh": "系列", "en": "Series"},
    "series_scenario": {"zh": "当前情景", "en": "This scenario"},
    "series_baseline": {"zh": "文章默认情景", "en": "Article defaults"},
    "series_province": {"zh": "按全省增速（参照）", "en": "At Shandong's pace (reference)"},
    "value": {"zh": "数值", "en": "Value"},
    "table_title": {"zh": "逐年结果", "en": "Results by year"},
    "download_csv": {"zh": "下载情景 CSV", "en": "Download scenario CSV"},
    "download_csv_help": {
        "zh": "UTF-8（带BOM）格式，可直接用 Excel 打开；表头为参数键名，保留全部精度。",
        "en": "UTF-8 with a byte-order mark, opens in Excel; the header holds the column keys; "
        "full precision.",
    },
    "download_dict": {"zh": "下载数据字典 CSV", "en": "Download data dictionary CSV"},
    "download_dict_help": {
        "zh": "每一列的单位及中英文名称。",
        "en": "Each column's unit and its Chinese and English labels.",
    },
    "sources_title": {"zh": "数据来源与假设", "en": "Sources and assumptions"},
    "sources_intro": {
        "zh": "每个数字都标明来源：文章原文、外部公开数据或模型假设。",
        "en": "Every figure shows where it came from: the article, an outside publication, "
        "or a modelling assumption.",
    },
    "sources_parameters": {"zh": "模型参数", "en": "Model parameters"},
    "sources_projects": {"zh": "重点项目", "en": "Named projects"},
    "sources_facts": {"zh": "文章中的全部数据", "en": "Every figure in the article"},
    "prov_article": {"zh": "文章", "en": "article"},
    "prov_external": {"zh": "外部数据", "en": "external"},
    "prov_assumption": {"zh": "假设", "en": "assumption"},
    "col_parameter": {"zh": "参数", "en": "Parameter"},
    "col_key": {"zh": "键名", "en": "Key"},
    "col_value": {"zh": "当前值", "en": "Current value"},
    "col_default": {"zh": "默认值", "en": "Default"},
    "col_range": {"zh": "范围", "en": "Range"},
    "col_unit": {"zh": "单位", "en": "Unit"},
    "col_provenance": {"zh": "来源类型", "en": "Provenance"},
    "col_source": {"zh": "原文 / 出处 / 理由", "en": "Source sentence / publication / reason"},
    "col_gloss": {"zh": "英文释义", "en": "English gloss"},
    "col_figure": {"zh": "数据", "en": "Figure"},
    "col_label": {"zh": "内容", "en": "What"},
    "col_project": {"zh": "项目", "en": "Project"},
    "col_investment": {"zh": "投资（亿元）", "en": "Investment (100 million yuan)"},
    "col_output": {"zh": "达产年产值（亿元）", "en": "Full-production output (100 million yuan/yr)"},
    "help_source": {"zh": "来源", "en": "Source"},
    "help_range": {"zh": "范围", "en": "Range"},
    "help_default": {"zh": "默认", "en": "Default"},
    "article_name": {"zh": "《德州日报》2023年11月3日", "en": "Dezhou Daily, 3 Nov 2023"},
    "url_ignored": {
        "zh": "链接中的以下参数无效，已改用默认值：",
        "en": "These values in the link were ignored and their defaults used instead:",
    },
    "dismiss": {"zh": "知道了", "en": "Dismiss"},
    "presets": {"zh": "预设情景", "en": "Preset scenarios"},
    "preset_help": {
        "zh": "一键载入该情景的全部参数。",
        "en": "Load every parameter of this scenario in one click.",
    },
    "preset_loaded": {"zh": "已载入预设情景：{name}", "en": "Loaded preset: {name}"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
}


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` fields filled from ``fmt``."""
    text = TEXT[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**fmt) if fmt else text
