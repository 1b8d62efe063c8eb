"""What the classifier may know about the call a line belongs to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType


def _no_phrases() -> Mapping[str, Sequence[str]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Context:
    """The call around a line: its date (relative dates resolve against it), the debtor's names
    (matched fuzzily), the trainee's company, the currency and language, the balance, the day of
    the month the debtor is paid (for "发工资那天", when the account knows it), and extra example
    phrases per act authored in the scenario."""

    call_date: dt.date
    debtor_names: tuple[str, ...] = ()
    creditor: str = ""
    currency: str = "USD"
    language: str = "en"
    balance: float | None = None
    payday: int | None = None
    extra_phrases: Mapping[str, Sequence[str]] = field(default_factory=_no_phrases, hash=False)
