"""Problem messages in the page's language.

The model and the library say what is wrong in English sentences built from a few patterns (key,
value, what is wrong, what is allowed), the same words the command line prints. On the page in
Chinese, those patterns are put into Chinese here; keys, values and file names stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import streamlit as st

from report.plain import control_chars, md_text

# (pattern, Chinese) in order: longer phrases first.
_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"given (\d+) times; allowed: once", r"出现了 \1 次；只允许出现一次"),
        (
            r"^the scenario library's database cannot be reached; the server's log says why$",
            "无法连接情景库数据库，具体原因见服务器日志",
        ),
        (
            r"^the scenario library's address is not a database this server can open; the server's log says why$",
            "情景库地址不是本服务器可打开的数据库，具体原因见服务器日志",
        ),
        (r"key (.+?) is given more than once in one object; allowed: once", r"键 \1 在同一对象中重复出现；只允许一次"),
        (r": not valid text$", "：不是有效的文本"),
        (r"rounded to (\S+) \(the control's step is (\S+)\)", r"已取整为 \1（滑块步长为 \2）"),
        (r"a whole number from (\S+) to (\S+)", r"\1 至 \2 之间的整数"),
        (r"a number from (\S+) to (\S+)", r"\1 至 \2 之间的数"),
        (r"a whole year from (\S+) to (\S+)", r"\1 至 \2 之间的整年"),
        (r"a number above (\S+)", r"大于 \1 的数"),
        (r"a year before (\d+)", r"\1年之前的年份"),
        (r"is not a finite number", "不是有限的数"),
        (r"is not a whole number", "不是整数"),
        (r"is not a number", "不是数字"),
        (r"is not true or false", "不是 true 或 false"),
        (r"is out of range", "超出范围"),
        (r"is missing", "缺失"),
        (r"unknown parameter", "未知参数"),
        (r"unknown field", "未知字段"),
        (r"allowed keys", "允许的键名"),
        (r"allowed: true or false", "允许：true 或 false"),
        (r"allowed a finite number", "允许：有限的数"),
        (r"allowed a whole year", "允许：整年"),
        (r"allowed:? ", "允许："),
        (r"not valid JSON", "不是有效的 JSON"),
        (r"not UTF-8 text", "不是 UTF-8 文本"),
        (r"save it as UTF-8", "请另存为 UTF-8"),
        (r"is larger than the ([\d,]+)-byte limit", r"超过 \1 字节的上限"),
        (r"bytes", "字节"),
        (r"a scenario name cannot be empty", "情景名称不能为空"),
        (
            r"a scenario name can have at most (\d+) characters; this one has (\d+)",
            r"情景名称最多 \1 个字符，此名称有 \2 个",
        ),
        (r"a scenario name cannot contain control characters", "情景名称不能包含控制字符"),
        (
            r"a saved scenario is already named (.+?); choose another name or overwrite it",
            r"已有名为 \1 的情景；请换一个名称或覆盖",
        ),
        (r"no saved scenario is named", "没有这个名称的已保存情景："),
        # the library's limits, versions and owners (model/library.py, model/exchange.parse_import)
        (
            r"the name (.+?) is given twice in one file \(also scenario (\d+)\)",
            r"名称 \1 在同一文件中出现两次（另见第 \2 个情景）",
        ),
        (
            r"([\d,]+) scenarios are more than the ([\d,]+) one import can hold; split the file",
            r"\1 个情景超过单次导入上限 \2 个；请拆分文件",
        ),
        (
            r"the library holds at most ([\d,]+) scenarios; it has ([\d,]+), so ([\d,]+) more do not fit: "
            r"delete some first \(earlier versions are kept\)",
            r"情景库最多容纳 \1 个情景，现有 \2 个，放不下新增的 \3 个：请先删除一些（删除前的版本会保留）",
        ),
        (
            r"the library keeps at most ([\d,]+) earlier versions and is full; nothing was changed: "
            r"ask whoever runs the server to archive the versions table",
            r"情景库最多保留 \1 个历史版本，已满，未做任何更改：请联系服务器管理员归档历史版本表",
        ),
        (
            r"only (.+?) can overwrite, rename or delete (.+?); save a copy under another name instead",
            r"只有 \1 可以覆盖、重命名或删除 \2；请以其他名称另存副本",
        ),
        (r"no earlier version has the number (\d+)", r"没有编号为 \1 的历史版本"),
        (r"text of 1 to (\d+) characters", r"1 至 \1 个字符的文本"),
        (r"name the publication \(it cannot be empty\)", "请注明出处（不能为空）"),
        (r"no scenarios to export; choose at least one", "没有可导出的情景；请至少选择一个"),
        (r"\(100 million yuan\)", "（亿元）"),
        (r"\(100 million yuan/yr\)", "（亿元/年）"),
        (r"\(years?\)", "（年）"),
        (r"\(share\)", "（比例）"),
        (r"\(×\)", "（倍）"),
        (r"row (\d+)", r"第\1行"),
        (r"; ", "；"),
        (r" （", "（"),
    ]
]


def localise(text: str, lang: str) -> str:
    """``text`` in ``lang``: Chinese patterns replace the English ones; keys and values stay."""
    if lang != "zh":
        return text
    for pattern, replacement in _ZH:
        text = pattern.sub(replacement, text)
    return text


def bullet_list(intro: str, problems: Iterable[str], lang: str) -> str:
    """An introduction and one bullet per problem, in the page's language (Markdown).

    ``intro`` is the page's own Markdown: a caller that puts a name or a file name in it passes
    that through ``report.plain.md_text`` first. Each problem is a plain sentence that may quote a
    link's key, a value or a name, so it is shown literally (escaped here; do not escape it before).
    """
    return control_chars(intro) + "\n\n" + "\n".join(f"- {md_text(localise(p, lang))}" for p in problems)


def show(kind: str, intro: str, problems: Iterable[str], lang: str) -> None:
    """st.warning / st.error with a bullet per problem (each shown literally)."""
    getattr(st, kind)(bullet_list(intro, problems, lang))
