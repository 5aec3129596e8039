"""Experiment: the app as it is, with the server's GIL switch interval at 1 ms instead of 5 ms, so that the
event loop that sends the headline figures gets the GIL sooner while the script goes on drawing."""

import runpy
import sys

import _setup

from ui import headline

sys.setswitchinterval(0.001)
headline.HEAD_START_S = 0  # as measured, before the app kept its pause
runpy.run_path(_setup.APP, run_name="__main__")
