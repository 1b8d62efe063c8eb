"""The one call path and the one drill path, with no window: real scenarios, engine, scorer and store."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from game.drills import load_drill
from game.engine.replay import replay, timed_turn
from game.engine.scenario import load_scenario
from game.engine.scenario.models import TranscriptTurn
from game.session import CallSession, DrillSession
from game.session.call import play_script
from game.store.store import ResultStore

CLOCK = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path: Path) -> ResultStore:
    opened = ResultStore.open(f"sqlite:///{tmp_path / 'results.sqlite3'}")
    yield opened  # type: ignore[misc]
    opened.close()


def test_a_scripted_call_through_the_session_is_the_engines_replay_to_the_byte() -> None:
    scenario = load_scenario("angry-contractor")
    turns = list(scenario.model_call or [])
    session = CallSession(scenario, seed=3)
    record = play_script(session, turns)
    assert record.as_dict() == replay(scenario, turns, 3).as_dict()
    assert session.ended and session.finish().outcome == "commitment"


def test_the_live_chips_follow_each_turn_and_the_notes_come_when_asked() -> None:
    session = CallSession(load_scenario("cooperative-retiree"))
    assert session.chips()["name_used"] is False
    result = session.play(TranscriptTurn(say="Good morning, may I speak with Mrs. Ellison?"))
    assert result.chips["name_used"] is True and result.reply is not None and result.notes == ()
    line = "You owe us. Pay today or we will take your house."
    coached = session.take(timed_turn(session.state, TranscriptTurn(say=line), line), notes=True)
    assert coached.state is session.state
    assert any(note.topic.startswith("compliance") for note in coached.notes)


def test_a_drill_saves_every_turn_then_the_finished_call_with_its_verdict(store: ResultStore) -> None:
    drill = load_drill("new-hire-basics")
    run = DrillSession(drill, "Ana Ruiz", store, load_scenario, clock=lambda: CLOCK)
    session = run.dial()
    run.turns_changed(session)
    assert store.unfinished("Ana Ruiz") == []  # begun in the store with the trainee's first line
    session.play(TranscriptTurn(say="Good morning, this is Anna from Northwind."))
    run.turns_changed(session)
    [call_id] = store.unfinished("Ana Ruiz")
    assert [t["speaker"] for t in store.turns(call_id)] == ["debtor", "trainee", "debtor"]
    session.play(TranscriptTurn(hangup=True))
    taken = run.finish(session)
    assert store.unfinished("Ana Ruiz") == []
    saved = store.saved_call(call_id)
    assert saved.scorecard["drill_passed"] is taken.passed is False
    assert saved.scorecard["total"] == taken.total
    assert taken.lead_note() is not None


def test_a_call_that_did_not_pass_may_be_retried_while_attempts_remain_then_the_drill_moves_on(
    store: ResultStore,
) -> None:
    drill = load_drill("new-hire-basics").model_copy(update={"attempts": 2})
    run = DrillSession(drill, "Ana Ruiz", store, load_scenario, clock=lambda: CLOCK)
    first = run.scenario()
    for _ in range(2):
        session = run.dial()
        session.play(TranscriptTurn(hangup=True))
        run.finish(session)
        if run.can_retry():
            assert run.retry() and run.attempt == 2
    assert not run.can_retry() and run.call_passed(1) is False
    following = run.next_call()
    assert following is not None and first is not None and following.id != first.id
    assert run.number == 2 and run.attempt == 1 and not run.passed()


def test_a_scenario_that_cannot_be_found_is_skipped_and_named(store: ResultStore) -> None:
    drill = load_drill("new-hire-basics")
    found = {"angry-contractor": load_scenario("angry-contractor")}
    run = DrillSession(drill, "Ana Ruiz", store, found.get, clock=lambda: CLOCK)
    scenario = run.scenario()
    assert scenario is not None and scenario.id == "angry-contractor"
    assert run.skipped == ["cooperative-retiree"] and run.number == 2


def test_the_session_needs_no_window() -> None:
    code = "import sys; sys.modules['pygame'] = None; import game.session, game.console, game.drill_console"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_stopped_call_keeps_its_turns_unfinished_and_one_left_before_a_word_leaves_nothing(
    store: ResultStore,
) -> None:
    drill = load_drill("new-hire-basics")
    run = DrillSession(drill, "Ana Ruiz", store, load_scenario, clock=lambda: CLOCK)
    assert run.stop(run.dial()) == 0
    assert store.unfinished("Ana Ruiz") == []
    session = run.dial()
    session.play(TranscriptTurn(say="Good morning, this is Anna from Northwind."))
    assert run.stop(session) == 3
    [call_id] = store.unfinished("Ana Ruiz")
    assert [t["speaker"] for t in store.turns(call_id)] == ["debtor", "trainee", "debtor"]
    assert run.taken == []
