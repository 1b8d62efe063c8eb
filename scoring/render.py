"""The scorecard as plain text for the terminal: a table of principles with bars, the outcome and
the promise, compliance findings, and the top notes with the trainee's words and a better line.
No colour codes, and bars and stars in plain ASCII, so it reads the same in any terminal, log or pipe.

The frame (headings, labels, outcome) is in the language asked for, from the message catalogues; the
caller says which (a Chinese call's card is Chinese), so nothing here reads a setting. Columns and
wrapping count display width, so Chinese lines wrap between characters and the table stays aligned.
"""

from __future__ import annotations

from game.engine.lines import money, spoken_date, spoken_method
from game.i18n import translations
from game.text_width import ljust, rjust, wrap
from scoring.card import Note, Scorecard
from scoring.labels import LABELS, OUTCOMES

WIDTH = 78
BAR = 20
QUOTE = 160  # characters of the trainee's words a note quotes; a pasted essay would fill the screen
class _Frame:
    """The card's words in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.gettext = translations(language).gettext
        self.ngettext = translations(language).ngettext

    def label(self, key: str) -> str:
        """A principle's or rule's name: calm_tone -> Calm tone (语气平和 in Chinese)."""
        known = LABELS.get(key)
        return self.gettext(known) if known else key.replace("_", " ").capitalize()


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _outcome(card: Scorecard, frame: _Frame) -> str:
    _ = frame.gettext
    known = OUTCOMES.get(card.outcome)
    outcome = _(known) if known else card.outcome
    promise = card.commitment
    if promise is None:
        return _("Outcome: {outcome}").format(outcome=outcome)
    zh = frame.language == "zh"
    values = {
        "outcome": outcome,
        "amount": money(promise.amount, card.currency),
        "date": spoken_date(promise.date, "zh") if zh else promise.date,
        "method": spoken_method(promise.method, frame.language),
    }
    if promise.confirmed:
        return _("Outcome: {outcome} - {amount} on {date} by {method} (confirmed)").format(**values)
    return _("Outcome: {outcome} - {amount} on {date} by {method} (not confirmed)").format(**values)


def _note(number: int, note: Note, frame: _Frame) -> list[str]:
    _ = frame.gettext
    where = _("Turn {turn}").format(turn=note.turn) if note.turn is not None else _("Whole call")
    group, what = note.topic.split(".", 1)
    about = _("{rule} (compliance)").format(rule=frame.label(what)) if group == "compliance" else frame.label(group)
    head = _("{number}. {where}, {about}").format(number=number, where=where, about=about)
    if note.text:
        head = _('{head}: "{words}"').format(head=head, words=_short(note.text, QUOTE))
    lines = wrap(head, WIDTH, 2, 5)
    lines += wrap(note.note, WIDTH, 5)
    if note.better:
        lines += wrap(_('Better: "{line}"').format(line=note.better), WIDTH, 5)
    return lines


def _goal(card: Scorecard, frame: _Frame) -> str:
    _ = frame.gettext
    if card.goal.reached:
        return _("Goal: {goal} - reached").format(goal=_(card.goal.text))
    if card.goal.reason:
        return _("Goal: {goal} - {reason}").format(goal=_(card.goal.text), reason=_(card.goal.reason))
    return _("Goal: {goal} - not reached").format(goal=_(card.goal.text))


def format_scorecard(card: Scorecard, language: str | None = None) -> str:
    """The card as readable text, its frame in ``language`` (by default the call's own)."""
    frame = _Frame(language or card.language)
    _ = frame.gettext
    stars = "*" * card.stars + "-" * (3 - card.stars)
    verdict = _("PASSED") if card.passed else _("AUTO-FAIL") if card.auto_fail else _("NOT PASSED")
    title = _("{title} ({scenario})").format(title=card.title, scenario=card.scenario)
    lines = [
        *wrap(card.verdict, WIDTH),
        _("{title}  [call in progress]").format(title=title) if card.live else title,
        _("Principles {total}/100  [{stars}]  {verdict}  (rubric: {rubric})").format(
            total=card.total, stars=stars, verdict=verdict, rubric=card.rubric
        ),
        _goal(card, frame),
        _outcome(card, frame),
        "",
        ljust(_("Principle"), 18) + rjust(_("Score"), 5),
    ]
    for item in card.principles:
        filled = round(item.score * BAR / 100)
        bar = "#" * filled + "." * (BAR - filled)
        row = f"{ljust(frame.label(item.key), 18)}{item.score:>5}  {bar}"
        lines.append(row if item.weight > 0 else _("{row}  (not counted)").format(row=row))
    lines.append("")
    if card.compliance:
        count = len(card.compliance)
        lines.append(
            frame.ngettext(
                "Compliance: {count} finding - the call fails whatever its total",
                "Compliance: {count} findings - the call fails whatever its total",
                count,
            ).format(count=count)
        )
        for finding in card.compliance:
            where = _("turn {turn}").format(turn=finding.turn) if finding.turn is not None else _("whole call")
            said = _('{rule} ({where}): "{words}"').format(
                rule=frame.label(finding.rule), where=where, words=_short(finding.text)
            )
            lines += wrap(said, WIDTH, 2)
    else:
        lines.append(_("Compliance: no findings"))
    if card.top_notes:
        lines += ["", _("Top notes")]
        for number, note in enumerate(card.top_notes, 1):
            lines += _note(number, note, frame)
    return "\n".join(lines) + "\n"
