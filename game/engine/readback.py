"""The read-back matcher: what a trainee's read-back says against what the debtor promised.

A promise is confirmed only when its amount, date and method have each been read back as promised;
an item read back differently is wrong, one not yet read back is missing. Pure and tiny, so the
engine, the scorer and the tests all judge a read-back the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.engine.record import Commitment, Entities, ReadBack

Verdict = Literal["match", "wrong", "missing"]
ITEMS = ("amount", "date", "method")


@dataclass(frozen=True)
class Reading:
    """Per item, whether the read-back so far matches the promise."""

    amount: Verdict
    date: Verdict
    method: Verdict

    @property
    def wrong(self) -> tuple[str, ...]:
        return tuple(item for item in ITEMS if getattr(self, item) == "wrong")

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(item for item in ITEMS if getattr(self, item) == "missing")

    @property
    def confirmed(self) -> bool:
        return all(getattr(self, item) == "match" for item in ITEMS)


def same_method(promised: str, said: str) -> bool:
    """Card read back for debit card (or the other way round) is the same way to pay."""
    a, b = promised.lower(), said.lower()
    return a == b or ("card" in a and b == "card") or ("card" in b and a == "card")


def heard_back(promise: Commitment, heard: Entities) -> ReadBack:
    """The items of ``promise`` that one read-back line names, merged over what was read back before.

    Of several amounts or dates in a line, the promised one counts when it is there (a line may name
    the balance beside the payment); otherwise the first one said is the item read back.
    """
    before = promise.read_back or ReadBack()
    amount = before.amount
    if heard.amounts:
        amount = next((a for a in heard.amounts if abs(a - promise.amount) < 0.005), heard.amounts[0])
    date = before.date
    if heard.dates:
        date = promise.date if promise.date in heard.dates else heard.dates[0]
    method = heard.method if heard.method is not None else before.method
    return ReadBack(amount=amount, date=date, method=method)


def judge(promise: Commitment, read_back: ReadBack | None) -> Reading:
    """Each item of the promise against what has been read back of it."""
    back = read_back or ReadBack()
    amount: Verdict = (
        "missing" if back.amount is None else ("match" if abs(back.amount - promise.amount) < 0.005 else "wrong")
    )
    date: Verdict = "missing" if back.date is None else ("match" if back.date == promise.date else "wrong")
    method: Verdict = (
        "missing" if back.method is None else ("match" if same_method(promise.method, back.method) else "wrong")
    )
    return Reading(amount, date, method)
