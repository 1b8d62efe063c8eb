"""Persona voices: real espeak-ng renderings through pyttsx3, cached, distinct, and a text-only fallback."""

from __future__ import annotations

import time
import wave
from collections.abc import Iterator
from pathlib import Path

import parselmouth
import pytest

from game.audio.tts import (
    EngineVoice,
    PyttsxVoices,
    TextOnlyVoices,
    cache_key,
    engine_settings,
    likely_lines,
    open_voices,
    reading_seconds,
)
from game.engine.scenario.models import Voice
from tests.audio_fixtures import alvarez_scenario

LINE = "I know what I owe, you don't have to call me every single week about it."


@pytest.fixture(scope="module")
def voices(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PyttsxVoices]:
    opened = open_voices(tmp_path_factory.mktemp("voice-cache"))
    assert isinstance(opened, PyttsxVoices), opened.notice
    yield opened
    opened.close()


def frames_and_rate(path: Path) -> tuple[int, int]:
    with wave.open(str(path)) as wav:
        return wav.getnframes(), wav.getframerate()


def mean_pitch(path: Path) -> float:
    pitch = parselmouth.Sound(str(path)).to_pitch(pitch_floor=60.0).selected_array["frequency"]
    return float(pitch[pitch > 0].mean())


def test_a_line_renders_to_a_real_wav_with_its_length(voices: PyttsxVoices) -> None:
    line = voices.render(LINE, Voice(rate=170))
    assert line.path is not None and line.path.parent == voices.cache_dir
    frames, rate = frames_and_rate(line.path)
    assert frames > rate  # more than a second of sound
    assert line.seconds == pytest.approx(frames / rate)
    assert line.seconds == pytest.approx(reading_seconds(LINE, Voice(rate=170)), rel=0.35)


def test_the_rate_sets_the_length(voices: PyttsxVoices) -> None:
    slow = voices.render(LINE, Voice(rate=120)).seconds
    fast = voices.render(LINE, Voice(rate=240)).seconds
    assert 1.5 < slow / fast < 2.5


def test_a_second_render_is_a_cache_hit(voices: PyttsxVoices) -> None:
    first = voices.render("Hello, this is Carlos.", Voice())
    assert first.path is not None
    written = first.path.stat().st_mtime_ns
    files = sorted(voices.cache_dir.iterdir())
    again = voices.render("Hello, this is Carlos.", Voice())
    assert again == first
    assert first.path.stat().st_mtime_ns == written
    assert sorted(voices.cache_dir.iterdir()) == files
    assert first.path.stem == cache_key("Hello, this is Carlos.", voices._settings(Voice()), voices.driver)


def test_distinct_personas_sound_distinct(voices: PyttsxVoices) -> None:
    personas = {
        "man": Voice(gender="male"),
        "woman": Voice(gender="female"),
        "other man": Voice(gender="male", variant="m7", accent="en-gb"),
        "high man": Voice(gender="male", pitch=90),
    }
    lines = {name: voices.render(LINE, voice) for name, voice in personas.items()}
    paths = [line.path for line in lines.values()]
    assert None not in paths and len(set(paths)) == len(paths)
    audio = {name: line.path.read_bytes() for name, line in lines.items() if line.path}
    assert len(set(audio.values())) == len(audio)
    pitch = {name: mean_pitch(line.path) for name, line in lines.items() if line.path}
    assert pitch["woman"] > 1.5 * pitch["man"]
    assert pitch["high man"] > 1.2 * pitch["man"]


def test_prepared_lines_are_ready_without_waiting(voices: PyttsxVoices) -> None:
    lines = [f"I can pay {n} dollars on Friday." for n in range(100, 110)]
    voices.prepare(lines, Voice(gender="female"))
    deadline = time.monotonic() + 30
    ready = {}
    while len(ready) < len(lines) and time.monotonic() < deadline:
        for text in lines:
            line = voices.poll(text, Voice(gender="female"))
            if line is not None:
                ready[text] = line
        time.sleep(0.01)
    assert len(ready) == len(lines)
    assert all(line.path is not None and line.seconds > 1 for line in ready.values())


def test_a_request_is_picked_up_by_polling(voices: PyttsxVoices) -> None:
    voice = Voice(variant="m1", rate=200)
    voices.request("Yes, speaking. Who is this?", voice)
    deadline = time.monotonic() + 10
    line = voices.poll("Yes, speaking. Who is this?", voice)
    while line is None and time.monotonic() < deadline:
        time.sleep(0.005)
        line = voices.poll("Yes, speaking. Who is this?", voice)
    assert line is not None and line.path is not None and line.path.exists()


def test_an_empty_line_has_a_beat_of_silence_and_no_file(voices: PyttsxVoices) -> None:
    line = voices.render("   ", Voice())
    assert line.path is None and line.seconds == pytest.approx(0.8)


def test_saving_prints_nothing(voices: PyttsxVoices, capfd: pytest.CaptureFixture[str]) -> None:
    voices.render("Nothing on the console, please.", Voice(pitch=20))
    out, _ = capfd.readouterr()
    assert "Audio saved" not in out and out == ""


def test_no_voice_engine_falls_back_to_subtitles(tmp_path: Path) -> None:
    fallback = open_voices(tmp_path, driver="no_such_driver")
    assert isinstance(fallback, TextOnlyVoices)
    assert fallback.notice is not None and fallback.notice.startswith("No voice engine")
    assert fallback.notice.endswith("subtitles only.")
    line = fallback.render("Hello, this is Carlos speaking.", Voice(rate=150))
    assert line.path is None and line.seconds == pytest.approx(5 * 60 / 150)
    assert fallback.poll("Hello, this is Carlos speaking.", Voice(rate=150)) == line
    assert list(tmp_path.iterdir()) == []
    assert open_voices(None).notice == "No folder for voice files: subtitles only."
    assert open_voices(tmp_path, backend="text").notice is None


def test_voice_settings_map_to_engine_voices() -> None:
    espeak = [
        EngineVoice("gmw/en-us", "English (America)", ("en-us",), "Male"),
        EngineVoice("gmw/en", "English", ("en-gb", "en"), "Male"),
    ]
    assert engine_settings(Voice(gender="female", accent="en-us"), "espeak", espeak)["voice"] == "en-us+f2"
    assert engine_settings(Voice(variant="m7", accent="en-gb"), "espeak", espeak)["voice"] == "en-gb+m7"
    assert engine_settings(Voice(accent="en-au"), "espeak", espeak)["voice"] == "en+m3"
    assert engine_settings(Voice(accent="xx-yy"), "espeak", espeak)["voice"] == "en+m3"
    sapi = [
        EngineVoice("david", "David", ("en-US",), "Male"),
        EngineVoice("zira", "Zira", ("en-US",), "Female"),
        EngineVoice("hazel", "Hazel", ("en-GB",), "Female"),
    ]
    assert engine_settings(Voice(gender="female"), "sapi5", sapi)["voice"] == "zira"
    assert engine_settings(Voice(gender="male"), "sapi5", sapi)["voice"] == "david"
    settings = engine_settings(Voice(rate=210, pitch=30, volume=0.5), "sapi5", sapi)
    assert (settings["rate"], settings["pitch"], settings["volume"]) == (210, 30, 0.5)


def test_a_calls_likely_lines_are_its_known_lines_filled_in() -> None:
    scenario = alvarez_scenario(
        lines=[
            {"on": "answer", "say": ["Alvarez speaking.", "Hello, {first_name} here."]},
            {"on": "purpose_reaction", "say": ["{amount}? For {creditor}?", "I'll pay on {commit_date}."]},
        ],
        excuses=[{"id": "busy", "say": ["I'm at work."], "countered": ["Fine, go on."]}],
    )
    lines = likely_lines(scenario)
    assert lines[:3] == ["Alvarez speaking.", "Hello, Carlos here.", "$480? For Northwind Bank?"]
    assert "I'm at work." in lines and "Fine, go on." in lines
    assert not any("{" in line for line in lines)
    assert len(lines) > 10  # the shared fallback lines too


def test_a_chinese_calls_likely_lines_are_chinese_in_the_mandarin_voice(voices: PyttsxVoices) -> None:
    from game.engine.scenario import load_scenario

    scenario = load_scenario("scenarios/zh/cooperative-night-nurse.yaml")
    lines = likely_lines(scenario)
    assert len(lines) > 10  # its own lines and the shared Chinese ones
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in line) for line in lines), [
        line for line in lines if not any("\u4e00" <= ch <= "\u9fff" for ch in line)
    ]
    assert voices._settings(scenario.persona.voice)["voice"].startswith("cmn")
