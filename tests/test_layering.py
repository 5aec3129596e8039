"""The model is pure Python, numpy and pandas: nothing under model/ imports streamlit."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILES = sorted((ROOT / "model").rglob("*.py"))


def imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_model_files_found():
    assert {p.name for p in MODEL_FILES} >= {"__init__.py", "parameters.py", "projection.py", "cli.py"}


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_streamlit_import(path):
    streamlit = [m for m in imported_modules(path) if m.split(".")[0] == "streamlit"]
    assert streamlit == []


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
        "import sys, json, model, model.cli, model.export, model.scenario_file, model.projection;"
        "print(json.dumps(['streamlit' in sys.modules, 'model.projection' in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [False, True]
