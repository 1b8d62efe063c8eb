"""The Chinese compliance lexicon draft (scoring/compliance_zh.yaml) is sound data: every pattern
compiles, flags the lines it must and passes the lawful ones; each family names a rule."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.engine.understand.zh_text import normalize_zh
from scoring.compliance import RULES

DATA: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent.parent / "scoring" / "compliance_zh.yaml").read_text(encoding="utf-8")
)
FAMILIES = DATA["families"]


def matches(family: dict[str, Any], line: str) -> bool:
    return any(re.search(pattern, normalize_zh(line)) for pattern in family.get("patterns", ()))


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_each_family_feeds_a_known_rule_or_says_it_proposes_one(name: str) -> None:
    family = FAMILIES[name]
    assert family["rule"] in RULES
    assert family.get("proposed", False) == ("proposed_rule" in family)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_patterns_flag_their_lines_and_pass_the_lawful_ones(name: str) -> None:
    family = FAMILIES[name]
    assert [line for line in family.get("flags", ()) if not matches(family, line)] == []
    assert [line for line in family.get("lawful", ()) if matches(family, line)] == []


def test_the_lawful_lines_of_every_family_pass_every_family() -> None:
    lawful = [line for family in FAMILIES.values() for line in family.get("lawful", ())]
    flagged = [(name, line) for line in lawful for name, family in FAMILIES.items() if matches(family, line)]
    assert flagged == []
