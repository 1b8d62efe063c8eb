"""The microphone: without one (or without PyAudio) the trainee is told to type, and nothing breaks."""

from __future__ import annotations

import importlib.util

from game.audio.mic import NoMic, open_mic


def test_no_microphone_means_typed_answers() -> None:
    if importlib.util.find_spec("pyaudio") is None:
        mic = open_mic()
        expected = "Voice input needs PyAudio, which is not installed: type your answers."
    else:
        mic = open_mic(device_index=10_000)  # no machine has this device
        expected = "No microphone found"
    assert isinstance(mic, NoMic) and not mic.available
    assert mic.notice is not None and mic.notice.startswith(expected) and mic.notice.endswith("type your answers.")
    mic.calibrate()
    mic.start()
    assert mic.stop() is None
    heard: list[object] = []
    mic.start_hands_free(heard.append)
    mic.stop_hands_free()
    mic.close()
    assert heard == []
