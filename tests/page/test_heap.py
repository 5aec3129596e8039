"""The page freezes the objects its imports made, once, so Streamlit's collection after each rerun
(``runner.postScriptGC``) walks only what the reruns made (ui/heap.py; the load benchmark measures
what that saves)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# In a fresh Python, so no other test's imports or freezes are counted.
PROBE = """
import gc, json, sys
sys.path.insert(0, {root!r})
from streamlit.testing.v1 import AppTest
before = gc.get_freeze_count()
at = AppTest.from_file({app!r}, default_timeout=60)
at.run()
assert not at.exception, at.exception
first = gc.get_freeze_count()
for value in (9.0, 9.5, 10.0):
    at.slider(key="growth_start").set_value(value).run()
    assert not at.exception, at.exception
gc.collect()
print(json.dumps({{"before": before, "first": first, "after": gc.get_freeze_count(),
                  "tracked": len(gc.get_objects())}}))
"""


def run_probe() -> dict[str, int]:
    code = PROBE.format(root=str(ROOT), app=str(ROOT / "app.py"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_imported_heap_is_frozen_once_and_reruns_leave_little_to_walk() -> None:
    counts = run_probe()
    assert counts["before"] == 0
    # The first run froze what Streamlit, pandas, Altair and the app's modules made: a large heap.
    assert counts["first"] > 50_000
    # Reruns freeze nothing more (frozen objects may still be freed: the count can only fall a little),
    # so the garbage they make is still collected.
    assert counts["first"] * 0.95 < counts["after"] <= counts["first"]
    # What a collection still walks is a small part of what it would walk without the freeze.
    assert counts["tracked"] < counts["first"] / 3
