"""The case scorecard: the calls, the notes and the timing together.

Was the money collected, in how many calls, was every promise followed up on the date it fell due,
was every note true, was every contact lawful; then each finding with its rule and its evidence, and
the calls one line each. Up/Down scroll when it is longer than the window; Enter or Esc goes back.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.engine.lines import money
from game.i18n import _, ngettext
from game.ui import case_words, draw, gateway, routes
from game.ui.case_run import CaseRun
from game.ui.look import Colour
from game.ui.scene import Kit, Scene

SCROLL = 40


class CaseScorecardScene(Scene):
    """How the case went; Enter or Esc back to the menu."""

    name = "case_scorecard"

    def __init__(self, kit: Kit, run: CaseRun) -> None:
        super().__init__(kit)
        self.run = run
        self.card: dict[str, Any] = run.card()
        self.scroll = 0
        self.room = 0

    def checks(self) -> list[tuple[bool | None, str]]:
        """The case's five questions, each answered yes or no with its figures."""
        card, checks = self.card, self.card["checks"]
        cur = card["currency"]
        collected = _("Money collected: {collected} of {total} ({outcome})").format(
            collected=money(card["collected"], cur),
            total=money(card["balance_at_start"], cur),
            outcome=case_words.word(case_words.ENDINGS, card["outcome"]),
        )
        calls = ngettext(
            "{n} call placed, {answered} answered", "{n} calls placed, {answered} answered", card["calls_placed"]
        )
        placed = calls.format(n=card["calls_placed"], answered=card["calls_answered"])
        return [
            (checks["money_collected"], collected),
            (None, placed),
            # With no promise there was nothing to follow up: a plain line, not a tick.
            (
                (checks["promises_followed_up"], _("Promises followed up on the right date"))
                if checks["promises"]
                else (None, _("No promise to follow up"))
            ),
            (checks["notes_true"], _("Every note true")),
            (checks["contacts_lawful"], _("Every contact lawful")),
        ]

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.kit.nav.back_to("menu")
            return True
        if gateway.key(event, pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.scroll = min(self.scroll + SCROLL, max(0, self.room))
            return True
        if gateway.key(event, pygame.K_UP, pygame.K_PAGEUP):
            self.scroll = max(0, self.scroll - SCROLL)
            return True
        return self.handle_common(event, arrows=False)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width, height = surface.get_size()
        card = self.card
        title = _("Case scorecard: {title}").format(title=card["title"])
        top = draw.header(
            surface, fonts.get(26, bold=True), fonts.get(15), title, _("Up/Down scroll · Enter or Esc: done"), palette
        )
        view = pygame.Rect(0, top, width, height - top)
        surface.set_clip(view)
        bottom = self._draw_page(surface, width, top - self.scroll)
        surface.set_clip(None)
        self.room = bottom + self.scroll - top - view.height

    def _text(
        self,
        page: pygame.Surface,
        font: pygame.font.Font,
        text: str,
        colour: Colour,
        x: int,
        y: int,
        w: int,
        lines: int = 4,
    ) -> int:
        return y + draw.paragraph(page, font, text, colour, pygame.Rect(x, y, w, 10_000), lines)

    def _draw_page(self, page: pygame.Surface, width: int, y: int) -> int:
        """Everything, drawn from ``y`` down (above the window's top when scrolled); returns where it ends."""
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        card = self.card
        big, bold, body, small = fonts.get(40, bold=True), fonts.get(17, bold=True), fonts.get(16), fonts.get(14)
        x, w = 28, width - 56
        y += 16
        verdict = _("passed") if card["passed"] else _("not passed")
        colour = palette.success if card["passed"] else palette.danger
        score = draw.text(page, big, str(card["total"]), colour, (x, y))
        draw.text(
            page,
            bold,
            _("of 100, {verdict}").format(verdict=verdict),
            colour,
            (score.right + 12, score.bottom - bold.get_linesize() - 6),
        )
        scores = card["scores"]
        parts = _("Calls {calls} · notes {notes} · follow-up {follow_up} · money {money}").format(**scores)
        draw.text(page, small, parts, palette.muted, (x + w, y + 8), "topright")
        y = score.bottom + 10
        for ok, text in self.checks():
            mark = "• " if ok is None else ("✓ " if ok else "× ")
            shade = palette.ink if ok is None else (palette.success if ok else palette.danger)
            y = self._text(page, body, mark + text, shade, x, y, w, 2) + 2
        y += 10
        findings = card["findings"]
        head = (
            ngettext("{n} finding", "{n} findings", len(findings)).format(n=len(findings))
            if findings
            else _("No findings")
        )
        draw.text(page, fonts.get(14, bold=True), head.upper(), palette.muted, (x, y))
        y += fonts.get(14).get_linesize() + 4
        for f in findings:
            where = _("call {n}").format(n=f["call"]) if f["call"] is not None else _("the case")
            name = case_words.word(case_words.FINDINGS, f["rule"])
            y = self._text(
                page,
                bold,
                f"{name} ({where})",
                palette.danger if f["kind"] == "compliance" else palette.warm,
                x,
                y,
                w,
                2,
            )
            y = self._text(
                page, body, _("Evidence: {evidence}").format(evidence=f["evidence"]), palette.ink, x + 18, y, w - 18, 3
            )
            y = self._text(page, small, _("Rule: {law}").format(law=f["law"]), palette.muted, x + 18, y, w - 18, 3) + 8
        y += 6
        draw.text(page, fonts.get(14, bold=True), _("THE CALLS"), palette.muted, (x, y))
        y += fonts.get(14).get_linesize() + 4
        for call in card["calls"]:
            line = _("Call {n}, {when} (their time {theirs})").format(
                n=call["call"], when=call["caller_time"], theirs=call["debtor_time"]
            )
            if not call["answered"]:
                line += " — " + _("no answer")
            elif call["total"] is not None:
                line += " — " + _("call score {total}").format(total=call["total"])
            y = self._text(page, body, line, palette.ink, x, y, w, 2)
            note = call["note"]
            if note:
                bits = [case_words.word(case_words.OUTCOMES, note["outcome"])]
                if note["amount"] is not None:
                    bits.append(money(note["amount"], card["currency"]))
                if note["date"]:
                    bits.append(note["date"])
                if note["next_date"]:
                    bits.append(
                        _("next: {action} {date}").format(action=note["next_action"] or "", date=note["next_date"])
                    )
                y = self._text(
                    page, small, _("Note: {note}").format(note=", ".join(bits)), palette.muted, x + 18, y, w - 18, 2
                )
            y += 4
        return y + 16


@routes.opens(routes.CaseScorecard)
def _open(kit: Kit, route: routes.CaseScorecard) -> CaseScorecardScene:
    return CaseScorecardScene(kit, route.run)
