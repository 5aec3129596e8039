"""Experiment: the app with its charts not drawn (``ui/render.chart`` draws nothing), to see what
the browser's drawing of the four charts costs under load."""

import runpy

import _setup

from ui import render

render.chart = lambda *args, **kwargs: None
runpy.run_path(_setup.APP, run_name="__main__")
