"""The call record: frozen values that flow from the engine to scoring, the UI and the store.

Everything here is immutable and JSON-friendly (see ``as_dict``), so the same call replays to the
same record byte for byte, and a stored record can be re-scored later.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Speaker = Literal["trainee", "debtor"]
Outcome = Literal["commitment", "hung_up", "no_commitment", "trainee_hung_up"]

RECORD_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Entities:
    """What a trainee line mentions: amounts, ISO dates, names, a payment method, the company the
    caller says it calls for when that is not the creditor (``company``), and the amount it gives as
    the balance (``stated_balance``)."""

    amounts: tuple[float, ...] = ()
    dates: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    method: str | None = None
    company: str | None = None
    stated_balance: float | None = None  # an amount the line gives as the balance ("you owe $1,387")

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "amounts": list(self.amounts),
            "dates": list(self.dates),
            "names": list(self.names),
            "method": self.method,
        }
        if self.company is not None:
            out["company"] = self.company
        if self.stated_balance is not None:
            out["stated_balance"] = self.stated_balance
        return out


@dataclass(frozen=True)
class Understanding:
    """The classifier's reading of one trainee line: dialogue acts (contract names), entities, and
    what the line asks of the debtor (``asks``: identity:dob, identity:address, identity:last_digits,
    balance, date, amount, method, read_back, yes_no)."""

    acts: tuple[str, ...]
    entities: Entities = field(default_factory=Entities)
    asks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prosody:
    """Voice features of a spoken turn, measured by the audio shell (absent for typed turns)."""

    loudness_dbfs: float
    pitch_mean_hz: float
    pitch_spread_hz: float
    words_per_minute: float
    pause_ratio: float = 0.0


@dataclass(frozen=True)
class TraineeTurn:
    """One trainee input. ``text`` empty means the trainee stayed silent for ``end - start`` seconds.

    Times are seconds from the start of the call; ``interrupt`` marks a line said while the debtor
    was still speaking; ``hangup`` ends the call from the trainee's side.
    """

    text: str
    start: float
    end: float
    interrupt: bool = False
    hangup: bool = False
    prosody: Prosody | None = None

    @property
    def silent(self) -> bool:
        return not self.text.strip() and not self.hangup


@dataclass(frozen=True)
class Mood:
    """The persona's inner state, each 0-100."""

    anger: float
    trust: float
    willingness: float

    @property
    def label(self) -> str:
        """calm / annoyed / angry / pleased: what the portrait shows and line pools select on."""
        if self.anger >= 70:
            return "angry"
        if self.anger >= 40:
            return "annoyed"
        if self.trust >= 65 and self.willingness >= 60:
            return "pleased"
        return "calm"


@dataclass(frozen=True)
class ReadBack:
    """What the trainee has read back of a promise so far, item by item (None: not read back)."""

    amount: float | None = None
    date: str | None = None
    method: str | None = None


@dataclass(frozen=True)
class Commitment:
    """A promise to pay. ``kind`` is full, partial or instalments. ``read_back`` keeps what the trainee
    read back beside what was promised; ``confirmed`` holds only when every item was read back right."""

    amount: float
    date: str
    method: str
    kind: str = "full"
    instalments: int = 1
    confirmed: bool = False
    read_back: ReadBack | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "amount": self.amount,
            "date": self.date,
            "method": self.method,
            "confirmed": self.confirmed,
            "kind": self.kind,
            "instalments": self.instalments,
            "promised": {"amount": self.amount, "date": self.date, "method": self.method},
            "read_back": asdict(self.read_back) if self.read_back is not None else None,
        }


@dataclass(frozen=True)
class Turn:
    """One turn as recorded: who spoke, what, when, and what the engine made of it."""

    speaker: Speaker
    text: str
    start: float
    end: float
    acts: tuple[str, ...] = ()
    entities: Entities | None = None
    asks: tuple[str, ...] = ()
    interrupt: bool = False
    silence: float = 0.0
    beat: str | None = None
    mood: Mood | None = None
    stage: str = "opening"
    prosody: Prosody | None = None
    hangup: bool = False

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"speaker": self.speaker, "text": self.text}
        if self.speaker == "trainee":
            out["acts"] = list(self.acts)
            out["entities"] = (self.entities or Entities()).as_dict()
            if self.asks:
                out["asks"] = list(self.asks)
            if self.interrupt:
                out["interrupt"] = True
            if self.silence:
                out["silence"] = self.silence
            if self.hangup:
                out["hangup"] = True
            if self.prosody is not None:
                out["prosody"] = asdict(self.prosody)
        else:
            out["beat"] = self.beat
            if self.mood is not None:
                out["mood"] = {**asdict(self.mood), "label": self.mood.label}
        out["stage"] = self.stage
        out["start"] = round(self.start, 3)
        out["end"] = round(self.end, 3)
        return out


@dataclass(frozen=True)
class CallRecord:
    """A whole call (or the call so far): the input to scoring and what the store keeps."""

    scenario_id: str
    seed: int
    turns: tuple[Turn, ...]
    outcome: Outcome
    commitment: Commitment | None
    ended: bool
    events: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "schema_version": RECORD_SCHEMA_VERSION,
            "scenario": self.scenario_id,
            "seed": self.seed,
            "outcome": self.outcome,
            "commitment": self.commitment.as_dict() if self.commitment else None,
            "ended": self.ended,
            "events": list(self.events),
            "turns": [t.as_dict() for t in self.turns],
        }
