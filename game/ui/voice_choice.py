"""Choosing the debtor's voice once, at start-up: sound when it can, subtitles with a notice when not."""

from __future__ import annotations

import logging

import pygame

from game.ui.settings import Settings
from game.ui.voice import SilentVoice, VoiceOut

log = logging.getLogger(__name__)


def _mixer_ready() -> bool:
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init()
    except pygame.error as err:
        log.warning("no audio device: %s", err)
        return False
    return True


def choose_voice(settings: Settings, *, stepped: bool = False) -> VoiceOut:
    """The voice for this window: silent when voice is off, no device or no speech engine."""
    if not settings.voice:
        return SilentVoice()
    if not _mixer_ready():
        return SilentVoice("No audio device: the debtor's lines are shown as subtitles only.")
    return SilentVoice("The speech engine is not available: the debtor's lines are shown as subtitles only.")
