"""Lawful conduct, kept apart from the score as in real quality assurance.

Each rule returns findings with the turn and the words; any finding fails the call whatever its total.
Which rules apply is the law's choice (``law.py``: the jurisdiction, who calls, what debt), plus any
house rules a rubric adds; a rubric never switches a legal rule off. The rules follow the law the
product teaches (US FDCPA and Regulation F, the UK FCA's CONC 7, China's 2018 self-discipline
convention): no threats of harm, exposure or visits; no false claims of authority or consequences; no
abuse or obscene language; no telling others about the debt; no fee the agreement does not allow; no
misstated balance; no pressure to borrow; no collecting a disputed debt; in the US, from third-party
collectors on consumer debts, the debt-collection disclosure (mini-Miranda).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from game.engine.lines import money
from scoring.balance import misstatements
from scoring.card import Mark
from scoring.conduct import allowed_fee
from scoring.facts import ASKS, CallFacts, Said

# Trainee acts that discuss the debt with the right party: the disclosure must come with them.
_DEBT_TALK = ASKS | {"state_amount", "state_purpose"}
# Pressing after a dispute: asking, stating consequences or urgency.
_PRESSING = ASKS | {"consequence", "urgency", "confirm_commitment"}


def _mark(rule: str, line: Said, words: tuple[str, ...] | list[str] = (), **values: str) -> Mark:
    return Mark(rule, line.index, 0, {"words": words[0] if words else line.turn.text, **values})


def threat(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    return [_mark("threat", s, s.cues.threat) for s in facts.trainee if s.cues.threat]


def false_claim(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    return [_mark("false_claim", s, s.cues.false_claim) for s in facts.trainee if s.cues.false_claim]


def insult(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    return [_mark("insult", s, s.cues.insult) for s in facts.trainee if s.cues.insult]


def profanity(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    """Obscene words always; milder ones ("damn") where the rubric's house standard lists them."""
    out = []
    for said in facts.trainee:
        mild = tuple(w for w in said.cues.mild_profanity if any(w.lower().startswith(h) for h in house))
        words = said.cues.profanity + mild
        if words:
            out.append(_mark("profanity", said, words))
    return out


def third_party_disclosure(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    if not facts.third_party:
        return []
    return [_mark("third_party_disclosure", s) for s in facts.trainee if facts.discloses(s)]


def unauthorised_fee(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    """A fee, charge or interest the agreement does not list by name."""
    fees = facts.scenario.account.fees
    out = []
    for said in facts.trainee:
        unlisted = tuple(f for f in said.cues.fee if not allowed_fee(f, said.turn.text, fees))
        if unlisted:
            out.append(_mark("unauthorised_fee", said, unlisted))
    return out


def misstated_balance(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    """A wrong amount stated, asked for or read back as what is owed or promised."""
    values = facts.values
    currency = facts.scenario.account.currency
    return [
        _mark("misstated_balance", s, said=money(amount, currency), balance=values["balance"])
        for s, amount in misstatements(facts)
    ]


def pressure_to_borrow(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    """Pressing the debtor to borrow, use credit or sell belongings to pay (CONC 7.3.4)."""
    return [_mark("pressure_to_borrow", s, s.cues.borrow) for s in facts.trainee if s.cues.borrow]


_MONEY_WORDS = re.compile(r"\b(?:due|pay|paid|paying|payment|money)\b", re.IGNORECASE)


_NEED = re.compile(
    r"\b(?:need|needs|want|expect|require|must|have to|has to|still|responsible for|liable for|obliged to|"
    r"obligated to)\b",
    re.IGNORECASE,
)


def _pressing(said: Said) -> bool:
    """An ask or a consequence; a line that takes the dispute (verification, a hold) asks for nothing unless it
    names an amount."""
    taking = said.cues.verification and not said.amounts and not said.has("request_payment", "ask_commitment")
    return said.has(*_PRESSING) and not taking


def _arranging(said: Said) -> bool:
    """A payment talked about with a date or a method, and no verification in sight (or an amount taken by a
    method all the same: "we'll note your dispute; meanwhile, can I take the $1,250 by card?")."""
    cues = said.cues
    text = said.turn.text
    money = cues.debt or bool(said.amounts) or bool(_MONEY_WORDS.search(text))
    wanting = cues.date or cues.method or bool(_NEED.search(text))
    return money and wanting and (not cues.verification or bool(said.amounts and cues.method))


def collecting_disputed_debt(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    """Asking for payment, or pressing with consequences, after the debtor disputes the debt."""
    disputed = next((s.index for s in facts.said if s.beat == "dispute"), None)
    if disputed is None:
        return []
    return [
        _mark("collecting_disputed_debt", s)
        for s in facts.trainee
        if s.index > disputed and (_pressing(s) or s.cues.today or _arranging(s))
    ]


def missing_mini_miranda(facts: CallFacts, house: frozenset[str]) -> list[Mark]:
    """The debt discussed with the debtor, and the call over without the disclosure."""
    if not facts.final or facts.third_party or any(s.has("mini_miranda") for s in facts.trainee):
        return []
    first = next((s for s in facts.trainee if s.acts & _DEBT_TALK), None)
    return [Mark("missing_mini_miranda", first.index, 0, {"words": first.turn.text})] if first else []


# In order of gravity: the card leads with the first.
RULES: dict[str, Callable[[CallFacts, frozenset[str]], list[Mark]]] = {
    "threat": threat,
    "false_claim": false_claim,
    "insult": insult,
    "profanity": profanity,
    "third_party_disclosure": third_party_disclosure,
    "misstated_balance": misstated_balance,
    "unauthorised_fee": unauthorised_fee,
    "pressure_to_borrow": pressure_to_borrow,
    "collecting_disputed_debt": collecting_disputed_debt,
    "missing_mini_miranda": missing_mini_miranda,
}


def check(facts: CallFacts, rules: Iterable[str], house_profanity: Iterable[str] = ()) -> list[Mark]:
    """Every finding of the given rules, in turn order (rules in their listed order within a turn)."""
    wanted = set(rules)
    house = frozenset(w.lower() for w in house_profanity)
    found = [m for rule, find in RULES.items() if rule in wanted for m in find(facts, house)]
    order = list(RULES)
    found.sort(key=lambda m: (m.turn if m.turn is not None else -1, order.index(m.topic)))
    return found
