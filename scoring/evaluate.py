"""How well the compliance rules read real collectors' lines: precision and recall per rule family.

Each case is one collector line with the rules a QA lead would find in it (none for a lawful line),
the public source it comes from, and the little context a rule needs: a third party on the line, a
debt just disputed, the fees the agreement lists, the balance and a promise just made. A line in
Chinese is scored as a Chinese call (CN rules, the Chinese classifier and cues). The line is
scored as the turn of a call in that context, by the same classifier and rules as a real call, so the
figures are the product's own.

``python -m scoring.evaluate FILE...`` prints the table; ``--json`` the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.engine.record import CallRecord, Commitment, Mood, Turn
from game.engine.scenario.models import Scenario
from game.engine.understand import Context, understand
from scoring import compliance
from scoring.facts import read_call
from scoring.law import EVERYWHERE
from scoring.rubric import rubric_for

# The line-level rules: the mini-Miranda is a whole-call rule.
FAMILIES = (*EVERYWHERE, "collecting_disputed_debt")
_MOOD = Mood(40, 40, 40)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# The call around a line, per language: the debtor, the creditor, and what the other side just said.
_CALLS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "debtor_name": "Dana Whitfield",
        "title": "Ms.",
        "currency": "USD",
        "jurisdiction": "US",
        "creditor": "Northwind Bank",
        "balance": "1250",
        "dispute": "I dispute this debt. I don't owe it.",
        "commit": "Fine, I'll pay {amount} on Friday.",
        "gatekeeper": "Whitfield Design, this is Sam. She's out at the moment.",
        "identity_confirm": "Yes, this is Dana.",
    },
    "zh": {
        "debtor_name": "王建国",
        "title": "先生",
        "currency": "CNY",
        "jurisdiction": "CN",
        "creditor": "东方银行信用卡中心",
        "balance": "12500",
        "dispute": "这笔钱我根本不欠，你们搞错了。",
        "commit": "行吧，我周五还{amount}元。",
        "gatekeeper": "您好，这里是建国装饰，王总现在不在。",
        "identity_confirm": "对，我是王建国，您说。",
    },
}


@dataclass(frozen=True)
class Case:
    """One labelled line."""

    text: str
    rules: frozenset[str]
    source: str
    third_party: bool = False
    disputed: bool = False
    fees: tuple[str, ...] = ()
    balance: float = 1250.0
    promised: float | None = None
    language: str = "en"


@dataclass
class Tally:
    """Counts for one family."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(frozen=True)
class Report:
    """Per-family tallies, and how often a lawful line was flagged."""

    families: Mapping[str, Tally]
    lawful: int
    lawful_flagged: list[str]

    @property
    def micro(self) -> tuple[float, float]:
        """Precision and recall over every family's findings together."""
        tp = sum(t.tp for t in self.families.values())
        fp = sum(t.fp for t in self.families.values())
        fn = sum(t.fn for t in self.families.values())
        return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)

    @property
    def lawful_flag_rate(self) -> float:
        return len(self.lawful_flagged) / self.lawful if self.lawful else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "families": {
                k: {
                    "precision": round(t.precision, 3),
                    "recall": round(t.recall, 3),
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                }
                for k, t in self.families.items()
            },
            "all": {"precision": round(self.micro[0], 3), "recall": round(self.micro[1], 3)},
            "lawful_lines": self.lawful,
            "lawful_flag_rate": round(self.lawful_flag_rate, 3),
        }


def _scenario(case: Case) -> Scenario:
    call = _CALLS[case.language]
    return Scenario.model_validate(
        {
            "id": "evaluation",
            "title": "Evaluation",
            "difficulty": 1,
            "language": case.language,
            "jurisdiction": call["jurisdiction"],
            "account": {
                "debtor_name": call["debtor_name"],
                "title": call["title"],
                "amount": case.balance,
                "currency": call["currency"],
                "days_past_due": 60,
                "creditor": call["creditor"],
                "call_date": dt.date(2026, 12, 1),
                "fees": list(case.fees),
            },
            "persona": {"archetype": "gatekeeper" if case.third_party else "stalling"},
        }
    )


def _debtor_turn(case: Case) -> Turn:
    call = _CALLS[case.language]
    beat = "dispute" if case.disputed else "commit" if case.promised is not None else None
    beat = beat or ("gatekeeper" if case.third_party else "identity_confirm")
    amount = f"{case.promised:.2f}" if case.promised is not None else ""
    return Turn("debtor", call[beat].format(amount=amount), 0.0, 1.0, beat=beat, mood=_MOOD)


def findings(case: Case) -> frozenset[str]:
    """The rule families the product finds in the case's line, in its context."""
    scenario = _scenario(case)
    context = Context(
        call_date=scenario.account.call_date,
        debtor_names=(scenario.account.debtor_name,),
        creditor=scenario.account.creditor,
        currency=scenario.account.currency,
        language=scenario.language,
        balance=case.balance,
    )
    heard = understand(case.text, context)
    trainee = Turn("trainee", case.text, 1.0, 2.0, acts=heard.acts, entities=heard.entities)
    commitment = None if case.promised is None else Commitment(case.promised, "2026-12-04", "card", confirmed=True)
    record = CallRecord(
        "evaluation", 0, (_debtor_turn(case), trainee), "no_commitment", commitment, ended=False, events=()
    )
    facts = read_call(record, scenario, live=True)
    rubric = rubric_for("none")
    return frozenset(m.topic for m in compliance.check(facts, FAMILIES, rubric.house_profanity))


def evaluate(cases: Iterable[Case]) -> Report:
    """Precision and recall per family, and the share of lawful lines flagged."""
    tallies = {family: Tally() for family in FAMILIES}
    lawful = 0
    flagged: list[str] = []
    for case in cases:
        found = findings(case)
        if not case.rules:
            lawful += 1
            if found:
                flagged.append(f"{case.text}  [{', '.join(sorted(found))}]")
        for family, tally in tallies.items():
            if family in found and family in case.rules:
                tally.tp += 1
            elif family in found:
                tally.fp += 1
                tally.false_alarms.append(case.text)
            elif family in case.rules:
                tally.fn += 1
                tally.misses.append(case.text)
    return Report(tallies, lawful, flagged)


def parse_cases(data: Any, where: str) -> list[Case]:
    """Cases from a YAML document: a list of mappings with ``text``, ``rules``, ``source``, ``context``."""
    if not isinstance(data, list):
        raise ValueError(f"{where}: expected a list of cases")
    cases = []
    for i, item in enumerate(data):
        context = item.get("context") or {}
        language = str(context.get("language") or ("zh" if _CJK.search(str(item["text"])) else "en"))
        unknown = set(item.get("rules", [])) - set(FAMILIES)
        if unknown or not item.get("source"):
            raise ValueError(f"{where}: case {i + 1}: unknown rules {sorted(unknown)} or no source")
        cases.append(
            Case(
                text=str(item["text"]),
                rules=frozenset(item.get("rules", [])),
                source=str(item["source"]),
                third_party=bool(context.get("third_party", False)),
                disputed=bool(context.get("disputed", False)),
                fees=tuple(context.get("fees", ())),
                balance=float(context.get("balance", _CALLS[language]["balance"])),
                promised=float(context["promised"]) if "promised" in context else None,
                language=language,
            )
        )
    return cases


def load_cases(paths: Sequence[Path]) -> list[Case]:
    """Every case in the files (YAML, read with the safe loader)."""
    return [c for p in paths for c in parse_cases(yaml.safe_load(p.read_text(encoding="utf-8")), str(p))]


def format_report(report: Report, *, misses: bool = False) -> str:
    """The table, and with ``misses`` every missed and every wrongly flagged line."""
    lines = [f"{'family':<26}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for family, t in report.families.items():
        lines.append(f"{family:<26}{t.precision:>10.3f}{t.recall:>8.3f}{t.tp:>5}{t.fp:>5}{t.fn:>5}")
    lines.append(f"{'all families':<26}{report.micro[0]:>10.3f}{report.micro[1]:>8.3f}")
    lines.append(
        f"lawful lines flagged: {len(report.lawful_flagged)} of {report.lawful} ({report.lawful_flag_rate:.1%})"
    )
    if misses:
        for family, t in report.families.items():
            lines += [f"  missed {family}: {m}" for m in t.misses]
            lines += [f"  wrongly {family}: {m}" for m in t.false_alarms]
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print("usage: python -m scoring.evaluate FILE.yaml... [--json] [--misses]", file=sys.stderr)
        return 2
    try:
        report = evaluate(load_cases([Path(a) for a in args]))
    except (OSError, ValueError, yaml.YAMLError) as err:
        print(f"Cannot read the cases: {err}", file=sys.stderr)
        return 1
    print(
        json.dumps(report.as_dict(), indent=2) if "--json" in argv else format_report(report, misses="--misses" in argv)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
