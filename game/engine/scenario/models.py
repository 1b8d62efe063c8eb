"""The scenario format as strict pydantic models.

Every field carries a plain-English description: it becomes the editor's hover text (through
``scenarios/schema.json``) and the field table of the authors' guide. Unknown keys are errors, and
strings must really be strings (an unquoted ``No`` that YAML read as ``False`` is refused).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.engine.stages import ACTS, BEATS, MOOD_LABELS, STAGES

Archetype = Literal[
    "angry",
    "stalling",
    "deadbeat",
    "cooperative",
    "hardship",
    "cheque_in_mail",
    "gatekeeper",
    "abusive",
    "disputer",
]
ARCHETYPES: tuple[str, ...] = Archetype.__args__  # type: ignore[attr-defined]

# The literal types are built from the tables in game.engine.stages, so a new act or beat is added once.
if TYPE_CHECKING:
    Act = str
    Beat = str
    Stage = str
    MoodLabel = str
else:
    Act = Literal[ACTS]
    Beat = Literal[tuple(BEATS)]
    Stage = Literal[STAGES]
    MoodLabel = Literal[MOOD_LABELS]
Line = Annotated[str, Field(min_length=1, max_length=400)]
Percent = Annotated[float, Field(ge=0, le=100)]
Delta = Annotated[float, Field(ge=-100, le=100)]


class Strict(BaseModel):
    """Base: unknown keys are errors; values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Account(Strict):
    debtor_name: str = Field(description="The debtor's full name, as the trainee should address them.")
    title: str = Field("", description='Honorific used with the surname, e.g. "Mr." or "Ms."; may be empty.')
    amount: float = Field(gt=0, description="The exact balance owed. The trainee must state it correctly.")
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$", description="ISO 4217 currency code, e.g. USD, GBP, CNY.")
    days_past_due: int = Field(ge=0, description="How many days the account is overdue.")
    creditor: str = Field(description="The company the trainee calls for.")
    call_date: dt.date = Field(
        strict=False,
        description="The date the call takes place (YYYY-MM-DD); relative dates are resolved against it.",
    )
    notes: list[Line] = Field(default_factory=list, description="Facts the trainee reads in the briefing.")
    goal: str = Field(
        "Get a confirmed promise to pay: amount, date and method.",
        description="The goal of the call, shown in the briefing.",
    )


class Voice(Strict):
    gender: Literal["male", "female"] = Field("male", description="Picks a male or female voice.")
    accent: str = Field("en-us", description="Voice language/accent, e.g. en-us, en-gb, cmn.")
    variant: str | None = Field(None, description="A voice variant of the speech engine, e.g. m3, f2.")
    rate: int = Field(170, ge=80, le=320, description="Speaking rate in words per minute.")
    pitch: int = Field(50, ge=0, le=99, description="Voice pitch, 0 (low) to 99 (high).")
    volume: float = Field(1.0, ge=0, le=1, description="Loudness, 0 to 1.")
    gap: float = Field(
        0.2,
        ge=0,
        le=3,
        description="Seconds from the trainee's last word to the reply: people answer in about 0.2 s;"
        " a quick, angry debtor cuts in (0.1), a staller takes their time (1.0).",
    )


class MoodValues(Strict):
    anger: Percent = Field(description="0 calm to 100 furious; at the hang-up level the debtor hangs up.")
    trust: Percent = Field(description="0 suspicious to 100 trusting of the caller.")
    willingness: Percent = Field(description="0 will not pay to 100 ready to pay.")


class MoodDelta(Strict):
    anger: Delta = Field(0, description="Change of anger.")
    trust: Delta = Field(0, description="Change of trust.")
    willingness: Delta = Field(0, description="Change of willingness.")


class CommitRule(Strict):
    willingness_at_least: Percent = Field(60, description="Willingness needed before a promise.")
    trust_at_least: Percent = Field(20, description="Trust needed before a promise.")
    requires: list[Act] = Field(
        default_factory=list,
        description="Dialogue acts the trainee must have used before the debtor promises"
        " (e.g. consequence, propose_plan).",
    )


class HangUpRule(Strict):
    anger_at_least: Percent = Field(95, description="Anger at which the debtor hangs up.")
    on_acts: list[Act] = Field(
        default_factory=list, description="Acts that make the debtor hang up at once (e.g. threat)."
    )
    max_turns: int = Field(40, ge=4, le=200, description="The debtor ends the call after this many trainee turns.")


class AfterAsk(Strict):
    behaviour: Literal["answer", "quiet"] = Field(
        "answer",
        description="answer: reply to an ask at once; quiet: go quiet and wait for the trainee to break the silence.",
    )
    quiet_seconds: float = Field(
        3, ge=1, le=30, description="How long the trainee must stay silent before a quiet debtor makes an offer."
    )
    offer_amount: float | None = Field(
        None, gt=0, description="What a quiet debtor offers into the silence (default: the promise amount)."
    )


class CommitTerms(Strict):
    kind: Literal["full", "partial", "instalments"] = Field("full", description="What the debtor promises.")
    amount: float | None = Field(
        None, gt=0, description="The promised amount (default: the balance, or the balance / instalments)."
    )
    instalments: int = Field(1, ge=1, le=24, description="Number of instalments for kind: instalments.")
    days: int = Field(3, ge=0, le=90, description="Days after the call date the debtor proposes to pay.")
    latest_days: int = Field(14, ge=0, le=120, description="The latest date (days after the call) the debtor accepts.")
    min_amount: float | None = Field(
        None, gt=0, description="The smallest amount the debtor accepts when the trainee proposes one."
    )
    method: str = Field("bank transfer", description="How the debtor pays, e.g. bank transfer, card, cheque.")


class Persona(Strict):
    archetype: Archetype = Field(description="The persona's archetype: it supplies defaults for everything else.")
    name: str | None = Field(
        None, description="Who answers if not the debtor (a gatekeeper), e.g. 'Linda, his secretary'."
    )
    portrait: str | None = Field(None, description="Portrait name in assets/portraits (default: generated).")
    voice: Voice = Field(default_factory=Voice, description="Text-to-speech settings.")
    mood: MoodValues | None = Field(None, description="Starting mood (default: the archetype's).")
    reactions: dict[str, MoodDelta] = Field(
        default_factory=dict,
        description="How mood moves per dialogue act or signal (name_used, shouting, interrupted, silence,"
        " repeated); merged over the archetype's.",
    )
    commit_when: CommitRule | None = Field(None, description="When the debtor is ready to promise.")
    hang_up: HangUpRule | None = Field(None, description="When the debtor ends the call.")
    after_ask: AfterAsk | None = Field(None, description="What the debtor does right after being asked to pay.")
    commitment: CommitTerms | None = Field(None, description="What the debtor promises when ready.")


class Excuse(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="A short name for the excuse, e.g. cheque_sent.")
    say: list[Line] = Field(min_length=1, description="How the debtor puts the excuse (variants).")
    counter: list[Act] = Field(
        default_factory=list, description="Dialogue acts that defeat the excuse, e.g. ask_excuse_details."
    )
    countered: list[Line] = Field(
        default_factory=list, description="What the debtor says once the excuse is defeated (variants)."
    )
    real: bool = Field(False, description="A real reason (hardship) rather than an empty excuse.")
    better: str | None = Field(None, description="A coaching line: how a pro answers this excuse.")


class LinePool(Strict):
    on: Beat = Field(description="The beat this pool answers (see the authors' guide).")
    mood: MoodLabel | list[MoodLabel] | None = Field(None, description="Only when the mood label is one of these.")
    stage: Stage | list[Stage] | None = Field(None, description="Only in these call stages.")
    say: list[Line] = Field(min_length=1, description="Variants; {placeholders} are filled in.")


class TranscriptTurn(Strict):
    say: str | None = Field(None, description="What the trainee says.")
    wait: float | None = Field(None, ge=0, le=120, description="Seconds the trainee stays silent.")
    interrupt: bool = Field(False, description="Said while the debtor was still speaking.")
    audio: str | None = Field(None, description="A WAV file to recognise as the trainee's turn.")
    hangup: bool = Field(False, description="The trainee ends the call.")


COMPARISON = r"^\s*(>=|<=|==|>|<)\s*(\d{1,3})\s*$"
Comparison = Annotated[
    str,
    Field(
        pattern=COMPARISON,
        description="A comparison with a score 0-100, in quotes: '>= 80', '<= 40', '== 100', '> 50', '< 50'.",
    ),
]
Outcome = Literal["commitment", "hung_up", "no_commitment", "trainee_hung_up"]


class Expectations(Strict):
    outcome: Outcome | None = Field(
        None, description="How the call must end: commitment, hung_up, no_commitment or trainee_hung_up."
    )
    hangs_up_by_turn: int | None = Field(
        None,
        ge=1,
        le=200,
        description="The debtor must hang up on or before this trainee turn (1 is the first).",
    )
    principles: dict[str, Comparison] = Field(
        default_factory=dict,
        description="Scores per principle, e.g. {calm_tone: '>= 80', politeness: '<= 40'}.",
    )
    compliance: list[str] | None = Field(
        None, description="Exactly the compliance rules the call must break, e.g. [threat]; [] means none."
    )
    total: Comparison | None = Field(None, description="The total score, e.g. '>= 70'.")


class ScenarioTest(Strict):
    name: str = Field(description="What the test shows.")
    seed: int = Field(1, description="The random seed.")
    turns: list[TranscriptTurn] = Field(min_length=1, description="The scripted trainee side.")
    expect: Expectations = Field(
        description="Expectations: outcome, hangs_up_by_turn, principles ({calm_tone: '>= 80'}), compliance, total."
    )


class Scenario(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Unique id, lowercase with dashes.")
    title: str = Field(description="Title in the scenario picker, e.g. Angry contractor.")
    language: Literal["en", "zh"] = Field("en", description="Language of the call.")
    difficulty: int = Field(ge=1, le=5, description="1 (easy) to 5 (hard).")
    jurisdiction: Literal["US", "UK", "CN", "none"] = Field("US", description="Which lawful-conduct rules apply.")
    description: str = Field("", description="One or two sentences for the picker and briefing.")
    account: Account
    persona: Persona
    excuses: list[Excuse] = Field(default_factory=list, description="Excuses in the order they come out.")
    lines: list[LinePool] = Field(default_factory=list, description="The debtor's lines by beat, mood and stage.")
    phrases: dict[Act, list[Line]] = Field(
        default_factory=dict, description="Extra example phrases per dialogue act for this call's classifier."
    )
    better: dict[str, str] = Field(
        default_factory=dict, description="Coaching lines per principle (or excuse id) for the scorecard."
    )
    model_call: list[TranscriptTurn] | None = Field(None, description="An exemplary trainee side.")
    poor_call: list[TranscriptTurn] | None = Field(None, description="A poor trainee side, for contrast.")
    tests: list[ScenarioTest] = Field(default_factory=list, description="Self-tests run by test-scenarios.")
