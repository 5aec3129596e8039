"""The session's state in a real Chromium, in both languages (issue 11, items 2, 3, 7, 8 and 14).

What is asserted, exactly:
- a link value between two steps of its control is rounded, and the address bar then holds the
  rounded value, and an ignored value is gone from it (a reload gives the same page, with no notice);
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from report.text import t

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Page]
LANGS = ("zh", "en")


def slider(page: Page, key: str) -> Locator:
    return page.locator(f".st-key-{key}").get_by_role("slider")


@pytest.mark.parametrize("lang", LANGS)
def test_rounded_link_value_is_written_to_the_address_bar(open_page: OpenPage, lang: str) -> None:
    page = open_page(f"lang={lang}&growth_start=10.53&fund_size=80&growth_end=abc")
    expect(page.get_by_test_id("stAlert").filter(has_text=t("url_rounded", lang))).to_have_count(1)
    expect(slider(page, "growth_start")).to_have_value("10.5")
    expect(page).to_have_url(re.compile(r"[?&]growth_start=10\.5(&|$)"))
    assert "fund_size=80" in page.url and f"lang={lang}" in page.url
    assert "growth_end" not in page.url  # ignored: the control keeps its default, the address says so
    page.reload()  # the address as shown gives the same page, with nothing left to round
    expect(slider(page, "growth_start")).to_have_value("10.5")
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text=t("url_rounded", lang))).to_have_count(0)
