"""Experiment: the app without freezing its imported objects (``ui/heap.freeze_imports``), so
Streamlit's garbage collection after each rerun walks the whole heap again, as before."""

import runpy

import _setup

from ui import heap

heap.freeze_imports = lambda: None
runpy.run_path(_setup.APP, run_name="__main__")
