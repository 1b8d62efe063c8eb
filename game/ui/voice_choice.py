"""Choosing the debtor's voice once, at start-up: sound when it can, subtitles with a notice when not.

With sound, persona voices come from ``game.audio``: lines are rendered to WAV in the voice worker
process, cached, and played through pygame.mixer. The window asks for a line when the engine chooses
it and starts it when the line is due; a call's likely lines are rendered ahead when it starts, so a
reply is usually ready before it is needed.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from game.engine.lines import base_values, fill
from game.engine.replay import replay
from game.engine.scenario import Scenario
from game.engine.scenario.models import Voice
from game.i18n import N_
from game.ui.settings import Settings
from game.ui.voice import SilentVoice, Speech, VoiceOut

if TYPE_CHECKING:
    from game.audio.playback import Player
    from game.audio.tts import RenderedLine, Voices

log = logging.getLogger(__name__)

NO_DEVICE = N_("No audio device: the debtor's lines are shown as subtitles only.")
VOICE_FOLDER = "voices"


class SpokenVoice:
    """Persona voices rendered by ``game.audio`` and played through the mixer.

    The trainee's volume and rate settings are rendered into the voice (a different cache entry), so
    playback needs no mixing and the subtitle timing is the file's real length.
    """

    speaks = True

    def __init__(self, voices: Voices, player: Player, volume: float = 1.0, rate: float = 1.0) -> None:
        self._voices = voices
        self._player = player
        self._volume = volume
        self._rate = rate
        self._pending: list[tuple[Speech, Voice]] = []

    @property
    def notice(self) -> str | None:
        return self._voices.notice or self._player.notice

    def _voice(self, voice: Voice) -> Voice:
        rate = max(80, min(320, round(voice.rate * self._rate)))
        volume = round(max(0.0, min(1.0, voice.volume * self._volume)), 2)
        return voice.model_copy(update={"rate": rate, "volume": volume})

    def prepare(self, lines: list[str], voice: Voice) -> None:
        self._voices.prepare(lines, self._voice(voice))

    def speak(self, text: str, voice: Voice) -> Speech:
        own = self._voice(voice)
        speech = Speech(text)
        self._voices.request(text, own)
        self._pending.append((speech, own))
        self.poll()
        return speech

    def _arrived(self, speech: Speech, line: RenderedLine) -> None:
        if line.path is None:
            speech.failed = True
            return
        self._player.load(line)
        speech.audio = line
        speech.duration = line.seconds
        speech.ready = True

    def poll(self) -> None:
        waiting: list[tuple[Speech, Voice]] = []
        for speech, voice in self._pending:
            line = self._voices.poll(speech.text, voice)
            if line is None:
                waiting.append((speech, voice))
            else:
                self._arrived(speech, line)
        self._pending = waiting

    def settle(self, timeout: float = 5.0) -> None:
        """Wait until every requested line is rendered (scripted and test runs, never the live loop)."""
        deadline = time.monotonic() + timeout
        self.poll()
        while self._pending and time.monotonic() < deadline:
            time.sleep(0.002)
            self.poll()

    def play(self, speech: Speech) -> None:
        from game.audio.tts import RenderedLine

        if isinstance(speech.audio, RenderedLine):
            self._player.play(speech.audio)

    def stop(self) -> None:
        self._player.stop()

    def set_levels(self, volume: float, rate: float) -> None:
        self._volume, self._rate = volume, rate

    def close(self) -> None:
        self._pending = []
        self._player.stop()
        self._voices.close()
        self._player.close()


def choose_voice(settings: Settings, home: Path) -> VoiceOut:
    """The voice for this window: silent when voice is off, or with no audio device or speech engine."""
    if not settings.voice:
        return SilentVoice()
    from game.audio.playback import open_player
    from game.audio.tts import open_voices

    player = open_player()
    if player.name == "silent":
        log.warning("no audio device: %s", player.notice)
        return SilentVoice(NO_DEVICE)
    voices = open_voices(home / VOICE_FOLDER)
    if voices.name == "text":
        player.close()
        log.warning("no speech engine: %s", voices.notice)
        return SilentVoice(voices.notice or N_("The speech engine is not available: subtitles only."))
    return SpokenVoice(voices, player, settings.volume, settings.rate)


def likely_lines(scenario: Scenario, seed: int) -> list[str]:
    """What the debtor is likely to say in this call, most likely first (slow: a background job).

    The model and poor calls replayed with the call's seed give the exact lines of a call that goes
    either way; every line of the scenario whose placeholders the account fills comes after.
    """
    found: list[str] = []
    for turns in (scenario.model_call, scenario.poor_call):
        if turns:
            replay(scenario, turns, seed, on_line=lambda line: found.append(line.text))
    values = base_values(scenario)
    pools = [pool.say for pool in scenario.lines]
    pools += [[*excuse.say, *excuse.countered] for excuse in scenario.excuses]
    for pool in pools:
        for template in pool:
            text = fill(template, values)
            if "{" not in text:
                found.append(text)
    return list(dict.fromkeys(found))
