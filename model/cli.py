"""The command line: ``python -m model project|parameters``.

Bad input gets one line on stderr naming the problem and what is allowed, exit status 2, and no
output file.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from model import analysis_cli, brief_cli
from model.exchange import long_csv, results_json
from model.export import frame_to_csv, result_json, write_csv_rows
from model.parameters import ScenarioError, default_scenario, fmt_number, load_parameters
from model.printable import control_chars
from model.projection import project
from model.scenario_file import NamedScenario, read_scenario_file

EXIT_USAGE = 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m model", description="Dezhou industrial what-if model (MODEL.md).")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("project", help="print or write the result table, one row a year")
    p.add_argument("--scenario", metavar="FILE.json", help="scenario file to start from")
    p.add_argument("--set", metavar="KEY=VALUE", action="append", default=[], help="override one parameter")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", metavar="PATH", help="write here instead of standard output")

    q = sub.add_parser("parameters", help="list every parameter with unit, default, range and provenance")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")

    COMMANDS.update(analysis_cli.add_parsers(sub))
    COMMANDS.update(brief_cli.add_parsers(sub))
    return parser


def _overrides(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ScenarioError([f"--set {pair!r} is not KEY=VALUE (for example --set growth_start=9.5)"])
        out[key.strip()] = value
    return out


def _scenarios(args: argparse.Namespace) -> list[NamedScenario]:
    """The scenario(s) to run: the defaults, or every one in --scenario; --set applies to each."""
    found = read_scenario_file(args.scenario) if args.scenario is not None else [NamedScenario("", default_scenario())]
    overrides = _overrides(args.set)
    for named in found:  # a version 1 file: say what changed, on stderr, so the output stays clean
        for notice in named.notices:
            where = control_chars(named.name or args.scenario)
            print(f"note: {where}: {notice.text('en')}", file=sys.stderr)
    return [dataclasses.replace(n, scenario=n.scenario.replace(overrides, text=True)) for n in found]


def _scenario(args: argparse.Namespace) -> NamedScenario:
    """The one scenario to run (for commands that take one)."""
    found = _scenarios(args)
    if len(found) != 1:
        raise ScenarioError([f"{control_chars(args.scenario)}: holds {len(found)} scenarios; this command takes one"])
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
        if target.exists() and not os.access(target, os.W_OK):
            raise UsageError(f"--out {shown}: cannot write (permission denied)")
    except ValueError:  # a NUL byte, or a lone surrogate that no file name can hold
        raise UsageError(f"--out {shown}: not a valid file name") from None
    return target


def _write(data: bytes, out: str | None) -> None:
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


def _cmd_project(args: argparse.Namespace) -> None:
    found = _scenarios(args)
    if len(found) > 1:  # a many-scenario file: the long table (scenario, year, …)
        _write(long_csv(found) if args.format == "csv" else results_json(found), args.out)
        return
    named = found[0]
    frame = project(named.scenario)
    data = frame_to_csv(frame) if args.format == "csv" else result_json(frame, named.scenario, named.name)
    _write(data, args.out)


ROLE_TITLES = {"lever": "Policy levers", "economy": "Assumptions about the economy", "choice": "Choices"}


def _cmd_parameters(args: argparse.Namespace) -> None:
    specs = sorted(load_parameters().values(), key=lambda s: list(ROLE_TITLES).index(s.role))
    rows = [
        {
            "key": s.key,
            "role": s.role,
            "group": s.group,
            "unit": s.unit_en,
            "default": s.default,
            "min": s.min,
            "max": s.max,
            "provenance": s.provenance,
            "label_en": s.label_en,
            "label_zh": s.label_zh,
            "publication": s.publication,
            "date": s.date,
            "url": s.url,
            "source": s.source_zh,
            "why": s.why,
        }
        for s in specs
    ]
    if args.format == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        sys.stdout.write(text)
        return
    for r in rows:  # as typed in a file or a link: true/false, 2030, 8.4
        r["default"] = json.dumps(r["default"])
        r["min"], r["max"] = fmt_number(r["min"]), fmt_number(r["max"])
    if args.format == "csv":
        text = write_csv_rows(rows)
    else:
        lines: list[str] = []
        for role, title in ROLE_TITLES.items():
            lines += [
                "",
                f"{title}:",
                f"  {'key':<22} {'default':>8} {'range':<14} {'unit':<16} {'provenance':<10}  label",
            ]
            for r in (r for r in rows if r["role"] == role):
                span = f"{r['min']}–{r['max']}" if r["min"] != "" else "true/false"
                lines.append(
                    f"  {r['key']:<22} {r['default']:>8} {span:<14} {r['unit'] or '-':<16} {r['provenance']:<10}  "
                    f"{r['label_en']}"
                )
        text = "\n".join(lines[1:]) + "\n"
    sys.stdout.write(text)


COMMANDS = {"project": _cmd_project, "parameters": _cmd_parameters}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _build_parser().parse_args(argv)
        code = COMMANDS[args.command](args)
    except (ScenarioError, UsageError) as e:
        print(f"error: {control_chars(e)}", file=sys.stderr)  # one line: no raw escape codes or new lines
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    return code or 0
