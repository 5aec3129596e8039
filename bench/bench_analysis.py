"""Time the Monte Carlo run against starting a Python that imports numpy and pandas.

Run from the repository root: ``python3 bench/bench_analysis.py [--draws 100000] [--repeat 7]``.
The target (issue 5): 100,000 draws to 2035 take less time than that start-up.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.analysis import monte_carlo, sensitivity
from model.parameters import default_scenario


def _median_seconds(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    scenario = default_scenario().replace({"horizon_end": 2035})
    monte_carlo(scenario, draws=1000)  # load the data files once, as a running page would have
    mc = _median_seconds(lambda: monte_carlo(scenario, draws=args.draws, seed=1), args.repeat)
    tornado = _median_seconds(lambda: sensitivity(scenario), args.repeat)
    startup = _median_seconds(
        lambda: subprocess.run([sys.executable, "-c", "import numpy, pandas"], check=True), args.repeat
    )
    print(f"monte_carlo, {args.draws:,} draws to 2035: {mc * 1000:7.1f} ms (median of {args.repeat})")
    print(f"sensitivity, to 2035:                {tornado * 1000:7.1f} ms")
    print(f"python -c 'import numpy, pandas':    {startup * 1000:7.1f} ms")
    print(f"ratio monte_carlo / start-up:        {mc / startup:7.2f}  (target: below 1)")


if __name__ == "__main__":
    main()
