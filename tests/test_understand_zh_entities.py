"""Chinese amounts and dates: the shapes Chinese speakers use, read against a known call date."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from game.engine.understand import Context, parse_amounts, understand
from game.engine.understand.zh_amounts import parse_amounts_zh
from game.engine.understand.zh_dates import parse_dates_zh

TUESDAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("您目前欠款一万二千五百元", (12500.0,)),
        ("一共一万二千五", (12500.0,)),
        ("每月还两千五", (2500.0,)),
        ("应还1.25万元", (12500.0,)),
        ("欠款12,500元", (12500.0,)),
        ("三块五", (3.5,)),
        ("五毛钱", (0.5,)),
        ("两百五十元五角", (250.5,)),
        ("先还一半吧", (6250.0,)),
        ("还三分之一", (4166.67,)),
        ("您看一下", ()),
        ("分三期还", ()),
        ("本月十五号", ()),
        ("尾号1234的卡", ()),
        ("我手机号13800138000", ()),
        ("一万多块", ()),
        ("几千块钱", ()),
        ("三点前转账", ()),
    ],
)
def test_chinese_amounts(text: str, amounts: tuple[float, ...]) -> None:
    assert amounts == parse_amounts_zh(text, balance=12500)


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("你欠了我们3000元，今天必须还", 3000.0),
        ("您的欠款一共是一万二千五百元", 12500.0),
        ("欠款金额为15000元，今天能还吗", 15000.0),
        ("您还欠平台两千元", 2000.0),
        ("您的账户余额是八千六百元", 8600.0),
        ("您欠的钱什么时候还？能先还3000吗", None),
        ("每月还两千五", None),
        ("先还一半吧", None),
    ],
)
def test_the_amount_a_line_gives_as_owed(text: str, stated: float | None) -> None:
    context = Context(TUESDAY, ("王建国",), language="zh", balance=12500.0)
    assert understand(text, context).entities.stated_balance == stated


def test_a_share_of_the_balance_needs_the_balance() -> None:
    assert parse_amounts_zh("先还一半") == ()


def test_parse_amounts_reads_chinese_for_the_scorer() -> None:
    assert parse_amounts("好，我下周五还一万二千五百块。", "zh") == (12500.0,)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("今天", ("2026-12-01",)),
        ("明天", ("2026-12-02",)),
        ("后天", ("2026-12-03",)),
        ("大后天", ("2026-12-04",)),
        ("周五", ("2026-12-04",)),
        ("这周五", ("2026-12-04",)),
        ("下周五", ("2026-12-11",)),
        ("下星期一", ("2026-12-07",)),
        ("本月十五号", ("2026-12-15",)),
        ("十五号", ("2026-12-15",)),
        ("下个月五号", ("2027-01-05",)),
        ("12月20日", ("2026-12-20",)),
        ("十二月二十号", ("2026-12-20",)),
        ("月底", ("2026-12-31",)),
        ("下个月底", ("2027-01-31",)),
        ("三天后", ("2026-12-04",)),
        ("一周内", ("2026-12-08",)),
        ("昨天", ("2026-11-30",)),
        ("支票上周三已经寄出了", ("2026-11-25",)),
        ("发工资那天", ("2026-12-10",)),
        ("号码是多少", ()),
    ],
)
def test_chinese_dates_resolve_against_the_call_date(text: str, dates: tuple[str, ...]) -> None:
    assert dates == parse_dates_zh(text, TUESDAY, payday=10)


def test_payday_is_no_date_when_the_account_does_not_know_it() -> None:
    assert parse_dates_zh("发工资那天还", TUESDAY) == ()


def test_payday_after_this_months_has_passed_is_next_months() -> None:
    assert parse_dates_zh("发工资那天还", dt.date(2026, 12, 20), payday=10) == ("2027-01-10",)


def test_names_and_forms_of_address() -> None:
    context = Context(TUESDAY, ("刘秀英", "女士 刘秀英"), "东方银行", language="zh", balance=8600)
    heard = understand("刘女士您好，我是东方银行的小周，明天能用微信还八千六吗？", context)
    assert heard.entities.names == ("刘女士",)
    assert heard.entities.method == "wechat pay"
    assert heard.entities.amounts == (8600.0,)
    assert heard.entities.dates == ("2026-12-02",)
    assert set(heard.acts) == {"greet", "identify_self", "state_amount", "ask_commitment"}


def test_classify_lang_zh_prints_acts_and_entities() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "classify", "--lang", "zh", "--date", "2026-12-01"],
        input="您目前欠款一万二千五百元\n你这个老赖\n",
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["acts"] for line in lines] == [["state_amount"], ["insult"]]
    assert lines[0]["entities"]["amounts"] == [12500.0]
    assert result.stderr == ""
