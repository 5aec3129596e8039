"""Every user-facing string of the page, in Chinese (default) and English.

A test fails when a string exists in one language only or is empty.
"""

from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

TEXT: dict[str, dict[str, str]] = {
    "page_title": {"zh": "德州工业政策模拟", "en": "Dezhou industrial policy simulator"},
    "page_caption": {
        "zh": "规上工业增加值：以文章计划为基准情景，政策变量显示相对计划改变了多少；已公布年份采用官方数据。"
        "数据起点：《德州日报》2023年11月3日。",
        "en": "Above-size industrial value added: the article's plan is the baseline, the levers show what a "
        "change to the plan does; published years use the official figures. Starting figures: Dezhou Daily, "
        "3 November 2023.",
    },
    "controls": {"zh": "情景参数", "en": "Scenario settings"},
    "reset": {"zh": "恢复文章默认值", "en": "Back to the article's defaults"},
    "reset_help": {
        "zh": "把所有参数恢复为《德州日报》文章及模型假设的默认值。",
        "en": "Set every parameter back to the article's figures and the model's default assumptions.",
    },
    "changed_count": {"zh": "已改动 {n} 个参数", "en": "{n} parameter(s) changed from the defaults"},
    "at_defaults": {"zh": "当前为文章默认值", "en": "At the article's defaults"},
    "metric_va": {"zh": "{year}年规上工业增加值（亿元）", "en": "Value added {year} (100 million yuan)"},
    "metric_va_help": {
        "zh": "基准增加值（文章计划）加上政策变量相对计划的改变；变化值为与文章默认情景之差。",
        "en": "The baseline (the article's plan) plus what the levers change; the change is against the "
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
        "zh": "{year}年相对计划的改变（亿元）",
        "en": "What the levers change in {year} (100 million yuan)",
    },
    "metric_extra_help": {
        "zh": "净增比例×（本情景新增产能增加值－文章计划新增产能增加值），仅计推算年份；政策变量均为默认值时为0。",
        "en": "Additionality × (value added of new capacity in this scenario − in the article's plan), projected "
        "years only; 0 with every lever at its default.",
    },
    "chart_va_title": {
        "zh": "规上工业增加值（亿元）",
        "en": "Above-size industrial value added (100 million yuan)",
    },
    "chart_invest_title": {
        "zh": "基金带动的年度投资（亿元）",
        "en": "Fund-driven investment per year (100 million yuan)",
    },
    "chart_source_title": {
        "zh": "基准增加值与本情景（亿元）",
        "en": "The baseline and this scenario (100 million yuan)",
    },
    "axis_year": {"zh": "年份", "en": "Year"},
    "axis_yuan": {"zh": "亿元", "en": "100 million yuan"},
    "series": {"zh": "系列", "en": "Series"},
    "series_scenario": {"zh": "当前情景", "en": "This scenario"},
    "series_baseline": {"zh": "文章计划（默认值）", "en": "Article's plan (defaults)"},
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
        "zh": "标题页、主要数字、规上工业增加值与文章计划对比图、政策变量改变量图、投资图、目标与差距、回测、"
        "经济假设与政策变量及其来源，按当前语言生成。",
        "en": "Title, headline figures, value added against the article's plan, what the levers change, "
        "investment, targets and the gap to each, the backtest, economy assumptions and policy levers "
        "with their sources, in the page's language.",
    },
    "tab_table": {"zh": "逐年结果、项目与目标", "en": "Table, projects & targets"},
    "tab_analysis": {"zh": "不确定性与目标", "en": "Uncertainty & goals"},
    "fan_title": {"zh": "增加值的不确定性区间（亿元）", "en": "How sure are we? Value added (100 million yuan)"},
    "fan_caption": {
        "zh": "对每个不确定参数（含2023年基数）在其低值与高值之间随机抽样，推算年份的增速另加逐年持续的冲击"
        "（蒙特卡洛）；阴影为5–95%与25–75%分位区间，灰色底纹为已公布年份。范围与来源见下表。",
        "en": "Each uncertain parameter (the 2023 level included) is drawn between its low and high value, and "
        "growth in projected years takes persistent year-to-year shocks (Monte Carlo); the bands are the "
        "5–95% and 25–75% ranges, grey shading marks published years. The ranges and their sources are in "
        "the table below.",
    },
    "draws": {"zh": "抽样次数", "en": "Draws"},
    "seed": {"zh": "随机种子", "en": "Seed"},
    "seed_help": {
        "zh": "相同的种子给出完全相同的结果。",
        "en": "The same seed gives exactly the same result.",
    },
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
    "growth_title": {
        "zh": "规上工业增加值增速：推算与已公布（%）",
        "en": "Growth of value added: projected and published (%)",
    },
    "col_confidence": {"zh": "可信度", "en": "Confidence"},
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
    # The library: pages, earlier versions, sign-in (ui/tabs/library.py)
    "lib_filter": {"zh": "按名称筛选", "en": "Filter by name"},
    "lib_page": {"zh": "第 {page}/{pages} 页 · 共 {n} 个情景", "en": "Page {page} of {pages} · {n} scenario(s)"},
    "page_prev": {"zh": "← 上一页", "en": "← Previous"},
    "page_next": {"zh": "下一页 →", "en": "Next →"},
    "lib_no_match": {"zh": "没有名称包含「{text}」的情景。", "en": "No scenario name contains “{text}”."},
    "lib_col_name": {"zh": "名称", "en": "Name"},
    "lib_col_saved_by": {"zh": "保存者", "en": "Saved by"},
    "lib_col_updated": {"zh": "保存时间（UTC）", "en": "Saved (UTC)"},
    "lib_col_owner": {"zh": "所有者", "en": "Owner"},
    "lib_limits": {
        "zh": "每个导入文件最多 {per_file} 个情景；情景库最多 {total} 个情景。覆盖、重命名和删除前的版本都会保留。",
        "en": "Up to {per_file} scenarios per imported file and {total} in the library. "
        "Overwriting, renaming and deleting keep the earlier version.",
    },
    "name_taken_by": {
        "zh": "已有名为「{name}」的情景，由 {who} 于 {when} 保存。要覆盖它吗？现有版本会保留在历史版本中。",
        "en": "A scenario named “{name}” already exists, saved by {who} on {when}. Overwrite it? "
        "The current version is kept among the earlier versions.",
    },
    "name_taken_when": {
        "zh": "已有名为「{name}」的情景，于 {when} 保存。要覆盖它吗？现有版本会保留在历史版本中。",
        "en": "A scenario named “{name}” already exists, saved on {when}. Overwrite it? "
        "The current version is kept among the earlier versions.",
    },
    "not_owner_overwrite": {
        "zh": "「{name}」属于 {owner}，只有所有者可以覆盖它。请换一个名称保存副本。",
        "en": "“{name}” belongs to {owner}; only its owner can overwrite it. Save a copy under another name.",
    },
    "owner_only": {
        "zh": "此情景属于 {owner}：只有所有者可以重命名或删除；您可以另存副本。",
        "en": "This scenario belongs to {owner}: only its owner can rename or delete it; you can save a copy.",
    },
    "saved_meta": {"zh": "由 {who} 于 {when} 保存", "en": "Saved by {who} on {when}"},
    "saved_meta_when": {"zh": "于 {when} 保存", "en": "Saved on {when}"},
    "copy_to": {"zh": "副本名称", "en": "Name of the copy"},
    "copy": {"zh": "另存副本", "en": "Save a copy"},
    "copied": {"zh": "已另存副本：{name}", "en": "Copy saved: {name}"},
    "signin_prompt": {
        "zh": "登录后才能保存、重命名、删除、导入或恢复情景；未登录也可以查看、载入和比较。",
        "en": "Sign in to save, rename, delete, import or restore scenarios; "
        "you can view, load and compare without signing in.",
    },
    "signin": {"zh": "登录", "en": "Sign in"},
    "signout": {"zh": "退出登录", "en": "Sign out"},
    "signed_in_as": {"zh": "已登录：{user}", "en": "Signed in as {user}"},
    "unknown_user": {"zh": "未知", "en": "unknown"},
    "versions_show": {
        "zh": "显示历史版本（覆盖、重命名、删除前的版本）",
        "en": "Show earlier versions (kept on overwrite, rename and delete)",
    },
    "versions_title": {"zh": "历史版本", "en": "Earlier versions"},
    "versions_empty": {"zh": "还没有历史版本。", "en": "No earlier versions yet."},
    "versions_page": {"zh": "第 {page}/{pages} 页 · 共 {n} 个版本", "en": "Page {page} of {pages} · {n} version(s)"},
    "ver_col_no": {"zh": "编号", "en": "No."},
    "ver_col_event": {"zh": "发生了什么", "en": "What happened"},
    "ver_col_saved_by": {"zh": "此版本保存者", "en": "Saved by"},
    "ver_col_saved_at": {"zh": "此版本保存时间（UTC）", "en": "Saved (UTC)"},
    "ver_col_replaced_by": {"zh": "操作者", "en": "Replaced by"},
    "ver_col_replaced_at": {"zh": "操作时间（UTC）", "en": "Replaced (UTC)"},
    "event_overwritten": {"zh": "被覆盖", "en": "overwritten"},
    "event_renamed": {"zh": "重命名为 {name}", "en": "renamed to {name}"},
    "event_deleted": {"zh": "被删除", "en": "deleted"},
    "version_pick": {"zh": "要恢复的版本", "en": "Version to restore"},
    "restore_as": {"zh": "恢复为（留空则使用原名称）", "en": "Restore as (empty: its own name)"},
    "restore": {"zh": "恢复", "en": "Restore"},
    "restored": {
        "zh": "已恢复为：{name}（被替换的版本同样保留在历史版本中）",
        "en": "Restored as: {name} (any version it replaced is kept among the earlier versions too)",
    },
    "import_more": {"zh": "…等 {n} 个", "en": "… and {n} more"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    # The slide deck (report/brief.py)
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
    "slide_page": {"zh": "（{page}/{pages}）", "en": " ({page}/{pages})"},
    "delta": {"zh": "较文章默认情景 {delta}", "en": "{delta} against the article's defaults"},
    "delta_points": {"zh": "较文章默认情景 {delta} 个百分点", "en": "{delta} points against the article's defaults"},
    "delta_same": {"zh": "与文章默认情景相同", "en": "Same as the article's defaults"},
    "changed_note": {"zh": "加粗蓝色：与默认值不同", "en": "Bold blue: differs from the default"},
    "sources_article": {
        "zh": "文章：《德州日报》2023年11月3日「山东德州：奏响工业强市最强音」",
        "en": "Article: Dezhou Daily, 3 November 2023, “山东德州:奏响工业强市最强音”",
    },
    # Model version 2 in the deck (report/brief.py, report/deck_charts.py) and the exports (report/scenario_exports.py)
    "deck_model_line": {
        "zh": "测算口径：基准增加值已包含文章所述计划（10支产业投资基金、医美关键原料产业基地等）；"
        "调整政策变量只计入相对文章计划改变了多少；已公布年份采用官方数据。",
        "en": "How it is counted: the baseline already carries the plans the article announced (the ten funds, "
        "the medical-aesthetics base); the levers count only what they change against that plan; "
        "published years are what was published.",
    },
    "deck_published": {"zh": "已公布", "en": "Published"},
    "deck_series_plan": {"zh": "文章计划（政策变量取默认值）", "en": "The article's plan (levers at their defaults)"},
    "deck_series_fund_capital": {"zh": "基金自身出资", "en": "Funds' own investment"},
    "deck_series_mobilized_investment": {"zh": "撬动社会资本", "en": "Capital the funds mobilise"},
    "deck_series_project_investment": {"zh": "重点项目投资", "en": "Key-project investment"},
    "deck_gain": {"zh": "高于文章计划", "en": "Above the plan"},
    "deck_loss": {"zh": "低于文章计划", "en": "Below the plan"},
    "deck_none": {"zh": "无改变", "en": "No change"},
    "deck_chart_total": {
        "zh": "规上工业增加值：本情景与文章计划（亿元）",
        "en": "Above-size industrial value added: this scenario and the article's plan (100 million yuan)",
    },
    "deck_chart_investment": {
        "zh": "年度投资：产业基金与重点项目（亿元）",
        "en": "Investment per year: industrial funds and key projects (100 million yuan)",
    },
    "deck_chart_policy": {
        "zh": "政策变量相对文章计划改变了多少（亿元）",
        "en": "What the levers change against the article's plan (100 million yuan)",
    },
    "deck_slide_investment": {"zh": "{name}：年度投资", "en": "{name}: investment per year"},
    "deck_slide_policy": {
        "zh": "{name}：政策变量相对文章计划改变了多少",
        "en": "{name}: what the levers change against the article's plan",
    },
    "deck_total_note": {
        "zh": "虚线为文章计划：政策变量取默认值、不含新增项目，经济假设与本情景相同；两线之差即政策变量带来的改变。",
        "en": "Dashed: the article's plan (levers at their defaults, no added projects, the same economy "
        "assumptions); the gap between the lines is what the levers change.",
    },
    "deck_policy_note": {
        "zh": "正值表示高于文章计划，负值表示低于；已按净增比例（{additionality}）折算，已公布年份为零。",
        "en": "Above zero: more than the article's plan; below: less. Net of additionality ({additionality}); "
        "zero in published years.",
    },
    "deck_policy_zero": {
        "zh": "各政策变量均为文章计划值，改变为零。",
        "en": "Every lever is at the article's plan: the change is zero.",
    },
    "deck_metric_policy": {
        "zh": "{year}年政策变量带来的改变（亿元）",
        "en": "Change the levers make, {year} (100 million yuan)",
    },
    "deck_policy_card": {
        "zh": "相对文章计划（净增比例 {additionality}）",
        "en": "Against the article's plan (additionality {additionality})",
    },
    "deck_headline_note": {
        "zh": "变化均相对文章默认情景，按同一终止年份（{year}年）计算；政策变量的改变相对文章计划。",
        "en": "Changes are against the article's defaults run to the same last year ({year}); "
        "the levers' change is against the article's plan.",
    },
    "deck_role_choice": {"zh": "模型设定", "en": "modelling choices"},
    "deck_role_economy": {"zh": "经济假设", "en": "economy assumptions"},
    "deck_role_lever": {"zh": "政策变量", "en": "policy levers"},
    "deck_slide_params": {"zh": "{name}：{role}一览", "en": "{name}: {role}"},
    "deck_slide_sources_role": {"zh": "数据来源：{role}", "en": "Sources: {role}"},
    "deck_col_source_reasoning": {"zh": "出处与取值理由", "en": "Source and why this value"},
    "deck_reasoning": {"zh": "取值理由：{why}", "en": "Why: {why}"},
    "deck_no_source": {"zh": "无外部出处（模型假设）", "en": "No outside source (a modelling assumption)"},
    "deck_cont": {"zh": "（续）", "en": "(continued)"},
    "deck_slide_backtest": {
        "zh": "回测：文章情景对已公布年份的推算",
        "en": "Backtest: what the article's scenario projected for published years",
    },
    "deck_col_year": {"zh": "年份", "en": "Year"},
    "deck_col_official": {"zh": "官方增速（%）", "en": "Official growth (%)"},
    "deck_col_projected": {"zh": "推算增速（%）", "en": "Projected growth (%)"},
    "deck_col_error": {"zh": "误差（百分点）", "en": "Error (points)"},
    "deck_col_publication": {"zh": "出处", "en": "Publication"},
    "deck_backtest_note": {
        "zh": "文章情景：全部参数取默认值、不采用已公布数据，逐年推算；误差＝推算－官方。",
        "en": "The article's scenario: every parameter at its default, published figures not used; "
        "error = projected − official.",
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
        "zh": "差距＝本情景－目标：正值为超出目标，负值为尚未达到。",
        "en": "Gap = this scenario − the target: above zero the target is exceeded, below it is missed.",
    },
    "deck_targets_empty": {
        "zh": "本情景预测期内没有可核对的目标。",
        "en": "No target to check within this scenario's years.",
    },
    "deck_own_suffix": {"zh": "（自定目标）", "en": " (own target)"},
    "deck_col_target_value": {"zh": "目标值", "en": "Target"},
    "deck_not_modelled": {"zh": "模型不测算此项", "en": "not modelled"},
    "deck_beyond": {"zh": "超出预测期", "en": "beyond the horizon"},
    "deck_target_level": {"zh": "{year}年达到{value}亿元", "en": "{value} (100 million yuan) in {year}"},
    "deck_target_growth_year": {"zh": "{year}年增长{value}%", "en": "{value}% growth in {year}"},
    "deck_target_growth_avg": {
        "zh": "{from_year}—{year}年年均增长{value}%",
        "en": "{value}% a year, {from_year}–{year}",
    },
    "deck_gap_level": {"zh": "{gap}亿元", "en": "{gap}"},
    "deck_gap_points": {"zh": "{gap}个百分点", "en": "{gap} points"},
    "cmp_policy_va": {
        "zh": "政策变量相对文章计划的改变（亿元）",
        "en": "Change the levers make against the plan (100 million yuan)",
    },
    # Model version 2 on the page: levers and economy apart, the plan as baseline, published
    # years, targets, history and backtest, version-1 notices
    "group_horizon": {"zh": "预测期与已公布数据", "en": "Horizon and published figures"},
    "group_economy_trend": {"zh": "基数与趋势增速", "en": "Base and trend growth"},
    "group_economy_capacity": {"zh": "新增产能", "en": "New capacity"},
    "group_lever_ti": {"zh": "技改投资", "en": "Technical-transformation investment"},
    "group_lever_funds": {"zh": "产业投资基金", "en": "Industrial investment funds"},
    "group_lever_projects": {"zh": "重点项目", "en": "Named projects"},
    "section_levers": {"zh": "政策变量", "en": "Policy levers"},
    "section_levers_note": {
        "zh": "文章宣布的计划。调整后，页面显示相对文章计划改变了多少。",
        "en": "The plan the article announced. Move them to see what the change does against the plan.",
    },
    "section_economy": {"zh": "经济假设", "en": "Assumptions about the economy"},
    "section_economy_note": {
        "zh": "对德州工业经济运行的判断，不是政策选择；文章计划按同样的假设计算。",
        "en": "Judgements about Dezhou's industrial economy, not policy choices; the plan is run with the same ones.",
    },
    "help_publication": {"zh": "出处", "en": "Publication"},
    "help_url": {"zh": "网址", "en": "Address"},
    "help_reason": {"zh": "理由", "en": "Reasoning"},
    "plan_at_defaults": {
        "zh": "政策变量均为文章计划的默认值，相对文章计划不作任何改变：规上工业增加值即基准情景（文章计划）。",
        "en": "Every policy lever is at the article's plan, so the levers change nothing: value added is the "
        "baseline, the article's plan.",
    },
    "plan_changed": {
        "zh": "政策变量已调整：相对文章计划，{year}年规上工业增加值{direction}{delta}亿元（{pct}%）。",
        "en": "The levers are moved: against the article's plan, value added in {year} {direction} {delta} "
        "(100 million yuan; {pct}%).",
    },
    "change_rises": {"zh": "增加", "en": "rises by"},
    "change_falls": {"zh": "减少", "en": "falls by"},
    "plan_changed_none": {
        "zh": "政策变量已调整，但相对文章计划，{year}年规上工业增加值没有变化。",
        "en": "The levers are moved, but against the article's plan value added in {year} does not change.",
    },
    "published": {"zh": "已公布", "en": "Published"},
    "projected": {"zh": "推算", "en": "Projected"},
    "col_observed": {"zh": "已公布/推算", "en": "Published / projected"},
    "series_published": {"zh": "已公布年份（官方数据）", "en": "Published years (official figures)"},
    "series_target": {"zh": "目标（所需增加值）", "en": "Target (value added it needs)"},
    "chart_change_title": {
        "zh": "政策变量相对文章计划的改变（亿元）",
        "en": "What the levers change against the article's plan (100 million yuan)",
    },
    "change_up": {"zh": "增加", "en": "Adds"},
    "change_down": {"zh": "减少", "en": "Takes away"},
    "targets_title": {"zh": "目标", "en": "Targets"},
    "targets_official": {
        "zh": "官方目标：每条注明出处、日期和原文；非本模型测算指标的目标仅作列示。",
        "en": "Official targets (data/targets.csv), each with its publication, date and sentence; targets for "
        "figures the model does not give are listed only.",
    },
    "targets_official_none": {
        "zh": "未检索到德州市、山东省规上工业增加值的官方量化目标，可在下方添加自定目标。",
        "en": "No official numeric target for Dezhou's or Shandong's above-size value added could be found; "
        "add your own below.",
    },
    "targets_own": {
        "zh": "自定目标：在下表添加、修改或删除行，随情景一起保存、比较和导出。指标可选增加值（亿元）、"
        "当年增速或年均增速（%）；年均增速须填写起始年份。",
        "en": "Your own targets: add, edit or remove rows below; they are saved, compared and exported with the "
        "scenario. Metric: value added (100 million yuan), growth in the year or average yearly growth (%); "
        "average growth needs a start year.",
    },
    "target_row": {"zh": "自定目标第{n}行", "en": "own target row {n}"},
    "targets_problems": {
        "zh": "以下行有问题，暂不计入（表中内容保留，可继续修改）：",
        "en": "These rows have problems and are left out for now (what you typed stays; fix it any time):",
    },
    "targets_none": {
        "zh": "尚无目标。可在「逐年结果、项目与目标」页添加自定目标。",
        "en": "No targets yet. Add your own on the “Table, projects & targets” tab.",
    },
    "target_metric_level": {"zh": "增加值（亿元）", "en": "Value added (100 million yuan)"},
    "target_metric_growth_year": {"zh": "当年增速（%）", "en": "Growth in the year (%)"},
    "target_metric_growth_avg": {"zh": "年均增速（%）", "en": "Average yearly growth (%)"},
    "gap_title": {"zh": "与目标的差距", "en": "Gap to the targets"},
    "col_target": {"zh": "目标", "en": "Target"},
    "col_metric_kind": {"zh": "指标", "en": "Metric"},
    "col_target_value": {"zh": "目标值", "en": "Target value"},
    "col_achieved": {"zh": "本情景", "en": "This scenario"},
    "col_gap": {"zh": "差距（正数为超过）", "en": "Gap (positive: above the target)"},
    "col_from_year": {"zh": "起始年份", "en": "From year"},
    "col_reached": {"zh": "是否达到", "en": "Reached"},
    "col_checkable": {"zh": "模型可否核对", "en": "Checked by the model"},
    "unit_points": {"zh": "个百分点", "en": "points"},
    "prob_title": {"zh": "达到各目标的概率", "en": "Chance of reaching each target"},
    "prob_caption": {
        "zh": "与上图同一组蒙特卡洛抽样中达到目标的比例。",
        "en": "The share of the same Monte Carlo draws that reach the target.",
    },
    "col_probability": {"zh": "概率", "en": "Probability"},
    "goal_all": {"zh": "也可调整经济假设", "en": "Vary an economy assumption too"},
    "goal_all_help": {
        "zh": "默认只调整政策变量；勾选后也可调整经济假设（如基数、净增比例），但它们是判断，不是政策选择。",
        "en": "By default only policy levers are varied; tick to vary an economy assumption too (such as the "
        "base or additionality): those are judgements, not policy choices.",
    },
    "tab_history": {"zh": "历史数据与回测", "en": "History & backtest"},
    "backtest_title": {"zh": "回测", "en": "Backtest"},
    "backtest_caption": {
        "zh": "文章情景（全部取默认值、不采用已公布数据）对每个已公布年份的推算增速，与官方全年增速对照；"
        "误差为推算减官方（百分点）。",
        "en": "What the article's scenario (every default, published figures not used) projected for each year "
        "with an official figure, against that figure; the error is projected minus official, in points.",
    },
    "backtest_none": {
        "zh": "尚无2024年以后的官方全年增速，暂无法回测。",
        "en": "No official full-year growth after 2023 yet: nothing to backtest.",
    },
    "backtest_chart_title": {
        "zh": "回测：推算增速与官方增速（%）",
        "en": "Backtest: projected and official growth (%)",
    },
    "series_backtest": {"zh": "文章情景推算", "en": "Article's scenario, projected"},
    "series_official": {"zh": "官方全年增速", "en": "Official full-year growth"},
    "series_partial": {"zh": "官方部分月份增速（观测值）", "en": "Official growth, part of the year (observation)"},
    "col_official_pct": {"zh": "官方增速（%）", "en": "Official growth (%)"},
    "col_projected_pct": {"zh": "推算增速（%）", "en": "Projected growth (%)"},
    "col_error_pts": {"zh": "误差（百分点）", "en": "Error (points)"},
    "col_publication": {"zh": "出处", "en": "Publication"},
    "col_date": {"zh": "日期", "en": "Date"},
    "col_url": {"zh": "网址", "en": "Address"},
    "col_quote": {"zh": "原文", "en": "Sentence"},
    "col_period": {"zh": "时期", "en": "Period"},
    "col_region": {"zh": "地区", "en": "Region"},
    "col_note": {"zh": "说明", "en": "Note"},
    "col_used": {"zh": "模型采用", "en": "Used by the model"},
    "col_reason": {"zh": "理由", "en": "Reasoning"},
    "region_dezhou": {"zh": "德州", "en": "Dezhou"},
    "region_shandong": {"zh": "山东", "en": "Shandong"},
    "conf_high": {"zh": "高", "en": "high"},
    "conf_medium": {"zh": "中", "en": "medium"},
    "conf_low": {"zh": "低", "en": "low"},
    "period_full": {"zh": "全年", "en": "Full year"},
    "history_title": {"zh": "已公布的官方数据", "en": "Official figures published"},
    "history_caption": {
        "zh": "每条数据均注明出处、日期、网址和原文。同一年份来源不一时全部保留，模型采用可信度最高、日期最新的一条；"
        "可信度为“低”的数据只列示、不采用。部分月份数据（如1—7月）在上图中作为观测值与推算增速对照。",
        "en": "Every figure with its publication, date, address and sentence. Where sources disagree all are "
        "kept; the model uses the one with the highest confidence, then the latest date; low-confidence "
        "figures are shown, never used. Partial-year figures (e.g. January–July) are drawn above as "
        "observations against projected growth.",
    },
    "history_none": {
        "zh": "官方数据（data/history.csv）正在整理，暂无可显示的数据。",
        "en": "The official figures (data/history.csv) are being sourced; none to show yet.",
    },
    "sources_choices": {"zh": "预测设定", "en": "Projection settings"},
    "sources_levers": {"zh": "政策变量", "en": "Policy levers"},
    "sources_economy": {"zh": "经济假设", "en": "Assumptions about the economy"},
    "v1_notices_file": {
        "zh": "该情景由第1版模型保存，已按第2版读取，其余内容均已保留：",
        "en": "This scenario was saved by version 1 of the model and read as version 2; everything else is kept:",
    },
    "v1_notices_link": {
        "zh": "此链接由第1版模型生成，已按第2版读取，其余参数均已保留：",
        "en": "This link was made by version 1 of the model and read as version 2; the other values are kept:",
    },
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
        "zh": "撤销将恢复“恢复文章默认值”之前的全部参数{rows}。",
        "en": "Undo puts back every setting as it was before the reset to the article's defaults{rows}.",
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
        "zh": "各项指标下方的变化值均相对基准情景（文章计划，各参数取默认值）计算。",
        "en": "Each change under a figure is measured against the baseline: the article's plan, every setting at "
        "its default.",
    },
    "present_changes_title": {"zh": "本情景调整的参数（与基准情景比较）", "en": "Settings changed from the baseline"},
    "present_change_line": {
        "zh": "{label}：{value}（基准：{default}）",
        "en": "{label}: {value} (baseline: {default})",
    },
    "present_no_changes": {
        "zh": "各参数均取基准情景（文章计划）的数值。",
        "en": "Every setting is at the baseline (the article's plan).",
    },
    "present_added": {"zh": "新增项目：{names}", "en": "Added projects: {names}"},
    "present_notes": {"zh": "演讲备注", "en": "Presenter notes"},
    "present_notes_label": {
        "zh": "本页备注（按情景分别保存，仅在本次会话中保留）",
        "en": "Notes for this screen (kept for each scenario, for this session only)",
    },
}


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` fields filled from ``fmt``."""
    text = TEXT[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**fmt) if fmt else text
