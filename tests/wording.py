"""What the page's wording must be, defined once: the words of the other language it may show, and
the checks that find a foreign word, a key name or Python value, or half-width punctuation in Chinese.
Used by the browser's language walk (tests/browser/test_browser_wording.py, the text a reader sees) and
the page's tooltip check (tests/page/test_page_wording.py, every help text of every tab)."""

from __future__ import annotations

import re

from model.history import load_history
from model.targets import load_targets

# Latin words the Chinese page may show, each with the reason.
ALLOWED = {
    # File formats and units named as such on buttons and in help
    "CSV": "file format",
    "JSON": "file format",
    "PPTX": "file format",
    "PNG": "file format",
    "SVG": "file format",
    "Excel": "product name (导出 Excel 工作簿)",
    "UTF": "character encoding (UTF-8)",
    "BOM": "byte-order mark of UTF-8",
    "MB": "unit (1 MB)",
    "UTC": "time zone of the saved times",
    # The language switch names each language in its own script
    "Language": "语言 / Language: the switch must be found by a reader of either language",
    "English": "the switch's English option",
    # Proper names in the sources
    "WIOD": "World Input-Output Database, named in full in Chinese beside it",
    "CSET": "Center for Security and Emerging Technology, named in full in Chinese beside it",
    "semiunion": "name of a news site (半导体联盟 semiunion)",
    "chaxiaohao.com": "name of a question-and-answer site cited (and not used) in the history",
    "one.qiip.cc": "name of an anonymous web page cited (and not used) in the history",
    "Reportify": "name of a news-summary service cited in the history",
    "CGO": "part of a programme's name quoted from the article (CGO帮办)",
    "DCMM": "name of a national standard quoted from the article (DCMM试点企业)",
    # A Chinese original quoted as published: its English words are the source's
    "Computer": "quoted original: 电子产业(Computer,electronic and optical industry)",
    "electronic": "quoted original, as above",
    "and": "quoted original, as above",
    "optical": "quoted original, as above",
    "industry": "quoted original, as above",
    # Streamlit's own strings the page cannot set (no parameter for them in Streamlit 1.67)
    "Skip": "Streamlit's 'Skip to main content' link for keyboard users (shown on focus only)",
    "to": "as above",
    "main": "as above",
    "content": "as above",
    "option": "the scenario list's note to screen readers once a name is chosen ('1 option available.'): no parameter",
    "options": "as above ('3 options available.')",
    "available": "as above",
    "Upload": "st.file_uploader's button: its text has no parameter",
    "per": "st.file_uploader's size note '1MB per file • JSON': no parameter",
    "file": "as above",
    "Download": "chart and table toolbar tooltips ('Download as PNG/SVG/CSV'): no parameter",
    "as": "as above",
    "Show": "chart toolbar 'Show data' and table toolbar 'Show/hide columns': no parameter",
    "data": "as above",
    "hide": "as above",
    "columns": "as above",
    "Copy": "chart toolbar 'Copy Vega-Lite spec': no parameter",
    "Vega-Lite": "as above",
    "spec": "as above",
    "Fullscreen": "chart and table toolbar tooltip: no parameter",
    "Search": "table toolbar tooltip: no parameter",
}
WORD = re.compile(r"[A-Za-z]+(?:[-.][A-Za-z]+)*")
ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


def english_words(texts: list[str]) -> dict[str, str]:
    """Each Latin word outside ``ALLOWED`` (web addresses left out), with a text it was found in."""
    found: dict[str, str] = {}
    for text in texts:
        for word in WORD.findall(ADDRESS.sub("", text)):
            if word not in ALLOWED:
                found.setdefault(word, text[:160])
    return found


# Chinese text the English page may show, each with the reason.
ALLOWED_CJK = {
    "中文": "the language switch names each language in its own script",
    "语言": "as above: 语言 / Language",
    # Policy terms glossed in parentheses after their English rendering, as official translations do
    "专精特新": "specialised, refined, distinctive and innovative (专精特新) firms: a national programme's name",
    "晨星工厂": "'Morning Star Factories' (晨星工厂): a provincial programme's name",
    "百亿级": "the 10-billion-yuan scale (百亿级): the tier's name in the sources",
}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
# A quoted Chinese original is the source's own words, shown as published: in 「…」 with its English
# translation beside it (parameters, projects, facts), or as a whole cell of a "Source sentence"
# column (the history's and the targets' sentences as published).
QUOTED = re.compile(r"「[^」]*」")
PUBLISHED = {f.quote_zh for f in load_history().figures} | {o.quote_zh for o in load_targets()}
# A half-width comma, semicolon, colon, question or exclamation mark next to a Chinese character
HALF_WIDTH = re.compile(r"[\u3400-\u9fff][,;:?!]|[,;:?!][\u3400-\u9fff]")
# Key names and Python values a reader must never see (item 5).
PYTHON = re.compile(r"\b(?:[a-z]+(?:_[a-z0-9]+)+|None|nan|NaN|True|False|NaT)\b|<NA>|\*\*")


def chinese_words(texts: list[str]) -> dict[str, str]:
    """Each run of Chinese characters outside ``ALLOWED_CJK`` and quoted originals, with its text."""
    found: dict[str, str] = {}
    for text in texts:
        if text.strip() in PUBLISHED:
            continue
        for run in CJK.findall(QUOTED.sub("", ADDRESS.sub("", text))):
            if run not in ALLOWED_CJK:
                found.setdefault(run, text[:160])
    return found


def python_words(texts: list[str]) -> dict[str, str]:
    """Each key name, Python value or markdown left unrendered (``**``), with its text."""
    found: dict[str, str] = {}
    for text in texts:
        for word in PYTHON.findall(ADDRESS.sub("", text)):
            found.setdefault(word, text[:160])
    return found
