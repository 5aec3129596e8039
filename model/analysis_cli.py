"""Command-line subcommands of the analysis tools: ``uncertainty``, ``sensitivity``, ``goal-seek``.

``model.cli`` imports this module to build its parser, so the helpers of ``model.cli``
(``_scenario``, ``_write``) are imported inside the handlers, when both modules are loaded.

Bad input raises ScenarioError or model.cli.UsageError, which ``model.cli.main`` prints as one line
on stderr with exit status 2, before any output is written. ``goal-seek`` exits 0 when the target is
reached and 1 when it is not (it still prints the closest value and what it gives).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from typing import Any

from model.analysis import MAX_DRAWS, goal_seek, monte_carlo, sensitivity, vary_problem
from model.export import frame_to_csv
from model.parameters import BASE_YEAR, ScenarioError

EXIT_UNREACHED = 1


def _scenario_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", metavar="FILE.json", help="scenario file to start from")
    p.add_argument("--set", metavar="KEY=VALUE", action="append", default=[], help="override one parameter")


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", metavar="PATH", help="write here instead of standard output")


def add_parsers(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], None]]:
    """Add this module's subcommands to ``sub``; return {command name: handler}."""
    u = sub.add_parser("uncertainty", help="Monte Carlo percentiles (p5–p95) of value added, one row a year")
    u.add_argument("--draws", type=int, default=10_000, help=f"number of draws, 1 to {MAX_DRAWS:,}")
    u.add_argument("--seed", type=int, default=0, help="random seed (0 or more); same seed, same output")
    _scenario_options(u)
    _output_options(u)

    s = sub.add_parser("sensitivity", help="tornado table: final-year value added at each end of each range")
    _scenario_options(s)
    _output_options(s)

    g = sub.add_parser("goal-seek", help="find the value of one parameter that meets a value-added target")
    g.add_argument("--vary", metavar="KEY", required=True, help="the parameter to vary")
    g.add_argument("--target-year", metavar="YEAR", type=int, required=True, help="2024 to horizon_end")
    target = g.add_mutually_exclusive_group(required=True)
    target.add_argument("--target-va", metavar="X", type=float, help="value added in the target year (亿元)")
    target.add_argument("--target-growth", metavar="G", type=float, help="average yearly growth from 2023 (%%)")
    _scenario_options(g)

    return {"uncertainty": _cmd_uncertainty, "sensitivity": _cmd_sensitivity, "goal-seek": _cmd_goal_seek}


def _json_bytes(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _cmd_uncertainty(args: argparse.Namespace) -> None:
    from model.cli import _scenario, _write

    if not 1 <= args.draws <= MAX_DRAWS:
        raise ScenarioError([f"--draws {args.draws} is out of range; allowed: a whole number from 1 to {MAX_DRAWS:,}"])
    if args.seed < 0:
        raise ScenarioError([f"--seed {args.seed} is negative; allowed: a whole number, 0 or more"])
    named = _scenario(args)
    frame = monte_carlo(named.scenario, draws=args.draws, seed=args.seed)
    if args.format == "csv":
        data = frame_to_csv(frame)
    else:
        doc = {
            "name": named.name,
            **named.scenario.to_doc(),
            "draws": args.draws,
            "seed": args.seed,
            "percentiles": frame.to_dict(orient="records"),
        }
        data = _json_bytes(doc)
    _write(data, args.out)


def _cmd_sensitivity(args: argparse.Namespace) -> None:
    from model.cli import _scenario, _write

    named = _scenario(args)
    frame = sensitivity(named.scenario)
    if args.format == "csv":
        data = frame_to_csv(frame)
    else:
        doc = {
            "name": named.name,
            **named.scenario.to_doc(),
            "final_year": named.scenario.horizon_end,
            "rows": frame.to_dict(orient="records"),
        }
        data = _json_bytes(doc)
    _write(data, args.out)


def _cmd_goal_seek(args: argparse.Namespace) -> int:
    from model.cli import _scenario

    for flag, value in (("--target-va", args.target_va), ("--target-growth", args.target_growth)):
        if value is not None and not math.isfinite(value):
            raise ScenarioError([f"{flag} {value} is not a finite number"])
    problem = vary_problem(args.vary)
    if problem:
        raise ScenarioError([f"--vary {problem}"])
    named = _scenario(args)
    horizon = named.scenario.horizon_end
    if not BASE_YEAR < args.target_year <= horizon:
        raise ScenarioError(
            [
                f"--target-year {args.target_year} is outside the projection; "
                f"allowed: {BASE_YEAR + 1} to {horizon} (horizon_end)"
            ]
        )
    if args.target_va is not None and args.target_va <= 0:
        raise ScenarioError([f"--target-va {args.target_va:g} is not positive; allowed: a number above 0 (亿元)"])
    if args.target_growth is not None and args.target_growth <= -100:
        raise ScenarioError([f"--target-growth {args.target_growth:g}; allowed: a number above -100 (%)"])
    result = goal_seek(
        named.scenario,
        args.vary,
        args.target_year,
        target_va=args.target_va,
        target_growth=args.target_growth,
    )
    # First line re-usable as --set KEY=VALUE (full precision); second line the sentence.
    sys.stdout.write(f"{args.vary}={result.value!r}\n{result.message}\n")
    sys.stdout.flush()
    return 0 if result.reached else EXIT_UNREACHED
