"""What every subcommand shares, declared once: the parser that fails in one line, ``--scenario``,
``--set``, ``--format`` and ``--out``, reading the scenario(s) and writing the output.

Bad input raises ScenarioError or UsageError; ``cli.main.main`` prints either as one line on stderr
with exit status 2, before any output is written.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from model.history import Figure, read_history_file
from model.parameters import ScenarioError, default_scenario
from model.printable import control_chars
from model.problems import problem
from model.projection import effective_years
from model.scenario_file import NamedScenario, read_scenario_file
from report.problems import say

EXIT_USAGE = 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


def scenario_options(p: argparse.ArgumentParser, scenario_help: str = "scenario file to start from") -> None:
    """``--scenario FILE.json``, ``--set KEY=VALUE`` (repeatable) and ``--history FILE.csv``."""
    p.add_argument("--scenario", metavar="FILE.json", help=scenario_help)
    p.add_argument("--set", metavar="KEY=VALUE", action="append", default=[], help="override one parameter")
    history_option(p)


def history_option(p: argparse.ArgumentParser) -> None:
    """``--history FILE.csv``: official figures to add for this run (data/history.csv's columns)."""
    p.add_argument(
        "--history",
        metavar="FILE.csv",
        help="official figures to add for this run: a CSV with data/history.csv's columns (year, region, "
        "metric, value, period, publication, date, url, quote_zh, confidence); its rows join the data's and "
        "the model re-anchors on them",
    )


def added_history(args: argparse.Namespace) -> tuple[Figure, ...]:
    """The figures of ``--history FILE`` (none without it); ScenarioError naming the line and field of
    each bad row."""
    path = getattr(args, "history", None)
    if path is None:
        return ()
    regular_file("--history", path)
    return read_history_file(path).figures


def year_notes(named: NamedScenario) -> None:
    """A ``note:`` line on stderr for each year lever set before the first projected year (other than
    the plan's value): the model takes it as that year (the past is fixed)."""
    for key, (asked, used) in effective_years(named.scenario).items():
        found = problem("year_taken_as_p", key=key, value=asked, year=used)
        print(f"note: {control_chars(named.name or 'scenario')}: {control_chars(say(found, 'en'))}", file=sys.stderr)


def output_options(p: argparse.ArgumentParser) -> None:
    """``--format csv|json`` and ``--out PATH`` (standard output without it)."""
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", metavar="PATH", help="write here instead of standard output")


def overrides(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ScenarioError([problem("bad_set", given=pair)])
        out[key.strip()] = value
    return out


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def regular_file(option: str, path: str | os.PathLike[str]) -> None:
    """UsageError if ``path`` (through symbolic links) is a named pipe, a device, a socket or any
    other file that is not a regular file: refused before it is opened, so that a pipe with no
    writer cannot hang the command and ``--out /dev/null`` cannot replace the device. A path that
    does not exist, a folder, or one that cannot be looked at is left to the reader or the writer,
    which say so. Any path option calls it (``--scenario``, ``--out``, ``--history``)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):  # missing, not allowed, or a name no file can have: said elsewhere
        return
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise UsageError(f"{option} {control_chars(os.fspath(path))}: is {kind}, not a regular file; give a file")


def scenarios(args: argparse.Namespace) -> list[NamedScenario]:
    """The scenario(s) to run: the defaults, or every one in --scenario, each with its name; --set
    applies to each (and drops the descriptions, which told of the scenario before it)."""
    if args.scenario is not None:
        regular_file("--scenario", args.scenario)
    found = read_scenario_file(args.scenario) if args.scenario is not None else [NamedScenario("", default_scenario())]
    changes = overrides(args.set)
    for named in found:  # a version 1 file: say what changed, on stderr, so the output stays clean
        for notice in named.notices:
            where = control_chars(named.name or args.scenario)
            print(f"note: {where}: {control_chars(say(notice.problem(), 'en'))}", file=sys.stderr)
    out = [dataclasses.replace(n, scenario=n.scenario.replace(changes, text=True)) for n in found]
    if changes:  # the descriptions told of the scenarios before --set changed them
        out = [dataclasses.replace(n, description_zh="", description_en="") for n in out]
    for named in out:
        year_notes(named)
    return out


def one_scenario(args: argparse.Namespace) -> NamedScenario:
    """The one scenario to run (for commands that take one)."""
    found = scenarios(args)
    if len(found) != 1:
        raise ScenarioError([problem("holds_many", count=len(found)).at("file", args.scenario)])
    return found[0]


def out_target(out: str) -> Path:
    """The file that ``--out out`` writes: through a symbolic link, the file it points to.

    Raises UsageError for an empty path, a folder (``dir/`` included), a missing folder, an
    existing file that may not be written, or a name no file can have."""
    shown = control_chars(out)
    if out == "":
        raise UsageError("--out: the path is empty; give a file name")
    if out.endswith(("/", os.sep)):
        raise UsageError(f"--out {shown}: ends with '/', so it names a folder; give a file name")
    try:
        target = Path(os.path.realpath(out))
        if target.is_dir():
            raise UsageError(f"--out {shown}: is a folder; give a file name")
        if not target.parent.is_dir():
            raise UsageError(f"--out {shown}: folder {control_chars(target.parent)} does not exist")
        regular_file("--out", target)
        if target.exists() and not os.access(target, os.W_OK):
            raise UsageError(f"--out {shown}: cannot write (permission denied)")
    except ValueError:  # a NUL byte, or a lone surrogate that no file name can hold
        raise UsageError(f"--out {shown}: not a valid file name") from None
    return target


def write(data: bytes, out: str | None) -> None:
    """``data`` to standard output, or to ``--out``: written beside the file, then renamed over it,
    so that a reader never sees half a file; an existing file keeps its permissions, and a
    symbolic link keeps pointing to the file, which gets the new content."""
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = out_target(out)
    tmp: str | None = None
    try:
        if target.exists():
            mode = stat.S_IMODE(target.stat().st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp makes it private; the output is an ordinary file
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            os.fchmod(f.fileno(), mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise UsageError(f"--out {control_chars(out)}: cannot write ({control_chars(e.strerror or e)})") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
