"""Scoring: pure functions from a call record to a scorecard that coaches.

``score_call`` gives the card (``as_dict`` is the contract's JSON), ``live_chips`` the HUD's checklist
for a call in progress, ``load_rubric`` a rubric by name or path, and ``format_scorecard`` the card as
text for the terminal.
"""

from scoring.card import Finding, Note, PrincipleScore, Scorecard
from scoring.render import format_scorecard
from scoring.rubric import Rubric, RubricError, load_rubric, rubric_for
from scoring.scorer import live_chips, score_call

__all__ = [
    "Finding",
    "Note",
    "PrincipleScore",
    "Rubric",
    "RubricError",
    "Scorecard",
    "format_scorecard",
    "live_chips",
    "load_rubric",
    "rubric_for",
    "score_call",
]
