"""The balance is a fact: which amounts a trainee line gets wrong.

An amount is wrong when it is given as what is owed and is not the balance, or when a promise is read
back on a figure nobody named (one already on the table, read back wrongly, costs ``commitment``).
Smaller amounts offered as a plan (an even split of the balance), the debtor's own offers, the
promised amount and what remains after it are not wrong.
``repeat_amount`` costs points for a wrong amount; compliance finds it a misstatement of the debt.
"""

from __future__ import annotations

import re
from typing import Final

from game.engine.understand.amounts import parse_amounts
from scoring.facts import ASKS, CallFacts, Said, same_amount

# An amount this close to the balance is a misremembered balance, not a smaller offer.
NEAR_BALANCE: Final = 0.9
_MONEY: Final = re.compile(
    r"[$£€¥]|\b(?:dollars?|pounds?|bucks|quid|euros?|yuan|rmb|usd|gbp)\b|元|块|欠|还款|余额", re.IGNORECASE
)
_OWED: Final = re.compile(
    r"\b(?:owe[sd]?|owing|balance|outstanding|due|total|arrears|pay|paid|payment)\b", re.IGNORECASE
)
_CLAIM: Final = re.compile(
    r"\b(?:balance|you owe|owing|outstanding|total|amount due|past due|overdue)\b[^.?!\d]{0,25}?"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # the figure first: "that leaves $125 outstanding", "$900 still owing"
    r"|(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:dollars?|pounds?|euros?)?\s+(?:still\s+)?"
    r"(?:outstanding|owing|owed|overdue|past due|in arrears|left (?:owing|to pay|on the account))",
    re.IGNORECASE,
)


# Chinese: what follows "你欠", "欠款是", "余额", "一共" is given as what is owed (the amounts after it are read
# by the Chinese amount reader, so 一万五千元 counts as 15000 as the classifier reads it).
_CLAIM_ZH: Final = re.compile(r"欠|余额|应还|待还|未还|账上|一共|总共|合计")
_OFFER_ZH: Final = re.compile(r"先还|还一部分|分期|每期|第一期|剩下|也行|要不")


def _claimed_as_balance(said: Said, amount: float) -> bool:
    """Whether the line presents ``amount`` as what is owed ("your balance is $1,520", "您欠款是一万五千元")."""
    text = said.turn.text
    if any(same_amount(float((m.group(1) or m.group(2)).replace(",", "")), amount) for m in _CLAIM.finditer(text)):
        return True
    first = _CLAIM_ZH.search(text)
    if first is None or _OFFER_ZH.search(text):
        return False
    return any(same_amount(a, amount) for a in parse_amounts(text[first.end() :], "zh"))


_FEE_AFTER: Final = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(?:[a-z]+\s+){0,2}(?:fee|fees|charge|charges|surcharge|penalty|cost|costs)\b",
    re.IGNORECASE,
)


def _fee_amount(said: Said, amount: float) -> bool:
    """Whether ``amount`` is the figure of a fee named right after it ("a $60 tracing fee")."""
    return any(same_amount(float(m.group(1).replace(",", "")), amount) for m in _FEE_AFTER.finditer(said.turn.text))


def _splits(balance: float) -> list[float]:
    return [round(balance / n, 2) for n in range(2, 25)]


def _lawful(facts: CallFacts) -> tuple[float, ...]:
    """Amounts that are never wrong: the promise, what remains after it, the instalment."""
    commitment = facts.record.commitment
    if commitment is None:
        return ()
    each = commitment.amount / commitment.instalments if commitment.instalments > 1 else commitment.amount
    return (commitment.amount, facts.balance - commitment.amount, each)


def _asked_before(facts: CallFacts, said: Said) -> list[float]:
    """The amounts the trainee named before ``said``."""
    return [a for s in facts.trainee if s.index < said.index for a in s.amounts]


def is_wrong(facts: CallFacts, said: Said, amount: float, offered: set[float]) -> bool:
    """Whether ``amount`` in a trainee line misstates the debt (``offered``: the debtor's own amounts)."""
    balance = facts.balance
    if abs(amount - balance) < 1:
        return False
    if said.has("confirm_commitment") and facts.record.commitment is not None:
        # A read-back on a figure already on the table (the balance, a split, an amount either side
        # named earlier) is a wrong read-back that commitment judges; a figure from nowhere misstates.
        allowed = (*_lawful(facts), balance, *offered, *_splits(balance), *_asked_before(facts, said))
        return not any(same_amount(amount, a) for a in allowed)
    if any(same_amount(amount, a) for a in (*offered, *_lawful(facts))):
        return False
    if said.cues.fee and (not _claimed_as_balance(said, amount) or _fee_amount(said, amount)):
        return False  # the amount of a fee: the fee rule judges it
    if _claimed_as_balance(said, amount):
        return True  # given as what is owed: an even split of the balance is no excuse
    if any(same_amount(amount, a) for a in _splits(balance)):
        return False
    if not (_MONEY.search(said.turn.text) or _OWED.search(said.turn.text)):
        return False  # a number that is not money ("your 401k")
    if amount > balance or amount >= balance * NEAR_BALANCE or _claimed_as_balance(said, amount):
        return True
    beside_balance = any(same_amount(a, balance) for a in said.amounts)
    text = said.turn.text
    asking = said.has(*ASKS, "confirm_commitment") or "?" in text or "？" in text or bool(_OFFER_ZH.search(text))
    return said.has("state_amount") and not beside_balance and not asking


def misstatements(facts: CallFacts) -> list[tuple[Said, float]]:
    """Every trainee line that states, asks for or reads back a wrong amount, with the first such amount.

    A read-back may repeat what the debtor offered or the plan the trainee proposed; not another amount."""
    offered: set[float] = set()
    found: list[tuple[Said, float]] = []
    for said in facts.said:
        if not said.trainee:
            offered.update(said.amounts)
            continue
        wrong = next((a for a in said.amounts if is_wrong(facts, said, a, offered)), None)
        if wrong is not None:
            found.append((said, wrong))
        elif said.has("propose_plan", *ASKS):
            offered.update(said.amounts)  # the trainee's own proposal may be read back
    return found
