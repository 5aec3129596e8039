"""The layers point one way: model/ (pure Python, numpy, pandas) imports no streamlit, no renderer
(report/), no ui/ and no cli/; report/ (renderers) imports no streamlit and no ui/; cli/ imports no
streamlit and no ui/. The renderers take the model's frames and the scenario and only format them:
report/ imports from model/ only types, constants, parameters, problems and sources (MODEL_FOR_REPORT),
never a computation (project, headline, backtest, the Monte Carlo, load_history…): the page and the
command line compute (model.results.compute_results) and hand the results over."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILES = sorted((ROOT / "model").rglob("*.py"))
REPORT_FILES = sorted((ROOT / "report").rglob("*.py"))
CLI_FILES = sorted((ROOT / "cli").rglob("*.py"))
STORE_FILES = sorted((ROOT / "store").rglob("*.py"))
# ``python -m model`` hands over to the command line; nothing imports model/__main__.py.
ENTRY_POINT = ROOT / "model" / "__main__.py"
FORBIDDEN = {
    # the model is pure: no page, no renderer, no database (the library and added figures are store/'s)
    "model": {"streamlit", "report", "ui", "cli", "store", "sqlalchemy", "sqlite3", "psycopg"},
    "report": {"streamlit", "ui"},
    "cli": {"streamlit", "ui"},
    "store": {"streamlit", "report", "ui", "cli"},  # storage: SQLAlchemy, the model's types, no page
}


def imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


# What report/ may import from model/: the names that compute nothing. Every other name (project,
# headline, lever_defaults, plan_of, backtest, monte_carlo, target_probabilities, gap, targets_for,
# load_history, compute_results…) and every whole module (``import model.x``, ``from model import x``)
# is the model's computation, which the renderers are handed, never run.
MODEL_FOR_REPORT = {
    "model.lang": {"Lang", "LANGS"},
    "model.parameters": {
        "DATA_DIR",
        "LEVEL_METRICS",
        "ParamSpec",
        "Scenario",
        "ScenarioError",
        "Target",
        "default_scenario",
        "fmt_number",
        "load_parameters",
    },
    "model.problems": {"Problem", "problem"},
    "model.printable": {"control_chars"},
    "model.compat": {"load_compat"},
    "model.sources": {"ARTICLE", "load_facts"},
    "model.history": {"History", "Figure", "GROWTH", "USABLE", "REGIONS", "PERIOD_MONTHS"},
    "model.scenario_file": {"NamedScenario", "parse_scenario_bytes"},
    "model.targets": {"CHECKABLE_METRICS", "Checked", "load_targets", "measure"},
    "model.results": {"Fan", "Results", "ScenarioResult"},
}


def model_computations(path: Path) -> list[str]:
    """``file:line name`` of each thing ``path`` imports from model/ beyond MODEL_FOR_REPORT."""
    found: list[str] = []
    where = path.name
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [f"{where}:{node.lineno} {a.name}" for a in node.names if a.name.split(".")[0] == "model"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "model":
            allowed = MODEL_FOR_REPORT.get(node.module, set())
            found += [f"{where}:{node.lineno} {node.module}.{a.name}" for a in node.names if a.name not in allowed]
    return found


def test_model_files_found():
    assert {p.name for p in MODEL_FILES} >= {"__init__.py", "parameters.py", "projection.py"}
    assert {p.name for p in REPORT_FILES} >= {"__init__.py", "text.py", "charts.py", "brief.py", "csv_export.py"}
    assert {p.name for p in CLI_FILES} >= {"__init__.py", "main.py", "plumbing.py"}
    assert {p.name for p in STORE_FILES} >= {"__init__.py", "figures.py"}


def relative_imports(path: Path) -> list[int]:
    """Levels of ``from . import x`` statements: the layering check reads absolute imports only."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [n.level for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]


LAYERED = MODEL_FILES + REPORT_FILES + CLI_FILES + STORE_FILES


@pytest.mark.parametrize("path", LAYERED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_layers_point_one_way(path):
    layer = path.relative_to(ROOT).parts[0]
    banned = FORBIDDEN[layer] - ({"cli"} if path == ENTRY_POINT else set())
    wrong = [m for m in imported_modules(path) if m.split(".")[0] in banned]
    assert wrong == []
    assert relative_imports(path) == []


@pytest.mark.parametrize("path", REPORT_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_renderers_compute_nothing(path):
    assert model_computations(path) == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from model.projection import project", ["m.py:1 model.projection.project"]),
        (
            "from model.projection import headline, lever_defaults",
            ["m.py:1 model.projection.headline", "m.py:1 model.projection.lever_defaults"],
        ),
        (
            "def f():\n    from model.analysis import target_probabilities\n",
            ["m.py:2 model.analysis.target_probabilities"],
        ),
        ("from model.history import History, load_history", ["m.py:1 model.history.load_history"]),
        ("from model.results import Results, compute_results", ["m.py:1 model.results.compute_results"]),
        ("import model.backtest", ["m.py:1 model.backtest"]),
        ("from model import projection", ["m.py:1 model.projection"]),
        ("import pandas\nfrom model.results import Results\nfrom model.lang import Lang", []),
    ],
)
def test_computation_check_finds_one(tmp_path, source, found):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert model_computations(path) == found


PACKAGES = ("model", "report", "cli", "store", "ui")


def package_graph() -> dict[str, set[str]]:
    """Which of the project's packages each package imports (app.py aside)."""
    graph: dict[str, set[str]] = {name: set() for name in PACKAGES}
    for name in PACKAGES:
        for path in (ROOT / name).rglob("*.py"):
            if path == ENTRY_POINT:
                continue
            graph[name] |= {m.split(".")[0] for m in imported_modules(path)} & set(PACKAGES) - {name}
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of the graph (empty when there is none), by depth-first search."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_cycle_between_packages():
    graph = package_graph()
    assert cycle(graph) == []
    assert graph["model"] == set()  # the model imports none of the others


def test_cycle_check_finds_one():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) == []


def test_model_entry_point_only_calls_the_command_line():
    assert imported_modules(ENTRY_POINT) == ["sys", "cli"]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("import streamlit as st", True),
        ("from streamlit.testing.v1 import AppTest", True),
        ("def f():\n    import streamlit\n", True),
        ("import pandas\nfrom model import x", False),
    ],
)
def test_checker_finds_streamlit(tmp_path, source, found):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert any(m.split(".")[0] == "streamlit" for m in imported_modules(path)) is found


def test_importing_model_leaves_streamlit_out():
    code = (
        "import sys, json, model, cli, report.csv_export, report.brief, model.scenario_file, model.projection;"
        "print(json.dumps(['streamlit' in sys.modules, 'model.projection' in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [False, True]


TAB_FILES = sorted(p for p in (ROOT / "ui" / "tabs").glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", TAB_FILES, ids=lambda p: p.stem)
def test_each_tab_is_a_module_drawn_by_render_page(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    render = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "render"]
    assert len(render) == 1
    assert [a.arg for a in render[0].args.args] == ["page"]


def test_app_draws_every_tab_module():
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    froms = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "ui.tabs"]
    imported = {a.name for n in froms for a in n.names}
    assert imported - {"Page"} == {p.stem for p in TAB_FILES}
    assert len(TAB_FILES) == 6


def imported_tabs(path: Path) -> set[str]:
    """The tab modules (ui/tabs/<name>.py) that ``path`` imports, however it writes the import."""
    tabs = {p.stem for p in TAB_FILES}
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "ui.tabs":
            modules = [f"ui.tabs.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
        else:
            continue
        found |= {m.split(".")[2] for m in modules if m.startswith("ui.tabs.") and m.split(".")[2] in tabs}
    return found


UI_FILES = sorted((ROOT / "ui").rglob("*.py"))


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_only_the_page_imports_a_tab(path):
    """A tab is drawn by the page's entry (app.py) and imported by nothing else: what the tabs and
    presentation mode share (the library, the compared names, the computed fan) is ui/services.py's,
    so no module of ui/, a tab included, imports a tab (ui.tabs itself, for Page, is fine)."""
    assert imported_tabs(path) == set()


def test_the_tab_import_check_finds_each_spelling(tmp_path):
    source = tmp_path / "x.py"
    source.write_text("import ui.tabs.library\nfrom ui.tabs import Page, analysis\nfrom ui.tabs.sources import f\n")
    assert imported_tabs(source) == {"library", "analysis", "sources"}
    assert imported_tabs(ROOT / "app.py") == {p.stem for p in TAB_FILES}  # the page's entry: the one that may
