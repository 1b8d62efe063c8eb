"""Scripted play: a transcript's turns played in the window as a trainee would play them.

Lines are typed as text-input events followed by Enter, ``wait`` presses the stay-silent key once the
silence has lasted that long, ``interrupt`` types while the debtor is still talking, and ``hangup``
clicks the hang-up button. All of it goes through the pygame event queue, so the window cannot tell
a script from a person. A PNG is saved after each debtor reply and one of the scorecard.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.engine.scenario.models import TranscriptTurn
from game.engine.transcript import Transcript
from game.session.phases import Phase
from game.ui import draw
from game.ui.scenes.call import CallScene
from game.ui.scenes.scorecard import ScorecardScene

if TYPE_CHECKING:
    from game.ui.app import App

CHARS_PER_FRAME = 3
FAST_CHARS_PER_FRAME = 12
MAX_SECONDS = 900


class ScriptedTrainee:
    """Feeds one transcript into the window's event queue, frame by frame."""

    def __init__(self, app: App, transcript: Transcript, screenshots: Path | None) -> None:
        self.app = app
        app.kit.calibration_skipped = True  # a transcript is typed: there is no voice to calibrate
        self.turns: list[TranscriptTurn] = list(transcript.turns)
        self.out = screenshots
        self.typing = ""
        self.fast = False
        self.turn: TranscriptTurn | None = None
        self.shots = 0
        self.replies_seen = 0
        self.saved: list[Path] = []
        self.frames = 0
        self.scorecard_frames = 0
        self.sent_at: int | None = None

    def save(self, name: str) -> None:
        if self.out is None:
            return
        self.out.mkdir(parents=True, exist_ok=True)
        self.shots += 1
        path = self.out / f"{self.shots:02d}-{name}.png"
        pygame.image.save(draw.screen(), str(path))
        self.saved.append(path)

    def _post_key(self, key: int) -> None:
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))

    def _click(self, rect: pygame.Rect) -> None:
        pos = rect.center
        pygame.mouse.set_pos(pos)
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, pos=pos, button=1, touch=False, window=None))

    def _type_some(self) -> None:
        count = FAST_CHARS_PER_FRAME if self.fast else CHARS_PER_FRAME
        chunk, self.typing = self.typing[:count], self.typing[count:]
        for ch in chunk:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        if not self.typing:
            self._post_key(pygame.K_RETURN)
            self.turn = None

    def _act(self, call: CallScene) -> None:
        """Start the next turn when the trainee would: after the debtor, or mid-line to cut in."""
        if self.typing:
            self._type_some()
            return
        done = call.state.trainee_turns if call.state else 0
        if self.sent_at is not None:
            if done <= self.sent_at and call.phase is not Phase.ENDED:
                return
            self.sent_at = None
        if self.turn is not None:
            waited = call.now() - call.debtor_done_at
            if self.turn.wait is not None and call.ready_for_input() and waited >= self.turn.wait:
                self._post_key(pygame.K_F2)
                self.turn = None
                self.sent_at = done
            return
        if not self.turns:
            if call.ready_for_input():
                call.to_scorecard()
            return
        upcoming = self.turns[0]
        cut_in = upcoming.interrupt and call.speaking and call.revealed >= 0.35
        if not (call.ready_for_input() or cut_in):
            return
        self.turn = self.turns.pop(0)
        if self.turn.wait is None:
            self.sent_at = done
        if self.turn.hangup:
            if call.hangup_button is not None:
                self._click(pygame.Rect(call.hangup_button.relative_rect))
            self.turn = None
        elif self.turn.say is not None:
            self.typing = self.turn.say
            self.fast = self.turn.interrupt
            self._type_some()

    def after_frame(self) -> None:
        top = self.app.kit.nav.top
        self.frames += 1
        if isinstance(top, CallScene):
            while top.replies > self.replies_seen:
                self.replies_seen += 1
                beat = (
                    next((t.beat for t in reversed(top.state.turns) if t.speaker == "debtor"), "reply")
                    if top.state
                    else "reply"
                )
                self.save(f"reply-{(beat or 'reply').replace(':', '-')}")
            self._act(top)
        elif isinstance(top, ScorecardScene):
            self.scorecard_frames += 1
            if self.scorecard_frames == 3:
                self.save("scorecard")
                self.app.quit(0)
        else:
            self.app.quit(0)

    def run(self, call: CallScene, *, real_time: bool) -> int:
        app = self.app
        app.kit.nav.push(call)
        ticker = pygame.time.Clock()
        try:
            while app.running and app.kit.nav.top is not None:
                app.frame()
                self.after_frame()
                if self.frames > MAX_SECONDS * 60:
                    print("collector-sim: the scripted call did not finish; stopping.", file=sys.stderr)
                    app.quit(1)
                if real_time:
                    ticker.tick(60)
        finally:
            app.close()
        return app.exit_code
