"""The project's benchmarks (`collector-sim bench`): each returns figures in milliseconds.

Benchmarks measure; they never assert. Each part of the product registers its own here, imported
only when run, so `bench --only engine_step_ms` does not start audio or pygame.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from importlib import import_module
from typing import Any

from game.engine.scenario.models import TranscriptTurn

STEP_SCRIPT = [
    "Good morning, may I speak with Mr. Brennan?",
    "This is Anna from Northwind Supply. This is an attempt to collect a debt.",
    "I'm calling about your balance of $1,250.",
    "I understand this has been a stressful season, Mr. Brennan.",
    "When does your client's payment arrive?",
    "Can you pay the $1,250 by Friday by bank transfer?",
    "So that's $1,250 on Friday, December 4 by bank transfer, correct?",
    "Thank you, Mr. Brennan. Have a good day.",
]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def engine_step_ms(rounds: int = 60) -> dict[str, Any]:
    """Time per engine step (classifier included) over a full call, repeated with different seeds."""
    from game.engine.replay import timed_turn
    from game.engine.scenario import load_scenario
    from game.engine.step import start_call, step

    scenario = load_scenario("angry-contractor")
    # The first call builds the classifier's lexicon and loads the date parser: reported apart as
    # `cold_call_ms` (the game does it before the window opens), so p50/p99 are the steady state.
    begin = time.perf_counter()
    state, _ = start_call(scenario, rounds)
    for text in STEP_SCRIPT:
        state, _, _ = step(scenario, state, timed_turn(state, TranscriptTurn(say=text), text))
    cold = (time.perf_counter() - begin) * 1000
    times: list[float] = []
    for seed in range(rounds):
        state, _ = start_call(scenario, seed)
        for text in STEP_SCRIPT:
            turn = timed_turn(state, TranscriptTurn(say=text), text)
            begin = time.perf_counter()
            state, _, _ = step(scenario, state, turn)
            times.append((time.perf_counter() - begin) * 1000)
    return {
        "p50": round(statistics.median(times), 3),
        "p99": round(_percentile(times, 99), 3),
        "steps": len(times),
        "cold_call_ms": round(cold, 1),
    }


def load_scenarios_ms() -> dict[str, Any]:
    """Time to read, validate, lint and resolve every shipped scenario, cold (caches cleared)."""
    from game.engine.scenario import load_all
    from game.engine.scenario.defaults import archetype_defaults, fallback_lines

    archetype_defaults.cache_clear()
    fallback_lines.cache_clear()
    begin = time.perf_counter()
    loaded = load_all()
    total = (time.perf_counter() - begin) * 1000
    return {"total": round(total, 1), "files": len(loaded), "per_file": round(total / max(1, len(loaded)), 2)}


def _lazy(module: str, name: str) -> Callable[[], dict[str, Any]]:
    def run() -> dict[str, Any]:
        result: dict[str, Any] = getattr(import_module(module), name)()
        return result

    return run


BENCHMARKS: dict[str, Callable[[], dict[str, Any]]] = {
    "engine_step_ms": engine_step_ms,
    "load_scenarios_ms": load_scenarios_ms,
    "classify_zh_ms": _lazy("game.zh_bench", "classify_zh_ms"),
    "engine_step_zh_ms": _lazy("game.zh_bench", "engine_step_zh_ms"),
    "score_call_ms": _lazy("scoring.bench", "bench_score_call"),
    "reply_audio_ms": _lazy("game.audio.bench", "bench_reply_audio"),
    "asr": _lazy("game.audio.bench", "bench_asr"),
    "amount_lines": _lazy("game.audio.bench", "bench_amount_lines"),
    "turn_taking": _lazy("game.audio.turn_bench", "bench_turn_taking"),
    "frame_ms": _lazy("game.ui.bench", "bench_frames"),
    "store": _lazy("game.store.bench", "bench_store"),
}


def run(only: str | None = None) -> dict[str, dict[str, Any]]:
    """Run every benchmark (or one) and return its figures by name."""
    names = [only] if only else list(BENCHMARKS)
    return {name: BENCHMARKS[name]() for name in names}
