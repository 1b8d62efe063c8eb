"""The scorecard's values: frozen, and turned into the contract's JSON shape by ``as_dict``.

A ``Mark`` is what a principle or a compliance rule observes (a topic, a turn, the points it moves);
``coaching`` turns it into a ``Note`` a trainee can act on. A score is 100 plus its notes' points (kept
within 0-100), so a team lead can trace every point to a turn and a rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.engine.record import Commitment
from scoring.goal import Goal


@dataclass(frozen=True)
class Mark:
    """One observation: ``topic`` names the coaching entry (``principle.what``); ``points`` move the score."""

    topic: str
    turn: int | None
    points: int
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Note:
    """Coaching on one moment: the trainee's words, what happened and what to do, a better line.

    ``topic`` is ``principle.what`` or ``compliance.rule``; ``points`` is what it moved the score by.
    """

    topic: str
    turn: int | None
    text: str
    note: str
    better: str | None
    points: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "turn": self.turn,
            "text": self.text,
            "note": self.note,
            "better": self.better,
            "points": self.points,
        }


@dataclass(frozen=True)
class PrincipleScore:
    """One principle: 0-100, its notes, and the weight it carried in the total (0 when not observed)."""

    key: str
    score: int
    notes: tuple[Note, ...]
    weight: float

    def as_dict(self) -> dict[str, Any]:
        return {"score": self.score, "notes": [n.as_dict() for n in self.notes], "weight": self.weight}


@dataclass(frozen=True)
class Finding:
    """A lawful-conduct finding: the rule broken, on which turn, in which words."""

    rule: str
    turn: int | None
    text: str
    note: str
    better: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "turn": self.turn,
            "text": self.text,
            "note": self.note,
            "better": self.better,
        }


@dataclass(frozen=True)
class TurnView:
    """One turn as the card shows it, with the notes that point at it (the turn-by-turn view)."""

    speaker: str
    text: str
    acts: tuple[str, ...] = ()
    beat: str | None = None
    silence: float = 0.0
    interrupt: bool = False
    notes: tuple[Note, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"speaker": self.speaker, "text": self.text}
        if self.speaker == "trainee":
            out["acts"] = list(self.acts)
            if self.silence:
                out["silence"] = self.silence
            if self.interrupt:
                out["interrupt"] = True
        else:
            out["beat"] = self.beat
        if self.notes:
            out["notes"] = [
                {"topic": n.topic, "note": n.note, "better": n.better, "points": n.points} for n in self.notes
            ]
        return out


@dataclass(frozen=True)
class Scorecard:
    """The whole card: the contract's keys first, then stars, pass, rubric, top notes and the turns."""

    scenario: str
    title: str
    currency: str
    outcome: str
    commitment: Commitment | None
    principles: tuple[PrincipleScore, ...]
    compliance: tuple[Finding, ...]
    total: int
    stars: int
    passed: bool
    rubric: str
    live: bool
    top_notes: tuple[Note, ...]
    turns: tuple[TurnView, ...]
    goal: Goal
    verdict: str
    language: str = "en"  # the call's language: the words of a Chinese card are Chinese

    @property
    def auto_fail(self) -> bool:
        """A compliance finding failed the call whatever its principle scores."""
        return bool(self.compliance)

    def principle(self, key: str) -> PrincipleScore:
        """The score of one principle by key (KeyError when the card has none)."""
        for item in self.principles:
            if item.key == key:
                return item
        raise KeyError(key)

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "outcome": self.outcome,
            "commitment": self.commitment.as_dict() if self.commitment is not None else None,
            "principles": {p.key: p.as_dict() for p in self.principles},
            "compliance": [f.as_dict() for f in self.compliance],
            "total": self.total,
            "stars": self.stars,
            "passed": self.passed,
            "verdict": self.verdict,
            "auto_fail": self.auto_fail,
            "goal": self.goal.as_dict(),
            "rubric": self.rubric,
            "live": self.live,
            "title": self.title,
            "currency": self.currency,
            "top_notes": [n.as_dict() for n in self.top_notes],
            "turns": [t.as_dict() for t in self.turns],
        }
