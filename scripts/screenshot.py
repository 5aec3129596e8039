"""Make the README's screenshot from the page as it is now: Chromium at 1440×900, the defaults, Chinese.

    python3 scripts/screenshot.py            # writes docs/screenshot.png
    python3 scripts/screenshot.py --lang en --out /tmp/en.png

It starts the page on a free local port with a throwaway scenario library, waits until the headline
figures and the charts are drawn and nothing is pending, and saves the first screen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from model.lang import LANGS  # noqa: E402
from tests.browser.streamlit_server import (  # noqa: E402
    CHROMIUM_ARGS,
    TRACK_RUNS,
    chromium_path,
    free_port,
    start_streamlit,
    stop,
    wait_for_page,
    wait_healthy,
)

WIDTH, HEIGHT = 1440, 900


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGS, default="zh")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        log = Path(tmp) / "server.log"
        env = {"DEZHOU_SCENARIO_DB": f"sqlite:///{Path(tmp) / 'library.sqlite'}"}
        proc = start_streamlit(ROOT / "app.py", port, log, env=env)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url, proc, log)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
                context.add_init_script(TRACK_RUNS)  # the watcher wait_for_page reads
                page = context.new_page()
                page.goto(f"{url}/?lang={args.lang}")
                wait_for_page(page)
                page.evaluate("document.fonts.ready")
                page.screenshot(path=str(args.out))
                browser.close()
        finally:
            stop(proc)
    print(f"wrote {args.out} ({WIDTH}×{HEIGHT}, {args.lang})")


if __name__ == "__main__":
    main()
