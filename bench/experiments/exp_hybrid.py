"""Experiment: the app with its charts drawn by Vega's hybrid renderer instead of SVG, to see what the
browser's chart drawing costs under load."""

import _renderer

_renderer.run_with("hybrid")
