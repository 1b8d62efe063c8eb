"""Money amounts in a trainee line, from digits ("$1,250") or words ("twelve hundred fifty").

Number words become digits through text2num's ``alpha2digit``; a regex then finds the numbers and
keeps those that are money. A number with a currency mark is always money; a bare number is money
unless its neighbours make it a time ("3 pm"), a date ("the 15th", "12/15"), a count ("three
payments", "two weeks", "20 members"), a percentage, a reference ("account number 4421", "cheque
1042"), a street address ("41 Alder Street") or a phone number ("555-0100"), which is set aside first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from text_to_num import alpha2digit  # type: ignore[import-untyped]

from game.engine.understand.zh_amounts import parse_amounts_zh

# Languages text2num reads number words in; other languages get digits only.
_WORD_LANGUAGES: Final = frozenset({"en", "fr", "es", "de", "pt", "it", "nl"})

_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen"
)
_TENS = (
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
    "|forty|fifty|sixty|seventy|eighty|ninety"
)

# Spoken prices drop "hundred": "one fifty" is 150, "twelve fifty" is 1,250. Not after "at" and not
# before am/pm, where "three thirty" is a time.
_COLLOQUIAL_HUNDREDS: Final = re.compile(
    rf"(?<!\bat )\b({_SMALL})\s+((?:{_TENS})(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)\b"
    r"(?!\s*(?:am|pm|a\.m|p\.m|o'?clock)\b)",
    re.IGNORECASE,
)
_NUMBER_WORD: Final = re.compile(
    rf"\b(?:{_SMALL}|{_TENS}|zero|hundred|thousand|million|grand)\b", re.IGNORECASE
)

_CURRENCY_BEFORE = r"(?:\$|£|€|¥|us\$|usd|cad|aud|gbp|eur|rmb|cny)"
_CURRENCY_AFTER = r"(?:dollars?|bucks|usd|cad|aud|gbp|eur|euros?|pounds?|quid|rmb|cny|yuan|kuai)\b"
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Words after a number that make it a time, an ordinal, a percentage, a date or a count.
_NOT_MONEY_WORDS = (
    rf"st|nd|rd|th|am|pm|a\.m|p\.m|o'?clock|percent|{_MONTHS}|of\s+(?:{_MONTHS})"
    r"|days?|weeks?|weekends?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|seconds?|secs?"
    r"|payments?|instal?l?ments?|times|calls?|people|kids|children|digits|letters"
    r"|of\s+(?:the|this|next)\s+month|business|working|more\s+(?:days?|weeks?|months?|payments?)"
    r"|(?:monthly|weekly|biweekly|fortnightly|equal|separate|smaller|small|even|installment|instalment)"
    r"\s+(?:payments?|instal?l?ments?|chunks?|parts?)"
    r"|per\s*cent|percentage\s+points?|points?|years?\s+old"
    # counts of people and things
    r"|members|customers|clients|tenants|employees|staff|workers|guys|persons|families|units|machines"
    r"|treadmills|buildings|properties|apartments|flats|houses|homes|rooms|floors|trucks|vans|cars"
    r"|vehicles|stores|shops|locations|sites|items|boxes|pages|messages|emails|texts|voicemails"
    r"|reminders|notices|statements|invoices|bills|accounts|cards|attempts|visits|steps|options"
    r"|questions|miles|km|kilometres|kilometers|seats|beds|nights|jobs|contracts|loans|lines"
)
# Street-name words before these make a number a house number: "41 Alder Street".
_STREET = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace"
    r"|crescent|close|highway|hwy|parkway|pkwy|square|sq|alley|row|circle|plaza"
)

_NUMBER: Final = re.compile(
    rf"(?P<before>{_CURRENCY_BEFORE}\s?)?"
    r"(?<![\w.,/:-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:k\b|grand\b|thousand\b))?"
    rf"(?P<after>\s?{_CURRENCY_AFTER})?"
    r"(?:\s+and\s+(?P<c>\d{1,2})\s+cents?\b"
    # "318 dollars 75", or a spoken "three eighteen seventy five" (read as "318 75"): cents follow.
    r"|(?:(?<=\d{3})|(?<=[a-z]{4}))\s+(?P<c2>\d{2})(?![\d.,])"
    rf"(?!\s*(?:%|(?:{_NOT_MONEY_WORDS})\b)))?",
    re.IGNORECASE,
)
# A bare number followed by these is not money.
_NOT_MONEY_AFTER: Final = re.compile(
    rf"\s*(?:[:/\-]\d|%|\d{{3,4}}\b|(?:{_NOT_MONEY_WORDS})\b)"
    rf"|\s+(?:(?!(?:on|at|in|by|to|for|from|and|or|the|a|an|now|today|is|was|dollars?|bucks)\b)[a-z]+\s+){{1,2}}"
    rf"(?:{_STREET})\b",
    re.IGNORECASE,
)
# ... nor preceded by these: a reference or phone number, a time or a position.
_NOT_MONEY_BEFORE: Final = re.compile(
    r"(?:\b(?:number|no\.?|ending(?:\s+in)?|account|acct|reference|ref|extension|ext|ext\.|option|press"
    r"|step|page|room|suite|since|year|call|dial|code|line|zip|between|within|cheque|check|invoice|receipt"
    r"|order|case|ticket|policy|claim|confirmation|transaction|tracking|serial|id|pin|unit|apt|apartment"
    r"|flat|floor|box|route|highway|flight|contract|building|lot|exit|model|item|file|batch)\s*$)"
    r"|\b(?:number|reference|ref|code|pin|id|extension)\s*(?:[,:]|\bis\b|\bwas\b)\s*$"
    r"|\bat\s+\d{1,2}\s+$|\d\s*[/:\-]\s*$|#\s*$|(?<![\d,.])\d{3}\s+$",
    re.IGNORECASE,
)
# Phone numbers: "555-0100", "555 0100", "(555) 010-0100", "1-800-555-0199".
_PHONE: Final = re.compile(
    r"(?<![\w$£€.,])(?:\+?\d{1,2}[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])?\d{3}[\s.-]\d{4}(?![\w.,]?\d)"
)
# A bare whole number that starts with 0 or runs to seven digits is a reference, not money.
_REFERENCE_LIKE: Final = re.compile(r"^(?:0\d+|\d{7,})$")
# "a few hundred dollars" names no amount, marked or not.
_VAGUE_BEFORE: Final = re.compile(
    r"\b(?:a\s+few|few|a\s+couple\s+of|couple\s+of|several|many)\s*$", re.IGNORECASE
)
# Preceded by these, a whole number up to 31 is a day of the month or a time ("the 15", "at 3").
_DAY_OR_TIME_BEFORE: Final = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS}|the|at|around|about\s+the|until|til|till|before|after),?\s*$",
    re.IGNORECASE,
)
# Small bare numbers ("1 of the options", "2 questions") are money only after a paying verb.
_PAYING_BEFORE: Final = re.compile(
    r"\b(?:pay|paying|paid|send|sending|sent|owe|owing|owed|put\s+down|down\s+payment\s+of|payment\s+of"
    r"|balance\s+(?:is|of)|do|only)\s*$",
    re.IGNORECASE,
)
# A bare 19xx or 20xx after a month or a day is a year ("December 15, 2026").
_YEAR_LIKE: Final = re.compile(r"^(?:19|20)\d\d$")
_MONTH_OR_DAY_BEFORE: Final = re.compile(rf"\b(?:{_MONTHS})\b|\d", re.IGNORECASE)


def parse_amounts(text: str, language: str = "en") -> tuple[float, ...]:
    """The money amounts in ``text`` in order of appearance, each once."""
    if language == "zh":
        return parse_amounts_zh(text)
    return _parse_amounts_cached(text, language)


@lru_cache(maxsize=4096)
def _parse_amounts_cached(text: str, language: str) -> tuple[float, ...]:
    digits_text = _PHONE.sub(lambda m: "#" * len(m.group(0)), _number_words_to_digits(text, language))
    found: list[float] = []
    for match in _NUMBER.finditer(digits_text):
        value = _money_value(match, digits_text)
        if value is not None and value not in found:
            found.append(value)
    return tuple(found)


def _number_words_to_digits(text: str, language: str) -> str:
    if language not in _WORD_LANGUAGES or (language == "en" and not _NUMBER_WORD.search(text)):
        return text
    if language == "en":
        text = _COLLOQUIAL_HUNDREDS.sub(r"\1 hundred \2", text)
    converted: str = alpha2digit(text, language, threshold=0)
    return converted


def _money_value(match: re.Match[str], text: str) -> float | None:
    number = float(match["num"].replace(",", ""))
    scale = (match["scale"] or "").strip().lower()
    if scale:
        number *= 1000
    cents = match["c"] or match["c2"]
    if cents:
        number += int(cents) / 100
    start, end = match.start("num"), match.end("num")
    before, after = text[max(0, start - 24) : start], text[end : end + 40]
    if _VAGUE_BEFORE.search(before):
        return None
    if match["before"] or match["after"] or scale:
        return number
    if _NOT_MONEY_AFTER.match(after) or _NOT_MONEY_BEFORE.search(before):
        return None
    if _REFERENCE_LIKE.match(match["num"]):
        return None
    if number <= 31 and number.is_integer() and _DAY_OR_TIME_BEFORE.search(before):
        return None
    if _YEAR_LIKE.match(match["num"]) and _MONTH_OR_DAY_BEFORE.search(before):
        return None
    if number < 10 and not _PAYING_BEFORE.search(before):
        return None
    return number
