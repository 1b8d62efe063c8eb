"""The call's phases and their transition table, without a window."""

from __future__ import annotations

import ast
from pathlib import Path

from game.session.phases import LIVE, TRANSITIONS, CallFlow, Cue, Phase, after

UI = Path(__file__).resolve().parent.parent / "game" / "ui"


def reachable(start: Phase) -> set[Phase]:
    seen, todo = {start}, [start]
    while todo:
        for following in TRANSITIONS[todo.pop()].values():
            if following not in seen:
                seen.add(following)
                todo.append(following)
    return seen


def test_every_phase_is_reachable_from_the_ring_and_every_phase_but_the_end_can_reach_the_end() -> None:
    assert reachable(Phase.RINGING) == set(Phase)
    assert all(Phase.ENDED in reachable(phase) for phase in Phase)
    assert TRANSITIONS[Phase.ENDED] == {}


def test_a_line_goes_from_the_debtor_to_the_trainee_and_back_through_the_engine() -> None:
    flow = CallFlow()
    for cue, phase in [
        (Cue.QUEUED, Phase.RINGING),
        (Cue.PICKED_UP, Phase.WAITING),
        (Cue.LINE_STARTS, Phase.DEBTOR),
        (Cue.LINE_SAID, Phase.TRAINEE),
        (Cue.SEND, Phase.THINKING),
        (Cue.QUEUED, Phase.WAITING),
    ]:
        assert flow.go(cue) and flow.phase is phase


def test_nothing_is_sent_while_the_engine_thinks_or_a_spoken_line_is_heard_or_after_the_end() -> None:
    for phase in (Phase.THINKING, Phase.TALKING, Phase.RINGING, Phase.ENDED):
        assert after(phase, Cue.SEND) is None
    assert after(Phase.HEARING, Cue.HANG_UP) is None and after(Phase.THINKING, Cue.HANG_UP) is None
    flow = CallFlow(Phase.THINKING)
    assert not flow.go(Cue.SEND) and flow.phase is Phase.THINKING


def test_the_trainee_may_cut_in_on_the_debtor_by_typing_talking_or_hanging_up() -> None:
    for cue in (Cue.SEND, Cue.TALK, Cue.PHRASE, Cue.HANG_UP):
        assert after(Phase.DEBTOR, cue) in (Phase.THINKING, Phase.TALKING, Phase.HEARING)
    assert {Phase.TRAINEE, Phase.HOLDING, Phase.DEBTOR, Phase.WAITING} == LIVE


def test_the_phone_rings_again_only_before_anyone_has_spoken() -> None:
    assert after(Phase.WAITING, Cue.RING_AGAIN) is Phase.RINGING
    assert after(Phase.TRAINEE, Cue.RING_AGAIN) is None


def imports_of(path: Path) -> tuple[set[str], list[str]]:
    """(game.ui modules imported at run time, game.ui modules imported inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    nested = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) for n in ast.walk(f)}
    found, inside = set(), []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name.startswith("game.ui.") and (UI.parent.parent / (name.replace(".", "/") + ".py")).exists():
                found.add(name)
                if id(node) in nested:
                    inside.append(name)
    return found, inside


def test_the_window_modules_import_each_other_at_the_top_and_in_no_loop() -> None:
    graph: dict[str, set[str]] = {}
    for path in UI.rglob("*.py"):
        module = ".".join(path.relative_to(UI.parent.parent).with_suffix("").parts).removesuffix(".__init__")
        found, inside = imports_of(path)
        assert inside == [] or path.name == "bench.py", f"{module} imports {inside} inside a function"
        graph[module] = found
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        if state.get(module) == 1:
            raise AssertionError("import loop: " + " -> ".join([*trail, module]))
        if state.get(module) == 2:
            return
        state[module] = 1
        for other in graph.get(module, ()):
            visit(other, [*trail, module])
        state[module] = 2

    for module in graph:
        visit(module, [])
