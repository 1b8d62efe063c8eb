"""Spoken-input settings (engine, hands-free), hands-free calls and the voice calibration, in the window."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.audio.asr import DEFAULT_ORDER, ENGINES
from game.audio.mic import Captured
from game.audio.prosody import CALIBRATION_LINE
from game.audio.recognition import RecognitionWorker
from game.engine.record import Prosody
from game.session.phases import Phase
from game.ui.app import App
from game.ui.listen import MicEars, NoEars
from game.ui.scenes.calibration import CalibrationScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.settings import ROWS, SettingsScene
from game.ui.settings import Settings, load_settings
from tests.test_ui_support import frames, hold, press, release, top, type_text
from tests.test_ui_voice import TALK, ClipMic, FakeEars, call_in, spoken_app, tone, until


def espeak_clip(text: str, path: Path) -> bytes:
    from game.audio.clips import espeak_available, speak

    if not espeak_available():
        pytest.skip("espeak-ng is not installed")
    return speak(text, path).read_bytes()


def test_engine_and_listening_mode_are_settings_passed_to_the_microphone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[bool, str | None, bool]] = []

    def fake_open(spoken: bool, engine: str | None = None, hands_free: bool = False) -> NoEars:
        opened.append((spoken, engine, hands_free))
        return NoEars("No microphone found: type your answers.")

    monkeypatch.setattr("game.ui.app.open_ears", fake_open)
    app = App(tmp_path / "home", stepped=True, voice=False)
    try:
        assert app.kit.settings.engine == DEFAULT_ORDER[0] and app.kit.settings.listening == "push-to-talk"
        app.kit.nav.push(MenuScene(app.kit))
        app.kit.nav.push(SettingsScene(app.kit))
        frames(app)
        fields = [row.field for row in ROWS]
        for _ in range(fields.index("input_mode")):
            press(app, pygame.K_DOWN)
        press(app, pygame.K_RIGHT)
        assert app.kit.settings.input_mode == "spoken"
        assert opened[-1] == (True, DEFAULT_ORDER[0], False)
        for _ in range(fields.index("engine") - fields.index("input_mode")):
            press(app, pygame.K_DOWN)
        press(app, pygame.K_RIGHT)
        engines = list(ENGINES)
        chosen = engines[(engines.index(DEFAULT_ORDER[0]) + 1) % len(engines)]
        assert app.kit.settings.engine == chosen and opened[-1] == (True, chosen, False)
        press(app, pygame.K_DOWN)
        press(app, pygame.K_RIGHT)
        assert app.kit.settings.hands_free and opened[-1] == (True, chosen, True)
        app.kit.jobs.settle()
        saved = json.loads((app.kit.home / "settings.json").read_text(encoding="utf-8"))
        assert saved["engine"] == chosen and saved["listening"] == "hands-free"
        assert load_settings(app.kit.home).listening == "hands-free"
    finally:
        app.close()


def test_unknown_engine_or_mode_in_the_file_fall_back_to_defaults(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text(json.dumps({"engine": "nope", "listening": "shout"}), encoding="utf-8")
    settings = load_settings(home)
    assert settings.engine == DEFAULT_ORDER[0] and settings.listening == "push-to-talk"
    assert settings.baseline is None


def test_hands_free_without_a_microphone_keeps_the_typed_line(tmp_path: Path) -> None:
    app = spoken_app(tmp_path, listening="hands-free")
    try:
        call = call_in(app)
        assert isinstance(call.ears, NoEars) and call.ears.notice and "type your answers" in call.ears.notice
        assert call.ears.notice in call.notices()
        type_text(app, "Good morning, is this Mr. Brennan?")
        press(app, pygame.K_RETURN, after=4)
        assert call.state is not None and call.state.turns[1].text == "Good morning, is this Mr. Brennan?"
    finally:
        app.close()


class HandsFreeMic(ClipMic):
    """A microphone that, while listening hands-free, hands over each phrase the test gives it."""

    def __init__(self) -> None:
        super().__init__(b"")
        self.on_phrase: Callable[[Captured], None] | None = None
        self.stopped = 0

    def start_hands_free(self, on_phrase: Callable[[Captured], None]) -> None:
        self.on_phrase = on_phrase

    def stop_hands_free(self) -> None:
        self.on_phrase = None
        self.stopped += 1


def test_hands_free_sends_each_phrase_like_push_to_talk(tmp_path: Path) -> None:
    clip = espeak_clip("Good morning, may I speak with Mr. Brennan?", tmp_path / "said.wav")
    app = spoken_app(tmp_path, listening="hands-free")
    try:
        mic = HandsFreeMic()
        worker = RecognitionWorker()
        app._ears = MicEars(mic, worker, hands_free=True)  # type: ignore[arg-type]
        assert worker.wait_ready(60)
        call = call_in(app)
        assert mic.on_phrase is not None and call.listening
        assert "Just speak" in call.keys_hint()
        hold(app, TALK)
        release(app, TALK)
        assert call.phase is Phase.TRAINEE
        now = time.monotonic()
        sender = threading.Thread(target=mic.on_phrase, args=(Captured(clip, now - 2.5, now),))
        sender.start()
        sender.join()
        frames(app, 2)
        assert call.phase is Phase.HEARING
        deadline = time.monotonic() + 60
        while call.phase is Phase.HEARING and time.monotonic() < deadline:
            app.frame()
            time.sleep(0.005)
        until(app, lambda: call.ready_for_input() or call.phase is Phase.ENDED)
        assert call.state is not None
        said = call.state.turns[1]
        assert said.speaker == "trainee" and "Brennan" in said.text and said.prosody is not None
        assert said.end > said.start and not said.interrupt
        press(app, pygame.K_F10, after=4)
        assert call.phase is Phase.ENDED and mic.on_phrase is None and mic.stopped == 1
    finally:
        app.close()


def test_calibration_without_a_microphone_says_so_and_can_be_skipped(tmp_path: Path) -> None:
    app = spoken_app(tmp_path, calm=None)
    try:
        app.kit.nav.push(MenuScene(app.kit))
        from game.engine.scenario import load_scenario
        from game.ui.scenes.call import CallScene

        call = CallScene(app.kit, load_scenario("angry-contractor"))
        app.kit.nav.push(call)
        frames(app, 3)
        scene = top(app)
        assert isinstance(scene, CalibrationScene) and scene.phase == "no_mic"
        assert "microphone" in scene.status() and "skip" in scene.status()
        hold(app, TALK)
        release(app, TALK)
        assert scene.phase == "no_mic"
        press(app, pygame.K_ESCAPE)
        assert top(app) is call and app.kit.calibration_skipped
        until(app, lambda: call.ready_for_input())
        assert app.kit.settings.baseline is None
    finally:
        app.close()


def test_calibration_measures_the_line_and_saves_the_baseline(tmp_path: Path) -> None:
    clip = espeak_clip(CALIBRATION_LINE, tmp_path / "calm.wav")
    app = spoken_app(tmp_path, calm=None)
    try:
        app._ears = MicEars(ClipMic(clip), RecognitionWorker())  # type: ignore[arg-type]
        app.kit.nav.push(MenuScene(app.kit))
        from game.engine.scenario import load_scenario
        from game.ui.scenes.call import CallScene

        call = CallScene(app.kit, load_scenario("angry-contractor"))
        app.kit.nav.push(call)
        frames(app, 3)
        scene = top(app)
        assert isinstance(scene, CalibrationScene) and scene.phase == "ready"
        hold(app, TALK)
        assert scene.phase == "recording"
        release(app, TALK, after=1)
        until(app, lambda: scene.phase == "saved")
        calm = app.kit.settings.baseline
        assert calm is not None and calm.words_per_minute > 60 and 60 < calm.pitch_mean_hz < 300
        assert "Your calm voice" in scene.status()
        app.kit.jobs.settle()
        saved = load_settings(app.kit.home)
        assert saved.baseline == calm
        press(app, pygame.K_RETURN)
        assert top(app) is call and not app.kit.calibration_skipped
        until(app, lambda: call.ready_for_input())
    finally:
        app.close()


def test_a_loud_spoken_turn_gets_a_gentle_tone_hint(tmp_path: Path) -> None:
    quiet = Prosody(
        loudness_dbfs=-40.0, pitch_mean_hz=140.0, pitch_spread_hz=10.0, words_per_minute=150.0, pause_ratio=0.0
    )
    app = spoken_app(tmp_path, calm=quiet)
    try:
        app._ears = FakeEars("Good morning, is this Mr. Brennan?", tone())
        call = call_in(app)
        assert top(app) is call
        hold(app, TALK)
        frames(app, 60)
        release(app, TALK, after=6)
        assert call.state is not None and call.state.turns[1].prosody is not None
        assert "a little loud" in call.tone_hint
        assert any("a little loud" in entry for entry in call.entries)
    finally:
        app.close()


def test_settings_keep_the_baseline_they_are_given() -> None:
    calm = Prosody(-22.5, 131.0, 12.0, 148.0, 0.0)
    assert Settings().with_baseline(calm).baseline == calm
