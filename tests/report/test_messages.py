"""Every problem is said by one function (report.problems.say) in both languages: labels and units,
never keys; rounded numbers; blanks blank; Chinese with no English words but file formats, JSON's
own words and what the user typed; English with no Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from model.analysis import goal_seek
from model.compat import CompatNotice
from model.parameters import (
    PROJECT_FIELDS,
    TARGET_FIELDS,
    ScenarioError,
    default_scenario,
    load_parameters,
    make_scenario,
)
from model.problems import Problem, problem
from model.scenario_file import parse_scenario_bytes
from report.problems import FIELDS, PROBLEMS, number, say, say_all
from store.library import LibraryUnavailable, NameTaken, ScenarioLibrary, clean_name

ROOT = Path(__file__).resolve().parents[2]
SPECS = load_parameters()

# One problem of every code, with the fields its raiser gives it (and a place where it was found).
SAMPLES: dict[str, Problem] = {
    "not_number": problem("not_number", key="growth_start", value="fast"),
    "not_finite": problem("not_finite", key="base_va", value=float("nan")),
    "not_whole": problem("not_whole", key="horizon_end", value=2030.5),
    "out_of_range": problem("out_of_range", key="first_year", value=2050, lo=2024, hi=2035, whole=True).at("row", 2),
    "not_bool": problem("not_bool", key="phase1_on", value=1),
    "not_above": problem("not_above", key="target_growth", value=-120.0, lo=-100, below=1.9e38),
    "unknown_parameter": problem("unknown_parameter", given="fund_sise=3"),
    "given_twice": problem("given_twice", key="fund_size", count=2),
    "rounded": problem("rounded", key="growth_end", value=11.87063, rounded=11.9, step=0.1),
    "not_object": problem("not_object", key="project", allowed=PROJECT_FIELDS).at("project", 3),
    "unknown_field": problem("unknown_field", given="colour", allowed=TARGET_FIELDS).at("target", 1),
    "bad_text": problem("bad_text", key="name", value="x" * 90, limit=80),
    "missing": problem("missing", key="full_output").at("row", 1),
    "bad_choice": problem("bad_choice", key="metric", value="lvl", allowed=("level", "growth_year", "growth_avg")),
    "year_before": problem("year_before", key="from_year", value=2030, year=2028),
    "not_list": problem("not_list", key="projects"),
    "too_many": problem("too_many", key="targets", count=21, limit=20),
    "not_text": problem("not_text", key="name", value=3),
    "control_chars": problem("control_chars", key="name", value="a\x1bb\u202e"),
    # issue 20: one visitor's share of the library, a file that cannot be read
    "visitor_new_limit": problem("visitor_new_limit", limit=200, used=150, new=60, at="14:05"),
    "visitor_new_limit_once": problem("visitor_new_limit_once", limit=100, new=200),
    "visitor_versions_limit": problem("visitor_versions_limit", limit=500, used=500, new=1, at="09:30"),
    "visitor_versions_limit_once": problem("visitor_versions_limit_once", limit=10, new=20),
    "file_failed": problem("file_failed").at("file", "f.json"),
    "invalid_text": problem("invalid_text", key="description_zh", value="\ud800"),
    "unsupported": problem("unsupported", key="model_version", value=7, allowed=(1, 2)),
    "file_too_large": problem("file_too_large", size=2_000_000, limit=1_000_000).at("file", "big.json"),
    "not_utf8": problem("not_utf8", byte=3).at("file", "f.json"),
    "not_json": problem("not_json", line=1, col=5).at("file", "f.json"),
    "json_constant": problem("json_constant", value="NaN").at("file", "f.json"),
    "json_too_deep": problem("json_too_deep").at("file", "f.json"),
    "duplicate_key": problem("duplicate_key", given="fund_size").at("file", "f.json"),
    "path_empty": problem("path_empty"),
    "no_such_file": problem("no_such_file").at("file", "missing.json"),
    "is_folder": problem("is_folder").at("file", "data"),
    "permission_denied": problem("permission_denied").at("file", "secret.json"),
    "cannot_read": problem("cannot_read", detail="Input/output error").at("file", "f.json"),
    "bad_file_name": problem("bad_file_name").at("file", "a\x00b"),
    "holds_many": problem("holds_many", count=3).at("file", "many.json"),
    "data_not_number": problem("data_not_number", columns=("year", "value")).at("line", 4).at("file", "history.csv"),
    "data_choice": problem("data_choice", column="region", allowed=("dezhou", "shandong")).at("line", 5),
    "data_source_missing": problem("data_source_missing", columns=("publication", "quote_zh")).at("line", 6),
    "data_unknown_key": problem("data_unknown_key", given="growth").at("line", 2),
    "data_twice": problem("data_twice", key="fund_size").at("line", 3),
    "data_range": problem("data_range", key="fund_size", low=-5, high=80).at("line", 3),
    "data_missing": problem("data_missing", columns=("why_en",)).at("line", 3),
    "shocks_rows": problem("shocks_rows").at("file", "shocks.csv"),
    "shocks_range": problem("shocks_range", sd=-1.0, rho=2.0).at("file", "shocks.csv"),
    "vary_unknown": problem("vary_unknown", given="nope"),
    "vary_switch": problem("vary_switch", key="phase1_on"),
    "vary_horizon": problem("vary_horizon", key="horizon_end"),
    "one_target": problem("one_target"),
    "goal_reached": goal_seek(default_scenario(), "growth_end", 2030, target_va=2500.0).outcome(),
    "goal_no_effect": goal_seek(default_scenario(), "value_added_rate", 2030, target_growth=12.0).outcome(),
    "goal_out_of_reach": goal_seek(default_scenario(), "growth_end", 2030, target_va=99999.0).outcome(),
    "name_empty": problem("name_empty"),
    "name_too_long": problem("name_too_long", count=81, limit=80),
    "name_control": problem("name_control", chars=("U+0007",)),
    "name_taken": problem("name_taken", name="计划"),
    "not_owner": problem("not_owner", name="计划", owner="ann@example.com"),
    "name_twice": problem("name_twice", name="twin", first=1).at("scenario", 3).at("file", "many.json"),
    "too_many_in_file": problem("too_many_in_file", count=201, limit=200).at("file", "many.json"),
    "library_full": problem("library_full", limit=2000, count=1999, new=5),
    "versions_full": problem("versions_full", limit=50000),
    "version_not_found": problem("version_not_found", number=9),
    "scenario_not_found": problem("scenario_not_found", name="ghost"),
    "library_unreachable": problem("library_unreachable"),
    "library_not_database": problem("library_not_database"),
    "saved_skipped": problem(
        "saved_skipped", name="old", problems=(problem("out_of_range", key="fund_size", value=5000),)
    ),
    "saved_damaged": problem("saved_damaged", name="old"),
    # --- page v3: the official figures added on the page (store/figures.py) ---
    "figure_not_found": problem("figure_not_found", number=42),
    "figure_not_yours": problem("figure_not_yours", number=3, owner="analyst@dezhou.gov.cn"),
    "figures_full": problem("figures_full", limit=5_000),
    "figure_versions_full": problem("figure_versions_full", limit=50_000),
    "figure_damaged": problem("figure_damaged", number=7),
    "no_scenarios": problem("no_scenarios"),
    "bad_set": problem("bad_set", given="growth"),
    "bad_target_spec": problem("bad_target_spec", given="level2030"),
    "target_after_horizon": problem("target_after_horizon", year=2034, horizon=2030).at(
        "option", "--target level:2034=1"
    ),
    "v1_default_replaced": CompatNotice("default_replaced", "base_va", 1500, SPECS["base_va"].default).problem(),
    "v1_meaning_changed": CompatNotice("meaning_changed", "fund_leverage", 3.0).problem(),
    "v1_unknown_key": CompatNotice("unknown_key", "retired").problem(),
    "v1_new_parameters": CompatNotice("new_parameters", "use_observed,ti_effect").problem(),
    "v2_new_parameters": CompatNotice("v2_new_parameters", "base_revenue,revenue_drift").problem(),
    "v2_ti_scored": CompatNotice("v2_ti_scored", "ti_growth", 20.0).problem(),
    "v2_levers_from_p": CompatNotice("v2_levers_from_p", "fund_paid_in,fund_start").problem(),
    "v2_status_column": CompatNotice("v2_status_column", "status").problem(),
    "history_quote_missing": problem("history_quote_missing", field="quote_zh").at("line", 3).at("file", "new.csv"),
    "history_period": problem("history_period", field="period", value="Q3", allowed=("full-year", "H1")).at("line", 2),
    "history_not_number": problem("history_not_number", field="value", value="n/a", whole=False).at("line", 4),
    "history_year": problem("history_year", field="year", value=2040, lo=2015, hi=2035).at("line", 5),
    "history_choice": problem("history_choice", field="region", value="jinan", allowed=("dezhou", "shandong")).at(
        "line", 6
    ),
    "history_columns": problem("history_columns", columns=("quote_zh",)).at("file", "new.csv"),
    "year_taken_as_p": problem("year_taken_as_p", key="fund_start", value=2025, year=2026),
}

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# In Chinese: file formats, JSON's own words, units and what the user typed (quoted “…”) may be in
# Latin letters; so may a file name or a command-line option that opens the sentence.
ZH_ALLOWED = {"JSON", "UTF", "true", "false", "NaN", "U", "UTC"}
KEYS = set(SPECS) | set(FIELDS)


def latin_words_in_zh(p: Problem, text: str) -> set[str]:
    text = re.sub(r"“[^”]*”", "", text)
    for _kind, at in p.where:
        text = text.replace(str(at).replace("\x00", "\\x00"), "")
    text = re.sub(r"--[\w-]+", "", text)
    text = re.sub(r"[\w.+-]+@[\w.]+", "", text)  # an e-mail address (a signed-in owner)
    text = re.sub(r"U\+[0-9A-F]{4,6}", "", text)  # a character named by its code point (U+202E)
    return set(re.findall(r"[A-Za-z]+", text)) - ZH_ALLOWED


def test_every_code_has_a_sample_and_a_template() -> None:
    assert set(SAMPLES) == set(PROBLEMS)
    assert all(set(t) == {"zh", "en"} and all(t.values()) for t in PROBLEMS.values())


def raised_codes() -> set[str]:
    """The codes the code base raises, read from its source (problem("code", …) and its kin)."""
    found: set[str] = set()
    for folder in ("model", "ui", "cli", "report"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            found |= set(re.findall(r"\bproblem\(\s*\"([a-z0-9_]+)\"", text))
            found |= set(re.findall(r"\bfound\(line, \"([a-z0-9_]+)\"", text))
            found |= set(re.findall(r"_problem\(spec, \w+, \"([a-z0-9_]+)\"\)", text))
            for a, b in re.findall(r"\bcode = \"([a-z0-9_]+)\" if .* else \"([a-z0-9_]+)\"", text):
                found |= {a, b}
    return found


def test_every_code_raised_has_a_template() -> None:
    raised = raised_codes()
    assert len(raised) > 40
    assert raised <= set(PROBLEMS), raised - set(PROBLEMS)


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_every_problem_is_said_in_both_languages(code: str) -> None:
    p = SAMPLES[code]
    zh, en = say(p, "zh"), say(p, "en")
    assert zh.strip() and en.strip()
    assert not CJK.search(en.replace("计划", "")), en  # a Chinese name the user gave may stay
    assert CJK.search(zh), zh
    assert latin_words_in_zh(p, zh) == set(), zh
    for text in (zh, en):
        assert "None" not in text and "{" not in text and "}" not in text, text
        assert not re.search(r"\d\.\d{5,}", text), text  # rounded: no 11.8706…
        named = p.get("key")
        if named in SPECS or (named in FIELDS and "_" in named):
            assert not re.search(rf"(?<![\w]){re.escape(named)}(?![\w])", text), text  # a label, never the key
    for key in ("keys", "problems"):
        for inner in p.get(key) or ():
            label = SPECS[inner].label_zh if isinstance(inner, str) else ""
            assert label in zh


def test_labels_units_and_rounding() -> None:
    assert say(SAMPLES["rounded"], "zh") == "终止年份趋势增速（%）：11.87已按滑块步长0.1取整为11.9。"
    assert say(SAMPLES["out_of_range"], "zh") == "第2行，投产年份：2050超出允许范围，应为2024至2035之间的整数。"
    assert say(SAMPLES["missing"], "zh") == "第1行：缺少达产年产值（亿元）。"
    assert say(problem("not_number", key="growth_start", value=None), "en").startswith(
        "Trend growth, first projected year (%): blank is not a number"
    )
    assert number(11.8706) == "11.87" and number(2030.0) == "2030" and number(0.61) == "0.61"
    goal = say(SAMPLES["goal_reached"], "zh")
    # By hand, with the shipped figures (2024 estimated at 8.4%, 2025 published at 7.5%; P = 2026) and
    # the defaults (base_va 1210, growth_start 7.5): 1210 × 1.084 × 1.075 = 1410.013; growth 7.5 → 16.87
    # over 2026–2030 (7.5, 9.8425, 12.185, 14.5275, 16.87) multiplies it by
    # 1.075 × 1.098425 × 1.12185 × 1.145275 × 1.1687 = 1.77307: 2,500.05, within 0.1% of 2,500
    assert goal.startswith("终止年份趋势增速（%）为16.87时，2030年增加值为2,500.0亿元") and "growth_end" not in goal


@pytest.mark.parametrize(
    ("call", "zh"),
    [
        (
            lambda: make_scenario({"growth_start": "x"}, text=True),
            "首个推算年份趋势增速（%）：“x”不是数值，应为-10至25之间的数。",
        ),
        (
            lambda: make_scenario({"fund_size": 5000}),
            "产业投资基金认缴规模（亿元）：5000超出允许范围，应为0至1000之间的数。",
        ),
        (
            lambda: make_scenario({"horizon_end": 2030.5}),
            "预测终止年份（年）：2030.5不是整数，应为2025至2035之间的整数。",
        ),
        (lambda: parse_scenario_bytes(b"{", "f.json"), "f.json：不是有效的 JSON（第1行第2列）。"),
        (lambda: parse_scenario_bytes(b"\xff", "f.json"), "f.json：不是 UTF-8 文本（第0字节），请另存为 UTF-8 编码。"),
        (lambda: make_scenario({"fund_sise": 1}), "“fund_sise”不是本模型的参数。"),
        (lambda: clean_name("   "), "情景名称不能为空。"),
        (lambda: clean_name(None), "情景名称不能为空。"),
    ],
)
def test_raised_problems_in_chinese(call, zh: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        call()
    assert say_all(caught.value.problems, "zh") == zh


def test_library_problems_are_data(tmp_path) -> None:
    lib = ScenarioLibrary(f"sqlite:///{tmp_path / 'l.sqlite'}")
    lib.save("plan", default_scenario())
    with pytest.raises(NameTaken) as caught:
        lib.save("plan", default_scenario())
    assert say_all(caught.value.problems, "zh") == "已有名为“plan”的情景，请换一个名称或选择覆盖。"
    with pytest.raises(LibraryUnavailable) as down:
        ScenarioLibrary("nonsense://")
    assert say_all(down.value.problems, "en").startswith("the scenario library's address is not a database")
