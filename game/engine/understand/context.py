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
    (matched fuzzily), the trainee's company, the currency and language, the balance, and extra
    example phrases per act authored in the scenario."""

    call_date: dt.date
    debtor_names: tuple[str, ...] = ()
    creditor: str = ""
    currency: str = "USD"
    language: str = "en"
    balance: float | None = None
    extra_phrases: Mapping[str, Sequence[str]] = field(default_factory=_no_phrases, hash=False)
