"""What a user is told about a problem: report.problems.say, in English (as the command line says it)."""

from __future__ import annotations

from report.problems import say_all


def english(error: BaseException) -> str:
    """Every problem of a ScenarioError (or LibraryUnavailable) said in English, in one line."""
    return say_all(error.problems, "en")


def chinese(error: BaseException) -> str:
    return say_all(error.problems, "zh")
