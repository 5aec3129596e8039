"""Start a Streamlit server and drive Chromium: shared by the browser tests and ``bench/run.py``.

Chromium is Debian's (``chromium`` on the PATH, or ``$CHROMIUM``); Playwright's own browser download
is not used.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page

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
START_TIMEOUT_S = 90  # a cold start on a busy 2-core CI machine takes a few seconds; allow plenty


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
        time.sleep(0.2)
    raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s:\n{log.read_text(errors='replace')}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_for_page(page: Page) -> None:
    """Until the four metrics and four charts are drawn and no element is stale (no run pending)."""
    page.wait_for_function(
        """() => document.querySelectorAll('[data-testid="stMetricValue"]').length >= 4
              && document.querySelectorAll('.vega-embed svg').length >= 4
              && !document.querySelector('[data-stale="true"]')""",
        timeout=60_000,
    )


def wait_settled(page: Page, quiet_ms: int = 400) -> None:
    """Until no element of the page moves for ``quiet_ms`` and no run is pending: a widget's first
    drawing (a text box, a table, a chart) can move what is below it, which closes an open list."""
    page.wait_for_function(
        """quiet => new Promise(done => {
            const tops = () => [...document.querySelectorAll('[data-testid="stElementContainer"]')]
                .map(e => Math.round(e.getBoundingClientRect().top)).join();
            const before = tops();
            setTimeout(() => done(before === tops() && !document.querySelector('[data-stale="true"]')), quiet);
        })""",
        arg=quiet_ms,
        timeout=60_000,
    )
