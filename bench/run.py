"""Speed, memory and load of the page, against two floors: ``bench/floor_app.py`` and ``bench/controls_floor.py``.

Run from anywhere: ``python3 bench/run.py`` (about four minutes; ``--load-seconds 20`` for a quicker
run). Writes ``bench/RESULTS.md``: date, machine, ratios against the floor, and the raw numbers.

What is measured:
- slider → main area text: in Chromium, the time from a key press on the focused slider (a ``keydown``
  listener) to the moment the main area's text changes (a MutationObserver on ``stMain``); both
  timestamps are ``performance.now()`` inside the page, so no Python or Playwright time is counted.
  Each page opens at its defaults (the app with its first tab open). The page and both floors (one
  slider; the app's 22 controls and nothing else) are measured in the same run, in alternating
  blocks, after a short warm-up.
- cold start: ``streamlit run`` started → first Vega chart drawn (the floor: → metric drawn).
- one projection (``model.project``) and one AppTest rerun after a slider change.
- server memory: RSS (VmRSS of the server and its children) with 1 open session and with 10.
- load: N sessions (default 10) in one Chromium, each pressing a slider key as soon as its previous
  change is drawn, for ``--load-seconds``; errors counted, latency percentiles reported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from tests.browser.streamlit_server import (  # noqa: E402
    CHROMIUM_ARGS,
    VIEWPORT,
    chromium_path,
    free_port,
    start_streamlit,
    stop,
    wait_healthy,
)

BENCH = ROOT / "bench"
TARGET_C50, TARGET_C90, TARGET_LOAD = 1.15, 1.3, 1.5  # vs the controls floor (issue 12)
PRESS_TIMEOUT_MS = 15_000

# Installed before each key press: t0 at the keydown, t1 when the main area's text changes.
ARM = """() => {
  window.__t0 = null; window.__t1 = null;
  // The main area's text without any slider's own value label (the one-slider floor's slider is there).
  const text = () => {
    const main = document.querySelector('[data-testid="stMain"]');
    let t = main.textContent;
    for (const s of main.querySelectorAll('[data-testid="stSlider"]')) t = t.replace(s.textContent, '');
    return t;
  };
  const before = text();
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); },
                            {capture: true, once: true});
  if (window.__obs) window.__obs.disconnect();
  window.__obs = new MutationObserver(() => {
    if (text() !== before && window.__t1 === null) {
      window.__t1 = performance.now();
      window.__obs.disconnect();
    }
  });
  window.__obs.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""
DONE = "() => window.__t1 !== null && window.__t0 !== null"
LATENCY = "() => window.__t1 - window.__t0"
IDLE = """() => !document.querySelector('[data-stale="true"]')
              && !document.querySelector('[data-testid="stStatusWidget"]')"""


@dataclass
class Target:
    """A page to measure: the app or the floor."""

    name: str
    script: Path
    slider_key: str
    ready: str  # CSS selector that means "first useful thing drawn"
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen | None = None
    url: str = ""


# --- small helpers ------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), linear between the closest ranks."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def rss_kib(pid: int) -> int:
    """VmRSS of ``pid`` and all its descendants, in KiB (from /proc; psutil is not needed)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "loadavg": " / ".join(f"{x:.2f}" for x in os.getloadavg()),  # the machine may be shared
    }


def start(target: Target, logs: Path) -> float:
    """Start the target's server; return seconds from process start to healthy."""
    port = free_port()
    log = logs / f"{target.name}-{port}.log"
    t0 = time.perf_counter()
    target.proc = start_streamlit(target.script, port, log, env=target.env)
    target.url = f"http://127.0.0.1:{port}"
    wait_healthy(target.url, target.proc, log)
    return time.perf_counter() - t0


def stop_target(target: Target) -> None:
    if target.proc is not None:
        stop(target.proc)
        target.proc = None


def open_session(browser: Browser, target: Target, errors: list[str]) -> Page:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(f"{target.name} pageerror: {e}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"{target.name} console: {m.text}"))
    page.goto(target.url + "/")
    page.wait_for_selector(target.ready, state="visible", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.locator(f".st-key-{target.slider_key}").get_by_role("slider").focus()
    return page


def close_session(page: Page) -> None:
    page.context.close()


def press_once(page: Page, key: str) -> float:
    """One key press on the focused slider; milliseconds from keydown to the metric's change."""
    page.evaluate(ARM)
    page.keyboard.press(key)
    page.wait_for_function(DONE, timeout=PRESS_TIMEOUT_MS, polling="raf")
    latency = page.evaluate(LATENCY)
    page.wait_for_function(IDLE, timeout=PRESS_TIMEOUT_MS)
    page.wait_for_timeout(100)  # let the charts finish drawing before the next press
    return latency


def direction(n: int) -> str:
    """Right for 50 presses, then left for 50, …: the slider never sticks at an end."""
    return "ArrowRight" if (n // 50) % 2 == 0 else "ArrowLeft"


# --- the measurements ---------------------------------------------------------------------------


def measure_cold_start(browser: Browser, target: Target, logs: Path, runs: int) -> dict[str, list[float]]:
    """Process start → healthy, and → first chart (or metric) visible. Leaves the last server up."""
    healthy, drawn = [], []
    for n in range(runs):
        stop_target(target)
        t0 = time.perf_counter()
        healthy.append(start(target, logs))
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(target.url + "/")
        page.wait_for_selector(target.ready, state="visible", timeout=60_000)
        drawn.append(time.perf_counter() - t0)
        context.close()
        print(f"  cold start {target.name} #{n + 1}: {drawn[-1]:.2f} s", flush=True)
    return {"healthy_s": healthy, "drawn_s": drawn}


def measure_memory(browser: Browser, target: Target, sessions: int) -> dict[str, float]:
    errors: list[str] = []
    pages = [open_session(browser, target, errors)]
    press_once(pages[0], "ArrowRight")
    one = rss_kib(target.proc.pid)
    for _ in range(sessions - 1):
        page = open_session(browser, target, errors)
        press_once(page, "ArrowRight")
        pages.append(page)
    many = rss_kib(target.proc.pid)
    for page in pages:
        close_session(page)
    return {"rss_1_mib": one / 1024, f"rss_{sessions}_mib": many / 1024, "errors": len(errors)}


def measure_latency(browser: Browser, targets: list[Target], presses: int, block: int = 10) -> dict:
    """Alternating blocks of ``block`` presses per target, after 5 warm-up presses each."""
    errors: list[str] = []
    pages = {t.name: open_session(browser, t, errors) for t in targets}
    counts = dict.fromkeys(pages, 0)
    for name, page in pages.items():
        for _ in range(5):
            press_once(page, direction(counts[name]))
            counts[name] += 1
    samples: dict[str, list[float]] = {name: [] for name in pages}
    while any(len(s) < presses for s in samples.values()):
        for name, page in pages.items():
            for _ in range(min(block, presses - len(samples[name]))):
                samples[name].append(press_once(page, direction(counts[name])))
                counts[name] += 1
        print("  latency: " + ", ".join(f"{n} {len(s)}" for n, s in samples.items()), flush=True)
    for page in pages.values():
        close_session(page)
    return {"samples_ms": samples, "errors": errors}


def measure_load(browser: Browser, target: Target, sessions: int, seconds: float) -> dict:
    """``sessions`` users, each pressing again as soon as its last change is drawn and the run ended."""
    errors: list[str] = []
    pages = [open_session(browser, target, errors) for _ in range(sessions)]
    state = ["idle"] * sessions
    sent_at = [0.0] * sessions
    counts = [0] * sessions
    latencies: list[float] = []
    timeouts = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for i, page in enumerate(pages):
            if state[i] == "idle":
                page.evaluate(ARM)
                page.keyboard.press(direction(counts[i]))
                counts[i] += 1
                state[i], sent_at[i] = "waiting", time.monotonic()
            elif state[i] == "waiting":
                if page.evaluate(DONE):
                    latencies.append(page.evaluate(LATENCY))
                    state[i] = "settling"
                elif time.monotonic() - sent_at[i] > PRESS_TIMEOUT_MS / 1000:
                    timeouts += 1
                    state[i] = "settling"
            elif page.evaluate(IDLE):
                state[i] = "idle"
        time.sleep(0.01)
    exceptions = sum(page.locator('[data-testid="stException"]').count() for page in pages)
    for page in pages:
        close_session(page)
    return {
        "latencies_ms": latencies,
        "presses": sum(counts),
        "timeouts": timeouts,
        "exceptions": exceptions,
        "page_errors": errors,
        "seconds": seconds,
    }


def measure_projection() -> float:
    """Median seconds of one ``model.project`` call with the defaults."""
    from model.parameters import default_scenario
    from model.projection import project

    scenario = default_scenario()
    project(scenario)
    runs = timeit.repeat(lambda: project(scenario), number=50, repeat=7)
    return statistics.median(runs) / 50


def measure_apptest(script: Path, key: str, values: Callable[[int], float], runs: int) -> list[float]:
    """Seconds of each AppTest rerun after setting the slider ``key`` to a new value."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=120)
    at.run()
    if at.exception:
        raise RuntimeError(f"{script}: {at.exception}")
    times = []
    for n in range(runs):
        at.slider(key=key).set_value(values(n))
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    return times


# --- the report ---------------------------------------------------------------------------------


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "n/a"


def verdict(r: float, target: float) -> str:
    return "met" if r <= target else "**missed**"


def report(results: dict, args: argparse.Namespace) -> str:
    m = results["machine"]
    lat = results["latency"]["samples_ms"]
    app, floor = lat["app"], lat["floor"]
    ctl = lat["controls"]
    a50, a90, f50, f90 = pct(app, 50), pct(app, 90), pct(floor, 50), pct(floor, 90)
    c50, c90 = pct(ctl, 50), pct(ctl, 90)
    cold_ctl = statistics.median(results["cold"]["controls"]["drawn_s"])
    at_ctl = statistics.median(results["apptest"]["controls"])
    mem_ctl = results["memory"]["controls"]
    cold_app = statistics.median(results["cold"]["app"]["drawn_s"])
    cold_floor = statistics.median(results["cold"]["floor"]["drawn_s"])
    at_app = statistics.median(results["apptest"]["app"])
    at_floor = statistics.median(results["apptest"]["floor"])
    mem_app, mem_floor = results["memory"]["app"], results["memory"]["floor"]
    n = args.load_sessions
    load_app, load_floor = results["load"]["app"], results["load"]["floor"]
    load_ctl = results["load"]["controls"]
    la95, lf95 = pct(load_app["latencies_ms"], 95), pct(load_floor["latencies_ms"], 95)
    lc95 = pct(load_ctl["latencies_ms"], 95)
    proj_ms = results["projection_s"] * 1000

    def row(label: str, a: float, f: float, c: float, unit: str, target: float | None = None) -> str:
        fmt = (lambda v: f"{v:.2f} s") if unit == "s" else (lambda v: f"{v:.0f} {unit}")
        goal = f"≤ {target}× {verdict(a / c, target)}" if target else "—"
        return f"| {label} | {fmt(a)} | {fmt(f)} | {fmt(c)} | {ratio(a, f)} | {ratio(a, c)} | {goal} |"

    def load_errors(d: dict) -> int:
        return d["timeouts"] + d["exceptions"] + len(d["page_errors"])

    lines = [
        "# Benchmark results",
        "",
        "Written by `python3 bench/run.py"
        + (f" --load-seconds {args.load_seconds:g}" if args.load_seconds != 60 else "")
        + "` (see the docstring of `bench/run.py` for what each number means). The floors are",
        "`bench/floor_app.py` (one slider, one metric) and `bench/controls_floor.py` (the app's 22 controls and",
        "four metrics, nothing else), measured in the same run on the same machine.",
        "Where the page's time goes, what was tried and what stands in the way of the latency targets:",
        "[README.md](README.md).",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['os']}",
        f"- Python {m['python']}, Streamlit {m['streamlit']}, Chromium {results['chromium']} (headless)",
        f"- Load average (1 / 5 / 15 min) when the run started: {m['loadavg']}, when it ended: "
        f"{results['loadavg_end']}; nproc {os.cpu_count()}; above 0 means other work shared the cores",
        "",
        "## Ratios",
        "",
        "Targets (issue 12): p50 ≤ 1.15× and p90 ≤ 1.3× the controls floor; under load, p95 ≤ 1.5× the",
        "controls floor's p95, 0 errors, memory flat. The one-slider floor is shown for comparison.",
        "",
        "| measure | page | one-slider floor | controls floor | vs one-slider | vs controls | target (vs controls) |",
        "|---|---:|---:|---:|---:|---:|---|",
        row("slider → main area text, p50", a50, f50, c50, "ms", TARGET_C50),
        row("slider → main area text, p90", a90, f90, c90, "ms", TARGET_C90),
        row(f"load, {n} sessions for {args.load_seconds:g} s: p95", la95, lf95, lc95, "ms", TARGET_LOAD),
        f"| load: errors (timeouts + exceptions + page errors) | {load_errors(load_app)} | "
        f"{load_errors(load_floor)} | {load_errors(load_ctl)} | — | — | 0 "
        f"{'met' if load_errors(load_app) == 0 else '**missed**'} |",
        row("server RSS, 1 session", mem_app["rss_1_mib"], mem_floor["rss_1_mib"], mem_ctl["rss_1_mib"], "MiB"),
        row(
            f"server RSS, {n} sessions",
            mem_app[f"rss_{n}_mib"],
            mem_floor[f"rss_{n}_mib"],
            mem_ctl[f"rss_{n}_mib"],
            "MiB",
        ),
        f"| server RSS, {n} sessions ÷ 1 session | {ratio(mem_app[f'rss_{n}_mib'], mem_app['rss_1_mib'])} | "
        f"{ratio(mem_floor[f'rss_{n}_mib'], mem_floor['rss_1_mib'])} | "
        f"{ratio(mem_ctl[f'rss_{n}_mib'], mem_ctl['rss_1_mib'])} | — | — | flat |",
        row("cold start → first chart (floors: → metric), median", cold_app, cold_floor, cold_ctl, "s"),
        row("AppTest rerun after a slider change, median", at_app * 1000, at_floor * 1000, at_ctl * 1000, "ms"),
        f"| one projection (`model.project`) | {proj_ms:.2f} ms | — | — | — | — | — |",
        "",
        "## Raw numbers",
        "",
        f"Slider → main area text, {len(app)} presses each (after 5 warm-up presses), ms:",
        "",
        "| | min | p50 | p90 | max | mean |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, s in (("page", app), ("one-slider floor", floor), ("controls floor", ctl)):
        lines.append(
            f"| {name} | {min(s):.0f} | {pct(s, 50):.0f} | {pct(s, 90):.0f} | {max(s):.0f} | {statistics.mean(s):.0f} |"
        )
    lines += ["", "Cold start, s (process start → healthy / → drawn), each run:", ""]
    for name in ("app", "floor", "controls"):
        c = results["cold"][name]
        runs = ", ".join(f"{h:.2f} / {d:.2f}" for h, d in zip(c["healthy_s"], c["drawn_s"], strict=True))
        lines.append(f"- {name}: {runs}")
    lines += ["", "AppTest rerun, ms, each run:", ""]
    for name in ("app", "floor", "controls"):
        lines.append(f"- {name}: " + ", ".join(f"{t * 1000:.0f}" for t in results["apptest"][name]))
    lines += ["", f"Load ({n} sessions, {args.load_seconds:g} s each, one Chromium on the same machine):", ""]
    lines += ["| | presses | per s | p50 ms | p95 ms | max ms | timeouts | exceptions | page errors |"]
    lines += ["|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, d in (("page", load_app), ("one-slider floor", load_floor), ("controls floor", load_ctl)):
        s = d["latencies_ms"]
        lines.append(
            f"| {name} | {d['presses']} | {d['presses'] / d['seconds']:.1f} | {pct(s, 50):.0f} | "
            f"{pct(s, 95):.0f} | {max(s, default=float('nan')):.0f} | {d['timeouts']} | {d['exceptions']} | "
            f"{len(d['page_errors'])} |"
        )
    shown_errors = (
        load_app["page_errors"] + load_floor["page_errors"] + load_ctl["page_errors"] + results["latency"]["errors"]
    )[:10]
    if shown_errors:
        lines += ["", "First page errors:", "", *(f"- `{e[:200]}`" for e in shown_errors)]
    lines += [
        "",
        f"One projection: {proj_ms:.3f} ms (median of 7 × 50 calls).",
        "",
        "Note: Chromium, the Streamlit server and this script share the machine's cores, so the load",
        "numbers include the browser's own drawing of every session's charts.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=60, help="timed key presses per page (at least 40)")
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--load-sessions", type=int, default=10)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--apptest-runs", type=int, default=10)
    parser.add_argument("--app", type=Path, default=ROOT / "app.py", help="the page to measure")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()
    if args.presses < 40:
        parser.error("--presses must be at least 40")

    tmp = Path(tempfile.mkdtemp(prefix="dezhou-bench-"))
    db = {"DEZHOU_SCENARIO_DB": f"sqlite:///{tmp / 'scenarios.sqlite'}"}  # never the repository's var/
    os.environ.update(db)
    app = Target("app", args.app.resolve(), "growth_start", ".vega-embed svg", env=db)
    floor = Target("floor", BENCH / "floor_app.py", "x", '[data-testid="stMetricValue"]')
    controls = Target("controls", BENCH / "controls_floor.py", "growth_start", '[data-testid="stMetricValue"]')
    everyone = (app, floor, controls)
    results: dict = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "machine": machine()}

    print("projection and AppTest …", flush=True)
    results["projection_s"] = measure_projection()
    results["apptest"] = {
        "app": measure_apptest(app.script, "growth_start", lambda n: round(8.5 + 0.1 * n, 1), args.apptest_runs),
        "floor": measure_apptest(floor.script, "x", lambda n: 501 + n, args.apptest_runs),
        "controls": measure_apptest(
            controls.script, "growth_start", lambda n: round(8.5 + 0.1 * n, 1), args.apptest_runs
        ),
    }

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        results["chromium"] = browser.version
        try:
            print("cold start …", flush=True)
            results["cold"] = {t.name: measure_cold_start(browser, t, tmp, args.cold_runs) for t in everyone}
            print("memory …", flush=True)
            results["memory"] = {t.name: measure_memory(browser, t, args.load_sessions) for t in everyone}
            print("slider → metric latency …", flush=True)
            results["latency"] = measure_latency(browser, list(everyone), args.presses)
            results["load"] = {}
            for t in everyone:
                print(f"load on the {t.name}, {args.load_seconds:g} s …", flush=True)
                results["load"][t.name] = measure_load(browser, t, args.load_sessions, args.load_seconds)
        finally:
            for t in everyone:
                stop_target(t)
            browser.close()

    results["loadavg_end"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    (tmp / "results.json").write_text(json.dumps(results, default=str), encoding="utf-8")
    print(f"raw results: {tmp / 'results.json'}", flush=True)
    text = report(results, args)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
