"""Experiment: the app as it is, writing when each part of a rerun starts and ends (epoch ms) to $BENCH_TRACE."""

import json
import os
import runpy
import time

import _setup

from ui import controls, headline
from ui.tabs import scenario

TRACE = os.environ.get("BENCH_TRACE", "/tmp/bench-trace.jsonl")
marks = _setup.MARKS  # kept between reruns (this script is run afresh each time)
marks.clear()


def timed(module, name):
    f = getattr(module, name)
    if getattr(f, "timed", False):
        return
    label = f"{module.__name__.rsplit('.', 1)[-1]}.{name}"

    def g(*args, **kwargs):
        marks.setdefault(label + ">", time.time() * 1000)
        try:
            return f(*args, **kwargs)
        finally:
            marks[label + "<"] = time.time() * 1000

    g.timed = True
    setattr(module, name, g)


for module, name in ((controls, "sidebar"), (headline, "headline_area"), (scenario, "render")):
    timed(module, name)
marks["start"] = time.time() * 1000
try:
    runpy.run_path(_setup.APP, run_name="__main__")
finally:
    marks["end"] = time.time() * 1000
    with open(TRACE, "a", encoding="utf-8") as f:
        f.write(json.dumps(marks) + "\n")
