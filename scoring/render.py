"""The scorecard as plain text for the terminal: a table of principles with bars, the outcome and
the promise, compliance findings, and the top notes with the trainee's words and a better line.
No colour codes, and bars and stars in plain ASCII, so it reads the same in any terminal, log or pipe.
"""

from __future__ import annotations

import textwrap

from game.engine.lines import money
from scoring.card import Note, Scorecard

WIDTH = 78
BAR = 20
QUOTE = 160  # characters of the trainee's words a note quotes; a pasted essay would fill the screen
OUTCOMES = {
    "commitment": "a promise to pay",
    "hung_up": "the debtor hung up",
    "no_commitment": "no promise to pay",
    "trainee_hung_up": "you ended the call",
}


def _wrap(text: str, indent: int, hanging: int | None = None) -> list[str]:
    after = " " * (indent if hanging is None else hanging)
    return textwrap.wrap(text, WIDTH, initial_indent=" " * indent, subsequent_indent=after) or [""]


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _outcome(card: Scorecard) -> str:
    line = f"Outcome: {OUTCOMES.get(card.outcome, card.outcome)}"
    promise = card.commitment
    if promise is not None:
        state = "confirmed" if promise.confirmed else "not confirmed"
        line += f" - {money(promise.amount, card.currency)} on {promise.date} by {promise.method} ({state})"
    return line


def _note(number: int, note: Note) -> list[str]:
    where = f"Turn {note.turn}" if note.turn is not None else "Whole call"
    group, what = note.topic.split(".", 1)
    about = f"{what.replace('_', ' ')} (compliance)" if group == "compliance" else _label(group)
    head = f"{number}. {where}, {about}"
    lines = _wrap(head + (f': "{_short(note.text, QUOTE)}"' if note.text else ""), 2, 5)
    lines += _wrap(note.note, 5)
    if note.better:
        lines += _wrap(f'Better: "{note.better}"', 5)
    return lines


def format_scorecard(card: Scorecard) -> str:
    """The card as readable text."""
    stars = "*" * card.stars + "-" * (3 - card.stars)
    verdict = "PASSED" if card.passed else "AUTO-FAIL" if card.auto_fail else "NOT PASSED"
    lines = [
        *_wrap(card.verdict, 0),
        f"{card.title} ({card.scenario})" + ("  [call in progress]" if card.live else ""),
        f"Principles {card.total}/100  [{stars}]  {verdict}  (rubric: {card.rubric})",
        f"Goal: {card.goal.text} - " + ("reached" if card.goal.reached else card.goal.reason or "not reached"),
        _outcome(card),
        "",
        f"{'Principle':<18}{'Score':>5}",
    ]
    for item in card.principles:
        filled = round(item.score * BAR / 100)
        extra = "" if item.weight > 0 else "  (not counted)"
        lines.append(f"{_label(item.key):<18}{item.score:>5}  {'#' * filled}{'.' * (BAR - filled)}{extra}")
    lines.append("")
    if card.compliance:
        count = len(card.compliance)
        lines.append(f"Compliance: {count} finding{'s' if count > 1 else ''} - the call fails whatever its total")
        for finding in card.compliance:
            where = f"turn {finding.turn}" if finding.turn is not None else "whole call"
            lines += _wrap(f'{finding.rule.replace("_", " ")} ({where}): "{_short(finding.text)}"', 2)
    else:
        lines.append("Compliance: no findings")
    if card.top_notes:
        lines += ["", "Top notes"]
        for number, note in enumerate(card.top_notes, 1):
            lines += _note(number, note)
    return "\n".join(lines) + "\n"
