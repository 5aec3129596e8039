"""The preset scenarios' names (issue 11, item 6): in the register and the terms of the strings table
(基准情景 is every setting at its default, 既定计划 the announced plan), the same on the page, in the
deck's name for the scenario, in the README; no earlier name shown anywhere; what named a preset
before (its file, its button's key, a file saved under an old name) still loads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pagekit import run_page

from model.lang import LANGS
from model.parameters import default_scenario
from model.scenario_file import PRESET_DIR, load_presets, read_scenario_file
from report.scenario_exports import parse_import
from report.text import TEXT, t

ROOT = Path(__file__).resolve().parents[2]
PRESETS = load_presets()
# What the presets and the baseline were called before (2026-11): none of it is shown any more.
OLD_NAMES = (
    "文章计划",
    "文章默认",
    "The article's plan",
    "Baseline (the article's plan)",
    "Funds fully paid in and faster",
    "Integrated-circuit chain pushed",
    "Slowdown toward the province's pace",
    "Delays: phase 2 and fund deployment slip",
    "增速向全省水平回落",
    "项目和基金投放延后",
)
ASCII_PUNCTUATION = re.compile(r"[,;:()!?]")  # Chinese text takes ，；：（）！？


def name(preset, lang: str) -> str:
    return preset.name if lang == "zh" else preset.name_en


def test_the_preset_at_the_defaults_is_the_baseline_scenario_named_as_the_strings_table_names_it() -> None:
    (baseline,) = [p for p in PRESETS if p.scenario == default_scenario()]
    assert baseline is PRESETS[0]  # listed first
    for lang in LANGS:
        assert name(baseline, lang) == t("scenario_baseline_name", lang)
    assert baseline.name == "基准情景"  # issue 11 item 6: 基准情景, not 文章默认情景


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_each_preset_is_named_and_described_in_both_languages_in_their_own_punctuation(preset) -> None:
    for text in (preset.name_en, preset.description_zh, preset.description_en):
        assert text and text.strip() == text
    for text in (preset.name, preset.description_zh):
        assert not ASCII_PUNCTUATION.search(text), text
        assert not re.search(r"[A-Za-z]", text), text  # no English words in the Chinese
    assert not re.search(r"[\u4e00-\u9fff]", preset.name_en + preset.description_en)
    # a lever kept at the plan is "the announced plan" / 既定计划, as the strings table says
    for text in (preset.description_zh, preset.description_en):
        assert "相对计划" not in text and "as in the plan" not in text.lower()


def shown_texts() -> dict[str, str]:
    """Every text a user can read: the strings table, the presets, README.md and docs/*.md."""
    texts = {f"text.py:{k}:{lang}": v for k, by_lang in TEXT.items() for lang, v in by_lang.items()}
    for path in sorted(PRESET_DIR.glob("*.json")):
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return texts


def test_no_earlier_name_is_shown() -> None:
    found = [(where, old) for where, text in shown_texts().items() for old in OLD_NAMES if old in text]
    assert found == []


def test_the_readme_lists_every_preset_by_its_names() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())  # lines joined
    for preset in PRESETS:
        assert f"*{preset.name_en}* ({preset.name})" in readme


@pytest.mark.parametrize("lang", LANGS)
def test_the_sidebar_buttons_show_the_names_and_a_click_names_what_was_loaded(lang: str) -> None:
    at = run_page({"lang": lang})
    for n, preset in enumerate(PRESETS):  # the buttons' keys are their places, as before
        button = at.button(key=f"preset_{n}")
        assert button.label == name(preset, lang)
        assert button.help == (preset.description_zh if lang == "zh" else preset.description_en)
    at.button(key="preset_0").click().run()
    assert not at.exception
    assert [x.value for x in at.toast] == [t("preset_loaded", lang, name=t("scenario_baseline_name", lang))]


def test_a_file_saved_under_an_old_name_and_the_old_preset_paths_still_load() -> None:
    # the preset files keep their names: links, scripts and the README's commands still work
    for stem in ("01-article-plan", "02-funds-paid-in-faster", "03-ic-chain-pushed", "04-slowdown", "05-delays"):
        (item,) = read_scenario_file(PRESET_DIR / f"{stem}.json")
        assert item in PRESETS
    # a scenario someone saved or exported with the baseline preset's earlier name loads as it was
    old = {
        "model_version": 2,
        "name": "文章计划（基准情景）",
        "name_en": "The article's plan (baseline)",
        "parameters": {},
    }
    (item,) = parse_import(json.dumps(old, ensure_ascii=False).encode(), "old.json", limit=10)
    assert item.name == old["name"] and item.scenario == PRESETS[0].scenario == default_scenario()
