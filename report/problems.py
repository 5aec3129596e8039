"""Every problem said once, in Chinese or English: :func:`say` (no Streamlit here).

The model raises each problem as data (model.problems.Problem: a code and its fields); the page and
the command line both phrase it here, from the templates of :data:`PROBLEMS`, in their language. A
parameter is named by its label and unit in that language (``data/parameters.csv``), never by its
key; a field of a project, a target or a file by its label (:data:`FIELDS`); values are rounded
(:func:`number`); a blank is said to be blank; text a user gave (a name, a file name, a key that
is not a parameter) is quoted with its control characters escaped. The page shows the result
through ``report.plain.md_text`` (ui.messages), so it is never read as Markdown.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from model.compat import load_compat
from model.parameters import BASE_YEAR, ParamSpec, load_parameters
from model.printable import control_chars
from model.problems import Problem

# code → template in each language. The placeholders are the problem's fields as shown (see
# _Shown): {name} the parameter or field, {value} what was given, {allowed} what is allowed, …
PROBLEMS: dict[str, dict[str, str]] = {
    # a value of a parameter or a field
    "not_number": {
        "zh": "{name}：{value}不是数值，应为{allowed}",
        "en": "{name}: {value} is not a number; allowed: {allowed}",
    },
    "not_finite": {
        "zh": "{name}：{value}不是有限数值，应为{allowed}",
        "en": "{name}: {value} is not a finite number; allowed: {allowed}",
    },
    "not_whole": {
        "zh": "{name}：{value}不是整数，应为{allowed}",
        "en": "{name}: {value} is not a whole number; allowed: {allowed}",
    },
    "out_of_range": {
        "zh": "{name}：{value}超出允许范围，应为{allowed}",
        "en": "{name}: {value} is out of range; allowed: {allowed}",
    },
    "not_bool": {
        "zh": "{name}：{value}不是 true 或 false，应为 true（是）或 false（否）",
        "en": "{name}: {value} is not true or false; allowed: true or false",
    },
    "not_above": {"zh": "{name}：{value}不符合要求，应为{above}", "en": "{name}: {value}; allowed: {above}"},
    "unknown_parameter": {"zh": "{given}不是本模型的参数", "en": "{given}: not a parameter of this model"},
    "given_twice": {
        "zh": "{name}在链接中出现{count}次，只能出现一次",
        "en": "{name}: given {count} times in the link; allowed: once",
    },
    "rounded": {
        "zh": "{name}：{value}已按滑块步长{step}取整为{rounded}",
        "en": "{name}: {value} rounded to {rounded} (the control's step is {step})",
    },
    # records: a project, a target, a scenario in a file
    "not_object": {"zh": "{name}应为一个对象{with_fields}", "en": "{name} must be an object{with_fields}"},
    "unknown_field": {
        "zh": "{given}不是可用字段，可用字段为{allowed}",
        "en": "{given}: unknown field; allowed: {allowed}",
    },
    "bad_text": {
        "zh": "{name}：{value}不符合要求，应为1至{limit}个字符的文本",
        "en": "{name}: {value}; allowed: text of 1 to {limit} characters",
    },
    "missing": {"zh": "缺少{name}", "en": "{name} is missing"},
    "bad_choice": {"zh": "{name}：{value}不是可选项，应为{allowed}", "en": "{name}: {value}; allowed: {allowed}"},
    "year_before": {
        "zh": "{name}：{value}不符合要求，应早于{year}年",
        "en": "{name}: {value}; allowed: a year before {year}",
    },
    "not_list": {"zh": "{name}应为列表", "en": "{name} must be a list"},
    "too_many": {"zh": "{name}共{count}个，最多{limit}个", "en": "{name}: {count}; allowed: at most {limit}"},
    "not_text": {"zh": "{name}应为文本，不能是{value}", "en": "{name} must be text, not {value}"},
    "control_chars": {
        "zh": "{name}{value}含有控制字符或格式字符{chars}，名称中不能有此类字符",
        "en": "{name} {value}: a name cannot contain control or format characters (found {chars})",
    },
    "invalid_text": {"zh": "{name}不是有效文本", "en": "{name}: not valid text"},
    "unsupported": {
        "zh": "{name}：不支持{value}，应为{allowed}",
        "en": "{name}: {value} is not supported; allowed: {allowed}",
    },
    # files
    "file_too_large": {
        "zh": "文件大小为{size}，超过{limit}字节的上限",
        "en": "{size} is larger than the {limit}-byte limit",
    },
    "not_utf8": {
        "zh": "不是 UTF-8 文本（第{byte}字节），请另存为 UTF-8 编码",
        "en": "not UTF-8 text (byte {byte}); save it as UTF-8",
    },
    "not_json": {"zh": "不是有效的 JSON（第{line}行第{col}列）", "en": "not valid JSON (line {line}, column {col})"},
    "json_constant": {
        "zh": "情景文件中不能使用 {constant}，应填写有限数值",
        "en": "{constant} is not allowed in a scenario file; use a finite number",
    },
    "json_too_deep": {
        "zh": "JSON 嵌套层数过多，情景文件只有几层",
        "en": "JSON nested too deeply; a scenario file is a few levels deep",
    },
    "duplicate_key": {
        "zh": "同一对象中{given}出现多次，只能出现一次",
        "en": "key {given} is given more than once in one object; allowed: once",
    },
    "path_empty": {"zh": "情景文件路径为空，请给出文件名", "en": "the scenario file's path is empty; give a file name"},
    "no_such_file": {"zh": "文件不存在", "en": "no such file"},
    "is_folder": {"zh": "这是文件夹，不是情景文件", "en": "is a folder, not a scenario file"},
    "permission_denied": {"zh": "无权读取", "en": "cannot be read (permission denied)"},
    "cannot_read": {"zh": "无法读取", "en": "cannot be read ({detail})"},
    "bad_file_name": {"zh": "文件不存在（文件名无效）", "en": "no such file (not a valid file name)"},
    "holds_many": {
        "zh": "含有{count}个情景，此命令只接受一个",
        "en": "holds {count} scenarios; this command takes one",
    },
    # the model's own data files
    "data_not_number": {"zh": "{columns}应为数值", "en": "{columns} must be numbers"},
    "data_choice": {"zh": "{column}应为{choices}之一", "en": "{column} must be one of {choices}"},
    "data_source_missing": {
        "zh": "每个数据都须注明出处和原文（{columns}）",
        "en": "every figure needs its publication and its sentence ({columns})",
    },
    "data_unknown_key": {"zh": "{given}不是模型的数值参数", "en": "{given} is not a numeric model parameter"},
    "data_twice": {"zh": "{name}出现两次", "en": "{name} appears twice"},
    "data_range": {
        "zh": "{name}：范围{low}至{high}不符合要求，两端应为{allowed}，且下限不大于上限",
        "en": "{name}: the range {low} to {high}; allowed: at each end {allowed}, low ≤ high",
    },
    "data_missing": {"zh": "缺少{columns}（理由）", "en": "{columns} is missing (the reason)"},
    "shocks_rows": {
        "zh": "须有数值行“growth_shock_sd”“growth_shock_rho”和“estimated_year_sd”",
        "en": "needs numeric rows growth_shock_sd, growth_shock_rho and estimated_year_sd",
    },
    "shocks_range": {
        "zh": "“growth_shock_sd”和“estimated_year_sd”应为不小于0的数，“growth_shock_rho”应在−1与1之间",
        "en": "growth_shock_sd and estimated_year_sd must be numbers ≥ 0 and growth_shock_rho between −1 and 1",
    },
    # goal seek
    "vary_unknown": {"zh": "{given}不是本模型的参数", "en": "{given}: not a parameter of this model"},
    "vary_switch": {
        "zh": "{name}为开关，不能用于目标倒推",
        "en": "{name} is a switch (on or off) and cannot be varied",
    },
    "vary_horizon": {
        "zh": "{name}决定显示的年份，不能用于目标倒推",
        "en": "{name} sets the years shown and cannot be varied",
    },
    "one_target": {
        "zh": "只能给出一个目标：增加值（亿元）或年均增速（%）",
        "en": "give exactly one target: a value added (100 million yuan) or an average growth (%)",
    },
    "goal_reached": {
        "zh": "{name}为{value}时，{achieved}，达到目标{target}（误差0.1%以内）",
        "en": "With {name} at {value}, {achieved}: the target of {target} is met (within 0.1%)",
    },
    "goal_no_effect": {
        "zh": "{name}不影响{year}年增加值；{achieved}，达不到目标{target}",
        "en": "{name} does not change value added in {year}; {achieved}, not the target of {target}",
    },
    "goal_out_of_reach": {
        "zh": "{name}在{lo}至{hi}范围内达不到目标{target}；最接近的是{value}，此时{achieved}",
        "en": "No value of {name} from {lo} to {hi} reaches the target of {target}; the closest is {value}, where "
        "{achieved}",
    },
    # the scenario library
    "name_empty": {"zh": "情景名称不能为空", "en": "a scenario name cannot be empty"},
    "name_too_long": {
        "zh": "情景名称最多{limit}个字符，此名称有{count}个",
        "en": "a scenario name can have at most {limit} characters; this one has {count}",
    },
    "name_control": {
        "zh": "情景名称不能含有控制字符或格式字符（如改变文字方向的字符），发现{chars}",
        "en": "a scenario name cannot contain control or format characters (such as those that change the "
        "direction of text): found {chars}",
    },
    "name_taken": {
        "zh": "已有名为{name}的情景，请换一个名称或选择覆盖",
        "en": "a saved scenario is already named {name}; choose another name or overwrite it",
    },
    "not_owner": {
        "zh": "只有{owner}可以覆盖、重命名或删除{name}，请以其他名称另存副本",
        "en": "only {owner} can overwrite, rename or delete {name}; save a copy under another name instead",
    },
    "name_twice": {
        "zh": "名称{name}在同一文件中出现两次（另见第{first}个情景）",
        "en": "the name {name} is given twice in one file (also scenario {first})",
    },
    "too_many_in_file": {
        "zh": "共{count}个情景，超过单次导入上限{limit}个，请拆分文件",
        "en": "{count} scenarios are more than the {limit} one import can hold; split the file",
    },
    "library_full": {
        "zh": "情景库最多容纳{limit}个情景，现有{count}个，放不下新增的{new}个，请先删除部分情景（删除前的版本会保留）",
        "en": "the library holds at most {limit} scenarios; it has {count}, so {new} more do not fit: delete some "
        "first (earlier versions are kept)",
    },
    "versions_full": {
        "zh": "情景库最多保留{limit}个历史版本，现已满，未做任何更改，请联系服务器管理员归档历史版本",
        "en": "the library keeps at most {limit} earlier versions and is full; nothing was changed: ask whoever "
        "runs the server to archive the versions table",
    },
    "version_not_found": {"zh": "没有编号为{number}的历史版本", "en": "no earlier version has the number {number}"},
    "scenario_not_found": {"zh": "没有名为{name}的已保存情景", "en": "no saved scenario is named {name}"},
    "library_unreachable": {
        "zh": "无法连接情景库数据库，具体原因见服务器日志",
        "en": "the scenario library's database cannot be reached; the server's log says why",
    },
    "library_not_database": {
        "zh": "情景库地址不是本服务器可打开的数据库，具体原因见服务器日志",
        "en": "the scenario library's address is not a database this server can open; the server's log says why",
    },
    "saved_skipped": {
        "zh": "已保存情景{name}与当前模型不符，已跳过：{problems}",
        "en": "saved scenario {name} no longer fits the model and was skipped: {problems}",
    },
    "saved_damaged": {"zh": "已保存情景{name}已损坏，已跳过", "en": "saved scenario {name} is damaged and was skipped"},
    "no_scenarios": {"zh": "没有可导出的情景，请至少选择一个", "en": "no scenarios to export; choose at least one"},
    # the command line
    "bad_set": {
        "zh": "--set {given}的格式应为“参数键名=数值”",
        "en": "--set {given} is not KEY=VALUE (for example --set growth_start=9.5)",
    },
    "bad_target_spec": {
        "zh": "--target {given}的格式应为“level:年份=数值”“revenue:年份=数值”“growth_year:年份=数值”"
        "或“growth_avg:起始年份-年份=数值”",
        "en": "--target {given}; allowed: level:YEAR=VALUE, revenue:YEAR=VALUE, growth_year:YEAR=VALUE "
        "or growth_avg:FROM-YEAR=VALUE",
    },
    "target_after_horizon": {
        "zh": "{year}年晚于本情景的终止年份{horizon}年",
        "en": "the year {year} is after the scenario's last year, {horizon}",
    },
    # a scenario written by version 1 of the model (model.compat)
    "v1_default_replaced": {
        "zh": "{name}：原值{value}为第1版默认值，现按第2版默认值{new_value}计算。{note}",
        "en": "{name}: {value} was version 1's default; version 2's default, {new_value}, is used. {note}",
    },
    "v1_meaning_changed": {
        "zh": "{name}：保留原值{value}，但其含义已调整。{note}",
        "en": "{name}: your value {value} is kept, but its meaning changed. {note}",
    },
    "v1_unknown_key": {
        "zh": "{given}在第2版中已不存在，已忽略",
        "en": "{given} no longer exists in version 2 and was left out",
    },
    "v1_new_parameters": {
        "zh": "第1版情景没有以下参数，按第2版默认值计算：{keys}",
        "en": "Version 1 scenarios do not have {keys}: version 2's defaults are used",
    },
    # --- page v3: official figures added on the page (store/figures.py) ---
    "figure_not_found": {
        "zh": "没有编号为{number}的新增数据",
        "en": "no added figure has the number {number}",
    },
    "figure_not_yours": {
        "zh": "第{number}条数据由{owner}添加，只有添加人可以删除",
        "en": "figure {number} was added by {owner}; only they can delete it",
    },
    "figures_full": {
        "zh": "新增数据最多{limit}条，已满，请先删除不再需要的数据",
        "en": "at most {limit} figures can be added and the store is full: delete figures no longer needed first",
    },
    "figure_versions_full": {
        "zh": "已删除数据的存档已达{limit}条上限，请联系管理员归档后再删除",
        "en": "the archive of deleted figures holds its limit of {limit}; ask the administrator to archive it "
        "before deleting more",
    },
    "figure_damaged": {
        "zh": "第{number}条新增数据已损坏，已跳过",
        "en": "added figure {number} is damaged and was skipped",
    },
    # --- model v3 ---
    # a scenario written by version 2 of the model (model.compat.upgrade_v2)
    "v2_new_parameters": {
        "zh": "第2版情景没有以下参数，按第3版默认值计算：{keys}",
        "en": "Version 2 scenarios do not have {keys}: version 3's defaults are used",
    },
    "v2_ti_scored": {
        "zh": "{name}：保留原值{value}。第3版起，技改投资增速相对既定计划（16.1%）的变动"
        "计入“政策变量影响”（技改渠道），不再改变基准情景",
        "en": "{name}: your value {value} is kept. From version 3 its change from the plan's 16.1% counts in the "
        "effect of the policy levers (the technical-transformation channel) instead of moving the baseline",
    },
    "v2_levers_from_p": {
        "zh": "{keys}：保留原值。第3版起，政策变量自首个推算年份起发挥作用，此前年份按既定计划计算；"
        "早于首个推算年份的年份设置按首个推算年份计算",
        "en": "{keys}: your values are kept. From version 3 the levers act from the first projected year; "
        "earlier years follow the plan, and a year set before the first projected year is taken as that year",
    },
    "v2_status_column": {
        "zh": "第2版结果表中的“observed”列在第3版中改为“status”（已公布、估算、推算），"
        "文件中的计算结果未读取，已按第3版重新计算",
        "en": "Version 2's result column observed is status in version 3 (published, estimated, projected); "
        "the results in the file were not read and are computed again",
    },
    # the past is fixed (model.projection.effective_years)
    "year_taken_as_p": {
        "zh": "{name}：{value}早于首个推算年份，且不同于既定计划，按{year}年计算",
        "en": "{name}: {value} is before the first projected year and differs from the plan; {year} is used",
    },
    # figures a user adds (model.history.parse_history_rows, --history FILE)
    "history_quote_missing": {
        "zh": "{field}为空：每个数据都须注明出处和原文语句",
        "en": "{field} is blank: every figure needs its publication and its sentence",
    },
    "history_period": {
        "zh": "{field}：{value}不是可用的统计期，应为{choices}之一",
        "en": "{field}: {value} is not a period; allowed: {choices}",
    },
    "history_not_number": {
        "zh": "{field}：{value}不是数值，应为{kind}",
        "en": "{field}: {value} is not a number; allowed: {kind}",
    },
    "history_year": {
        "zh": "{field}：{value}超出允许范围，应为{lo}至{hi}之间的整数",
        "en": "{field}: {value} is out of range; allowed: a whole number from {lo} to {hi}",
    },
    "history_choice": {
        "zh": "{field}：{value}不是可用值，应为{choices}之一",
        "en": "{field}: {value} is not allowed; allowed: {choices}",
    },
    "history_columns": {
        "zh": "缺少{columns}列；文件应包含官方数据表的各列",
        "en": "the columns {columns} are missing; the file needs data/history.csv's columns",
    },
    # --- trust (issue 20) ---
    "visitor_new_limit": {
        "zh": "每位访客每小时最多新增{limit}个情景，您在过去一小时内已新增{used}个，本次的{new}个放不下；"
        "{at}（UTC）后可再保存。此限制为所有人保留情景库的空间",
        "en": "each visitor may add at most {limit} scenarios an hour; you have added {used} in the last hour, "
        "so these {new} do not fit: you can save them after {at} UTC (this keeps room in the library for everyone)",
    },
    "visitor_new_limit_once": {
        "zh": "每位访客每小时最多新增{limit}个情景，本次有{new}个，请拆分后分批保存",
        "en": "each visitor may add at most {limit} scenarios an hour and this adds {new}; split it",
    },
    "visitor_versions_limit": {
        "zh": "每位访客每小时的覆盖、重命名、删除和恢复最多产生{limit}个历史版本，您在过去一小时内已产生{used}个，"
        "本次还需{new}个；{at}（UTC）后可再操作。此限制为所有人保留情景库的空间",
        "en": "each visitor's overwrites, renames, deletes and restores may keep at most {limit} earlier versions "
        "an hour; yours kept {used} in the last hour and this needs {new} more: you can do it after {at} UTC "
        "(this keeps room in the library for everyone)",
    },
    "visitor_versions_limit_once": {
        "zh": "每位访客每小时最多产生{limit}个历史版本，本次需要{new}个，请拆分后分批操作",
        "en": "each visitor may keep at most {limit} earlier versions an hour and this needs {new}; split it",
    },
    "file_failed": {
        "zh": "无法读取此文件，未导入任何内容（原因已记入服务器日志）",
        "en": "this file could not be read and nothing was imported (the server's log says why)",
    },
}

# Where a problem was found (model.problems.Problem.where), outermost first.
WHERE: dict[str, dict[str, str]] = {
    "file": {"zh": "{}", "en": "{}"},
    "scenario": {"zh": "第{}个情景", "en": "scenario {}"},
    "project": {"zh": "第{}个新增项目", "en": "project {}"},
    "target": {"zh": "第{}个目标", "en": "target {}"},
    "row": {"zh": "第{}行", "en": "row {}"},
    "line": {"zh": "第{}行", "en": "line {}"},
    "option": {"zh": "{}", "en": "{}"},
}

# Fields that are not parameters: of an added project, a target, a scenario file, goal seek.
FIELDS: dict[str, dict[str, str]] = {
    "name": {"zh": "名称", "en": "Name"},
    "investment": {"zh": "投资额（亿元）", "en": "Investment (100 million yuan)"},
    "full_output": {"zh": "达产年产值（亿元）", "en": "Output at full production (100 million yuan a year)"},
    "first_year": {"zh": "投产年份", "en": "First year of output"},
    "included": {"zh": "是否计入", "en": "Included"},
    "label": {"zh": "目标名称", "en": "Target name"},
    "metric": {"zh": "目标类型", "en": "Kind of target"},
    "year": {"zh": "目标年份", "en": "Target year"},
    "value": {"zh": "目标值", "en": "Target value"},
    "from_year": {"zh": "起始年份", "en": "From year"},
    "target_year": {"zh": "目标年份", "en": "Target year"},
    "target_va": {"zh": "目标增加值（亿元）", "en": "Target value added (100 million yuan)"},
    "target_growth": {"zh": "目标年均增速（%）", "en": "Target average growth (%)"},
    "draws": {"zh": "模拟次数", "en": "Number of draws"},
    "seed": {"zh": "随机种子", "en": "Random seed"},
    "model_version": {"zh": "模型版本", "en": "Model version"},
    "version": {"zh": "文件格式版本", "en": "File format version"},
    "parameters": {"zh": "参数", "en": "Parameters"},
    "projects": {"zh": "新增项目", "en": "Added projects"},
    "targets": {"zh": "目标", "en": "Targets"},
    "scenarios": {"zh": "情景", "en": "Scenarios"},
    "scenario": {"zh": "情景", "en": "A scenario"},
    "project": {"zh": "新增项目", "en": "A project"},
    "target": {"zh": "目标", "en": "A target"},
    "name_en": {"zh": "英文名称", "en": "English name"},
    "description_zh": {"zh": "中文说明", "en": "Chinese description"},
    "description_en": {"zh": "英文说明", "en": "English description"},
    "results": {"zh": "计算结果", "en": "Results"},
    # --- analysis v3 ---
    "measure": {"zh": "测算指标", "en": "Measure"},
}
# A target's value is in 亿元 (a level) or % (growth): model.parameters.parse_target says which.
UNITS: dict[str, dict[str, str]] = {"yuan": {"zh": "亿元", "en": "100 million yuan"}, "percent": {"zh": "%", "en": "%"}}
# The choices of a field, by their names.
CHOICES: dict[str, dict[str, str]] = {
    "level": {"zh": "增加值水平", "en": "level of value added"},
    "growth_year": {"zh": "当年增速", "en": "growth in a year"},
    "growth_avg": {"zh": "年均增速", "en": "average growth"},
    # --- analysis v3 --- (a target's kind and the fan's measure)
    "revenue": {"zh": "规上工业营业收入", "en": "operating revenue"},
    "va_total": {"zh": "规上工业增加值", "en": "value added"},
}
WORDS: dict[str, dict[str, str]] = {
    "blank": {"zh": "空白", "en": "blank"},
    "a_number": {"zh": "数值（如8.4）", "en": "a number (such as 8.4)"},
    "a_whole_number": {"zh": "整数年份（如2025）", "en": "a whole year (such as 2025)"},
    "a_list": {"zh": "列表", "en": "a list"},
    "an_object": {"zh": "对象", "en": "an object"},
    "or": {"zh": "或", "en": " or "},
    "and": {"zh": "、", "en": ", "},
    "number_from": {"zh": "{lo}至{hi}之间的数", "en": "a number from {lo} to {hi}"},
    "whole_from": {"zh": "{lo}至{hi}之间的整数", "en": "a whole number from {lo} to {hi}"},
    "whole_or_more": {"zh": "不小于{lo}的整数", "en": "a whole number, {lo} or more"},
    "true_false": {"zh": "true（是）或 false（否）", "en": "true or false"},
    "above": {"zh": "大于{lo}的数", "en": "a number above {lo}"},
    "above_below": {"zh": "大于{lo}且小于{below}的数", "en": "a number above {lo} and below {below}"},
    "allowed_help": {"zh": "应为{allowed}。", "en": "Allowed: {allowed}."},
    "bytes": {"zh": "{n}字节", "en": "{n} bytes"},
    "more_bytes": {"zh": "超过{n}字节", "en": "more than {n} bytes"},
    "va_in": {"zh": "{year}年增加值为{x}亿元", "en": "value added in {year} is {x} (100 million yuan)"},
    "growth_to": {
        "zh": f"{BASE_YEAR}—{{year}}年增加值年均增长{{x}}%",
        "en": f"value added grows {{x}}% a year from {BASE_YEAR} to {{year}}",
    },
    "va_target": {"zh": "{x}亿元", "en": "{x} (100 million yuan)"},
    "growth_target": {"zh": "{x}%", "en": "{x}%"},
}


def _word(key: str, lang: str, **values: Any) -> str:
    return WORDS[key][lang].format(**values)


def parameter_name(spec: ParamSpec, lang: str) -> str:
    """A parameter as the page names it: its label and, where it has one, its unit."""
    unit = spec.unit(lang)
    if not unit:
        return spec.label(lang)
    return f"{spec.label(lang)}（{unit}）" if lang == "zh" else f"{spec.label(lang)} ({unit})"


def quoted(text: Any, lang: str) -> str:
    """Text a user gave, quoted, with control characters escaped."""
    shown = control_chars(text)
    return f"“{shown}”" if lang == "zh" else f"'{shown}'"


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _hidden(c: str) -> bool:
    return unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def _huge(x: int) -> str:
    """A whole number too large for a float, in powers of ten (its leading digits and its size):
    a number read from a file with more digits than Python converts carries them (``digits``)."""
    digits = getattr(x, "digits", None) or str(abs(x))
    mantissa = (digits[0] + "." + digits[1:3]).rstrip("0").rstrip(".")
    sign = "−" if x < 0 else ""
    return f"{sign}{mantissa}×10{str(len(digits) - 1).translate(_SUPERSCRIPT)}"


def number(x: Any) -> str:
    """A number rounded for reading: whole numbers as they are, others to four significant figures
    (at least one decimal), never in Python's notation for a float that is not finite; a whole number
    too large for a float in powers of ten (``1×10⁵⁰⁰⁰``)."""
    if isinstance(x, int) and not isinstance(x, bool) and abs(x) >= 10**15:
        try:
            float(x)
        except OverflowError:
            return _huge(x)
    x = float(x)
    if not math.isfinite(x):
        return "NaN" if x != x else ("∞" if x > 0 else "−∞")
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    if abs(x) < 1e-3 or abs(x) >= 1e15:
        mantissa, exponent = f"{x:.2e}".split("e")
        power = str(int(exponent)).translate(_SUPERSCRIPT)
        return f"{mantissa.rstrip('0').rstrip('.')}×10{power}"
    decimals = max(1, 3 - math.floor(math.log10(abs(x))))
    return f"{x:.{decimals}f}".rstrip("0").rstrip(".")


def count(n: Any) -> str:
    return f"{int(n):,}"


def value(v: Any, lang: str) -> str:
    """A value as given, as a reader would write it: a blank is blank, a number rounded, text quoted."""
    if v is None:
        return WORDS["blank"][lang]
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)) or type(v).__module__ == "numpy":
        try:
            return number(v)
        except (TypeError, ValueError, OverflowError):
            return quoted(v, lang)
    if isinstance(v, str):
        return quoted(v, lang)
    if isinstance(v, (list, tuple)):
        return WORDS["a_list"][lang]
    if isinstance(v, Mapping):
        return WORDS["an_object"][lang]
    return quoted(v, lang)


def field_name(key: str, lang: str, unit: str = "") -> str:
    """A parameter (label and unit), a field (its label), a command-line option (as typed), or
    else the name as given, quoted."""
    spec = load_parameters().get(key)
    if spec is not None:
        return parameter_name(spec, lang)
    if key in FIELDS:
        label = FIELDS[key][lang]
        if unit in UNITS:
            label += f"（{UNITS[unit][lang]}）" if lang == "zh" else f" ({UNITS[unit][lang]})"
        return label
    if isinstance(key, str) and key.startswith("--"):
        return control_chars(key)
    return quoted(key, lang)


def _join(items: Iterable[str], lang: str, last: str = "and") -> str:
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return WORDS["and"][lang].join(items[:-1]) + WORDS[last][lang] + items[-1]


def _allowed(p: Problem, lang: str) -> str:
    """What the problem's parameter or field allows: a range from the parameter table, else the
    problem's own ``lo``, ``hi`` and ``whole``; for a field with choices, the choices."""
    if p.has("allowed") and p["allowed"] is not None:
        names = [CHOICES[a][lang] if a in CHOICES else _allowed_item(a, lang) for a in p["allowed"]]
        return _join(names, lang, "or")
    spec = load_parameters().get(p.get("key"))
    if spec is not None:
        if spec.kind == "bool":
            return WORDS["true_false"][lang]
        whole, lo, hi = spec.kind == "int", spec.min, spec.max
    else:
        whole, lo, hi = p.get("whole", False), p.get("lo"), p.get("hi")
    if p.code == "not_bool":
        return WORDS["true_false"][lang]
    if hi is None:
        return _word("whole_or_more", lang, lo=number(lo))
    return _word("whole_from" if whole else "number_from", lang, lo=number(lo), hi=number(hi))


def allowed_range(lo: float | int, hi: float | int, lang: str, whole: bool = False) -> str:
    """A column's help on the page: what it allows ("应为0至10000之间的数。")."""
    allowed = _word("whole_from" if whole else "number_from", lang, lo=number(lo), hi=number(hi))
    return _word("allowed_help", lang, allowed=allowed)


def _allowed_item(item: Any, lang: str) -> str:
    if isinstance(item, str):
        return field_name(item, lang)
    return value(item, lang)


def _goal_value(p: Problem) -> str:
    """The value goal seek found, to the precision of its control's step."""
    spec = load_parameters()[p["key"]]
    if spec.kind == "int":
        return str(round(p["value"]))
    decimals = max(0, -math.floor(math.log10(float(spec.step))) + 1)
    shown = f"{p['value']:.{decimals}f}"
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


class _Shown(dict):
    """The placeholders of a template: each of the problem's fields as shown, computed when used."""

    def __init__(self, p: Problem, lang: str):
        super().__init__()
        self.p, self.lang = p, lang

    def __missing__(self, name: str) -> str:
        p, lang = self.p, self.lang
        goal = p.code.startswith("goal_")
        if name == "name" and p.has("key"):
            return field_name(p["key"], lang, p.get("unit", ""))
        if name == "name":
            return quoted(p["name"], lang)
        if name == "value":
            return _goal_value(p) if goal else value(p.get("value"), lang)
        if name in ("given", "column"):
            return quoted(p[name], lang)
        if name == "owner":  # an e-mail address, as the sign-in gives it
            return control_chars(p[name])
        if name == "allowed":
            return _allowed(p, lang)
        if name == "choices":
            return _join([quoted(c, lang) for c in p["allowed"]], lang, "or")
        if name == "with_fields":
            if not p.get("allowed"):
                return ""
            fields = _join([field_name(f, lang) for f in p["allowed"]], lang)
            return f"（含{fields}）" if lang == "zh" else f" with {fields}"
        if name == "above":
            below = p.get("below")
            if below is None:
                return _word("above", lang, lo=number(p["lo"]))
            return _word("above_below", lang, lo=number(p["lo"]), below=number(below))
        if name in ("columns", "keys"):
            items = p[name]
            shown = [quoted(c, lang) for c in items] if name == "columns" else [field_name(k, lang) for k in items]
            return _join(shown, lang)
        if name == "chars":
            chars = p.get("chars")
            if chars is None:  # a name's hidden characters, by code point
                chars = tuple(dict.fromkeys(f"U+{ord(c):04X}" for c in str(p.get("value", "")) if _hidden(c)))
            return WORDS["and"][lang].join(chars)
        if name == "constant":
            return control_chars(p["value"])
        if name == "size":
            size = p.get("size")
            if size is None:
                return _word("more_bytes", lang, n=count(p["limit"]))
            return _word("bytes", lang, n=count(size))
        if name in ("count", "limit", "new", "first", "number", "byte", "line", "col", "used"):
            return count(p[name])
        if name == "problems":
            return ("；" if lang == "zh" else "; ").join(say(q, lang).rstrip("。") for q in p["problems"])
        if name == "note":
            row = load_compat().get(p["key"])
            return (row.note_zh if lang == "zh" else row.note_en) if row else ""
        if name in ("new_value", "lo", "hi", "low", "high", "step", "rounded"):
            return value(p[name], lang) if isinstance(p[name], str) else number(p[name])
        if name == "achieved" and goal:
            x = f"{p['achieved']:,.1f}" if p["kind"] == "va" else f"{p['achieved']:.2f}"
            return _word("va_in" if p["kind"] == "va" else "growth_to", lang, year=p["year"], x=x)
        if name == "target" and goal:
            x = f"{p['target']:,.1f}" if p["kind"] == "va" else number(p["target"])
            return _word("va_target" if p["kind"] == "va" else "growth_target", lang, x=x)
        if name in ("detail", "at"):
            return control_chars(p[name])
        if name == "field":  # a column of a history file, as written in the file
            return quoted(p["field"], lang)
        if name == "kind":
            return WORDS["a_whole_number" if p.get("whole") else "a_number"][lang]
        raw = p.get(name)
        return value(raw, lang) if not isinstance(raw, int) or isinstance(raw, bool) else str(raw)


def where(p: Problem, lang: str) -> str:
    """Where the problem was found, as the start of its sentence ("" when nowhere in particular).
    Before a sentence that names its own subject with a colon ("投资额（亿元）：…"), a comma."""
    if not p.where:
        return ""
    parts = [WHERE[kind][lang].format(control_chars(at)) for kind, at in p.where]
    named = PROBLEMS[p.code][lang].startswith(("{name}：", "{name}:"))
    if lang == "zh":
        return "，".join(parts) + ("，" if named else "：")
    return ", ".join(parts) + (", " if named else ": ")


def say(p: Problem, lang: str = "zh") -> str:
    """The problem as one sentence in ``lang`` ("zh" or "en"), plain text (not Markdown)."""
    text = where(p, lang) + PROBLEMS[p.code][lang].format_map(_Shown(p, lang))
    text = text.strip()
    if lang == "zh" and not text.endswith(("。", "！", "？")):
        text += "。"
    return text


def say_all(problems: Iterable[Problem], lang: str = "zh") -> str:
    """Several problems in one line: sentences in Chinese, separated by "; " in English."""
    sentences = [say(p, lang) for p in problems]
    return "".join(sentences) if lang == "zh" else "; ".join(sentences)
