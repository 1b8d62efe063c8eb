"""Taking up a stopped drill call in the window: offered before the drill, by keyboard, with a real
SQLite file; the call goes on from where it stopped and is saved as the same call."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.drills import load_drill
from game.engine.scenario import load_scenario
from game.engine.scenario.models import TranscriptTurn
from game.session import DrillSession
from game.session.phases import Phase
from game.store.store import ResultStore
from game.ui.app import App
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.call import CallScene
from game.ui.scenes.drill_start import DrillStartScene
from game.ui.scenes.scorecard import ScorecardScene
from tests.test_ui_support import app, frames, press, results_store, top, type_text

__all__ = ["app", "results_store"]

CLOCK = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)
FIRST = "Good morning, this is Jordan from Brightwater Home Medical. May I speak with Mrs. Margaret Ellison, please?"


@pytest.fixture
def store(results_store: Path) -> Iterator[ResultStore]:
    opened = ResultStore.open(f"sqlite:///{results_store}")
    yield opened
    opened.close()


def wait_for(app: App, ready: object, limit: float = 60.0) -> None:
    for _ in range(round(limit * 60)):
        if ready():  # type: ignore[operator]
            return
        app.frame()
    raise AssertionError("the window never got there")


def stopped_call(store: ResultStore) -> int:
    """Call 1 of the drill, one line said, then the game stopped (a closed window, Ctrl-C)."""
    run = DrillSession(load_drill("new-hire-basics"), "Ana Ruiz", store, load_scenario, clock=lambda: CLOCK)
    session = run.dial()
    session.play(TranscriptTurn(say=FIRST))
    run.turns_changed(session)
    run.stop(session)
    [call_id] = store.unfinished("Ana Ruiz")
    return call_id


def test_the_drill_start_offers_the_stopped_call_and_the_call_goes_on_from_there(
    app: App, store: ResultStore
) -> None:
    call_id = stopped_call(store)
    said_before = store.turns(call_id)
    app.kit.results.store = store
    app.apply_settings(replace(app.kit.settings, trainee="Ana Ruiz"))
    app.kit.nav.push(DrillStartScene(app.kit, load_drill("new-hire-basics")))
    start = top(app)
    assert isinstance(start, DrillStartScene)
    wait_for(app, lambda: start.stopped is not None)
    assert start.stopped is not None and start.stopped.call_id == call_id and start.stopped_number() == 1
    frames(app)
    assert "take_up" in [t.name for t in start.ring.targets]
    press(app, pygame.K_TAB)
    assert start.ring.current is not None and start.ring.current.name == "take_up"
    press(app, pygame.K_RETURN)
    wait_for(app, lambda: isinstance(top(app), BriefingScene))
    press(app, pygame.K_RETURN)
    call = top(app)
    assert isinstance(call, CallScene)
    assert [t.as_dict() for t in call.session.record.turns] == said_before
    assert any(FIRST in entry for entry in call.entries) and any("Taken up" in e for e in call.entries)
    wait_for(app, lambda: call.ready_for_input())
    assert call.replies == 2  # the opening, from before; then the last line, said again
    assert sum(html.escape(said_before[-1]["text"]) in entry for entry in call.entries) == 1
    type_text(app, "Your balance is $186.40. Can you pay it today by debit card?")
    press(app, pygame.K_RETURN)
    wait_for(app, lambda: call.ready_for_input() or call.phase is Phase.ENDED)
    press(app, pygame.K_F10)
    wait_for(app, lambda: call.phase is Phase.ENDED)
    press(app, pygame.K_RETURN)
    wait_for(app, lambda: isinstance(top(app), ScorecardScene))
    app.kit.jobs.settle()
    assert store.unfinished_calls() == []
    [result] = store.results()
    assert result.call_id == call_id
    turns = store.saved_call(call_id).record["turns"]
    assert turns[: len(said_before)] == said_before and len(turns) > len(said_before)
    assert turns[len(said_before)]["text"].startswith("Your balance is $186.40")
