"""Every user-facing string of the page, in Chinese (default) and English.

A test fails when a string exists in one language only or is empty.
"""

from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

TEXT: dict[str, dict[str, str]] = {
    "page_title": {"zh": "德州工业政策模拟", "en": "Dezhou industrial policy simulator"},
    "page_caption": {
        "zh": "测算德州市规模以上工业增加值。"
        "以《德州日报》2023年11月3日报道所述的产业基金和重点项目安排为既定计划，"
        "政策变量显示相对既定计划的增减；已公布年份采用官方统计数据。",
        "en": "Value added of Dezhou's industrial enterprises above designated size. The plan reported by "
        "Dezhou Daily on 3 November 2023 (industrial investment funds and key projects) is the baseline; "
        "the policy levers show the effect of departing from it; published years use official "
        "statistics.",
    },
    "controls": {
        "zh": "情景参数",
        "en": "Scenario parameters",
    },
    "reset": {
        "zh": "恢复基准情景",
        "en": "Reset to the baseline scenario",
    },
    "reset_help": {
        "zh": "将全部参数恢复为基准情景的取值，即《德州日报》报道数据及模型默认假设。",
        "en": "Sets every parameter back to the baseline scenario: the figures reported by Dezhou Daily and "
        "the model's default assumptions.",
    },
    "changed_count": {
        "zh": "已调整 {n} 个参数",
        "en": "{n} parameter(s) differ from the baseline scenario",
    },
    "at_defaults": {
        "zh": "当前为基准情景",
        "en": "At the baseline scenario",
    },
    "metric_va": {
        "zh": "{year}年规上工业增加值（亿元）",
        "en": "Value added, {year} (100 million yuan)",
    },
    "metric_va_help": {
        "zh": "规上工业增加值：既定计划下的增加值加上政策变量带来的增减。变化值为与基准情景之差。",
        "en": "Value added of industrial enterprises above designated size: value added under the announced "
        "plan plus the effect of the policy levers. The change is against the baseline scenario.",
    },
    "metric_growth": {
        "zh": "2023—{year}年年均增速（%）",
        "en": "Average annual growth, 2023–{year} (%)",
    },
    "metric_growth_help": {
        "zh": "规上工业增加值年均增长速度（复合增长率）。变化值单位为百分点。",
        "en": "Compound average annual growth of value added. The change is in percentage points.",
    },
    "metric_fund": {
        "zh": "累计基金带动投资（亿元）",
        "en": "Fund-driven investment, cumulative (100 million yuan)",
    },
    "metric_fund_help": {
        "zh": "产业投资基金自身投资与带动的社会资本投资之和，累计至预测终止年份。",
        "en": "Investment by the industrial investment funds plus the other capital they bring in, summed to "
        "the last projected year.",
    },
    "metric_extra": {
        "zh": "{year}年政策变量影响（亿元）",
        "en": "Effect of the policy levers, {year} (100 million yuan)",
    },
    "metric_extra_help": {
        "zh": "政策变量调整使规上工业增加值相对既定计划增加或减少的数额："
        "净增比例×（本情景新增产能增加值－既定计划新增产能增加值），仅计推算年份；"
        "政策变量均取默认值时为0。",
        "en": "How much the policy levers add to or take from value added against the announced plan: "
        "additionality × (value added of new capacity in this scenario − under the plan), projected "
        "years only; 0 when every lever is at its default.",
    },
    "chart_va_title": {
        "zh": "规上工业增加值（亿元）",
        "en": "Value added of industrial enterprises above designated size (100 million yuan)",
    },
    "chart_invest_title": {
        "zh": "基金带动投资（亿元）",
        "en": "Fund-driven investment by year (100 million yuan)",
    },
    "chart_source_title": {
        "zh": "既定计划增加值与本情景（亿元）",
        "en": "Value added: announced plan and this scenario (100 million yuan)",
    },
    "axis_year": {"zh": "年份", "en": "Year"},
    "axis_yuan": {"zh": "亿元", "en": "100 million yuan"},
    "series": {"zh": "系列", "en": "Series"},
    "series_scenario": {
        "zh": "本情景",
        "en": "This scenario",
    },
    "series_baseline": {
        "zh": "基准情景",
        "en": "Baseline scenario",
    },
    "series_province": {
        "zh": "按全省增速测算（参照）",
        "en": "At Shandong's growth rate (reference)",
    },
    "value": {"zh": "数值", "en": "Value"},
    "table_title": {"zh": "逐年结果", "en": "Results by year"},
    "download_csv": {
        "zh": "下载CSV（全精度）",
        "en": "Download CSV (full precision)",
    },
    "download_csv_help": {
        "zh": "UTF-8（带BOM）编码，可直接用 Excel 打开；表头为字段代码，数值保留全部精度。",
        "en": "UTF-8 with a byte-order mark, opens in Excel; the header holds the field codes; full precision.",
    },
    "download_dict": {
        "zh": "下载数据字典（CSV）",
        "en": "Download data dictionary (CSV)",
    },
    "download_dict_help": {
        "zh": "各字段的中英文名称、单位和说明。",
        "en": "Each field's Chinese and English name, unit and description.",
    },
    "sources_title": {"zh": "数据来源与假设", "en": "Sources and assumptions"},
    "sources_intro": {
        "zh": "各项数据均注明来源类型：报道原文、其他公开资料或模型假设。",
        "en": "Every figure states its provenance: the article, another publication, or a modelling assumption.",
    },
    "sources_projects": {
        "zh": "重点项目",
        "en": "Key projects",
    },
    "sources_facts": {
        "zh": "报道中的全部数据",
        "en": "Every figure in the article",
    },
    "prov_article": {
        "zh": "报道原文",
        "en": "Article",
    },
    "prov_external": {
        "zh": "公开资料",
        "en": "Publication",
    },
    "prov_assumption": {
        "zh": "模型假设",
        "en": "Assumption",
    },
    "col_parameter": {"zh": "参数", "en": "Parameter"},
    "col_key": {"zh": "键名", "en": "Key"},
    "col_value": {
        "zh": "本情景取值",
        "en": "This scenario",
    },
    "col_default": {
        "zh": "基准情景取值",
        "en": "Baseline",
    },
    "col_range": {
        "zh": "取值范围",
        "en": "Range",
    },
    "col_unit": {"zh": "单位", "en": "Unit"},
    "col_provenance": {"zh": "来源类型", "en": "Provenance"},
    "col_source": {
        "zh": "原文",
        "en": "Source sentence",
    },
    "col_gloss": {
        "zh": "英文释义",
        "en": "English translation",
    },
    "col_figure": {
        "zh": "数值",
        "en": "Figure",
    },
    "col_label": {
        "zh": "指标",
        "en": "Item",
    },
    "col_project": {"zh": "项目", "en": "Project"},
    "col_investment": {"zh": "投资（亿元）", "en": "Investment (100 million yuan)"},
    "col_output": {
        "zh": "达产后年产值（亿元）",
        "en": "Annual output at full production (100 million yuan)",
    },
    "help_source": {"zh": "来源", "en": "Source"},
    "help_range": {
        "zh": "取值范围",
        "en": "Range",
    },
    "help_default": {
        "zh": "基准情景取值",
        "en": "Baseline value",
    },
    "article_name": {"zh": "《德州日报》2023年11月3日", "en": "Dezhou Daily, 3 Nov 2023"},
    "url_ignored": {
        "zh": "链接中的以下参数无效，已改用基准情景取值：",
        "en": "These values in the link were not valid; the baseline values are used instead:",
    },
    "url_rounded": {
        "zh": "链接中的以下数值已按滑块步长取整：",
        "en": "These values in the link were rounded to the slider's step:",
    },
    "dismiss": {
        "zh": "关闭",
        "en": "Close",
    },
    "presets": {"zh": "预设情景", "en": "Preset scenarios"},
    "preset_help": {
        "zh": "载入该情景的全部参数。",
        "en": "Loads every parameter of this scenario.",
    },
    "preset_loaded": {"zh": "已载入预设情景：{name}", "en": "Loaded preset: {name}"},
    "tab_scenario": {
        "zh": "本情景",
        "en": "This scenario",
    },
    "images": {
        "zh": "下载图表图片",
        "en": "Chart images",
    },
    "images_help": {
        "zh": "PNG 格式为屏幕尺寸的两倍，适用于投影和文稿；SVG 格式可在设计软件中编辑。",
        "en": "PNG at twice the screen size, for projection and documents; SVG can be edited in design software.",
    },
    "deck": {
        "zh": "生成演示文稿（PPTX）",
        "en": "Slide deck (PPTX)",
    },
    "deck_help": {
        "zh": "按当前语言生成，包括：封面、主要指标、规上工业增加值与既定计划对比图、政策变量影响图、投资图、"
        "目标与差距、回测，以及经济假设、政策变量及其来源。",
        "en": "In the page's language: title, headline figures, value added against the announced plan, the "
        "effect of the policy levers, investment, targets and the gap to each, the backtest, and the "
        "economy assumptions and policy levers with their sources.",
    },
    "tab_table": {
        "zh": "逐年结果、项目与目标",
        "en": "Results, projects, targets",
    },
    "tab_analysis": {
        "zh": "不确定性、敏感性与目标倒推",
        "en": "Uncertainty, sensitivity, goals",
    },
    "fan_title": {
        "zh": "规上工业增加值不确定性区间（亿元）",
        "en": "Uncertainty range: value added (100 million yuan)",
    },
    "fan_caption": {
        "zh": "对每个不确定参数（含2023年基数）在其低值与高值之间随机抽样，"
        "推算年份的增速另加逐年持续的随机冲击（蒙特卡洛模拟）；阴影为5%—95%和25%—75%分位区间，"
        "灰色底纹为已公布年份。各参数的取值范围和来源见下表。",
        "en": "Each uncertain parameter (the 2023 level included) is drawn between its low and high value, and "
        "growth in projected years takes persistent year-to-year shocks (Monte Carlo simulation); the "
        "bands are the 5–95% and 25–75% ranges, grey shading marks published years. The ranges and their "
        "sources are in the table below.",
    },
    "draws": {
        "zh": "模拟次数",
        "en": "Draws",
    },
    "seed": {"zh": "随机种子", "en": "Seed"},
    "seed_help": {
        "zh": "随机种子相同，模拟结果完全相同。",
        "en": "The same seed gives exactly the same result.",
    },
    "median": {"zh": "中位数", "en": "Median"},
    "tornado_title": {
        "zh": "敏感性分析：{year}年规上工业增加值（亿元）",
        "en": "Sensitivity: value added, {year} (100 million yuan)",
    },
    "tornado_caption": {
        "zh": "每次只将一个参数由低值调至高值，其余参数保持本情景取值；按影响大小排序。",
        "en": "Each parameter moves alone from its low to its high value, the others at this scenario's "
        "values; largest effect first.",
    },
    "at_low": {
        "zh": "取低值",
        "en": "At the low value",
    },
    "at_high": {
        "zh": "取高值",
        "en": "At the high value",
    },
    "ranges_title": {
        "zh": "不确定参数的取值范围与来源",
        "en": "Uncertain parameters: ranges and sources",
    },
    "col_low": {"zh": "低值", "en": "Low"},
    "col_high": {"zh": "高值", "en": "High"},
    "col_distribution": {
        "zh": "抽样分布",
        "en": "Distribution",
    },
    "goal_title": {
        "zh": "目标倒推",
        "en": "Goal seek",
    },
    "goal_vary": {
        "zh": "调整参数",
        "en": "Parameter to vary",
    },
    "goal_kind": {
        "zh": "目标类型",
        "en": "Target",
    },
    "goal_kind_va": {"zh": "增加值（亿元）", "en": "Value added (100 million yuan)"},
    "goal_kind_growth": {"zh": "年均增速（%）", "en": "Average growth (%)"},
    "goal_year": {
        "zh": "目标年份",
        "en": "Target year",
    },
    "goal_value": {"zh": "目标值", "en": "Target value"},
    "goal_solve": {
        "zh": "求解",
        "en": "Solve",
    },
    "goal_apply": {
        "zh": "将「{param}」设为 {value}",
        "en": "Set {param} to {value}",
    },
    "growth_title": {
        "zh": "规上工业增加值增速：推算值与公布值（%）",
        "en": "Growth of value added: projected and published (%)",
    },
    "col_confidence": {"zh": "可信度", "en": "Confidence"},
    "pipeline_title": {
        "zh": "重点项目",
        "en": "Key projects",
    },
    "pipeline_named": {
        "zh": "报道所列重点项目：投资额和产值来自报道原文；投产年份和是否计入在左侧「重点项目」中设置。",
        "en": "The key projects named in the article: investment and output from the article; the first year "
        "of output and whether each counts are set under Key projects in the sidebar.",
    },
    "pipeline_added": {
        "zh": "新增项目：可在下表中添加、修改或删除。新增项目与报道所列项目同样逐步达产，并随情景一并保存、"
        "比较和导出。",
        "en": "Added projects: add, edit or remove rows below. They ramp up like the named projects and are "
        "saved, compared and exported with the scenario.",
    },
    "pipeline_add_row": {"zh": "添加项目", "en": "Add a project"},
    "pipeline_problems": {
        "zh": "以下各行有误，暂不计入（已填内容保留，可随时修改）：",
        "en": "These rows have errors and are left out for now (what you typed stays; correct it at any time):",
    },
    "pipeline_count": {
        "zh": "另有新增项目 {n} 个",
        "en": "plus {n} added project(s)",
    },
    "col_first_year": {
        "zh": "投产年份",
        "en": "First year of output",
    },
    "col_included": {"zh": "计入", "en": "Included"},
    "present_start": {
        "zh": "演示模式",
        "en": "Presentation mode",
    },
    "present_exit": {"zh": "退出演示", "en": "Exit"},
    "present_prev": {
        "zh": "上一情景（←）",
        "en": "Previous scenario (←)",
    },
    "present_next": {
        "zh": "下一情景（→）",
        "en": "Next scenario (→)",
    },
    "present_choose": {"zh": "选择要演示的已保存情景", "en": "Saved scenarios to present"},
    "tab_library": {
        "zh": "保存与比较",
        "en": "Save & compare",
    },
    "tab_sources": {"zh": "数据来源与假设", "en": "Sources & assumptions"},
    "save_title": {"zh": "保存当前情景", "en": "Save this scenario"},
    "save_name": {"zh": "情景名称", "en": "Scenario name"},
    "save_name_help": {
        "zh": "1—80个字符；名称不得重复。",
        "en": "1–80 characters; each name is used once.",
    },
    "save_button": {"zh": "保存", "en": "Save"},
    "saved": {"zh": "已保存：{name}", "en": "Saved: {name}"},
    "overwrite": {"zh": "覆盖", "en": "Overwrite"},
    "cancel": {"zh": "取消", "en": "Cancel"},
    "library_title": {"zh": "情景库", "en": "Scenario library"},
    "library_empty": {
        "zh": "情景库暂无情景：请先保存本情景，或导入情景文件。",
        "en": "The library is empty: save this scenario, or import a scenario file.",
    },
    "library_unavailable": {
        "zh": "情景库暂时无法使用（{error}），页面其余功能不受影响。",
        "en": "The scenario library is unavailable ({error}). The rest of the page works as usual.",
    },
    "library_skipped": {
        "zh": "以下已保存情景不再符合参数范围，已略过：",
        "en": "These saved scenarios no longer fit the parameter ranges and were skipped:",
    },
    "pick": {
        "zh": "选择已保存的情景",
        "en": "Saved scenario",
    },
    "load": {
        "zh": "载入参数面板",
        "en": "Load into the controls",
    },
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
        "zh": "基准情景始终以虚线显示。",
        "en": "The baseline scenario is always shown, dashed.",
    },
    "chart_compare_title": {
        "zh": "规上工业增加值情景比较（亿元）",
        "en": "Value added compared (100 million yuan)",
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
        "zh": "与基准情景之差（亿元）",
        "en": "Difference from the baseline scenario (100 million yuan)",
    },
    "export_json": {
        "zh": "导出 JSON（可重新导入）",
        "en": "Export JSON (re-importable)",
    },
    "export_csv": {
        "zh": "导出 CSV（长表）",
        "en": "Export CSV (long format)",
    },
    "export_xlsx": {"zh": "导出 Excel 工作簿", "en": "Export Excel workbook"},
    "import_title": {"zh": "导入情景文件", "en": "Import scenario files"},
    "import_help": {
        "zh": "JSON 格式的情景文件：单个情景，或含多个情景的第1版文件；不超过 1 MB。文件有任何错误时不导入任何内容。",
        "en": "JSON scenario files: one scenario, or a version 1 file holding several; up to 1 MB. Nothing is "
        "imported from a file with any error.",
    },
    "import_problems": {
        "zh": "文件「{file}」未导入，存在以下问题：",
        "en": "Nothing was imported from “{file}”. Its problems:",
    },
    "import_ready": {
        "zh": "可导入情景 {n} 个：{names}",
        "en": "{n} scenario(s) ready to import: {names}",
    },
    "import_clash": {
        "zh": "以下名称已存在，勾选后将予覆盖：{names}",
        "en": "These names already exist and will be overwritten if you tick the box: {names}",
    },
    "import_overwrite": {"zh": "覆盖同名情景", "en": "Overwrite scenarios with the same name"},
    "import_button": {"zh": "导入", "en": "Import"},
    "imported": {
        "zh": "已导入情景 {n} 个",
        "en": "Imported {n} scenario(s)",
    },
    "unnamed": {"zh": "未命名情景", "en": "Unnamed scenario"},
    # The library: pages, earlier versions, sign-in (ui/tabs/library.py)
    "lib_filter": {"zh": "按名称筛选", "en": "Filter by name"},
    "lib_page": {
        "zh": "第 {page}/{pages} 页，共 {n} 个情景",
        "en": "Page {page} of {pages} · {n} scenario(s)",
    },
    "page_prev": {"zh": "← 上一页", "en": "← Previous"},
    "page_next": {"zh": "下一页 →", "en": "Next →"},
    "lib_no_match": {
        "zh": "没有名称含「{text}」的情景。",
        "en": "No scenario name contains “{text}”.",
    },
    "lib_col_name": {"zh": "名称", "en": "Name"},
    "lib_col_saved_by": {
        "zh": "保存人",
        "en": "Saved by",
    },
    "lib_col_updated": {"zh": "保存时间（UTC）", "en": "Saved (UTC)"},
    "lib_col_owner": {"zh": "所有者", "en": "Owner"},
    "lib_limits": {
        "zh": "每个导入文件不超过 {per_file} 个情景，情景库不超过 {total} 个情景；为给所有人留出空间，每位访客每小时"
        "最多新增 {new_hour} 个情景、产生 {versions_hour} 个历史版本。覆盖、重命名和删除前的版本均予保留。",
        "en": "Up to {per_file} scenarios per imported file and {total} in the library; to keep room for everyone, "
        "each visitor may add {new_hour} scenarios and make {versions_hour} earlier versions an hour. "
        "Overwriting, renaming and deleting keep the earlier version.",
    },
    "name_taken_by": {
        "zh": "已有名为「{name}」的情景，由{who}于{when}保存。是否覆盖？现有版本将保留在历史版本中。",
        "en": "A scenario named “{name}” already exists, saved by {who} on {when}. Overwrite it? The current "
        "version is kept among the earlier versions.",
    },
    "name_taken_when": {
        "zh": "已有名为「{name}」的情景，于{when}保存。是否覆盖？现有版本将保留在历史版本中。",
        "en": "A scenario named “{name}” already exists, saved on {when}. Overwrite it? The current version is "
        "kept among the earlier versions.",
    },
    "not_owner_overwrite": {
        "zh": "「{name}」属于{owner}，仅所有者可以覆盖。请以其他名称另存副本。",
        "en": "“{name}” belongs to {owner}; only its owner can overwrite it. Save a copy under another name.",
    },
    "owner_only": {
        "zh": "此情景属于{owner}，仅所有者可以重命名或删除；您可以另存副本。",
        "en": "This scenario belongs to {owner}: only its owner can rename or delete it; you can save a copy.",
    },
    "saved_meta": {
        "zh": "由{who}于{when}保存",
        "en": "Saved by {who} on {when}",
    },
    "saved_meta_when": {
        "zh": "于{when}保存",
        "en": "Saved on {when}",
    },
    "copy_to": {"zh": "副本名称", "en": "Name of the copy"},
    "copy": {"zh": "另存副本", "en": "Save a copy"},
    "copied": {"zh": "已另存副本：{name}", "en": "Copy saved: {name}"},
    "signin_prompt": {
        "zh": "登录后可保存、重命名、删除、导入或恢复情景；未登录时可查看、载入和比较情景。",
        "en": "Sign in to save, rename, delete, import or restore scenarios; you can view, load and compare "
        "without signing in.",
    },
    "signin": {"zh": "登录", "en": "Sign in"},
    "signout": {"zh": "退出登录", "en": "Sign out"},
    "signed_in_as": {"zh": "已登录：{user}", "en": "Signed in as {user}"},
    "unknown_user": {"zh": "未知", "en": "Unknown"},
    "versions_show": {
        "zh": "显示历史版本（覆盖、重命名、删除前的版本）",
        "en": "Show earlier versions (kept on overwrite, rename and delete)",
    },
    "versions_title": {"zh": "历史版本", "en": "Earlier versions"},
    "versions_empty": {
        "zh": "暂无历史版本。",
        "en": "No earlier versions yet.",
    },
    "versions_page": {
        "zh": "第 {page}/{pages} 页，共 {n} 个版本",
        "en": "Page {page} of {pages} · {n} version(s)",
    },
    "ver_col_no": {"zh": "编号", "en": "No."},
    "ver_col_event": {
        "zh": "操作",
        "en": "Event",
    },
    "ver_col_saved_by": {
        "zh": "保存人",
        "en": "Saved by",
    },
    "ver_col_saved_at": {
        "zh": "保存时间（UTC）",
        "en": "Saved (UTC)",
    },
    "ver_col_replaced_by": {
        "zh": "操作人",
        "en": "Replaced by",
    },
    "ver_col_replaced_at": {"zh": "操作时间（UTC）", "en": "Replaced (UTC)"},
    "event_overwritten": {
        "zh": "被覆盖",
        "en": "Overwritten",
    },
    "event_renamed": {
        "zh": "重命名为「{name}」",
        "en": "Renamed to “{name}”",
    },
    "event_deleted": {
        "zh": "被删除",
        "en": "Deleted",
    },
    "version_pick": {"zh": "要恢复的版本", "en": "Version to restore"},
    "restore_as": {"zh": "恢复为（留空则使用原名称）", "en": "Restore as (empty: its own name)"},
    "restore": {"zh": "恢复", "en": "Restore"},
    "restored": {
        "zh": "已恢复为「{name}」（被替换的版本同样保留在历史版本中）",
        "en": "Restored as: {name} (any version it replaced is kept among the earlier versions too)",
    },
    "import_more": {
        "zh": "等 {n} 个",
        "en": "and {n} more",
    },
    "yes": {
        "zh": "是",
        "en": "Yes",
    },
    "no": {
        "zh": "否",
        "en": "No",
    },
    # The slide deck (report/brief.py)
    "deck_title": {"zh": "德州工业政策模拟：情景简报", "en": "Dezhou industrial policy simulator: scenario brief"},
    "deck_scenario": {"zh": "情景：{name}", "en": "Scenario: {name}"},
    "deck_compare": {"zh": "比较 {n} 个情景：{names}", "en": "{n} scenarios compared: {names}"},
    "deck_date": {"zh": "{year}年{month}月{day}日", "en": "{day} {month_name} {year}"},
    "deck_article": {
        "zh": "数据起点：《德州日报》2023年11月3日《山东德州：奏响工业强市最强音》",
        "en": "Starting figures: Dezhou Daily, 3 November 2023, “山东德州:奏响工业强市最强音” (Dezhou, "
        "Shandong: the loudest note of a strong industrial city)",
    },
    "name_sep": {"zh": "、", "en": ", "},
    "slide_headline": {
        "zh": "{name}：主要指标",
        "en": "{name}: headline figures",
    },
    "slide_chart": {"zh": "{name}：规上工业增加值走势", "en": "{name}: value added, year by year"},
    "slide_compare_chart": {"zh": "情景比较：规上工业增加值", "en": "Scenarios compared: value added"},
    "slide_compare_table": {"zh": "情景比较：主要指标", "en": "Scenarios compared: headline figures"},
    "slide_page": {"zh": "（{page}/{pages}）", "en": " ({page}/{pages})"},
    "delta": {
        "zh": "较基准情景 {delta}",
        "en": "{delta} against the baseline scenario",
    },
    "delta_points": {
        "zh": "较基准情景 {delta} 个百分点",
        "en": "{delta} points against the baseline scenario",
    },
    "delta_same": {
        "zh": "与基准情景相同",
        "en": "Same as the baseline scenario",
    },
    "changed_note": {
        "zh": "加粗蓝色：与基准情景取值不同",
        "en": "Bold blue: differs from the baseline value",
    },
    "sources_article": {
        "zh": "报道：《德州日报》2023年11月3日《山东德州：奏响工业强市最强音》",
        "en": "Article: Dezhou Daily, 3 November 2023, “山东德州:奏响工业强市最强音”",
    },
    # Model version 2 in the deck (report/brief.py, report/deck_charts.py) and the exports (report/scenario_exports.py)
    "deck_model_line": {
        "zh": "测算口径：既定计划已包含报道所述安排（10支产业投资基金、医美关键原料产业基地等）；"
        "调整政策变量只计入相对既定计划的增减；已公布年份采用官方统计数据。",
        "en": "Method: the announced plan already includes the measures the article reported (the ten "
        "industrial investment funds, the medical-aesthetics raw-materials base); the policy levers "
        "count only what departs from that plan; published years use official statistics.",
    },
    "deck_published": {"zh": "已公布", "en": "Published"},
    "deck_series_plan": {
        "zh": "既定计划（政策变量取默认值）",
        "en": "Announced plan (levers at their defaults)",
    },
    "deck_series_fund_capital": {"zh": "基金自身出资", "en": "Funds' own investment"},
    "deck_series_mobilized_investment": {"zh": "撬动社会资本", "en": "Capital the funds mobilise"},
    "deck_series_project_investment": {"zh": "重点项目投资", "en": "Key-project investment"},
    "deck_gain": {
        "zh": "高于既定计划",
        "en": "Above the plan",
    },
    "deck_loss": {
        "zh": "低于既定计划",
        "en": "Below the plan",
    },
    "deck_none": {"zh": "无变化", "en": "No change"},
    "deck_chart_total": {
        "zh": "规上工业增加值：本情景与既定计划（亿元）",
        "en": "Value added of industrial enterprises above designated size: this scenario and the announced "
        "plan (100 million yuan)",
    },
    "deck_chart_investment": {
        "zh": "年度投资：产业投资基金与重点项目（亿元）",
        "en": "Investment per year: industrial funds and key projects (100 million yuan)",
    },
    "deck_chart_policy": {
        "zh": "政策变量影响：相对既定计划的增减（亿元）",
        "en": "Effect of the policy levers against the announced plan (100 million yuan)",
    },
    "deck_slide_investment": {"zh": "{name}：年度投资", "en": "{name}: investment per year"},
    "deck_slide_policy": {
        "zh": "{name}：政策变量影响",
        "en": "{name}: effect of the policy levers",
    },
    "deck_total_note": {
        "zh": "虚线为既定计划：政策变量取默认值、不含新增项目，经济假设与本情景相同；两线之差即政策变量的影响。",
        "en": "Dashed: the announced plan (levers at their defaults, no added projects, the same economy "
        "assumptions); the gap between the lines is the effect of the levers.",
    },
    "deck_policy_note": {
        "zh": "正值为高于既定计划，负值为低于既定计划；已按净增比例（{additionality}）折算，已公布年份为零。",
        "en": "Above zero: more than the announced plan; below: less. Net of additionality ({additionality}); "
        "zero in published years.",
    },
    "deck_policy_zero": {
        "zh": "各政策变量均取既定计划值，影响为零。",
        "en": "Every lever is at the announced plan: the effect is zero.",
    },
    "deck_metric_policy": {
        "zh": "{year}年政策变量影响（亿元）",
        "en": "Effect of the policy levers, {year} (100 million yuan)",
    },
    "deck_policy_card": {
        "zh": "相对既定计划（净增比例 {additionality}）",
        "en": "Against the announced plan (additionality {additionality})",
    },
    "deck_headline_note": {
        "zh": "变化值均相对基准情景，按同一预测终止年份（{year}年）计算；政策变量影响相对既定计划。",
        "en": "Changes are against the baseline scenario run to the same last year ({year}); the effect of the "
        "levers is against the announced plan.",
    },
    "deck_role_choice": {
        "zh": "预测设定",
        "en": "projection settings",
    },
    "deck_role_economy": {"zh": "经济假设", "en": "economy assumptions"},
    "deck_role_lever": {"zh": "政策变量", "en": "policy levers"},
    "deck_slide_params": {"zh": "{name}：{role}一览", "en": "{name}: {role}"},
    "deck_slide_sources_role": {"zh": "数据来源：{role}", "en": "Sources: {role}"},
    "deck_col_source_reasoning": {"zh": "出处与取值理由", "en": "Source and why this value"},
    "deck_reasoning": {"zh": "取值理由：{why}", "en": "Why: {why}"},
    "deck_no_source": {
        "zh": "无外部出处（模型假设）",
        "en": "No outside source (a modelling assumption)",
    },
    "deck_cont": {"zh": "（续）", "en": "(continued)"},
    "deck_slide_backtest": {
        "zh": "回测：基准情景对已公布年份的推算",
        "en": "Backtest: what the baseline scenario projected for published years",
    },
    "deck_col_year": {"zh": "年份", "en": "Year"},
    "deck_col_official": {"zh": "官方增速（%）", "en": "Official growth (%)"},
    "deck_col_projected": {"zh": "推算增速（%）", "en": "Projected growth (%)"},
    "deck_col_error": {"zh": "误差（百分点）", "en": "Error (percentage points)"},
    "deck_col_publication": {"zh": "出处", "en": "Publication"},
    "deck_backtest_note": {
        "zh": "基准情景：全部参数取默认值、不采用已公布数据，逐年推算；误差＝推算值－公布值。",
        "en": "The baseline scenario: every parameter at its default, published figures not used; error = "
        "projected − official.",
    },
    "deck_backtest_empty": {
        "zh": "尚无2024年以后可用于回测的官方全年增速。",
        "en": "No official full-year growth figure from 2024 on to test against yet.",
    },
    "deck_slide_targets": {"zh": "{name}：目标与差距", "en": "{name}: targets and the gap to each"},
    "deck_col_target": {"zh": "目标", "en": "Goal"},
    "deck_col_achieved": {"zh": "本情景", "en": "This scenario"},
    "deck_col_gap": {"zh": "差距", "en": "Gap"},
    "deck_targets_note": {
        "zh": "差距＝本情景－目标值：正值为超过目标，负值为未达目标。",
        "en": "Gap = this scenario − the target: above zero the target is exceeded, below it is missed.",
    },
    "deck_targets_empty": {
        "zh": "本情景预测期内无可核对的目标。",
        "en": "No target to check within this scenario's years.",
    },
    "deck_own_suffix": {"zh": "（自定目标）", "en": " (own target)"},
    "deck_col_target_value": {"zh": "目标值", "en": "Target"},
    "deck_not_modelled": {
        "zh": "本模型不测算此项",
        "en": "Not modelled",
    },
    "deck_beyond": {
        "zh": "超出预测期",
        "en": "Beyond the projection period",
    },
    "deck_target_level": {"zh": "{year}年达到{value}亿元", "en": "{value} (100 million yuan) in {year}"},
    "deck_target_growth_year": {"zh": "{year}年增长{value}%", "en": "{value}% growth in {year}"},
    "deck_target_growth_avg": {
        "zh": "{from_year}—{year}年年均增长{value}%",
        "en": "{value}% a year, {from_year}–{year}",
    },
    "deck_gap_level": {"zh": "{gap}亿元", "en": "{gap}"},
    "deck_gap_points": {"zh": "{gap}个百分点", "en": "{gap} points"},
    "cmp_policy_va": {
        "zh": "政策变量影响（亿元）",
        "en": "Effect of the policy levers (100 million yuan)",
    },
    # Model version 2 on the page: levers and economy apart, the plan as baseline, published
    # years, targets, history and backtest, version-1 notices
    "group_horizon": {
        "zh": "预测期与已公布数据",
        "en": "Projection period and published figures",
    },
    "group_economy_trend": {"zh": "基数与趋势增速", "en": "Base and trend growth"},
    "group_economy_capacity": {"zh": "新增产能", "en": "New capacity"},
    "group_lever_ti": {"zh": "技改投资", "en": "Technical-transformation investment"},
    "group_lever_funds": {"zh": "产业投资基金", "en": "Industrial investment funds"},
    "group_lever_projects": {
        "zh": "重点项目",
        "en": "Key projects",
    },
    "section_levers": {"zh": "政策变量", "en": "Policy levers"},
    "section_levers_note": {
        "zh": "报道所述的既定安排。调整后，页面显示相对既定计划的增减。",
        "en": "The measures the article announced. Moving them shows the effect against the announced plan.",
    },
    "section_economy": {"zh": "经济假设", "en": "Assumptions about the economy"},
    "section_economy_note": {
        "zh": "对德州工业经济运行的研判，不属于政策选择；既定计划按同样的假设测算。",
        "en": "Judgements about Dezhou's industrial economy, not policy choices; the announced plan is run "
        "with the same assumptions.",
    },
    "help_publication": {"zh": "出处", "en": "Publication"},
    "help_url": {"zh": "网址", "en": "Address"},
    "help_reason": {
        "zh": "取值理由",
        "en": "Reasoning",
    },
    "plan_at_defaults": {
        "zh": "政策变量均取既定计划值，规上工业增加值即为既定计划水平。",
        "en": "Every policy lever is at the announced plan: value added is the plan's.",
    },
    "plan_changed": {
        "zh": "政策变量已调整：{year}年规上工业增加值较既定计划{direction}{delta}亿元（{pct}%）。",
        "en": "The policy levers are moved: value added in {year} {direction} {delta} (100 million yuan; "
        "{pct}%) against the announced plan.",
    },
    "change_rises": {
        "zh": "增加",
        "en": "is higher by",
    },
    "change_falls": {
        "zh": "减少",
        "en": "is lower by",
    },
    "plan_changed_none": {
        "zh": "政策变量已调整，但{year}年规上工业增加值与既定计划相同。",
        "en": "The policy levers are moved, but value added in {year} is the same as under the announced plan.",
    },
    "published": {"zh": "已公布", "en": "Published"},
    "projected": {"zh": "推算", "en": "Projected"},
    "col_observed": {"zh": "公布值／估算值／推算值", "en": "Published / estimated / projected"},
    "series_published": {
        "zh": "已公布年份（官方统计数据）",
        "en": "Published years (official statistics)",
    },
    "series_target": {
        "zh": "目标（所需增加值）",
        "en": "Target (value added required)",
    },
    "chart_change_title": {
        "zh": "政策变量影响：相对既定计划的增减（亿元）",
        "en": "Effect of the policy levers against the announced plan (100 million yuan)",
    },
    "change_up": {
        "zh": "增加",
        "en": "Increase",
    },
    "change_down": {
        "zh": "减少",
        "en": "Decrease",
    },
    "targets_title": {"zh": "目标", "en": "Targets"},
    "targets_official": {
        "zh": "官方目标：逐条注明出处、日期和原文；非本模型测算指标的目标仅作列示。",
        "en": "Official targets, each with its publication, date and sentence; targets for figures the model "
        "does not project are listed only.",
    },
    "targets_official_none": {
        "zh": "未检索到德州市、山东省规上工业增加值的官方量化目标，可在下方添加自定目标。",
        "en": "No official numeric target for the value added of industrial enterprises above designated size "
        "in Dezhou or Shandong could be found; add your own below.",
    },
    "targets_own": {
        "zh": "自定目标：可在下表中添加、修改或删除，随情景一并保存、比较和导出。指标可选增加值（亿元）、"
        "当年增速或年均增速（%）；年均增速须填写起始年份。",
        "en": "Your own targets: add, edit or remove rows below; they are saved, compared and exported with "
        "the scenario. Indicator: value added (100 million yuan), growth in the year or average annual "
        "growth (%); average growth needs a start year.",
    },
    "targets_add_row": {"zh": "添加目标", "en": "Add a target"},
    "targets_problems": {
        "zh": "以下各行有误，暂不计入（已填内容保留，可随时修改）：",
        "en": "These rows have errors and are left out for now (what you typed stays; correct it at any time):",
    },
    "targets_none": {
        "zh": "暂无目标。可在「逐年结果、项目与目标」页添加自定目标。",
        "en": "No targets yet. Add your own on the “Results, projects, targets” tab.",
    },
    "target_metric_level": {"zh": "增加值（亿元）", "en": "Value added (100 million yuan)"},
    "target_metric_growth_year": {"zh": "当年增速（%）", "en": "Growth in the year (%)"},
    "target_metric_growth_avg": {
        "zh": "年均增速（%）",
        "en": "Average annual growth (%)",
    },
    "gap_title": {"zh": "与目标的差距", "en": "Gap to the targets"},
    "col_target": {"zh": "目标", "en": "Target"},
    "col_metric_kind": {
        "zh": "指标",
        "en": "Indicator",
    },
    "col_target_value": {"zh": "目标值", "en": "Target value"},
    "col_achieved": {"zh": "本情景", "en": "This scenario"},
    "col_gap": {
        "zh": "差距（正值为超过）",
        "en": "Gap (positive: above the target)",
    },
    "col_from_year": {"zh": "起始年份", "en": "From year"},
    "col_reached": {"zh": "是否达到", "en": "Reached"},
    "col_checkable": {
        "zh": "可否由模型核对",
        "en": "Checked by the model",
    },
    "unit_points": {"zh": "个百分点", "en": "points"},
    "prob_title": {"zh": "达到各目标的概率", "en": "Chance of reaching each target"},
    "prob_caption": {
        "zh": "与上图同一组蒙特卡洛模拟中达到目标的比例。",
        "en": "The share of the same Monte Carlo draws that reach the target.",
    },
    "col_probability": {"zh": "概率", "en": "Probability"},
    "goal_all": {"zh": "也可调整经济假设", "en": "Vary an economy assumption too"},
    "goal_all_help": {
        "zh": "默认只调整政策变量；勾选后也可调整经济假设（如基数、净增比例），但经济假设属于研判，不属于政策选择。",
        "en": "By default only policy levers are varied; tick to vary an economy assumption too (such as the "
        "base or additionality): those are judgements, not policy choices.",
    },
    "tab_history": {
        "zh": "历史数据与回测",
        "en": "History & backtest",
    },
    "backtest_title": {"zh": "回测", "en": "Backtest"},
    "backtest_caption": {
        "zh": "基准情景（全部参数取默认值、不采用已公布数据）对每个已公布年份的推算增速与官方全年增速对照；"
        "误差为推算值减公布值（百分点）。",
        "en": "What the baseline scenario (every default, published figures not used) projected for each year "
        "with an official figure, against that figure; the error is projected minus official, in "
        "percentage points.",
    },
    "backtest_none": {
        "zh": "尚无2024年以后的官方全年增速，暂无法回测。",
        "en": "No official full-year growth after 2023 yet: nothing to backtest.",
    },
    "backtest_chart_title": {
        "zh": "回测：推算增速与官方增速（%）",
        "en": "Backtest: projected and official growth (%)",
    },
    "series_backtest": {
        "zh": "基准情景推算",
        "en": "Baseline scenario, projected",
    },
    "series_official": {"zh": "官方全年增速", "en": "Official full-year growth"},
    "series_partial": {
        "zh": "官方累计增速（部分月份）",
        "en": "Official growth, part of the year",
    },
    "col_official_pct": {
        "zh": "官方增速（%）",
        "en": "Official growth (%)",
    },
    "col_projected_pct": {
        "zh": "推算增速（%）",
        "en": "Projected growth (%)",
    },
    "col_error_pts": {
        "zh": "误差（百分点）",
        "en": "Error (percentage points)",
    },
    "col_publication": {"zh": "出处", "en": "Publication"},
    "col_date": {"zh": "日期", "en": "Date"},
    "col_url": {"zh": "网址", "en": "Address"},
    "col_quote": {
        "zh": "原文",
        "en": "Sentence (Chinese original)",
    },
    "col_period": {"zh": "时期", "en": "Period"},
    "col_region": {"zh": "地区", "en": "Region"},
    "col_note": {"zh": "说明", "en": "Note"},
    "col_used": {
        "zh": "是否采用",
        "en": "Used by the model",
    },
    "col_reason": {
        "zh": "取值理由",
        "en": "Reasoning",
    },
    # Values from the data files, shown by name (never by their code)
    "prov_article_output_assumed": {
        "zh": "投资额为报道原文，产值为模型假设",
        "en": "Investment from the article; output an assumption",
    },
    "dist_triangular": {"zh": "三角分布", "en": "Triangular"},
    "dist_uniform": {"zh": "均匀分布", "en": "Uniform"},
    "hist_metric_va_growth_pct": {"zh": "规上工业增加值增速（%）", "en": "Growth of value added (%)"},
    "hist_metric_ti_growth_pct": {"zh": "技改投资增速（%）", "en": "Growth of technical-transformation investment (%)"},
    "hist_metric_va_level": {"zh": "规上工业增加值（亿元）", "en": "Value added (100 million yuan)"},
    "target_metric_revenue": {"zh": "规上工业营业收入（亿元）", "en": "Operating revenue (100 million yuan)"},
    "period_q1": {"zh": "一季度", "en": "First quarter"},
    "period_h1": {"zh": "上半年", "en": "First half"},
    "period_months": {"zh": "1—{month}月", "en": "January–{month}"},
    "translation_note": {"zh": "（译文）", "en": "(translation)"},
    # Streamlit's own strings that the page can set
    "choose": {"zh": "请选择", "en": "Choose"},
    "choose_scenarios": {"zh": "请选择情景", "en": "Choose scenarios"},
    "no_options": {"zh": "暂无可选情景", "en": "No scenarios to choose from"},
    "region_dezhou": {"zh": "德州市", "en": "Dezhou"},
    "region_shandong": {"zh": "山东省", "en": "Shandong"},
    "conf_high": {
        "zh": "高",
        "en": "High",
    },
    "conf_medium": {
        "zh": "中",
        "en": "Medium",
    },
    "conf_low": {
        "zh": "低",
        "en": "Low",
    },
    "period_full": {"zh": "全年", "en": "Full year"},
    "history_title": {
        "zh": "已公布的官方数据",
        "en": "Published official figures",
    },
    "history_caption": {
        "zh": "每条数据均注明出处、日期、网址和原文。同一年份来源不一时全部保留，模型采用可信度最高、"
        "日期最新的一条；可信度为“低”的数据仅作列示、不予采用。"
        "部分月份累计数据（如1—7月）在上图中作为观测值与推算增速对照。",
        "en": "Every figure with its publication, date, address and sentence. Where sources disagree all are "
        "kept; the model uses the one with the highest confidence, then the latest date; low-confidence "
        "figures are shown, never used. Figures for part of a year (e.g. January–July) are drawn above "
        "as observations against projected growth.",
    },
    "history_none": {
        "zh": "官方数据正在整理，暂无可显示的数据。",
        "en": "The official figures are being sourced; none to show yet.",
    },
    "sources_choices": {"zh": "预测设定", "en": "Projection settings"},
    "sources_levers": {"zh": "政策变量", "en": "Policy levers"},
    "sources_economy": {"zh": "经济假设", "en": "Assumptions about the economy"},
    "v1_notices_file": {
        "zh": "该情景由早期版本模型保存，已按第3版读取，其余内容均予保留：",
        "en": "This scenario was saved by an earlier version of the model and read as version 3; everything else "
        "is kept:",
    },
    "v1_notices_link": {
        "zh": "此链接由早期版本模型生成，已按第3版读取，其余参数均予保留：",
        "en": "This link was made by an earlier version of the model and read as version 3; the other values are kept:",
    },
    # --- Exports, deck and up/down colours (issue 11, items 9, 10, 12): new strings only ------------------
    "download_csv_labelled_help": {
        "zh": "UTF-8（带BOM）格式，可直接用 Excel 打开；表头为各列名称及单位，与键名的对应关系见数据字典；"
        "数值保留模型计算的全部精度（页面显示一位小数），可原样读回。",
        "en": "UTF-8 with a byte-order mark, opens in Excel; the header names each column with its unit (the data "
        "dictionary pairs each name with its key); every number at the full precision the model computed (the "
        "page shows one decimal), so it reads back exactly.",
    },
    "updown": {"zh": "涨跌颜色", "en": "Colours for up and down"},
    "updown_auto": {"zh": "随页面语言", "en": "By page language"},
    "updown_red": {"zh": "红涨绿跌", "en": "Red up, green down"},
    "updown_green": {"zh": "绿涨红跌", "en": "Green up, red down"},
    "updown_help": {
        "zh": "中文页面默认以红色表示增加、绿色表示减少，英文页面相反。适用于主要指标的变化值、政策变量改变量图、"
        "情景比较和演示文稿。",
        "en": "By default the Chinese page shows increases in red and decreases in green, the English page the "
        "other way round. Applies to the changes under the headline figures, the chart of what the levers "
        "change, the comparison and the slide deck.",
    },
    "deck_slide_fan": {"zh": "{name}：不确定性区间", "en": "{name}: uncertainty range"},
    "deck_fan_note": {
        "zh": "蒙特卡洛模拟{draws}次（随机种子{seed}）；深色为25%—75%分位区间，浅色为5%—95%分位区间。",
        "en": "Monte Carlo, {draws} draws (seed {seed}); dark band: 25–75th percentiles, light band: 5–95th.",
    },
    "deck_col_item": {"zh": "参数及来源类型", "en": "Parameter and provenance"},
    "scenario_baseline_name": {"zh": "基准情景", "en": "Baseline scenario"},  # = data/presets/01-*.json
    # A saved scenario loaded from the library, then changed on the page: its name, marked.
    "scenario_adjusted": {"zh": "{name}（已调整）", "en": "{name} (adjusted)"},
    # --- Issue 11 (items 2, 3, 7, 8, 14): undo, keeping added rows, presentation mode -------------
    "keep_added": {"zh": "载入时保留已添加的项目和目标", "en": "Keep the projects and targets I added"},
    "keep_added_help": {
        "zh": "开启时，载入预设情景、已保存情景或恢复默认值，均保留您添加的项目和目标，载入内容中的项目和目标列于其后；"
        "关闭时，以载入内容替换。两种情况均可撤销一次。",
        "en": "When on, loading a preset or a saved scenario, or going back to the defaults, keeps the projects "
        "and targets you added and puts those of what is loaded after them; when off, what is loaded replaces "
        "them. Either way it can be undone once.",
    },
    "undo": {"zh": "撤销", "en": "Undo"},
    "undo_done": {"zh": "已撤销，恢复到上一步之前的状态。", "en": "Undone: the page is as it was before."},
    "undo_load": {
        "zh": "撤销将恢复载入“{name}”之前的全部参数{rows}。",
        "en": "Undo puts back every setting as it was before “{name}” was loaded{rows}.",
    },
    "undo_preset": {
        "zh": "撤销将恢复载入预设情景“{name}”之前的全部参数{rows}。",
        "en": "Undo puts back every setting as it was before the preset “{name}” was loaded{rows}.",
    },
    "undo_reset": {
        "zh": "撤销将恢复“恢复基准情景”之前的全部参数{rows}。",
        "en": "Undo puts back every setting as it was before the reset to the baseline scenario{rows}.",
    },
    "undo_rows": {
        "zh": "，以及当时已添加的{projects}个项目、{targets}个目标",
        "en": ", with the {projects} project(s) and {targets} target(s) added then",
    },
    "undo_delete": {
        "zh": "撤销将把已删除的情景“{name}”重新存入情景库。",
        "en": "Undo saves the deleted scenario “{name}” to the library again.",
    },
    "undo_deleted_back": {"zh": "已恢复情景：{name}", "en": "Scenario restored: {name}"},
    "present_deltas": {
        "zh": "各项指标下方的变化值均为与基准情景（全部参数取默认值，政策变量即既定计划）之差。",
        "en": "Each change under a figure is against the baseline scenario: every setting at its default, the "
        "policy levers at the announced plan.",
    },
    "present_changes_title": {"zh": "本情景调整的参数（与基准情景比较）", "en": "Settings changed from the baseline"},
    "present_change_line": {
        "zh": "{label}：{value}（基准：{default}）",
        "en": "{label}: {value} (baseline: {default})",
    },
    "present_no_changes": {
        "zh": "全部参数均取基准情景数值。",
        "en": "Every setting is at its baseline value.",
    },
    "present_added": {"zh": "新增项目：{names}", "en": "Added projects: {names}"},
    "present_notes": {"zh": "演讲备注", "en": "Presenter notes"},
    "present_notes_label": {
        "zh": "本页备注（按情景分别保存，服务器运行期间保留，不存入情景库或链接）",
        "en": "Notes for this screen (kept for each scenario while the server runs; not saved in the library "
        "or the link)",
    },
    # --- page v3: added official figures, data as of, card comparisons, years by status ---
    "data_as_of": {"zh": "数据截至{year}年{month}月", "en": "Data as of {month} {year}"},
    "data_as_of_none": {
        "zh": "未采用官方统计数据，各年份均为推算",
        "en": "No official figures used: every year is projected",
    },
    "vs_baseline": {"zh": "较基准情景", "en": "vs the baseline scenario"},
    "vs_plan": {"zh": "较既定计划", "en": "vs the announced plan"},
    "plan_channels": {
        "zh": "其中技改投资渠道{ti}亿元，新增产能渠道{capacity}亿元。",
        "en": "Of which technical-transformation investment {ti}, new capacity {capacity} (100 million yuan).",
    },
    "channel_ti": {"zh": "技改", "en": "Technical upgrading"},
    "channel_capacity": {"zh": "新增产能", "en": "New capacity"},
    "col_status": {"zh": "数据状态", "en": "Status"},
    "col_status_help": {
        "zh": "已公布：采用官方全年数据；估算：当年尚无全年数据，采用覆盖月份最多（不少于6个月）的1月以来累计数据；"
        "推算：按趋势增速测算。",
        "en": "Published: the official full-year figure; estimated: no full-year figure yet, the cumulative figure "
        "from January covering the most months (at least six) is used; projected: from the trend growth.",
    },
    "legend_published": {"zh": "已公布（◆）", "en": "Published (◆)"},
    "legend_estimated": {"zh": "估算（◇）", "en": "Estimated (◇)"},
    "legend_projected": {"zh": "推算（无标记）", "en": "Projected (no mark)"},
    "years_title": {"zh": "各年份数据状态", "en": "Each year's status"},
    "col_growth_used": {"zh": "采用增速（%）", "en": "Growth used (%)"},
    "year_past": {
        "zh": "{asked}年已过去，按{used}年计算。",
        "en": "{asked} has passed: {used} is used.",
    },
    "hist_metric_revenue_level": {"zh": "规上工业营业收入（亿元）", "en": "Operating revenue (100 million yuan)"},
    "figure_form_title": {"zh": "添加官方数据", "en": "Add an official figure"},
    "figure_form_caption": {
        "zh": "统计部门掌握的最新数据可在此录入，须注明出处和原文。保存后模型立即采用（按可信度、日期取用规则），"
        "所有使用同一情景库的用户均可见；删除后可撤销，删除前的记录永久保留。",
        "en": "Enter an official figure the bureau holds, with its publication and sentence. Once saved the model "
        "uses it at once (by the confidence and date rule), for everyone using the same library; a deletion can be "
        "undone, and the figure as it was is always kept.",
    },
    "field_region": {"zh": "地区", "en": "Region"},
    "field_metric": {"zh": "指标", "en": "Indicator"},
    "field_year": {"zh": "年份", "en": "Year"},
    "field_period": {"zh": "统计期", "en": "Period"},
    "field_value": {"zh": "数值", "en": "Value"},
    "field_publication": {"zh": "出处", "en": "Publication"},
    "field_date": {"zh": "发布日期", "en": "Date published"},
    "field_url": {"zh": "网址", "en": "Address (URL)"},
    "field_quote": {"zh": "原文语句（必填）", "en": "The sentence (required)"},
    "field_confidence": {"zh": "可信度", "en": "Confidence"},
    "field_year_help": {"zh": "2015至2035之间的整数。", "en": "A whole number from 2015 to 2035."},
    "field_value_help": {
        "zh": "增速填百分数（如8.4表示增长8.4%），总量填亿元。",
        "en": "Growth in per cent (8.4 for 8.4%); levels in 100 million yuan.",
    },
    "field_date_help": {
        "zh": "如2025-03-20；只知年月可填2025-03。",
        "en": "Such as 2025-03-20; 2025-03 when only the month is known.",
    },
    "field_quote_help": {
        "zh": "出处中给出该数据的原句，照录原文。",
        "en": "The sentence of the publication that gives the figure, as published.",
    },
    "figure_add": {"zh": "添加数据", "en": "Add the figure"},
    "figure_added": {
        "zh": "已添加第{number}条数据，模型已按新数据重新计算。",
        "en": "Figure {number} added; the model has been recomputed with it.",
    },
    "figure_problems": {
        "zh": "数据未保存，请修改以下各项：",
        "en": "The figure was not saved. Please correct:",
    },
    "figure_deleted": {"zh": "已删除第{number}条数据。", "en": "Figure {number} deleted."},
    "figure_restored": {"zh": "已恢复第{number}条数据。", "en": "Figure {number} restored."},
    "undo_figure_delete": {
        "zh": "撤销将恢复已删除的第{number}条数据（{what}）。",
        "en": "Undo puts back deleted figure {number} ({what}).",
    },
    "figure_pick": {"zh": "选择要删除的新增数据", "en": "Added figure to delete"},
    "figure_delete": {"zh": "删除", "en": "Delete"},
    "figure_store_unavailable": {
        "zh": "无法读取新增数据，模型仅采用数据文件中的官方数据：{error}",
        "en": "The added figures cannot be read; the model uses the data file's figures only: {error}",
    },
    "figure_signin_needed": {
        "zh": "已启用登录：登录后方可添加或删除数据（见“保存与比较”页）。",
        "en": "Sign-in is on: sign in (on the Save & compare tab) to add or delete figures.",
    },
    "col_origin": {"zh": "来源类别", "en": "Origin"},
    "origin_data": {"zh": "数据文件", "en": "Data file"},
    "origin_added": {"zh": "新增（第{number}条）", "en": "Added (no. {number})"},
    "col_added_by": {"zh": "添加人", "en": "Added by"},
    "col_added_at": {"zh": "添加时间", "en": "Added at"},
    "visitor": {"zh": "访客（未登录）", "en": "Visitor (not signed in)"},
    "form_blank": {"zh": "空白", "en": "blank"},
    "form_missing": {"zh": "{field}：必填，不能为空。", "en": "{field}: required; it is blank."},
    "form_not_number": {
        "zh": "{field}：“{value}”不是数值，应为{allowed}。",
        "en": "{field}: “{value}” is not a number; allowed: {allowed}.",
    },
    "form_year_range": {
        "zh": "{field}：{value}超出允许范围，应为2015至2035之间的整数。",
        "en": "{field}: {value} is out of range; allowed: a whole number from 2015 to 2035.",
    },
    "form_choice": {
        "zh": "{field}：“{value}”不是可选项，应为{allowed}之一。",
        "en": "{field}: “{value}” is not one of the choices; allowed: {allowed}.",
    },
    "form_allowed_year": {"zh": "2015至2035之间的整数", "en": "a whole number from 2015 to 2035"},
    "form_url": {
        "zh": "{field}：“{value}”不是网址，应以http://或https://开头，或留空。",
        "en": "{field}: “{value}” is not a web address; it should start with http:// or https://, or be left blank.",
    },
    "form_allowed_value": {"zh": "数值（如8.4）", "en": "a number (such as 8.4)"},
    # --- page-defects (issue 19, items 4 and 6) -----------------------------------------------------
    "present_notes_open": {"zh": "演讲备注（另开窗口）", "en": "Presenter notes (new window)"},
    "present_notes_open_help": {
        "zh": "在新窗口打开演讲备注，请将其留在本人电脑屏幕上，演示画面投到大屏。两个窗口同步翻页，"
        "备注窗口中还可切换语言。备注在服务器运行期间保留，不存入情景库或链接。",
        "en": "Opens the presenter notes in a new window: keep it on your own screen and show presentation "
        "mode on the projector. Both windows step together; the notes window also switches the language. "
        "Notes are kept while the server runs, never saved in the library or the link.",
    },
    "present_notes_waiting": {
        "zh": "演示尚未开始：请在页面侧边栏点击“演示模式”，本窗口将随演示画面同步显示。",
        "en": "The presentation has not started: press “Presentation mode” in the page's sidebar; this "
        "window then follows the screen shown.",
    },
    "present_notes_next": {"zh": "下一情景：{name}", "en": "Next: {name}"},
    "undo_goal": {
        "zh": "撤销将恢复采用目标倒推结果（{name}）之前的全部参数{rows}。",
        "en": "Undo puts back every setting as it was before the goal-seek value ({name}) was applied{rows}.",
    },
    "fan_band_outer": {"zh": "5%—95%分位区间", "en": "5–95% range"},
    "fan_band_inner": {"zh": "25%—75%分位区间", "en": "25–75% range"},
    "fan_low": {"zh": "下限（亿元）", "en": "Low (100 million yuan)"},
    "fan_high": {"zh": "上限（亿元）", "en": "High (100 million yuan)"},
    "undo_goal_what": {"zh": "{param}设为{value}", "en": "{param} set to {value}"},
    # --- office (issue 19: a deck a deputy mayor presents unedited) ---
    "deck_unnamed": {"zh": "自定情景", "en": "Custom scenario"},
    "deck_slide_summary": {"zh": "摘要", "en": "Summary"},
    "sum_first": {
        "zh": "{name}下，{year}年规上工业增加值为{va}亿元，{change}；{levers}。",
        "en": "Under {name}, value added of industry above designated size reaches {va} (100 million yuan) in "
        "{year}, {change}; {levers}.",
    },
    "sum_more": {
        "zh": "比基准情景多{diff}亿元（{pct}%）",
        "en": "{diff} more than the baseline scenario ({pct}% above it)",
    },
    "sum_less": {
        "zh": "比基准情景少{diff}亿元（{pct}%）",
        "en": "{diff} less than the baseline scenario ({pct}% below it)",
    },
    "sum_same_as_baseline": {"zh": "与基准情景相同", "en": "the same as the baseline scenario"},
    "sum_levers_none": {
        "zh": "各政策变量均取既定计划值，与既定计划相比没有增减",
        "en": "every policy lever is at the announced plan, so the levers change nothing against it",
    },
    "sum_levers_more": {
        "zh": "其中政策变量相对既定计划增加{policy}亿元",
        "en": "of this, the policy levers add {policy} against the announced plan",
    },
    "sum_levers_less": {
        "zh": "其中政策变量相对既定计划减少{policy}亿元",
        "en": "of this, the policy levers take away {policy} against the announced plan",
    },
    "sum_odds": {
        "zh": "按{draws}次蒙特卡洛模拟，{odds}。",
        "en": "Over {draws} Monte Carlo draws, {odds}.",
    },
    "sum_odds_one": {"zh": "实现「{target}」的概率为{p}%", "en": "the odds of “{target}” are {p}%"},
    "sum_quoted": {"zh": "「{label}」", "en": "“{label}”"},
    "sum_no_targets": {
        "zh": "预测期内没有可核对的目标。",
        "en": "No target can be checked within the projected years.",
    },
    "sum_targets_all": {
        "zh": "可核对的{n}项目标全部实现。",
        "en": "All {n} targets that can be checked are met.",
    },
    "sum_targets_some": {
        "zh": "可核对的{n}项目标中实现{met}项，未实现的是{missed}。",
        "en": "Of the {n} targets that can be checked, {met} are met; missed: {missed}.",
    },
    "sum_compare_first": {
        "zh": "比较的{n}个情景中，{year}年规上工业增加值最低为{low}的{low_va}亿元，最高为{high}的{high_va}亿元，"
        "比基准情景相差{lo}至{hi}亿元。",
        "en": "Across the {n} scenarios, value added in {year} ranges from {low_va} ({low}) to {high_va} ({high}) "
        "(100 million yuan), {lo} to {hi} against the baseline scenario.",
    },
    "sum_compare_second": {"zh": "目标实现情况：{each}。", "en": "Targets: {each}."},
    "sum_compare_odds_one": {"zh": "{name}各目标的实现概率依次为{odds}", "en": "{name}, odds {odds}"},
    "sum_compare_targets_one": {"zh": "{name}实现{met}/{n}项", "en": "{name} meets {met} of {n}"},
    "sum_note": {
        "zh": "基准情景：全部参数取默认值；既定计划：政策变量取默认值、经济假设与本情景相同。",
        "en": "Baseline scenario: every setting at its default. Announced plan: the levers at their defaults, "
        "the economy as the scenario assumes it.",
    },
    "deck_slide_scenario": {"zh": "{name}", "en": "{name}"},
    "deck_slide_compare_targets": {"zh": "情景比较：目标与差距", "en": "Scenarios compared: the gap to each target"},
    "deck_targets_left_out": {
        "zh": "另有{n}项官方目标不在本模型测算范围内，未列入：{names}。",
        "en": "{n} official targets are outside what the model computes and are not listed: {names}.",
    },
    "deck_appendix": {"zh": "附录", "en": "Appendix"},
    "deck_appendix_what": {
        "zh": "回测、参数设置、数据来源（各来源的原文和取值理由见备注）",
        "en": "Backtest, settings, sources (each source's sentence and reasoning in the notes)",
    },
    "deck_slide_settings": {"zh": "参数设置", "en": "Settings"},
    "deck_settings_notes": {
        "zh": "表中依次为经济假设、政策变量和预测设定，各类首项：{kinds}。",
        "en": "The table lists economy assumptions, policy levers and projection settings; each kind starts "
        "at: {kinds}.",
    },
    "deck_slide_sources": {"zh": "数据来源", "en": "Sources"},
    "deck_col_date": {"zh": "发布日期", "en": "Date"},
    "deck_sources_note": {
        "zh": "各项的原文与取值理由见本页备注。",
        "en": "Each one's sentence and the reasoning for its value are in this slide's notes.",
    },
    "deck_notes_sentence": {"zh": "原文：{sentence}", "en": "Sentence: {sentence}"},
    "deck_translated": {"zh": "（译文）", "en": " (translation)"},
    "deck_col_status": {"zh": "年份类型", "en": "Status"},
    "deck_cmp_revenue": {"zh": "末年营业收入（亿元）", "en": "Operating revenue, last year (100 million yuan)"},
    "deck_metric_revenue": {
        "zh": "{year}年规上工业营业收入（亿元）",
        "en": "Operating revenue, {year} (100 million yuan)",
    },
    "deck_policy_channels": {
        "zh": "相对既定计划：技改{ti}，新增产能{capacity}",
        "en": "Against the announced plan: technical transformation {ti}, new capacity {capacity}",
    },
    "deck_channel_ti_policy_va": {"zh": "技改", "en": "Technical transformation"},
    "deck_channel_capacity_policy_va": {"zh": "新增产能", "en": "New capacity"},
    "deck_channel_policy_va": {"zh": "政策变量影响", "en": "Effect of the policy levers"},
    # --- trust (issue 20) ---
    "url_too_long": {
        "zh": "此链接的参数超过{fields}个，Streamlit 未读取其中任何内容：页面按基准情景打开。请缩短链接后重试。",
        "en": "This link holds more than {fields} parameters, so Streamlit read none of them: the page opened "
        "at the baseline scenario. Shorten the link and open it again.",
    },
}


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` fields filled from ``fmt``."""
    text = TEXT[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**fmt) if fmt else text


MONTHS = {
    "Jan": "January",
    "Feb": "February",
    "Mar": "March",
    "Apr": "April",
    "May": "May",
    "Jun": "June",
    "Jul": "July",
    "Aug": "August",
    "Sep": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}


def period_name(period: str, lang: str = DEFAULT_LANG) -> str:
    """A period of ``data/history.csv`` (``full-year``, ``Q1``, ``H1``, ``Jan-Sep``) as the page writes it."""
    if period == "full-year":
        return t("period_full", lang)
    if period in ("Q1", "H1"):
        return t(f"period_{period.lower()}", lang)
    first, _, last = period.partition("-")
    if first == "Jan" and last in MONTHS:
        return t("period_months", lang, month=list(MONTHS).index(last) + 1 if lang == "zh" else MONTHS[last])
    return period


def data_as_of_text(as_of: tuple[int, int] | None, lang: str = DEFAULT_LANG) -> str:
    """「数据截至2025年12月」 / "Data as of December 2025" (the latest official figure the model uses)."""
    if as_of is None:
        return t("data_as_of_none", lang)
    year, month = as_of
    return t("data_as_of", lang, year=year, month=month if lang == "zh" else list(MONTHS.values())[month - 1])
