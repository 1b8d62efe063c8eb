"""The functional core stays pure: game.engine and scoring import no pygame, audio or clock."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ["pygame", "pygame_gui", "pyttsx3", "speech_recognition", "pocketsphinx", "parselmouth", "sqlalchemy"]

PROBE = f"""
import builtins, sys
real_import = builtins.__import__
def guarded(name, *args, **kwargs):
    if name.split('.')[0] in {FORBIDDEN!r}:
        raise ImportError('forbidden in the core: ' + name)
    return real_import(name, *args, **kwargs)
builtins.__import__ = guarded
import game.engine.step, game.engine.replay, game.engine.scenario, game.engine.understand
import scoring
from game.engine.scenario import load_scenario
from game.engine.replay import replay
from game.engine.scenario.models import TranscriptTurn
scenario = load_scenario('angry-contractor')
record = replay(scenario, [TranscriptTurn(say='Good morning, Mr. Brennan.')], seed=1)
scoring.score_call(record, scenario)
loaded = sorted(m.split('.')[0] for m in sys.modules)
print(','.join(sorted(set(loaded) & set({FORBIDDEN!r}))))
"""


def test_engine_and_scoring_import_no_pygame_audio_or_database() -> None:
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""


def test_engine_reads_no_clock() -> None:
    """Time comes in with each turn: the core never calls time.time, datetime.now or date.today.

    A package's bench.py is the exception: it times the pure functions from outside.
    """
    import pathlib

    import game.engine
    import scoring

    offenders = []
    for package in (game.engine, scoring):
        for path in pathlib.Path(package.__path__[0]).rglob("*.py"):
            if path.name == "bench.py":
                continue
            text = path.read_text(encoding="utf-8")
            for needle in ("time.time(", "datetime.now(", "date.today(", "perf_counter(", "time.monotonic("):
                if needle in text:
                    offenders.append(f"{path.name}: {needle}")
    assert offenders == []
