"""``understand``: one trainee line in, its dialogue acts and entities out."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from game.engine.record import Entities, Understanding
from game.engine.understand.acts import classify
from game.engine.understand.amounts import parse_amounts
from game.engine.understand.context import Context
from game.engine.understand.dates import parse_dates
from game.engine.understand.lexicon import Lexicon, load_lexicon
from game.engine.understand.names import CREDITOR_TOKEN, DEBTOR_TOKEN, find_names
from game.engine.understand.normalize import normalize
from game.engine.understand.phrases import PhraseIndex, phrase_index, scenario_phrases
from game.engine.understand.zh_amounts import parse_amounts_zh, stated_balance_zh
from game.engine.understand.zh_dates import parse_dates_zh
from game.engine.understand.zh_names import find_names_zh
from game.engine.understand.zh_text import normalize_zh, words_zh


def understand(text: str, context: Context) -> Understanding:
    """The acts (contract names, contract order) and entities of ``text`` said in ``context``."""
    lexicon = load_lexicon(context.language)
    if context.language == "zh":
        return _understand_zh(text, context, lexicon)
    words = normalize(text)
    if not words:
        return Understanding(("other",), Entities())
    named = find_names(words, text, context.debtor_names, context.creditor, lexicon.name_words)
    amounts = parse_amounts(text, context.language)
    dates = parse_dates(text, context.call_date, context.language)
    method = lexicon.method_in(named.masked)
    features = _features(amounts, dates, method, context.call_date.isoformat())
    indexes: tuple[PhraseIndex, ...] = (lexicon.phrases,)
    if context.extra_phrases:
        indexes += (phrase_index(scenario_phrases(context.extra_phrases), lexicon.function_words),)
    acts = classify(named.masked, features, lexicon, indexes)
    company = _other_company(named.masked) if "identify_self" in acts else None
    entities = Entities(amounts, dates, named.names, method, company, _stated_balance(named.masked))
    return Understanding(acts, entities, _asks(named.masked, acts, lexicon.asks_in(named.masked)))


# "this is Sam from Eastside Bank": the words after "from" name the company the caller speaks for.
_FROM: Final = re.compile(r"\b(?:calling|this is \w+|i am \w+|my name is \w+|it is \w+)(?: \w+)? from ((?:\w+ ?){1,3})")
_NOT_COMPANY: Final = frozenset(
    {"the", "a", "an", "my", "our", "your", "this", "that", "and", "about", "regarding", "i", "we"}
    | {"calling", "today", "to", "on", "with", "for", "in", "at", "is"}
    # The next sentence's first word, once punctuation is gone: "...from Northwind Supply. Am I speaking..."
    | {"am", "are", "may", "can", "could", "would", "will", "do", "does", "did", "how", "who", "what", "is"}
    | {"please", "hi", "hello", "here", "speaking", "just", "and", "so", "thanks", "thank"}
)
_YES_NO: Final = re.compile(
    r"^(?:so |and |okay |ok |right |alright )?(?:can|could|will|would|do|does|did|is|are|have|has|may|shall)\b"
)


# "the balance is $1,387", "you owe 1387 dollars", "$1,387 past due": an amount given as the balance.
_BALANCE_BEFORE: Final = re.compile(
    r"\b(?:balance|total|amount due|amount owing|(?:past due|overdue) amount|you owe|owe us|owing|outstanding|arrears)"
    r"(?: (?:of|is|was|stands at|comes to|now|currently|still|at|showing|shows|us|about|around|just|the|a)){0,4}"
    r" [$£€]?(\d[\d,]*(?:\.\d+)?)"
)
_BALANCE_AFTER: Final = re.compile(
    r"[$£€]?(\d[\d,]*(?:\.\d+)?)(?: dollars| pounds| euros| bucks)?"
    r" (?:that )?(?:you owe|owed|outstanding|past due|overdue|in arrears|balance)\b"
)


def _stated_balance(masked: str) -> float | None:
    """The amount a line gives as the balance owed, if it gives one."""
    match = _BALANCE_BEFORE.search(masked) or _BALANCE_AFTER.search(masked)
    return float(match.group(1).replace(",", "")) if match else None


def _other_company(masked: str) -> str | None:
    """The company a caller introduces itself with, when it is not the creditor of the call."""
    if CREDITOR_TOKEN in masked:
        return None
    match = _FROM.search(masked)
    if match is None:
        return None
    words: list[str] = []
    for word in match.group(1).split():
        if word in _NOT_COMPANY or word == DEBTOR_TOKEN:
            break
        words.append(word)
    return " ".join(w.capitalize() for w in words) or None


def _asks(masked: str, acts: tuple[str, ...], found: tuple[str, ...]) -> tuple[str, ...]:
    asks = [*found, *_read_back(acts, found)]
    if _YES_NO.search(masked) and "yes_no" not in asks:
        asks.append("yes_no")
    return tuple(asks)


def _read_back(acts: tuple[str, ...], found: tuple[str, ...]) -> tuple[str, ...]:
    """A line confirming terms reads a promise back, unless what it confirms is who the debtor is."""
    if "confirm_commitment" not in acts or any(ask.startswith("identity:") for ask in found):
        return ()
    return ("read_back",)


def _understand_zh(text: str, context: Context, lexicon: Lexicon) -> Understanding:
    """Chinese: patterns read the normalised characters, the phrase matcher jieba's words."""
    line = normalize_zh(text)
    if not line:
        return Understanding(("other",), Entities())
    named = find_names_zh(line, context.debtor_names, context.creditor, lexicon.name_words.titles)
    amounts = parse_amounts_zh(text, context.balance)
    dates = parse_dates_zh(text, context.call_date, context.payday)
    method = lexicon.method_in(named.masked)
    features = _features(amounts, dates, method, context.call_date.isoformat())
    if context.balance is not None and any(amount < context.balance for amount in amounts):
        features |= {"partial"}
    indexes: tuple[PhraseIndex, ...] = (lexicon.phrases,)
    if context.extra_phrases:
        indexes += (phrase_index(scenario_phrases(context.extra_phrases, "zh"), lexicon.function_words),)
    acts = classify(named.masked, features, lexicon, indexes, words_zh(named.masked))
    found = lexicon.asks_in(named.masked)
    read_back = _read_back(acts, found)  # a read-back wants a yes by being one
    asks = tuple(ask for ask in found if not (read_back and ask == "yes_no")) + read_back
    stated = stated_balance_zh(text, context.balance)
    return Understanding(acts, Entities(amounts, dates, named.names, method, stated_balance=stated), asks)


def prepare(language: str = "en") -> None:
    """Load the lexicon and the date parser (for Chinese, the word segmenter) now, about half a
    second, so that the first line of a call is not the slow one."""
    load_lexicon(language)
    if language == "zh":
        understand("王先生您好，明天能还一万二千五百元吗？", Context(dt.date(2000, 1, 1), ("王",), language="zh"))
        return
    parse_dates("on December 1", dt.date(2000, 1, 1), language)


def _features(amounts: tuple[float, ...], dates: tuple[str, ...], method: str | None, today: str) -> frozenset[str]:
    features = {"amount" if amounts else "no_amount"}
    if dates:
        features.add("date")
    if any(date != today for date in dates):
        features.add("later_date")
    if method is not None:
        features.add("method")
    if amounts or method is not None or "later_date" in features:
        features.add("specific")
    return frozenset(features)
