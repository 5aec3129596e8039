"""Command-line subcommand ``brief``: a PowerPoint deck (16:9) of a scenario, or of several compared
(model version 2: value added against the article's plan, what the levers change, investment, targets
and the gap to each, the backtest, economy assumptions and policy levers apart with their sources).

    python -m model brief --out brief.pptx
    python -m model brief --scenario data/presets/03-ic-chain-pushed.json --lang en --out brief.pptx
    python -m model brief --scenario many.json --out compare.pptx     # {"version": 1, "scenarios": [...]}

``model.cli`` imports this module to build its parser, so its helpers (``_overrides``, ``_write``,
``UsageError``) are imported inside the handler. So is the deck builder (``ui.brief``: charts and
python-pptx, no streamlit), which only this command needs.

Bad input raises ScenarioError or model.cli.UsageError, which ``model.cli.main`` prints as one line on
stderr with exit status 2; no file is written then.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path

from model.parameters import default_scenario
from model.printable import control_chars
from model.scenario_file import NamedScenario, read_scenario_file


def add_parsers(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], None]]:
    """Add ``brief`` to ``sub``; return {command name: handler}."""
    b = sub.add_parser(
        "brief",
        help="write a meeting deck (.pptx, 16:9): headline figures, value added against the article's plan, "
        "what the levers change, investment, targets, backtest, economy assumptions and policy levers, sources",
    )
    b.add_argument("--scenario", metavar="FILE.json", help="scenario file; one with several scenarios compares them")
    b.add_argument("--set", metavar="KEY=VALUE", action="append", default=[], help="override one parameter")
    b.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the deck (default zh)")
    b.add_argument("--out", metavar="FILE.pptx", required=True, help="the deck to write")
    return {"brief": _cmd_brief}


def _cmd_brief(args: argparse.Namespace) -> None:
    from model.cli import UsageError, _write, out_target

    # Checked before the slow part; _write checks again when it writes.
    if Path(args.out).suffix.lower() != ".pptx" or args.out.endswith("/"):
        raise UsageError(f"--out {control_chars(args.out)}: give a file name ending in .pptx")
    out_target(args.out)
    found = _scenarios_with_names(args)

    from ui.brief import build_deck

    _write(build_deck(found, args.lang), args.out)


def _scenarios_with_names(args: argparse.Namespace) -> list[NamedScenario]:
    """As ``model.cli._scenarios``, keeping each scenario's English name (the deck shows it in
    English); its descriptions too, unless --set changed the scenario they describe."""
    from model.cli import _overrides

    found = read_scenario_file(args.scenario) if args.scenario is not None else [NamedScenario("", default_scenario())]
    overrides = _overrides(args.set)
    out = []
    for item in found:
        item = dataclasses.replace(item, scenario=item.scenario.replace(overrides, text=True))
        if overrides:  # the descriptions told of the scenario before --set changed it
            item = dataclasses.replace(item, description_zh="", description_en="")
        out.append(item)
    return out
