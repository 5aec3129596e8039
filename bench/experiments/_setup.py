"""Shared by the experiment copies: put the repository on the path (Streamlit runs a script from its own folder)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
MARKS: dict[str, float] = {}  # exp_traced.py's timestamps of the current rerun
