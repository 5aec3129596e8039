"""Experiment: the app with its charts drawn by Vega's hybrid renderer instead of SVG (the spec's
``usermeta.embedOptions.renderer``, which Streamlit passes on), to see what the browser's chart
drawing costs under load."""

import runpy

import _setup

from ui import render

_spec = render._spec


def spec_hybrid(*args, **kwargs):
    return {**_spec(*args, **kwargs), "usermeta": {"embedOptions": {"renderer": "hybrid"}}}


render._spec = spec_hybrid
runpy.run_path(_setup.APP, run_name="__main__")
