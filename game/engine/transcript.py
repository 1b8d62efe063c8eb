"""Scripted trainee sides (the transcript contract) and the timing a natural speaker gives them."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from game.engine.scenario.checking import check_model
from game.engine.scenario.located_yaml import Problem, YamlError, read_yaml
from game.engine.scenario.models import Strict, TranscriptTurn

TRAINEE_WPM = 150.0  # a calm collector's pace
NATURAL_GAP = 0.8  # seconds a trainee takes before answering


class Transcript(Strict):
    """A transcript file: an optional seed and the trainee's turns in order."""

    seed: int | None = Field(None, description="The random seed for the call.")
    turns: list[TranscriptTurn] = Field(min_length=1, description="The trainee's turns.")


class TranscriptError(Exception):
    """A transcript file is missing or invalid; ``problems`` are located one-liners."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def turn_problems(turns: list[TranscriptTurn], path: str, where: dict[int, tuple[int, int]]) -> list[Problem]:
    """Each turn must say exactly one thing (say, wait, audio or hangup), and nothing comes after a hangup."""
    problems = []
    hung_up: int | None = None
    for i, turn in enumerate(turns):
        line, column = where.get(i, (1, 1))
        given = [k for k in ("say", "wait", "audio", "hangup") if getattr(turn, k) not in (None, False)]
        if len(given) != 1:
            what = ", ".join(given) or "nothing"
            problems.append(
                Problem(path, line, column, f"a turn needs exactly one of say, wait, audio or hangup (it has {what})")
            )
        if hung_up is not None:
            problems.append(
                Problem(path, line, column, f"this turn comes after the hangup on line {hung_up}; remove one of them")
            )
            break
        if turn.hangup:
            hung_up = line
    return problems


def load_transcript(path: str | Path) -> Transcript:
    """Read and check a transcript file, raising TranscriptError with every problem found."""
    try:
        doc = read_yaml(path)
    except YamlError as err:
        raise TranscriptError([err.problem]) from None
    model, problems = check_model(Transcript, doc)
    if model is None:
        raise TranscriptError(problems)
    where = {i: doc.where(("turns", i)) for i in range(len(model.turns))}
    problems = turn_problems(model.turns, str(path), where)
    if problems:
        raise TranscriptError(problems)
    return model
