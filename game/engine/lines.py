"""Choosing and filling the debtor's lines.

Pools are picked by beat, then narrowed by stage and mood: the most specific matching pools come
first, as in Yarn Spinner's line groups. Variants are drawn with a random generator seeded from the
call's seed and turn number, so a replay speaks the same words. A line already said in the call is
never said again word for word: the next group is tried, then the engine restates or changes course.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the scenario package imports this module for its placeholder names
    from game.engine.scenario.models import LinePool, Scenario

PLACEHOLDERS: dict[str, str] = {
    "debtor_name": "the debtor's full name",
    "first_name": "the debtor's first name",
    "last_name": "the debtor's surname",
    "title": "the debtor's honorific (Mr., Ms.)",
    "amount": "the balance, e.g. $1,250 or $1,250.50",
    "creditor": "the company the trainee calls for",
    "days_past_due": "days past due",
    "offer_amount": "what the debtor offers into a silence",
    "commit_amount": "the promised amount",
    "commit_date": "the promised date, e.g. Friday, December 4",
    "method": "the promised payment method",
    "instalments": "the number of instalments",
    "remaining": "what is left of the balance after the promise",
    "stated_amount": "the wrong balance the trainee just stated",
    "other_company": "the company the caller named that is not the creditor",
    "asked_date": "the date the trainee asked for",
    "identity_detail": "the identity detail asked for (date of birth, address, last digits)",
    "corrections": "the promise items read back wrong, as the debtor said them: Friday, December 18, by card",
    "line": "an earlier line of the debtor's (restate frames only)",
}

_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "CNY": "¥", "CAD": "$", "AUD": "$"}


def money(amount: float, currency: str) -> str:
    """$1,250 or $1,250.50: how a person reads an amount aloud and on screen."""
    text = f"{amount:,.2f}".removesuffix(".00")
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def spoken_date(iso: str) -> str:
    """Friday, December 4: a promised date as the debtor would say it."""
    day = dt.date.fromisoformat(iso)
    return f"{day:%A}, {day:%B} {day.day}"


def placeholders_in(text: str) -> list[str]:
    """The ``{names}`` used in a line (format fields), for the validator."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def base_values(scenario: Scenario) -> dict[str, str]:
    account = scenario.account
    parts = account.debtor_name.split()
    return {
        "debtor_name": account.debtor_name,
        "first_name": parts[0],
        "last_name": parts[-1],
        "title": account.title,
        "amount": money(account.amount, account.currency),
        "creditor": account.creditor,
        "days_past_due": str(account.days_past_due),
    }


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill placeholders; an unknown one is left visible (the validator reports it beforehand)."""
    return text.format_map(_Blank(values)).replace("  ", " ").strip()


def _matches(pool: LinePool, stage: str, mood: str) -> tuple[bool, int]:
    specificity = 0
    for want, have in ((pool.stage, stage), (pool.mood, mood)):
        if want is None:
            continue
        allowed = [want] if isinstance(want, str) else list(want)
        if have not in allowed:
            return False, 0
        specificity += 1
    return True, specificity


def ranked(pools: Iterable[LinePool], beat: str, stage: str, mood: str) -> list[list[str]]:
    """The variants of the pools for this beat that fit the stage and mood, most specific group first."""
    by_rank: dict[int, list[str]] = {}
    for pool in pools:
        if pool.on != beat:
            continue
        ok, rank = _matches(pool, stage, mood)
        if ok:
            by_rank.setdefault(rank, []).extend(pool.say)
    return [by_rank[rank] for rank in sorted(by_rank, reverse=True)]


def choose(
    groups: Sequence[Sequence[str]], values: Mapping[str, str], said: frozenset[str], seed: int, turn: int, beat: str
) -> str | None:
    """A deterministic draw from the first group with a line not yet said in this call (None: none)."""
    rng = random.Random(f"{seed}:{turn}:{beat}")
    for group in groups:
        fresh = list(dict.fromkeys(t for t in (fill(o, values) for o in group) if t and t not in said))
        if fresh:
            return fresh[rng.randrange(len(fresh))]
    return None


# Openers dropped when a line is restated ("Oh. I didn't know" -> "As I said, I didn't know").
_OPENER = re.compile(
    r"^(?:(?:oh|um|uh|hmm|well|look|yeah|yes|okay|ok|alright|right|so|fine|again|like i said|as i said"
    r"|(?:as )?i told you(?: already)?)\b[.,:!?…]*\s+)+",
    re.I,
)


def lower_first(line: str) -> str:
    """A line set inside another ("Like I said, {line}"): its opener dropped, its first letter in
    lower case unless it is "I"."""
    line = _OPENER.sub("", line).strip() or line
    first = line.split(" ", 1)[0].rstrip(".,!?")
    return line if first in ("I", "I'm", "I've", "I'll", "I'd") or not line else line[0].lower() + line[1:]


def corrections(items: Sequence[str], amount: str, date: str, method: str) -> str:
    """The promise items in the debtor's words: "$600, Friday, December 18, by card"."""
    words = {"amount": amount, "date": date, "method": f"by {method}"}
    return ", ".join(words[item] for item in items)
