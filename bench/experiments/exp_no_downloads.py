"""Experiment: the app without the first tab's row of downloads (CSV, data dictionary, chart images popover,
PowerPoint): 11 download buttons, a popover and their columns; the charts as they are."""

import runpy

import _setup

from ui.tabs import scenario


def nothing(*args, **kwargs):
    return None


scenario.downloads = nothing
scenario.meeting.chart_images = nothing
scenario.meeting.deck = nothing
runpy.run_path(_setup.APP, run_name="__main__")
