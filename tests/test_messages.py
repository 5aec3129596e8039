"""Problem messages on the page follow the page's language; keys and values stay as typed."""

from __future__ import annotations

import pytest

from model.parameters import ScenarioError, make_scenario
from model.scenario_file import parse_scenario_bytes
from ui.messages import localise


def problems_of(call) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        call()
    return caught.value.problems


@pytest.mark.parametrize(
    ("call", "zh"),
    [
        (
            lambda: make_scenario({"growth_start": "x"}, text=True),
            "growth_start: 'x' 不是数字；允许：-10 至 25 之间的数 (%)",
        ),
        (lambda: make_scenario({"fund_size": 5000}), "fund_size: 5000 超出范围；允许：0 至 1000 之间的数（亿元）"),
        (
            lambda: make_scenario({"horizon_end": 2030.5}),
            "horizon_end: 2030.5 不是整数；允许：2025 至 2035 之间的整数（年）",
        ),
        (lambda: make_scenario({"phase1_on": 1}), "phase1_on: 1 不是 true 或 false；允许：true 或 false"),
        (lambda: parse_scenario_bytes(b"{", "f.json"), "f.json: 不是有效的 JSON"),
        (lambda: parse_scenario_bytes(b"\xff", "f.json"), "f.json: 不是 UTF-8 文本"),
    ],
)
def test_model_messages_in_chinese(call, zh: str) -> None:
    (problem,) = problems_of(call)
    assert localise(problem, "zh").startswith(zh)
    assert localise(problem, "en") == problem


def test_unknown_key_keeps_the_key() -> None:
    (problem,) = problems_of(lambda: make_scenario({"fund_sise": 1}))
    assert localise(problem, "zh").startswith("fund_sise: 未知参数；允许的键名")
