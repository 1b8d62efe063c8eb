"""A Chinese call is coached in Chinese: the phrase bank's twin, the scenario's own lines first, the
trainee's own words quoted, and the card's verdict, names and headings in Chinese."""

from __future__ import annotations

import re
import string

import pytest

from game.engine.replay import replay
from game.engine.scenario import load_scenario
from game.engine.scenario.models import Scenario, TranscriptTurn
from game.i18n import translations
from scoring import Scorecard, format_scorecard, score_call
from scoring.coaching import bank
from scoring.scorer import SILENT_CALL

# Three or more Latin letters in a row: an English word left in Chinese coaching.
ENGLISH = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(text: str | None) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text or "") if name}


def test_every_english_coaching_key_has_a_chinese_entry_with_the_same_placeholders() -> None:
    english, chinese_bank = bank("en"), bank("zh")
    assert set(chinese_bank) == set(english)
    for key, entry in english.items():
        twin = chinese_bank[key]
        assert (twin.better is None) == (entry.better is None), key
        assert twin.scenario_line == entry.scenario_line, key
        assert _fields(twin.note) <= _fields(entry.note) | {"name"}, key
        assert _fields(twin.better) <= _fields(entry.better) | _fields(entry.note), key
        prose = re.sub(r"\{\w+\}", "", twin.note)
        assert CJK.search(prose) and not ENGLISH.search(prose), key


def _card(scenario_id: str, turns: list[TranscriptTurn]) -> tuple[Scenario, Scorecard]:
    scenario = load_scenario(f"scenarios/zh/{scenario_id}.yaml")
    return scenario, score_call(replay(scenario, turns, seed=1), scenario)


def _texts(card: Scorecard) -> list[str]:
    notes = [*card.top_notes, *(n for p in card.principles for n in p.notes)]
    return [t for n in notes for t in (n.note, n.better or "")] + [
        t for f in card.compliance for t in (f.note, f.better or "")
    ]


@pytest.mark.parametrize(
    "scenario_id", ["deadbeat-online-loan", "stalling-boutique-owner", "angry-ride-driver", "gatekeeper-secretary"]
)
def test_a_poor_chinese_call_is_coached_in_chinese(scenario_id: str) -> None:
    scenario, card = _card(scenario_id, list(scenario_of(scenario_id).poor_call or []))
    texts = _texts(card)
    assert texts and all(not ENGLISH.search(t) for t in texts), [t for t in texts if ENGLISH.search(t)]
    assert CJK.search(card.verdict) and not ENGLISH.search(card.verdict)
    printed = format_scorecard(card)
    assert not ENGLISH.search(printed.replace(scenario.id, "").replace(card.rubric, "")), printed


def scenario_of(scenario_id: str) -> Scenario:
    return load_scenario(f"scenarios/zh/{scenario_id}.yaml")


def test_the_scenarios_own_chinese_line_comes_first_and_the_trainees_words_are_quoted() -> None:
    scenario, card = _card("deadbeat-online-loan", list(scenario_of("deadbeat-online-loan").poor_call or []))
    ask = next(n for n in card.principle("commitment").notes if n.topic == "commitment.no_ask")
    assert ask.better == scenario.better["commitment"]
    insult = next(f for f in card.compliance if f.rule == "insult")
    assert insult.text == "赵志强，你这个老赖，五千块钱拖了四个月。"
    assert "“老赖”" in insult.note
    assert insult.better == "赵先生，我是想帮您把这件事处理好。"
    quiet = next(n for n in card.principle("stay_quiet").notes if n.topic == "stay_quiet.no_ask")
    assert quiet.better == "赵先生，这5000元今天能处理一下吗？"


def test_the_chinese_verdict_names_the_rule_and_a_passed_call_its_goal() -> None:
    _, failed = _card("deadbeat-online-loan", list(scenario_of("deadbeat-online-loan").poor_call or []))
    assert failed.verdict.startswith("不合格：") and translations("zh").gettext("threat") in failed.verdict
    _, passed = _card("cooperative-night-nurse", list(scenario_of("cooperative-night-nurse").model_call or []))
    assert passed.passed and passed.verdict == "通过：拿到并确认还款承诺，总分100。"
    assert "通过微信还3250.50元（已确认）" in format_scorecard(passed)


def test_a_silent_turn_and_a_wordless_call_are_described_in_chinese() -> None:
    turns = [TranscriptTurn(say="陈女士您好，我是安信小额贷款的小王，请问是陈丽本人吗？"), TranscriptTurn(wait=4.0)]
    _, card = _card("cooperative-night-nurse", turns)
    silent = [n.text for p in card.principles for n in p.notes if n.text.startswith("（沉默")]
    assert all(t == "（沉默4秒）" for t in silent)
    _, mute = _card("cooperative-night-nurse", [TranscriptTurn(wait=3.0)])
    silent_zh = translations("zh").gettext(SILENT_CALL.note)
    assert silent_zh != SILENT_CALL.note
    assert all(n.note == silent_zh for p in mute.principles for n in p.notes if n.topic == "call.silent")
