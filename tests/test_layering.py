"""The layers point one way: model/ (pure Python, numpy, pandas) imports no streamlit, no renderer
(report/), no ui/ and no cli/; report/ (renderers) imports no streamlit and no ui/; cli/ imports no
streamlit and no ui/."""

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
