"""The briefing: the account file a collector reads before dialling.

The source article's first rule is to know the exact amount before the call, so the balance is the
largest thing on the page; the notes and the goal of the call follow. A scenario with a model call
offers "Watch a pro" (W), and one with a poor call "Watch a poor call" (P): trainees learn best from
seeing both before they practise. In a drill the briefing leads to the drill's graded call instead.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.engine.lines import money
from game.engine.scenario import Scenario
from game.i18n import _
from game.session import TakenCall
from game.ui import draw, gateway, routes
from game.ui.drill_run import DrillRun
from game.ui.names import addressed, archetype_label, long_date
from game.ui.portraits import Portraits, portraits_for
from game.ui.scene import Kit, Scene
from game.ui.understanding import warm_understanding


class BriefingScene(Scene):
    """Read the file, then dial (Enter) or go back (Escape)."""

    name = "briefing"

    def __init__(self, kit: Kit, scenario: Scenario, *, drill: DrillRun | None = None) -> None:
        super().__init__(kit, scenario.language)
        self.scenario = scenario
        self.drill = drill
        self._portraits: Portraits | None = None
        self._panel = pygame.Rect(0, 0, 0, 0)
        self._result = pygame.Rect(0, 0, 0, 0)

    def last_result(self) -> TakenCall | None:
        """In a drill, the call just taken (shown above the next call's briefing)."""
        if self.drill is None or not self.drill.taken:
            return None
        return self.drill.taken[-1]

    def result_lines(self) -> tuple[str, str]:
        """The short result of the call just taken: the score and verdict, and the one note that matters."""
        taken = self.last_result()
        if taken is None or self.drill is None:
            return "", ""
        needs = self.drill.drill.pass_marks.total
        values = {"number": taken.number, "title": taken.scenario.title, "total": taken.total, "needs": needs}
        if taken.passed:
            head = _("Call {number}, {title}: {total} of 100, passed").format(**values)
        else:
            head = _("Call {number}, {title}: {total} of 100, not passed (needs {needs})").format(**values)
        note = taken.lead_note()
        if note is None:
            return head, _("Nothing to correct: keep it up.")
        if note.better:
            return head, _('The one thing: {note} Try: "{line}"').format(note=note.note, line=note.better)
        return head, _("The one thing: {note}").format(note=note.note)

    def enter(self) -> None:
        warm_understanding(self.kit.jobs, self.scenario.language)

    def dial(self) -> None:
        seed = self.drill.session.seed if self.drill is not None else 0
        self.swap(routes.Call(self.scenario, seed, drill=self.drill))

    def watch(self, kind: str) -> None:
        """Play the scenario's model call ("pro") or poor call ("poor") as a demo, then come back here."""
        turns = self.scenario.model_call if kind == "pro" else self.scenario.poor_call
        if self.drill is None and turns:
            self.go(routes.Demo(self.scenario, kind))

    def back(self) -> None:
        """Back to the list; in a drill, end the drill here (the summary shows what was taken)."""
        if self.drill is not None and self.drill.taken:
            self.swap(routes.DrillSummary(self.drill))
        else:
            self.kit.nav.pop()

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        top = fonts.get(26, bold=True).get_linesize() + 28 + 20
        button_h = fonts.px(17) + 26
        if self.last_result() is not None:
            strip = fonts.get(16, bold=True).get_linesize() + fonts.get(15).get_linesize() * 2 + 24
            self._result = pygame.Rect(28, top, width - 56, strip)
            top += strip + 12
        self._panel = pygame.Rect(28, top, width - 56, height - top - button_h - 44)
        side = min(self._panel.height - 90, self._panel.width // 3 - 40, 300)
        self._portraits = portraits_for(self.scenario, max(80, side))
        y = height - button_h - 22
        font = fonts.get(17)
        back = _("End drill  (Esc)") if self.drill is not None and self.drill.taken else _("Back  (Esc)")
        entries: list[tuple[str, str, str, Callable[[], None], str | None]] = [
            ("dial", _("Dial  (Enter)"), _("Dial (Enter)"), self.dial, None)
        ]
        if self.drill is None and self.scenario.model_call:
            entries.append(("pro", _("Watch a pro  (W)"), _("Pro (W)"), lambda: self.watch("pro"), "secondary"))
        if self.drill is None and self.scenario.poor_call:
            entries.append(
                ("poor", _("Watch a poor call  (P)"), _("Poor (P)"), lambda: self.watch("poor"), "secondary")
            )
        entries.append(("back", back, _("Back (Esc)"), self.back, "secondary"))
        room = width - 56
        wide = sum(max(160, font.size(label)[0] + 44) + 16 for _, label, _, _, _ in entries)
        x = width - 28
        for name, label, short, action, style in entries:
            shown = label if wide <= room else short
            w = max(160 if wide <= room else 120, font.size(shown)[0] + 44)
            x -= w
            self.button(pygame.Rect(x, y, w, button_h), shown, action, name=name, style=style)
            x -= 16
        self.ring.focus("dial")

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.back()
            return True
        if gateway.key(event, pygame.K_w):
            self.watch("pro")
            return True
        if gateway.key(event, pygame.K_p):
            self.watch("poor")
            return True
        return self.handle_common(event)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        s, account = self.scenario, self.scenario.account
        title = _("Briefing: {title}").format(title=s.title)
        hint = _("Know the exact amount before you dial")
        if self.drill is not None:
            session = self.drill.session
            title = _("Drill call {number} of {count}: {title}").format(
                number=session.number, count=session.count, title=s.title
            )
            hint = f"{self.drill.drill.title} · {self.drill.trainee}"
        draw.header(surface, fonts.get(26, bold=True), fonts.get(15), title, hint, palette)
        self._draw_result(surface)
        panel = self._panel
        draw.panel(surface, panel, palette)
        if self._portraits is None:
            return
        image = self._portraits.get("calm")
        px = panel.x + 28
        surface.blit(image, (px, panel.y + 28))
        label_font, name_font = fonts.get(15), fonts.get(20, bold=True)
        y = panel.y + 36 + image.get_height()
        who = s.persona.name or account.debtor_name
        draw.text(surface, name_font, draw.fit(name_font, who, image.get_width() + 20), palette.ink, (px, y))
        y += name_font.get_linesize()
        kind = archetype_label(s.persona.archetype).capitalize()
        detail = _("{kind} · difficulty {n} of 5").format(kind=kind, n=s.difficulty)
        draw.text(
            surface, label_font, draw.fit(label_font, detail, image.get_width() + 20), palette.muted, (px, y)
        )

        x = px + image.get_width() + 40
        room = panel.right - x - 28
        y = panel.y + 24
        draw.text(surface, label_font, _("BALANCE DUE"), palette.muted, (x, y))
        y += label_font.get_linesize()
        balance = draw.text(
            surface, fonts.get(44, bold=True), money(account.amount, account.currency), palette.accent, (x, y)
        )
        facts = _("{days} days past due · owed to {creditor} · call date {date}").format(
            days=account.days_past_due, creditor=account.creditor, date=long_date(account.call_date)
        )
        y = balance.bottom + 4
        y += draw.paragraph(surface, fonts.get(16), facts, palette.ink, pygame.Rect(x, y, room, 60), 2) + 10
        debtor = _("Debtor: {name}").format(name=addressed(account.title, account.debtor_name))
        if s.persona.name:
            debtor += "   " + _("(answering: {name})").format(name=s.persona.name)
        y += (
            draw.paragraph(
                surface, fonts.get(16, bold=True), debtor, palette.ink, pygame.Rect(x, y, room, 50), 2
            )
            + 8
        )
        body = fonts.get(16)
        goal_h = body.get_linesize() * 2 + 26
        bottom_for_notes = panel.bottom - goal_h - 28
        about = min(3, (bottom_for_notes - y) // body.get_linesize())
        if s.description and about > 0:
            y += (
                draw.paragraph(
                    surface,
                    body,
                    s.description,
                    palette.muted,
                    pygame.Rect(x, y, room, body.get_linesize() * about),
                    about,
                )
                + 10
            )
        for note in account.notes:
            if y + body.get_linesize() > bottom_for_notes:
                break
            pygame.draw.circle(surface, palette.accent, (x + 6, y + body.get_linesize() // 2), 4)
            lines = max(1, (bottom_for_notes - y) // body.get_linesize())
            y += (
                draw.paragraph(
                    surface,
                    body,
                    note,
                    palette.ink,
                    pygame.Rect(x + 20, y, room - 20, bottom_for_notes - y),
                    lines,
                )
                + 6
            )
        goal = pygame.Rect(x, panel.bottom - goal_h - 20, room, goal_h)
        pygame.draw.rect(surface, palette.accent_soft, goal, border_radius=10)
        inner = goal.inflate(-24, -16)
        draw.text(surface, fonts.get(14, bold=True), _("GOAL OF THE CALL"), palette.accent, inner.topleft)
        draw.paragraph(
            surface,
            body,
            account.goal,
            palette.ink,
            pygame.Rect(inner.x, inner.y + fonts.get(14).get_linesize(), inner.width, inner.height),
            1,
        )

    def _draw_result(self, surface: pygame.Surface) -> None:
        taken = self.last_result()
        if taken is None:
            return
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        box = self._result
        tint = palette.success if taken.passed else palette.warm
        draw.panel(surface, box, palette, edge=tint, edge_width=2)
        inner = box.inflate(-32, -20)
        head, note = self.result_lines()
        bold, body = fonts.get(16, bold=True), fonts.get(15)
        draw.text(surface, bold, draw.fit(bold, head, inner.width), tint, inner.topleft)
        room = pygame.Rect(inner.x, inner.y + bold.get_linesize(), inner.width, body.get_linesize() * 2)
        draw.paragraph(surface, body, note, palette.ink, room, 2)


@routes.opens(routes.Briefing)
def _open(kit: Kit, route: routes.Briefing) -> BriefingScene:
    return BriefingScene(kit, route.scenario, drill=route.drill)
