"""Line up a rerun's server-side trace (exp_traced.py) with what the browser saw (bench/run.py's profile).

    python3 bench/experiments/trace.py [--presses 10]

Prints, per press, in ms after the keydown: the browser's rerun message sent, the script's start, the
headline drawn (start/end), the sidebar built, the tab drawn, the script's end, the first metric message
received, the main area's text changed, and the React commits in between.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import run
from playwright.sync_api import sync_playwright

parser = argparse.ArgumentParser()
parser.add_argument("--presses", type=int, default=10)
parser.add_argument("--seq", action="store_true", help="also print the messages received up to the text change")
args = parser.parse_args()
tmp = Path(tempfile.mkdtemp(prefix="dezhou-trace-"))
trace = tmp / "trace.jsonl"
db = {"DEZHOU_SCENARIO_DB": f"sqlite:///{tmp / 's.sqlite'}", "BENCH_TRACE": str(trace)}
target = run.Target(
    "exp_traced", run.BENCH / "experiments" / "exp_traced.py", "growth_start", ".vega-embed svg", env=db
)
os.environ.update(db)
print("load average:", os.getloadavg())
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=run.chromium_path(), args=run.CHROMIUM_ARGS)
    try:
        run.start(target, tmp)
        trace.write_text("")
        presses = run.measure_profile(browser, target, args.presses)
    finally:
        run.stop_target(target)
        browser.close()
runs = [json.loads(line) for line in trace.read_text().splitlines()]
rows = []
for press in presses:
    k = press["keydown_epoch_ms"]
    server = next((r for r in runs if r["start"] > k), None)  # the first run after the keydown
    if server is None:
        continue
    row = {"sent": press["send"]} | {name: v - k for name, v in server.items()}
    row |= {"metric msg": press["metric_msg"], "text": press["latency"]}
    row["commits"] = [round(c) for c in press["commit_times"] if c <= press["latency"] + 1]
    rows.append(row)
    print({key: (round(v) if isinstance(v, float) else v) for key, v in row.items()})
    if args.seq:
        print("   ", [x for x in press["seq"] if x[0] <= press["latency"] + 20])
keys = [key for key in rows[0] if key != "commits"]
print("median:", {key: round(statistics.median(r[key] for r in rows if r.get(key) is not None)) for key in keys})
