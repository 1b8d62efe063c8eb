"""The scenario format as strict pydantic models.

Every field carries a plain-English description: it becomes the editor's hover text (through
``scenarios/schema.json``) and the field table of the authors' guide. Unknown keys are errors, and
strings must really be strings (an unquoted ``No`` that YAML read as ``False`` is refused).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from game.engine.plain_text import clean_line
from game.engine.stages import ACTS, BEATS, MOOD_LABELS, STAGES

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

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class Identity(Strict):
    date_of_birth: dt.date | None = Field(None, strict=False, description="The debtor's date of birth (YYYY-MM-DD).")
    address: str | None = Field(None, description="The debtor's street address, e.g. 14 Alder Lane, Dayton.")
    last_digits: str | None = Field(
        None, pattern=r"^\d{4}$", description="The last four digits of the account or card, in quotes: '4471'."
    )


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
    payday: int | None = Field(
        None, ge=1, le=31, description='Day of the month the debtor is paid, if known (resolves "payday", 发工资那天).'
    )
    notes: list[Line] = Field(default_factory=list, description="Facts the trainee reads in the briefing.")
    goal: str = Field(
        "Get a confirmed promise to pay: amount, date and method.",
        description="The goal of the call, shown in the briefing.",
    )
    fees: list[Line] = Field(
        default_factory=list,
        description="Fees the agreement allows by name, e.g. 'late fee'; any other fee named on the call is a finding.",
    )
    identity: Identity | None = Field(
        None, description="What the debtor answers when asked to confirm who they are (left out: they decline)."
    )


Goal = Literal["promise", "plan", "dispute_taken", "callback"]


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


class Traits(Strict):
    promises: bool = Field(True, description="Whether this persona can ever promise to pay.")
    third_party: bool = Field(
        False, description="Someone other than the debtor answers: blocks, takes messages, must not hear the debt."
    )
    disputes: Literal["never", "when_asked", "when_told"] = Field(
        "never",
        description="never; when_asked: disputes the debt when asked to pay; when_told: also when told"
        " the purpose or the amount.",
    )
    abuses_above: Percent | None = Field(
        None, description="Anger above which the debtor curses at the caller (left out: never)."
    )
    hardship: bool = Field(False, description="A real hardship is known from the start: empathy is expected.")
    silence_patience: float = Field(
        30, ge=5, le=120, description="Seconds of dead air the debtor sits through (asking once) before hanging up."
    )
    wrong_amount: Literal["correct", "seize"] = Field(
        "correct",
        description="How the debtor takes a wrong balance: correct it, or seize on it as a reason not to pay.",
    )
    identity: Literal["confirm", "refuse"] = Field(
        "confirm", description="Asked to confirm a detail (date of birth, address, last digits): give it or refuse."
    )
    asks_back: Literal["nothing", "who_is_calling"] = Field(
        "nothing",
        description="What the debtor asks back before answering an identity question from a caller who has"
        " not said who they are.",
    )


class Persona(Strict):
    archetype: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        description="The persona's archetype (see the authors' guide): it supplies defaults for everything else.",
    )
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
    traits: Traits | None = Field(None, description="How the debtor behaves (keys left out come from the archetype).")


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
    say: Annotated[str, AfterValidator(clean_line)] | None = Field(None, description="What the trainee says.")
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
    confirmed: bool | None = Field(
        None, description="true: the promise ends confirmed by a right read-back; false: it does not."
    )
    debtor_beats: list[Beat] = Field(
        default_factory=list,
        description="Beats the debtor must answer with, in this order (others may come between),"
        " e.g. [balance_corrected, readback_corrected, confirm].",
    )


class ScenarioTest(Strict):
    name: str = Field(description="What the test shows.")
    seed: int = Field(1, description="The random seed.")
    turns: list[TranscriptTurn] = Field(min_length=1, description="The scripted trainee side.")
    expect: Expectations = Field(
        description="Expectations: outcome, hangs_up_by_turn, principles ({calm_tone: '>= 80'}), compliance, total,"
        " confirmed, debtor_beats."
    )


class Scenario(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Unique id, lowercase with dashes.")
    title: str = Field(description="Title in the scenario picker, e.g. Angry contractor.")
    language: Literal["en", "zh"] = Field("en", description="Language of the call.")
    difficulty: int = Field(ge=1, le=5, description="1 (easy) to 5 (hard).")
    jurisdiction: Literal["US", "UK", "CN", "none"] = Field("US", description="Which lawful-conduct rules apply.")
    description: str = Field("", description="One or two sentences for the picker and briefing.")
    goal: Goal | None = Field(
        None,
        description="What the call must achieve to pass: promise (a confirmed promise to pay), plan (a promise on"
        " a plan), dispute_taken (the dispute noted and verification offered), callback (a call-back arranged"
        " with nothing disclosed). Default: the archetype's.",
    )
    caller: Literal["agency", "creditor"] = Field(
        "agency", description="Who calls: a collection agency (third-party collector) or the creditor's own staff."
    )
    debt_type: Literal["consumer", "business"] = Field(
        "consumer", description="A consumer (personal) debt or a business debt: the law covers them differently."
    )
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
