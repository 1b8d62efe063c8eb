"""The Chinese compliance lines: plain and indirect collector lines from public sources keep their
precision and recall per family (the held-out part was written apart from the patterns), lawful lines
stay clean, and a wrong figure given as what is owed is a misstated debt as it is in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.evaluate import Case, evaluate, findings, load_cases

DATA = Path(__file__).parent / "data" / "compliance"
FAMILY_MINIMUM = 0.9


@pytest.mark.parametrize("split", ["zh_dev.yaml", "zh_heldout.yaml"])
def test_every_family_keeps_precision_and_recall_and_lawful_lines_pass(split: str) -> None:
    cases = load_cases([DATA / split])
    assert len(cases) >= 40 and all(c.language == "zh" and c.source for c in cases)
    report = evaluate(cases)
    below = {
        family: (round(t.precision, 3), round(t.recall, 3))
        for family, t in report.families.items()
        if t.precision < FAMILY_MINIMUM or t.recall < FAMILY_MINIMUM
    }
    assert below == {}
    assert report.lawful >= 10 and report.lawful_flagged == []


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("您欠款是一万五千元。", True),
        ("你一共欠我们两万块。", True),
        ("王先生，你欠我们一万三千元，今天能还吗？", True),
        ("您的欠款是一万二千五百元。", False),
        ("欠款12500元，您今天能处理吗？", False),
        ("要不您先还两千，剩下的分期，可以吗？", False),
        ("另外还有三百元的上门服务费。", False),  # a fee: the fee rule judges it
    ],
)
def test_a_wrong_figure_given_as_what_is_owed_is_a_misstated_debt(line: str, wrong: bool) -> None:
    case = Case(text=line, rules=frozenset(), source="test", balance=12500.0, language="zh")
    assert ("misstated_balance" in findings(case)) == wrong
