"""The case format as strict pydantic models: a debtor's file, the calls and how each leads to the next.

Like the scenario models, every field says what it means (editor hover text and the authors' guide),
unknown keys are errors and values are not coerced. The timing lore of the source article is the
default of ``Lore`` and can be overridden per case, since the article disagrees with itself on weekdays.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, field_validator

from game.engine.scenario.models import Comparison, MoodDelta, Strict, TranscriptTurn

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ClockTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="A time of day, HH:MM.")]
UtcOffset = Annotated[
    str, Field(pattern=r"^[+-](0\d|1[0-4]):[0-5]\d$", description='An offset from UTC in quotes, e.g. "-06:00".')
]
LocalTime = Annotated[
    str,
    Field(
        pattern=r"^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$",
        description='A date and time in the caller\'s own time zone, "YYYY-MM-DD HH:MM".',
    ),
]
Percent = Annotated[float, Field(ge=0, le=100)]

# What a call can lead to, in the order they are decided (see game.cases.run.call_event).
EVENTS: tuple[str, ...] = (
    "disputed",
    "promise_kept",
    "promise_broken",
    "callback",
    "no_callback",
    "hung_up",
    "no_commitment",
    "trainee_hung_up",
)
Event = Literal[
    "disputed",
    "promise_kept",
    "promise_broken",
    "callback",
    "no_callback",
    "hung_up",
    "no_commitment",
    "trainee_hung_up",
    "otherwise",
]
Jurisdiction = Literal["US", "UK", "CN", "none"]
NoteOutcome = Literal["promise", "no_promise", "dispute", "message_left", "hung_up", "no_answer"]
NOTE_OUTCOMES: tuple[str, ...] = NoteOutcome.__args__  # type: ignore[attr-defined]


def _workdays() -> list[Weekday]:
    return ["mon", "tue", "wed", "thu", "fri"]


def _weekday_lore() -> dict[Weekday, MoodDelta]:
    """The article: Friday is the best day, then Thursday and Tuesday; Monday and Wednesday the worst."""
    return {
        "fri": MoodDelta(willingness=10),
        "thu": MoodDelta(willingness=5),
        "tue": MoodDelta(willingness=5),
        "mon": MoodDelta(anger=5, willingness=-5),
        "wed": MoodDelta(willingness=-5),
    }


class WorkHours(Strict):
    days: list[Weekday] = Field(default_factory=_workdays, description="The days the debtor works.")
    start: ClockTime = Field("09:00", description="When the debtor's working day starts (their local time).")
    end: ClockTime = Field("17:00", description="When it ends.")
    lunch_start: ClockTime = Field("12:00", description="When their lunch break starts.")
    lunch_end: ClockTime = Field("13:00", description="When it ends.")


class Contact(Strict):
    at: LocalTime = Field(description="When it happened, in the caller's time zone.")
    kind: Literal["call", "letter", "email", "voicemail"] = Field(
        "call", description="What kind of contact; calls count toward the frequency limit."
    )
    summary: str = Field(description="What the case file says about it, shown in the briefing.")


class Debtor(Strict):
    utc_offset: UtcOffset = Field(description='The debtor\'s time zone as an offset from UTC, e.g. "-06:00".')
    works: WorkHours | None = Field(None, description="The debtor's working hours; leave out for no job.")
    payday_days: list[Annotated[int, Field(ge=1, le=31)]] = Field(
        default_factory=list, description="Days of the month money comes in, e.g. [1, 15]."
    )
    payday_weekdays: list[Weekday] = Field(default_factory=list, description="Weekdays money comes in, e.g. [fri].")
    answers: Percent | None = Field(
        None, description="How often the debtor answers at any lawful hour, overriding the lore's chances."
    )
    contacts: list[Contact] = Field(default_factory=list, description="The last contacts before the case starts.")


class Lore(Strict):
    """The source article's timing lore (选对时间, 选对日子) as defaults an author may override."""

    first_minutes: int = Field(15, ge=0, le=120, description="Minutes after work starts when the mood is best.")
    first_minutes_mood: MoodDelta = Field(
        default_factory=lambda: MoodDelta(anger=-10, willingness=10),
        description="Mood change for a call in those first minutes.",
    )
    lunch_mood: MoodDelta = Field(
        default_factory=lambda: MoodDelta(anger=15, trust=-5), description="Mood change for a call at lunch."
    )
    weekday_mood: dict[Weekday, MoodDelta] = Field(
        default_factory=_weekday_lore,
        description="Mood change by weekday (the article: Friday best, then Thursday and Tuesday; not Monday"
        " or Wednesday).",
    )
    before_payday_days: int = Field(3, ge=0, le=14, description="Days before a payday that are good to call.")
    before_payday_mood: MoodDelta = Field(
        default_factory=lambda: MoodDelta(willingness=10), description="Mood change for a call in those days."
    )
    answer_at_work: Percent = Field(85, description="Chance the debtor answers during working hours.")
    answer_at_lunch: Percent = Field(40, description="Chance the debtor answers at lunch.")
    answer_off_work: Percent = Field(60, description="Chance the debtor answers outside work (or with no job).")


class FrequencyLimit(Strict):
    calls: int = Field(ge=1, le=50, description="The most calls allowed in the window.")
    days: int = Field(ge=1, le=31, description="The window, in consecutive days.")


class Wait(Strict):
    days: int = Field(ge=1, le=60, description="Days after this call before the next one may be placed.")
    law: str = Field(
        "FDCPA §1692g(b): collection stops on a debt disputed in writing until its verification is mailed",
        description="The rule an earlier call breaks, shown with the finding.",
    )


class Branch(Strict):
    call: str | None = Field(None, description="The id of the next call.")
    end: str | None = Field(None, pattern=r"^[a-z][a-z_]*$", description="Ends the case with this outcome, e.g. paid.")
    mood: MoodDelta = Field(default_factory=MoodDelta, description="Mood change the debtor carries into the next call.")
    note: str | None = Field(None, description="What the case file learns, shown in the next briefing.")
    wait: Wait | None = Field(
        None, description="How long the next call must wait, e.g. for a dispute's verification to be sent."
    )
    consented: bool = Field(
        False,
        description="The debtor agreed to the next call in this one (e.g. to confirm a payment on its date), so"
        " Regulation F's 7 days after a conversation do not apply to it.",
    )


class CaseCallNode(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", description="A short name for this call, e.g. first.")
    scenario: str = Field(description="The persona scenario played: a shipped id or a path next to the case.")
    inbound: bool = Field(False, description="The debtor calls in (a call-back): no timing rules, always answered.")
    keeps_promise: Percent | None = Field(
        None, description="Chance a promise made in this call is kept (default: by the persona's archetype)."
    )
    calls_back: Percent | None = Field(
        None, description="Chance a message left with a gatekeeper is returned (default: by archetype)."
    )
    next: dict[Event, Branch] = Field(
        default_factory=dict,
        description="What each result of the call leads to: disputed, promise_kept, promise_broken, callback,"
        " no_callback, hung_up, no_commitment, trainee_hung_up, otherwise. No entry ends the case as open.",
    )


class NoteForm(Strict):
    """The case note the trainee writes after each call: the disposition."""

    outcome: NoteOutcome = Field(
        description="promise, no_promise, dispute, message_left, hung_up or no_answer.",
    )
    amount: float | None = Field(None, gt=0, description="The promised amount.")
    date: dt.date | None = Field(None, strict=False, description="The promised date, YYYY-MM-DD.")
    method: str | None = Field(None, description="How the debtor will pay.")
    next_action: str | None = Field(None, description="What happens next, e.g. check the payment, call back.")
    next_date: dt.date | None = Field(None, strict=False, description="When, YYYY-MM-DD.")
    remark: str = Field("", description="Anything else worth keeping in the file.")


class CaseCall(Strict):
    """One call the trainee places: when, what they say if answered, and the note they write."""

    at: LocalTime = Field(description="When the trainee calls, in their own time zone.")
    turns: list[TranscriptTurn] = Field(default_factory=list, description="The trainee's side, if answered.")
    note: NoteForm | None = Field(None, description="The case note written after the call.")


class CaseExpect(Strict):
    path: list[str] | None = Field(None, description="The call ids played, in order (unanswered attempts too).")
    outcome: str | None = Field(None, description="How the case ends: paid, open, or a branch's end.")
    collected: float | None = Field(None, ge=0, description="The money collected.")
    findings: list[str] | None = Field(
        None, description="Exactly the case findings' rules (compliance, notes, follow-up); [] means none."
    )
    calls: int | None = Field(None, ge=0, description="How many calls were placed.")
    total: Comparison | None = Field(None, description="The case score, e.g. '>= 70'.")


class CaseTest(Strict):
    name: str = Field(description="What the test shows.")
    seed: int = Field(1, description="The random seed.")
    calls: list[CaseCall] = Field(min_length=1, description="The trainee's calls, in order.")
    expect: CaseExpect = Field(description="What must come of them.")


class Case(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Unique id, lowercase with dashes.")
    title: str = Field(description="Title in the case list.")
    language: Literal["en", "zh"] = Field("en", description="Language of the calls.")
    jurisdiction: Jurisdiction = Field("US", description="Whose rules on call times and frequency apply.")
    description: str = Field("", description="One or two sentences for the briefing.")
    caller_utc_offset: UtcOffset = Field("-05:00", description='The trainee\'s own time zone, e.g. "-05:00".')
    start: dt.date = Field(strict=False, description="The day the case is handed over, YYYY-MM-DD.")
    debtor: Debtor = Field(description="The debtor's file: time zone, working hours, paydays, last contacts.")
    lore: Lore = Field(default_factory=Lore, description="The timing lore; override what this debtor does not follow.")
    frequency: FrequencyLimit | None = Field(
        None, description="The call-frequency limit (default: the jurisdiction's)."
    )
    calls: list[CaseCallNode] = Field(min_length=1, description="The calls; the first one starts the case.")
    tests: list[CaseTest] = Field(default_factory=list, description="Self-tests run by test-cases.")

    @field_validator("calls")
    @classmethod
    def _unique_ids(cls, calls: list[CaseCallNode]) -> list[CaseCallNode]:
        ids = [c.id for c in calls]
        doubled = sorted({i for i in ids if ids.count(i) > 1})
        if doubled:
            raise ValueError(f"call ids must be unique; {', '.join(doubled)} appears twice")
        return calls


class CaseTranscript(Strict):
    """A `replay-case` file: an optional seed and the trainee's calls with their times and notes."""

    seed: int | None = Field(None, description="The random seed for the case.")
    calls: list[CaseCall] = Field(min_length=1, description="The trainee's calls, in order.")
