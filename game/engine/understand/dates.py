"""Dates in a trainee line, resolved against the call date to ISO strings.

A cheap regex finds candidate spans. Calendar dates ("December 15", "12/15", "15th of June") go to
dateparser, with the call date as its relative base so the answer depends only on the inputs, and
its answers are cached. Relative phrases are resolved here instead, because dateparser gets them
wrong or not at all: "the 1st" becomes January, "a week from today" a week ago, "end of the month"
and "the first of the month" nothing, and "next Friday" the coming Friday; in these lines "next
Friday" means the Friday of next week, "this Friday" or plain "Friday" the coming one.

A calendar date without a year is the coming one, unless the last one is much nearer: on December
10, "December 2nd" is eight days ago (the date a cheque was sent), not next year. After a verb in
the past tense ("I sent it on the 2nd", "you paid on March 3") the date is the last one. A weekday
followed by a calendar date ("Friday, December 18") names that one date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Final

from text_to_num import alpha2digit  # type: ignore[import-untyped]

_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)"
_COUNT = r"(?:\d{1,3}|a|an|one|a couple of|couple of|a few)"
_NOT_A_DATE_AFTER = (
    r"(?!\s+(?:payments?|instal?l?ments?|time|times|call|calls|letter|notice|attempt|reminder|one|1|of them"
    r"|of those|[$£€\d]))"
)
# "the 1st" is a date after "on", "by" and the like, or before "of the month", "it is", a pause or
# the end of the line; otherwise "first" is only an ordinal ("the first payment", "first of all").
_DAY_LEAD = r"on|by|before|until|till|from|starting|for|due|after|around|say|until\s+about"


def _month_tail(name: str) -> str:
    """What ties a day to a month: "of the month", "of next month" (group ``<name>_next``), or a
    recurring "of every month"."""
    return (
        rf"(?P<{name}>\s+of\s+(?:the\s+|this\s+)?(?P<{name}_next>next\s+)?month\b"
        r"|\s+of\s+(?:each|every)\s+month\b|\s+every\s+month\b)"
    )


_DAY_TAIL = (
    r"\s+(?:it\s+is|it's|works?|suits?|is\s+(?:fine|good|ok|okay)|then|would\s+(?:work|suit|be)"
    r"|be\s+(?:fine|good|ok|okay|better))\b|\s*[.,?!]|\s*$"
)

_MONTH_DAY = rf"{_MONTH}\s+(?:the\s+)?\d{{1,2}}{_ORDINAL}?\b(?:,?\s+\d{{4}}\b)?"
_DAY_MONTH = rf"(?:the\s+)?\d{{1,2}}{_ORDINAL}?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?"

_CANDIDATES: Final = re.compile(
    "|".join(
        (
            r"(?P<iso>\b\d{4}-\d{1,2}-\d{1,2}\b)",
            rf"(?P<weekday_date>\b(?:(?:this|next|coming|this\s+coming)\s+)?{_WEEKDAY},?\s+(?:the\s+)?"
            rf"(?P<wdt_cal>{_MONTH_DAY}|{_DAY_MONTH}))",
            r"(?P<numeric>\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:\d{4}|\d{2}))?\b)",
            rf"(?P<weekday_day>\b(?P<wd_name>{_WEEKDAY}),?\s+the\s+(?P<wd_day>\d{{1,2}}){_ORDINAL}?\b)",
            rf"(?P<month_day>\b{_MONTH_DAY})",
            rf"(?P<day_month>\b{_DAY_MONTH})",
            r"(?P<after_tomorrow>\b(?:the\s+)?day\s+after\s+tomorrow\b)",
            r"(?P<tomorrow>\btomorrow\b)",
            r"(?P<today>\b(?:today|tonight|this\s+(?:morning|afternoon|evening)"
            r"|(?:the\s+)?end\s+of\s+(?:the\s+)?day|(?:close|end)\s+of\s+business)\b)",
            r"(?P<month_end>\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<me_next>next\s+)?month\b)",
            r"(?P<week_end>\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<we_next>next\s+)?week\b)",
            rf"(?P<next_weekday>\b(?:next|following)\s+(?P<nw_name>{_WEEKDAY})\b"
            rf"|\b(?P<nw_name2>{_WEEKDAY})\s+(?:of\s+)?next\s+week\b)",
            rf"(?P<weekday>\b(?P<w_this>this\s+|coming\s+|this\s+coming\s+)?(?P<w_name>{_WEEKDAY})\b)",
            r"(?P<weekend>\b(?:this|the)\s+weekend\b)",
            rf"(?P<offset>\b(?:in|within)\s+(?P<off_n>{_COUNT})\s+(?P<off_unit>day|week|month)s?\b"
            rf"|\b(?P<off_n2>{_COUNT})\s+(?P<off_unit2>day|week|month)s?\s+from\s+(?:now|today)\b)",
            r"(?P<fortnight>\bin\s+a\s+fortnight\b)",
            rf"(?P<week_from>\ba\s+week\s+from\s+(?P<wf_anchor>today|now|tomorrow|{_WEEKDAY})\b)",
            r"(?P<next_week>\bnext\s+week\b)",
            r"(?P<next_month>\bnext\s+month\b)",
            rf"(?P<ordinal>\b(?:{_DAY_LEAD})\s+(?:the\s+)?(?P<o_day>\d{{1,2}}){_ORDINAL}\b{_NOT_A_DATE_AFTER}"
            rf"{_month_tail('o_of')}?)",
            rf"(?P<ordinal_alone>\b(?:the\s+)?(?P<oa_day>\d{{1,2}}){_ORDINAL}\b"
            rf"(?:{_month_tail('oa_of')}|(?={_DAY_TAIL})))",
            r"(?P<bare_day>\b(?:on|by|before|until|till)\s+the\s+(?P<b_day>\d{1,2})\b"
            r"(?!\s*(?:%|percent|days?|weeks?|months?|years?|hours?|minutes?|dollars?|pounds?)))",
        )
    ),
    re.IGNORECASE,
)
_COUNT_WORDS: Final = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a few": 3}
_RECURRING: Final = re.compile(r"each|every")
# A year said outright: "December 2, 2025", "12/2/25".
_EXPLICIT_YEAR: Final = re.compile(r"\d{4}\b|\d{1,2}/\d{1,2}/\d{2,4}")
# A verb in the past tense earlier in the clause, with nothing about the future after it.
_PAST_CLAUSE: Final = re.compile(
    r"\b(?:sent|mailed|posted|paid|made|did|was|were|went|received|got|dropped|deposited|called|spoke"
    r"|wrote|transferred|cleared|cashed|signed|bounced|missed|happened|last)\b"
    r"(?![^.,;!?]*\b(?:will|would|can|could|should|must|going\s+to|gonna|by|until|before|next|due|expect)\b)"
    r"[^.,;!?]*$"
)
# ... unless the clause is a supposition: "what if you paid half on the 20th".
_SUPPOSING: Final = re.compile(r"\b(?:if|suppose|supposing|wish|rather)\b[^.,;!?]*$")
# A date introduced by these is a deadline or a start, never the past.
_FUTURE_LEAD: Final = re.compile(r"(?:by|before|until|till|due|starting|from|after)\b")
_PAST_LOOKBACK: Final = 60


def parse_dates(text: str, call_date: dt.date, language: str = "en") -> tuple[str, ...]:
    """ISO dates the line names, in order of appearance, each once."""
    return _parse_dates_cached(text, call_date, language)


@lru_cache(maxsize=4096)
def _parse_dates_cached(text: str, call_date: dt.date, language: str) -> tuple[str, ...]:
    if language != "en":
        return ()
    spoken = alpha2digit(text.lower(), "en", threshold=0)
    found: list[str] = []
    for match in _CANDIDATES.finditer(spoken):
        before = spoken[max(0, match.start() - _PAST_LOOKBACK) : match.start()]
        past = (
            not _FUTURE_LEAD.match(match.group(0))
            and bool(_PAST_CLAUSE.search(before))
            and not _SUPPOSING.search(before)
        )
        resolved = _resolve(match, call_date, past)
        if resolved is not None and resolved.isoformat() not in found:
            found.append(resolved.isoformat())
    return tuple(found)


def _resolve(match: re.Match[str], today: dt.date, past: bool) -> dt.date | None:
    """The date ``match`` names; ``past`` when it follows a verb in the past tense."""
    kind = match.lastgroup
    if kind in ("iso", "numeric", "month_day", "day_month"):
        return _calendar_date(match.group(0), today, past)
    if kind == "weekday_date":
        return _calendar_date(match["wdt_cal"], today, past)
    if kind == "weekday_day":
        return _day_of_month(int(match["wd_day"]), today, months_ahead=0)
    if kind == "after_tomorrow":
        return today + dt.timedelta(days=2)
    if kind == "tomorrow":
        return today + dt.timedelta(days=1)
    if kind == "today":
        return today
    if kind == "month_end":
        return _month_end(today, 1 if match["me_next"] else 0)
    if kind == "week_end":
        return _weekday_in_week(today, 4, 1 if match["we_next"] else 0, not_before=today)
    if kind == "next_weekday":
        name = (match["nw_name"] or match["nw_name2"]).lower()
        return _weekday_in_week(today, _WEEKDAYS.index(name), 1)
    if kind == "weekday":
        return _coming_weekday(today, _WEEKDAYS.index(match["w_name"].lower()), bool(match["w_this"]))
    if kind == "weekend":
        return _coming_weekday(today, 5, True)
    if kind == "offset":
        return _offset(today, match["off_n"] or match["off_n2"], match["off_unit"] or match["off_unit2"])
    if kind == "fortnight":
        return today + dt.timedelta(days=14)
    if kind == "week_from":
        anchor = match["wf_anchor"].lower()
        base = {"today": today, "now": today, "tomorrow": today + dt.timedelta(days=1)}.get(anchor)
        if base is None:
            base = _coming_weekday(today, _WEEKDAYS.index(anchor), False)
        return base + dt.timedelta(days=7)
    if kind == "next_week":
        return today + dt.timedelta(days=7)
    if kind == "next_month":
        return _add_months(today, 1)
    if kind in ("ordinal", "ordinal_alone"):
        prefix = "o" if kind == "ordinal" else "oa"
        tail = match[f"{prefix}_of"]
        if tail and _RECURRING.search(tail):
            return None
        months_ahead = 1 if match[f"{prefix}_of_next"] else 0
        if past and not months_ahead:
            return _last_day_of_month(int(match[f"{prefix}_day"]), today)
        return _day_of_month(int(match[f"{prefix}_day"]), today, months_ahead)
    if kind == "bare_day":
        if past:
            return _last_day_of_month(int(match["b_day"]), today)
        return _day_of_month(int(match["b_day"]), today, months_ahead=0)
    return None


@lru_cache(maxsize=1024)
def _calendar_date(span: str, today: dt.date, past: bool = False) -> dt.date | None:
    """A calendar date through dateparser, the call date as its base, never the clock; without a
    year, the year that makes it the nearest plausible date."""
    import dateparser  # type: ignore[import-untyped]  # loaded on first use: its data takes a moment

    parsed = dateparser.parse(
        span,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
            "PREFER_DATES_FROM": "current_period",
            "PARSERS": ["absolute-time"],
            "DATE_ORDER": "MDY",
        },
    )
    if parsed is None:
        return None
    named: dt.date = parsed.date()
    if _EXPLICIT_YEAR.search(span):
        return named
    return _nearest_year(named.month, named.day, today, past)


def _nearest_year(month: int, day: int, today: dt.date, past: bool) -> dt.date:
    """``month``/``day`` in the year that fits: the coming one (today counts), or the last one when
    the line speaks of the past or when the last one is under half as far away. February 29 looks
    as far as the leap years either side."""
    dates = [
        dt.date(year, month, day)
        for year in range(today.year - 4, today.year + 5)
        if day <= calendar.monthrange(year, month)[1]
    ]
    last = max(date for date in dates if date < today)
    upcoming = min(date for date in dates if date >= today)
    if past or 2 * (today - last).days < (upcoming - today).days:
        return last
    return upcoming


def _last_day_of_month(day: int, today: dt.date) -> dt.date | None:
    """The last date falling on ``day`` (today counts)."""
    if not 1 <= day <= 31:
        return None
    for back in range(4):  # a 31st moves back past the shorter months
        year, month = _shift_month(today.year, today.month, -back)
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if candidate <= today:
                return candidate
    return None


def _day_of_month(day: int, today: dt.date, months_ahead: int) -> dt.date | None:
    """The next date falling on ``day`` (today counts), or that day ``months_ahead`` later."""
    if not 1 <= day <= 31:
        return None
    if months_ahead == 0 and day < today.day:
        months_ahead = 1
    for extra in range(3):  # a 31st moves on past the shorter months
        year, month = _shift_month(today.year, today.month, months_ahead + extra)
        if day <= calendar.monthrange(year, month)[1]:
            return dt.date(year, month, day)
    return None


def _coming_weekday(today: dt.date, weekday: int, this: bool) -> dt.date:
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not this:
        ahead = 7
    return today + dt.timedelta(days=ahead)


def _weekday_in_week(
    today: dt.date, weekday: int, weeks_ahead: int, not_before: dt.date | None = None
) -> dt.date:
    """``weekday`` in this week (0) or a later one, weeks starting on Monday."""
    monday = today - dt.timedelta(days=today.weekday())
    day = monday + dt.timedelta(days=7 * weeks_ahead + weekday)
    if not_before is not None and day < not_before:
        day += dt.timedelta(days=7)
    return day


def _offset(today: dt.date, count: str, unit: str) -> dt.date:
    n = int(count) if count.isdigit() else _COUNT_WORDS[count.lower()]
    unit = unit.lower()
    if unit == "day":
        return today + dt.timedelta(days=n)
    if unit == "week":
        return today + dt.timedelta(weeks=n)
    return _add_months(today, n)


def _add_months(today: dt.date, months: int) -> dt.date:
    year, month = _shift_month(today.year, today.month, months)
    return dt.date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def _month_end(today: dt.date, months_ahead: int) -> dt.date:
    year, month = _shift_month(today.year, today.month, months_ahead)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1
