"""Choosing and filling the debtor's lines.

Pools are picked by beat, then narrowed by stage and mood: the most specific matching pools come
first, as in Yarn Spinner's line groups. Variants are drawn with a random generator seeded from the
call's seed and turn number, so a replay speaks the same words. A line already said in the call is
never said again word for word, nor nearly (rapidfuzz over normalised sentences): the next group is
tried, then the engine restates or changes course.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from game.engine.understand.zh_names import split_name

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
    "agreed": "the items of the promise said so far, by either side: $600, Friday, December 18, by card",
    "line": "an earlier line of the debtor's (restate frames only)",
}

_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "CNY": "¥", "CAD": "$", "AUD": "$"}


def money(amount: float, currency: str) -> str:
    """$1,250 or $1,250.50 (12500元 in yuan): how a person reads an amount aloud and on screen."""
    if currency == "CNY":
        return f"{amount:.2f}".removesuffix(".00") + "元"
    text = f"{amount:,.2f}".removesuffix(".00")
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def spoken_date(iso: str, language: str = "en") -> str:
    """Friday, December 4 (12月4号星期五): a promised date as the debtor would say it."""
    day = dt.date.fromisoformat(iso)
    if language == "zh":
        return f"{day.month}月{day.day}号星期{'一二三四五六日'[day.weekday()]}"
    return f"{day:%A}, {day:%B} {day.day}"


# How a Chinese debtor names each canonical payment method.
_METHODS_ZH = {
    "bank transfer": "银行转账", "wire": "电汇", "alipay": "支付宝", "wechat pay": "微信", "cheque": "支票",
    "cash": "现金", "online": "app", "credit card": "信用卡", "debit card": "借记卡", "card": "银行卡",
    "direct debit": "自动扣款",
}  # fmt: skip


def spoken_method(method: str, language: str = "en") -> str:
    """A canonical payment method as the debtor says it: "bank transfer", or 银行转账 on a Chinese call."""
    return _METHODS_ZH.get(method, method) if language == "zh" else method


def placeholders_in(text: str) -> list[str]:
    """The ``{names}`` used in a line (format fields), for the validator."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def base_values(scenario: Scenario) -> dict[str, str]:
    account = scenario.account
    parts = account.debtor_name.split()
    first, last = parts[0], parts[-1]
    if scenario.language == "zh" and len(parts) == 1:  # 王建国: surname 王 first, given name 建国
        last, first = split_name(account.debtor_name)
    return {
        "debtor_name": account.debtor_name,
        "first_name": first,
        "last_name": last,
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
    groups: Sequence[Sequence[str]],
    values: Mapping[str, str],
    said: frozenset[str],
    seed: int,
    turn: int,
    beat: str,
    *,
    near: bool = True,
) -> str | None:
    """A deterministic draw from the first group with a line not yet said in this call, word for word
    or nearly (``near``; a restatement is meant to hold an earlier line, so it passes ``False``)."""
    rng = random.Random(f"{seed}:{turn}:{beat}")
    earlier = [_sentences(line) for line in sorted(said)] if near else []
    for group in groups:
        fresh = list(
            dict.fromkeys(
                t
                for t in (fill(o, values) for o in group)
                if t and t not in said and not any(_near(_sentences(t), e) for e in earlier)
            )
        )
        if fresh:
            return fresh[rng.randrange(len(fresh))]
    return None


_CLAUSE_END = re.compile(r"[.!?;。！？；…]+")
_NOT_WORD = re.compile(r"[^\w\s]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
NEAR_RATIO = 90  # rapidfuzz ratio (0-100) from which two sentences count as the same sentence


@lru_cache(maxsize=4096)
def _sentences(line: str) -> tuple[str, tuple[str, ...]]:
    """A line normalised whole and by sentence: lower case, no punctuation, a word said twice in a
    row once ("Sure, sure." is "sure")."""

    def norm(text: str) -> str:
        words = _NOT_WORD.sub(" ", text.lower()).split()
        return " ".join(w for i, w in enumerate(words) if i == 0 or w != words[i - 1])

    parts = tuple(n for n in (norm(p) for p in _CLAUSE_END.split(line)) if n)
    return norm(line.replace("…", " ")), parts


def _long(sentence: str) -> bool:
    """Long enough that saying it again is heard as a repeat: three words, or four Chinese characters."""
    return len(_HAN.findall(sentence)) >= 4 or len(sentence.split()) >= 3


def _near(line: tuple[str, tuple[str, ...]], said: tuple[str, tuple[str, ...]]) -> bool:
    """Whether ``line`` would be heard as ``said`` again: the same once normalised, the whole of one
    being a sentence of the other ("Sure." after "Sure, sure. What's up?"), or a long sentence of it
    nearly the same as one of the other ("What can I do for you?" after "Hello. What can I do for you?")."""
    whole, parts = line
    said_whole, said_parts = said
    if not whole or not said_whole:
        return False
    if whole == said_whole or whole in said_parts or said_whole in parts:
        return True
    return any(fuzz.ratio(a, b) >= NEAR_RATIO for a in parts if _long(a) for b in said_parts if _long(b))


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


def corrections(items: Sequence[str], amount: str, date: str, method: str, language: str = "en") -> str:
    """The promise items in the debtor's words: "$600, Friday, December 18, by card" ("12月18号，用微信")."""
    if language == "zh":
        return "，".join({"amount": amount, "date": date, "method": f"用{method}"}[item] for item in items)
    words = {"amount": amount, "date": date, "method": f"by {method}"}
    return ", ".join(words[item] for item in items)
