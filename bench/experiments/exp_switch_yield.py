"""Experiment: exp_switch.py and exp_yield.py together: the GIL switch interval at 1 ms, and a 10 ms pause
after the early headline figures are drawn (``ui/headline.HEAD_START_S``)."""

import runpy
import sys

import _setup

from ui import headline

sys.setswitchinterval(0.001)
headline.HEAD_START_S = 0.01
runpy.run_path(_setup.APP, run_name="__main__")
