"""Cases in the window, driven by keys: the list, the file and the time, two live calls, the notes, the scorecard.

Real pygame on the dummy drivers, the real case file and personas, the engine answering typed lines.
"""

from __future__ import annotations

import datetime as dt

import pygame

from game.cases.files import CASES_DIR, load_case
from game.cases.models import NoteForm
from game.session.phases import Phase
from game.ui.app import App
from game.ui.case_run import CaseRun
from game.ui.scenes.case_call import CaseCallScene
from game.ui.scenes.case_file import CaseFileScene
from game.ui.scenes.case_list import CasesScene
from game.ui.scenes.case_note import CaseNoteScene
from game.ui.scenes.case_scorecard import CaseScorecardScene
from game.ui.scenes.menu import MenuScene
from tests.test_ui_support import app, frames, press, seconds, top, type_text

__all__ = ["app"]

OPENING = [
    "Good morning, this is Jordan Ellis calling from Lakeshore Tool Distributors."
    " Am I speaking with Mr. Walter Pruitt?",
    "Thank you, Mr. Pruitt. This is an attempt to collect a debt, and any information obtained will be used for that"
    " purpose. I'm calling about invoice LT-88214. The balance is $2,375.",
    "Mr. Pruitt, can you pay the $2,375 today by bank transfer?",
]


def wait_for_turn(app: App, call: CaseCallScene) -> None:
    for _ in range(60 * 40):
        if call.ready_for_input() or call.phase is Phase.ENDED:
            return
        app.frame()
    raise AssertionError(f"the call never reached the trainee's turn (phase {call.phase})")


def take_call(app: App, read_back: str) -> CaseCallScene:
    """Dial from the file, say the lines (a held silence after the ask), and wait for the note form."""
    press(app, pygame.K_RETURN, after=4)
    call = top(app)
    assert isinstance(call, CaseCallScene)
    for line in [*OPENING, None, read_back, "Thank you, Mr. Pruitt. Have a good day."]:
        wait_for_turn(app, call)
        assert call.phase is not Phase.ENDED, call.entries[-3:]
        if line is None:
            press(app, pygame.K_F2)
            seconds(app, 4.5)
        else:
            type_text(app, line)
            press(app, pygame.K_RETURN, after=4)
    wait_for_turn(app, call)
    assert call.phase is Phase.ENDED
    press(app, pygame.K_RETURN, after=4)
    assert isinstance(top(app), CaseNoteScene)
    return call


def write_note(app: App, amount: str, days_on: int) -> NoteForm:
    """Outcome promise (the first choice), the amount, the date and next date ``days_on`` after the call."""
    press(app, pygame.K_DOWN)
    type_text(app, amount)
    press(app, pygame.K_DOWN)
    for _ in range(days_on + 1):
        press(app, pygame.K_RIGHT)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RIGHT)  # the first method: bank transfer
    press(app, pygame.K_DOWN)
    type_text(app, "check the transfer")
    press(app, pygame.K_DOWN)
    for _ in range(days_on + 1):
        press(app, pygame.K_RIGHT)
    scene = top(app)
    assert isinstance(scene, CaseNoteScene)
    note = scene.note()
    assert note is not None
    press(app, pygame.K_RETURN, after=4)
    return note


def test_a_whole_two_call_case_by_keyboard(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    frames(app)
    press(app, pygame.K_c)
    cases = top(app)
    assert isinstance(cases, CasesScene)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    assert cases.ring.current is not None and cases.ring.current.name == "case:pruitt-promise"
    press(app, pygame.K_RETURN, after=4)
    file = top(app)
    assert isinstance(file, CaseFileScene)
    assert file.at == dt.datetime(2026, 12, 2, 9, 0)
    # three hours earlier is 05:00 on the debtor's clock: outside the allowed hours, said before dialling
    for _ in range(3):
        press(app, pygame.K_DOWN)
    assert file.preview.debtor_time == dt.datetime(2026, 12, 2, 5, 0)
    assert [words for words, _law in file.warnings()] == ["Outside the allowed hours"]
    for _ in range(3):
        press(app, pygame.K_UP)
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT)  # Friday the 4th, 08:00 his time: the first minutes of his day, before payday
    assert file.at == dt.datetime(2026, 12, 4, 9, 0) and file.warnings() == []
    labels = [label for label, good in file.moments() if good]
    assert "in the first minutes of the working day" in labels and "just before payday" in labels
    assert file.preview.answered

    take_call(app, "So that's $1,000 by bank transfer on Tuesday, December 8. Is that correct?")
    first = write_note(app, "1000", 4)
    assert (first.outcome, first.amount, str(first.date)) == ("promise", 1000, "2026-12-08")
    assert first.method == "bank transfer"
    assert str(first.next_date) == "2026-12-08"

    second = top(app)
    assert isinstance(second, CaseFileScene)
    summaries = [line.summary for line in second.upcoming.briefing.file]
    assert any("note: promise, 1000, on 2026-12-08" in s for s in summaries)  # the note is the next briefing
    for _ in range(3):
        press(app, pygame.K_RIGHT)
    assert second.at == dt.datetime(2026, 12, 8, 9, 0) and second.warnings() == []
    take_call(app, "So that's $1,000 by bank transfer on Saturday, December 12. Is that correct?")
    write_note(app, "1000", 4)

    board = top(app)
    assert isinstance(board, CaseScorecardScene)
    card = board.card
    assert card["calls_placed"] == 2 and card["calls_answered"] == 2
    assert card["checks"]["notes_true"] and card["checks"]["contacts_lawful"]
    assert card["checks"]["promises_followed_up"] and card["findings"] == []
    assert [c["node"] for c in card["calls"]] == ["first", "broken"]  # seed 0: the first promise is broken
    press(app, pygame.K_RETURN, after=4)
    assert isinstance(top(app), MenuScene)


def test_an_unanswered_call_at_a_forbidden_hour_and_an_invented_promise_show_with_rule_and_evidence(app: App) -> None:
    run = CaseRun(load_case(CASES_DIR / "pruitt-promise.yaml"), seed=5)  # seed 5: nobody answers the first call
    app.kit.nav.push(MenuScene(app.kit))
    app.kit.nav.push(CaseFileScene(app.kit, run))
    frames(app)
    for _ in range(2):
        press(app, pygame.K_DOWN)  # 07:00 yours, 06:00 his
    file = top(app)
    assert isinstance(file, CaseFileScene) and not file.preview.answered
    assert file.warnings()[0][0] == "Outside the allowed hours"
    press(app, pygame.K_RETURN, after=4)
    assert isinstance(top(app), CaseNoteScene)
    press(app, pygame.K_DOWN)
    type_text(app, "500")
    press(app, pygame.K_RETURN, after=4)  # a promise of $500, on no date, with no next date
    assert isinstance(top(app), CaseFileScene)
    press(app, pygame.K_ESCAPE, after=4)
    board = top(app)
    assert isinstance(board, CaseScorecardScene)
    rules = {f["rule"]: f for f in board.card["findings"]}
    assert "call_at_forbidden_hour" in rules and "06:00" in rules["call_at_forbidden_hour"]["evidence"]
    assert "FDCPA §1692c(a)(1)" in rules["call_at_forbidden_hour"]["law"]
    assert "note_promise_not_made" in rules and "note_no_follow_up" in rules
    assert board.card["checks"]["contacts_lawful"] is False and board.card["passed"] is False
    # No promise was made, so nothing was followed up: a plain line, never a tick.
    assert (None, "No promise to follow up") in board.checks()
