"""Reading case and case-transcript files: located problems, references checked, persona scenarios resolved.

This is the shell's edge of the case package: it reads files and looks scenarios up (by id among the
shipped and user scenarios, or by a path next to the case). Everything it hands on is plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.cases.models import Case, CaseCall, CaseTranscript
from game.cases.timing import parse_local
from game.engine.scenario.checking import check_model, suggest
from game.engine.scenario.library import SHIPPED_DIR, ScenarioError, load_scenario
from game.engine.scenario.located_yaml import Key, LocatedDoc, Problem, YamlError, read_yaml
from game.engine.scenario.models import Scenario
from game.engine.transcript import turn_problems

CASES_DIR = SHIPPED_DIR / "cases"


class CaseError(Exception):
    """A case or case transcript is missing or invalid; ``problems`` are located one-liners."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class LoadedCase:
    case: Case
    scenarios: dict[str, Scenario]
    doc: LocatedDoc
    path: Path


def case_files() -> list[Path]:
    """The shipped case files, sorted: English ones, then the Chinese ones in ``zh/``."""
    return [p for folder in (CASES_DIR, CASES_DIR / "zh") for p in sorted(folder.glob("*.yaml")) if p.is_file()]


def _read(path: Path) -> LocatedDoc:
    try:
        return read_yaml(path)
    except YamlError as err:
        raise CaseError([err.problem]) from None


def order_problems(calls: list[CaseCall], doc: LocatedDoc, at: Key) -> list[Problem]:
    """The trainee's calls must be in time order."""
    out = []
    for i in range(1, len(calls)):
        if parse_local(calls[i].at) < parse_local(calls[i - 1].at):
            message = f"this call at {calls[i].at} is earlier than the one before it ({calls[i - 1].at})"
            out.append(doc.problem((*at, i, "at"), message))
    return out


def _calls_problems(calls: list[CaseCall], doc: LocatedDoc, at: Key) -> list[Problem]:
    """The trainee's calls in time order, each turn saying exactly one thing."""
    problems = order_problems(calls, doc, at)
    for c, call in enumerate(calls):
        where = {i: doc.where((*at, c, "turns", i)) for i in range(len(call.turns))}
        problems += turn_problems(call.turns, doc.path, where)
    return problems


def _graph_problems(case: Case, doc: LocatedDoc) -> list[Problem]:
    ids = [c.id for c in case.calls]
    out: list[Problem] = []
    reached = {ids[0]}
    for i, node in enumerate(case.calls):
        for event, branch in node.next.items():
            where: Key = ("calls", i, "next", event)
            if (branch.call is None) == (branch.end is None):
                out.append(doc.problem(where, "a branch needs exactly one of call (the next call's id) or end"))
            elif branch.call is not None and branch.call not in ids:
                out.append(doc.problem((*where, "call"), f"no call with id {branch.call!r}{suggest(branch.call, ids)}"))
            elif branch.call is not None:
                reached.add(branch.call)
    for i, node in enumerate(case.calls):
        if node.id not in reached:
            out.append(doc.problem(("calls", i, "id"), f"no branch leads to the call {node.id!r}"))
    return out


def _scenario(name: str, base: Path) -> Scenario:
    if name.endswith((".yaml", ".yml")):
        path = Path(name)
        return load_scenario(str(path if path.is_absolute() else base / path))
    return load_scenario(name)


def load_case(path: str | Path) -> LoadedCase:
    """Read, check and resolve a case file, raising CaseError with every problem found."""
    path = Path(path)
    doc = _read(path)
    case, problems = check_model(Case, doc)
    if case is None:
        raise CaseError(problems)
    problems = _graph_problems(case, doc)
    for t, test in enumerate(case.tests):
        problems += _calls_problems(test.calls, doc, ("tests", t, "calls"))
    scenarios: dict[str, Scenario] = {}
    for i, node in enumerate(case.calls):
        if node.scenario in scenarios:
            continue
        try:
            scenarios[node.scenario] = _scenario(node.scenario, path.parent)
        except ScenarioError as err:
            problems.append(doc.problem(("calls", i, "scenario"), f"the scenario {node.scenario!r}: {err}"))
    problems += _same_debtor(case, scenarios, doc)
    if problems:
        raise CaseError(sorted(problems))
    return LoadedCase(case, scenarios, doc, path)


def _same_debtor(case: Case, scenarios: dict[str, Scenario], doc: LocatedDoc) -> list[Problem]:
    """Every call of a case is about one debtor's one account: name, creditor, currency and balance agree."""
    if case.calls[0].scenario not in scenarios:
        return []
    first = scenarios[case.calls[0].scenario].account
    out = []
    for i, node in enumerate(case.calls[1:], start=1):
        other = scenarios.get(node.scenario)
        if other is None:
            continue
        for name in ("debtor_name", "creditor", "currency", "amount"):
            mine, theirs = getattr(other.account, name), getattr(first, name)
            if mine != theirs:
                message = f"the scenario {node.scenario!r} has {name} {mine!r}; the case's first call has {theirs!r}"
                out.append(doc.problem(("calls", i, "scenario"), message))
    return out


def find_case(name: str) -> LoadedCase:
    """A case by path, or by the id of a shipped case."""
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        if not candidate.is_file():
            raise CaseError([Problem(name, 1, 1, "no case file here")])
        return load_case(candidate)
    ids: list[str] = []
    for path in case_files():
        loaded = load_case(path)
        if loaded.case.id == name:
            return loaded
        ids.append(loaded.case.id)
    hint = suggest(name, ids) or f" (the cases are: {', '.join(ids)})"
    raise CaseError([Problem(name, 1, 1, f"no case with id {name!r}{hint}")])


def load_case_transcript(path: str | Path) -> CaseTranscript:
    """Read and check a `replay-case` file: calls in time order, each turn saying one thing."""
    doc = _read(Path(path))
    model, problems = check_model(CaseTranscript, doc)
    if model is None:
        raise CaseError(problems)
    problems = _calls_problems(model.calls, doc, ("calls",))
    if problems:
        raise CaseError(sorted(problems))
    return model
