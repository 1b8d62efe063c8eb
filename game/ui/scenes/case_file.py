"""The case file and the choice of when to call (准备, 选对时间, 选对日子).

Left, the debtor's file: the balance, their time zone, working hours and paydays, and the last
contacts with the notes written after them (the note of one call is the briefing of the next).
Right, the time of the next call, chosen with the arrows, and what the file implies about it: the
debtor's own clock, at lunch or in the first minutes of work, just before payday, how likely they are
to answer, and any rule the call would break before a word is said.
"""

from __future__ import annotations

import datetime as dt

import pygame

from game.cases.run import PlayedCall, Upcoming
from game.cases.timing import weekday
from game.engine.lines import money
from game.i18n import _
from game.ui import case_words, draw, gateway, routes
from game.ui.case_run import CaseRun, stamp
from game.ui.look import Colour
from game.ui.scene import Kit, Scene

HOUR = dt.timedelta(hours=1)
QUARTER = dt.timedelta(minutes=15)
DAY = dt.timedelta(days=1)
FILE_LINES = 7


class CaseFileScene(Scene):
    """Read the file, choose the day (Left/Right) and the hour (Up/Down), then call (Enter)."""

    name = "case_file"

    def __init__(self, kit: Kit, run: CaseRun) -> None:
        super().__init__(kit)
        self.run = run
        record = run.record()
        assert record.upcoming is not None, "a finished case opens its scorecard, not its file"
        self.upcoming: Upcoming = record.upcoming
        self.node = next(n for n in run.loaded.case.calls if n.id == self.upcoming.node)
        self.at = run.suggested()
        self.preview: PlayedCall = run.attempt(self.at)
        self.notice = ""

    # choosing the time
    def move(self, step: dt.timedelta) -> None:
        moved = self.at + step
        if moved <= self.run.earliest():
            self.notice = _("The next call comes after the last one.")
            return
        self.notice = ""
        self.at = moved
        self.preview = self.run.attempt(self.at)

    def dial(self) -> None:
        if self.preview.answered:
            self.swap(routes.CaseCall(self.run, stamp(self.at)))
        else:
            self.swap(routes.CaseNote(self.run, stamp(self.at), None))

    def end_case(self) -> None:
        """Esc: the case ends here (its scorecard), or before any call, back to the list."""
        if self.run.calls:
            self.swap(routes.CaseScorecard(self.run))
        else:
            self.kit.nav.pop()

    def moments(self) -> list[tuple[str, bool]]:
        """What the debtor's clock means for this call, each good (lit) or not: lunch, payday, the weekday."""
        shown = [
            (case_words.word(case_words.MOMENTS, label), label not in ("lunch", "off work"))
            for label in self.preview.when.labels()
        ]
        lore = self.run.loaded.case.lore.weekday_mood
        mood = lore.get(weekday(self.preview.debtor_time.date()))
        if mood is not None and mood.willingness != 0:
            good = mood.willingness > 0
            shown.append((_("a good day of the week") if good else _("a poor day of the week"), good))
        return shown

    def warnings(self) -> list[tuple[str, str]]:
        """What this time would break or miss: (plain words, the rule), before a word is said."""
        out = []
        for finding in self.preview.findings:
            if finding.kind in ("compliance", "follow_up"):
                out.append((case_words.word(case_words.FINDINGS, finding.rule), finding.law))
        return out

    def build(self, size: tuple[int, int]) -> None:
        _width, height = size
        fonts = self.kit.look.fonts
        button_h = fonts.px(17) + 26
        y = height - button_h - 22
        label = _("Take the call  (Enter)") if self.node.inbound else _("Call now  (Enter)")
        end = _("End the case  (Esc)") if self.run.calls else _("Back  (Esc)")
        call_w = fonts.get(17).size(label)[0] + 48
        end_w = fonts.get(17).size(end)[0] + 48
        self.button(pygame.Rect(28, y, call_w, button_h), label, self.dial, name="call")
        self.button(
            pygame.Rect(28 + call_w + 14, y, end_w, button_h), end, self.end_case, name="end", style="secondary"
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE):
            self.end_case()
            return True
        if gateway.key(event, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.dial()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            sign = 1 if event.key in (pygame.K_RIGHT, pygame.K_UP) else -1
            fine = bool(event.mod & pygame.KMOD_SHIFT)
            step = DAY if event.key in (pygame.K_LEFT, pygame.K_RIGHT) else (QUARTER if fine else HOUR)
            self.move(sign * step)
            return True
        return self.handle_common(event, arrows=False)

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width, height = surface.get_size()
        number = self.run.index + 1
        title = _("{title}: call {n}").format(title=self.run.loaded.case.title, n=number)
        hint = _("Left/Right day · Up/Down hour · Shift+Up/Down 15 min · Enter call · Esc end")
        top = draw.header(surface, fonts.get(26, bold=True), fonts.get(15), title, hint, palette) + 16
        button_h = fonts.px(17) + 26
        bottom = height - button_h - 40
        split = width * 11 // 20
        left = pygame.Rect(28, top, split - 42, bottom - top)
        right = pygame.Rect(split, top, width - split - 28, bottom - top)
        draw.panel(surface, left, palette)
        draw.panel(surface, right, palette)
        self._draw_file(surface, left.inflate(-36, -28))
        self._draw_time(surface, right.inflate(-36, -28))

    def _line(
        self,
        surface: pygame.Surface,
        font: pygame.font.Font,
        text: str,
        colour: Colour,
        rect: pygame.Rect,
        y: int,
        lines: int = 2,
    ) -> int:
        """A wrapped line at ``y`` inside ``rect``; returns where the next one starts."""
        room = pygame.Rect(rect.x, y, rect.width, rect.bottom - y)
        return y + draw.paragraph(surface, font, text, colour, room, lines)

    def _draw_file(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        case, brief = self.run.loaded.case, self.upcoming.briefing
        body, small, bold = fonts.get(16), fonts.get(15), fonts.get(18, bold=True)
        y = rect.y
        draw.text(surface, fonts.get(14, bold=True), _("THE DEBTOR'S FILE"), palette.muted, (rect.x, y))
        y += fonts.get(14).get_linesize() + 4
        draw.text(surface, bold, draw.fit(bold, brief.debtor, rect.width), palette.ink, (rect.x, y))
        y += bold.get_linesize()
        due = _("Balance due: {amount}").format(amount=money(brief.balance, brief.currency))
        draw.text(surface, fonts.get(22, bold=True), due, palette.accent, (rect.x, y))
        y += fonts.get(22, bold=True).get_linesize() + 6
        debtor = case.debtor
        zone = _("Their time zone: UTC{theirs} (yours: UTC{yours})").format(
            theirs=debtor.utc_offset, yours=case.caller_utc_offset
        )
        y = self._line(surface, body, zone, palette.ink, rect, y)
        works = debtor.works
        if works is None:
            hours = _("Working hours: none on file")
        else:
            hours = _("Works {days}, {start}-{end}; lunch {lunch_start}-{lunch_end}").format(
                days=case_words.days(list(works.days)),
                start=works.start,
                end=works.end,
                lunch_start=works.lunch_start,
                lunch_end=works.lunch_end,
            )
        y = self._line(surface, body, hours, palette.ink, rect, y)
        parts = []
        if debtor.payday_days:
            parts.append(_("day {days} of the month").format(days=", ".join(str(d) for d in debtor.payday_days)))
        if debtor.payday_weekdays:
            parts.append(_("every {days}").format(days=case_words.days(list(debtor.payday_weekdays))))
        pay = _("Payday: {when}").format(when="; ".join(parts)) if parts else _("Payday: not known")
        y = self._line(surface, body, pay, palette.ink, rect, y)
        rules = _("Rules: {jurisdiction}").format(jurisdiction=case.jurisdiction)
        y = self._line(surface, body, rules, palette.muted, rect, y)
        if case.description:
            y = self._line(surface, small, case.description, palette.muted, rect, y + 4, 3)
        y += 8
        draw.text(surface, fonts.get(14, bold=True), _("LAST CONTACTS AND NOTES"), palette.muted, (rect.x, y))
        y += fonts.get(14).get_linesize() + 4
        for line in brief.file[-FILE_LINES:]:
            if y >= rect.bottom - small.get_linesize():
                break
            y = self._line(surface, small, f"{line.at}  {line.summary}", palette.ink, rect, y, 3) + 4

    def _draw_time(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        body, small = fonts.get(16), fonts.get(15)
        shown = self.preview
        y = rect.y
        head = _("THE DEBTOR CALLS BACK") if self.node.inbound else _("WHEN TO CALL")
        draw.text(surface, fonts.get(14, bold=True), head, palette.muted, (rect.x, y))
        y += fonts.get(14).get_linesize() + 6
        big = fonts.get(28, bold=True)
        draw.text(surface, big, case_words.when(self.at), palette.ink, (rect.x, y))
        y += big.get_linesize()
        theirs = _("Their clock: {when}").format(when=case_words.when(shown.debtor_time))
        draw.text(surface, body, theirs, palette.ink, (rect.x, y))
        y += body.get_linesize() + 6
        for label, good in self.moments():
            draw.chip(surface, small, label, (rect.x, y), good, palette)
            y += small.get_linesize() + 16
        if not self.node.inbound:
            chance = _("Answers about {percent}% of the time at this hour").format(percent=f"{shown.chance:g}")
            y = self._line(surface, body, chance, palette.ink, rect, y) + 4
            talk = _("Starting mood: anger {anger:.0f}, trust {trust:.0f}, willingness {willingness:.0f}").format(
                anger=shown.mood.anger, trust=shown.mood.trust, willingness=shown.mood.willingness
            )
            y = self._line(surface, small, talk, palette.muted, rect, y) + 6
        if self.upcoming.after is not None:
            wait = _("Not before {day}: the file says to wait.").format(day=case_words.day(self.upcoming.after))
            y = self._line(surface, small, wait, palette.warm, rect, y) + 4
        warnings = self.warnings()
        if not warnings:
            y = self._line(surface, body, _("✓ Lawful at this time"), palette.success, rect, y) + 4
        for words, law in warnings:
            y = self._line(surface, fonts.get(16, bold=True), "× " + words, palette.danger, rect, y)
            y = self._line(surface, small, law, palette.danger, rect, y, 3) + 4
        if self.notice:
            self._line(surface, small, self.notice, palette.warm, rect, y)


@routes.opens(routes.CaseFile)
def _open(kit: Kit, route: routes.CaseFile) -> CaseFileScene:
    return CaseFileScene(kit, route.run)
