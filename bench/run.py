"""Speed, memory and load of the page, against two floors: ``bench/floor_app.py`` and ``bench/controls_floor.py``.

Run from anywhere: ``python3 bench/run.py`` (about eight minutes on an idle machine; ``--load-seconds 20`` for a quicker
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
  change is drawn, for ``--load-seconds`` a page, split into ``--load-blocks`` blocks taken in turn
  (page, floor, controls, page, …); errors counted, latency percentiles reported, and the CPU
  seconds the server and Chromium used per press.
- profile (``--profile N`` presses per page, after the timed ones, in their own browser context): the
  websocket messages of each rerun decoded with Streamlit's protobuf classes (elements and blocks by
  kind, main area or sidebar, bytes, when the first metric arrived), React commits (through the hook
  React calls for its developer tools) and DOM mutation records by the nearest ``data-testid``.

``--pages app,floor,controls`` times any of them side by side (``--app PATH`` times a copy of the page as
the app); ``--latency-only --repeat N`` gives N interleaved rounds
(each round's ratios and the pooled ones) and writes ``bench/out/latency-….md``.
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

# The profile (``--profile``): installed before the page's own scripts, in a separate browser context from
# the timed presses. It records, while ``__prof.on``: the websocket messages received (time and bytes, decoded
# in Python with Streamlit's protobuf classes), the messages sent, each React commit (through the hook React
# calls for its developer tools) and the DOM mutation records.
PROFILE_INIT = """(() => {
  const P = window.__prof = {on: false, msgs: [], sends: [], commits: [], records: 0, nodes: 0,
                             where: {}, nodesWhere: {}};
  const Native = window.WebSocket;
  class Recorded extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (ev) => {
        if (P.on) P.msgs.push({t: performance.now(), data: ev.data});
      });
    }
    send(data) {
      if (P.on) P.sends.push(performance.now());
      return super.send(data);
    }
  }
  window.WebSocket = Recorded;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(), supportsFiber: true, isDisabled: false,
    inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id; },
    onCommitFiberRoot() { if (P.on) P.commits.push(performance.now()); },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {}, checkDCE() {},
    setStrictMode() {},
  };
  // Where the mutations are: the nearest element with a data-testid (Streamlit's name for it).
  const where = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    const named = el && el.closest('[data-testid]');
    return named ? named.getAttribute('data-testid') : '(none)';
  };
  new MutationObserver((records) => {
    if (!P.on) return;
    P.records += records.length;
    for (const r of records) {
      const n = r.addedNodes.length + r.removedNodes.length;
      P.nodes += n;
      const w = where(r.target);
      P.where[w] = (P.where[w] || 0) + 1;
      if (n) P.nodesWhere[w] = (P.nodesWhere[w] || 0) + n;
    }
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
})()"""
PROFILE_START = """() => { const P = window.__prof;
  P.msgs = []; P.sends = []; P.commits = []; P.records = 0; P.nodes = 0; P.where = {}; P.nodesWhere = {};
  P.on = true; }"""
PROFILE_TAKE = """async () => {
  const P = window.__prof; P.on = false;
  const b64 = async (d) => {
    const buf = new Uint8Array(d instanceof Blob ? await d.arrayBuffer() : d);
    let s = ''; for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const msgs = [];
  for (const m of P.msgs) msgs.push({t: m.t, data: typeof m.data === 'string' ? null : await b64(m.data)});
  return {msgs, sends: P.sends, commits: P.commits, records: P.records, nodes: P.nodes,
          where: P.where, nodesWhere: P.nodesWhere, t0: window.__t0, t1: window.__t1,
          origin: performance.timeOrigin};
}"""


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


def descendants(pid: int) -> set[int]:
    """``pid`` and every process below it (from /proc; psutil is not needed)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        found.add(p)
        todo.extend(children.get(p, []))
    return found


def rss_kib(pid: int) -> int:
    """VmRSS of ``pid`` and all its descendants, in KiB."""
    total = 0
    for p in descendants(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_s(pids: set[int]) -> float:
    """User + system CPU seconds the processes ``pids`` have used so far (those still running)."""
    total = 0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def browser_pids(servers: list[Target]) -> set[int]:
    """Chromium's processes: this script's descendants that are neither a server nor Playwright's driver."""
    ours = descendants(os.getpid()) - {os.getpid()}
    for t in servers:
        if t.proc is not None:
            ours -= descendants(t.proc.pid)
    out = set()
    for p in ours:
        try:
            if "node" not in Path(f"/proc/{p}/comm").read_text():
                out.add(p)
        except OSError:
            pass
    return out


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


def press_once(page: Page, key: str, settled: list[float] | None = None) -> float:
    """One key press on the focused slider; milliseconds from keydown to the metric's change.

    ``settled`` gets the milliseconds from the keydown until the rerun is over (no stale element, no
    running indicator; checked at each animation frame)."""
    page.evaluate(ARM)
    page.keyboard.press(key)
    page.wait_for_function(DONE, timeout=PRESS_TIMEOUT_MS, polling="raf")
    latency = page.evaluate(LATENCY)
    page.wait_for_function(IDLE, timeout=PRESS_TIMEOUT_MS, polling="raf")
    if settled is not None:
        settled.append(page.evaluate("() => performance.now() - window.__t0"))
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
    settled: dict[str, list[float]] = {name: [] for name in pages}
    while any(len(s) < presses for s in samples.values()):
        for name, page in pages.items():
            for _ in range(min(block, presses - len(samples[name]))):
                samples[name].append(press_once(page, direction(counts[name]), settled[name]))
                counts[name] += 1
        print("  latency: " + ", ".join(f"{n} {len(s)}" for n, s in samples.items()), flush=True)
    for page in pages.values():
        close_session(page)
    return {"samples_ms": samples, "settled_ms": settled, "errors": errors}


def measure_profile(browser: Browser, target: Target, presses: int) -> list[dict]:
    """``presses`` instrumented key presses (PROFILE_INIT), each summarised by ``profile_press``."""
    errors: list[str] = []
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(PROFILE_INIT)
    page = context.new_page()
    page.goto(target.url + "/")
    page.wait_for_selector(target.ready, state="visible", timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.locator(f".st-key-{target.slider_key}").get_by_role("slider").focus()
    hashes: dict[str, str] = {}  # a cached message's hash → what it held (the server may send the hash only)
    out = []
    for n in range(5 + presses):
        page.evaluate(ARM)
        page.evaluate(PROFILE_START)
        page.keyboard.press(direction(n))
        page.wait_for_function(DONE, timeout=PRESS_TIMEOUT_MS, polling="raf")
        page.wait_for_function(IDLE, timeout=PRESS_TIMEOUT_MS)
        page.wait_for_timeout(300)  # the charts' own drawing after the run
        raw = page.evaluate(PROFILE_TAKE)
        if n >= 5:
            out.append(profile_press(raw, hashes))
    context.close()
    if errors:
        print(f"  profile {target.name}: {errors[:3]}", flush=True)
    return out


def profile_press(raw: dict, hashes: dict[str, str]) -> dict:
    """One press's messages decoded: how many, which elements where, and when (ms after the keydown)."""
    import base64
    from collections import Counter

    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    t0 = raw["t0"]
    kinds: Counter[str] = Counter()
    main = sidebar = deltas = size = 0
    t_metric = t_finished = None
    seq = []  # (ms after the keydown, what, delta path) of each message
    for m in raw["msgs"]:
        if m["data"] is None:
            continue
        data = base64.b64decode(m["data"])
        size += len(data)
        msg = ForwardMsg.FromString(data)
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            what = hashes.get(msg.ref_hash, "cached?")
        elif kind == "delta":
            sub = msg.delta.WhichOneof("type")
            if sub == "new_element":
                what = msg.delta.new_element.WhichOneof("type")
            elif sub == "add_block":
                what = "block:" + str(msg.delta.add_block.WhichOneof("type"))
            else:
                what = str(sub)
            if msg.hash:
                hashes[msg.hash] = what
        else:
            if kind == "script_finished" and t_finished is None:
                t_finished = m["t"] - t0
            seq.append((round(m["t"] - t0), kind, ""))
            continue
        seq.append((round(m["t"] - t0), what, ".".join(map(str, msg.metadata.delta_path))))
        deltas += 1
        kinds[what] += 1
        path = list(msg.metadata.delta_path)
        if path and path[0] == 1:
            sidebar += 1
        else:
            main += 1
        if what == "metric" and t_metric is None:
            t_metric = m["t"] - t0
    first = min((m["t"] for m in raw["msgs"]), default=None)
    return {
        "latency": raw["t1"] - t0,
        "send": raw["sends"][0] - t0 if raw["sends"] else None,
        "first_msg": first - t0 if first is not None else None,
        "metric_msg": t_metric,
        "finished": t_finished,
        "msgs": len(raw["msgs"]),
        "deltas": deltas,
        "main": main,
        "sidebar": sidebar,
        "kib": size / 1024,
        "commits_to_text": sum(1 for c in raw["commits"] if c <= raw["t1"]),
        "commits": len(raw["commits"]),
        "first_commit": min(raw["commits"]) - t0 if raw["commits"] else None,
        "records": raw["records"],
        "nodes": raw["nodes"],
        "kinds": dict(kinds),
        "seq": seq,
        "where": raw["where"],
        "nodes_where": raw["nodesWhere"],
        "commit_times": [c - t0 for c in raw["commits"]],
        "msg_times": [m["t"] - t0 for m in raw["msgs"]],
        "keydown_epoch_ms": raw["origin"] + t0,  # to line up with a server-side trace
    }


def profile_table(profiles: dict[str, list[dict]]) -> list[str]:
    """Medians over each page's profiled presses, and the elements each rerun sends."""
    cols = (
        ("latency", "keydown → text ms"),
        ("send", "→ rerun sent ms"),
        ("first_msg", "→ 1st message ms"),
        ("metric_msg", "→ metric message ms"),
        ("finished", "→ script finished ms"),
        ("first_commit", "→ 1st React commit ms"),
        ("msgs", "messages"),
        ("deltas", "elements + blocks sent"),
        ("main", "of them in main"),
        ("sidebar", "in sidebar"),
        ("kib", "KiB received"),
        ("commits_to_text", "React commits to text"),
        ("commits", "React commits in all"),
        ("records", "DOM mutation records"),
        ("nodes", "DOM nodes added + removed"),
    )

    def med(name: str, key: str) -> str:
        vals = [p[key] for p in profiles[name] if p[key] is not None]
        return f"{statistics.median(vals):.0f}" if vals else "—"

    names = list(profiles)
    lines = ["| per rerun (median) | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    lines += [f"| {label} | " + " | ".join(med(n, key) for n in names) + " |" for key, label in cols]
    lines += ["", "Elements and blocks sent per rerun, by kind (the last profiled press):", ""]
    kinds = sorted({k for n in names for k in profiles[n][-1]["kinds"]})
    lines += ["| kind | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    lines += [f"| {k} | " + " | ".join(str(profiles[n][-1]["kinds"].get(k, 0)) for n in names) + " |" for k in kinds]
    for key, what in (("where", "DOM mutation records"), ("nodes_where", "DOM nodes added + removed")):
        lines += ["", f"{what} per rerun, by the nearest element's data-testid (the last profiled press; 5 or more):"]
        lines += ["", "| data-testid | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
        places = sorted({k for n in names for k, v in profiles[n][-1][key].items() if v >= 5})
        lines += [f"| {k} | " + " | ".join(str(profiles[n][-1][key].get(k, 0)) for n in names) + " |" for k in places]
    return lines


def measure_load(browser: Browser, target: Target, sessions: int, seconds: float, servers: list[Target]) -> dict:
    """``sessions`` users, each pressing again as soon as its last change is drawn and the run ended.

    Also the CPU seconds the server and Chromium used while they pressed (not while the sessions
    opened), to say per press where the machine's time went."""
    errors: list[str] = []
    pages = [open_session(browser, target, errors) for _ in range(sessions)]
    state = ["idle"] * sessions
    sent_at = [0.0] * sessions
    counts = [0] * sessions
    latencies: list[float] = []
    timeouts = 0
    server, chromium = descendants(target.proc.pid), browser_pids(servers)
    server_cpu, browser_cpu = cpu_s(server), cpu_s(chromium)
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
    server_cpu, browser_cpu = cpu_s(server) - server_cpu, cpu_s(chromium) - browser_cpu
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
        "server_cpu_s": server_cpu,
        "browser_cpu_s": browser_cpu,
    }


def merge_load(blocks: list[dict]) -> dict:
    """The blocks of one page's load test, pooled."""
    out: dict = {"latencies_ms": [], "page_errors": []}
    for key in ("presses", "timeouts", "exceptions", "seconds", "server_cpu_s", "browser_cpu_s"):
        out[key] = sum(b[key] for b in blocks)
    for b in blocks:
        out["latencies_ms"] += b["latencies_ms"]
        out["page_errors"] += b["page_errors"]
    out["blocks_p95_ms"] = [pct(b["latencies_ms"], 95) for b in blocks]
    return out


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
        + (f" --pages {args.pages}" if args.pages != "app,floor,controls" else "")
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
    extra = [(name, s) for name, s in lat.items() if name not in ("app", "floor", "controls")]
    for name, s in (("page", app), ("one-slider floor", floor), ("controls floor", ctl), *extra):
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
    lines += [
        "",
        f"Load ({n} sessions, {args.load_seconds:g} s a page in {args.load_blocks} interleaved blocks, one Chromium "
        "on the same machine). CPU per press: what the page's server and Chromium (all its processes) used "
        "while the sessions pressed, divided by the presses:",
        "",
    ]
    lines += [
        "| | presses | per s | p50 ms | p95 ms | p95 of each block, ms | max ms | server CPU ms / press "
        "| Chromium CPU ms / press | timeouts | exceptions | page errors |"
    ]
    lines += ["|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    extra_load = [(name, d) for name, d in results["load"].items() if name not in ("app", "floor", "controls")]
    for name, d in (("page", load_app), ("one-slider floor", load_floor), ("controls floor", load_ctl), *extra_load):
        s = d["latencies_ms"]
        per = max(d["presses"], 1)
        lines.append(
            f"| {name} | {d['presses']} | {d['presses'] / d['seconds']:.1f} | {pct(s, 50):.0f} | "
            f"{pct(s, 95):.0f} | {', '.join(f'{v:.0f}' for v in d['blocks_p95_ms'])} | "
            f"{max(s, default=float('nan')):.0f} | {1000 * d['server_cpu_s'] / per:.0f} | "
            f"{1000 * d['browser_cpu_s'] / per:.0f} | {d['timeouts']} | {d['exceptions']} | {len(d['page_errors'])} |"
        )
    if extra_load:
        lines += [
            "",
            "Load p95 of the other pages against the controls floor's: "
            + ", ".join(f"{name} {ratio(pct(d['latencies_ms'], 95), lc95)}" for name, d in extra_load)
            + ".",
        ]
    shown_errors = ([e for d in results["load"].values() for e in d["page_errors"]] + results["latency"]["errors"])[:10]
    if shown_errors:
        lines += ["", "First page errors:", "", *(f"- `{e[:200]}`" for e in shown_errors)]
    if results.get("profile"):
        lines += ["", f"## Profile ({args.profile} instrumented presses per page, after the timed ones)", ""]
        lines += profile_table(results["profile"])
    lines += [
        "",
        f"One projection: {proj_ms:.3f} ms (median of 7 × 50 calls).",
        "",
        "Note: Chromium, the Streamlit server and this script share the machine's cores, so the load",
        "numbers include the browser's own drawing of every session's charts.",
        "",
    ]
    return "\n".join(lines)


def latency_report(results: dict, args: argparse.Namespace) -> str:
    """``--latency-only``: each page's key-press latency and its ratio to the controls floor, and the profile."""
    m = results["machine"]
    lat = results["latency"]["samples_ms"]
    c50, c90 = pct(lat["controls"], 50), pct(lat["controls"], 90)
    lines = [
        f"# Latency, side by side: {', '.join(lat)}",
        "",
        f"`python3 bench/run.py --latency-only --pages {args.pages} --presses {args.presses}"
        f" --repeat {args.repeat} --profile {args.profile}`",
        "",
        f"- Date: {results['date']}; {m['cpu']}, {m['cores']} cores; Streamlit {m['streamlit']}",
        f"- Load average (1 / 5 / 15 min) at the start: {m['loadavg']}, at the end: {results['loadavg_end']}",
        "",
        "Key press → main area text (the headline figure), and → the rerun over (settled: every element drawn",
        "afresh, checked each animation frame):",
        "",
        "| page | presses | p50 ms | p90 ms | p50 ÷ controls | p90 ÷ controls | settled p50 ms | settled p90 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    settled = results["latency"]["settled_ms"]
    for name, s in lat.items():
        lines.append(
            f"| {name} | {len(s)} | {pct(s, 50):.0f} | {pct(s, 90):.0f} | {ratio(pct(s, 50), c50)} | "
            f"{ratio(pct(s, 90), c90)} | {pct(settled[name], 50):.0f} | {pct(settled[name], 90):.0f} |"
        )
    rounds = results.get("rounds", [])
    if len(rounds) > 1:
        lines += ["", "Each round's p50 / p90 ÷ the controls floor's in the same round (each round interleaved):"]
        lines += ["", "| page | " + " | ".join(f"round {n + 1}" for n in range(len(rounds))) + " |"]
        lines += ["|---|" + "---:|" * len(rounds)]
        for name in lat:
            cells = [
                f"{ratio(pct(r[name], 50), pct(r['controls'], 50))} / {ratio(pct(r[name], 90), pct(r['controls'], 90))}"
                for r in rounds
            ]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    if results.get("profile"):
        lines += ["", f"## Profile ({args.profile} instrumented presses per page, after the timed ones)", ""]
        lines += [
            "The counts are the same on every press; the times are one page after the other (not interleaved),",
            "so compare them within a page, not across pages.",
            "",
        ]
        lines += profile_table(results["profile"])
    errors = results["latency"]["errors"][:10]
    if errors:
        lines += ["", "Page errors:", "", *(f"- `{e[:200]}`" for e in errors)]
    return "\n".join([*lines, ""])


def make_targets(args: argparse.Namespace, db: dict[str, str]) -> list[Target]:
    """``--pages``: app (``--app``), floor, controls."""
    known = {
        "app": Target("app", args.app.resolve(), "growth_start", ".vega-embed svg", env=db),
        "floor": Target("floor", BENCH / "floor_app.py", "x", '[data-testid="stMetricValue"]'),
        "controls": Target("controls", BENCH / "controls_floor.py", "growth_start", '[data-testid="stMetricValue"]'),
    }
    out = []
    for name in args.pages.split(","):
        if name not in known:
            raise SystemExit(f"--pages: no page {name!r} (app, floor, controls; --app PATH for a copy)")
        out.append(known[name])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=60, help="timed key presses per page (at least 40)")
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--load-sessions", type=int, default=10)
    parser.add_argument(
        "--load-blocks", type=int, default=3, help="the load test's seconds per page, split into interleaved blocks"
    )
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--apptest-runs", type=int, default=10)
    parser.add_argument("--app", type=Path, default=ROOT / "app.py", help="the page to measure")
    parser.add_argument(
        "--pages",
        default="app,floor,controls",
        help="comma-separated pages timed side by side: app, floor, controls (a full run needs all three)",
    )
    parser.add_argument("--latency-only", action="store_true", help="only the key-press latency (and --profile)")
    parser.add_argument("--repeat", type=int, default=1, help="--latency-only: rounds of --presses per page, pooled")
    parser.add_argument("--profile", type=int, default=10, help="instrumented presses per page after the timed ones")
    parser.add_argument(
        "--out", type=Path, default=None, help="default: bench/RESULTS.md (bench/out/ with --latency-only)"
    )
    args = parser.parse_args()
    if args.presses < 40 and not args.latency_only:
        parser.error("--presses must be at least 40")
    if args.repeat > 1 and not args.latency_only:
        parser.error("--repeat is for --latency-only runs")

    tmp = Path(tempfile.mkdtemp(prefix="dezhou-bench-"))
    db = {"DEZHOU_SCENARIO_DB": f"sqlite:///{tmp / 'scenarios.sqlite'}"}  # never the repository's var/
    os.environ.update(db)
    pages = make_targets(args, db)
    by_name = {t.name: t for t in pages}
    if "controls" not in by_name:
        parser.error("--pages must include controls (the ratios are to it)")
    if not args.latency_only and not {"app", "floor"} <= by_name.keys():
        parser.error("a full run needs app, floor and controls in --pages")
    everyone = [by_name[n] for n in ("app", "floor", "controls") if n in by_name]
    results: dict = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "machine": machine()}

    if not args.latency_only:
        app, floor, controls = everyone
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
            if not args.latency_only:
                print("cold start …", flush=True)
                results["cold"] = {t.name: measure_cold_start(browser, t, tmp, args.cold_runs) for t in everyone}
                print("memory …", flush=True)
                results["memory"] = {t.name: measure_memory(browser, t, args.load_sessions) for t in everyone}
            for t in pages:
                if t.proc is None:
                    start(t, tmp)
            print("slider → metric latency …", flush=True)
            results["latency"] = measure_latency(browser, pages, args.presses)
            results["rounds"] = [dict(results["latency"]["samples_ms"])]
            for n in range(1, args.repeat):  # --latency-only: more rounds, each interleaved, pooled
                print(f"  round {n + 1} of {args.repeat}", flush=True)
                more = measure_latency(browser, pages, args.presses)
                results["rounds"].append(more["samples_ms"])
                results["latency"]["errors"] += more["errors"]
                for key in ("samples_ms", "settled_ms"):
                    for name, samples in more[key].items():
                        results["latency"][key][name] = results["latency"][key][name] + samples
            if args.profile:
                print("profile …", flush=True)
                results["profile"] = {t.name: measure_profile(browser, t, args.profile) for t in pages}
            if not args.latency_only:
                # Interleaved blocks, so a change in the machine's other work falls on every page alike.
                blocks: dict[str, list[dict]] = {t.name: [] for t in pages}
                each = args.load_seconds / args.load_blocks
                for n in range(args.load_blocks):
                    for t in pages:
                        print(f"load on the {t.name}, block {n + 1} of {args.load_blocks}, {each:g} s …", flush=True)
                        blocks[t.name].append(measure_load(browser, t, args.load_sessions, each, pages))
                results["load"] = {name: merge_load(b) for name, b in blocks.items()}
        finally:
            for t in pages:
                stop_target(t)
            browser.close()

    results["loadavg_end"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    (tmp / "results.json").write_text(json.dumps(results, default=str), encoding="utf-8")
    print(f"raw results: {tmp / 'results.json'}", flush=True)
    if args.latency_only:
        text = latency_report(results, args)
        out = args.out or BENCH / "out" / f"latency-{dt.datetime.now():%Y%m%d-%H%M%S}.md"
    else:
        text = report(results, args)
        out = args.out or BENCH / "RESULTS.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"written: {out}", flush=True)
    print(text)


if __name__ == "__main__":
    main()
