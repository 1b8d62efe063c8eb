"""Speech recognition end to end: trainee lines spoken by espeak-ng voices, heard through transcribe."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from game.audio.asr import open_recognizer
from game.audio.clips import Speaker, espeak_available, speak, word_errors
from game.audio.recognition import RecognitionWorker
from game.audio.transcribe import TranscribeError, hear_for, transcribe_file
from game.audio.vocabulary import vocabulary_for
from game.engine.record import Prosody
from game.engine.scenario.models import Scenario
from game.engine.understand import parse_amounts
from tests.audio_fixtures import alvarez_scenario

pytestmark = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is needed to speak the test lines")

LINES = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "audio" / "collector_lines.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
# Several voices and rates, one per line, over the lines of the spoken set.
SPEAKERS = [
    Speaker("en-us", 165),
    Speaker("en-gb+m1", 150),
    Speaker("en-us+f2", 180),
    Speaker("en-us+m3", 190),
    Speaker("en-gb+f3", 160),
]
PICKED = [0, 1, 3, 4, 5, 6, 7, 9, 13]


def scenario() -> Scenario:
    return alvarez_scenario({"commitment": {"kind": "instalments", "instalments": 2}})


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("spoken")
    return [
        (speak(LINES[i], folder / f"line{i}.wav", SPEAKERS[k % len(SPEAKERS)]), LINES[i]) for k, i in enumerate(PICKED)
    ]


@pytest.fixture(scope="module")
def heard(clips: list[tuple[Path, str]]) -> list[dict[str, object]]:
    call = scenario()
    return [transcribe_file(path, call) for path, _ in clips]


def test_transcribe_reports_text_amounts_time_engine_and_voice(
    clips: list[tuple[Path, str]], heard: list[dict[str, object]]
) -> None:
    for (path, _), result in zip(clips, heard, strict=True):
        assert set(result) >= {
            "text", "amounts", "seconds", "engine", "duration", "loudness_dbfs",
            "pitch_mean_hz", "pitch_spread_hz", "words_per_minute",
        }  # fmt: skip
        assert result["engine"] == "moonshine"
        assert result["biased"] is True
        with wave.open(str(path)) as wav:
            assert result["duration"] == pytest.approx(wav.getnframes() / wav.getframerate(), abs=0.01)
        assert float(str(result["seconds"])) > 0  # how fast is for `collector-sim bench`, never a test
        assert -40 < float(str(result["loudness_dbfs"])) < 0
        assert 60 < float(str(result["pitch_mean_hz"])) < 400
        assert 80 < float(str(result["words_per_minute"])) < 320


def test_words_and_amounts_come_back(clips: list[tuple[Path, str]], heard: list[dict[str, object]]) -> None:
    edits = words = right = stating = 0
    for (_, line), result in zip(clips, heard, strict=True):
        text = str(result["text"])
        e, n = word_errors(line, text)
        edits, words = edits + e, words + n
        assert e <= n // 2, (line, text)
        if "Alvarez" in line:
            assert "Alvarez" in text
        expected = parse_amounts(line)
        if expected:
            stating += 1
            right += tuple(result["amounts"]) == expected  # type: ignore[arg-type]
    assert edits / words <= 0.25
    assert stating >= 5 and right >= stating - 1


def test_biasing_to_the_call_beats_plain_recognition(
    clips: list[tuple[Path, str]], heard: list[dict[str, object]]
) -> None:
    plain, _ = open_recognizer("moonshine")
    assert plain is not None
    errors = {"plain": 0, "biased": 0}
    amounts = {"plain": 0, "biased": 0}
    for (path, line), biased in zip(clips, heard, strict=True):
        for label, text in (("plain", plain.transcribe(path).text), ("biased", str(biased["text"]))):
            errors[label] += word_errors(line, text)[0]
            amounts[label] += bool(parse_amounts(line)) and parse_amounts(text) == parse_amounts(line)
    assert errors["biased"] < errors["plain"]
    assert amounts["biased"] > amounts["plain"]


def test_other_engines_are_selectable_by_name(clips: list[tuple[Path, str]]) -> None:
    path, _ = clips[3]  # "You currently owe $480 on this account."
    sphinx = transcribe_file(path, scenario(), engine="pocketsphinx")
    assert sphinx["engine"] == "pocketsphinx"
    assert 480.0 in sphinx["amounts"]  # type: ignore[operator]
    shipped = transcribe_file(path, engine="sphinx")
    assert shipped["engine"] == "sphinx"
    assert shipped["biased"] is False
    assert str(shipped["text"]).strip()


def test_bad_audio_gives_one_clear_sentence(tmp_path: Path) -> None:
    not_wav = tmp_path / "notes.wav"
    not_wav.write_text("not audio")
    empty = tmp_path / "empty.wav"
    with wave.open(str(empty), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
    cases = ((tmp_path / "missing.wav", "no such audio file"), (not_wav, "not a readable"), (empty, "no sound"))
    for path, words in cases:
        with pytest.raises(TranscribeError) as caught:
            transcribe_file(path)
        message = str(caught.value)
        assert words in message and message.endswith(".") and "\n" not in message
    with pytest.raises(TranscribeError, match="unknown recognition engine"):
        transcribe_file(not_wav, engine="whisper")


def test_replay_hears_audio_turns_with_prosody(clips: list[tuple[Path, str]]) -> None:
    hear = hear_for(scenario())
    text, prosody = hear(clips[0][0])
    assert "Alvarez" in text
    assert isinstance(prosody, Prosody) and prosody.words_per_minute > 0


def test_recognition_worker_runs_beside_the_game_loop(clips: list[tuple[Path, str]]) -> None:
    with RecognitionWorker(vocabulary=vocabulary_for(scenario())) as worker:
        by_path = worker.submit(clips[0][0])
        by_bytes = worker.submit(clips[3][0].read_bytes())
        missing = worker.submit("nowhere.wav")
        results = {job: worker.wait(job) for job in (by_path, by_bytes, missing)}
        assert worker.engine == "moonshine" and worker.notice is None
    assert "Alvarez" in results[by_path].heard.text  # type: ignore[union-attr]
    assert parse_amounts(results[by_bytes].heard.text) == (480.0,)  # type: ignore[union-attr]
    assert results[missing].heard is None and "no such audio file" in str(results[missing].error)


def test_recognition_worker_without_an_engine_says_to_type(clips: list[tuple[Path, str]]) -> None:
    with RecognitionWorker(engine="no-such-engine") as worker:
        assert not worker.wait_ready(timeout=30)
        assert "unknown recognition engine" in str(worker.notice)
        job = worker.submit(clips[0][0])
        result = worker.wait(job, timeout=5)
    assert result.heard is None and result.error == worker.notice


def test_transcribe_takes_many_files_or_a_folder_in_one_process(clips: list[tuple[Path, str]], tmp_path: Path) -> None:
    import json
    import shutil
    import subprocess
    import sys

    folder = tmp_path / "turns"
    folder.mkdir()
    for i in (0, 3):
        shutil.copy(clips[i][0], folder / f"turn{i}.wav")
    (folder / "broken.wav").write_text("not audio")
    (folder / "notes.txt").write_text("not a turn")
    done = subprocess.run(
        [sys.executable, "-m", "game", "transcribe", str(folder)], capture_output=True, text=True, timeout=600
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(line["file"]).name for line in lines] == ["broken.wav", "turn0.wav", "turn3.wav"]
    assert "not a readable" in lines[0]["error"]
    assert "afternoon" in lines[1]["text"].lower() and lines[2]["text"] and lines[2]["engine"] == "moonshine"
    assert done.returncode == 1 and "transcribed 2 of 3 files; peak memory" in done.stderr
    assert "Traceback" not in done.stderr
