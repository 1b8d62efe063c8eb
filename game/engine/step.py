"""The persona engine: ``step(scenario, state, trainee_turn) -> (state, debtor_turn, events)``.

Pure and deterministic: no pygame, audio, files or clock. Time arrives with each trainee turn;
randomness comes from the call's seed. The order of the checks in ``_choose_beat`` is the persona's
priorities: a hang-up beats everything, abuse is answered before content, an open excuse must be met
with its counter before an ask can land, and a promise needs the mood and the acts its rule asks for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from game.engine import lines as L
from game.engine.record import CallRecord, Commitment, Mood, TraineeTurn, Turn, Understanding
from game.engine.scenario.defaults import fallback_lines
from game.engine.scenario.models import Excuse, Scenario
from game.engine.stages import next_stage
from game.engine.state import CallState
from game.engine.understand import Context, understand

ASKS = ("request_payment", "ask_commitment", "propose_plan")
DISCLOSING = ("state_purpose", "state_amount", "mini_miranda", "request_payment", "ask_commitment")
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class DebtorLine:
    """What the shell needs to voice and show one debtor reply."""

    text: str
    beat: str
    mood: Mood
    start: float
    end: float
    hangs_up: bool = False


def speech_seconds(text: str, words_per_minute: float) -> float:
    """How long a line takes to say at a given rate (silence lines take a beat of their own)."""
    words = len(_WORD.findall(text))
    return max(0.8, words * 60.0 / max(words_per_minute, 60.0))


def context_for(scenario: Scenario) -> Context:
    """The classifier's view of this call: its date, names, creditor and extra phrases."""
    account = scenario.account
    last = account.debtor_name.split()[-1]
    names = (account.debtor_name, last, f"{account.title} {last}".strip())
    return Context(
        call_date=account.call_date,
        debtor_names=tuple(dict.fromkeys(names)),
        creditor=account.creditor,
        currency=account.currency,
        language=scenario.language,
        balance=account.amount,
        extra_phrases={k: tuple(v) for k, v in scenario.phrases.items()},
    )


def start_call(scenario: Scenario, seed: int = 0) -> tuple[CallState, DebtorLine]:
    """The phone is answered: the first debtor line at time 0."""
    mood_values = scenario.persona.mood
    assert mood_values is not None, "scenario must be resolved against its archetype"
    mood = Mood(mood_values.anger, mood_values.trust, mood_values.willingness)
    state = CallState(scenario_id=scenario.id, seed=seed, mood=mood)
    return _speak(scenario, state, "answer", start=0.0, hangs_up=False, extra_events=())


def _clamp(value: float) -> float:
    return max(0.0, min(100.0, value))


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper())
    return "!!" in text or (len(letters) >= 8 and caps / len(letters) > 0.6)


def _signals(state: CallState, turn: TraineeTurn, heard: Understanding, interrupt: bool) -> list[str]:
    found: list[str] = []
    if heard.entities.names:
        found.append("name_used")
    if _shouting(turn.text):
        found.append("shouting")
    if interrupt:
        found.append("interrupted")
    if turn.silent:
        found.append("silence")
    said = turn.text.strip().lower()
    if said and any(t.speaker == "trainee" and t.text.strip().lower() == said for t in state.turns):
        found.append("repeated")
    return found


def _moved(scenario: Scenario, mood: Mood, keys: list[str]) -> Mood:
    anger, trust, will = mood.anger, mood.trust, mood.willingness
    for key in keys:
        delta = scenario.persona.reactions.get(key)
        if delta is not None:
            anger, trust, will = anger + delta.anger, trust + delta.trust, will + delta.willingness
    return Mood(_clamp(anger), _clamp(trust), _clamp(will))


def _next_excuse(scenario: Scenario, state: CallState) -> Excuse | None:
    for excuse in scenario.excuses:
        if excuse.id not in state.excuses_raised:
            return excuse
    return None


def _excuse(scenario: Scenario, excuse_id: str | None) -> Excuse | None:
    return next((e for e in scenario.excuses if e.id == excuse_id), None)


def _ready(scenario: Scenario, state: CallState, acts: frozenset[str]) -> bool:
    rule = scenario.persona.commit_when
    assert rule is not None
    return (
        not state.abused
        and not state.disputed
        and state.mood.willingness >= rule.willingness_at_least
        and state.mood.trust >= rule.trust_at_least
        and all(act in acts for act in rule.requires)
    )


def _terms(scenario: Scenario, heard: Understanding, offer: float | None) -> Commitment:
    """The promise: the trainee's amount, date and method where the persona accepts them."""
    terms = scenario.persona.commitment
    assert terms is not None
    balance = scenario.account.amount
    count = terms.instalments if terms.kind == "instalments" else 1
    own = offer or terms.amount or round(balance / count, 2)
    floor = terms.min_amount or own
    # A trainee's amount is taken between the persona's floor and what it is prepared to pay;
    # asked for more, the persona answers with its own amount.
    proposed = [a for a in heard.entities.amounts if floor <= a <= max(own, floor)]
    amount = min(proposed) if proposed else own
    call_date = scenario.account.call_date
    latest = call_date + dt.timedelta(days=terms.latest_days)
    dates = [d for d in heard.entities.dates if call_date <= dt.date.fromisoformat(d) <= latest]
    date = dates[0] if dates else (call_date + dt.timedelta(days=terms.days)).isoformat()
    method = heard.entities.method or terms.method
    kind = terms.kind if amount < balance or terms.kind == "instalments" else "full"
    return Commitment(amount=amount, date=date, method=method, kind=kind, instalments=count)


def _raise(state: CallState, excuse: Excuse, events: list[str]) -> tuple[str, CallState, list[str]]:
    """The debtor brings out its next excuse; it stands until the trainee meets it with a counter."""
    raised = (*state.excuses_raised, excuse.id)
    changed = replace(state, excuses_raised=raised, active_excuse=excuse.id)
    return f"excuse:{excuse.id}", changed, [*events, f"excuse_raised:{excuse.id}"]


def _choose_beat(
    scenario: Scenario, state: CallState, turn: TraineeTurn, heard: Understanding, signals: list[str]
) -> tuple[str, CallState, list[str]]:
    """The debtor's beat for this turn, the state it leaves and the events it raises."""
    acts = set(heard.acts)
    persona = scenario.persona
    assert persona.hang_up is not None and persona.after_ask is not None
    events: list[str] = []
    gatekeeper = persona.archetype == "gatekeeper"

    if turn.hangup:
        return "", replace(state, ended=True, ended_by="trainee"), ["trainee_hung_up"]
    if (
        acts & set(persona.hang_up.on_acts)
        or state.mood.anger >= persona.hang_up.anger_at_least
        or state.trainee_turns >= persona.hang_up.max_turns
    ):
        keep = state.commitment if state.trainee_turns >= persona.hang_up.max_turns else None
        return "hang_up", replace(state, ended=True, ended_by="debtor", commitment=keep), ["debtor_hung_up"]
    if acts & {"threat", "false_claim"}:
        return "threatened", replace(state, abused=True, awaiting_after_ask=False), ["abuse_received"]
    if "insult" in acts:
        return "insulted", replace(state, abused=True, awaiting_after_ask=False), ["abuse_received"]
    if gatekeeper:
        if acts & set(DISCLOSING):
            return "gatekeeper_disclosure", state, ["third_party_disclosure"]
        if acts & {"close", "thank"} and state.trainee_turns > 1:
            return "goodbye", replace(state, ended=True, ended_by="goodbye"), ["goodbye"]
        if acts & {"verify_identity", "identify_self", "greet"} or state.trainee_turns <= 1:
            return "gatekeeper_block", state, []
        return "gatekeeper_message", state, []
    if "interrupted" in signals and state.mood.anger >= 30:
        return "interrupted", state, []
    if "shouting" in signals:
        return "shouted_at", state, []

    if turn.silent:
        if state.awaiting_after_ask:
            needed = persona.after_ask.quiet_seconds
            if turn.end - turn.start >= needed:
                offer = persona.after_ask.offer_amount
                commitment = _terms(scenario, Understanding(acts=()), offer)
                state = replace(state, awaiting_after_ask=False, commitment=commitment)
                return "silence_offer", state, ["silence_worked", "commitment_made"]
            return "stall_quiet", state, []
        return "silence", state, []

    if state.awaiting_after_ask:
        events.append("silence_broken")
        state = replace(state, awaiting_after_ask=False)
        lower = [a for a in heard.entities.amounts if a < scenario.account.amount]
        if lower:
            commitment = _terms(scenario, heard, min(lower))
            return "commit", replace(state, commitment=commitment), [*events, "commitment_made"]

    if "confirm_commitment" in acts and state.commitment is not None:
        confirmed = replace(state.commitment, confirmed=True)
        return "confirm", replace(state, commitment=confirmed), [*events, "commitment_confirmed"]

    active = _excuse(scenario, state.active_excuse)
    if active is not None and acts & set(active.counter):
        defeated = state.excuses_defeated | {active.id}
        state = replace(state, active_excuse=None, excuses_defeated=defeated)
        bonus = Mood(state.mood.anger, _clamp(state.mood.trust + 5), _clamp(state.mood.willingness + 20))
        return "excuse_countered", replace(state, mood=bonus), [*events, f"excuse_countered:{active.id}"]

    if acts & {"close"} and (state.commitment is not None or state.trainee_turns > 2):
        return "goodbye", replace(state, ended=True, ended_by="goodbye"), [*events, "goodbye"]

    if acts & set(ASKS):
        if persona.archetype == "disputer":
            return "dispute", replace(state, disputed=True), [*events, "debt_disputed"]
        if state.commitment is not None:
            return "confirm", state, events
        if active is not None:
            return "excuse_press", state, events
        quiet = persona.after_ask.behaviour == "quiet" and not state.quiet_done and "silence_broken" not in events
        if quiet and not state.abused:
            return "stall_quiet", replace(state, awaiting_after_ask=True, quiet_done=True), events
        if _ready(scenario, state, state.acts_seen | acts):
            commitment = _terms(scenario, heard, None)
            return "commit", replace(state, commitment=commitment), [*events, "commitment_made"]
        upcoming = _next_excuse(scenario, state)
        if upcoming is not None:
            return _raise(state, upcoming, events)
        if "propose_plan" in acts:
            return "plan_response", state, events
        return "refuse", state, events

    if "probe" in acts:
        upcoming = _next_excuse(scenario, state)
        if upcoming is not None:
            return _raise(state, upcoming, events)
        return "probe_answer", state, events
    for act, beat in (
        ("empathize", "empathy_response"),
        ("offer_options", "options_response"),
        ("consequence", "consequence_response"),
    ):
        if act in acts:
            return beat, state, events
    if persona.archetype == "disputer" and acts & {"state_purpose", "state_amount"} and not state.disputed:
        return "dispute", replace(state, disputed=True), [*events, "debt_disputed"]
    if acts & {"state_purpose", "state_amount", "mini_miranda"}:
        return "purpose_reaction", state, events
    if "verify_identity" in acts:
        return "identity_confirm", state, events
    if acts & {"greet", "identify_self"}:
        return "greeting", state, events
    if acts & {"close", "thank"} and state.commitment is not None:
        return "goodbye", replace(state, ended=True, ended_by="goodbye"), [*events, "goodbye"]
    if persona.archetype == "abusive" and state.mood.anger >= 60:
        return "abuse", state, events
    return "filler", state, events


def _line_options(scenario: Scenario, state: CallState, beat: str) -> list[str]:
    if beat.startswith("excuse:"):
        excuse = _excuse(scenario, beat.split(":", 1)[1])
        return list(excuse.say) if excuse else []
    if beat == "excuse_countered":
        defeated = [e for e in scenario.excuses if e.id in state.excuses_defeated]
        own = list(defeated[-1].countered) if defeated and defeated[-1].countered else []
        if own:
            return own
    if beat == "excuse_press":
        excuse = _excuse(scenario, state.active_excuse)
        pressed = L.candidates(scenario.lines, beat, state.stage, state.mood.label)
        return pressed or (list(excuse.say) if excuse else [])
    own = L.candidates(scenario.lines, beat, state.stage, state.mood.label)
    return own or L.candidates(fallback_lines(), beat, state.stage, state.mood.label)


def _values(scenario: Scenario, state: CallState) -> dict[str, str]:
    values = L.base_values(scenario)
    commitment = state.commitment
    terms = scenario.persona.commitment
    assert terms is not None
    offer = (scenario.persona.after_ask.offer_amount if scenario.persona.after_ask else None) or (
        terms.amount or scenario.account.amount
    )
    values["offer_amount"] = L.money(offer, scenario.account.currency)
    values["instalments"] = str(terms.instalments)
    values["method"] = terms.method
    default_date = (scenario.account.call_date + dt.timedelta(days=terms.days)).isoformat()
    values["commit_date"] = L.spoken_date(default_date)
    values["commit_amount"] = L.money(offer, scenario.account.currency)
    if commitment is not None:
        values["commit_amount"] = L.money(commitment.amount, scenario.account.currency)
        values["commit_date"] = L.spoken_date(commitment.date)
        values["method"] = commitment.method
    return values


def _speak(
    scenario: Scenario,
    state: CallState,
    beat: str,
    *,
    start: float,
    hangs_up: bool,
    extra_events: tuple[str, ...],
) -> tuple[CallState, DebtorLine]:
    options = _line_options(scenario, state, beat)
    index = len(state.turns)
    template = L.pick(options, state.used_lines, state.seed, index, beat)
    text = L.fill(template, _values(scenario, state))
    end = start + speech_seconds(text, scenario.persona.voice.rate)
    turn = Turn(speaker="debtor", text=text, start=start, end=end, beat=beat, mood=state.mood, stage=state.stage)
    state = replace(
        state,
        turns=(*state.turns, turn),
        clock=end,
        used_lines=state.used_lines | {template},
        events=state.events + extra_events,
    )
    return state, DebtorLine(text, beat, state.mood, start, end, hangs_up)


def step(
    scenario: Scenario, state: CallState, turn: TraineeTurn, heard: Understanding | None = None
) -> tuple[CallState, DebtorLine | None, tuple[str, ...]]:
    """One trainee turn in, the debtor's reply out (None once the call has ended without one)."""
    if state.ended:
        return state, None, ()
    if heard is None:
        heard = understand(turn.text, context_for(scenario)) if turn.text.strip() else Understanding(acts=())
    interrupt = turn.interrupt or (bool(turn.text.strip()) and turn.start < state.debtor_speaking_until)
    signals = _signals(state, turn, heard, interrupt)
    mood = _moved(scenario, state.mood, [*heard.acts, *signals])
    stage = state.stage
    for act in heard.acts:
        stage = next_stage(stage, act)
    trainee = Turn(
        speaker="trainee",
        text=turn.text,
        start=turn.start,
        end=turn.end,
        acts=heard.acts,
        entities=heard.entities,
        interrupt=interrupt,
        silence=round(turn.end - turn.start, 3) if turn.silent else 0.0,
        stage=stage,
        prosody=turn.prosody,
        hangup=turn.hangup,
    )
    state = replace(
        state,
        mood=mood,
        stage=stage,
        turns=(*state.turns, trainee),
        clock=max(state.clock, turn.end),
        acts_seen=state.acts_seen | set(heard.acts),
    )
    beat, state, events = _choose_beat(scenario, state, turn, heard, signals)
    for event in events:
        state = replace(state, stage=next_stage(state.stage, event.split(":")[0]))
    if not beat:
        return replace(state, events=state.events + tuple(events)), None, tuple(events)
    state, line = _speak(
        scenario,
        state,
        beat,
        start=turn.end + scenario.persona.voice.gap,
        hangs_up=state.ended and state.ended_by == "debtor",
        extra_events=tuple(events),
    )
    if state.ended:
        state = replace(state, stage="ended")
    return state, line, tuple(events)


def record_of(state: CallState) -> CallRecord:
    """The call record so far (or complete, once ``state.ended``)."""
    if state.ended_by == "debtor":
        outcome = "hung_up"
    elif state.commitment is not None:
        outcome = "commitment"
    elif state.ended_by == "trainee":
        outcome = "trainee_hung_up"
    else:
        outcome = "no_commitment"
    return CallRecord(
        scenario_id=state.scenario_id,
        seed=state.seed,
        turns=state.turns,
        outcome=outcome,  # type: ignore[arg-type]
        commitment=state.commitment,
        ended=state.ended,
        events=state.events,
    )
