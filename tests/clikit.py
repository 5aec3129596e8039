"""The command-line runner, defined once: ``run_cli("project", "--set", "fund_size=80")`` runs
``python -m model ...`` as a user does. Tests take it as the ``cli`` fixture (tests/conftest.py) or
import it from here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI_TIMEOUT_S = 180  # one command, on a busy 2-core machine
MEMORY_LIMIT_BYTES = 2 << 30  # 2 GB of address space, for ``limit_memory``


def limit_address_space() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def run_cli(
    *args: str, text: bool = False, cwd: Path = ROOT, limit_memory: bool = False
) -> subprocess.CompletedProcess:
    """``python -m model ARGS`` from ``cwd`` (the repository by default), as a user runs it: its exit
    code, standard output and error (bytes, or text when ``text``), never raising on failure. With
    ``limit_memory`` the command has 2 GB of address space at most (a read without end fails fast)."""
    return subprocess.run(
        [sys.executable, "-m", "model", *args],
        cwd=cwd,
        capture_output=True,
        text=text,
        timeout=CLI_TIMEOUT_S,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=limit_address_space if limit_memory else None,
    )
