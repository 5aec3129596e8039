"""The command-line runner, defined once: ``run_cli("project", "--set", "fund_size=80")`` runs
``python -m model ...`` and gives what a user sees: the exit code, standard output and error. Tests
take it as the ``cli`` fixture (tests/conftest.py) or import it from here.

A command runs in the test's own interpreter (``cli.main.main`` with its standard streams, working
folder and exit captured: a traceback shows as the interpreter would print it), which takes a
hundredth of the time a new interpreter takes to start with numpy and pandas (about 0.7 s: the command
line's tests spent a third of the fast tier starting them). ``process=True`` runs a real
``python -m model`` instead: for what only a process shows (a memory limit, a read that must not
hang, the entry point itself); ``tests/cli/test_cli.py`` checks that both give the same bytes."""

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
    *args: str, text: bool = False, cwd: Path = ROOT, limit_memory: bool = False, process: bool = False
) -> subprocess.CompletedProcess:
    """``python -m model ARGS`` from ``cwd`` (the repository by default), as a user runs it: its exit
    code, standard output and error (bytes, or text when ``text``), never raising on failure. In this
    interpreter unless ``process`` (see the module's text). With ``limit_memory`` (a process) the
    command has 2 GB of address space at most (a read without end fails fast)."""
    if not (process or limit_memory):
        return _in_this_interpreter(args, text, cwd)
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


def _in_this_interpreter(args: tuple[str, ...], text: bool, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m model ARGS`` as ``cli.main.main(ARGS)``: what the process would write to its
    standard streams (UTF-8, as Python writes to a pipe here), and its exit code."""
    import contextlib
    import io
    import traceback

    from cli.main import main

    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main(list(args))
            except SystemExit as e:  # argparse's --help and usage errors, as sys.exit does them
                if isinstance(e.code, str):
                    print(e.code, file=sys.stderr)
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except Exception:  # what the interpreter prints for an uncaught exception, and its exit code
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(before)
    stdout.flush()
    stderr.flush()
    output, errors = out.getvalue(), err.getvalue()
    command = [sys.executable, "-m", "model", *args]
    if text:  # as subprocess.run(text=True) reads a pipe: universal new lines
        output, errors = (b.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n") for b in (output, errors))
    return subprocess.CompletedProcess(command, code, output, errors)
