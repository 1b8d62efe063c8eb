"""Taking up a call that was stopped: its saved turns played again through the engine, then on live.

The engine is deterministic under the call's seed, so the trainee's saved lines, at their saved times,
bring the debtor back to where the call stopped. What the debtor says on the way is checked against
what was saved: a scenario changed since then cannot be taken up as it was, and says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.engine.record import Prosody, TraineeTurn
from game.engine.step import DebtorLine
from game.i18n import _
from game.session.call import CallSession


class ResumeError(Exception):
    """The call cannot be taken up again; the message is one sentence."""


@dataclass(frozen=True)
class StoppedCall:
    """A stopped call reopened in the store: its id there, scenario, seed and the turns it has."""

    call_id: Any
    scenario: str
    seed: int
    turns: tuple[Mapping[str, Any], ...]


def saved_trainee_turn(saved: Mapping[str, Any]) -> TraineeTurn:
    """The trainee's input that made a saved trainee turn (``Turn.as_dict``'s shape)."""
    prosody = saved.get("prosody")
    return TraineeTurn(
        text=str(saved.get("text", "")),
        start=float(saved["start"]),
        end=float(saved["end"]),
        interrupt=bool(saved.get("interrupt", False)),
        hangup=bool(saved.get("hangup", False)),
        prosody=Prosody(**prosody) if isinstance(prosody, Mapping) else None,
    )


def _said(turns: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    return [(str(t.get("speaker")), str(t.get("text"))) for t in turns]


def replay_saved(session: CallSession, saved: Sequence[Mapping[str, Any]]) -> DebtorLine:
    """Play a fresh session's saved trainee turns again; returns the debtor's last line (the opening
    when nothing was answered), for the caller to say again before the trainee goes on."""
    last = session.opening
    try:
        for turn in saved:
            if turn.get("speaker") != "trainee":
                continue
            if session.ended:
                break
            reply = session.take(saved_trainee_turn(turn)).reply
            if reply is not None:
                last = reply
    except (KeyError, TypeError, ValueError):
        raise ResumeError(_("the saved turns are not in the expected shape (speaker, text, start, end)")) from None
    if _said([t.as_dict() for t in session.record.turns]) != _said(saved):
        changed = _("{scenario} has changed since the call was saved, so it cannot be taken up where it stopped")
        raise ResumeError(changed.format(scenario=session.scenario.id))
    return last
