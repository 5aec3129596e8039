"""The language is one type, passed explicitly: every parameter named ``lang`` (or ``*_lang``) below
the page is annotated ``Lang`` (model/lang.py) and has no default. The language is decided once, from
outside input (ui.url.current_lang reads ``?lang=``, the command line's ``--lang``), and handed down.

``Lang | None`` is allowed where None means "in no language" (report.csv_export: the keys as the
header, a file for programs); it is passed explicitly too. A lambda's parameters cannot be annotated
and are not read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from model.lang import LANGS, Lang
from report import catalogue, text

ROOT = Path(__file__).resolve().parents[1]
CHECKED = sorted(p for name in ("model", "report", "cli", "store", "ui") for p in (ROOT / name).rglob("*.py"))
CHECKED.append(ROOT / "app.py")
ANNOTATIONS = {"Lang", "Lang | None"}


def is_lang(name: str) -> bool:
    return name == "lang" or name.endswith("_lang")


def wrong_lang_parameters(source: str, filename: str = "<source>") -> list[str]:
    """Every ``lang`` / ``*_lang`` parameter of a function in ``source`` that is not annotated ``Lang``
    or has a default, as ``line function(parameter: annotation = default)``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        a = node.args
        positional = [*a.posonlyargs, *a.args]
        defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
        for arg, default in [*zip(positional, defaults, strict=True), *zip(a.kwonlyargs, a.kw_defaults, strict=True)]:
            if not is_lang(arg.arg):
                continue
            annotation = ast.unparse(arg.annotation) if arg.annotation else ""
            if annotation not in ANNOTATIONS or default is not None:
                shown = f" = {ast.unparse(default)}" if default is not None else ""
                found.append(f"{arg.lineno} {node.name}({arg.arg}: {annotation or '?'}{shown})")
    return found


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_checked_files_found():
    names = {relative(p) for p in CHECKED}
    assert {"model/lang.py", "report/text.py", "report/brief.py", "ui/url.py", "cli/main.py", "app.py"} <= names


@pytest.mark.parametrize("path", CHECKED, ids=relative)
def test_every_lang_parameter_is_a_lang_without_default(path):
    assert wrong_lang_parameters(path.read_text(encoding="utf-8"), str(path)) == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('def f(x, lang: str = "zh"): ...', ["1 f(lang: str = 'zh')"]),
        ("def f(lang): ...", ["1 f(lang: ?)"]),
        ("def f(lang: str): ...", ["1 f(lang: str)"]),
        ('def f(x, *, frame_lang: Lang = "en"): ...', ["1 f(frame_lang: Lang = 'en')"]),
        ("class C:\n    async def m(self, lang: Lang = DEFAULT_LANG): ...", ["2 m(lang: Lang = DEFAULT_LANG)"]),
        ("def f(x, lang: Lang, *, out_lang: Lang | None): ...", []),
        ("def f(language: str = 'zh', slang: str = ''): ...", []),  # not a language parameter by name
        ("g = lambda lang: lang", []),  # a lambda cannot be annotated
    ],
)
def test_check_finds_a_bad_lang_parameter(source, found):
    assert wrong_lang_parameters(source) == found


def test_one_definition_of_the_languages():
    assert LANGS == ("zh", "en")
    assert catalogue.Lang is Lang and catalogue.LANGS is LANGS  # the catalogue re-exports the one definition
    assert text.LANGS is LANGS
    assert text.DEFAULT_LANG in LANGS
