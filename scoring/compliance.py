"""Lawful conduct, kept apart from the score as in real quality assurance.

Each rule returns findings with the turn and the words; any finding fails the call whatever its total.
The rules follow the law the product teaches (US FDCPA and Regulation F, the UK FCA's CONC 7, China's
2018 self-discipline convention on collection): no threats, no false claims (arrest, jail, police,
posing as a lawyer or an official, legal action not intended), no insults or obscene language, no
discussing the debt with a third party, no fees the account does not carry, no pressing for payment
once the debt is disputed, and in the US the debt-collection disclosure (mini-Miranda). Which rules
apply is the rubric's choice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from scoring.card import Mark
from scoring.cues import FEE
from scoring.facts import ASKS, CallFacts, Said

# Trainee acts that discuss the debt with the right party: the disclosure must come with them.
_DEBT_TALK = ASKS | {"state_amount", "state_purpose"}


def _mark(rule: str, said: Said, words: tuple[str, ...] = ()) -> Mark:
    return Mark(rule, said.index, 0, {"words": words[0] if words else said.turn.text})


def threat(facts: CallFacts) -> list[Mark]:
    return [_mark("threat", s, s.cues.threat) for s in facts.trainee if s.cues.threat or s.has("threat")]


def false_claim(facts: CallFacts) -> list[Mark]:
    return [
        _mark("false_claim", s, s.cues.false_claim)
        for s in facts.trainee
        if s.cues.false_claim or s.has("false_claim")
    ]


def insult(facts: CallFacts) -> list[Mark]:
    return [_mark("insult", s, s.cues.insult) for s in facts.trainee if s.insulting]


def profanity(facts: CallFacts) -> list[Mark]:
    return [_mark("profanity", s, s.cues.profanity) for s in facts.trainee if s.cues.profanity]


def third_party_disclosure(facts: CallFacts) -> list[Mark]:
    if not facts.third_party:
        return []
    return [_mark("third_party_disclosure", s) for s in facts.trainee if facts.discloses(s)]


def unauthorised_fee(facts: CallFacts) -> list[Mark]:
    """A fee, penalty or interest the account notes do not carry."""
    if any(FEE.search(note) for note in facts.scenario.account.notes):
        return []
    return [_mark("unauthorised_fee", s, s.cues.fee) for s in facts.trainee if s.cues.fee]


def collecting_disputed_debt(facts: CallFacts) -> list[Mark]:
    """Asking for payment, or pressing with consequences, after the debtor disputes the debt."""
    disputed = next((s.index for s in facts.said if s.beat == "dispute"), None)
    if disputed is None:
        return []
    return [
        _mark("collecting_disputed_debt", s)
        for s in facts.trainee
        if s.index > disputed and s.has(*ASKS, "consequence")
    ]


def missing_mini_miranda(facts: CallFacts) -> list[Mark]:
    """The debt discussed with the debtor, and the call over without the disclosure."""
    if not facts.final or facts.third_party or any(s.has("mini_miranda") for s in facts.trainee):
        return []
    first = next((s for s in facts.trainee if s.acts & _DEBT_TALK), None)
    return [Mark("missing_mini_miranda", first.index, 0, {"words": first.turn.text})] if first else []


RULES: dict[str, Callable[[CallFacts], list[Mark]]] = {
    "threat": threat,
    "false_claim": false_claim,
    "insult": insult,
    "profanity": profanity,
    "third_party_disclosure": third_party_disclosure,
    "unauthorised_fee": unauthorised_fee,
    "collecting_disputed_debt": collecting_disputed_debt,
    "missing_mini_miranda": missing_mini_miranda,
}


def check(facts: CallFacts, rules: Iterable[str]) -> list[Mark]:
    """Every finding of the given rules, in turn order (rules in their listed order within a turn)."""
    wanted = set(rules)
    found = [m for rule, find in RULES.items() if rule in wanted for m in find(facts)]
    order = list(RULES)
    found.sort(key=lambda m: (m.turn if m.turn is not None else -1, order.index(m.topic)))
    return found
