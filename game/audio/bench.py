"""Voice benchmarks for ``collector-sim bench``: reply audio latency and speech recognition.

Each figure is measured against a peer inside the same run (pre-rendered vs on-demand voices,
biased vs plain recognition, a worker process vs a thread), so the comparison holds on a busy
machine. Spoken material comes from espeak-ng voices (see :mod:`game.audio.clips`).
"""

from __future__ import annotations

import contextlib
import io
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.audio.asr import DEFAULT_ORDER, Recognizer, open_recognizer
from game.audio.clips import (
    AMOUNT_CALL,
    AMOUNT_LINES,
    CLIP_CALL,
    COLLECTOR_LINES,
    espeak_available,
    spoken_set,
    word_errors,
)
from game.audio.playback import Player, open_player
from game.audio.recognition import RecognitionWorker
from game.audio.tts import PyttsxVoices, RenderedLine, likely_lines, open_voices
from game.audio.wavio import read_for_recognition, wav_seconds
from game.engine.scenario.models import Scenario, TranscriptTurn, Voice

FRAME_SECONDS = 1 / 60


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def _ms(value: float) -> float:
    return round(value * 1000, 2)


def _player() -> Player:
    player = open_player()
    if player.name == "silent":
        player = open_player("dummy")
    return player


BENCH_SCENARIO = "cooperative-night-nurse"  # a short, friendly call: the first cooperative one shipped


def cooperative_call() -> tuple[Scenario, list[TranscriptTurn]]:
    """A shipped cooperative scenario and its model trainee side: the scripted call the bench plays."""
    from game.engine.scenario import load_scenario

    scenario = load_scenario(BENCH_SCENARIO)
    if not scenario.model_call:
        raise LookupError(f"the scenario {BENCH_SCENARIO} has no model call")
    return scenario, list(scenario.model_call)


def _call_latencies(
    scenario: Scenario, turns: list[TranscriptTurn], seeds: range, speak: Callable[[str], float]
) -> list[float]:
    """Seconds from each Enter to the reply's first sample: the engine step, then ``speak`` (which
    starts the reply and returns how long the device still takes to sound)."""
    from game.engine.replay import timed_turn
    from game.engine.step import start_call, step

    latencies: list[float] = []
    for seed in seeds:
        state, _ = start_call(scenario, seed)
        for turn in turns:
            if state.ended:
                break
            begin = time.perf_counter()
            state, reply, _ = step(scenario, state, timed_turn(state, turn, turn.say or ""))
            if reply is not None:
                device = speak(reply.text)
                latencies.append(time.perf_counter() - begin + device)
    return latencies


def _through_worker(voices: PyttsxVoices, player: Player, voice: Voice) -> Callable[[str], float]:
    def speak(text: str) -> float:
        voices.request(text, voice)
        line = voices.poll(text, voice)
        while line is None:
            time.sleep(0.001)
            line = voices.poll(text, voice)
        player.play(line)
        player.stop()
        return player.output_latency()

    return speak


def _naive(player: Player, voice: Voice, folder: Path) -> Callable[[str], float]:
    """A plain program: pyttsx3 in the game's own process renders each reply when it is needed."""
    import pygame
    import pyttsx3

    engine = pyttsx3.init()
    engine.setProperty("voice", f"{voice.accent}+{voice.variant or 'm3'}")
    engine.setProperty("rate", voice.rate)
    count = iter(range(1_000_000))

    def speak(text: str) -> float:
        path = str(folder / f"reply{next(count)}.wav")
        with contextlib.redirect_stdout(io.StringIO()):
            engine.save_to_file(text, path)
            engine.runAndWait()
        channel = pygame.mixer.Sound(path).play()
        if channel is not None:
            channel.stop()
        return player.output_latency()

    return speak


def bench_reply_audio(rounds: int = 3) -> dict[str, Any]:
    """Milliseconds from the trainee's Enter to the reply's first audio sample over a scripted call
    (a shipped cooperative scenario's model call, ``rounds`` seeds, after one untimed call that warms
    the engine's first-use loads), engine step included: lines
    rendered ahead by the voice worker when the call starts, against pyttsx3 rendering each reply on
    demand in the game's own process (``naive_*``) and against the worker without preparing
    (``unprepared_*``)."""
    scenario, turns = cooperative_call()
    voice = scenario.persona.voice
    player = _player()
    _call_latencies(scenario, turns, range(1), lambda text: 0.0)  # warm the engine's first-use loads
    with tempfile.TemporaryDirectory() as folder:
        found: dict[str, list[float]] = {}
        for label in ("prepared", "unprepared"):
            voices = open_voices(Path(folder) / label, backend="pyttsx3")
            if not isinstance(voices, PyttsxVoices):
                return {"error": voices.notice}
            try:
                if label == "prepared":
                    _prepare(voices, player, likely_lines(scenario), voice)
                found[label] = _call_latencies(scenario, turns, range(rounds), _through_worker(voices, player, voice))
            finally:
                voices.close()
        naive = _call_latencies(scenario, turns, range(rounds), _naive(player, voice, Path(folder)))
    prepared, unprepared = found["prepared"], found["unprepared"]
    return {
        "p50": _ms(statistics.median(prepared)),
        "p95": _ms(_percentile(prepared, 95)),
        "naive_p50": _ms(statistics.median(naive)),
        "naive_p95": _ms(_percentile(naive, 95)),
        "unprepared_p50": _ms(statistics.median(unprepared)),
        "unprepared_p95": _ms(_percentile(unprepared, 95)),
        "output_latency": _ms(player.output_latency()),
        "replies": len(prepared),
        "scenario": scenario.id,
        "player": player.name,
    }


def _prepare(voices: PyttsxVoices, player: Player, lines: list[str], voice: Voice) -> None:
    """What the game does when a call starts: render the likely lines and load them for playing."""
    voices.prepare(lines, voice)
    deadline = time.monotonic() + 60
    waiting = list(lines)
    while waiting and time.monotonic() < deadline:
        ready = [(text, voices.poll(text, voice)) for text in waiting]
        for _, line in ready:
            if line is not None:
                player.load(line)
        waiting = [text for text, line in ready if line is None]
        time.sleep(0.005)


def _score(recognizer: Recognizer, clips: list[tuple[Any, str]]) -> dict[str, Any]:
    from game.engine.understand import parse_amounts

    errors = words = right = stating = 0
    compute = audio = 0.0
    seconds: list[float] = []
    for samples, reference in clips:
        heard = recognizer.transcribe_samples(samples)
        edits, count = word_errors(reference, heard.text)
        errors, words = errors + edits, words + count
        compute, audio = compute + heard.seconds, audio + heard.audio_seconds
        seconds.append(heard.seconds)
        expected = parse_amounts(reference)
        if expected:
            stating += 1
            right += parse_amounts(heard.text) == expected
    return {
        "wer": round(errors / max(1, words), 3),
        "amounts": round(right / max(1, stating), 3),
        "rtf": round(compute / max(audio, 1e-9), 3),
        "seconds_p50": round(statistics.median(seconds), 3),
        "clips": len(clips),
    }


def _frames_while(busy: threading.Event, poll: Any) -> list[float]:
    """Frame times of a 60 fps loop: from when each frame was due to the end of its work, so a
    loop the GIL kept waiting shows the wait."""
    times: list[float] = []
    due = time.perf_counter()
    while busy.is_set():
        time.sleep(max(0.0, due - time.perf_counter()))
        poll()
        done = time.perf_counter()
        times.append(done - due)
        due = max(due + FRAME_SECONDS, done)
    return times


def _frame_figures(engine: str, paths: list[Path]) -> dict[str, float]:
    """A game loop while a line plays and recognition runs in the worker process, and (the naive
    peer) while pocketsphinx decodes in a thread of the game's own process."""
    player = _player()
    worker = RecognitionWorker(engine, CLIP_CALL)
    worker.wait_ready()
    busy = threading.Event()
    busy.set()
    jobs = {worker.submit(path) for path in paths}
    line = RenderedLine("", paths[0], wav_seconds(paths[0]))

    def poll() -> None:
        for result in worker.poll():
            jobs.discard(result.job)
        if not player.is_playing():
            player.play(line)
        if not jobs:
            busy.clear()

    in_process = _frames_while(busy, poll)
    worker.close()
    player.stop()
    recognizer, _ = open_recognizer("pocketsphinx", CLIP_CALL)
    busy.set()

    def decode() -> None:
        if recognizer is not None:
            for path in paths:
                recognizer.transcribe(path)
        busy.clear()

    thread = threading.Thread(target=decode)
    thread.start()
    in_thread = _frames_while(busy, lambda: None)
    thread.join()
    return {
        "speaking_recognising_frame_p99_ms": _ms(_percentile(in_process, 99)),
        "speaking_recognising_frame_max_ms": _ms(max(in_process)),
        "naive_thread_frame_p99_ms": _ms(_percentile(in_thread, 99)),
        "naive_thread_frame_max_ms": _ms(max(in_thread)),
    }


def bench_asr(per_line: int = 2, sphinx_clips: int = 8) -> dict[str, Any]:
    """Word error rate, amount accuracy and real-time factor of each engine, with and without
    biasing to the call, on the collector lines said by several espeak-ng voices and rates.

    The top-level ``wer``, ``amounts``, ``rtf`` and ``seconds_p50`` are the default engine with
    biasing, as the game runs it; ``sphinx`` (which reloads its model per clip) runs on a subset.
    """
    if not espeak_available():
        return {"error": "espeak-ng is not installed, so there is no speech to recognise."}
    with tempfile.TemporaryDirectory() as folder:
        spoken = spoken_set(Path(folder), COLLECTOR_LINES, per_line)
        clips = [(read_for_recognition(path), text) for path, text in spoken]
        engines: dict[str, Any] = {}
        for name in DEFAULT_ORDER:
            subset = clips if name != "sphinx" else clips[:: max(1, len(clips) // sphinx_clips)][:sphinx_clips]
            figures: dict[str, Any] = {}
            for label, vocabulary in (("plain", None), ("biased", CLIP_CALL)):
                recognizer, _ = open_recognizer(name, vocabulary)
                if recognizer is None or recognizer.name != name:
                    break
                figures[label] = _score(recognizer, subset)
            if figures:
                engines[name] = figures
        if not engines:
            return {"error": "no speech recogniser is available."}
        default = next(name for name in DEFAULT_ORDER if name in engines)
        chosen = engines[default]["biased"]
        frames = _frame_figures(default, [path for path, _ in spoken[:6]])
    return {
        "rtf": chosen["rtf"],
        "wer": chosen["wer"],
        "seconds_p50": chosen["seconds_p50"],
        "amounts": chosen["amounts"],
        "wer_plain": engines[default]["plain"]["wer"],
        "engine": default,
        "clips": len(clips),
        **frames,
        "engines": engines,
    }


def amount_figures(recognizer: Recognizer, clips: list[tuple[Any, str]], balance: float) -> dict[str, Any]:
    """Word error rate, the share of lines whose amounts come back as said, and how many lines had an
    amount that was not the balance rewritten to it (which must never happen)."""
    from game.engine.understand import parse_amounts

    errors = words = right = rewritten = 0
    misses: list[str] = []
    for samples, reference in clips:
        heard = recognizer.transcribe_samples(samples).text
        edits, count = word_errors(reference, heard)
        errors, words = errors + edits, words + count
        said, got = parse_amounts(reference), parse_amounts(heard)
        right += said == got
        rewritten += balance in got and balance not in said
        if said != got:
            misses.append(f"{reference} -> {heard}")
    return {
        "wer": round(errors / max(1, words), 3),
        "amounts_right": round(right / max(1, len(clips)), 3),
        "rewritten_to_balance": rewritten,
        "clips": len(clips),
        "misses": misses,
    }


def bench_amount_lines(per_line: int = 3) -> dict[str, Any]:
    """Lines with amounts that are and are not the call's balance (and numbers that are no money),
    said by several espeak-ng voices and rates, recognised biased to the call as the game does."""
    if not espeak_available():
        return {"error": "espeak-ng is not installed, so there is no speech to recognise."}
    recognizer, _ = open_recognizer(None, AMOUNT_CALL)
    if recognizer is None:
        return {"error": "no speech recogniser is available."}
    with tempfile.TemporaryDirectory() as folder:
        spoken = spoken_set(Path(folder), AMOUNT_LINES, per_line)
        clips = [(read_for_recognition(path), text) for path, text in spoken]
    return {"engine": recognizer.name, **amount_figures(recognizer, clips, AMOUNT_CALL.amounts[0])}
