"""Problems as data: what is wrong, said once by ``report.problems.say`` in either language.

Every problem is raised where it is found as a :class:`Problem`: a code (``out_of_range``,
``name_taken``, …) and its fields (``key``: a parameter's key or a field's name; ``value``: what was
given; ``lo``/``hi``: what is allowed; ``name``, ``count``, ``limit`` …), and where it was found
(``where``: the file, the scenario, the row …, outermost first). The model writes no sentences:
the page and the command line phrase each problem through the same renderer, in their language,
naming a parameter by its label and unit rather than its key.
"""

from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass(frozen=True)
class Problem:
    """One problem: ``code`` and its fields; ``where`` is ``(kind, value)`` pairs, outermost first
    (kinds: ``file``, ``scenario``, ``project``, ``target``, ``row``, ``line``, ``option``)."""

    code: str
    fields: tuple[tuple[str, Any], ...] = ()
    where: tuple[tuple[str, Any], ...] = ()

    def get(self, name: str, default: Any = None) -> Any:
        for key, value in self.fields:
            if key == name:
                return value
        return default

    def __getitem__(self, name: str) -> Any:
        for key, value in self.fields:
            if key == name:
                return value
        raise KeyError(name)

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.fields)

    def at(self, kind: str, value: Any) -> Problem:
        """This problem found inside ``kind`` ``value`` (a file, a scenario of a file, a row)."""
        return dataclasses.replace(self, where=((kind, value), *self.where))

    def __str__(self) -> str:
        """A plain description for logs and test failures (users see report.problems.say)."""
        where = ", ".join(f"{k} {v}" for k, v in self.where)
        fields = ", ".join(f"{k}={v!r}" for k, v in self.fields)
        return f"{where + ': ' if where else ''}{self.code}({fields})"


def problem(code: str, **fields: Any) -> Problem:
    """``Problem(code, fields)`` with the fields as keywords."""
    return Problem(code, tuple(fields.items()))


def located(problems: list[Problem] | tuple[Problem, ...], kind: str, value: Any) -> list[Problem]:
    """Each problem found inside ``kind`` ``value``."""
    return [p.at(kind, value) for p in problems]
