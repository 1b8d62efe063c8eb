"""The scorecard as plain text for the terminal: a table of principles with bars, the outcome and
the promise, compliance findings, and the top notes with the trainee's words and a better line.
No colour codes, and bars and stars in plain ASCII, so it reads the same in any terminal, log or pipe.
A Chinese call's card is in Chinese: its words come from ``wording_zh.yaml`` by the card's language.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from game.engine.lines import money, spoken_date, spoken_method
from scoring.card import Note, Scorecard
from scoring.wording import Wording, wording

WIDTH = 78
WIDTH_CJK = 39  # a Chinese character takes two columns
BAR = 20
QUOTE = 160  # characters of the trainee's words a note quotes; a pasted essay would fill the screen
OUTCOMES = {
    "commitment": "a promise to pay",
    "hung_up": "the debtor hung up",
    "no_commitment": "no promise to pay",
    "trainee_hung_up": "you ended the call",
}
# The card's English words; a Chinese card takes the ``card`` section of ``wording_zh.yaml``.
CARD: Mapping[str, str] = {
    "in_progress": "  [call in progress]",
    "principles_line": "Principles {total}/100  [{stars}]  {verdict}  (rubric: {rubric})",
    "passed": "PASSED",
    "auto_fail": "AUTO-FAIL",
    "not_passed": "NOT PASSED",
    "goal_line": "Goal: {goal} - {state}",
    "reached": "reached",
    "not_reached": "not reached",
    "outcome": "Outcome: {outcome}",
    "promise": " - {amount} on {date} by {method} ({state})",
    "confirmed": "confirmed",
    "not_confirmed": "not confirmed",
    "principle": "Principle",
    "score": "Score",
    "not_counted": "  (not counted)",
    "finding": '{rule} ({where}): "{text}"',
    "no_findings": "Compliance: no findings",
    "top_notes": "Top notes",
    "turn": "Turn {turn}",
    "whole_call": "Whole call",
    "at_turn": "turn {turn}",
    "at_call": "whole call",
    "note_head": "{number}. {where}, {about}",
    "compliance": " (compliance)",
    "better": 'Better: "{better}"',
    "quote": ': "{text}"',
}


class _Words:
    """The card's words in its language: English from the code, Chinese from the wording file."""

    def __init__(self, language: str) -> None:
        self.zh: Wording | None = wording(language)
        self.card = self.zh.sections["card"] if self.zh else CARD
        self.width = WIDTH_CJK if self.zh else WIDTH
        self.language = language

    def __call__(self, key: str, **values: object) -> str:
        return self.card[key].format(**values)

    def principle(self, key: str) -> str:
        return self.zh.word("principles", key) if self.zh else _label(key)

    def rule(self, key: str) -> str:
        return self.zh.word("rules", key) if self.zh else key.replace("_", " ")

    def outcome(self, key: str) -> str:
        return self.zh.word("outcomes", key) if self.zh else OUTCOMES.get(key, key)

    def findings(self, count: int) -> str:
        if self.zh:
            return self.zh.say("card", "findings", count=count)
        return f"Compliance: {count} finding{'s' if count > 1 else ''} - the call fails whatever its total"

    def where(self, turn: int | None) -> str:
        """A note's place, as its heading says it."""
        return self("turn", turn=turn) if turn is not None else self("whole_call")

    def at(self, turn: int | None) -> str:
        """A finding's place, within its line."""
        return self("at_turn", turn=turn) if turn is not None else self("at_call")


# Chinese punctuation that may not open a line (it stays with the character before it).
_NO_LINE_START = frozenset("，。、；：？！）》」』”’")


def _wrap(text: str, indent: int, hanging: int | None = None, width: int = WIDTH) -> list[str]:
    after = " " * (indent if hanging is None else hanging)
    lines = textwrap.wrap(text, width, initial_indent=" " * indent, subsequent_indent=after) or [""]
    for at in range(1, len(lines)):
        body = lines[at][len(after) :]
        while body and body[0] in _NO_LINE_START:
            lines[at - 1], body = lines[at - 1] + body[0], body[1:]
        lines[at] = after + body
    return [line for line in lines if line.strip()] or [""]


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _outcome(card: Scorecard, words: _Words) -> str:
    line = words("outcome", outcome=words.outcome(card.outcome))
    promise = card.commitment
    if promise is not None:
        state = words("confirmed" if promise.confirmed else "not_confirmed")
        date, method = promise.date, promise.method
        if words.zh:
            date, method = spoken_date(promise.date, "zh"), spoken_method(promise.method, "zh")
        line += words("promise", amount=money(promise.amount, card.currency), date=date, method=method, state=state)
    return line


def _note(number: int, note: Note, words: _Words) -> list[str]:
    group, what = note.topic.split(".", 1)
    about = words.rule(what) + words("compliance") if group == "compliance" else words.principle(group)
    head = words("note_head", number=number, where=words.where(note.turn), about=about)
    quote = words("quote", text=_short(note.text, QUOTE)) if note.text else ""
    lines = _wrap(head + quote, 2, 5, words.width)
    lines += _wrap(note.note, 5, width=words.width)
    if note.better:
        lines += _wrap(words("better", better=note.better), 5, width=words.width)
    return lines


def format_scorecard(card: Scorecard) -> str:
    """The card as readable text, in the card's language."""
    words = _Words(card.language)
    stars = "*" * card.stars + "-" * (3 - card.stars)
    verdict = words("passed" if card.passed else "auto_fail" if card.auto_fail else "not_passed")
    goal = words.zh.word("goals", card.goal.key) if words.zh else card.goal.text
    state = words("reached") if card.goal.reached else None
    if state is None:
        reason = card.goal.reason
        state = (words.zh.word("reasons", reason) if words.zh and reason else reason) or words("not_reached")
    lines = [
        *_wrap(card.verdict, 0, width=words.width),
        f"{card.title} ({card.scenario})" + (words("in_progress") if card.live else ""),
        words("principles_line", total=card.total, stars=stars, verdict=verdict, rubric=card.rubric),
        words("goal_line", goal=goal, state=state),
        _outcome(card, words),
        "",
        _pad(words("principle"), 18) + f"{words('score'):>5}",
    ]
    for item in card.principles:
        filled = round(item.score * BAR / 100)
        extra = "" if item.weight > 0 else words("not_counted")
        label = _pad(words.principle(item.key), 18)
        lines.append(f"{label}{item.score:>5}  {'#' * filled}{'.' * (BAR - filled)}{extra}")
    lines.append("")
    if card.compliance:
        lines.append(words.findings(len(card.compliance)))
        for finding in card.compliance:
            line = words(
                "finding", rule=words.rule(finding.rule), where=words.at(finding.turn), text=_short(finding.text)
            )
            lines += _wrap(line, 2, width=words.width)
    else:
        lines.append(words("no_findings"))
    if card.top_notes:
        lines += ["", words("top_notes")]
        for number, note in enumerate(card.top_notes, 1):
            lines += _note(number, note, words)
    return "\n".join(lines) + "\n"


def _pad(text: str, columns: int) -> str:
    """``text`` padded to ``columns`` terminal columns (a Chinese character takes two)."""
    used = sum(2 if ord(c) > 0x2E7F else 1 for c in text)
    return text + " " * max(0, columns - used)
