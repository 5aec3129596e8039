"""Command-line subcommands of the analysis tools: ``uncertainty``, ``sensitivity``, ``goal-seek``,
``backtest``.

The shared options and helpers come from ``cli.plumbing``.

Bad input raises ScenarioError or cli.plumbing.UsageError, which ``cli.main.main`` prints as one line
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

from cli.plumbing import history_option, one_scenario, output_options, scenario_options, write
from model.analysis import (
    MAX_DRAWS,
    METRICS,
    goal_seek,
    monte_carlo,
    sensitivity,
    target_probabilities,
    vary_problem,
)
from model.backtest import backtest
from model.parameters import BASE_YEAR, ScenarioError, Target, is_decimal, parse_target
from model.problems import located, problem
from model.targets import targets_for
from report.csv_export import frame_to_csv
from report.problems import say

EXIT_UNREACHED = 1


def whole_number(text: str) -> int:
    """A number written in ASCII (``1000``, ``1e3``, ``1000.0``) whose value is whole; ValueError
    otherwise (``int`` would take '８', '1_0' and refuse '1e3', which the README calls a number)."""
    raw = text.strip(" ")
    if not is_decimal(raw):
        raise ValueError(f"{text!r} is not a whole number")
    if raw.lstrip("+-").isdigit():
        return int(raw)  # exact; ValueError past 4,300 digits (argparse: "invalid whole number value")
    value = float(raw)
    if not (math.isfinite(value) and value.is_integer()):
        raise ValueError(f"{text!r} is not a whole number")
    return int(value)


def number(text: str) -> float:
    """A number written in ASCII (``3000``, ``8.5``, ``1e3``); 'nan' and 'inf' are taken, for the
    finite check to name them. ValueError otherwise (``float`` would take '８', '٨', '1_0')."""
    raw = text.strip(" ")
    if not (is_decimal(raw) or raw.lower().lstrip("+-") in ("nan", "inf", "infinity")):
        raise ValueError(f"{text!r} is not a number")
    return float(raw)


whole_number.__name__ = "whole number"  # argparse says "invalid whole number value: '８'"


def add_parsers(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], None]]:
    """Add this module's subcommands to ``sub``; return {command name: handler}."""
    u = sub.add_parser(
        "uncertainty", help="Monte Carlo percentiles (p5–p95) of value added (or revenue), one row a year"
    )
    u.add_argument("--draws", type=whole_number, default=10_000, help=f"number of draws, 1 to {MAX_DRAWS:,}")
    u.add_argument("--seed", type=whole_number, default=0, help="random seed (0 or more); same seed, same output")
    metric_option(u, "what the percentiles are of")
    u.add_argument(
        "--target",
        metavar="SPEC",
        action="append",
        default=[],
        help="a target: level:2030=3000 (value added, 亿元), revenue:2026=6000 (operating revenue, 亿元), "
        "growth_year:2026=7 or growth_avg:2025-2030=7.5 (growth of value added, %%); with any --target "
        "the output is the probability of reaching each target (the official ones, the scenario's own "
        "and these) instead of the percentiles",
    )
    scenario_options(u)
    output_options(u)

    s = sub.add_parser(
        "sensitivity", help="tornado table: final-year value added (or revenue) at each end of each range"
    )
    metric_option(s, "what the final-year value is of (base_revenue and revenue_drift only for revenue)")
    scenario_options(s)
    output_options(s)

    g = sub.add_parser("goal-seek", help="find the value of one parameter that meets a value-added target")
    g.add_argument("--vary", metavar="KEY", required=True, help="the parameter to vary")
    g.add_argument("--target-year", metavar="YEAR", type=whole_number, required=True, help="2024 to horizon_end")
    target = g.add_mutually_exclusive_group(required=True)
    target.add_argument("--target-va", metavar="X", type=number, help="value added in the target year (亿元)")
    target.add_argument("--target-growth", metavar="G", type=number, help="average yearly growth from 2023 (%%)")
    scenario_options(g)

    b = sub.add_parser(
        "backtest",
        help="the article's projection against each published year's official figure and, marked apart "
        "(status estimated), each estimated year's cumulative figure",
    )
    output_options(b)
    history_option(b)

    return {
        "uncertainty": _cmd_uncertainty,
        "sensitivity": _cmd_sensitivity,
        "goal-seek": _cmd_goal_seek,
        "backtest": _cmd_backtest,
    }


def metric_option(p: argparse.ArgumentParser, what: str) -> None:
    """``--metric va_total|revenue`` (value added by default)."""
    p.add_argument(
        "--metric",
        choices=METRICS,
        default="va_total",
        help=f"{what}: va_total (value added, the default) or revenue (operating revenue), 亿元",
    )


def parse_target_spec(spec: str) -> Target:
    """``level:2030=3000``, ``revenue:2026=6000``, ``growth_year:2026=7`` or ``growth_avg:2025-2030=7.5``
    → a Target."""
    metric, sep1, rest = spec.partition(":")
    years, sep2, value = rest.partition("=")
    first, dash, last = years.partition("-")
    try:
        if not (sep1 and sep2) or (dash and metric != "growth_avg"):
            raise ValueError
        year = whole_number(last if dash else first)
        doc = {"label": spec, "metric": metric, "year": year, "value": number(value)}
        if dash:
            doc["from_year"] = whole_number(first)
    except ValueError:
        raise ScenarioError([problem("bad_target_spec", given=spec)]) from None
    try:
        return parse_target(doc)
    except ScenarioError as e:
        raise ScenarioError(located(e.problems, "option", f"--target {spec}")) from None


def _json_bytes(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _cmd_uncertainty(args: argparse.Namespace) -> None:

    if not 1 <= args.draws <= MAX_DRAWS:
        raise ScenarioError([problem("out_of_range", key="--draws", value=args.draws, lo=1, hi=MAX_DRAWS, whole=True)])
    if args.seed < 0:
        raise ScenarioError([problem("out_of_range", key="--seed", value=args.seed, lo=0, hi=None, whole=True)])
    given = [parse_target_spec(spec) for spec in args.target]
    named = one_scenario(args)
    scenario = named.scenario
    frame = monte_carlo(scenario, draws=args.draws, seed=args.seed, metric=args.metric)
    targets = [*targets_for(scenario.targets, scenario.horizon_end, "en"), *given] if given else []
    for t in given:
        if t.year > scenario.horizon_end:
            found = problem("target_after_horizon", year=t.year, horizon=scenario.horizon_end)
            raise ScenarioError([found.at("option", f"--target {t.label}")])
    odds = target_probabilities(scenario, targets, draws=args.draws, seed=args.seed) if targets else None
    if args.format == "csv":
        data = frame_to_csv(odds if odds is not None else frame, lang=None)  # keys: a file for programs
    else:
        doc = {
            "name": named.name,
            **scenario.to_doc(),
            "draws": args.draws,
            "seed": args.seed,
            "metric": args.metric,
            "percentiles": frame.to_dict(orient="records"),
        }
        if odds is not None:
            doc["targets"] = odds.to_dict(orient="records")
        data = _json_bytes(doc)
    write(data, args.out)


def _cmd_backtest(args: argparse.Namespace) -> None:

    frame = backtest(lang="zh")  # no --lang here: the publication as the table always named it, in Chinese
    if args.format == "csv":
        data = frame_to_csv(frame, lang=None)  # keys: a file for programs
    else:
        data = _json_bytes({"scenario": "article defaults, use_observed off", "rows": frame.to_dict(orient="records")})
    write(data, args.out)


def _cmd_sensitivity(args: argparse.Namespace) -> None:

    named = one_scenario(args)
    frame = sensitivity(named.scenario, metric=args.metric)
    if args.format == "csv":
        data = frame_to_csv(frame, lang=None)  # keys: a file for programs
    else:
        doc = {
            "name": named.name,
            **named.scenario.to_doc(),
            "metric": args.metric,
            "final_year": named.scenario.horizon_end,
            "rows": frame.to_dict(orient="records"),
        }
        data = _json_bytes(doc)
    write(data, args.out)


def _cmd_goal_seek(args: argparse.Namespace) -> int:

    for flag, value, lo in (("--target-va", args.target_va, 0), ("--target-growth", args.target_growth, -100)):
        if value is not None and not (math.isfinite(value) and value > lo):
            raise ScenarioError([problem("not_above", key=flag, value=value, lo=lo)])
    cannot = vary_problem(args.vary)
    if cannot:
        raise ScenarioError([cannot.at("option", "--vary")])
    named = one_scenario(args)
    horizon = named.scenario.horizon_end
    if not BASE_YEAR < args.target_year <= horizon:
        years = {"value": args.target_year, "lo": BASE_YEAR + 1, "hi": horizon, "whole": True}
        raise ScenarioError([problem("out_of_range", key="--target-year", **years)])
    result = goal_seek(
        named.scenario,
        args.vary,
        args.target_year,
        target_va=args.target_va,
        target_growth=args.target_growth,
    )
    # First line re-usable as --set KEY=VALUE (full precision); second line the sentence, said as
    # the page says it (report.problems).
    sys.stdout.write(f"{args.vary}={result.value!r}\n{say(result.outcome(), 'en')}\n")
    sys.stdout.flush()
    return 0 if result.reached else EXIT_UNREACHED
