"""Shared by exp_canvas.py and exp_hybrid.py: run the app with its charts drawn by another Vega renderer
(the spec's ``usermeta.embedOptions.renderer``, which Streamlit passes on) instead of SVG."""

import runpy

import _setup

from ui import render


def run_with(renderer: str) -> None:
    spec = render._spec

    def with_renderer(*args, **kwargs):
        return {**spec(*args, **kwargs), "usermeta": {"embedOptions": {"renderer": renderer}}}

    render._spec = with_renderer
    runpy.run_path(_setup.APP, run_name="__main__")
