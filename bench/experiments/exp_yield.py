"""Experiment: the script pausing 10 ms right after the early headline figures are drawn
(``ui/headline.HEAD_START_S``; measured before the app kept 10 ms), so that the server's event loop,
which needs the GIL to send them, is not starved by the rest of the script."""

import runpy

import _setup

from ui import headline

headline.HEAD_START_S = 0.01
runpy.run_path(_setup.APP, run_name="__main__")
