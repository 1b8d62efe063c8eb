"""Taking up a stopped drill call: its saved turns played again through the engine, then on live.

Real scenarios, engine, scorer and a real SQLite file (and PostgreSQL when a server is given); the
terminal end to end as a subprocess.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.drills import load_drill
from game.engine.scenario import load_scenario
from game.engine.scenario.models import TranscriptTurn
from game.session import CallSession, DrillSession
from game.session.resume import ResumeError
from game.store.store import ResultStore, StoreError
from scoring import load_rubric

CLOCK = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)
LINES = [
    "Good morning, this is Jordan from Brightwater Home Medical. May I speak with Mrs. Margaret Ellison, please?",
    "This is an attempt to collect a debt; any information will be used for that purpose. Your balance is $186.40.",
    "Would you be able to pay the $186.40 today by debit card?",
    "So that's $186.40 today by debit card, correct?",
    "Thank you, Mrs. Ellison. Have a lovely day.",
]


pytest_plugins = ["store_fixtures"]


@pytest.fixture
def store(store_url: str) -> Iterator[ResultStore]:
    """A real SQLite file, then a real PostgreSQL database (see ``store_fixtures``)."""
    opened = ResultStore.open(store_url)
    yield opened
    opened.close()


def drill_session(store: ResultStore) -> DrillSession:
    return DrillSession(load_drill("new-hire-basics"), "Ana Ruiz", store, load_scenario, clock=lambda: CLOCK)


def stop_after(store: ResultStore, lines: int, *, input_ended: bool = False) -> int:
    """Call 1 of the drill with its first ``lines`` lines said, then stopped; returns its id."""
    run = drill_session(store)
    session = run.dial()
    for line in LINES[:lines]:
        session.play(TranscriptTurn(say=line))
        run.turns_changed(session)
    assert run.stop(session, input_ended=input_ended) > 0
    [stopped] = store.unfinished_calls(trainee="Ana Ruiz")
    return stopped.call_id


def one_go() -> CallSession:
    drill = load_drill("new-hire-basics")
    session = CallSession(load_scenario("cooperative-retiree"), drill.seed, load_rubric(drill.rubric))
    for line in LINES:
        session.play(TranscriptTurn(say=line))
    return session


@pytest.mark.parametrize("input_ended", [False, True], ids=["interrupted", "input-ended"])
def test_a_stopped_call_taken_up_ends_as_if_it_had_never_stopped(store: ResultStore, input_ended: bool) -> None:
    call_id = stop_after(store, 2, input_ended=input_ended)
    [stopped] = store.unfinished_calls()
    assert stopped.reason == ("input_ended" if input_ended else "interrupted") and stopped.turns == 5
    saved = store.reopen_call(call_id)
    assert store.unfinished() == [call_id] and store.results() == []  # open again, and still no result
    run = drill_session(store)
    session, last = run.resume(call_id, stopped.scenario, stopped.seed, saved)
    assert [t.as_dict() for t in session.record.turns] == saved  # the same turns, to the byte
    assert last.text == saved[-1]["text"]
    for line in LINES[2:]:
        session.play(TranscriptTurn(say=line))
        run.turns_changed(session)
    taken = run.finish(session)
    whole = one_go()
    assert taken.card.as_dict() == whole.finish().as_dict()
    # The same call as one taken without a stop, but for the times: saved to the millisecond, so the lines
    # after the stop may start up to a millisecond apart.
    for resumed, unbroken in zip(session.record.as_dict()["turns"], whole.record.as_dict()["turns"], strict=True):
        assert {**resumed, "start": 0, "end": 0} == {**unbroken, "start": 0, "end": 0}
        assert abs(resumed["start"] - unbroken["start"]) <= 0.002 and abs(resumed["end"] - unbroken["end"]) <= 0.002
    assert store.unfinished_calls() == []
    [result] = store.results()
    assert result.call_id == call_id and result.total == taken.total and taken.passed
    assert len(store.saved_call(call_id).record["turns"]) == len(session.record.turns)


def test_only_an_unfinished_call_can_be_reopened(store: ResultStore) -> None:
    run = drill_session(store)
    session = run.dial()
    for line in LINES:
        session.play(TranscriptTurn(say=line))
        run.turns_changed(session)
    run.finish(session)
    [done] = store.results()
    with pytest.raises(StoreError, match="played to its end"):
        store.reopen_call(done.call_id)
    with pytest.raises(StoreError, match="no call 99"):
        store.reopen_call(99)


def test_a_call_whose_scenario_changed_says_so_rather_than_going_on(store: ResultStore) -> None:
    call_id = stop_after(store, 2)
    saved = store.reopen_call(call_id)
    saved[2] = {**saved[2], "text": "A line this scenario never says."}
    with pytest.raises(ResumeError, match="has changed since the call was saved"):
        drill_session(store).resume(call_id, "cooperative-retiree", load_drill("new-hire-basics").seed, saved)
    with pytest.raises(ResumeError, match="not one of the calls"):
        drill_session(store).resume(call_id, "cooperative-retiree", 12345, saved)


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_the_terminal_drill_offers_the_stopped_call_and_takes_it_up(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'results.sqlite3'}"
    drill = ("drill", "run", "new-hire-basics", "--trainee", "Ana Ruiz", "--console", "--db", url)
    first = _cli(*drill, stdin="\n".join(LINES[:2]) + "\n")
    assert first.returncode == 0, first.stderr
    assert "call 1 is saved unfinished" in first.stdout
    nothing = _cli(*drill, "--resume", "77")
    assert nothing.returncode == 1 and nothing.stderr.count("\n") == 1
    assert "has no unfinished call 77" in nothing.stderr
    again = _cli(*drill, "--resume", stdin="\n".join(LINES[2:]) + "\nHello, is this Mr. Brennan?\n")
    assert again.returncode == 0, again.stderr
    assert "(taken up where it stopped, after 5 turns)" in again.stdout
    assert f"you> {LINES[1]}" in again.stdout and "Drill mark: PASS" in again.stdout
    rows = json.loads(_cli("results", "--db", url, "--format", "json").stdout)
    assert [(r["scenario"], r["status"], r["passed"]) for r in rows] == [
        ("cooperative-retiree", "finished", True),
        ("angry-contractor", "input_ended", None),
    ]
    later = _cli(*drill, stdin="")
    assert f"Your call {rows[1]['call']} of this drill (angry-contractor) stopped unfinished on" in later.stdout
    assert "add --resume to take it up" in later.stdout
