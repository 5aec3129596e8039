"""Command-line subcommands ``brief``, a PowerPoint deck (16:9) of a scenario, or of several compared
(model version 3: value added against the article's plan, what the levers change, investment, targets
and the gap to each, the backtest, economy assumptions and policy levers apart with their sources).

    python3 -m model brief --out out/brief.pptx
    python3 -m model brief --scenario data/presets/03-ic-chain-pushed.json --lang en --out out/brief.pptx
    python3 -m model brief --scenario my-scenarios.json --out out/compare.pptx   # a file with several scenarios
    python3 -m model brief --lang en --updown red --out out/brief.pptx           # rises in red in an English deck

and ``workbook``, the Excel workbook the page's comparison downloads (one scenario, or several compared):

    python3 -m model workbook --scenario my-scenarios.json --lang en --out out/scenarios.xlsx

The shared options and helpers come from ``cli.plumbing``. The deck builder (``report.brief``: charts
and python-pptx, no streamlit) is imported inside the handler: only this command needs it.

Bad input raises ScenarioError or cli.plumbing.UsageError, which ``cli.main.main`` prints as one line on
stderr with exit status 2; no file is written then.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli.plumbing import UsageError, out_target, scenario_options, scenarios, write
from model.lang import LANGS
from model.printable import control_chars


def add_parsers(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], None]]:
    """Add ``brief`` to ``sub``; return {command name: handler}."""
    b = sub.add_parser(
        "brief",
        help="write a meeting deck (.pptx, 16:9): headline figures, value added against the announced plan, "
        "what the levers change, investment, targets, backtest, economy assumptions and policy levers, sources",
    )
    scenario_options(b, "scenario file; one with several scenarios compares them")
    b.add_argument("--lang", choices=LANGS, default="zh", help="language of the deck (default zh)")
    b.add_argument(
        "--updown",
        choices=("auto", "red", "green"),
        default="auto",
        help="colour of a rise: red (the Chinese convention), green, or auto: red in zh, green in en (default)",
    )
    b.add_argument("--out", metavar="FILE.pptx", required=True, help="the deck to write")
    w = sub.add_parser(
        "workbook",
        help="write an Excel workbook (.xlsx): results, parameters, projects, targets, official figures, backtest, "
        "data dictionary, sources; printable (A4 landscape at 100 %%, headers repeated on every page)",
    )
    scenario_options(w, "scenario file; one with several scenarios gives a comparison workbook")
    w.add_argument("--lang", choices=LANGS, default="zh", help="language of the workbook (default zh)")
    w.add_argument("--out", metavar="FILE.xlsx", required=True, help="the workbook to write")
    return {"brief": _cmd_brief, "workbook": _cmd_workbook}


def _cmd_brief(args: argparse.Namespace) -> None:
    # Checked before the slow part; _write checks again when it writes.
    if Path(args.out).suffix.lower() != ".pptx" or args.out.endswith("/"):
        raise UsageError(f"--out {control_chars(args.out)}: give a file name ending in .pptx")
    out_target(args.out)
    found = scenarios(args)

    from model.results import compute_results
    from report.brief import build_deck
    from report.charts import red_for_up

    write(build_deck(compute_results(found), args.lang, red_up=red_for_up(args.lang, args.updown)), args.out)


def _cmd_workbook(args: argparse.Namespace) -> None:
    if Path(args.out).suffix.lower() != ".xlsx" or args.out.endswith("/"):
        raise UsageError(f"--out {control_chars(args.out)}: give a file name ending in .xlsx")
    out_target(args.out)
    found = scenarios(args)

    import dataclasses

    from model.parameters import default_scenario
    from model.results import compute_results
    from report.scenario_exports import workbook_xlsx
    from report.sheets import BASELINE_NAME

    # The defaults, unnamed (no --scenario): the baseline scenario, named in the workbook's language.
    found = [
        dataclasses.replace(item, name=BASELINE_NAME[args.lang])
        if not item.name.strip() and item.scenario == default_scenario()
        else item
        for item in found
    ]
    write(workbook_xlsx(compute_results(found), args.lang), args.out)
