"""The call and the scorecard, driven by typing, Enter, the silence key, Escape and clicks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pygame

from game.engine.scenario import load_scenario
from game.session.phases import Phase
from game.ui.app import App, run_play
from game.ui.scenes.call import SILENCE_MIN, CallScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.scorecard import ScorecardScene
from tests.test_ui_support import app, click, press, seconds, top, type_text

__all__ = ["app"]


def start(app: App, scenario_id: str = "angry-contractor") -> CallScene:
    """Open a call over the menu and wait until the debtor has answered."""
    app.kit.nav.push(MenuScene(app.kit))
    call = CallScene(app.kit, load_scenario(scenario_id))
    app.kit.nav.push(call)
    wait_for_turn(app, call)
    return call


def wait_for_turn(app: App, call: CallScene, limit: float = 30.0) -> None:
    for _ in range(round(limit * 60)):
        if call.ready_for_input() or call.phase is Phase.ENDED:
            return
        app.frame()
    raise AssertionError(f"the call never reached the trainee's turn (phase {call.phase})")


def say(app: App, call: CallScene, text: str) -> None:
    type_text(app, text)
    press(app, pygame.K_RETURN, after=4)


def test_the_answer_is_revealed_then_the_trainee_may_speak(app: App) -> None:
    call = start(app)
    assert call.replies == 1
    assert call.entries and "Mike Brennan" in call.entries[0]


def test_typing_and_enter_sends_a_turn_and_the_debtor_replies(app: App) -> None:
    call = start(app)
    say(app, call, "Good morning, may I speak with Mr. Brennan?")
    assert call.state is not None
    trainee = [t for t in call.state.turns if t.speaker == "trainee"]
    assert [t.text for t in trainee] == ["Good morning, may I speak with Mr. Brennan?"]
    assert not trainee[0].interrupt
    assert any("Good morning, may I speak" in e for e in call.entries)
    wait_for_turn(app, call)
    assert call.replies == 2
    assert call.chips["name_used"] is True


def test_the_silence_key_holds_a_silence_of_at_least_the_minimum(app: App) -> None:
    call = start(app)
    press(app, pygame.K_F2)
    assert call.phase is Phase.HOLDING
    seconds(app, SILENCE_MIN + 0.2)
    assert call.state is not None
    silent = [t for t in call.state.turns if t.speaker == "trainee"]
    assert len(silent) == 1 and silent[0].text == "" and silent[0].silence >= SILENCE_MIN


def test_enter_on_an_empty_line_also_stays_silent(app: App) -> None:
    call = start(app)
    press(app, pygame.K_RETURN)
    assert call.phase is Phase.HOLDING


def test_typing_ends_a_held_silence(app: App) -> None:
    call = start(app)
    press(app, pygame.K_F2)
    type_text(app, "Hello")
    assert call.phase is Phase.TRAINEE


def test_sending_while_the_debtor_speaks_is_an_interruption(app: App) -> None:
    call = start(app)
    say(app, call, "Good morning, may I speak with Mr. Brennan?")
    for _ in range(600):
        if call.speaking and call.revealed > 0.3:
            break
        app.frame()
    assert call.speaking
    say(app, call, "Sorry, go on.")
    assert call.state is not None
    last = [t for t in call.state.turns if t.speaker == "trainee"][-1]
    assert last.text == "Sorry, go on." and last.interrupt
    assert call.chips["no_interruptions"] is False


def test_escape_then_enter_hangs_up_and_the_scorecard_saves_progress(app: App) -> None:
    call = start(app)
    say(app, call, "Good morning, this is Anna from Northwind Supply.")
    wait_for_turn(app, call)
    press(app, pygame.K_ESCAPE)
    assert call.confirm_hangup
    press(app, pygame.K_RETURN)
    assert call.phase is Phase.ENDED and call.state is not None and call.state.ended_by == "trainee"
    press(app, pygame.K_RETURN)
    card = top(app)
    assert isinstance(card, ScorecardScene)
    assert card.card.outcome == "trainee_hung_up"
    app.kit.jobs.settle()
    saved = json.loads((app.kit.home / "progress.json").read_text(encoding="utf-8"))
    assert [c["scenario"] for c in saved["calls"]] == ["angry-contractor"]
    assert saved["calls"][0]["outcome"] == "trainee_hung_up"


def test_escape_then_escape_keeps_the_call_going(app: App) -> None:
    call = start(app)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert not call.confirm_hangup and call.phase is Phase.TRAINEE


def test_clicking_hang_up_ends_the_call(app: App) -> None:
    call = start(app)
    assert call.hangup_button is not None
    click(app, call.hangup_button.relative_rect)
    assert call.phase is Phase.ENDED


def test_the_debtor_can_hang_up(app: App) -> None:
    call = start(app)
    say(app, call, "You deadbeat, we'll come to your house and you'll be arrested!")
    for _ in range(20):
        wait_for_turn(app, call)
        if call.phase is Phase.ENDED:
            break
        say(app, call, "PAY NOW YOU DEADBEAT!!")
    assert call.phase is Phase.ENDED and call.state is not None and call.state.ended_by == "debtor"
    seconds(app, 3.0)
    card = top(app)
    assert isinstance(card, ScorecardScene) and card.card.outcome == "hung_up"
    assert card.card.compliance


def test_scorecard_retry_starts_the_same_call_and_next_briefs_another(app: App) -> None:
    call = start(app)
    press(app, pygame.K_F10)
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), ScorecardScene)
    press(app, pygame.K_t)
    assert top(app).turn_view  # type: ignore[attr-defined]
    press(app, pygame.K_r)
    again = top(app)
    assert isinstance(again, CallScene) and again.scenario.id == call.scenario.id
    press(app, pygame.K_F10)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_n)
    assert top(app).name == "briefing"
    assert top(app).scenario.id != call.scenario.id  # type: ignore[attr-defined]


def test_scripted_play_saves_a_screenshot_per_reply_and_of_the_scorecard(tmp_path: Path) -> None:
    script = tmp_path / "call.yaml"
    script.write_text(
        "turns:\n"
        '  - say: "Good morning, may I speak with Mr. Brennan?"\n'
        '  - say: "This is Anna from Northwind Supply, about your balance of $1,250."\n'
        "  - wait: 4\n"
        '  - say: "Sorry, go on."\n'
        "    interrupt: true\n"
        "  - hangup: true\n",
        encoding="utf-8",
    )
    shots = tmp_path / "shots"
    code = run_play(
        "angry-contractor",
        voice=False,
        script=str(script),
        screenshots=str(shots),
        settings_dir=tmp_path / "home",
    )
    assert code == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[-1].endswith("scorecard.png")
    assert len(names) >= 5
    assert pygame.image.load(str(shots / names[-1])).get_size() == (1280, 720)
    progress = json.loads((tmp_path / "home" / "progress.json").read_text(encoding="utf-8"))
    assert progress["calls"][0]["outcome"] == "trainee_hung_up"


def test_no_display_gives_one_sentence_pointing_to_the_console(tmp_path: Path) -> None:
    code = (
        "import os; os.environ['SDL_VIDEODRIVER'] = 'x11'; os.environ.pop('DISPLAY', None)\n"
        "from game.ui.app import NoDisplay, run_menu\n"
        "try:\n    run_menu()\nexcept NoDisplay as err:\n    print(err)\n"
    )
    env = {"COLLECTOR_SIM_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert "collector-sim console" in out.stdout
    assert out.stdout.strip().count("\n") == 0
