"""Start a Streamlit server and drive Chromium: shared by the browser tests and ``bench/run.py``.

Chromium is Debian's (``chromium`` on the PATH, or ``$CHROMIUM``); Playwright's own browser download
is not used.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Locator, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 1000}

# --- Every timeout of the browser tests, in one place -------------------------------------------
# Each is an upper bound on waiting for a signal of the page, never a pause: a wait ends as soon as its
# signal comes. They are set for a 2-core machine with a CPU-bound process beside the tests
# (scripts/flake_run.sh runs the suite with `stress-ng --cpu 1`), where one run of the page's script
# takes up to ten times as long as on a quiet machine (a deck's charts, 20 s and more).
START_TIMEOUT_S = 120  # a Streamlit server answers its health check
RUN_TIMEOUT_S = 120  # a run of the page's script has finished and been drawn (a page load included)
EXPECT_TIMEOUT_S = 60  # Playwright's expect(...) assertions, retried until then (its default is 5 s)
ACTION_TIMEOUT_S = 60  # Playwright's actions (click, fill, ...) wait for their element until then
BUILD_TIMEOUT_S = 240  # a download the page makes when clicked (a deck renders its charts then)
LIST_TIMEOUT_S = 10  # an open list shows the option typed (it closes if the page moves under it: try again)


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError(f"no Chromium at {path}; install Debian's chromium (scripts/test.sh does)")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(app: Path, port: int, log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """``streamlit run app`` on 127.0.0.1:port, headless, no file watcher, no usage statistics."""
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--server.headless=true",
        "--server.fileWatcherType=none",
        "--server.runOnSave=false",
        "--browser.gatherUsageStats=false",
    ]
    out = open(log, "wb")  # noqa: SIM115 - the child owns it until it exits
    return subprocess.Popen(
        cmd,
        cwd=app.parent,
        stdout=out,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
        start_new_session=True,
    )


def wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        with contextlib.suppress(subprocess.TimeoutExpired):  # till the next poll, watch for the server's exit
            proc.wait(timeout=0.2)
    raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s:\n{log.read_text(errors='replace')}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# Installed in every page before the app's own scripts (``context.add_init_script``): watches the
# page's websocket to Streamlit, decoding only the top-level field numbers of its protobuf messages
# (streamlit/proto/BackMsg.proto and ForwardMsg.proto), and keeps ``window.__runs``:
#  - pending: the page has asked for a run (BackMsg.rerun_script, field 11: a widget changed) or a run
#    stopped for a rerun (ForwardMsg.script_finished = FINISHED_EARLY_FOR_RERUN, 2) and no run has
#    started since (ForwardMsg.new_session, field 4, starts every run, a fragment's included);
#  - running: the server's last word (ForwardMsg.session_status_changed, field 9: script_is_running,
#    its field 2; new_session; script_finished, field 6);
#  - finished: how many runs have finished.
# The page is idle when a run has finished, none is pending or running, React has drawn the end of the
# run (stApp's data-test-script-state) and no element of an earlier run is left stale.
TRACK_RUNS = """(() => {
  if (window.__runs) return;
  const runs = window.__runs = {pending: false, running: false, finished: 0};
  const varint = (b, i) => {
    let v = 0, k = 1, x;
    do { x = b[i++]; v += (x & 127) * k; k *= 128; } while (x & 128);
    return [v, i];
  };
  const fields = b => {  // the top-level fields: [number, varint value or bytes]
    const out = []; let i = 0;
    while (i < b.length) {
      let tag, v; [tag, i] = varint(b, i);
      const wire = tag & 7;
      if (wire === 0) { [v, i] = varint(b, i); out.push([Math.floor(tag / 8), v]); }
      else if (wire === 2) { [v, i] = varint(b, i); out.push([Math.floor(tag / 8), b.subarray(i, i + v)]); i += v; }
      else if (wire === 1) i += 8; else if (wire === 5) i += 4; else break;
    }
    return out;
  };
  const bytes = d => d instanceof ArrayBuffer ? new Uint8Array(d)
    : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : null;
  const received = b => {
    for (const [field, value] of fields(b)) {
      if (field === 4) { runs.pending = false; runs.running = true; }
      else if (field === 6) { runs.finished += 1; if (value === 2) runs.pending = true; else runs.running = false; }
      else if (field === 9) runs.running = fields(value).some(([f, v]) => f === 2 && v === 1);
    }
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => { const b = bytes(e.data); if (b) received(b); });
    }
    send(data) {
      const b = bytes(data);
      if (b && fields(b).some(([f]) => f === 11)) runs.pending = true;
      return super.send(data);
    }
  };
})()"""

IDLE = """() => { const r = window.__runs, app = document.querySelector('[data-testid="stApp"]');
  return !!r && r.finished > 0 && !r.pending && !r.running && !!app
    && app.dataset.testScriptState === 'notRunning' && app.dataset.testConnectionState === 'CONNECTED'
    && !document.querySelector('[data-stale="true"]'); }"""


def wait_idle(page: Page, timeout_s: float = RUN_TIMEOUT_S) -> None:
    """Until every run of the page's script asked for has finished and been drawn (see TRACK_RUNS).

    A slider sends its value when the thumb stops (after Streamlit's short debounce), so after a
    slider move wait for what the move changes (its value in the address bar, a figure) instead."""
    if not page.evaluate("() => !!window.__runs"):
        raise AssertionError("no run watcher in this page: open it with the open_page or new_context fixture")
    page.wait_for_function(IDLE, timeout=timeout_s * 1000)


# The data editor (Glide Data Grid) draws on a canvas: a cell's editor is an input it opens in its
# "portal" element, focused; the grid takes the keys once its own element has the focus.
CELL_EDITOR_OPEN = "() => !!document.activeElement && !!document.activeElement.closest('#portal')"
GRID_FOCUSED = "sel => document.querySelector(sel).contains(document.activeElement)"


def wait_for_page(page: Page) -> None:
    """Until the four metrics and four charts are drawn and the page is idle."""
    page.wait_for_function(
        """() => document.querySelectorAll('[data-testid="stMetricValue"]').length >= 4
              && document.querySelectorAll('.vega-embed svg').length >= 4""",
        timeout=RUN_TIMEOUT_S * 1000,
    )
    wait_idle(page)


def wait_settled(page: Page, quiet_ms: int = 300) -> None:
    """Until the page is idle and no element has moved for ``quiet_ms`` (checked in the page, it ends
    as soon as the layout is still): a widget's first drawing (a text box, a table, a chart) can move
    what is below it, which closes an open list."""
    wait_idle(page)
    page.wait_for_function(
        """quiet => new Promise(done => {
            const tops = () => [...document.querySelectorAll('[data-testid="stElementContainer"]')]
                .map(e => Math.round(e.getBoundingClientRect().top)).join();
            const before = tops();
            setTimeout(() => done(before === tops()), quiet);
        })""",
        arg=quiet_ms,
        timeout=RUN_TIMEOUT_S * 1000,
    )
    wait_idle(page)


def slider(page: Page, key: str) -> Locator:
    """The slider's thumb: the focusable element with role=slider inside the widget keyed ``key``."""
    return page.locator(f".st-key-{key}").get_by_role("slider")
