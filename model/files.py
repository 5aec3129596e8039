"""Reading a file a user names (``--scenario``, ``--history``): at most a limit, every failure a problem."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from model.parameters import ScenarioError
from model.problems import problem


def refusal(path: str | Path, code: str, **fields: Any) -> ScenarioError:
    return ScenarioError([problem(code, **fields).at("file", str(path))])


def read_limited(path: str | Path, limit: int) -> tuple[bytes, int]:
    """At most ``limit`` + 1 bytes of ``path`` (so that a device or a pipe that never ends is refused as
    too large instead of filling memory), and the size the file system gives (0 for a device or a pipe).
    ScenarioError for an empty path, a missing file, a folder, no permission, a bad name or a read error."""
    if str(path) == "":
        raise ScenarioError([problem("path_empty")])
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            return f.read(limit + 1), size
    except FileNotFoundError:
        raise refusal(path, "no_such_file") from None
    except IsADirectoryError:
        raise refusal(path, "is_folder") from None
    except PermissionError:
        raise refusal(path, "permission_denied") from None
    except OSError as e:
        raise refusal(path, "cannot_read", detail=str(e.strerror or e)) from None
    except ValueError:  # a NUL byte, or a lone surrogate that no file name can hold
        raise refusal(path, "bad_file_name") from None
