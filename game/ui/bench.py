"""Frame-time benchmark: a scripted call played in the window with the voice on, frame by frame.

Each frame's work (events, engine step when a turn is sent, scoring chips, drawing) is timed; the
figures are milliseconds. Runs headless on the dummy video driver; it measures and never asserts.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from game.bench import STEP_SCRIPT, _percentile
from game.engine.scenario import load_scenario
from game.engine.scenario.models import TranscriptTurn
from game.engine.transcript import Transcript


def bench_frames(scenario_id: str = "angry-contractor") -> dict[str, float]:
    """p50 and p99 frame times over one scripted call (voice on), plus the frame count."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.app import App
    from game.ui.scenes.call import CallScene
    from game.ui.scripted import ScriptedTrainee

    turns = [TranscriptTurn(say=line) for line in STEP_SCRIPT]
    turns.insert(5, TranscriptTurn(wait=4))
    with tempfile.TemporaryDirectory() as home:
        app = App(Path(home), stepped=True, voice=True)
        app.wait_for_jobs = False
        trainee = ScriptedTrainee(app, Transcript(seed=1, turns=turns), None)
        trainee.run(CallScene(app.kit, load_scenario(scenario_id), seed=1), real_time=False)
    times = app.frame_ms[5:]
    return {
        "p50": round(statistics.median(times), 3),
        "p99": round(_percentile(times, 99), 3),
        "max": round(max(times), 3),
        "frames": len(times),
    }
