"""The cues of a Chinese trainee line: the compliance families of ``compliance_zh.yaml`` and the
courtesies, deadlines and payment words the principles read.

English cues are read from English grammar (``cues.py``); Chinese has its own words for the same
things, kept as data beside the English rules so a reviewer can check each pattern against the lines
it must flag and the lawful lines it must pass (a test does).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, Final

import yaml

from game.engine.understand.zh_text import normalize_zh
from scoring.cues import Cues, count_words

# The Cues field each rule of the data file feeds.
_FIELD: Final = {"threat": "threat", "false_claim": "false_claim", "insult": "insult", "profanity": "profanity"}

_GREETING: Final = re.compile(r"您好|你好|早上好|上午好|下午好|晚上好|喂")
_THANKS: Final = re.compile(r"谢谢|感谢|多谢|辛苦")
_PLEASE: Final = re.compile(r"请|麻烦|劳驾|方便的话")
_CLOSE: Final = re.compile(r"再见|拜拜|祝您|不打扰|先这样")
_DEBT: Final = re.compile(r"欠款|欠费|欠的|还款|账单|逾期|贷款|货款|本金|尾款|未还|没还")
_TODAY: Final = re.compile(r"今天|今日|马上")
_SOONEST: Final = re.compile(r"最快|尽快|越快越好|最早")
_DATE: Final = re.compile(
    r"今天|明天|后天|[周礼拜星期][一二三四五六日天]|[0-9一二三四五六七八九十]+[号日]|月底|月初|发工资"
)
_METHOD: Final = re.compile(r"转账|支付宝|微信|银行卡|刷卡|现金|汇款|支票|对公")
_BORROW: Final = re.compile(
    r"(?:去|找|跟|向)(?:你|您)?(?:的)?(?:亲戚|朋友|家里|家里人|父母|爸妈|哥|姐|弟|妹|同事|老板|别人)?(?:借|凑)"
    r"|凑一凑|刷信用卡|信用卡套现|套现|借网贷|以贷养贷|拆东墙|卖(?:房|车)"
    r"|(?:别的|其他|另外的?)(?:平台|网贷|app|贷款)[^ ]{0,4}借|借一笔|(?:信用卡|花呗|借呗)[^ ]{0,4}(?:额度|刷出来)"
)
# A fee or charge named on the call, with the words before it (the line is normalised: punctuation is
# spaces); the agreement must list it (``allowed_fee`` judges).
_FEE: Final = re.compile(r"[^ 的]{0,4}(?:手续费|服务费|上门费|催收费|外访费|管理费|违约金|滞纳金|工本费|加急费)")
_CALLBACK: Final = re.compile(
    r"回(?:个)?电(?:话)?|转告|(?:给|打给)我(?:回|打)|联系我|留(?:个)?(?:言|电话)|我(?:再|晚点|稍后)打(?:过来|给)"
)
_VERIFICATION: Final = re.compile(r"核实|核查|核对|书面(?:材料|证明|说明|通知)|证明材料|凭证|寄(?:给您|一份)")
# Lowering one's own ask before the debtor answers: a smaller sum "也行", "要不", "有多少还多少", "不急".
_BARGAIN: Final = re.compile(
    r"少(?:还|付)?一点|先还(?:一部分|一点)|打(?:个)?折|减免|要不(?:就|先|您|你)?|实在不行|不行的话"
    r"|(?:[0-9一二两三四五六七八九十百千万]+|一点|一部分|点)(?:块|元)?(?:钱)?(?:也行|也可以)"
    r"|多少都行|有多少(?:还|给)多少|能还多少(?:是|算)多少|随便(?:还|给)|不急|不着急|(?:什么时候|哪天)都行"
)
_HOSTILE: Final = re.compile(r"你(?:听(?:好|着)|到底|搞清楚)|少废话|别(?:跟我)?废话|闭嘴")
_LEGAL_OPTION: Final = re.compile(r"律师|法务|起诉|法院|打官司")


@lru_cache(maxsize=1)
def _families() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(Cues field, pattern) for every family of the data file that feeds a word rule."""
    text = resources.files("scoring").joinpath("compliance_zh.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    out = []
    for family in data["families"].values():
        field = _FIELD.get(family["rule"])
        if field is None or not family.get("patterns"):
            continue
        out.append((field, re.compile("|".join(f"(?:{p})" for p in family["patterns"]))))
    return tuple(out)


def _matches(pattern: re.Pattern[str], line: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(line) if m.group(0)))


@lru_cache(maxsize=4096)
def read_zh(text: str) -> Cues:
    """The cues of a Chinese trainee line (remembered, as the English reader is)."""
    line = normalize_zh(text)
    found: dict[str, tuple[str, ...]] = {}
    for field, pattern in _families():
        words = _matches(pattern, line)
        if words:
            found[field] = tuple(dict.fromkeys((*found.get(field, ()), *words)))
    return Cues(
        words=count_words(text),
        normal=line,
        exclaiming="!!" in line or "?!" in line,
        insult=found.get("insult", ()),
        profanity=found.get("profanity", ()),
        threat=found.get("threat", ()),
        false_claim=found.get("false_claim", ()),
        borrow=_matches(_BORROW, line),
        fee=_matches(_FEE, line),
        legal_option=_matches(_LEGAL_OPTION, line),
        greeting=bool(_GREETING.search(line)),
        thanks=bool(_THANKS.search(line)),
        please=bool(_PLEASE.search(line)),
        close=bool(_CLOSE.search(line)),
        debt=bool(_DEBT.search(line)),
        callback=bool(_CALLBACK.search(line)),
        verification=bool(_VERIFICATION.search(line)),
        bargain=bool(_BARGAIN.search(line)),
        hostile=_matches(_HOSTILE, line),
        date=bool(_DATE.search(line)),
        today=bool(_TODAY.search(line)),
        soonest=bool(_SOONEST.search(line)),
        method=bool(_METHOD.search(line)),
    )
