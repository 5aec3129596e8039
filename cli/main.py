"""The command line: ``python -m model project|parameters|uncertainty|sensitivity|goal-seek|backtest|brief|workbook``.

This module holds ``project`` and ``parameters`` and builds the parser from every subcommand module;
the plumbing they share (``--scenario``, ``--set``, ``--out``) is in ``cli.plumbing``.

Bad input gets one line on stderr naming the problem and what is allowed, exit status 2, and no
output file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from cli import analysis, brief
from cli.plumbing import (
    EXIT_USAGE,
    Parser,
    UsageError,
    added_history,
    output_options,
    scenario_options,
    scenarios,
    write,
)
from model.history import added_figures
from model.parameters import ScenarioError, fmt_number, load_parameters
from model.printable import control_chars
from model.projection import project
from model.results import compute_results
from report.csv_export import frame_to_csv, result_json, write_csv_rows
from report.problems import say_all
from report.scenario_exports import long_csv, results_json

Handler = Callable[[argparse.Namespace], "int | None"]


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The parser of every subcommand, and {command name: handler}."""
    parser = Parser(prog="python -m model", description="Dezhou industrial what-if model (docs/model.md).")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    p = sub.add_parser("project", help="print or write the result table, one row a year")
    scenario_options(p)
    output_options(p)

    q = sub.add_parser("parameters", help="list every parameter with unit, default, range and provenance")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")

    commands: dict[str, Handler] = {"project": _cmd_project, "parameters": _cmd_parameters}
    commands.update(analysis.add_parsers(sub))
    commands.update(brief.add_parsers(sub))
    return parser, commands


def _cmd_project(args: argparse.Namespace) -> None:
    found = scenarios(args)
    if len(found) > 1:  # a many-scenario file: the long table (scenario, year, …)
        results = compute_results(found)
        # the file for programs: the columns by their keys, in no language
        write(long_csv(results, None) if args.format == "csv" else results_json(results), args.out)
        return
    named = found[0]
    frame = project(named.scenario)
    # the keys as header (lang None): the command line writes files for programs, in no language
    data = frame_to_csv(frame, lang=None) if args.format == "csv" else result_json(frame, named.scenario, named.name)
    write(data, args.out)


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


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser, commands = build_parser()
        args = parser.parse_args(argv)
        # --history FILE: checked before anything is computed or written; its figures join the data's
        with added_figures(added_history(args)):
            code = commands[args.command](args)
    except ScenarioError as e:  # said by the page's own renderer, in English
        print(f"error: {control_chars(say_all(e.problems, 'en'))}", file=sys.stderr)  # one line, escaped
        return EXIT_USAGE
    except UsageError as e:
        print(f"error: {control_chars(e)}", file=sys.stderr)  # one line: no raw escape codes or new lines
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    return code or 0
