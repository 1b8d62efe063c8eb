"""The persona engine: ``step(scenario, state, trainee_turn) -> (state, debtor_turn, events)``.

Pure and deterministic: no pygame, audio, files or clock. Time arrives with each trainee turn;
randomness comes from the call's seed. What the debtor does next is the first row of the rule table
(``RULES`` in ``game.engine.stages``) whose guard holds; guards and effects (``game.engine.rules``)
read the persona's traits, so a new kind of debtor is written in YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from game.engine import lines as L
from game.engine.readback import ITEMS, judge
from game.engine.record import CallRecord, Commitment, Mood, TraineeTurn, Turn, Understanding
from game.engine.rules import ASKS as ASKS  # the asks and the acts that disclose the debt, for scoring
from game.engine.rules import DISCLOSING as DISCLOSING
from game.engine.rules import EFFECTS, GUARDS, Situation, clamp
from game.engine.scenario.defaults import fallback_lines
from game.engine.scenario.models import Excuse, Scenario
from game.engine.stages import RESTATABLE, RULES, next_stage
from game.engine.state import CallState
from game.engine.understand import Context, understand

# A Chinese character is a syllable, said in about the time of a short English word.
_WORD = re.compile(r"[\u3400-\u9fff]|(?:(?![\u3400-\u9fff])[\w'])+")


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
        payday=account.payday,
        extra_phrases={k: tuple(v) for k, v in scenario.phrases.items()},
    )


def start_call(scenario: Scenario, seed: int = 0) -> tuple[CallState, DebtorLine]:
    """The phone is answered: the first debtor line at time 0."""
    mood_values = scenario.persona.mood
    assert mood_values is not None, "scenario must be resolved against its archetype"
    mood = Mood(mood_values.anger, mood_values.trust, mood_values.willingness)
    state = CallState(scenario_id=scenario.id, seed=seed, mood=mood)
    return _speak(scenario, state, "answer", start=0.0, extra_events=())


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
    return Mood(clamp(anger), clamp(trust), clamp(will))


def _choose_beat(situation: Situation) -> tuple[str, CallState, list[str]]:
    """The first rule of the table whose guard holds: its beat, the state it leaves, its events."""
    for rule in RULES:
        if GUARDS[rule.guard](situation):
            state, raised, refined = EFFECTS[rule.effect](situation)
            return refined or rule.beat, state, [*situation.events, *raised]
    raise AssertionError("the rule table ends with a rule that always holds")


def _excuse(scenario: Scenario, excuse_id: str | None) -> Excuse | None:
    return next((e for e in scenario.excuses if e.id == excuse_id), None)


def _line_groups(scenario: Scenario, state: CallState, beat: str) -> list[list[str]]:
    """The variants for a beat, best first: the scenario's own, then the shared ones."""
    stage, mood = state.stage, state.mood.label
    if beat.startswith("excuse:"):
        excuse = _excuse(scenario, beat.split(":", 1)[1])
        return [list(excuse.say)] if excuse else []
    groups: list[list[str]] = []
    if beat == "excuse_countered":
        defeated = [e for e in scenario.excuses if e.id in state.excuses_defeated]
        if defeated and defeated[-1].countered:
            groups.append(list(defeated[-1].countered))
    groups += L.ranked(scenario.lines, beat, stage, mood)
    if beat == "excuse_press":
        excuse = _excuse(scenario, state.active_excuse)
        groups.append(list(excuse.say) if excuse else [])
    groups += L.ranked(fallback_lines(scenario.language), beat, stage, mood)
    return groups


def _restatements(scenario: Scenario, state: CallState, beat: str, values: dict[str, str]) -> list[list[str]]:
    """An earlier line of this beat in other words (a restate frame around it), each line once."""
    if beat not in RESTATABLE:
        return []
    own = {L.fill(v, values) for group in _line_groups(scenario, state, beat) for v in group}
    earlier = [t.text for t in state.turns if t.speaker == "debtor" and t.beat == beat and t.text in own]
    said = [t.text for t in state.turns if t.speaker == "debtor" and t.beat == beat and t.text not in own]
    fresh = [line for line in earlier if not any(s.endswith(L.lower_first(line)) for s in said)]
    frames = [f for group in _line_groups(scenario, state, "restate") for f in group]
    return [[f.replace("{line}", L.lower_first(line)) for line in fresh for f in frames]]


def _values(scenario: Scenario, state: CallState, situation: Situation | None) -> dict[str, str]:
    values = L.base_values(scenario)
    commitment = state.commitment
    terms_ = scenario.persona.commitment
    assert terms_ is not None
    currency = scenario.account.currency
    offer = (scenario.persona.after_ask.offer_amount if scenario.persona.after_ask else None) or (
        terms_.amount or scenario.account.amount
    )
    values["offer_amount"] = L.money(offer, currency)
    values["instalments"] = str(terms_.instalments)
    values["method"] = L.spoken_method(terms_.method, scenario.language)
    default_date = (scenario.account.call_date + dt.timedelta(days=terms_.days)).isoformat()
    values["commit_date"] = L.spoken_date(default_date, scenario.language)
    values["commit_amount"] = L.money(offer, currency)
    if commitment is not None:
        values["commit_amount"] = L.money(commitment.amount, currency)
        values["commit_date"] = L.spoken_date(commitment.date, scenario.language)
        values["method"] = L.spoken_method(commitment.method, scenario.language)
    if situation is not None:
        values.update(_answers(situation, state))
    return values


def _answers(situation: Situation, state: CallState) -> dict[str, str]:
    """Placeholders that answer what this turn said: the detail asked, the item read back wrong..."""
    currency = situation.scenario.account.currency
    language = situation.scenario.language
    out = {"remaining": L.money(situation.remaining, currency)}
    wrong = situation.wrong_balance
    if wrong is not None:
        out["stated_amount"] = L.money(wrong, currency)
    if situation.heard.entities.company:
        out["other_company"] = situation.heard.entities.company
    dates = situation.heard.entities.dates
    asked = dates[0] if dates else situation.state.asked_date
    if asked is not None:
        out["asked_date"] = L.spoken_date(asked, language)
    kinds = situation.identity_asks
    if kinds:
        out["identity_detail"] = situation.identity_value(kinds[0]) or ""
    promise = state.commitment
    if promise is not None:
        said = (L.money(promise.amount, currency), L.spoken_date(promise.date, language))
        method = L.spoken_method(promise.method, language)
        wrong_items = [item for item in judge(promise, promise.read_back).wrong if item in state.agreed]
        out["corrections"] = L.corrections(wrong_items, *said, method, language)
        out["agreed"] = L.corrections([i for i in ITEMS if i in state.agreed], *said, method, language)
    return out


def _agreed_in(scenario: Scenario, promise: Commitment, text: str) -> frozenset[str]:
    """The items of the promise a debtor line says out loud."""
    language, lowered = scenario.language, text.lower()
    day = dt.date.fromisoformat(promise.date)
    dates = (
        (f"{day.month}月{day.day}", f"星期{'一二三四五六日'[day.weekday()]}")
        if language == "zh"
        else (f"{day:%B} {day.day}".lower(), f"{day:%A}".lower())
    )
    found = {
        "amount": L.money(promise.amount, scenario.account.currency).lower() in lowered,
        "date": any(d in lowered for d in dates),
        "method": L.spoken_method(promise.method, language).lower() in lowered,
    }
    return frozenset(item for item, said in found.items() if said)


def _speak(
    scenario: Scenario,
    state: CallState,
    beat: str,
    *,
    start: float,
    extra_events: tuple[str, ...],
    situation: Situation | None = None,
) -> tuple[CallState, DebtorLine]:
    """Say the beat's line: never one already said in this call; a restatement once the variants
    are spent; and, with nothing new left to say, the debtor wraps the call up."""
    values = _values(scenario, state, situation)
    index = len(state.turns)
    text = L.choose(_line_groups(scenario, state, beat), values, state.used_lines, state.seed, index, beat)
    if text is None:
        restated = _restatements(scenario, state, beat, values)
        text = L.choose(restated, values, state.used_lines, state.seed, index, beat, near=False)
    if text is None and beat != "wrap_up":
        ended_by = "goodbye" if state.commitment is not None else "debtor"
        event = "goodbye" if ended_by == "goodbye" else "debtor_hung_up"
        state = replace(state, ended=True, ended_by=ended_by, events=(*state.events, event))
        return _speak(scenario, state, "wrap_up", start=start, extra_events=extra_events, situation=situation)
    text = text or "..."
    end = start + speech_seconds(text, scenario.persona.voice.rate)
    turn = Turn(speaker="debtor", text=text, start=start, end=end, beat=beat, mood=state.mood, stage=state.stage)
    promise = state.commitment
    state = replace(
        state,
        agreed=state.agreed | _agreed_in(scenario, promise, text) if promise is not None else state.agreed,
        turns=(*state.turns, turn),
        clock=end,
        used_lines=state.used_lines | {text},
        events=state.events + extra_events,
    )
    hangs_up = state.ended and state.ended_by == "debtor"
    return state, DebtorLine(text, beat, state.mood, start, end, hangs_up)


def _remembered(state: CallState, heard: Understanding) -> tuple[float | None, str | None, str | None]:
    """Terms the trainee asks for (amount, date, method) are remembered until the debtor promises."""
    if not set(heard.acts) & ASKS:
        return state.asked_amount, state.asked_date, state.asked_method
    entities = heard.entities
    return (
        entities.amounts[0] if entities.amounts else state.asked_amount,
        entities.dates[0] if entities.dates else state.asked_date,
        entities.method or state.asked_method,
    )


def _dead_air(state: CallState, turn: TraineeTurn) -> tuple[float, bool, bool]:
    """Seconds of silence add up until the trainee speaks, which also resets the "are you there?"
    and the waiting that follows it."""
    if turn.silent:
        return state.silent_for + (turn.end - turn.start), state.asked_if_there, state.waited
    return 0.0, False, False


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
        asks=heard.asks,
        interrupt=interrupt,
        silence=round(turn.end - turn.start, 3) if turn.silent else 0.0,
        stage=stage,
        prosody=turn.prosody,
        hangup=turn.hangup,
    )
    broken = state.awaiting_after_ask and not turn.silent
    silent_for, asked_if_there, waited = _dead_air(state, turn)
    asked_amount, asked_date, asked_method = _remembered(state, heard)
    state = replace(
        state,
        mood=mood,
        stage=stage,
        turns=(*state.turns, trainee),
        clock=max(state.clock, turn.end),
        awaiting_after_ask=state.awaiting_after_ask and not broken,
        silent_for=silent_for,
        asked_if_there=asked_if_there,
        waited=waited,
        asked_amount=asked_amount,
        asked_date=asked_date,
        asked_method=asked_method,
    )
    events: tuple[str, ...] = ("silence_broken",) if broken else ()
    situation = Situation(scenario, state, turn, heard, frozenset(signals), events)
    beat, state, raised = _choose_beat(situation)
    after = state.stage
    for event in raised:
        after = next_stage(after, event.split(":")[0])
    state = replace(state, acts_seen=state.acts_seen | set(heard.acts), stage=after)
    if state.commitment is not None and situation.state.commitment is None:
        state = replace(state, asked_amount=None, asked_date=None, asked_method=None)
    if not beat:
        return replace(state, events=state.events + tuple(raised)), None, tuple(raised)
    spoken = len(state.events)
    state, line = _speak(
        scenario,
        state,
        beat,
        start=turn.end + scenario.persona.voice.gap,
        extra_events=tuple(raised),
        situation=situation,
    )
    if state.ended:
        state = replace(state, stage="ended")
    return state, line, state.events[spoken:]


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
