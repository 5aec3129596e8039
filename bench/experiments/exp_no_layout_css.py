"""Experiment: the app without the headline cards' layout style (``ui/headline.LAYOUT``: a container
query and a ``:has()`` selector, sent on every rerun), to see whether the browser's style work it
causes is what the page costs under load."""

import runpy

import _setup

from ui import headline

headline.LAYOUT = "<style></style>"
runpy.run_path(_setup.APP, run_name="__main__")
