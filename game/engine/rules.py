"""The guards and effects named by the debtor's rule table (``RULES`` in ``game.engine.stages``).

A guard reads the situation of one turn (what was said, the call so far, the persona's traits) and
says whether its rule applies; an effect returns the changed call state, the events it raises and,
rarely, a more precise beat (which excuse comes out, a promise on the debtor's own date). Nothing
here names an archetype: behaviour differs by the traits in ``archetypes.yaml`` and the scenario.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from game.engine.readback import ITEMS, Reading, heard_back, judge
from game.engine.record import Commitment, Mood, TraineeTurn, Understanding
from game.engine.scenario.defaults import traits_of
from game.engine.scenario.models import Excuse, Scenario, Traits
from game.engine.state import CallState

ASKS = frozenset({"request_payment", "ask_commitment", "propose_plan"})
DISCLOSING = frozenset({"state_purpose", "state_amount", "mini_miranda", "request_payment", "ask_commitment"})
TOLD = frozenset({"state_purpose", "state_amount", "mini_miranda"})
CENT = 0.005


def clamp(value: float) -> float:
    return max(0.0, min(100.0, value))


@dataclass(frozen=True)
class Situation:
    """One trainee turn as the rules see it: the scenario, the call so far, what was heard."""

    scenario: Scenario
    state: CallState
    turn: TraineeTurn
    heard: Understanding
    signals: frozenset[str]
    events: tuple[str, ...]

    @cached_property
    def acts(self) -> frozenset[str]:
        return frozenset(self.heard.acts)

    @cached_property
    def traits(self) -> Traits:
        """A resolved persona carries its full traits; an unresolved one gets its archetype's."""
        return self.scenario.persona.traits or traits_of(self.scenario)

    @property
    def asked(self) -> bool:
        return bool(self.acts & ASKS)

    @property
    def identity_asks(self) -> tuple[str, ...]:
        return tuple(a.split(":", 1)[1] for a in self.heard.asks if a.startswith("identity:"))

    @cached_property
    def promise(self) -> Commitment | None:
        """The promise standing, with any item nobody had said yet taken from this line when the
        persona can meet it: the caller proposes what was never agreed."""
        promise = self.state.commitment
        if promise is None:
            return None
        entities, agreed = self.heard.entities, self.state.agreed
        if any(item in agreed for item in judge(promise, heard_back(promise, entities)).wrong):
            return promise  # a line that gets said items wrong is corrected first, settles nothing
        own = self.scenario.persona.commitment
        assert own is not None
        if "method" not in agreed and entities.method is not None:
            promise = replace(promise, method=entities.method)
        call_date = self.scenario.account.call_date
        latest = (call_date + dt.timedelta(days=own.latest_days)).isoformat()
        if "date" not in agreed:
            dates = [d for d in entities.dates if call_date.isoformat() <= d <= latest]
            promise = replace(promise, date=dates[0]) if dates else promise
        if "amount" not in agreed:
            floor = own.min_amount or promise.amount
            amounts = [a for a in entities.amounts if floor - CENT <= a <= promise.amount + CENT]
            promise = replace(promise, amount=amounts[0]) if amounts else promise
        return promise

    @cached_property
    def agreed(self) -> frozenset[str]:
        """The items of the promise someone has said, with those this line settles."""
        before, now = self.state.commitment, self.promise
        if before is None or now is None:
            return self.state.agreed
        settled = {item for item in ITEMS if getattr(before, item) != getattr(now, item)}
        return self.state.agreed | settled

    @cached_property
    def settles(self) -> bool:
        """The line names an item of the promise nobody had said, and the persona takes it."""
        return self.agreed != self.state.agreed

    @cached_property
    def reading(self) -> Reading | None:
        """The read-back so far, with this line's items merged in (None without a read-back)."""
        promise = self.promise
        if promise is None or "confirm_commitment" not in self.acts:
            return None
        return judge(promise, heard_back(promise, self.heard.entities))

    @property
    def wrong_agreed(self) -> tuple[str, ...]:
        """Items read back unlike what was said: only these can be corrected."""
        reading = self.reading
        return tuple(i for i in reading.wrong if i in self.agreed) if reading is not None else ()

    @property
    def open_items(self) -> tuple[str, ...]:
        """Items of the promise a read-back leaves unsettled that nobody has said: asked about."""
        reading = self.reading
        if reading is None:
            return ()
        return tuple(i for i in ITEMS if i not in self.agreed and getattr(reading, i) != "match")

    @property
    def remaining(self) -> float:
        promise = self.state.commitment
        balance = self.scenario.account.amount
        return round(balance - promise.amount, 2) if promise is not None else balance

    @cached_property
    def wrong_balance(self) -> float | None:
        """An amount the caller gives as the balance that is not the balance (None when all is right)."""
        amounts = self.heard.entities.amounts
        balance = self.scenario.account.amount
        if not amounts or "confirm_commitment" in self.acts:
            return None
        known = [balance, self.remaining]
        if self.state.commitment is not None:
            known.append(self.state.commitment.amount)
        stated = self.heard.entities.stated_balance
        if stated is not None:
            return None if any(abs(stated - k) < CENT for k in known) else stated
        if "silence_broken" in self.events:  # an amount said into the quiet after an ask is an offer
            return None
        if any(abs(a - k) < CENT for a in amounts for k in known):
            return None
        above = [a for a in amounts if a > balance + CENT]
        if above:
            return above[0]
        stated = "state_amount" in self.acts and not self.asked and "offer_options" not in self.acts
        return amounts[0] if stated else None

    def identity_value(self, kind: str) -> str | None:
        identity = self.scenario.account.identity
        if identity is None:
            return None
        if kind == "dob" and identity.date_of_birth is not None:
            day = identity.date_of_birth
            if self.scenario.language == "zh":
                return f"{day.year}年{day.month}月{day.day}号"
            return f"{day:%B} {day.day}, {day.year}"
        if kind == "address":
            return identity.address
        if kind == "last_digits":
            return identity.last_digits
        return None


def _next_excuse(scenario: Scenario, state: CallState) -> Excuse | None:
    return next((e for e in scenario.excuses if e.id not in state.excuses_raised), None)


def _active_excuse(scenario: Scenario, state: CallState) -> Excuse | None:
    return next((e for e in scenario.excuses if e.id == state.active_excuse), None)


def ready(situation: Situation) -> bool:
    """Whether the persona's mood and the acts heard so far allow a promise."""
    state = situation.state
    rule = situation.scenario.persona.commit_when
    assert rule is not None
    seen = state.acts_seen | situation.acts
    return (
        situation.traits.promises
        and not state.abused
        and not state.disputed
        and state.mood.willingness >= rule.willingness_at_least
        and state.mood.trust >= rule.trust_at_least
        and all(act in seen for act in rule.requires)
    )


def _hang_up_due(s: Situation) -> bool:
    rule = s.scenario.persona.hang_up
    assert rule is not None
    return bool(
        s.acts & set(rule.on_acts)
        or s.state.mood.anger >= rule.anger_at_least
        or s.state.trainee_turns >= rule.max_turns
    )


def _stated_detail_wrong(s: Situation) -> bool:
    """The caller reads out a date of birth or last digits that are not the debtor's."""
    identity = s.scenario.account.identity
    if identity is None:
        return False
    kinds = s.identity_asks
    if "dob" in kinds and identity.date_of_birth is not None and s.heard.entities.dates:
        return identity.date_of_birth.isoformat() not in s.heard.entities.dates
    if "last_digits" in kinds and identity.last_digits is not None:
        said = [f"{a:g}" for a in s.heard.entities.amounts]
        return bool(said) and identity.last_digits not in said
    return False


def _asked_quietly(s: Situation) -> bool:
    after_ask = s.scenario.persona.after_ask
    assert after_ask is not None
    return (
        s.asked
        and after_ask.behaviour == "quiet"
        and not s.state.quiet_done
        and "silence_broken" not in s.events
        and not s.state.abused
    )


def _quiet_long_enough(s: Situation) -> bool:
    after_ask = s.scenario.persona.after_ask
    assert after_ask is not None
    return s.turn.end - s.turn.start >= after_ask.quiet_seconds


def _wrong_balance_heard(s: Situation) -> bool:
    """The debtor's own balance stated wrong (a third party knows no balance to correct)."""
    return s.wrong_balance is not None and not s.traits.third_party


def _third_party(s: Situation) -> bool:
    return s.traits.third_party and not s.turn.silent


Guard = Callable[[Situation], bool]

GUARDS: dict[str, Guard] = {
    "trainee_hangs_up": lambda s: s.turn.hangup,
    "hang_up_due": _hang_up_due,
    "threatened": lambda s: bool(s.acts & {"threat", "false_claim"}),
    "insulted": lambda s: "insult" in s.acts,
    "dead_air_spent": lambda s: s.turn.silent and (s.state.silent_for >= s.traits.silence_patience or s.state.waited),
    "third_party_hears_debt": lambda s: _third_party(s) and bool(s.acts & DISCLOSING),
    "third_party_farewell": lambda s: (
        _third_party(s) and bool(s.acts & {"close", "thank"}) and s.state.trainee_turns > 1
    ),
    "third_party_asked_for_debtor": lambda s: (
        _third_party(s) and (bool(s.acts & {"verify_identity", "identify_self", "greet"}) or s.state.trainee_turns <= 1)
    ),
    "third_party": _third_party,
    "talked_over_while_heated": lambda s: "interrupted" in s.signals and s.state.mood.anger >= 30,
    "shouted_at": lambda s: "shouting" in s.signals,
    "quiet_worked": lambda s: s.turn.silent and s.state.awaiting_after_ask and _quiet_long_enough(s),
    "quiet_too_short": lambda s: s.turn.silent and s.state.awaiting_after_ask,
    "silent_first": lambda s: s.turn.silent and not s.state.asked_if_there,
    "silent_again": lambda s: s.turn.silent,
    "silence_broken_with_offer": lambda s: (
        "silence_broken" in s.events and any(a < s.scenario.account.amount for a in s.heard.entities.amounts)
    ),
    "wrong_balance_corrected": lambda s: _wrong_balance_heard(s) and s.traits.wrong_amount == "correct",
    "wrong_balance_seized": lambda s: _wrong_balance_heard(s) and s.traits.wrong_amount == "seize",
    "wrong_creditor": lambda s: s.heard.entities.company is not None,
    "read_back_wrong": lambda s: bool(s.wrong_agreed),
    "read_back_right": lambda s: s.reading is not None and s.reading.confirmed,
    "read_back_open": lambda s: bool(s.open_items),
    "terms_named": lambda s: s.settles and "balance" not in s.heard.asks,
    "read_back_partial": lambda s: s.reading is not None,
    "read_back_unpromised": lambda s: "confirm_commitment" in s.acts and s.state.commitment is None and not s.asked,
    "identity_asked_anonymously": lambda s: (
        bool(s.identity_asks)
        and s.traits.asks_back == "who_is_calling"
        and "identify_self" not in s.state.acts_seen | s.acts
    ),
    "identity_withheld": lambda s: (
        bool(s.identity_asks) and (s.traits.identity == "refuse" or s.identity_value(s.identity_asks[0]) is None)
    ),
    "identity_stated_wrong": _stated_detail_wrong,
    "identity_asked": lambda s: bool(s.identity_asks),
    "excuse_met": lambda s: (
        (active := _active_excuse(s.scenario, s.state)) is not None and bool(s.acts & set(active.counter))
    ),
    "closing": lambda s: "close" in s.acts and (s.state.commitment is not None or s.state.trainee_turns > 2),
    "asked_disputer": lambda s: s.asked and s.traits.disputes != "never",
    "asked_remaining_after_promise": lambda s: s.asked and s.state.commitment is not None and "balance" in s.heard.asks,
    "asked_after_promise": lambda s: s.asked and s.state.commitment is not None,
    "asked_with_excuse_standing": lambda s: s.asked and s.state.active_excuse is not None,
    "asked_quiet_persona": _asked_quietly,
    "asked_and_ready": lambda s: s.asked and ready(s),
    "asked_with_excuse_left": lambda s: s.asked and _next_excuse(s.scenario, s.state) is not None,
    "asked_about_plan": lambda s: "propose_plan" in s.acts,
    "asked": lambda s: s.asked,
    "probed_with_excuse_left": lambda s: "probe" in s.acts and _next_excuse(s.scenario, s.state) is not None,
    "probed": lambda s: "probe" in s.acts,
    "empathized": lambda s: "empathize" in s.acts,
    "offered_options": lambda s: "offer_options" in s.acts,
    "told_consequence": lambda s: "consequence" in s.acts,
    "told_disputer": lambda s: (
        bool(s.acts & {"state_purpose", "state_amount"}) and s.traits.disputes == "when_told" and not s.state.disputed
    ),
    "told": lambda s: bool(s.acts & TOLD),
    "asked_for_debtor": lambda s: "verify_identity" in s.acts,
    "greeted": lambda s: bool(s.acts & {"greet", "identify_self"}),
    "thanked_after_promise": lambda s: bool(s.acts & {"close", "thank"}) and s.state.commitment is not None,
    "heated_abuser": lambda s: s.traits.abuses_above is not None and s.state.mood.anger >= s.traits.abuses_above,
    "anything": lambda s: True,
}


# An effect: the new state, the events raised and, when the rule's beat is refined, the new beat.
Outcome = tuple[CallState, tuple[str, ...], str | None]
Effect = Callable[[Situation], Outcome]


def terms(s: Situation, offer: float | None) -> tuple[Commitment, bool, frozenset[str]]:
    """The promise, whether the date asked could be met, and the items the caller proposed.

    The caller's amount counts between the persona's floor and what it is prepared to pay (asked
    for more, it answers with its own amount); the caller's date counts from the call date to the
    persona's latest, else the persona names its own: the latest date when asked for later, its
    usual date when asked for a day already past. Amounts, dates and methods asked earlier in the
    call are remembered.
    """
    scenario, state, entities = s.scenario, s.state, s.heard.entities
    own_terms = scenario.persona.commitment
    assert own_terms is not None
    balance = scenario.account.amount
    count = own_terms.instalments if own_terms.kind == "instalments" else 1
    own = offer or own_terms.amount or round(balance / count, 2)
    floor = own_terms.min_amount or own
    asked_amounts = list(entities.amounts) or ([state.asked_amount] if state.asked_amount is not None else [])
    proposed = [a for a in asked_amounts if floor <= a <= max(own, floor)]
    amount = min(proposed) if proposed else own
    call_date = scenario.account.call_date
    latest = call_date + dt.timedelta(days=own_terms.latest_days)
    usual = call_date + dt.timedelta(days=own_terms.days)
    asked_dates = list(entities.dates) or ([state.asked_date] if state.asked_date is not None else [])
    met = True
    date = usual
    if asked_dates:
        wanted = dt.date.fromisoformat(asked_dates[0])
        met = call_date <= wanted <= latest
        date = wanted if met else (latest if wanted > latest else usual)
    asked_method = entities.method or state.asked_method
    method = asked_method or own_terms.method
    kind = own_terms.kind if amount < balance or own_terms.kind == "instalments" else "full"
    promise = Commitment(amount=amount, date=date.isoformat(), method=method, kind=kind, instalments=count)
    said = {"amount"} if proposed else set()
    said |= {"date"} if asked_dates and met else set()
    said |= {"method"} if asked_method else set()
    return promise, met, frozenset(said)


def _promise(s: Situation) -> Outcome:
    promise, met, proposed = terms(s, None)
    state = replace(s.state, commitment=promise, agreed=proposed)
    return state, ("commitment_made",), None if met else "commit_counter"


def _promise_offered(s: Situation) -> Outcome:
    lower = min(a for a in s.heard.entities.amounts if a < s.scenario.account.amount)
    promise, met, proposed = terms(s, lower)
    state = replace(s.state, commitment=promise, agreed=proposed | {"amount"})
    return state, ("commitment_made",), None if met else "commit_counter"


def _offer_into_silence(s: Situation) -> Outcome:
    after_ask = s.scenario.persona.after_ask
    assert after_ask is not None
    # The offer into a silence is the debtor's own amount, on its usual date, paid as the caller asked.
    own = replace(s.state, asked_amount=None, asked_date=None)
    promise, _, proposed = terms(replace(s, state=own, heard=Understanding(acts=())), after_ask.offer_amount)
    state = replace(s.state, awaiting_after_ask=False, commitment=promise, agreed=proposed)
    return state, ("silence_worked", "commitment_made"), None


def _note_read_back(s: Situation) -> Outcome:
    promise = s.promise
    assert promise is not None
    noted = replace(promise, read_back=heard_back(promise, s.heard.entities))
    return replace(s.state, commitment=noted, agreed=s.agreed), ("read_back_checked",), None


def _ask_open_item(s: Situation) -> Outcome:
    """A read-back leaves an item nobody said: the debtor asks about it instead of inventing it."""
    state, events, _ = _note_read_back(s)
    return state, events, f"open_{s.open_items[0]}"


def _settle_terms(s: Situation) -> Outcome:
    return replace(s.state, commitment=s.promise, agreed=s.agreed), ("commitment_settled",), None


def _confirm_promise(s: Situation) -> Outcome:
    promise = s.promise
    assert promise is not None
    confirmed = replace(promise, read_back=heard_back(promise, s.heard.entities), confirmed=True)
    return replace(s.state, commitment=confirmed, agreed=s.agreed), ("commitment_confirmed",), None


def _raise_excuse(s: Situation) -> Outcome:
    excuse = _next_excuse(s.scenario, s.state)
    assert excuse is not None
    raised = replace(s.state, excuses_raised=(*s.state.excuses_raised, excuse.id), active_excuse=excuse.id)
    return raised, (f"excuse_raised:{excuse.id}",), f"excuse:{excuse.id}"


def _defeat_excuse(s: Situation) -> Outcome:
    active = s.state.active_excuse
    assert active is not None
    mood = s.state.mood
    bonus = Mood(mood.anger, clamp(mood.trust + 5), clamp(mood.willingness + 20))
    state = replace(s.state, active_excuse=None, excuses_defeated=s.state.excuses_defeated | {active}, mood=bonus)
    return state, (f"excuse_countered:{active}",), None


def _doubt(s: Situation, willingness: float) -> Outcome:
    mood = s.state.mood
    doubted = Mood(mood.anger, clamp(mood.trust - 10), clamp(mood.willingness - willingness))
    if "insult" in s.acts:  # the error is answered first, and the insult is still taken
        state, abused, _ = EFFECTS["abused"](s)
        return replace(state, mood=doubted), ("caller_error_noticed", *abused), None
    return replace(s.state, mood=doubted), ("caller_error_noticed",), None


def _end_by_debtor(s: Situation) -> Outcome:
    rule = s.scenario.persona.hang_up
    assert rule is not None
    keep = s.state.commitment if s.state.trainee_turns >= rule.max_turns else None
    return replace(s.state, ended=True, ended_by="debtor", commitment=keep), ("debtor_hung_up",), None


EFFECTS: dict[str, Effect] = {
    "": lambda s: (s.state, (), None),
    "end_by_trainee": lambda s: (replace(s.state, ended=True, ended_by="trainee"), ("trainee_hung_up",), None),
    "end_by_debtor": _end_by_debtor,
    "end_goodbye": lambda s: (replace(s.state, ended=True, ended_by="goodbye"), ("goodbye",), None),
    "abused": lambda s: (replace(s.state, abused=True, awaiting_after_ask=False), ("abuse_received",), None),
    "disclosed": lambda s: (s.state, ("third_party_disclosure",), None),
    "offer_into_silence": _offer_into_silence,
    "ask_if_there": lambda s: (replace(s.state, asked_if_there=True), (), None),
    "wait_once": lambda s: (replace(s.state, waited=True), (), None),
    "promise": _promise,
    "promise_offered": _promise_offered,
    "doubt": lambda s: _doubt(s, 0),
    "seize": lambda s: _doubt(s, 10),
    "note_read_back": _note_read_back,
    "ask_open_item": _ask_open_item,
    "settle_terms": _settle_terms,
    "confirm_promise": _confirm_promise,
    "defeat_excuse": _defeat_excuse,
    "dispute": lambda s: (replace(s.state, disputed=True), ("debt_disputed",), None),
    "await_after_ask": lambda s: (replace(s.state, awaiting_after_ask=True, quiet_done=True), (), None),
    "raise_excuse": _raise_excuse,
}
