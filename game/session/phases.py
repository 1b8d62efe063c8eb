"""The phases of a call on screen and what moves it from one to the next, as one table.

The window's call scene keeps its phase here and asks the table before it acts (may the trainee send
now? talk? hang up?), so every transition is written once, can be read as data, and is tested without
a window. A cue the table does not list for the current phase is refused: the phase stays.
"""

from __future__ import annotations

from enum import Enum


class Phase(Enum):
    """Where the call is, as the trainee sees it."""

    RINGING = "ringing"  # the phone rings; the debtor has not picked up
    WAITING = "waiting"  # the debtor's next line is due (a short reaction gap)
    DEBTOR = "debtor"  # the debtor is speaking; the subtitle is being revealed
    TRAINEE = "trainee"  # the trainee's turn
    HOLDING = "holding"  # the trainee holds a silence
    THINKING = "thinking"  # the engine is taking the trainee's turn
    TALKING = "talking"  # the trainee holds the talk key and speaks
    HEARING = "hearing"  # the spoken line is being recognised
    PRO = "pro"  # Watch a pro: the collector on the demo is speaking
    ENDED = "ended"


class Cue(Enum):
    """What happened."""

    QUEUED = "a debtor line is due"
    PICKED_UP = "the ringing is over"
    RING_AGAIN = "back from the voice calibration before anyone spoke"
    LINE_STARTS = "the debtor starts the line"
    LINE_SAID = "the debtor finished the line"
    LINE_SAID_HOLD = "the debtor finished, and the trainee asked to hold a silence"
    HOLD = "the trainee holds a silence"
    TYPING = "the trainee types, ending a held silence"
    SEND = "the trainee's turn goes to the engine"
    REPLIED = "the engine gave the debtor's reply"
    NO_REPLY = "the engine took the turn and the debtor says nothing"
    TALK = "the talk key went down"
    NOTHING_RECORDED = "the talk key came up with nothing recorded"
    TALK_DONE = "the talk key came up"
    PHRASE = "hands-free: a spoken phrase ended"
    NOT_HEARD = "no words were recognised"
    PRO_SPEAKS = "the demo's collector starts a line"
    HANG_UP = "the trainee hangs up"
    CALL_OVER = "the call is over"


_LIVE = (Phase.TRAINEE, Phase.HOLDING, Phase.DEBTOR, Phase.WAITING)

TRANSITIONS: dict[Phase, dict[Cue, Phase]] = {
    Phase.RINGING: {
        Cue.QUEUED: Phase.RINGING,
        Cue.PICKED_UP: Phase.WAITING,
        Cue.RING_AGAIN: Phase.RINGING,
        Cue.HANG_UP: Phase.THINKING,
    },
    Phase.WAITING: {
        Cue.LINE_STARTS: Phase.DEBTOR,
        Cue.RING_AGAIN: Phase.RINGING,
        Cue.SEND: Phase.THINKING,
        Cue.TALK: Phase.TALKING,
        Cue.PHRASE: Phase.HEARING,
        Cue.HANG_UP: Phase.THINKING,
    },
    Phase.DEBTOR: {
        Cue.LINE_SAID: Phase.TRAINEE,
        Cue.LINE_SAID_HOLD: Phase.HOLDING,
        Cue.SEND: Phase.THINKING,
        Cue.TALK: Phase.TALKING,
        Cue.PHRASE: Phase.HEARING,
        Cue.HANG_UP: Phase.THINKING,
        Cue.CALL_OVER: Phase.ENDED,
    },
    Phase.TRAINEE: {
        Cue.HOLD: Phase.HOLDING,
        Cue.SEND: Phase.THINKING,
        Cue.TALK: Phase.TALKING,
        Cue.PHRASE: Phase.HEARING,
        Cue.PRO_SPEAKS: Phase.PRO,
        Cue.HANG_UP: Phase.THINKING,
        Cue.CALL_OVER: Phase.ENDED,
    },
    Phase.HOLDING: {
        Cue.TYPING: Phase.TRAINEE,
        Cue.SEND: Phase.THINKING,
        Cue.TALK: Phase.TALKING,
        Cue.PHRASE: Phase.HEARING,
        Cue.HANG_UP: Phase.THINKING,
    },
    Phase.THINKING: {
        Cue.QUEUED: Phase.WAITING,
        Cue.NO_REPLY: Phase.TRAINEE,
        Cue.CALL_OVER: Phase.ENDED,
    },
    Phase.TALKING: {
        Cue.TALK_DONE: Phase.HEARING,
        Cue.NOTHING_RECORDED: Phase.TRAINEE,
        Cue.HANG_UP: Phase.THINKING,
    },
    Phase.HEARING: {
        Cue.SEND: Phase.THINKING,
        Cue.NOT_HEARD: Phase.TRAINEE,
    },
    Phase.PRO: {
        Cue.SEND: Phase.THINKING,
        Cue.HANG_UP: Phase.THINKING,
    },
    Phase.ENDED: {},
}

LIVE = frozenset(_LIVE)  # the debtor or the trainee has the floor: the trainee may speak, type or hold


def after(phase: Phase, cue: Cue) -> Phase | None:
    """The phase ``cue`` leads to from ``phase``, or None when the table refuses it."""
    return TRANSITIONS[phase].get(cue)


class CallFlow:
    """The current phase, moved only through the table."""

    def __init__(self, phase: Phase = Phase.RINGING) -> None:
        self.phase = phase

    def can(self, cue: Cue) -> bool:
        return after(self.phase, cue) is not None

    def go(self, cue: Cue) -> bool:
        """Move on ``cue``; False (and no move) when the table does not allow it here."""
        following = after(self.phase, cue)
        if following is None:
            return False
        self.phase = following
        return True
