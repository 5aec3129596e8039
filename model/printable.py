"""Text from outside (a file, a link, a path, a name) made safe to print in a message.

Control characters are written as visible escapes: a terminal escape code in a path does not
recolour the terminal, a new line in a key does not start a second line of an error, a
bidirectional override does not make a name read backwards, and a lone surrogate (which cannot be
encoded as UTF-8) does not crash the output. ``report.plain`` builds on this for the page's Markdown.
"""

from __future__ import annotations

import unicodedata

# The bidirectional controls (embedding, override, isolate, marks) and the line/paragraph separators.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SEPARATORS = frozenset("\u2028\u2029")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def is_hidden(ch: str) -> bool:
    """A character that is not shown as itself: C0/C1 control, lone surrogate, bidi control, separator."""
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI or ch in _SEPARATORS


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def control_chars(text: object) -> str:
    """``text`` with each control character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``,
    ``\\ud800``); everything else unchanged. Safe to print and to encode as UTF-8."""
    s = text if isinstance(text, str) else str(text)
    if not any(is_hidden(ch) for ch in s):
        return s
    return "".join(_escape(ch) if is_hidden(ch) else ch for ch in s)
