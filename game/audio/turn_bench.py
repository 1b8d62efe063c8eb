"""Turn-taking pace as the player hears it, measured in the real window loop.

A real call scene runs at 60 frames a second on the dummy video driver, with the real pyttsx3 voice
worker and the mixer. Typed turns: from the Enter key event to the reply's first sample handed to the
mixer. Spoken turns (espeak-ng clips played into the game as a microphone would, the talk key let go
a moment after the speech ends, recognised by the streaming worker): from the end of the trainee's
speech to the same point. Both include the persona's reaction gap. It measures; it never asserts.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from game.audio.bench import _ms, _percentile, cooperative_call
from game.audio.streaming import Utterance
from game.audio.wavio import RECOGNITION_RATE, read_for_recognition
from game.session.phases import Phase

if TYPE_CHECKING:
    from game.engine.scenario.models import Scenario, TranscriptTurn
    from game.ui.app import App
    from game.ui.scenes.call import CallScene

FPS = 60
TYPED_CALLS = 3
THINK_SECONDS = (1.0, 0.1)  # the trainee reads the reply first, or answers right after it
TYPING_CHARS_PER_SECOND = 30  # a quick typist
RELEASE_AFTER = 0.2  # the talk key comes up this long after the last word
REPLY_WAIT = 120.0  # a busy machine recognises slowly: wait, and let the figure show it


class _Window:
    """The game's window and one call in it, with the moment each reply starts playing noted."""

    def __init__(self, home: Path, scenario: Scenario, spoken: bool, clips: list[Path]) -> None:
        from dataclasses import replace

        from game.ui.app import App
        from game.ui.scenes.call import CallScene
        from game.ui.settings import load_settings, save_settings

        save_settings(home, replace(load_settings(home), input_mode="spoken" if spoken else "typed"))
        self.app: App = App(home, stepped=False, voice=True)
        self.app.kit.calibration_skipped = True
        if spoken:
            from game.audio.mic import FileMic
            from game.audio.recognition import RecognitionWorker
            from game.ui.listen import MicEars

            worker = RecognitionWorker()
            worker.wait_ready(120)
            self.app._ears = MicEars(FileMic(clips), worker)
        self.played: list[float] = []
        voice = self.app.kit.voice
        play = voice.play

        def noted(speech: Any) -> None:
            self.played.append(time.perf_counter())
            play(speech)

        voice.play = noted  # type: ignore[method-assign]
        self.call: CallScene = CallScene(self.app.kit, scenario, seed=0)
        self.app.kit.nav.push(self.call)
        self._due = time.perf_counter()

    def frame(self) -> None:
        """One frame of the game loop, paced at 60 a second as the game runs."""
        self.app.frame()
        self._due += 1 / FPS
        time.sleep(max(0.0, self._due - time.perf_counter()))
        self._due = max(self._due, time.perf_counter() - 1 / FPS)

    def frames_until(self, done: Callable[[], bool], limit: float) -> bool:
        deadline = time.perf_counter() + limit
        while not done():
            if time.perf_counter() > deadline or self.call.phase is Phase.ENDED:
                return False
            self.frame()
        return True

    def frames_for(self, seconds: float) -> None:
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            self.frame()

    def post_key(self, kind: int, key: int) -> float:
        import pygame

        pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
        return time.perf_counter()

    def reply_after(self, moment: float, heard: int) -> float | None:
        """Seconds from ``moment`` to the next reply's first sample (None: no reply came)."""
        if not self.frames_until(lambda: len(self.played) > heard, REPLY_WAIT):
            return None
        return self.played[heard] - moment

    def close(self) -> None:
        self.app.close()


def _typed(window: _Window, turns: list[TranscriptTurn]) -> list[float]:
    import pygame

    found: list[float] = []
    for i, turn in enumerate(turns):
        if not window.frames_until(window.call.ready_for_input, REPLY_WAIT):
            break
        window.frames_for(THINK_SECONDS[i % 2])
        for ch in turn.say or "":
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
            window.frames_for(1 / TYPING_CHARS_PER_SECOND)
        heard = len(window.played)
        pressed = window.post_key(pygame.KEYDOWN, pygame.K_RETURN)
        window.post_key(pygame.KEYUP, pygame.K_RETURN)
        latency = window.reply_after(pressed, heard)
        if latency is not None:
            found.append(latency)
    return found


def speech_seconds(clip: Path) -> float:
    """Where the speech in a clip ends, by the same voice-activity test the recogniser uses."""
    utterance = Utterance()
    utterance.add((np.clip(read_for_recognition(clip), -1, 1) * 32767).astype("<i2").tobytes())
    return utterance.voiced_end / RECOGNITION_RATE


def _spoken(window: _Window, clips: list[Path]) -> tuple[list[float], list[float]]:
    """Latencies from the end of each spoken line, and the frame times while speaking and recognising."""
    import pygame

    from game.ui.scenes.call import TALK_KEY

    found: list[float] = []
    busy_frames: list[float] = []
    for i, clip in enumerate(clips):
        if not window.frames_until(window.call.ready_for_input, REPLY_WAIT):
            break
        window.frames_for(THINK_SECONDS[i % 2])
        heard = len(window.played)
        first_frame = len(window.app.frame_ms)
        began = window.post_key(pygame.KEYDOWN, TALK_KEY)
        speech_end = began + speech_seconds(clip)
        window.frames_for(speech_end + RELEASE_AFTER - time.perf_counter())
        window.post_key(pygame.KEYUP, TALK_KEY)
        latency = window.reply_after(speech_end, heard)
        busy_frames += window.app.frame_ms[first_frame:]
        if latency is not None:
            found.append(latency)
    return found, busy_frames


def _figures(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p95": 0.0, "turns": 0}
    return {"p50": _ms(statistics.median(values)), "p95": _ms(_percentile(values, 95)), "turns": len(values)}


def bench_turn_taking() -> dict[str, Any]:
    """``enter_to_audio_ms`` and ``speech_end_to_audio_ms`` (p50, p95) over the model call of a
    shipped cooperative scenario, with the frame times while the trainee speaks and is recognised."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.audio.clips import espeak_available, speak

    scenario, turns = cooperative_call()
    said = [turn for turn in turns if turn.say]
    result: dict[str, Any] = {
        "scenario": scenario.id,
        "reaction_gap_ms": _ms(scenario.persona.voice.gap),
        "load_average": round(os.getloadavg()[0], 2),  # what else the machine was doing: read figures beside it
    }
    with tempfile.TemporaryDirectory() as folder:
        typed: list[float] = []
        for call in range(TYPED_CALLS):
            window = _Window(Path(folder) / f"typed{call}", scenario, False, [])
            try:
                typed += _typed(window, said)
            finally:
                window.close()
        result["enter_to_audio_ms"] = _figures(typed)
        if not espeak_available():
            result["speech_end_to_audio_ms"] = {"error": "espeak-ng is not installed, so there is no speech."}
            return result
        clips = [speak(turn.say or "", Path(folder) / f"said{i}.wav") for i, turn in enumerate(said)]
        window = _Window(Path(folder) / "spoken", scenario, True, clips)
        try:
            latencies, frames = _spoken(window, clips)
        finally:
            window.close()
    result["speech_end_to_audio_ms"] = _figures(latencies)
    if frames:
        result["speaking_recognising_frame_p99_ms"] = round(_percentile(frames, 99), 2)
    return result
