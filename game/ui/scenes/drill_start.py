"""Before a drill: what it asks of the trainee, and the name its results are saved under.

The name typed last time is filled in. Enter starts the drill's first call; the name is kept in the
settings for next time.
"""

from __future__ import annotations

from dataclasses import replace

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.drills import Drill, drill_scenarios
from game.i18n import _
from game.session.resume import ResumeError, StoppedCall
from game.store.store import UnfinishedCall
from game.ui import draw, gateway, routes
from game.ui.drill_run import DrillRun
from game.ui.jobs import JOB_DONE
from game.ui.names import principle_name
from game.ui.scene import Kit, Scene

MAX_NAME = 200
STOPPED_JOB = "drill_stopped_calls"
REOPEN_JOB = "drill_call_reopened"


class DrillStartScene(Scene):
    """The drill's marks and calls, and a line for the trainee's name."""

    name = "drill_start"

    def __init__(self, kit: Kit, drill: Drill) -> None:
        super().__init__(kit)
        self.drill = drill
        self.typed = kit.settings.trainee
        self.message = ""
        self.entry: UITextEntryLine | None = None
        self._panel = pygame.Rect(0, 0, 0, 0)
        self.stopped: UnfinishedCall | None = None

    def enter(self) -> None:
        self.look_for_stopped()

    def look_for_stopped(self) -> None:
        """Ask the store (off the frame loop) for the trainee's latest stopped call of this drill."""
        store, name, drill = self.kit.results.store, self.typed.strip(), self.drill.name
        if store is not None and name:
            self.kit.jobs.submit(STOPPED_JOB, lambda: (name, store.unfinished_calls(drill=drill, trainee=name)))

    def take_up(self) -> None:
        """Reopen the stopped call in the store, then go on from where it stopped."""
        store, stopped = self.kit.results.store, self.stopped
        if store is None or stopped is None:
            return
        self.message = ""
        self.kit.jobs.submit(REOPEN_JOB, lambda: (stopped, store.reopen_call(stopped.call_id)))

    def _reopened(self, stopped: UnfinishedCall, turns: list[dict[str, object]]) -> None:
        store = self.kit.results.store
        if store is None:
            return
        run = DrillRun(self.drill, stopped.trainee, store, self.kit.jobs, self.kit.catalog.find)
        try:
            scenario = run.take_up(StoppedCall(stopped.call_id, stopped.scenario, stopped.seed, tuple(turns)))
        except ResumeError as err:
            self.message = str(err)
            return
        self.swap(routes.Briefing(scenario, drill=run))

    def start(self) -> None:
        name = (self.entry.get_text() if self.entry is not None else self.typed).strip()
        if not name:
            self.message = _("Type your name first: the drill's results are saved under it.")
            return
        if len(name) > MAX_NAME:
            self.message = _("A name may have at most {n} characters.").format(n=MAX_NAME)
            return
        if name != self.kit.settings.trainee:
            self.kit.apply_settings(replace(self.kit.settings, trainee=name))
        store = self.kit.results.store
        if store is None:
            self.message = _("The results store is not open yet: try again in a moment.")
            return
        run = DrillRun(self.drill, name, store, self.kit.jobs, self.kit.catalog.find)
        self.swap(first_route(run))

    def stopped_number(self) -> int:
        """The stopped call's number in the drill (its seed says which)."""
        return self.stopped.seed - self.drill.seed + 1 if self.stopped is not None else 0

    def marks(self) -> list[str]:
        """What a call must do to pass, and the drill's other rules, one line each."""
        drill = self.drill
        marks = [_("Total of at least {n} out of 100").format(n=drill.pass_marks.total)]
        marks += [
            _("{principle}: at least {n}").format(principle=principle_name(k), n=v)
            for k, v in drill.pass_marks.principles.items()
        ]
        if drill.pass_marks.no_compliance_findings:
            marks.append(_("No lawful-conduct findings"))
        if drill.attempts > 1:
            marks.append(_("Up to {n} tries a call").format(n=drill.attempts))
        if drill.time_limit:
            limit = f"{drill.time_limit // 60}:{drill.time_limit % 60:02d}"
            marks.append(_("At most {limit} a call").format(limit=limit))
        if drill.input == "spoken":
            marks.append(_("Spoken answers (hold F3)"))
        return marks

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        top = fonts.get(26, bold=True).get_linesize() + 28 + 20
        button_h = fonts.px(17) + 26
        body, small, bold = fonts.get(16), fonts.get(14, bold=True), fonts.get(16, bold=True)
        room = width - 56 - 56
        about = min(3, len(draw.wrap(body, self.drill.description, room))) if self.drill.description else 0
        rows = max(len(drill_scenarios(self.drill)), len(self.marks()))
        content = about * body.get_linesize() + (14 if about else 0)
        content += small.get_linesize() + 4 + rows * body.get_linesize() + 32
        content += bold.get_linesize() + 4 + button_h
        bottom = height - button_h - 44
        self._panel = pygame.Rect(28, top, width - 56, min(bottom - top, content + 48))
        entry_w = min(520, self._panel.width - 56)
        entry = pygame.Rect(self._panel.x + 28, self._panel.bottom - 24 - button_h, entry_w, button_h)
        self.entry = UITextEntryLine(entry, self.kit.manager, placeholder_text=_("Your name"))
        self.entry.length_limit = MAX_NAME
        self.widgets.append(self.entry)
        if self.typed:
            self.entry.set_text(self.typed)
        self.entry.focus()
        y = height - button_h - 22
        start = _("Start the drill  (Enter)")
        if self.stopped is not None:
            label = _("Take up call {n} where it stopped").format(n=self.stopped_number())
            take_w = min(width // 2 - 60, fonts.get(17).size(label)[0] + 44)
            self.button(pygame.Rect(28, y, take_w, button_h), label, self.take_up, name="take_up", style="secondary")
        start_w = max(240, fonts.get(17).size(start)[0] + 44)
        self.button(pygame.Rect(width - 28 - start_w, y, start_w, button_h), start, self.start)
        self.button(
            pygame.Rect(width - 28 - start_w - 16 - 160, y, 160, button_h),
            _("Back  (Esc)"),
            self.kit.nav.pop,
            name="back",
            style="secondary",
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE):
            self.kit.nav.pop()
            return True
        if event.type == JOB_DONE and event.name == STOPPED_JOB:
            if event.error is None:
                name, stopped = event.result
                found = stopped[-1] if stopped and name == self.typed.strip() else None
                if found != self.stopped:
                    self.stopped = found
                    self.kit.nav.remount()
            return True
        if event.type == JOB_DONE and event.name == REOPEN_JOB:
            if event.error is not None:
                self.message = str(event.error)
            else:
                self._reopened(*event.result)
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry:
            self.typed = self.entry.get_text()
            self.message = ""
            self.look_for_stopped()
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.start()
            return True
        if event.type == pygame.KEYDOWN and self.entry is not None and self.entry.is_focused:
            if event.key == pygame.K_TAB:
                self.entry.unfocus()
                if self.stopped is not None:  # the stopped call first, then the rest
                    self.ring.focus("take_up")
                    return True
                return self.handle_common(event)
            return False
        return self.handle_common(event)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        drill = self.drill
        hint = _("Type your name, then Enter · Esc back")
        title = _("Drill: {title}").format(title=drill.title)
        draw.header(surface, fonts.get(26, bold=True), fonts.get(15), title, hint, palette)
        panel = self._panel
        draw.panel(surface, panel, palette)
        inner = panel.inflate(-56, -48)
        body, bold, small = fonts.get(16), fonts.get(16, bold=True), fonts.get(14, bold=True)
        y = inner.y
        if drill.description:
            room = pygame.Rect(inner.x, y, inner.width, body.get_linesize() * 3)
            y += draw.paragraph(surface, body, drill.description, palette.ink, room, 3) + 14
        half = inner.width // 2 - 20
        draw.text(surface, small, _("THE CALLS"), palette.muted, (inner.x, y))
        draw.text(surface, small, _("TO PASS A CALL"), palette.muted, (inner.x + half + 40, y))
        y += small.get_linesize() + 4
        calls_y = marks_y = y
        last = self.entry.relative_rect.y - bold.get_linesize() - 12 if self.entry is not None else inner.bottom
        for number, scenario_id in enumerate(drill_scenarios(drill), start=1):
            if calls_y + body.get_linesize() > last:
                break
            found = self.kit.catalog.find(scenario_id)
            title = found.title if found is not None else scenario_id
            line = f"{number}. {title}"
            if found is not None:
                line += " · " + _("difficulty {n} of 5").format(n=found.difficulty)
            draw.text(surface, body, draw.fit(body, line, half), palette.ink, (inner.x, calls_y))
            calls_y += body.get_linesize()
        for mark in self.marks():
            if marks_y + body.get_linesize() > last:
                break
            dot = (inner.x + half + 46, marks_y + body.get_linesize() // 2)
            pygame.draw.circle(surface, palette.accent, dot, 4)
            draw.text(surface, body, draw.fit(body, mark, half - 20), palette.ink, (inner.x + half + 60, marks_y))
            marks_y += body.get_linesize()
        if self.entry is None:
            return
        box = pygame.Rect(self.entry.relative_rect)
        label = _("Your name (the results are saved under it)")
        draw.text(surface, bold, label, palette.ink, (box.x, box.y - bold.get_linesize() - 4))
        if self.message:
            small_font = fonts.get(15)
            text = draw.fit(small_font, self.message, panel.right - box.right - 46)
            draw.text(surface, small_font, text, palette.danger, (box.right + 18, box.centery), "midleft")


def first_route(run: DrillRun) -> routes.Briefing | routes.DrillSummary:
    """The briefing of the drill's first call that can be found, or its summary when none can."""
    scenario = run.session.scenario()
    return routes.Briefing(scenario, drill=run) if scenario is not None else routes.DrillSummary(run)


@routes.opens(routes.DrillStart)
def _open(kit: Kit, route: routes.DrillStart) -> DrillStartScene:
    return DrillStartScene(kit, route.drill)
