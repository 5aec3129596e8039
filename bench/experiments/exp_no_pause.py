"""Experiment: the app without its pause after the early headline (``ui/headline.HEAD_START_S = 0``),
as it was before the pause was kept."""

import runpy

import _setup

from ui import headline

headline.HEAD_START_S = 0
runpy.run_path(_setup.APP, run_name="__main__")
