"""Experiment: the app without the early headline slot (the figures drawn after the sidebar, as the floor does)."""

import runpy

import _setup

from ui import controls

controls.scenario_from_state = lambda lang: None
runpy.run_path(_setup.APP, run_name="__main__")
