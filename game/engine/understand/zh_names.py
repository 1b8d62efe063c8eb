"""The debtor's and the creditor's names in a Chinese line, found and masked for the act patterns.

Chinese puts the form of address after the surname (王先生, 刘女士, 王总, 老王), so the forms are
built from the surname and the title the account gives; the full name (王建国) and the given name
alone count too. The surname alone is every third person in the country and does not. Masking the
forms with ``debtorname`` and the creditor (or its distinctive part: 华信 in 华信消费金融) with
``creditorco`` lets one pattern say "请问是debtorname吗" for every scenario.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from game.engine.understand.names import CREDITOR_TOKEN, DEBTOR_TOKEN

_TWO_CHARACTER_SURNAMES: Final = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
        "端木",
        "独孤",
        "南宫",
        "西门",
    ]
)
_CJK: Final = re.compile(r"^[\u3400-\u9fff]+$")


@dataclass(frozen=True)
class ZhNameMatch:
    """The forms of the debtor's name a line says, in order, and the line with names masked."""

    names: tuple[str, ...]
    masked: str


def find_names_zh(line: str, debtor_names: tuple[str, ...], creditor: str, titles: frozenset[str]) -> ZhNameMatch:
    """Debtor name forms said in ``line`` (normalised) and ``line`` with them and the creditor masked."""
    pattern = _debtor_pattern(debtor_names, titles)
    names: list[str] = []
    if pattern is not None:
        for match in pattern.finditer(line):
            if match.group(0) not in names:
                names.append(match.group(0))
        line = re.sub(f"(?:{DEBTOR_TOKEN})+", DEBTOR_TOKEN, pattern.sub(DEBTOR_TOKEN, line))
    creditor_pattern = _creditor_pattern(creditor, titles)
    if creditor_pattern is not None:
        line = creditor_pattern.sub(CREDITOR_TOKEN, line)
    return ZhNameMatch(tuple(names), line)


def split_name(full: str) -> tuple[str, str]:
    """Surname and given name of a Chinese full name."""
    surname = full[:2] if full[:2] in _TWO_CHARACTER_SURNAMES else full[:1]
    return surname, full[len(surname) :]


@lru_cache(maxsize=256)
def _debtor_pattern(debtor_names: tuple[str, ...], titles: frozenset[str]) -> re.Pattern[str] | None:
    """Every form of the debtor's name, longest first: 王建国先生, 王建国, 王先生, 王总, 老王, 建国."""
    forms: set[str] = set()
    account_titles: set[str] = set()
    fulls: set[str] = set()
    for label in debtor_names:
        words = label.replace(".", " ").split()
        for word in words:
            if word in titles:
                account_titles.add(word)
            elif _CJK.match(word) and len(word) >= 2:
                fulls.add(word)
    for full in fulls:
        surname, given = split_name(full)
        forms.add(full)
        if len(given) >= 2:
            forms.add(given)
        for title in titles:
            forms.add(full + title)
            forms.add(surname + title)
        if len(surname) == 1:  # 老王; not 小王, which is how a caller names themself
            forms.add("老" + surname)
    forms -= account_titles
    if not forms:
        return None
    return re.compile("|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)))


_GENERIC_COMPANY: Final = (
    "股份有限公司", "有限责任公司", "有限公司", "消费金融", "小额贷款", "融资担保", "金融服务", "信息科技",
    "网络科技", "科技", "金融", "银行", "公司", "集团", "小贷", "信贷", "分期", "资产管理", "催收", "信用卡中心",
    "信用卡", "中心", "贸易", "商贸", "实业", "供应链", "建材", "物业",
)  # fmt: skip


@lru_cache(maxsize=256)
def _creditor_pattern(creditor: str, titles: frozenset[str]) -> re.Pattern[str] | None:
    """The creditor's full name, and its distinctive part on its own (followed by a generic word or not)."""
    name = creditor.strip()
    if not name or not _CJK.match(name.replace(" ", "")):
        return re.compile(re.escape(name.lower())) if name else None
    distinctive = name
    for word in _GENERIC_COMPANY:
        distinctive = distinctive.replace(word, " ")
    parts = [part for part in distinctive.split() if len(part) >= 2]
    generic = "|".join(re.escape(word) for word in _GENERIC_COMPANY)
    alternatives = [re.escape(name)] + [rf"{re.escape(part)}(?:{generic})*" for part in parts]
    return re.compile("|".join(alternatives))
