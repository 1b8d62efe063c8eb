"""Reading a self-test's score comparisons ('>= 80').

The scenario models type ``ScenarioTest.expect`` strictly (``Expectations``), so `validate` and the
editor schema already report a misspelt expectation or a bare number; this only evaluates them.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable

from game.engine.scenario.models import COMPARISON

_OPERATORS: dict[str, Callable[[int, int], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    ">": operator.gt,
    "<": operator.lt,
}


def compare(score: float, comparison: str) -> bool:
    """Whether ``score`` meets a comparison such as ``'>= 80'`` (already checked against the pattern)."""
    found = re.match(COMPARISON, comparison)
    assert found is not None, comparison
    return _OPERATORS[found.group(1)](round(score), int(found.group(2)))
