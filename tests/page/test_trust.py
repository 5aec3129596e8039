"""Issue 13, items 1, 2, 6, 7 and 8: text from a link, a name or a file is shown as text; no
internals reach the page; the command line fails on one line; only ASCII decimal numbers are numbers.

Each test failed on the code before the fix (a link drew a Markdown link, a name a Markdown image,
goal seek overflowed, a lone surrogate crashed the page and the command line, ``--out`` replaced a
symbolic link, ``'８'`` was 8, ...). The browser checks of items 1 and 2 are in
``tests/browser/test_browser_trust.py``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest
from clikit import run_cli
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pagekit import run_page, shown
from saykit import english

from cli.main import main
from model.analysis import goal_seek
from model.parameters import ScenarioError, default_scenario, load_parameters, make_scenario, parse_text
from model.printable import control_chars
from model.results import compute_results
from model.scenario_file import MAX_FILE_BYTES, parse_scenario_bytes, read_scenario_file
from report.plain import md_text
from report.problems import say
from report.text import TEXT, t
from store.library import ENV_VAR, ScenarioLibrary
from ui import messages, url

ROOT = Path(__file__).resolve().parents[2]

# What a link, a name or a file name may hold to dress up the page (issue 13, items 1 and 2).
EVIL = [
    "[Session expired - log in again](https://evil.example/login)",
    "![x](https://evil.example/pixel.png)",
    ":red-background[**OFFICIAL NOTICE: log in again**]",
    "<img src=https://evil.example/i.png>",
    "https://evil.example/login",
    "www.evil.example",
    "a@evil.example",
    ":material/warning: :smile:",
    "$x^2$",
    "# heading",
    "- item",
    "> quote",
    "1. first",
    "`code`",
    "**bold** _it_ ~~gone~~",
    "back\\slash \\*",
    "| a | b |",
    "line\n# second line",
    "    four spaces",
    "\x1b[31mred\x1b[0m",
    "\u202eevil",
    "\ud800",
]


def raw_markdown_free(markdown: str, text: str) -> bool:
    """``markdown`` does not hold ``text`` as typed, and outside its backslash escapes holds none of
    the sequences that open a link, an image, a directive, bold text or HTML."""
    bare = re.sub(r"\\.", "", markdown, flags=re.DOTALL)
    return (len(text) < 2 or text not in markdown) and not any(p in bare for p in ("](", "![", ":red", "**", "<"))


# --- item 1: Markdown from a link ----------------------------------------------------------------


@pytest.mark.parametrize("text", EVIL)
def test_md_text_shows_the_text_as_typed(text: str) -> None:
    markdown = md_text(text)
    assert shown(markdown) == control_chars(text)
    markdown.encode("utf-8")  # no lone surrogate left
    assert "\n" not in markdown and "\x1b" not in markdown
    # every ASCII punctuation character is escaped: nothing can open a link, an image, a directive
    unescaped = [c for i, c in enumerate(markdown) if c in "[]()!:*_`<>#|~$-" and markdown[i - 1 : i] != "\\"]
    assert unescaped == [], (text, markdown)
    assert not markdown.startswith("    ")


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40))
@example(text="[a](https://evil.example)")
@example(text="\\[a\\](b)")
@example(text="\ud800\n\x1b")
def test_md_text_round_trips_any_text(text: str) -> None:
    markdown = md_text(text)
    markdown.encode("utf-8")
    assert shown(markdown) == control_chars(text).replace("\xa0", " ")  # shown() makes no-break spaces plain


def test_control_chars_are_written_as_escapes() -> None:
    assert control_chars("a\x1b[31mb\nc\td\x00e\u202ef\ud800") == "a\\x1b[31mb\\nc\\td\\x00e\\u202ef\\ud800"
    assert control_chars("德州 8.4% [ok]") == "德州 8.4% [ok]"
    assert control_chars(Path("/tmp/\x1b")) == "/tmp/\\x1b"


LINK = {
    "lang": "en",
    "[Session expired - log in again](https://evil.example/login)": "1",
    "![x](https://evil.example/pixel.png)": "1",
    ":red-background[**OFFICIAL NOTICE**]": "1",
    "growth_start": "[x](https://evil.example/value)",
}


def test_link_keys_and_values_are_shown_as_text() -> None:
    """A link's unknown keys and bad values are named in the notice, literally: no link, no image,
    no coloured fake notice."""
    at = run_page(LINK)
    notice = " ".join(w.value for w in at.warning)
    assert TEXT["url_ignored"]["en"] in notice
    for key in (k for k in LINK if k not in ("lang", "growth_start")):  # growth_start is named by its label
        assert key not in notice  # as typed, it would be Markdown
        assert key in shown(notice)
    assert "'[x](https://evil.example/value)' is not a number" in shown(notice)
    assert "[x](https://evil.example/value)" not in notice
    assert raw_markdown_free(notice, "")
    assert at.slider(key="growth_start").value == load_parameters()["growth_start"].default


def test_link_review_then_notice_for_every_evil_key() -> None:
    ignored, _, _ = url.review({text: ["1"] for text in EVIL})
    body = messages.bullet_list(t("url_ignored", "en"), ignored, "en")
    body.encode("utf-8")
    for text in EVIL:
        assert control_chars(text) in shown(body)
    assert raw_markdown_free(body, "")


def test_control_characters_in_a_link_are_escaped_on_the_page() -> None:
    at = run_page({"lang": "en", "bad\x1b[31mkey": "1"})
    notice = " ".join(w.value for w in at.warning)
    assert "\x1b" not in notice and "'bad\\x1b[31mkey=1': not a parameter of this model" in shown(notice)


# --- item 2: names saved by one user, shown to another -------------------------------------------


@pytest.fixture
def evil_library(db_url: str) -> list[str]:
    db = db_url
    names = ["![x](https://evil.example/p.png)", "[Session expired](https://evil.example/login)"]
    with ScenarioLibrary(db) as library:
        for name, change in zip(names, ({"fund_size": 100}, {"growth_end": 5.0}), strict=True):
            library.save(name, make_scenario(change))
    return names


def test_presentation_title_is_the_name_as_text(evil_library: list[str]) -> None:
    at = run_page({"mode": "present", "lang": "en"})
    titles = []
    for _ in evil_library:
        titles.append(at.title[0].value)
        assert raw_markdown_free(titles[-1], shown(titles[-1]))
        at.button(key="present_next").click().run()
    assert sorted(titles) == sorted(md_text(name) for name in evil_library)
    assert sorted(shown(title) for title in titles) == sorted(evil_library)
    # the choice of scenarios is a multiselect: Streamlit shows its options as plain text
    assert set(at.multiselect(key="present_names").options) == set(evil_library)


def test_problems_naming_a_file_are_text() -> None:
    """Problems quote the file name (and keys, values); the caller escapes its own intro."""
    name = "![x](https://evil.example/f.png).json"
    with pytest.raises(ScenarioError) as e:
        parse_scenario_bytes(b'{"name": "a", "parameters": {"growth_start": "[k](https://evil.example)"}}', name)
    body = messages.bullet_list(t("import_problems", "en", file=md_text(name)), e.value.problems, "en")
    assert raw_markdown_free(body, name)
    assert name in shown(body) and "[k](https://evil.example)" in shown(body)


def test_the_deck_shows_names_literally() -> None:
    """python-pptx writes text as text: the name is the title as typed, never escaped twice."""
    from pptx import Presentation

    from model.scenario_file import NamedScenario
    from report.brief import build_deck

    name = "[Session expired](https://evil.example/login) **x**"
    deck = Presentation(io.BytesIO(build_deck(compute_results([NamedScenario(name, default_scenario())]), "en")))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    assert any(name in text for text in texts)
    assert not any("\\[" in text for text in texts)


# --- item 6: no internals on the page ------------------------------------------------------------


def test_no_traceback_reaches_a_visitor() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize("target", [1e50, 1e300, 2e46])
def test_goal_seek_huge_growth_target_is_a_problem(target: float) -> None:
    with pytest.raises(ScenarioError) as e:
        goal_seek(default_scenario(), "growth_end", 2030, target_growth=target)
    said = english(e.value)
    assert said.startswith("Target average growth (%): ") and "allowed: a number above -100 and below " in said


def test_goal_seek_huge_growth_target_on_the_page() -> None:
    at = run_page(tab="tab_analysis", lang="en", query={"lang": "en"})
    at.radio(key="goal_kind").set_value("growth")
    at.number_input(key="goal_value").set_value(1e50)
    at.button(key="FormSubmitter:goal_form-" + TEXT["goal_solve"]["en"]).click().run()
    assert not at.exception, at.exception
    assert at.error and "allowed: a number above -100 and below" in shown(at.error[0].value)


class FakeUpload:
    """What st.file_uploader returns, for a file the browser named as it liked."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data
        self.size, self.type, self.file_id = len(data), "application/json", "fake"

    def getvalue(self) -> bytes:
        return self._data

    def read(self) -> bytes:
        return self._data


@pytest.mark.parametrize("name", ["\ud800", "\ud800.json", "![x](https://evil.example/f.png).json"])
def test_uploaded_file_name_cannot_break_the_page(db_url: str, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """A file that is not JSON: its problems name the file, as text, whatever the browser called it."""
    data = b"{"
    import streamlit

    monkeypatch.setattr(streamlit, "file_uploader", lambda *a, **k: FakeUpload(name, data))
    at = run_page(tab="tab_library", lang="en", query={"lang": "en"})
    texts = [e.value for e in (*at.error, *at.warning, *at.info)]
    for text in texts:
        text.encode("utf-8")
        assert raw_markdown_free(text, name)
    assert any(control_chars(name) in shown(text) for text in texts), texts


@pytest.mark.parametrize(
    "db",
    [
        "postgresql+psycopg://dezhou:s3cret@db.invalid/scenarios?password=hunter2",
        "not a database address",
        "mysql://dezhou:s3cret@db.invalid/scenarios",
    ],
)
def test_bad_library_address_is_a_banner_without_the_address(monkeypatch: pytest.MonkeyPatch, db: str) -> None:
    """A bad DEZHOU_SCENARIO_DB: the page works, the library tab says the library is unavailable,
    and neither the address nor its password reaches the page."""
    monkeypatch.setenv(ENV_VAR, db)
    run_page({"lang": "en"})
    at = run_page(tab="tab_library", lang="en", query={"lang": "en"})
    banner = " ".join(shown(e.value) for e in at.error)
    assert banner, "no banner"
    for secret in ("s3cret", "hunter2", "db.invalid", "dezhou:", "not a database address"):
        assert secret not in banner, banner
    run_page({"mode": "present", "lang": "en"})


# --- item 7: the command line ----------------------------------------------------------------------


def assert_one_line_exit_2(done: subprocess.CompletedProcess[bytes], *named: str) -> str:
    err = done.stderr.decode("utf-8", errors="replace")
    assert done.returncode == 2, (done.returncode, err[-2000:])
    assert err.startswith("error: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and "\x1b" not in err
    for n in named:
        assert n in err, (n, err)
    assert done.stdout == b""
    return err


@pytest.mark.parametrize("command", [["project"], ["sensitivity"], ["uncertainty", "--draws", "10"]])
def test_out_that_cannot_be_written_is_one_line(command: list[str]) -> None:
    assert_one_line_exit_2(run_cli(*command, "--out", "/sys/dezhou-x.csv"), "--out /sys/dezhou-x.csv", "cannot write")


def test_brief_out_that_cannot_be_written_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import report.brief

    monkeypatch.setattr(report.brief, "build_deck", lambda items, lang, **kw: b"deck")  # the deck is tested elsewhere
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["brief", "--out", "/sys/dezhou-x.pptx"]) == 2
    line = err.getvalue()
    assert line.startswith("error: --out /sys/dezhou-x.pptx: cannot write") and line.count("\n") == 1


def test_out_keeps_an_existing_files_permissions(tmp_path: Path) -> None:
    out = tmp_path / "private.csv"
    out.write_bytes(b"old")
    out.chmod(0o600)
    assert run_cli("project", "--out", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_out_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "result.csv"
    real.parent.mkdir()
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert run_cli("project", "--out", str(link)).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"\xef\xbb\xbf") and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["result.csv"]  # no temporary file left


@pytest.mark.parametrize("out", ["newdir/", "x.csv/"])
def test_out_folder_or_empty_is_an_error(tmp_path: Path, out: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "model", "project", "--out", out],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert_one_line_exit_2(done, "--out")
    assert list(tmp_path.iterdir()) == []


SURROGATE_FILES = {
    "one.json": '{"name": "\\ud800", "parameters": {}}',
    "many.json": '{"version": 1, "scenarios": [{"name": "\\ud800"}, {"name": "b"}]}',
    "name_en.json": '{"name": "a", "name_en": "x\\udfff", "parameters": {}}',
}


@pytest.mark.parametrize("file", sorted(SURROGATE_FILES))
@pytest.mark.parametrize(
    "command",
    [
        ["project", "--format", "json"],
        ["project"],
        ["uncertainty", "--draws", "10", "--format", "json"],
        ["sensitivity", "--format", "json"],
        ["brief", "--out", "deck.pptx"],
    ],
)
def test_lone_surrogate_in_a_name_is_one_line(tmp_path: Path, file: str, command: list[str]) -> None:
    path = tmp_path / file
    path.write_text(SURROGATE_FILES[file], encoding="utf-8")
    command = [c if c != "deck.pptx" else str(tmp_path / c) for c in command]
    assert_one_line_exit_2(run_cli(*command, "--scenario", str(path)), str(path), "\\u")
    assert not (tmp_path / "deck.pptx").exists()


def test_goal_seek_huge_growth_target_is_one_line() -> None:
    done = run_cli("goal-seek", "--vary", "growth_end", "--target-year", "2030", "--target-growth", "1e50")
    assert_one_line_exit_2(done, "Target average growth (%)", "1×10⁵⁰", "allowed: a number above -100 and below")


def test_scenario_from_dev_zero_is_refused_without_reading_it_all() -> None:
    # The command line refuses a device before opening it (issue 20); the reader itself still reads
    # at most the limit and one byte of whatever it is given.
    err = assert_one_line_exit_2(run_cli("project", "--scenario", "/dev/zero", limit_memory=True), "/dev/zero")
    assert "is a character device, not a regular file" in err
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file("/dev/zero")
    assert f"{MAX_FILE_BYTES:,}-byte limit" in english(caught.value)


def test_scenario_from_an_endless_pipe_reads_at_most_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "endless.json"
    os.mkfifo(fifo)
    written = [0]

    def writer() -> None:  # writes until the reader closes the pipe (or 100 MB)
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as f:
            chunk = b" " * 65536
            while written[0] < 100_000_000:
                f.write(chunk)
                written[0] += len(chunk)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(fifo)
    assert re.search("byte limit", english(caught.value)), english(caught.value)
    thread.join(timeout=60)
    assert written[0] < 10 * MAX_FILE_BYTES, written[0]


# --- item 8: loose input -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["８", "٨", "1_0", "８.４", "１２", "٣", "8\u3000", "1e1_0"])
def test_only_ascii_decimal_numbers_are_numbers(text: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_text(load_parameters()["growth_start"], text)
    assert re.search("is not a number", english(caught.value)), english(caught.value)


@pytest.mark.parametrize(("text", "value"), [("8", 8.0), (" 8.4 ", 8.4), ("-1.5", -1.5), ("1e1", 10.0), (".5", 0.5)])
def test_ascii_decimal_numbers_still_are(text: str, value: float) -> None:
    assert parse_text(load_parameters()["growth_start"], text) == value


@pytest.mark.parametrize(
    "args",
    [
        ["project", "--set", "growth_start=８"],
        ["project", "--set", "growth_start=٨"],
        ["project", "--set", "fund_size=1_0"],
        ["uncertainty", "--draws", "１０"],
        ["uncertainty", "--seed", "1_0"],
        ["goal-seek", "--vary", "growth_end", "--target-year", "２０３０", "--target-va", "3000"],
        ["goal-seek", "--vary", "growth_end", "--target-year", "2030", "--target-va", "٣٠٠٠"],
        ["goal-seek", "--vary", "growth_end", "--target-year", "2030", "--target-growth", "1_0"],
        ["uncertainty", "--draws", "10", "--target", "level:２０３０=3000"],
    ],
)
def test_command_line_takes_only_ascii_numbers(args: list[str]) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(args) == 2
    assert err.getvalue().startswith("error: ") and err.getvalue().count("\n") == 1


@pytest.mark.parametrize("value", ["８", "٨", "1_0"])
def test_link_takes_only_ascii_numbers(value: str) -> None:
    at = run_page({"lang": "en", "growth_start": value})
    notice = shown(" ".join(w.value for w in at.warning))
    assert f"Trend growth, first projected year (%): '{value}' is not a number" in notice
    assert at.slider(key="growth_start").value == load_parameters()["growth_start"].default


def test_empty_scenario_path_is_an_error() -> None:
    assert_one_line_exit_2(run_cli("project", "--scenario", ""), "path is empty")
    assert_one_line_exit_2(run_cli("brief", "--scenario", "", "--out", "/tmp/x.pptx"), "path is empty")


def test_duplicate_keys_are_listed_with_the_other_problems() -> None:
    data = b'{"name": "a", "parameters": {"fund_size": 10, "fund_size": 20, "growth_start": 99}}'
    with pytest.raises(ScenarioError) as e:
        parse_scenario_bytes(data, "dup.json")
    problems = [say(p, "en") for p in e.value.problems]
    assert any("'fund_size' is given more than once" in p for p in problems), problems
    assert any("first projected year (%): 99 is out of range" in p for p in problems), problems
    assert say(e.value.problems[0], "zh") == "dup.json：同一对象中“fund_size”出现多次，只能出现一次。"
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_bytes(b'{"name": "a", "name": "b"}', "dup.json")
    assert re.search("'name' is given more than once", english(caught.value)), english(caught.value)
    many = b'{"version": 1, "scenarios": [{"name": "a", "parameters": {"ramp_years": 2, "ramp_years": 3}}]}'
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_bytes(many, "dup.json")
    assert re.search("'ramp_years' is given more than once", english(caught.value)), english(caught.value)


def test_duplicate_keys_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"name": "a", "parameters": {"fund_size": 10, "fund_size": 20}}', encoding="utf-8")
    assert_one_line_exit_2(run_cli("project", "--scenario", str(path)), "fund_size", "more than once")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["project", "--scenario", "/tmp/\x1b[31mred\x1b[0m.json"], "/tmp/\\x1b[31mred\\x1b[0m.json"),
        (["project", "--out", "/proc/dezhou-missing/\x1b]0;pwned\x07.csv"], "\\x1b]0;pwned\\x07.csv"),
        (["project", "extra\x1b[2J"], "extra\\x1b[2J"),
    ],
)
def test_control_characters_are_escaped_in_messages(args: list[str], named: str) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(args) == 2
    line = err.getvalue()
    assert named in line and "\x1b" not in line and "\x07" not in line and line.count("\n") == 1, line
