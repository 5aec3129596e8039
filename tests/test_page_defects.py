"""Issue 19's page defects that AppTest can see (the browser tests measure the rest)."""

from __future__ import annotations

import re

import pytest
from pagekit import run_page, shown

from model.compat import load_compat
from model.parameters import load_parameters
from report.text import TEXT

KEYS = re.compile(r"\b(" + "|".join(re.escape(k) for k in load_parameters()) + r")\b")


def test_version_1_notes_name_parameters_by_label_never_by_key() -> None:
    for row in load_compat().values():
        for note in (row.note_en, row.note_zh):
            assert not KEYS.search(note), note
        assert not re.search(r"[\u4e00-\u9fff]", row.note_en), row.note_en  # English in English


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_version_1_link_notice_shows_labels_not_keys(lang: str) -> None:
    """A link without ``model=`` (version 1) with fund_size changed: its notice explained it with the
    key ``fund_paid_in`` in English."""
    at = run_page({"fund_size": "70", "growth_start": "9.5", "lang": lang})
    [box] = [shown(i.value) for i in at.info if i.value.startswith(TEXT["v1_notices_link"][lang][:8])]
    assert load_parameters()["fund_size"].label(lang) in box
    assert load_parameters()["fund_paid_in"].label(lang) in box  # the share the funds invest, by its label
    assert not KEYS.search(box), box
