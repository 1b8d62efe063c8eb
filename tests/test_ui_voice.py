"""The debtor's voice and the trainee's spoken answers in the window, and their fallbacks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.audio.mic import Captured
from game.audio.playback import SilentPlayer
from game.audio.recognition import RecognitionWorker
from game.audio.tts import TextOnlyVoices
from game.audio.wavio import wav_bytes, wav_seconds
from game.engine.record import Prosody
from game.engine.scenario import load_scenario
from game.session.phases import Phase
from game.ui.app import App
from game.ui.listen import Heard, MicEars, NoEars
from game.ui.scenes.call import CallScene
from game.ui.scenes.menu import MenuScene
from game.ui.settings import Settings, save_settings
from game.ui.voice import SilentVoice
from game.ui.voice_choice import NO_DEVICE, SpokenVoice, likely_lines
from tests.test_ui_support import frames, hold, press, release, type_text

TALK = pygame.K_F3


@pytest.fixture
def voiced(tmp_path: Path) -> Iterator[App]:
    """A window with the voice on (pyttsx3 in its worker process, the mixer on SDL's dummy device)."""
    window = App(tmp_path / "home", stepped=True, voice=True)
    yield window
    window.close()


CALM = Prosody(loudness_dbfs=-20.0, pitch_mean_hz=140.0, pitch_spread_hz=10.0, words_per_minute=150.0, pause_ratio=0.1)


def spoken_app(tmp_path: Path, calm: Prosody | None = CALM, **options: str) -> App:
    """A window in spoken mode, with a calm baseline saved unless ``calm`` is None."""
    settings = Settings(input_mode="spoken", **options)  # type: ignore[arg-type]
    save_settings(tmp_path / "home", settings.with_baseline(calm) if calm is not None else settings)
    return App(tmp_path / "home", stepped=True, voice=False)


def call_in(app: App, scenario_id: str = "angry-contractor") -> CallScene:
    app.kit.nav.push(MenuScene(app.kit))
    call = CallScene(app.kit, load_scenario(scenario_id))
    app.kit.nav.push(call)
    until(app, lambda: call.ready_for_input())
    return call


def until(app: App, ready: object, limit: float = 30.0) -> None:
    for _ in range(round(limit * 60)):
        if ready():  # type: ignore[operator]
            return
        app.frame()
    raise AssertionError("the window never got there")


def test_the_debtor_speaks_and_the_subtitle_lasts_as_long_as_the_audio(voiced: App) -> None:
    assert isinstance(voiced.kit.voice, SpokenVoice) and voiced.kit.voice.notice is None
    voiced.kit.nav.push(MenuScene(voiced.kit))
    call = CallScene(voiced.kit, load_scenario("angry-contractor"))
    voiced.kit.nav.push(call)
    until(voiced, lambda: call.phase is Phase.DEBTOR)
    speech = call.speech
    assert speech is not None and speech.ready and speech.duration
    assert call.reveal_for == pytest.approx(speech.duration)
    assert speech.duration == pytest.approx(wav_seconds(speech.audio.path))  # type: ignore[attr-defined]
    assert pygame.mixer.get_busy()
    until(voiced, lambda: call.ready_for_input())
    type_text(voiced, "Good morning, this is Jordan from Northwind Supply. Is this Mr. Brennan?")
    press(voiced, pygame.K_RETURN)
    until(voiced, lambda: call.phase is Phase.DEBTOR)
    frames(voiced, 10)
    type_text(voiced, "Sorry, go on.")
    press(voiced, pygame.K_RETURN, after=4)
    assert not pygame.mixer.get_busy()
    assert call.state is not None
    assert [t for t in call.state.turns if t.speaker == "trainee"][-1].interrupt


def test_a_call_renders_its_likely_lines_ahead(voiced: App) -> None:
    scenario = load_scenario("angry-contractor")
    lines = likely_lines(scenario, 0)
    assert len(lines) > 10 and "Yeah, it's me. Who wants to know?" in lines
    call_in(voiced)
    folder = voiced.kit.home / "voices"
    deadline = time.monotonic() + 20
    while len(list(folder.glob("*.wav"))) < len(lines) // 2 and time.monotonic() < deadline:
        voiced.frame()
        time.sleep(0.01)
    assert len(list(folder.glob("*.wav"))) >= len(lines) // 2


def test_no_audio_device_plays_silently_with_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "game.audio.playback.open_player", lambda: SilentPlayer("No audio device (none here): playing silently.")
    )
    app = App(tmp_path / "home", stepped=True, voice=True)
    try:
        assert isinstance(app.kit.voice, SilentVoice) and app.kit.voice.notice == NO_DEVICE
        call = call_in(app)
        assert NO_DEVICE in call.notices() and call.replies == 1
    finally:
        app.close()


def test_no_speech_engine_shows_subtitles_with_its_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notice = "No voice engine (espeak-ng is missing): subtitles only."
    monkeypatch.setattr("game.audio.tts.open_voices", lambda folder: TextOnlyVoices(notice))
    app = App(tmp_path / "home", stepped=True, voice=True)
    try:
        assert isinstance(app.kit.voice, SilentVoice) and app.kit.voice.notice == notice
        assert notice in call_in(app).notices()
    finally:
        app.close()


def test_without_a_microphone_the_talk_key_points_to_typing(tmp_path: Path) -> None:
    app = spoken_app(tmp_path)
    try:
        call = call_in(app)
        assert call.spoken and isinstance(call.ears, NoEars) and not call.ears.available
        assert call.ears.notice and "type your answers" in call.ears.notice
        assert call.ears.notice in call.notices()
        hold(app, TALK)
        release(app, TALK)
        assert call.phase is Phase.TRAINEE and call.flash_until > call.now()
        type_text(app, "Good morning, is this Mr. Brennan?")
        press(app, pygame.K_RETURN, after=4)
        assert call.state is not None and call.state.turns[1].text == "Good morning, is this Mr. Brennan?"
    finally:
        app.close()


class FakeEars:
    """Push-to-talk that always hears the same words (and a short tone as the voice)."""

    available = True
    hands_free = False
    notice = None

    def __init__(self, text: str, wav: bytes | None = None) -> None:
        self.text, self.wav = text, wav
        self.talking = False
        self.heard: list[Heard] = []

    def set_call(self, scenario: object) -> None:
        """Nothing to bias."""

    def start(self) -> None:
        self.talking = True

    def stop(self) -> bool:
        self.talking = False
        self.heard.append(Heard(self.text, self.wav))
        return True

    def partial(self) -> str:
        return self.text if self.talking else ""

    def capture(self) -> bytes | None:
        self.talking = False
        return self.wav

    def listen(self) -> None:
        """Push-to-talk only."""

    def quiet(self) -> None:
        """Push-to-talk only."""

    def phrases(self) -> list[float]:
        return []

    def poll(self) -> list[Heard]:
        out, self.heard = self.heard, []
        return out

    def close(self) -> None:
        """Nothing to close."""


def tone(seconds: float = 1.5, hz: float = 140.0) -> bytes:
    t = np.arange(int(16000 * seconds)) / 16000
    return wav_bytes(0.3 * np.sin(2 * np.pi * hz * t) * (1 + 0.2 * np.sin(2 * np.pi * 3 * t)), 16000)


def test_talking_over_the_debtor_cuts_them_off_and_counts_as_an_interruption(tmp_path: Path) -> None:
    app = spoken_app(tmp_path)
    try:
        app._ears = FakeEars("Sorry, go on.")
        call = call_in(app)
        type_text(app, "Good morning, this is Jordan from Northwind Supply. Is this Mr. Brennan?")
        press(app, pygame.K_RETURN)
        until(app, lambda: call.speaking and call.revealed > 0.3)
        hold(app, TALK)
        assert call.phase is Phase.TALKING and call.line is None
        assert call.entries[-1].endswith("—<br>")
        for _ in range(3):
            hold(app, TALK)
        release(app, TALK, after=4)
        assert call.state is not None
        last = [t for t in call.state.turns if t.speaker == "trainee"][-1]
        assert last.text == "Sorry, go on." and last.interrupt
        assert call.chips["no_interruptions"] is False
    finally:
        app.close()


def test_a_spoken_turn_carries_its_voice_features(tmp_path: Path) -> None:
    app = spoken_app(tmp_path)
    try:
        app._ears = FakeEars("Good morning, is this Mr. Brennan?", tone())
        call = call_in(app)
        hold(app, TALK)
        frames(app, 60)
        release(app, TALK, after=6)
        assert call.state is not None
        turn = call.state.turns[1]
        assert turn.text == "Good morning, is this Mr. Brennan?" and not turn.interrupt
        assert turn.prosody is not None and 100 < turn.prosody.pitch_mean_hz < 180
        assert turn.end - turn.start == pytest.approx(1.0, abs=0.1)
    finally:
        app.close()


def test_words_not_heard_leave_the_turn_to_the_trainee(tmp_path: Path) -> None:
    app = spoken_app(tmp_path)
    try:
        app._ears = FakeEars("")
        call = call_in(app)
        hold(app, TALK)
        release(app, TALK, after=4)
        assert call.phase is Phase.TRAINEE and "not heard" in call.entries[-1]
        assert call.state is not None and len(call.state.turns) == 1
    finally:
        app.close()


class ClipMic:
    """A microphone that "records" one prepared clip each time the talk key is held."""

    name = "clip"
    notice = None
    available = True

    def __init__(self, wav: bytes) -> None:
        self.wav = wav

    def start(self) -> None:
        """Recording starts: nothing to do, the clip is ready."""

    def stop(self) -> Captured:
        return Captured(self.wav, time.monotonic() - 2, time.monotonic())

    def close(self) -> None:
        """Nothing to close."""


def test_push_to_talk_goes_through_the_recognition_worker(tmp_path: Path) -> None:
    from game.audio.clips import espeak_available, speak

    if not espeak_available():
        pytest.skip("espeak-ng is not installed")
    clip = speak("Good morning, may I speak with Mr. Brennan?", tmp_path / "said.wav").read_bytes()
    app = spoken_app(tmp_path)
    try:
        worker = RecognitionWorker()
        app._ears = MicEars(ClipMic(clip), worker)  # type: ignore[arg-type]
        assert worker.wait_ready(60)
        call = call_in(app)
        hold(app, TALK)
        release(app, TALK)
        assert call.phase is Phase.HEARING
        deadline = time.monotonic() + 60
        while call.phase is Phase.HEARING and time.monotonic() < deadline:
            app.frame()
            time.sleep(0.005)
        until(app, lambda: call.ready_for_input() or call.phase is Phase.ENDED)
        assert call.state is not None
        said = call.state.turns[1]
        assert said.speaker == "trainee" and "Brennan" in said.text and said.prosody is not None
        assert call.chips["name_used"]
    finally:
        app.close()
