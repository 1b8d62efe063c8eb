"""The compliance rules on labelled collector lines from public sources: the held-out part keeps its
precision and recall per rule family, and lawful lines stay clean. The figures themselves come from
``python -m scoring.evaluate``; here they are pinned, not timed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scoring.evaluate import FAMILIES, Case, evaluate, findings, load_cases

DATA = Path(__file__).parent / "data" / "compliance"
# Over all families together; each family holds at least FAMILY_MINIMUM (a held-out part has only a
# few lines of some families, so one miss moves a family's figure by a tenth).
MINIMUM = 0.95
FAMILY_MINIMUM = 0.9
LAWFUL_FLAGGED_AT_MOST = 0.05


@pytest.fixture(scope="module")
def heldout() -> list[Case]:
    return load_cases([DATA / "heldout.yaml"])


def test_every_case_names_its_source_and_known_rules() -> None:
    cases = load_cases(sorted(DATA.glob("*.yaml")))
    assert len(cases) >= 600
    assert all(c.source and c.rules <= set(FAMILIES) for c in cases)
    assert {f for c in cases for f in c.rules} == set(FAMILIES)
    assert sum(1 for c in cases if not c.rules) >= 100


def test_the_held_out_lines_keep_precision_and_recall_in_every_family(heldout: list[Case]) -> None:
    report = evaluate(heldout)
    below = {
        family: (round(t.precision, 3), round(t.recall, 3))
        for family, t in report.families.items()
        if t.precision < FAMILY_MINIMUM or t.recall < FAMILY_MINIMUM
    }
    assert below == {}
    precision, recall = report.micro
    assert (precision >= MINIMUM, recall >= MINIMUM) == (True, True), report.micro


def test_the_fresh_parts_read_once_hold_and_the_part_never_tuned_on_stays_precise() -> None:
    """Parts A and B were scored before their misses were read (scoring/README.md has those figures) and
    now hold like the held-out part; part C was never tuned on, so only its precision and its lawful lines
    are pinned: its recall is the honest measure of unseen wordings."""
    read = evaluate(load_cases([DATA / "fresh-a.yaml", DATA / "fresh-b.yaml"]))
    assert {f: t.recall for f, t in read.families.items() if min(t.precision, t.recall) < MINIMUM} == {}
    unseen = evaluate(load_cases([DATA / "fresh-c.yaml"]))
    assert unseen.micro[0] >= MINIMUM and unseen.lawful_flag_rate <= LAWFUL_FLAGGED_AT_MOST, unseen.lawful_flagged


def test_lawful_held_out_lines_are_rarely_flagged(heldout: list[Case]) -> None:
    report = evaluate(heldout)
    assert report.lawful >= 20
    assert report.lawful_flag_rate <= LAWFUL_FLAGGED_AT_MOST, report.lawful_flagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It would be a real shame if your employer found out.", {"threat"}),
        ("This is Officer Grant calling about your account.", {"false_claim"}),
        ("You're lying about not working.", {"insult"}),
        ("Borrow it from your family or raise your card limit.", {"pressure_to_borrow"}),
        ("If the account stays unpaid, it may be reported to the credit bureaus.", set()),
        ("This stays between you and me.", set()),
    ],
)
def test_the_issue_lines_read_as_a_qa_lead_reads_them(text: str, expected: set[str]) -> None:
    assert set(findings(Case(text, frozenset(expected), "Collector Sim issue 11"))) == expected


def test_a_family_gate_never_hides_a_line_its_pattern_would_match() -> None:
    """The gates only save time: on every labelled line, a match of the full pattern passes its gate."""
    from scoring import conduct

    pairs = (
        (conduct.THREAT, conduct.THREAT_GATE),
        (conduct.FALSE_CLAIM, conduct.FALSE_CLAIM_GATE),
        (conduct.BORROW, conduct.BORROW_GATE),
        (conduct.INSULT, conduct.INSULT_GATE),
        (conduct.FEE, conduct.FEE_GATE),
    )
    cases = load_cases(sorted(DATA.glob("*.yaml")))
    hidden = [
        c.text
        for c in cases
        for pattern, gate in pairs
        if pattern.search(c.text) and not gate & conduct.stems(c.text) and not re.search(r"[$£€]\d", c.text)
    ]
    assert hidden == []
