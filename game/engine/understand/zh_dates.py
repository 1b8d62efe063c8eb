"""Dates in a Chinese line, resolved against the call date (and the debtor's payday) to ISO strings.

Chinese says dates in a handful of regular shapes, so one table of patterns covers them without a
date library: 今天, 明天, 后天, 大后天; 周五, 这周五, 下周五, 下下周一 (weeks start on Monday, so
下周五 is the Friday of next week); 十五号, 本月十五号, 下个月五号, 十二月二十号; 月底, 下个月底,
月初; 周末; 三天后, 一周内, 两个星期以后; 下周, 下个月; 昨天, 前天, 上周三 (past); and
发工资那天, which is the debtor's payday when the account knows it. Numbers are digits or Chinese
numerals; cn2an reads them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Final

from game.engine.understand.dates import _add_months, _day_of_month, _last_day_of_month, _month_end, _nearest_year
from game.engine.understand.zh_amounts import _number

_N = r"[\d零〇一二两三四五六七八九十]{1,3}"
_WEEKDAY = r"(?:周|星期|礼拜)(?P<{0}>[一二三四五六日天1-7])"
_WEEKDAY_INDEX: Final = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6} | {str(i + 1): i for i in range(7)}
_DAY = r"(?:号|日)(?!子|期|常|本|元)"
_CANDIDATES: Final = re.compile(
    "|".join(
        (
            rf"(?P<iso>\d{{4}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}{_DAY}?)",
            rf"(?P<month_day>(?P<md_m>{_N})月(?:份)?(?P<md_d>{_N}){_DAY}?)",
            rf"(?P<rel_month_day>(?P<rm_which>本月|这个月|这月|下个月|下月|上个月|上月)(?:的)?(?P<rm_d>{_N}){_DAY})",
            r"(?P<month_end>(?P<me_which>本月|这个月|这月|下个月|下月)?(?:的)?(?:月底|月末|底)(?:之前|前)?)",
            r"(?P<month_start>(?P<ms_which>下个月|下月)(?:的)?(?:月初|初)|(?<!本)(?<!这个)月初)",
            rf"(?P<weekday>(?P<w_which>下下|下个|下|这个|这|本|上个|上)?{_WEEKDAY.format('w_day')})",
            r"(?P<weekend>(?P<we_which>下个|下|这个|这|本)?周末)",
            r"(?P<after3>大后天)",
            r"(?P<after2>后天)",
            r"(?P<tomorrow>明天|明儿|明日|明早|明晚|明天上午|明天下午)",
            r"(?P<today>今天|今儿|今日|今晚|今早|当天)",
            r"(?P<yesterday>昨天|昨日|昨儿)",
            r"(?P<before_yesterday>前天)",
            rf"(?P<offset>(?P<off_n>{_N}|半)(?:个)?(?P<off_unit>天|日|周|星期|礼拜|月)(?:之?(?:后|以后|之内|内|以内)))",
            r"(?P<next_week>(?:下周|下个星期|下星期|下礼拜)(?![一二三四五六日天1-7末]))",
            r"(?P<next_month>(?:下个月|下月)(?![\d零〇一二两三四五六七八九十底初末]))",
            r"(?P<payday>发工资(?:的)?(?:那天|那一天|当天|的时候|以后|后)|发薪(?:日|那天)|工资(?:到账|下来)(?:的)?(?:那天|当天|以后|后)?|开工资(?:那天|的时候))",
            rf"(?P<bare_day>(?<![月\d零〇一二两三四五六七八九十])(?P<b_d>{_N}){_DAY})",
        )
    )
)
_PAST_AFTER: Final = re.compile(r"^[^，。,.!?？！；;]{0,12}?(?:已经|就已|寄出|寄了|汇出|汇了|付了|转了|还了|打了|交了)")


def parse_dates_zh(text: str, call_date: dt.date, payday: int | None = None) -> tuple[str, ...]:
    """ISO dates the line names, in order of appearance, each once."""
    return _cached(text, call_date, payday)


@lru_cache(maxsize=4096)
def _cached(text: str, call_date: dt.date, payday: int | None) -> tuple[str, ...]:
    line = unicodedata.normalize("NFKC", text)
    found: list[str] = []
    for match in _CANDIDATES.finditer(line):
        date = _resolve(match, call_date, payday, bool(_PAST_AFTER.match(line[match.end() :])))
        if date is not None and date.isoformat() not in found:
            found.append(date.isoformat())
    return tuple(found)


def _int(span: str | None) -> int | None:
    if not span:
        return None
    value = _number(span)
    return int(value) if value is not None and value.is_integer() else None


def _resolve(match: re.Match[str], today: dt.date, payday: int | None, past: bool) -> dt.date | None:
    kind = match.lastgroup
    if kind == "iso":
        numbers = [int(n) for n in re.findall(r"\d+", match["iso"])]
        try:
            return dt.date(numbers[0], numbers[1], numbers[2])
        except ValueError:
            return None
    if kind == "month_day":
        month, day = _int(match["md_m"]), _int(match["md_d"])
        if month is None or day is None or not 1 <= month <= 12 or day > calendar.monthrange(2024, month)[1]:
            return None
        return _nearest_year(month, day, today, past)
    if kind == "rel_month_day":
        day = _int(match["rm_d"])
        if day is None:
            return None
        which = match["rm_which"]
        if which.startswith("上"):
            return _last_day_of_month(day, today.replace(day=1) - dt.timedelta(days=1))
        months = 1 if which.startswith("下") else 0
        if months == 0 and day < today.day:
            return _last_day_of_month(day, today) if past else None
        return _day_of_month(day, _add_months(today.replace(day=1), months), 0)
    if kind == "month_end":
        return _month_end(today, 1 if (match["me_which"] or "").startswith("下") else 0)
    if kind == "month_start":
        return _month_end(today, 0) + dt.timedelta(days=1)
    if kind == "weekday":
        return _weekday(today, _WEEKDAY_INDEX[match["w_day"]], match["w_which"] or "", past)
    if kind == "weekend":
        return _weekday(today, 5, match["we_which"] or "", past)
    days = {"after3": 3, "after2": 2, "tomorrow": 1, "today": 0, "yesterday": -1, "before_yesterday": -2}
    if kind in days:
        return today + dt.timedelta(days=days[kind])
    if kind == "offset":
        unit = match["off_unit"]
        count = 0.5 if match["off_n"] == "半" else _int(match["off_n"])
        if count is None:
            return None
        if unit == "月":
            return _add_months(today, int(count)) if count >= 1 else today + dt.timedelta(days=15)
        return today + dt.timedelta(days=round(count * (1 if unit in ("天", "日") else 7)))
    if kind == "next_week":
        return today + dt.timedelta(days=7)
    if kind == "next_month":
        return _add_months(today, 1)
    if kind == "payday":
        return _day_of_month(payday, today, 0) if payday is not None else None
    if kind == "bare_day":
        day = _int(match["b_d"])
        if day is None:
            return None
        return _last_day_of_month(day, today) if past else _day_of_month(day, today, 0)
    return None


def _weekday(today: dt.date, weekday: int, which: str, past: bool) -> dt.date:
    """周五 (the coming one), 这周五 (this week's), 下周五 (next week's), 上周五 (last week's)."""
    monday = today - dt.timedelta(days=today.weekday())
    if which.startswith("下下"):
        return monday + dt.timedelta(days=14 + weekday)
    if which.startswith("下"):
        return monday + dt.timedelta(days=7 + weekday)
    if which.startswith("上"):
        return monday + dt.timedelta(days=weekday - 7)
    this_week = monday + dt.timedelta(days=weekday)
    if which or past:
        return this_week
    return this_week if this_week >= today else this_week + dt.timedelta(days=7)
