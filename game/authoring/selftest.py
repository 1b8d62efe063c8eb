"""Running the ``tests:`` a scenario carries: scripted trainee turns and what must come of them.

A scenario's tests are written in the scenario's own language (as Ren'Py's testcases are), so an
author checks a persona without Python, and CI checks every shipped persona the same way. Each test
gives one pass/fail line with the reason, located in the file when the test itself is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from game.authoring.expect import compare
from game.engine.record import CallRecord, Prosody
from game.engine.replay import replay
from game.engine.scenario.checking import suggest
from game.engine.scenario.library import load_file, scenario_files
from game.engine.scenario.located_yaml import Key, LocatedDoc, YamlError, read_yaml
from game.engine.scenario.models import Expectations, Scenario, ScenarioTest
from game.engine.stages import HANG_UP_BEATS

Hear = Callable[[Path], tuple[str, Prosody | None]]
HearFor = Callable[[Scenario], Hear]


@dataclass(frozen=True)
class TestResult:
    """One test's verdict. ``skipped`` marks a scenario that carries no tests (not a failure)."""

    __test__ = False  # not a pytest class, despite the name

    scenario: str
    name: str
    passed: bool
    reason: str = ""
    skipped: bool = False


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders become the YAML files inside them, sorted."""
    out: list[Path] = []
    for path in paths:
        out.extend(sorted(p for p in path.rglob("*.yaml") if p.is_file()) if path.is_dir() else [path])
    return out


def run_scenario_tests(
    paths: list[Path] | None = None, *, hear_for: HearFor | None = None
) -> list[TestResult]:
    """Every test of every scenario file (default: all the game finds).

    ``hear_for`` gives a recogniser for a scenario's ``audio:`` turns; without one, a test with audio
    turns fails and says so, so the engine and its tests need no audio libraries.
    """
    files = scenario_files() if paths is None else expand(paths)
    return [result for path in files for result in run_file(path, hear_for=hear_for)]


def run_file(path: Path, *, hear_for: HearFor | None = None) -> list[TestResult]:
    """The tests of one scenario file; an invalid file is one failure that names its first problem."""
    loaded = load_file(path)
    if loaded.scenario is None:
        more = len(loaded.problems) - 1
        reason = str(loaded.problems[0]) + (
            f" (and {more} more; collector-sim validate lists them)" if more else ""
        )
        return [TestResult(str(path), "valid scenario", False, reason)]
    scenario = loaded.scenario
    if not scenario.tests:
        return [TestResult(scenario.id, "(no tests)", True, f"{path} carries no tests:", skipped=True)]
    try:
        doc = read_yaml(path)
    except YamlError as err:
        return [TestResult(scenario.id, "valid scenario", False, str(err.problem))]
    return [_run_one(scenario, test, doc, i, path.parent, hear_for) for i, test in enumerate(scenario.tests)]


def _score(record: CallRecord, scenario: Scenario) -> dict[str, Any]:
    from scoring import score_call

    card: dict[str, Any] = score_call(record, scenario).as_dict()
    return card


def _run_one(
    scenario: Scenario, test: ScenarioTest, doc: LocatedDoc, index: int, base: Path, hear_for: HearFor | None
) -> TestResult:
    hear = None
    if any(t.audio for t in test.turns):
        if hear_for is None:
            reason = "this test has audio turns; speech recognition is needed to run it"
            return TestResult(scenario.id, test.name, False, reason)
        hear = hear_for(scenario)
    try:
        record = replay(scenario, test.turns, test.seed, hear=hear, base=base)
        card = _score(record, scenario)
    except OSError as err:
        return TestResult(scenario.id, test.name, False, f"cannot read an audio turn: {err}")
    expect = test.expect
    reasons = failures(expect, record, card, doc, index)
    return TestResult(scenario.id, test.name, not reasons, "; ".join(reasons))


def _last_debtor_line(record: CallRecord) -> str:
    for turn in reversed(record.turns):
        if turn.speaker == "debtor":
            return f' (last debtor line, beat {turn.beat}: "{turn.text}")'
    return ""


def _hang_up_turn(record: CallRecord) -> int | None:
    """The trainee turn (1 is the first) after which the debtor hung up, if they did."""
    trainee = 0
    for turn in record.turns:
        if turn.speaker == "trainee":
            trainee += 1
        elif turn.beat in HANG_UP_BEATS:
            return trainee
    return None


def _rules(found: Iterable[str]) -> str:
    names = sorted(set(found))
    return "[" + ", ".join(names) + "]" if names else "none"


def failures(
    expect: Expectations, record: CallRecord, card: dict[str, Any], doc: LocatedDoc, index: int
) -> list[str]:
    """Why the call did not meet the expectations; empty when it did."""
    from scoring.compliance import RULES
    from scoring.principles import KEYS

    out: list[str] = []
    if expect.outcome is not None and record.outcome != expect.outcome:
        out.append(f"expected outcome {expect.outcome}; got {record.outcome}{_last_debtor_line(record)}")
    if expect.hangs_up_by_turn is not None:
        turn = _hang_up_turn(record)
        if turn is None:
            out.append(
                f"expected the debtor to hang up by turn {expect.hangs_up_by_turn}; "
                f"the call ended with {record.outcome}{_last_debtor_line(record)}"
            )
        elif turn > expect.hangs_up_by_turn:
            out.append(
                f"expected the debtor to hang up by turn {expect.hangs_up_by_turn}; "
                f"they hung up after turn {turn}"
            )
    principles: dict[str, Any] = card["principles"]
    for name, comparison in expect.principles.items():
        if name in KEYS and name not in principles:
            out.append(f"{name} is not scored on this call, so it cannot be {comparison.strip()}")
            continue
        if name not in principles:
            where: Key = ("tests", index, "expect", "principles", name)
            hint = suggest(name, KEYS) or "; the principles are " + ", ".join(KEYS)
            out.append(str(doc.problem(where, f"unknown principle {name!r}{hint}", of_key=True)))
            continue
        score = principles[name]["score"]
        if not compare(score, comparison):
            out.append(f"{name} scored {score}; expected {comparison.strip()}{_first_note(principles[name])}")
    unknown = [(i, rule) for i, rule in enumerate(expect.compliance or []) if rule not in RULES]
    for i, rule in unknown:
        at: Key = ("tests", index, "expect", "compliance", i)
        hint = suggest(rule, RULES) or "; the rules are " + ", ".join(RULES)
        out.append(str(doc.problem(at, f"unknown compliance rule {rule!r}{hint}")))
    if expect.compliance is not None and not unknown:
        found = [finding["rule"] for finding in card["compliance"]]
        if set(found) != set(expect.compliance):
            out.append(f"expected compliance {_rules(expect.compliance)}; found {_rules(found)}")
    if expect.total is not None and not compare(card["total"], expect.total):
        out.append(f"total scored {card['total']}; expected {expect.total.strip()}")
    confirmed = record.commitment is not None and record.commitment.confirmed
    if expect.confirmed is not None and confirmed != expect.confirmed:
        wanted = "confirmed" if expect.confirmed else "not confirmed"
        out.append(f"expected the promise {wanted}; it was {'confirmed' if confirmed else 'not confirmed'}")
    missing = _missing_beats(expect.debtor_beats, record)
    if missing:
        beats = ", ".join(t.beat or "" for t in record.turns if t.speaker == "debtor")
        out.append(f"expected the debtor beat {missing} in that order; the debtor's beats were [{beats}]")
    return out


def _missing_beats(wanted: list[str], record: CallRecord) -> str | None:
    """The first expected beat not found, in order, among the debtor's beats (None: all found)."""
    beats = iter(t.beat for t in record.turns if t.speaker == "debtor")
    for beat in wanted:
        if not any(found == beat for found in beats):
            return beat
    return None


def _first_note(principle: dict[str, Any]) -> str:
    notes = principle.get("notes") or []
    if not notes:
        return ""
    note = notes[0]
    text = note.get("note") or note.get("text") or ""
    return f" (turn {note.get('turn')}: {text})" if text else ""


def format_result(result: TestResult) -> str:
    """One line: PASS, FAIL or SKIP, the scenario, the test and, unless it passed, why."""
    if result.skipped:
        return f"SKIP {result.scenario}: {result.reason}"
    if result.passed:
        return f"PASS {result.scenario}: {result.name}"
    return f"FAIL {result.scenario}: {result.name}: {result.reason}"


def report(results: list[TestResult], out: TextIO) -> int:
    """Print a line per result and a summary; the exit code is 1 when any test failed."""
    for result in results:
        print(format_result(result), file=out)
    failed = sum(1 for r in results if not r.passed)
    passed = sum(1 for r in results if r.passed and not r.skipped)
    print(f"{passed} passed, {failed} failed", file=out)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(report(run_scenario_tests([Path(a) for a in sys.argv[1:]] or None), sys.stdout))
