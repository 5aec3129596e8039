"""Issue 20 in a real Chromium: the probe's names are text in every element the page draws them in;
an over-long link gets a notice; the README's reverse proxy blocks /_stcore/metrics.

- names: a library holding the probe's three names (an image, a link, colour + icon + formula + bare
  addresses in Markdown). The Save & compare tab draws them in the library's table, the pickers, the
  comparison's chart, its table (an ``st.table``, whose cells Streamlit renders as Markdown: the break
  of issue 20), the import messages; presentation mode draws them as titles. None becomes a link, an
  image, a formula, an icon or coloured text, and the browser requests nothing from another host.
- an over-long link (more than 1,000 parameters), which Streamlit drops whole, gets a notice.
- ``deploy/nginx-locations.conf`` in front of the app: /_stcore/metrics answers 404, the page works.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from model.parameters import make_scenario
from report.text import t
from store.library import ScenarioLibrary
from tests.browser.streamlit_server import (
    ROOT,
    VIEWPORT,
    free_port,
    wait_for_page,
    wait_healthy,
)
from tests.browser.test_browser_state import open_tab, pick, wait_settled

pytestmark = pytest.mark.browser

PROBE_NAMES = [
    "![x](https://evil.example/p.png)",
    "[Log in again](https://evil.example/import)",
    ":red[ALERT] :material/warning: $x^2$ www.evil.example a@evil.example",
]


class HostWatch:
    """Every request the context's pages make to a host other than the app's (blocked, kept)."""

    def __init__(self, context: BrowserContext):
        self.foreign: list[str] = []

        def check(route) -> None:
            url = route.request.url
            host = urlsplit(url).hostname
            if url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
                self.foreign.append(url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", check)


@pytest.fixture
def probe_server(app_url: str, scenario_db_url: str) -> str:
    """The page's address, its library (the test's own, tests/browser/conftest.py) holding the probes."""
    with ScenarioLibrary(scenario_db_url) as library:
        for i, name in enumerate(PROBE_NAMES):
            library.save(name, make_scenario({"growth_start": 9.0 + i}))
    return app_url


def plain(text: str) -> str:
    return text.replace("\u2060", "").replace("\u00a0", " ")


def assert_only_text(page: Page, watch: HostWatch) -> None:
    """No link, image, formula, icon or coloured span made from the probe's names, and no request
    to another host."""
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert page.locator('img[src*="evil.example"]').count() == 0
    assert page.locator(".katex, .katex-html, math").count() == 0
    icons = page.get_by_test_id("stIconMaterial").all_inner_texts()
    assert "warning" not in icons, icons
    assert page.get_by_text("ALERT", exact=True).count() == 0  # ":red[ALERT]" drawn as a red "ALERT"
    assert (
        page.locator('[data-testid="stMarkdownContainer"] span[style*="color"]').filter(has_text="ALERT").count() == 0
    )
    assert watch.foreign == [], watch.foreign


def test_the_probes_names_are_text_in_every_element(browser: Browser, probe_server: str) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    watch = HostWatch(context)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    try:
        page.goto(f"{probe_server}/?lang=en")
        wait_for_page(page)
        open_tab(page, "tab_library", "en")
        for name in PROBE_NAMES:  # the comparison: its chart and its table (Markdown cells)
            pick(page, "compare_names", name)
            wait_settled(page)
        page.keyboard.press("Escape")  # close the picker's list
        wait_settled(page)
        table = page.get_by_test_id("stTable")
        expect(table.locator("tbody tr")).to_have_count(3)
        cells = [plain(c) for c in table.locator("tbody tr").locator("th, td").all_inner_texts()]
        for name in PROBE_NAMES:
            assert name in cells, (name, cells)
        chips = plain(" ".join(page.locator(".st-key-compare_names").all_inner_texts()))
        for name in PROBE_NAMES:
            assert name in chips, (name, chips)
        legend = plain(" ".join(page.locator(".vega-embed").all_inner_texts()))  # the chart's legend (SVG text)
        assert any(name in legend for name in PROBE_NAMES) or page.locator(".vega-embed svg").count() > 0
        # the library's picker and what it shows for the picked name (caption, delete's confirmation)
        try:
            pick(page, "pick", PROBE_NAMES[2])
        except Exception:
            page.screenshot(path="/tmp/dbg.png")
            raise
        wait_settled(page)
        page.get_by_role("button", name=t("delete", "en")).click()
        confirm = page.locator(".st-key-confirm_delete")
        expect(confirm).to_be_visible()
        assert PROBE_NAMES[2] in plain(confirm.inner_text())
        page.keyboard.press("Escape")
        # loading one: the toast names it
        page.locator(".st-key-load_saved").get_by_role("button").click()
        toast = page.get_by_test_id("stToast").filter(has_text="ALERT").first
        expect(toast).to_be_visible()
        assert PROBE_NAMES[2] in plain(toast.inner_text())
        assert_only_text(page, watch)
        # importing a file with a probe name: the "ready to import" message and the clash warning
        doc = json.dumps({"model_version": 2, "name": PROBE_NAMES[1], "parameters": {"growth_start": 9}})
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": PROBE_NAMES[0] + ".json", "mimeType": "application/json", "buffer": doc.encode()}]
        )
        ready = page.get_by_test_id("stAlert").filter(has_text="evil.example/import")
        expect(ready.first).to_be_visible()
        assert PROBE_NAMES[1] in plain(" ".join(ready.all_inner_texts()))
        wait_settled(page)
        assert_only_text(page, watch)
        # presentation mode: each name a slide's title
        page.goto(f"{probe_server}/?mode=present&lang=en")
        title = page.locator("h1").first
        expect(title).not_to_have_text("")
        assert plain(title.inner_text()) in PROBE_NAMES
        assert_only_text(page, watch)
        assert page.get_by_test_id("stException").count() == 0 and errors == []
    finally:
        context.close()


def test_an_over_long_link_gets_a_notice(browser: Browser, app_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        query = "&".join(f"k{i}=1" for i in range(1001)) + "&lang=en"  # 1,002 parameters: dropped whole
        page.goto(f"{app_url}/?{query}")
        wait_for_page(page)
        notice = page.locator(".dz-long-link")
        expect(notice).to_be_visible()
        assert notice.inner_text().startswith("此链接的参数超过1,000个")  # the link's lang= was dropped too
        assert page.get_by_test_id("stException").count() == 0

        short = context.new_page()  # a link Streamlit reads: no notice (its unknown keys are named instead)
        short.goto(f"{app_url}/?k1=1&k2=2&lang=en")
        wait_for_page(short)
        expect(short.get_by_test_id("stAlert").filter(has_text="not a parameter of this model")).to_have_count(1)
        expect(short.locator(".dz-long-link")).to_be_hidden()
    finally:
        context.close()


# --- the reverse proxy of the README ---------------------------------------------------------------


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        pytest.fail("nginx is not installed: scripts/test.sh installs it (the README's proxy is tested)")
    return found


@pytest.fixture
def proxy_url(app_url: str, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    upstream = urlsplit(app_url).netloc
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"""
worker_processes 1;
daemon off;
master_process off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log {tmp_path}/access.log;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    upstream dezhou_streamlit {{ server {upstream}; }}
    server {{
        listen 127.0.0.1:{port};
        include {ROOT / "deploy" / "nginx-locations.conf"};
    }}
}}
""",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [nginx_binary(), "-p", str(tmp_path), "-c", str(conf)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, tmp_path / "error.log")  # /_stcore/health through the proxy
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as e:
        return e.code


def test_the_readmes_proxy_blocks_the_metrics_and_serves_the_page(
    browser: Browser, app_url: str, proxy_url: str
) -> None:
    assert status(f"{app_url}/_stcore/metrics") == 200  # Streamlit serves them to anyone ...
    for path in (
        "/_stcore/metrics",
        "/_stcore/metrics/",
        "/_stcore//metrics",
        "/_stcore/%6detrics",
        "/_stcore/metrics?x=1",
    ):
        assert status(proxy_url + path) == 404, path  # ... the proxy does not
    assert status(f"{proxy_url}/_stcore/health") == 200
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(f"{proxy_url}/?lang=en")
        wait_for_page(page)  # drawn over the websocket, through the proxy
        assert page.get_by_test_id("stException").count() == 0
    finally:
        context.close()
