"""Experiment: the app with the open tab drawing nothing (the tab headers, headline and sidebar as they are)."""

import runpy

import _setup

from ui.tabs import analysis, history, library, scenario, sources, table

for module in (analysis, history, library, scenario, sources, table):
    module.render = lambda page: None
runpy.run_path(_setup.APP, run_name="__main__")
