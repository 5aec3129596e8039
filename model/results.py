"""Every figure the renderers (``report/``) show, computed here once: the page and the command line
call :func:`compute_results` and hand the result to a deck, a workbook or a CSV, which only format it.

For each scenario: its result table, the article's plan for it (every lever at its default), its
headline figures, the article's defaults run to the same last year (what a change is measured
against), the gap to every target, and, when a Monte Carlo fan was drawn for it, the fan and the odds
of its targets. For them all: the article's defaults run to the last year of any of them, and the
backtest. Nothing here formats or draws.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

import pandas as pd

from model.analysis import target_probabilities
from model.backtest import backtest
from model.history import History, load_history
from model.lang import LANGS, Lang
from model.parameters import Scenario, default_scenario
from model.projection import headline, plan_of, project
from model.scenario_file import NamedScenario
from model.targets import Checked, checked_gaps, targets_for

Projection = Callable[[Scenario, History], pd.DataFrame]  # the page passes its cached one


@dataclasses.dataclass(frozen=True)
class Fan:
    """A Monte Carlo fan computed for a scenario (model.analysis.monte_carlo): its percentiles, and
    the draws and seed that made them."""

    percentiles: pd.DataFrame
    draws: int
    seed: int


@dataclasses.dataclass(frozen=True, eq=False)
class ScenarioResult:
    """One scenario's figures (see the module's text)."""

    item: NamedScenario
    frame: pd.DataFrame  # its result table
    plan: pd.DataFrame  # the result table of the article's plan for it (model.projection.plan_of)
    headline: Mapping[str, float]  # model.projection.headline of ``frame``
    defaults: Mapping[str, float]  # the headline of the article's defaults run to the same last year
    against: Mapping[str, float] | None  # the headline of the ``baseline`` asked for, to the same last year
    gaps: tuple[Checked, ...]  # (achieved, gap) of each official target, then of each of its own
    fan: Fan | None = None  # its uncertainty fan, when one was drawn
    # with a fan: model.analysis.target_probabilities of its targets, labelled in each language
    odds: Mapping[Lang, pd.DataFrame] | None = None

    @property
    def name(self) -> str:
        return self.item.name

    @property
    def scenario(self) -> Scenario:
        return self.item.scenario

    def renamed(self, name: str) -> ScenarioResult:
        """The same figures under another name (a deck or workbook shows the baseline in its language)."""
        return dataclasses.replace(self, item=dataclasses.replace(self.item, name=name))


@dataclasses.dataclass(frozen=True, eq=False)
class Results:
    """The figures of several scenarios, computed with the official figures ``history``."""

    scenarios: tuple[ScenarioResult, ...]
    history: History
    defaults_frame: pd.DataFrame | None  # the article's defaults to the last year of any scenario (None: none)
    backtest: Mapping[Lang, pd.DataFrame]  # model.backtest.backtest with ``history``, publications in each language

    @property
    def items(self) -> list[NamedScenario]:
        return [r.item for r in self.scenarios]

    def renamed(self, names: Sequence[str]) -> Results:
        """The same figures, each scenario under the name given for it."""
        renamed = tuple(r.renamed(n) for r, n in zip(self.scenarios, names, strict=True))
        return dataclasses.replace(self, scenarios=renamed)


def _project(scenario: Scenario, history: History | None) -> pd.DataFrame:
    return project(scenario, history=history)


def compute_results(
    items: Sequence[NamedScenario],
    *,
    history: History | None = None,
    fans: Sequence[Fan | None] = (),
    baseline: Scenario | NamedScenario | None = None,
    projection: Projection | None = None,
) -> Results:
    """Every figure a deck, a workbook or a CSV of ``items`` shows, with the official figures
    ``history`` (the data's when None). ``fans`` (one per item, or fewer; None where none was drawn)
    adds each scenario's fan and the odds of its targets (drawn again with the fan's draws and seed);
    ``baseline`` adds ``against`` to each scenario; ``projection(scenario, history)`` computes a result
    table (``model.projection.project`` unless the page gives its cached one)."""
    if isinstance(baseline, NamedScenario):
        baseline = baseline.scenario
    if projection is not None and history is None:
        history = load_history()
    # The model's own projection takes history None as the data's figures (model.projection.load_history).
    run = projection or _project
    heads: dict[int, Mapping[str, float]] = {}
    against: dict[int, Mapping[str, float]] = {}

    def at_year(scenario: Scenario, year: int, memo: dict[int, Mapping[str, float]]) -> Mapping[str, float]:
        if year not in memo:
            memo[year] = headline(run(scenario.replace({"horizon_end": year}), history))
        return memo[year]

    defaults = default_scenario()
    fans = [*fans, *[None] * (len(items) - len(fans))]
    out = []
    for item, fan in zip(items, fans[: len(items)], strict=True):
        frame = run(item.scenario, history)
        head = headline(frame)
        year = int(head["final_year"])
        odds = None
        if fan is not None:
            odds = _odds(item.scenario, fan, history)
        out.append(
            ScenarioResult(
                item=item,
                frame=frame,
                plan=run(plan_of(item.scenario), history),
                headline=head,
                defaults=at_year(defaults, year, heads),
                against=None if baseline is None else at_year(baseline, year, against),
                gaps=checked_gaps(frame, item.scenario.targets),
                fan=fan,
                odds=odds,
            )
        )
    last = max((int(r.frame["year"].iloc[-1]) for r in out), default=None)
    return Results(
        scenarios=tuple(out),
        history=history if history is not None else load_history(),
        defaults_frame=None if last is None else run(defaults.replace({"horizon_end": last}), history),
        backtest={lang: backtest(history, lang=lang) for lang in LANGS},
    )


def _odds(scenario: Scenario, fan: Fan, history: History | None) -> dict[Lang, pd.DataFrame]:
    """The odds of each target the fan can measure (model.targets.targets_for), drawn once, with the
    targets' labels in each language (the rows are the targets in the same order)."""
    targets = {lang: targets_for(scenario.targets, scenario.horizon_end, lang) for lang in LANGS}
    table = target_probabilities(scenario, targets["zh"], draws=fan.draws, seed=fan.seed, history=history)
    return {lang: table.assign(label=[x.label for x in targets[lang]]) for lang in LANGS}
