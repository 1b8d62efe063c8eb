"""What the trainee sees before each call: the debtor's file (准备: 把客户档案放在手边).

The working hours, paydays and time zone to choose the time by, the balance left, and the last
contacts with the notes written after them: the note of one call is the briefing of the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from game.cases.models import Case, CaseCallNode
from game.engine.scenario.models import Scenario


@dataclass(frozen=True)
class FileLine:
    """One entry of the case file: when (caller's time), what kind, and what it says."""

    at: str
    kind: str
    summary: str

    def text(self) -> str:
        return f"{self.at} ({self.kind}): {self.summary}"


@dataclass(frozen=True)
class Briefing:
    title: str
    debtor: str
    scenario: str
    goal: str
    balance: float
    currency: str
    time_zone: str
    caller_time_zone: str
    works: str
    paydays: str
    inbound: bool
    file: tuple[FileLine, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "debtor": self.debtor,
            "scenario": self.scenario,
            "goal": self.goal,
            "balance": self.balance,
            "currency": self.currency,
            "time_zone": self.time_zone,
            "caller_time_zone": self.caller_time_zone,
            "works": self.works,
            "paydays": self.paydays,
            "inbound": self.inbound,
            "file": [{"at": f.at, "kind": f.kind, "summary": f.summary} for f in self.file],
        }


def _name(case: Case, scenario: Scenario) -> str:
    """Mr. Walter Pruitt; in Chinese the title follows the name: 陈丽女士."""
    account = scenario.account
    if case.language == "zh":
        return f"{account.debtor_name}{account.title}"
    return f"{account.title} {account.debtor_name}".strip()


def briefing(case: Case, scenario: Scenario, node: CaseCallNode, balance: float, file: Sequence[FileLine]) -> Briefing:
    """The briefing for the next call: the file as it stands before the trainee picks the time."""
    works = case.debtor.works
    hours = (
        f"{', '.join(works.days)} {works.start}-{works.end}, lunch {works.lunch_start}-{works.lunch_end}"
        if works
        else "no working hours on file"
    )
    paydays = [*(f"day {d}" for d in case.debtor.payday_days), *case.debtor.payday_weekdays]
    account = scenario.account
    return Briefing(
        title=case.title,
        debtor=_name(case, scenario),
        scenario=scenario.id,
        goal=account.goal,
        balance=round(balance, 2),
        currency=account.currency,
        time_zone=f"UTC{case.debtor.utc_offset}",
        caller_time_zone=f"UTC{case.caller_utc_offset}",
        works=hours,
        paydays=", ".join(paydays) or "not known",
        inbound=node.inbound,
        file=tuple(file),
    )
