"""The browser's main-thread time per key press, one session per page, from Chromium's own counters.

    python3 bench/experiments/browser_time.py --pages app,controls,exp_no_tab --presses 20

For each page: open it, press the slider a few times to warm up, then read Chromium's
``Performance.getMetrics`` (DevTools protocol) before and after ``--presses`` presses and print, per
press, the main thread's task time and its script, layout and style parts, and the page's DOM nodes.
Pages are timed one after the other (not interleaved): compare them only within one run.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))
import run as R  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--pages", default="app,controls")
ap.add_argument("--presses", type=int, default=20)
ap.add_argument("--app", type=Path, default=R.ROOT / "app.py")
args = ap.parse_args()
tmp = Path(tempfile.mkdtemp())
db = {"DEZHOU_SCENARIO_DB": f"sqlite:///{tmp / 's.sqlite'}"}
os.environ.update(db)
targets = R.make_targets(argparse.Namespace(pages=args.pages, app=args.app), db)
KEYS = [
    "TaskDuration",
    "ScriptDuration",
    "LayoutDuration",
    "RecalcStyleDuration",
    "LayoutCount",
    "RecalcStyleCount",
    "Nodes",
    "JSHeapUsedSize",
]
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=R.chromium_path(), args=R.CHROMIUM_ARGS)
    for t in targets:
        R.start(t, tmp)
    for t in targets:
        errs = []
        page = R.open_session(browser, t, errs)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        for _ in range(3):
            R.press_once(page, "ArrowRight")
        page.locator(f".st-key-{t.slider_key}").get_by_role("slider").focus()
        m0 = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        for i in range(args.presses):
            R.press_once(page, R.direction(i))
        m1 = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        n = args.presses
        print(
            f"{t.name:16s} "
            + "  ".join(
                f"{k.replace('Duration', '')} {1000 * (m1[k] - m0[k]) / n:6.1f}ms"
                if k.endswith("Duration")
                else (f"{k} {(m1[k] - m0[k]) / n:5.1f}" if k.endswith("Count") else f"{k} {m1[k]:.0f}")
                for k in KEYS
            ),
            flush=True,
        )
        page.context.close()
    for t in targets:
        R.stop_target(t)
    browser.close()
