"""Text from a user, a link or a file, made safe to show as it is (no Streamlit here).

Streamlit renders Markdown in messages, titles, captions, button and widget labels, with its own
extensions on top: ``:red[...]`` colours, ``:material/icon:`` and ``:smile:`` short codes, ``$...$``
formulas, and links made from bare addresses. A name such as ``![x](https://evil.example/p.png)``
would fetch an image in every visitor's browser; ``[log in](https://evil.example)`` would be a link.

:func:`md_text` turns any text into Markdown that shows exactly that text; :func:`control_chars`
writes control characters (terminal escape codes, new lines, bidirectional overrides, lone
surrogates that cannot be encoded) as visible escapes such as ``\\x1b``, for messages and the terminal.
"""

from __future__ import annotations

import re
import string

from model.printable import control_chars

__all__ = ["control_chars", "md_text"]

_PUNCTUATION = frozenset(string.punctuation)  # every ASCII punctuation character can be escaped
# Invisible, zero-width and unbreakable. Streamlit makes links of bare addresses in the text itself,
# after escapes are resolved (``https://…``, ``www.…``, ``name@host``): a word joiner inside ``://``,
# after ``@`` and inside ``www.`` keeps them text. Elsewhere the text is left as typed, so that what a
# user copies from the page is what they typed.
_WJ = "\u2060"
_WWW = re.compile(r"(?i)(www)(?=\\\.)")
_LEADING_SPACE = re.compile(r"^ +")


def md_text(s: str) -> str:
    """Markdown that shows ``s`` literally in any Streamlit Markdown context (st.markdown, st.title,
    st.caption, st.info/warning/error, button and widget labels, toasts).

    Control characters (new lines included) become visible escapes; every ASCII punctuation
    character is backslash-escaped (no emphasis, links, images, HTML, headings, lists, quotes,
    tables, code, formulas, colours or other directives); an invisible word joiner inside ``://``,
    after ``@`` and inside ``www.`` keeps bare addresses from becoming links; leading spaces are
    kept as no-break spaces so that they do not start a code block.
    """
    s = control_chars(s)
    out = []
    for i, ch in enumerate(s):
        if ch in _PUNCTUATION:
            out.append("\\" + ch)
            if ch == "@" or (ch == ":" and s[i + 1 : i + 2] == "/"):
                out.append(_WJ)
        else:
            out.append(ch)
    escaped = _WWW.sub(lambda m: m.group(1) + _WJ, "".join(out))
    return _LEADING_SPACE.sub(lambda m: "\u00a0" * len(m.group(0)), escaped)
