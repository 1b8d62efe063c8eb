"""The case scorecard: the calls, the notes and the timing together, each finding with its rule and evidence.

Was the money collected, in how many calls, was every promise followed up on the day it fell due,
was every note true, was every contact lawful. The case score is a plain blend a team lead can check:
40% the calls' own scores (their mean), 20% the notes (20 points off per untrue or missing entry),
20% the follow-ups (25 off per promise checked early, late or never), 20% the share of the balance
collected. Any compliance finding fails the case, as one breach fails a call.
"""

from __future__ import annotations

from typing import Any

from game.cases.run import CaseRecord, PlayedCall
from game.cases.timing import Finding

PASS_MARK = 60


def _finding(f: Finding) -> dict[str, Any]:
    return {**f.as_dict(), "call": None if f.call is None else f.call + 1}


def _call(played: PlayedCall) -> dict[str, Any]:
    card = played.card
    out: dict[str, Any] = {
        "call": played.index + 1,
        "node": played.node,
        "scenario": played.scenario.id,
        "inbound": played.inbound,
        "caller_time": f"{played.caller_time:%Y-%m-%d %H:%M}",
        "debtor_time": f"{played.debtor_time:%Y-%m-%d %H:%M} {played.debtor_time:%a}",
        "moment": played.when.labels(),
        "answer_chance": round(float(played.chance), 1),
        "answered": played.answered,
        "mood": played.mood.model_dump(),
        "briefing": played.briefing.as_dict(),
        "event": played.event,
        "call_outcome": played.record.outcome if played.record else None,
        "commitment": played.record.commitment.as_dict() if played.record and played.record.commitment else None,
        "total": card.total if card else None,
        "passed": card.passed if card else None,
        "principles": {p.key: p.score for p in card.principles} if card else {},
        "note": played.note.model_dump(mode="json") if played.note else None,
        "findings": [_finding(f) for f in played.findings],
    }
    return out


def score_case(record: CaseRecord) -> dict[str, Any]:
    """The case scorecard as JSON-ready data (``replay-case --json`` prints it)."""
    findings = [f for c in record.calls for f in c.findings] + list(record.findings)
    kinds = {kind: [f for f in findings if f.kind == kind] for kind in ("compliance", "note", "follow_up")}
    start = record.balance + record.collected
    scored = [c.card.total for c in record.calls if c.card is not None]
    craft = sum(scored) / len(scored) if scored else 0.0
    notes = max(0, 100 - 20 * len(kinds["note"]))
    follow = max(0, 100 - 25 * len(kinds["follow_up"]))
    money = 100 * record.collected / start if start else 0.0
    total = round(0.4 * craft + 0.2 * notes + 0.2 * follow + 0.2 * money)
    promises = [c for c in record.calls if c.record is not None and c.record.commitment is not None]
    currency = record.calls[0].scenario.account.currency if record.calls else ""
    return {
        "case": record.case.id,
        "title": record.case.title,
        "jurisdiction": record.case.jurisdiction,
        "seed": record.seed,
        "outcome": record.outcome,
        "currency": currency,
        "balance_at_start": round(start, 2),
        "collected": record.collected,
        "balance": record.balance,
        "payments": [{"amount": p.amount, "date": p.date, "call": p.call + 1} for p in record.payments],
        "calls_placed": sum(1 for c in record.calls if not c.inbound),
        "calls_answered": sum(1 for c in record.calls if c.answered),
        "calls_not_played": record.unplayed,
        "checks": {
            "money_collected": record.outcome == "paid",
            "promises": len(promises),
            "promises_followed_up": not kinds["follow_up"],
            "notes_true": not kinds["note"],
            "contacts_lawful": not kinds["compliance"],
        },
        "scores": {"calls": round(craft), "notes": notes, "follow_up": follow, "money": round(money)},
        "total": total,
        "passed": not kinds["compliance"] and total >= PASS_MARK,
        "findings": [_finding(f) for f in findings],
        "calls": [_call(c) for c in record.calls],
    }


def format_case(card: dict[str, Any]) -> str:
    """The case scorecard as text for the terminal."""
    cur = card["currency"]
    lines = [
        f"{card['title']} ({card['case']}), {card['jurisdiction']} rules, seed {card['seed']}",
        f"Case {card['outcome']}: collected {card['collected']:,.2f} of {card['balance_at_start']:,.2f} {cur};"
        f" {card['calls_placed']} call(s) placed, {card['calls_answered']} answered",
    ]
    for call in card["calls"]:
        head = f"Call {call['call']} [{call['node']}] {call['caller_time']} (debtor {call['debtor_time']}"
        head += f", {', '.join(call['moment'])}): "
        if not call["answered"]:
            head += f"no answer ({call['answer_chance']:g}% chance)"
        else:
            head += f"{call['call_outcome']} -> {call['event']}" if call["call_outcome"] else "answered, nothing said"
            if call["total"] is not None:
                head += f", call score {call['total']}"
        lines.append(head)
        if call["note"]:
            note = call["note"]
            keys = ("outcome", "amount", "date", "method", "next_action", "next_date")
            bits = [f"{k} {note[k]:g}" if k == "amount" else f"{k} {note[k]}" for k in keys if note[k] is not None]
            lines.append("  note: " + ", ".join(bits))
    checks = card["checks"]
    lines.append(
        "Checks: "
        + ", ".join(
            f"{name.replace('_', ' ')} {'yes' if checks[name] else 'NO'}"
            for name in ("money_collected", "promises_followed_up", "notes_true", "contacts_lawful")
        )
    )
    if card["findings"]:
        lines.append("Findings:")
        for f in card["findings"]:
            where = f"call {f['call']}" if f["call"] is not None else "case"
            lines.append(f"  [{f['kind']}] {f['rule']} ({where}): {f['evidence']}")
            lines.append(f"      rule: {f['law']}")
    scores = card["scores"]
    lines.append(
        f"Case score {card['total']} ({'pass' if card['passed'] else 'not passed'}): calls {scores['calls']},"
        f" notes {scores['notes']}, follow-up {scores['follow_up']}, money {scores['money']}"
    )
    if card["calls_not_played"]:
        lines.append(f"{card['calls_not_played']} call(s) in the transcript came after the case ended.")
    return "\n".join(lines)
