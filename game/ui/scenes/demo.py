"""Watch a pro (or a poor call): a scenario's model call played in the call scene as a demonstration.

The collector's side comes from the scenario's ``model_call`` (or ``poor_call``) and is timed as
``replay`` times it, so the demo scores exactly as the scenario's own checks do; the debtor answers
through the engine, shown and voiced as in a real call. A coach's column fills in as the call goes:
each part of a good call as it is met (the live chips) and each coaching note as it is earned (the
live scorecard's top notes, with the better line). Then the demo's scorecard; Esc goes back to the
briefing at any time, to practise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pygame

from game.engine.record import TraineeTurn
from game.engine.replay import timed_turn
from game.engine.scenario import Scenario
from game.engine.scenario.models import TranscriptTurn
from game.engine.step import DebtorLine, speech_seconds
from game.engine.transcript import TRAINEE_WPM
from game.i18n import N_, _, ngettext
from game.session import TurnResult
from game.session.phases import Cue, Phase
from game.ui import draw, gateway, routes
from game.ui.call_view import CallView
from game.ui.jobs import JOB_DONE
from game.ui.names import principle_name, where
from game.ui.scene import Kit
from game.ui.scenes.call import CHIP_LABELS, KEEP_CHIPS, SILENCE_MIN, CallScene

PRO_BEAT = 0.7
REACTION = 0.5
WHO = {"pro": N_("The pro"), "poor": N_("The collector")}
WATCHING = {"pro": N_("Watching a pro"), "poor": N_("Watching a poor call")}
SPEEDS = (1.0, 2.0, 4.0)
COACH_KEYS = {pygame.K_DOWN: 1, pygame.K_UP: -1, pygame.K_PAGEDOWN: 3, pygame.K_PAGEUP: -3}
CHIP_WHY = {
    "greeted": N_("Opens warmly: the first seconds set the tone."),
    "introduced": N_("Says who is calling, and for whom."),
    "name_used": N_("Uses the debtor's name: it keeps the call personal."),
    "asked_for_debtor": N_("Asks for the debtor before saying anything about the account."),
    "message_left": N_("Leaves a call-back message without the reason for the call."),
    "nothing_disclosed": N_("Tells the third party nothing about the debt."),
    "disclosure_given": N_("Gives the required disclosure early."),
    "amount_stated": N_("States the exact balance: know the amount before you dial."),
    "commitment_asked": N_("Asks for the payment, plainly."),
    "date_asked": N_("Asks for a date: a promise needs one."),
    "commitment_made": N_("Gets a promise to pay."),
    "commitment_confirmed": N_("Reads the promise back and gets a yes."),
}


@dataclass(frozen=True)
class CoachNote:
    """One entry in the coach's column: something done well, or a note with the better line."""

    good: bool
    heading: str
    text: str
    better: str | None = None


class DemoCallScene(CallScene):
    """A call that plays itself, with a coach's column."""

    name = "demo"

    def __init__(self, kit: Kit, scenario: Scenario, kind: str = "pro") -> None:
        super().__init__(kit, scenario, 0)
        self.kind = kind
        source = scenario.model_call if kind == "pro" else scenario.poor_call
        self.turns: list[TranscriptTurn] = list(source or [])
        self.you = N_("Pro") if kind == "pro" else N_("Collector")
        self.spoken = False
        self.typed_instead = False
        self.current: TranscriptTurn | None = None
        self.pro_line: str | None = None
        self.pro_at = 0.0
        self.pro_for = 1.0
        self.coach: list[CoachNote] = []  # newest first
        self.coach_from = 0  # the first note shown (the coach's column scrolls by keyboard)
        self._noted: set[tuple[str, Any]] = set()

    # the collector's side
    def back(self) -> None:
        self.kit.nav.pop()

    def _queue(self, line: DebtorLine) -> None:
        """Debtor replies come a beat after the collector's line, whatever the engine's clock says."""
        if self.phase is not Phase.RINGING:
            start = self.now() + REACTION
            line = replace(line, start=start, end=start + line.end - line.start)
        super()._queue(line)

    def _step_work(self, turn: TraineeTurn) -> Callable[[], TurnResult]:
        session = self.session
        return lambda: session.take(turn, notes=True)

    def _stepped(self, result: TurnResult) -> None:
        before = dict(self.chips)
        super()._stepped(result)
        self._learn(before, result)

    def _learn(self, before: dict[str, bool], result: TurnResult) -> None:
        """What the last turn earned: chips that lit up, and notes not seen before."""
        turns = result.state.turns
        index = next((i for i in range(len(turns) - 1, -1, -1) if turns[i].speaker == "trainee"), 0)
        earned: list[CoachNote] = []
        missed: list[CoachNote] = []
        for key, lit in result.chips.items():
            if lit and not before.get(key) and key in CHIP_WHY and key not in KEEP_CHIPS:
                earned.append(CoachNote(True, f"{where(index)} · {_(CHIP_LABELS[key]).upper()}", _(CHIP_WHY[key])))
        for note in result.notes:
            seen = (note.topic, note.turn)
            if seen in self._noted:
                continue
            self._noted.add(seen)
            about = principle_name(note.topic.split(".")[0]).upper() if note.topic else _("THE CALL")
            missed.append(CoachNote(False, f"{where(note.turn)} · {about}", note.note, note.better))
        self.coach[0:0] = missed + earned

    def _drive(self) -> None:
        """Say the next line of the script when the collector would."""
        if self.phase is Phase.ENDED:
            return
        now = self.now()
        if self.pro_line is not None:
            if now >= self.pro_at + self.pro_for:
                self._say(self.pro_line)
            return
        upcoming = self.turns[0] if self.turns else None
        if upcoming is not None and upcoming.interrupt and self.phase is Phase.DEBTOR and self.revealed >= 0.5:
            self.turns.pop(0)
            self._interrupt_cut()
            text = upcoming.say or ""
            self._log_trainee(text, interrupt=True)
            self._send(timed_turn(self.state, upcoming, text))
            return
        if self.phase is not Phase.TRAINEE:
            return
        if upcoming is None:
            self._end()
            self.end_reason = _("End of the demonstration.")
            return
        self.current = self.turns.pop(0)
        if self.current.hangup:
            self._log_note(_("{who} hangs up.").format(who=_(WHO[self.kind])))
            self._send(timed_turn(self.state, self.current, ""), Cue.HANG_UP)
        elif self.current.wait is not None:
            self.flow.go(Cue.HOLD)
            self.hold_from = now
        else:
            self.pro_line = self.current.say or ""
            self.pro_at = now + PRO_BEAT
            self.pro_for = max(0.8, speech_seconds(self.pro_line, TRAINEE_WPM))
            self.flow.go(Cue.PRO_SPEAKS)

    def _say(self, text: str) -> None:
        assert self.current is not None
        self.pro_line = None
        self._log_trainee(text)
        self._send(timed_turn(self.state, self.current, text))

    def hold_seconds(self) -> float:
        wait = self.current.wait if self.current is not None else None
        return wait if wait is not None else SILENCE_MIN

    def _silence_turn(self, now: float) -> TraineeTurn:
        assert self.current is not None
        return timed_turn(self.state, self.current, "")

    def silence_note(self, seconds: float) -> str:
        who = _(WHO[self.kind]).lower()
        return _("({who} lets the silence work, {seconds} s)").format(who=who, seconds=f"{seconds:.0f}")

    def update(self, dt: float) -> None:
        super().update(dt)
        self._drive()

    def to_scorecard(self) -> None:
        self.leaving = True
        if self.card is None:
            self._score()
            return
        done_well = tuple((note.heading, note.text) for note in reversed(self.coach) if note.good)
        self.swap(
            routes.Scorecard(self.scenario, self.record(), self.card, self.seed, demo=self.kind, highlights=done_well)
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == JOB_DONE:
            return self.handle_job(event)
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.back()
            return True
        if self.phase is Phase.ENDED and gateway.key(event, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.to_scorecard()
            return True
        if gateway.key(event, pygame.K_SPACE, pygame.K_p):
            self.toggle_pause()
            return True
        if gateway.key(event, pygame.K_f, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.faster()
            return True
        if event.type == pygame.KEYDOWN and event.key in COACH_KEYS:
            self.scroll_coach(COACH_KEYS[event.key])
            return True
        return self.handle_common(event)

    # layout
    def notices(self) -> list[str]:
        return [_(self.kit.voice.notice)] if self.kit.voice.notice else []

    def keys_hint(self) -> str:
        if self.phase is Phase.ENDED:
            return _("Enter: the scorecard of this call · Esc: back to the briefing")
        pause = _("Space: go on") if self.pace.paused else _("Space: pause")
        speed = (
            _("F: faster (now {speed}×)").format(speed=f"{self.pace.speed:g}")
            if self.pace.speed != 1
            else _("F: faster")
        )
        return _("{pause} · {speed} · Up/Down: the coach's notes · Esc: back to the briefing").format(
            pause=pause, speed=speed
        )

    def status_text(self, status: str) -> str:
        watching = _(WATCHING[self.kind]) if self.kind in WATCHING else _("Watching")
        if self.pace.paused:
            return _("{watching} (paused)").format(watching=watching)
        if self.pace.speed == 1:
            return watching
        return _("{watching} ({speed}× faster, no voice)").format(watching=watching, speed=f"{self.pace.speed:g}")

    # pace
    def toggle_pause(self) -> None:
        """Hold the demo where it is (Space), or let it go on."""
        if self.phase is Phase.ENDED:
            return
        self.pace.set_pace(paused=not self.pace.paused)
        if self.pace.paused:
            self.kit.voice.stop()

    def faster(self) -> None:
        """Twice, then four times as fast, then back to the pace of a real call (F)."""
        following = SPEEDS[(SPEEDS.index(self.pace.speed) + 1) % len(SPEEDS)] if self.pace.speed in SPEEDS else 1.0
        self.pace.set_pace(speed=following)
        if following != 1.0:
            self.kit.voice.stop()

    def scroll_coach(self, by: int) -> None:
        """Move the coach's column by ``by`` notes (newest at the top)."""
        self.coach_from = max(0, min(len(self.coach) - 1, self.coach_from + by))

    def arrange(self) -> None:
        """No input row: the chips move down into it, the transcript grows, and shares its row with the
        coach's column."""
        transcript, chips, row = self.layout["transcript"], self.layout["chips"], self.layout["input"]
        chips.bottom = row.bottom
        transcript.height = chips.y - 12 - transcript.y
        coach_w = transcript.width * (56 if self.compact else 46) // 100
        self.layout["coach"] = pygame.Rect(transcript.right - coach_w, transcript.y, coach_w, transcript.height)
        transcript.width -= coach_w + 14

    def build_controls(self, input_rect: pygame.Rect, button_h: int) -> None:
        top = self.layout["top"]
        fonts = self.kit.look.fonts
        label = _("Back to the briefing (Esc)") if top.width >= 1000 else _("Back (Esc)")
        w = fonts.get(17).size(label)[0] + 36
        rect = pygame.Rect(top.width - 24 - w, (top.height - button_h + 8) // 2, w, button_h - 8)
        self.corner = self.button(rect, label, self.back, name="back", style="secondary")
        if self.phase is Phase.ENDED:
            label = _("See the scorecard (Enter)")
            w = fonts.get(17).size(label)[0] + 44
            scorecard = pygame.Rect(rect.x - 16 - w, rect.y, w, rect.height)
            self.corner = self.button(scorecard, label, self.to_scorecard, name="scorecard")
            self.ring.focus("scorecard")

    def make_view(self) -> CallView:
        return DemoView(self)


class DemoView(CallView):
    """The call's look, with the demo's collector in the subtitle and the coach's column."""

    call: DemoCallScene

    def __init__(self, call: DemoCallScene) -> None:
        super().__init__(call)
        self.call = call

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if self.call.layout:
            self.draw_coach(surface)

    def subtitle(self) -> tuple[str, str, bool]:
        call = self.call
        if call.pro_line is None:
            return super().subtitle()
        said = max(0.0, min(1.0, (call.now() - call.pro_at) / call.pro_for))
        return _(WHO[call.kind]).upper(), call.pro_line[: round(len(call.pro_line) * said)] or "...", True

    def draw_coach(self, surface: pygame.Surface) -> None:
        """The coach's notes, newest first, from ``coach_from`` down; a line says how many are above and
        below, so none is out of reach."""
        call = self.call
        palette, fonts = call.kit.look.palette, call.kit.look.fonts
        area = call.layout["coach"]
        draw.panel(surface, area, palette)
        inner = area.inflate(-28, -24)
        label = fonts.get(13, bold=True)
        heading = _("THE COACH")
        if call.coach:
            count = len(call.coach)
            heading += " · " + ngettext("{n} note", "{n} notes", count).format(n=count)
        draw.text(surface, label, heading, palette.accent, inner.topleft)
        y = inner.y + label.get_linesize() + 6
        small, body, bold = fonts.get(12, bold=True), fonts.get(14), fonts.get(14, bold=True)
        if not call.coach:
            text = _("Notes appear here as the call earns them.")
            draw.paragraph(surface, body, text, palette.muted, pygame.Rect(inner.x, y, inner.width, 60), 2)
            return
        bottom = inner.bottom - small.get_linesize()
        shown = 0
        for note in call.coach[call.coach_from :]:
            tint = palette.success if note.good else palette.danger
            parts = [(small, ("✓ " if note.good else "! ") + note.heading, tint), (body, note.text, palette.ink)]
            if note.better:
                parts.append((bold, _('Try: "{line}"').format(line=note.better), palette.accent))
            height = sum(len(draw.wrap(f, t, inner.width)) * f.get_linesize() for f, t, _ in parts)
            if y + height > bottom and shown > 0:
                break
            for font, text, colour in parts:
                lines = (bottom - y) // font.get_linesize()
                if lines < 1:
                    break
                room = pygame.Rect(inner.x, y, inner.width, lines * font.get_linesize())
                y += draw.paragraph(surface, font, text, colour, room, lines)
            shown += 1
            y += 10
            if y < bottom:
                pygame.draw.line(surface, palette.panel_edge, (inner.x, y - 5), (inner.right, y - 5))
        above, below = call.coach_from, len(call.coach) - call.coach_from - shown
        if above or below:
            where_more = [_("{n} newer above (Up)").format(n=above)] if above else []
            where_more += [_("{n} more below (Down)").format(n=below)] if below else []
            more = " · ".join(where_more)
            draw.text(surface, small, more, palette.muted, (inner.x, inner.bottom - small.get_linesize()))


@routes.opens(routes.Demo)
def _open(kit: Kit, route: routes.Demo) -> DemoCallScene:
    return DemoCallScene(kit, route.scenario, route.kind)
