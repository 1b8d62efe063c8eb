"""Scoring the classifier against hand labels: per-act F1 and their macro average.

Macro-F1 weighs a rare act (``mini_miranda``) as much as a common one (``state_amount``), which is
what matters for coaching: a missed violation is as bad as a missed greeting is mild.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.engine.stages import ACTS


@dataclass(frozen=True)
class ActScore:
    """How one act fared: true positives, false positives, false negatives and their F1."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def f1(self) -> float:
        found = 2 * self.true_positives
        return found / (found + self.false_positives + self.false_negatives)


# What a line can ask of the debtor (``Understanding.asks``), scored like the acts.
ASKS = (
    "identity:dob", "identity:address", "identity:last_digits", "balance", "date", "amount", "method", "read_back",
    "yes_no",
)  # fmt: skip


def act_scores(
    pairs: Iterable[tuple[frozenset[str], frozenset[str]]], labels: tuple[str, ...] = ACTS
) -> dict[str, ActScore]:
    """Per label (an act, or an ask), for ``(expected, predicted)`` sets; labels never given nor
    predicted are left out."""
    counts = {act: [0, 0, 0] for act in labels}
    for expected, predicted in pairs:
        for act in labels:
            if act in expected and act in predicted:
                counts[act][0] += 1
            elif act in predicted:
                counts[act][1] += 1
            elif act in expected:
                counts[act][2] += 1
    return {act: ActScore(*c) for act, c in counts.items() if any(c)}


def macro_f1(scores: dict[str, ActScore]) -> float:
    """The mean F1 over the acts in ``scores``."""
    return sum(score.f1 for score in scores.values()) / len(scores) if scores else 0.0
