"""Chinese scenarios end to end: located errors, replays without a traceback, lines a Chinese voice reads.

The voice test drives the real espeak-ng: its plain ``cmn`` voice reads characters missing from its
dictionary as English spellings of their pinyin ("hao2" as "how two"), its ``cmn-latn-pinyin`` voice
reads them in Mandarin; every Chinese persona line must be read wholly in Mandarin by the voice
the scenario asks for.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.engine.lines import base_values, fill, placeholders_in
from game.engine.scenario import load_scenario

ROOT = Path(__file__).parent.parent
ZH = sorted((ROOT / "scenarios" / "zh").glob("*.yaml"))
BROKEN = Path(__file__).parent / "data" / "zh" / "broken-scenario.yaml"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True)


def test_there_are_chinese_scenarios_for_the_core_archetypes_and_the_articles_cases() -> None:
    archetypes = {load_scenario(str(path)).persona.archetype for path in ZH}
    assert {"angry", "stalling", "deadbeat", "cooperative"} <= archetypes
    assert {"cheque_in_mail", "gatekeeper", "abusive", "hardship"} <= archetypes
    assert all(load_scenario(str(path)).language == "zh" for path in ZH)


def test_a_bad_chinese_scenario_gets_located_one_line_errors() -> None:
    result = run("validate", str(BROKEN))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert [line.split(": ", 1)[0].rsplit(":", 2)[1:] for line in lines] == [["10", "11"], ["22", "13"], ["23", "1"]]


def replayed(path: Path, side: str, folder: Path) -> dict[str, Any]:
    turns = yaml.safe_load(path.read_text(encoding="utf-8"))[side]
    transcript = folder / f"{side}.yaml"
    transcript.write_text(yaml.safe_dump({"turns": turns}, allow_unicode=True), encoding="utf-8")
    result = run("replay", str(path), str(transcript), "--json")
    assert result.returncode == 0, result.stderr
    card: dict[str, Any] = json.loads(result.stdout)
    debtor = [turn["text"] for turn in card["turns"] if turn["speaker"] == "debtor"]
    assert debtor and all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in debtor)
    return card


@pytest.mark.parametrize("path", ZH, ids=lambda p: p.stem)
def test_the_model_call_replays_to_a_lawful_confirmed_promise_and_beats_the_poor_call(
    path: Path, tmp_path: Path
) -> None:
    model, poor = replayed(path, "model_call", tmp_path), replayed(path, "poor_call", tmp_path)
    assert model["compliance"] == []
    if load_scenario(str(path)).persona.archetype == "gatekeeper":  # the job: a call-back, nothing disclosed
        assert model["outcome"] == "no_commitment"
    else:
        assert model["commitment"] is not None and model["commitment"]["confirmed"]
    assert poor["total"] < model["total"]


def _spoken_lines(path: Path) -> list[str]:
    scenario = load_scenario(str(path))
    values = base_values(scenario) | {
        "commit_amount": "5000元", "offer_amount": "5000元", "commit_date": "12月4号星期五", "method": "微信",
        "instalments": "3", "line": "我下周再说。", "identity_detail": "1985年3月2号", "asked_date": "12月4号星期五",
        "corrections": "12月18号，用微信", "agreed": "5000元", "stated_amount": "5000元", "other_company": "华信",
            "remaining": "3000元",
    }  # fmt: skip
    texts = [text for pool in scenario.lines for text in pool.say]
    texts += [text for excuse in scenario.excuses for text in (*excuse.say, *excuse.countered)]
    assert all(set(placeholders_in(text)) <= set(values) for text in texts)
    return [fill(text, values) for text in texts]


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
@pytest.mark.parametrize("path", ZH, ids=lambda p: p.stem)
def test_every_persona_line_is_read_in_mandarin_by_its_voice(path: Path) -> None:
    voice = load_scenario(str(path)).persona.voice
    assert voice.accent == "cmn-latn-pinyin"
    text = "\n".join(_spoken_lines(path))
    phonemes = subprocess.run(
        ["espeak-ng", "-q", "-x", "-v", voice.accent], input=text, capture_output=True, text=True, check=True
    ).stdout
    assert "(en)" not in phonemes


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
def test_persona_lines_render_through_pyttsx3_in_each_personas_voice(tmp_path: Path) -> None:
    from game.audio.tts import PyttsxVoices

    voices = PyttsxVoices(tmp_path)
    try:
        rendered = {}
        for path in ZH:
            persona = load_scenario(str(path)).persona.voice
            line = voices.render("您好，一万二千五百元我下周五还。", persona)
            assert line.path is not None
            with wave.open(str(line.path)) as wav:
                rendered[path.stem] = (wav.getnframes() / wav.getframerate(), line.path.read_bytes())
    finally:
        voices.close()
    assert all(1.0 < seconds < 12 for seconds, _ in rendered.values()), rendered.keys()
    assert len({audio for _, audio in rendered.values()}) == len(ZH)  # each persona sounds its own
