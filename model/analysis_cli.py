"""Command-line subcommands of the analysis tools (uncertainty, sensitivity, goal seek)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def add_parsers(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], None]]:
    """Add this module's subcommands to ``sub``; return {command name: handler}."""
    return {}
