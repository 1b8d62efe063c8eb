"""Money amounts in a Chinese line: digits or Chinese numerals, with 万, 两, 元/块/角/毛, and 一半.

cn2an reads each numeral span ("一万二" 12000, "两千五" 2500, "1.25万" 12500, "八百八" 880); this
module decides which spans are money. A span with a money word (元, 块, 块钱, 万元, 人民币) or mark
(¥) is money; a bare one is money only after a paying word ("还五千", "欠款一万二千五百") and only if
nothing after it makes it a date, a time or a count ("十五号", "三点", "分三期", "两天"). Card,
cheque and phone numbers ("尾号1234", "支票号码0815") are references. "一半" and "三分之一" are
that share of the balance, when the balance is known.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from functools import lru_cache
from typing import Final

_DIGIT_CHARS = "零〇一二两三四五六七八九"
_NUMERAL = rf"(?:\d{{1,3}}(?:,\d{{3}})+|[\d{_DIGIT_CHARS}十百千万亿])[\d{_DIGIT_CHARS}十百千万亿.]*"
_YUAN = r"(?:万元|万块钱?|块钱|块|元钱|元|圆|人民币|rmb|块大洋|角钱?|毛钱?)"
_SMALL = rf"[\d{_DIGIT_CHARS}]"
# A span, its money word, then jiao (角/毛, or a lone digit after 块: "三块五") and fen (分).
_AMOUNT: Final = re.compile(
    rf"(?P<mark>[¥$]\s?|人民币\s?)?(?P<num>{_NUMERAL})(?P<unit>\s?{_YUAN})?"
    rf"(?:(?P<jiao>{_SMALL})(?:角|毛)(?:钱)?|(?<=块)(?P<jiao2>{_SMALL})(?![\d{_DIGIT_CHARS}号日月天点期个号分]))?"
    rf"(?:(?P<fen>{_SMALL})分)?"
)
# After a bare number these make it a date, a time, a count, a rate or part of a word.
_NOT_MONEY_AFTER: Final = re.compile(
    r"\s?(?:号|日|月|年|天|周|星期|礼拜|点|时|小时|分钟|秒|期|个|次|遍|位|岁|笔|张|%|％|成|倍|下|定|直|起|样"
    r"|些|点儿|会儿|口|家|份|条|项|层|楼|米|公里|折|分之|号码|来|半天|半个|人|户|台|辆|套|吨|件|箱|袋)"
)
# Before a number these make it a reference or a position.
_REFERENCE_BEFORE: Final = re.compile(
    r"(?:尾号|卡号|账号|编号|单号|号码|支票号|支票|合同号|手机号|电话|分机|第|星期|周|礼拜|工号|身份证|"
    r"订单|流水号|验证码|密码|后四位|前四位|今年|去年|明年)\s?$"
)
# A bare number is money after one of these (within a few characters).
_PAYING_BEFORE: Final = re.compile(
    r"(?:欠|欠款|欠了|还|还款|还了|付|付款|支付|转|转账|交|缴|存|打|汇|凑|拿出|给|先|剩下|剩|余额|金额|本金|"
    r"一共|总共|共计|合计|总额|是|为|到|差|少|多|首付|首期|每期|每个月|每月|一次性|全额|结清|减免|最低|能)"
    r"(?:[了过个上给您你我们先就才也都再来去]{0,3})\s?$"
)
_VAGUE: Final = re.compile(r"^(?:几|多(?!少)|来块|上下)")
_SHARES: Final = re.compile(r"(?P<den>[二两三四五六七八九十\d]+)分之(?P<num>[一二两三\d]+)|(?P<half>一半|半数)")
_REFERENCE_LIKE: Final = re.compile(r"^(?:0\d+|\d{7,})$")


# What owing sounds like just before the amount it names: 你欠了我们3000元, 欠款一共是…, 余额为….
_OWED: Final = re.compile(
    r"(?:欠(?:了|着|下)?(?:我们|我司|平台|银行|公司|本行)?的?(?:款|钱|费|账)?(?:金额|总额)?"
    r"|余额|未还(?:金额)?)"
    r"(?:一共|总共|共|还有|合计|现在|目前)?(?:是|为|有|达|共计)?(?P<amount>[^，。！？,.!?；;\s]{1,14})"
)


def stated_balance_zh(text: str, balance: float | None = None) -> float | None:
    """The amount a Chinese line gives as what is owed (你欠了我们3000元), if it gives one."""
    line = unicodedata.normalize("NFKC", text)
    for match in _OWED.finditer(line):
        amounts = parse_amounts_zh(match["amount"], balance)
        if amounts:
            return amounts[0]
    return None


def parse_amounts_zh(text: str, balance: float | None = None) -> tuple[float, ...]:
    """The money amounts in ``text`` in order of appearance, each once; shares of ``balance``."""
    return _cached(text, balance)


@lru_cache(maxsize=4096)
def _cached(text: str, balance: float | None) -> tuple[float, ...]:
    line = unicodedata.normalize("NFKC", text).lower().replace("￥", "¥")
    found: list[tuple[int, float]] = []
    for match in _AMOUNT.finditer(line):
        value = _money(match, line)
        if value is not None:
            found.append((match.start(), value))
    if balance is not None:
        for match in _SHARES.finditer(line):
            share = 0.5 if match["half"] else _fraction(match["num"], match["den"])
            if share is not None and 0 < share < 1:
                found.append((match.start(), round(balance * share, 2)))
    amounts: list[float] = []
    for _, value in sorted(found, key=lambda item: item[0]):
        if value not in amounts:
            amounts.append(value)
    return tuple(amounts)


def _money(match: re.Match[str], line: str) -> float | None:
    span = match["num"].rstrip(",.")
    if span in ("一", "两") and match["unit"] is None:  # "一下", "两人": a word, not a number
        return None
    if _SHARES.match(line, match.start()) or line.startswith("分之", match.end("num")):
        return None
    number = _number(span)
    if number is None:
        return None
    unit = (match["unit"] or "").strip()
    if unit.startswith("万"):
        number *= 10000
    elif unit.startswith(("角", "毛")):
        number /= 10
    jiao = match["jiao"] or match["jiao2"]
    if jiao:
        number += (_number(jiao) or 0) / 10
    if match["fen"]:
        number += (_number(match["fen"]) or 0) / 100
    number = round(number, 2)
    before = line[max(0, match.start() - 10) : match.start()]
    if _VAGUE.search(line[match.end() :]) or before.endswith(("几", "好几")):
        return None
    if match["mark"] or unit:
        return number if number > 0 else None
    after = line[match.end() : match.end() + 4]
    large = number >= 1000 and any(ch in span for ch in "千万亿")
    if (_NOT_MONEY_AFTER.match(after) and not (large and after.startswith(("月底", "月初", "月末")))) or (
        _REFERENCE_BEFORE.search(before)
    ):
        return None
    if _REFERENCE_LIKE.match(span):
        return None
    # "两万", "一万六千八": said in thousands, a figure is money; a smaller bare one only after a paying word.
    if large:
        return number
    scaled = any(ch in span for ch in "百千万亿") or number >= 100
    if not scaled or not _PAYING_BEFORE.search(before):
        return None
    return number


def _number(span: str) -> float | None:
    """The value of a numeral span through cn2an ("smart" mixes digits and numerals)."""
    import cn2an  # type: ignore[import-untyped]  # loaded on first use

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cn2an warns on spans it then refuses
        try:
            value = cn2an.cn2an(span.replace(",", ""), "smart")
        except (ValueError, KeyError, IndexError, TypeError):
            return None
    return float(value)


def _fraction(numerator: str, denominator: str) -> float | None:
    top, bottom = _number(numerator), _number(denominator)
    if not top or not bottom:
        return None
    return top / bottom
