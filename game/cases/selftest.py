"""Running the ``tests:`` a case carries, and checking that together they play every branch.

One pass/fail line per test, as `test-scenarios` gives for calls; then one line per case saying whether
every branch (a call and what it led to) was played by some test, since a branch no test plays is a
story no author has seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from game.authoring.expect import compare
from game.cases.files import CaseError, LoadedCase, case_files, load_case
from game.cases.models import CaseExpect, CaseTest
from game.cases.run import CaseRecord, play_case
from game.cases.scorecard import score_case


@dataclass(frozen=True)
class CaseResult:
    __test__ = False  # not a pytest class, despite the module's name

    case: str
    name: str
    passed: bool
    reason: str = ""


def _rules(found: Iterable[str]) -> str:
    names = sorted(set(found))
    return "[" + ", ".join(names) + "]" if names else "none"


def failures(expect: CaseExpect, record: CaseRecord) -> list[str]:
    """Why the case did not meet the expectations; empty when it did."""
    card = score_case(record)
    out: list[str] = []
    path = [c.node for c in record.calls]
    if expect.path is not None and path != expect.path:
        out.append(f"expected the calls {expect.path}; played {path}")
    if expect.outcome is not None and record.outcome != expect.outcome:
        out.append(f"expected the case to end {expect.outcome}; it ended {record.outcome}")
    if expect.collected is not None and abs(record.collected - expect.collected) > 0.005:
        out.append(f"expected {expect.collected:g} collected; got {record.collected:g}")
    if expect.calls is not None and card["calls_placed"] != expect.calls:
        out.append(f"expected {expect.calls} calls placed; got {card['calls_placed']}")
    if expect.findings is not None:
        found = [f["rule"] for f in card["findings"]]
        if set(found) != set(expect.findings):
            out.append(f"expected findings {_rules(expect.findings)}; found {_rules(found)}")
    if expect.total is not None and not compare(card["total"], expect.total):
        out.append(f"case score {card['total']}; expected {expect.total.strip()}")
    return out


def run_test(loaded: LoadedCase, test: CaseTest) -> tuple[CaseResult, CaseRecord]:
    record = play_case(loaded.case, loaded.scenarios, test.calls, test.seed)
    reasons = failures(test.expect, record)
    return CaseResult(loaded.case.id, test.name, not reasons, "; ".join(reasons)), record


def run_case_file(path: Path) -> list[CaseResult]:
    """Every test of one case, then whether they played every branch."""
    try:
        loaded = load_case(path)
    except CaseError as err:
        more = len(err.problems) - 1
        reason = str(err.problems[0]) + (f" (and {more} more)" if more else "")
        return [CaseResult(str(path), "valid case", False, reason)]
    if not loaded.case.tests:
        return [CaseResult(loaded.case.id, "tests", False, f"{path} carries no tests:")]
    results: list[CaseResult] = []
    played: set[tuple[str, str]] = set()
    for test in loaded.case.tests:
        result, record = run_test(loaded, test)
        results.append(result)
        played |= {(c.node, c.event) for c in record.calls if c.event is not None}
    branches = [(n.id, event) for n in loaded.case.calls for event in n.next if event != "otherwise"]
    missing = [f"{node} -> {event}" for node, event in branches if (node, event) not in played]
    reason = "no test plays " + ", ".join(missing) if missing else ""
    results.append(CaseResult(loaded.case.id, "every branch played", not missing, reason))
    return results


def run_case_tests(paths: list[Path] | None = None) -> list[CaseResult]:
    """The tests of the given case files or folders (default: the shipped cases)."""
    files: list[Path] = []
    for path in paths if paths is not None else case_files():
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return [result for path in files for result in run_case_file(path)]


def format_result(result: CaseResult) -> str:
    if result.passed:
        return f"PASS {result.case}: {result.name}"
    return f"FAIL {result.case}: {result.name}: {result.reason}"
