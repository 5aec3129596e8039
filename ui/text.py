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
        "en": "Trend + value added from funds + from named projects; the change is against the article's defaults.",
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
        "en": "UTF-8 with a byte-order mark, opens in Excel; the header holds the column keys; full precision.",
    },
    "download_dict": {"zh": "下载数据字典 CSV", "en": "Download data dictionary CSV"},
    "download_dict_help": {
        "zh": "每一列的单位及中英文名称。",
        "en": "Each column's unit and its Chinese and English labels.",
    },
    "sources_title": {"zh": "数据来源与假设", "en": "Sources and assumptions"},
    "sources_intro": {
        "zh": "每个数字都标明来源：文章原文、外部公开数据或模型假设。",
        "en": "Every figure shows where it came from: the article, an outside publication, or a modelling assumption.",
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
    "url_rounded": {
        "zh": "链接中的以下数值已按滑块步长取整：",
        "en": "These values in the link were rounded to the control's step:",
    },
    "dismiss": {"zh": "知道了", "en": "Dismiss"},
    "presets": {"zh": "预设情景", "en": "Preset scenarios"},
    "preset_help": {
        "zh": "一键载入该情景的全部参数。",
        "en": "Load every parameter of this scenario in one click.",
    },
    "preset_loaded": {"zh": "已载入预设情景：{name}", "en": "Loaded preset: {name}"},
    "tab_scenario": {"zh": "当前情景", "en": "This scenario"},
    "images": {"zh": "图表图片", "en": "Chart images"},
    "images_help": {
        "zh": "PNG 为屏幕尺寸的两倍，适合投影和文档；SVG 可在设计软件中编辑。",
        "en": "PNG at twice the screen size, sharp on a projector and in documents; SVG can be edited.",
    },
    "deck": {"zh": "生成演示文稿（PPTX）", "en": "Slide deck (PPTX)"},
    "deck_help": {
        "zh": "标题页、核心数据、图表、假设及来源，按当前语言生成。",
        "en": "Title, headline figures, charts, assumptions and sources, in the page's language.",
    },
    "tab_table": {"zh": "逐年结果与项目清单", "en": "Table & project pipeline"},
    "tab_analysis": {"zh": "不确定性与目标", "en": "Uncertainty & goals"},
    "fan_title": {"zh": "增加值的不确定性区间（亿元）", "en": "How sure are we? Value added (100 million yuan)"},
    "fan_caption": {
        "zh": "对每个不确定参数在其低值与高值之间随机抽样（蒙特卡洛），阴影为5–95%与25–75%分位区间。范围与来源见下表。",
        "en": "Each uncertain parameter is drawn between its low and high value (Monte Carlo); the bands are "
        "the 5–95% and 25–75% ranges. The ranges and their sources are in the table below.",
    },
    "draws": {"zh": "抽样次数", "en": "Draws"},
    "seed": {"zh": "随机种子", "en": "Seed"},
    "seed_help": {
        "zh": "相同的种子给出完全相同的结果。",
        "en": "The same seed gives exactly the same result.",
    },
    "band_90": {"zh": "5–95%区间", "en": "5–95% range"},
    "band_50": {"zh": "25–75%区间", "en": "25–75% range"},
    "median": {"zh": "中位数", "en": "Median"},
    "tornado_title": {
        "zh": "{year}年增加值对各参数的敏感性（亿元）",
        "en": "What matters most: value added {year} (100 million yuan)",
    },
    "tornado_caption": {
        "zh": "每个参数单独从低值移到高值，其余参数保持当前情景；按影响大小排序。",
        "en": "Each parameter moves alone from its low to its high value, the others at this scenario's "
        "values; largest swing first.",
    },
    "at_low": {"zh": "取低值", "en": "At low value"},
    "at_high": {"zh": "取高值", "en": "At high value"},
    "ranges_title": {"zh": "不确定参数的范围与来源", "en": "Uncertain parameters: ranges and sources"},
    "col_low": {"zh": "低值", "en": "Low"},
    "col_high": {"zh": "高值", "en": "High"},
    "col_distribution": {"zh": "分布", "en": "Distribution"},
    "goal_title": {"zh": "目标倒推", "en": "What would it take?"},
    "goal_vary": {"zh": "调整哪个参数", "en": "Parameter to vary"},
    "goal_kind": {"zh": "目标类型", "en": "Target"},
    "goal_kind_va": {"zh": "增加值（亿元）", "en": "Value added (100 million yuan)"},
    "goal_kind_growth": {"zh": "年均增速（%）", "en": "Average growth (%)"},
    "goal_year": {"zh": "目标年份", "en": "By year"},
    "goal_value": {"zh": "目标值", "en": "Target value"},
    "goal_solve": {"zh": "求解", "en": "Find the value"},
    "goal_apply": {"zh": "把 {param} 设为 {value}", "en": "Set {param} to {value}"},
    "goal_unreached": {
        "zh": "在允许范围内无法达到目标。",
        "en": "No value inside the allowed range reaches the target.",
    },
    "growth_title": {
        "zh": "规上工业增加值增速：预测与实际（%）",
        "en": "Growth of value added: projected and observed (%)",
    },
    "col_metric": {"zh": "指标（结果列）", "en": "Metric (result column)"},
    "observed": {"zh": "实际公布值", "en": "Observed"},
    "col_confidence": {"zh": "可信度", "en": "Confidence"},
    "obs_title": {"zh": "实际结果对照", "en": "Observed outcomes"},
    "obs_caption": {
        "zh": "文章发表后公布的官方数据（◆）。可在下表添加行（仅限本次会话），并下载为 data/observations.csv 格式。",
        "en": "Official figures published after the article (◆). Add rows below (kept for this session) and "
        "download them in the shape of data/observations.csv.",
    },
    "obs_problems": {"zh": "以下行有问题，未绘制：", "en": "These rows have problems and are not drawn:"},
    "obs_download": {"zh": "下载观测值 CSV", "en": "Download observations CSV"},
    "pipeline_title": {"zh": "项目清单", "en": "Project pipeline"},
    "pipeline_named": {
        "zh": "文章中的重点项目：投资与产值来自原文；首个产出年份和是否计入在左侧「重点项目」中设置。",
        "en": "The article's named projects: investment and output from the article; first year and "
        "inclusion are set under Named projects in the sidebar.",
    },
    "pipeline_added": {
        "zh": "新增项目：在下表中添加、修改或删除行。它们与重点项目一样逐步达产，并随情景一起保存、比较和导出。",
        "en": "Added projects: add, edit or remove rows below. They ramp up like the named projects and are "
        "saved, compared and exported with the scenario.",
    },
    "pipeline_row": {"zh": "新增项目第{n}行", "en": "added project row {n}"},
    "pipeline_problems": {
        "zh": "以下行有问题，暂不计入（表中内容保留，可继续修改）：",
        "en": "These rows have problems and are left out for now (what you typed stays; fix it any time):",
    },
    "pipeline_count": {"zh": "另有 {n} 个新增项目", "en": "plus {n} added project(s)"},
    "col_first_year": {"zh": "首个产出年份", "en": "First year of output"},
    "col_included": {"zh": "计入", "en": "Included"},
    "present_start": {"zh": "演示模式", "en": "Presentation mode"},
    "present_exit": {"zh": "退出演示", "en": "Exit"},
    "present_prev": {"zh": "上一个情景（←）", "en": "Previous scenario (←)"},
    "present_next": {"zh": "下一个情景（→）", "en": "Next scenario (→)"},
    "present_choose": {"zh": "选择要演示的已保存情景", "en": "Saved scenarios to present"},
    "tab_library": {"zh": "保存与比较", "en": "Save & compare"},
    "tab_sources": {"zh": "数据来源与假设", "en": "Sources and assumptions"},
    "save_title": {"zh": "保存当前情景", "en": "Save this scenario"},
    "save_name": {"zh": "情景名称", "en": "Scenario name"},
    "save_name_help": {
        "zh": "1–80个字符；名称不能重复。",
        "en": "1–80 characters; each name is used once.",
    },
    "save_button": {"zh": "保存", "en": "Save"},
    "saved": {"zh": "已保存：{name}", "en": "Saved: {name}"},
    "name_taken": {
        "zh": "已有名为「{name}」的情景。要覆盖它吗？",
        "en": "A scenario named “{name}” already exists. Overwrite it?",
    },
    "overwrite": {"zh": "覆盖", "en": "Overwrite"},
    "cancel": {"zh": "取消", "en": "Cancel"},
    "library_title": {"zh": "情景库", "en": "Scenario library"},
    "library_empty": {
        "zh": "情景库还是空的：先保存当前情景，或导入情景文件。",
        "en": "The library is empty: save this scenario, or import a scenario file.",
    },
    "library_unavailable": {
        "zh": "情景库暂时无法使用（{error}）。页面其余部分照常工作。",
        "en": "The scenario library is unavailable ({error}). The rest of the page works as usual.",
    },
    "library_skipped": {
        "zh": "以下已保存的情景不再符合参数范围，已跳过：",
        "en": "These saved scenarios no longer fit the parameter ranges and were skipped:",
    },
    "pick": {"zh": "选择一个已保存的情景", "en": "Pick a saved scenario"},
    "load": {"zh": "载入到参数面板", "en": "Load into the controls"},
    "loaded": {"zh": "已载入：{name}", "en": "Loaded: {name}"},
    "rename_to": {"zh": "新名称", "en": "New name"},
    "rename": {"zh": "重命名", "en": "Rename"},
    "renamed": {"zh": "已重命名为：{name}", "en": "Renamed to: {name}"},
    "delete": {"zh": "删除", "en": "Delete"},
    "delete_confirm": {"zh": "确认删除「{name}」", "en": "Yes, delete “{name}”"},
    "deleted": {"zh": "已删除：{name}", "en": "Deleted: {name}"},
    "compare_title": {"zh": "比较情景", "en": "Compare scenarios"},
    "compare_pick": {"zh": "选择要比较的情景（最多6个）", "en": "Scenarios to compare (up to six)"},
    "compare_hint": {
        "zh": "文章默认情景始终以虚线显示。",
        "en": "The article's defaults are always shown, dashed.",
    },
    "chart_compare_title": {
        "zh": "规上工业增加值比较（亿元）",
        "en": "Total value added compared (100 million yuan)",
    },
    "cmp_scenario": {"zh": "情景", "en": "Scenario"},
    "cmp_final_year": {"zh": "终止年份", "en": "Last year"},
    "cmp_va_total": {"zh": "终止年份增加值（亿元）", "en": "Value added, last year (100 million yuan)"},
    "cmp_avg_growth_pct": {"zh": "年均增速（%）", "en": "Average growth (%)"},
    "cmp_cum_fund_investment": {
        "zh": "累计基金带动投资（亿元）",
        "en": "Cumulative fund-driven investment (100 million yuan)",
    },
    "cmp_va_diff_vs_defaults": {
        "zh": "与文章默认情景之差（亿元）",
        "en": "Difference from the article's defaults (100 million yuan)",
    },
    "export_json": {"zh": "导出 JSON（可重新导入）", "en": "Export JSON (re-importable)"},
    "export_csv": {"zh": "导出 CSV（长表）", "en": "Export CSV (long form)"},
    "export_xlsx": {"zh": "导出 Excel 工作簿", "en": "Export Excel workbook"},
    "import_title": {"zh": "导入情景文件", "en": "Import scenario files"},
    "import_help": {
        "zh": "JSON 情景文件：单个情景，或含多个情景的版本1文件；最大 1 MB。文件有任何问题时不导入任何内容。",
        "en": "JSON scenario files: one scenario, or a version-1 file holding several; up to 1 MB. "
        "Nothing is imported from a file with any problem.",
    },
    "import_problems": {
        "zh": "文件「{file}」未导入，问题如下：",
        "en": "Nothing was imported from “{file}”. Its problems:",
    },
    "import_ready": {"zh": "可导入 {n} 个情景：{names}", "en": "{n} scenario(s) ready to import: {names}"},
    "import_clash": {
        "zh": "以下名称已存在，勾选后将覆盖：{names}",
        "en": "These names already exist and will be overwritten if you tick the box: {names}",
    },
    "import_overwrite": {"zh": "覆盖同名情景", "en": "Overwrite scenarios with the same name"},
    "import_button": {"zh": "导入", "en": "Import"},
    "imported": {"zh": "已导入 {n} 个情景", "en": "Imported {n} scenario(s)"},
    "unnamed": {"zh": "未命名情景", "en": "Unnamed scenario"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    # The slide deck (ui/brief.py)
    "deck_title": {"zh": "德州工业政策模拟：情景简报", "en": "Dezhou industrial policy simulator: scenario brief"},
    "deck_scenario": {"zh": "情景：{name}", "en": "Scenario: {name}"},
    "deck_compare": {"zh": "比较 {n} 个情景：{names}", "en": "{n} scenarios compared: {names}"},
    "deck_date": {"zh": "{year}年{month}月{day}日", "en": "{day} {month_name} {year}"},
    "deck_article": {
        "zh": "数据起点：《德州日报》2023年11月3日「山东德州：奏响工业强市最强音」",
        "en": "Starting figures: Dezhou Daily, 3 November 2023, “山东德州:奏响工业强市最强音” "
        "(Dezhou, Shandong: the loudest note of a strong industrial city)",
    },
    "name_sep": {"zh": "、", "en": ", "},
    "slide_headline": {"zh": "{name}：主要数字", "en": "{name}: headline figures"},
    "slide_chart": {"zh": "{name}：规上工业增加值走势", "en": "{name}: value added, year by year"},
    "slide_compare_chart": {"zh": "情景比较：规上工业增加值", "en": "Scenarios compared: value added"},
    "slide_compare_table": {"zh": "情景比较：主要数字", "en": "Scenarios compared: headline figures"},
    "slide_assumptions": {"zh": "{name}：参数与假设", "en": "{name}: parameters and assumptions"},
    "slide_sources": {"zh": "数据来源", "en": "Sources"},
    "slide_page": {"zh": "（{page}/{pages}）", "en": " ({page}/{pages})"},
    "delta": {"zh": "较文章默认情景 {delta}", "en": "{delta} against the article's defaults"},
    "delta_points": {"zh": "较文章默认情景 {delta} 个百分点", "en": "{delta} points against the article's defaults"},
    "delta_same": {"zh": "与文章默认情景相同", "en": "Same as the article's defaults"},
    "defaults_note": {
        "zh": "文章默认情景按同一终止年份（{year}年）计算。",
        "en": "The article's defaults are run to the same last year ({year}).",
    },
    "changed_note": {"zh": "加粗蓝色：与默认值不同", "en": "Bold blue: differs from the default"},
    "sources_article": {
        "zh": "文章：《德州日报》2023年11月3日「山东德州：奏响工业强市最强音」",
        "en": "Article: Dezhou Daily, 3 November 2023, “山东德州:奏响工业强市最强音”",
    },
}


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` fields filled from ``fmt``."""
    text = TEXT[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**fmt) if fmt else text
