"""Playback through pygame.mixer (SDL's dummy driver here), and silent mode when no device opens."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.audio.playback import MixerPlayer, SilentPlayer, open_player
from game.audio.tts import PyttsxVoices, RenderedLine, open_voices
from game.engine.scenario.models import Voice


@pytest.fixture(scope="module")
def line(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RenderedLine]:
    voices = open_voices(tmp_path_factory.mktemp("voice-cache"))
    assert isinstance(voices, PyttsxVoices), voices.notice
    yield voices.render("Yes, this is Carlos.", Voice(rate=200))
    voices.close()


def wait_until_quiet(player: SilentPlayer, limit: float) -> float:
    begin = time.monotonic()
    while player.is_playing() and time.monotonic() - begin < limit:
        time.sleep(0.02)
    return time.monotonic() - begin


def test_a_rendered_line_plays_for_its_length(line: RenderedLine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    player = open_player()
    assert isinstance(player, MixerPlayer) and player.notice is None
    try:
        player.load(line)
        player.play(line)
        assert player.is_playing()
        time.sleep(0.3)
        assert 0.25 <= player.elapsed() <= line.seconds  # where the line has got to, not how fast
        wait_until_quiet(player, line.seconds + 30)
        assert not player.is_playing()
        assert player.elapsed() == pytest.approx(line.seconds)
        assert 0 < player.output_latency() < 0.1
    finally:
        player.close()


def test_stopping_a_line_keeps_how_far_it_got(line: RenderedLine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    player = open_player()
    try:
        player.play(line)
        time.sleep(0.2)
        player.stop()
        heard = player.elapsed()
        assert not player.is_playing() and 0.15 <= heard < line.seconds
        time.sleep(0.1)
        assert player.elapsed() == heard
    finally:
        player.close()


def test_no_audio_device_plays_silently_on_the_clock(line: RenderedLine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "no_such_audio_driver")
    player = open_player()
    assert isinstance(player, SilentPlayer) and not isinstance(player, MixerPlayer)
    assert player.notice is not None and player.notice.startswith("No audio device")
    assert player.notice.endswith("playing silently with subtitles.")
    short = RenderedLine("Okay.", None, 0.4)
    player.play(short)
    assert player.is_playing()
    assert wait_until_quiet(player, 2) == pytest.approx(0.4, abs=0.15)
    assert player.elapsed() == pytest.approx(0.4)
    player.play(line)  # a file it cannot play still lasts its length
    assert player.is_playing() and player.output_latency() == 0


def test_a_missing_file_still_keeps_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    player = open_player()
    try:
        player.play(RenderedLine("Gone.", tmp_path / "gone.wav", 0.3))
        assert player.is_playing()
        assert wait_until_quiet(player, 2) == pytest.approx(0.3, abs=0.15)
    finally:
        player.close()
