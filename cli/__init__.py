"""The command line (``python -m model …``): one package; the shared plumbing is ``cli.plumbing``."""

from cli.main import main

__all__ = ["main"]
