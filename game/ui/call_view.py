"""How a call looks: drawn from the call scene's state, apart from the call's flow.

The scene decides what happens (phases, turns, timing); this draws it: the top bar, the persona's
panel, the subtitle of whoever has the floor, the chips, the hints and the hang-up question. It reads
the scene and changes nothing, and it records what it drew (``drawn``) so a test can ask whether the
balance or the meters were left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.lines import money
from game.i18n import N_, _, ngettext
from game.session.phases import Phase
from game.ui import draw

if TYPE_CHECKING:
    from game.ui.scenes.call import CallScene

CHIP_FONT = 14
CHIP_FONT_COMPACT = 13
CHIP_GAP = 8
MOOD_WORDS = {"calm": N_("Calm"), "annoyed": N_("Annoyed"), "angry": N_("Angry"), "pleased": N_("Pleased")}
METERS = ((N_("Anger"), "anger"), (N_("Trust"), "trust"), (N_("Willingness"), "willingness"))
METERS_OFF = N_("Mood meters are off on harder calls (Settings).")


class CallView:
    """Draws one call scene."""

    def __init__(self, call: CallScene) -> None:
        self.call = call
        self.drawn: set[str] = set()

    # sizes the scene lays out with
    def chip_font(self) -> pygame.font.Font:
        return self.call.kit.look.fonts.get(CHIP_FONT_COMPACT if self.call.compact else CHIP_FONT)

    def chip_rects(self, area: pygame.Rect) -> list[tuple[str, bool, bool, pygame.Rect]]:
        """(label, lit, warning, where) for every chip, wrapped into rows inside ``area``'s width."""
        font = self.chip_font()
        x, y = area.x, area.y
        out = []
        for label, lit, warning in self.call.chip_items():
            w, h = font.size("✓ " + label)[0] + 24, font.get_linesize() + 10
            if x + w > area.right and x > area.x:
                x, y = area.x, y + h + CHIP_GAP
            out.append((label, lit, warning, pygame.Rect(x, y, w, h)))
            x += w + CHIP_GAP
        return out

    def chips_height(self, width: int) -> int:
        rects = self.chip_rects(pygame.Rect(0, 0, width, 0))
        return max(r.bottom for *_, r in rects) if rects else 0

    def below_portrait(self) -> int:
        """The height the persona's panel needs under the portrait: name, mood, meters (or the word on
        why they are off), and the balance due."""
        fonts = self.call.kit.look.fonts
        small = fonts.get(14).get_linesize()
        height = 26 + fonts.get(18, bold=True).get_linesize() + 2 + fonts.get(15).get_linesize() + 12
        height += (small + 8) * len(METERS) if self.call.meters else small * 2 + 8
        height += small * 2 + fonts.get(22, bold=True).get_linesize() + 10 + 14 + 16
        return height

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        call = self.call
        look = call.kit.look
        surface.fill(look.palette.bg)
        self.drawn = set()
        if not call.layout:
            return
        self.draw_top(surface)
        self.draw_left(surface)
        self.draw_subtitle(surface)
        draw.panel(surface, call.layout["transcript"], look.palette, edge_width=2 if look.contrast else 1)
        self.draw_chips(surface)
        self.draw_hints(surface)

    def draw_hints(self, surface: pygame.Surface) -> None:
        """The keys under the input line, and above them any notice (red for a moment after F3 without
        a microphone)."""
        call = self.call
        palette, small = call.kit.look.palette, call.kit.look.fonts.get(14)
        box = call.layout["input"]
        y = box.bottom + 6
        notices = call.notices()
        if notices:
            colour = palette.danger if call.now() < call.flash_until else palette.warm
            text = draw.fit(small, "  ·  ".join(notices), box.width)
            draw.text(surface, small, text, colour, (box.x, y))
            y += small.get_linesize()
        draw.text(surface, small, draw.fit(small, call.keys_hint(), box.width), palette.muted, (box.x, y))

    def status(self) -> str:
        """The top bar's word on the call: calling, on the call, or how it ended."""
        call = self.call
        if call.phase is Phase.RINGING:
            return _("Calling...")
        if call.phase is Phase.ENDED:
            return _("Call ended: {reason}").format(reason=call.end_reason)
        return _("On the call")

    def draw_top(self, surface: pygame.Surface) -> None:
        call = self.call
        palette, fonts = call.kit.look.palette, call.kit.look.fonts
        top = call.layout["top"]
        pygame.draw.rect(surface, palette.panel, top)
        pygame.draw.line(surface, palette.panel_edge, top.bottomleft, top.bottomright)
        title_font = fonts.get(22, bold=True)
        dot = {Phase.ENDED: palette.muted, Phase.RINGING: palette.warm}.get(call.phase, palette.success)
        pygame.draw.circle(surface, dot, (36, top.centery), 7)
        seconds = max(0.0, call.now() if call.ended_at is None else call.ended_at)
        clock = f"{int(seconds) // 60:02d}:{int(seconds) % 60:02d}"
        if call.time_limit is not None:
            clock += f" / {call.time_limit // 60:02d}:{call.time_limit % 60:02d}"
        corner = pygame.Rect(call.corner.relative_rect) if call.corner else pygame.Rect(top.right, top.y, 0, top.height)
        shown = draw.text(
            surface, fonts.get(24, bold=True), clock, palette.ink, (corner.x - 28, top.centery), "midright"
        )
        name = draw.fit(title_font, call.speaker.split(",")[0], max(80, shown.x - 80))
        left = draw.text(surface, title_font, name, palette.ink, (52, top.centery), "midleft")
        small = fonts.get(15)
        room = shown.x - 20 - (left.right + 14)
        if room > 60:
            status_line = draw.fit(small, f"{call.status_text(self.status())} · {call.scenario.title}", room)
            draw.text(surface, small, status_line, palette.muted, (left.right + 14, top.centery), "midleft")
            self.drawn.add("status")

    def draw_left(self, surface: pygame.Surface) -> None:
        call = self.call
        palette, fonts = call.kit.look.palette, call.kit.look.fonts
        area = call.layout["left"]
        draw.panel(surface, area, palette)
        portraits = call.portraits
        if portraits is None:
            return
        talking = call.phase is Phase.DEBTOR and int(call.now() * 7) % 2 == 0 and call.revealed < 1
        image = portraits.get(call.shown_mood, talking)
        surface.blit(image, (area.centerx - image.get_width() // 2, area.y + 18))
        y = area.y + 26 + image.get_height()
        name_font = fonts.get(18, bold=True)
        name = draw.fit(name_font, call.speaker, area.width - 40)
        shown = draw.text(surface, name_font, name, palette.ink, (area.centerx, y), "midtop")
        y = shown.bottom + 2
        colour = {"angry": palette.anger, "annoyed": palette.warm, "pleased": palette.success}.get(
            call.shown_mood, palette.muted
        )
        mood = _(MOOD_WORDS[call.shown_mood]) if call.shown_mood in MOOD_WORDS else call.shown_mood
        draw.text(surface, fonts.get(15, bold=True), mood, colour, (area.centerx, y), "midtop")
        y += fonts.get(15).get_linesize() + 12
        small = fonts.get(14)
        if call.meters and call.mood is not None:
            tints = {"anger": palette.anger, "trust": palette.trust, "willingness": palette.willingness}
            for label, key in METERS:
                draw.text(surface, small, _(label), palette.muted, (area.x + 20, y))
                bar = pygame.Rect(
                    area.x + 20 + max(96, small.size(_("Willingness"))[0] + 12),
                    y + small.get_linesize() // 2 - 5,
                    0,
                    10,
                )
                bar.width = area.right - 20 - bar.x
                draw.bar(surface, bar, getattr(call.mood, key) / 100, tints[key], palette.track)
                y += small.get_linesize() + 8
            self.drawn.add("meters")
        elif not call.meters:
            room = pygame.Rect(area.x + 20, y, area.width - 40, small.get_linesize() * 2)
            y += draw.paragraph(surface, small, _(METERS_OFF), palette.muted, room, 2) + 8
            self.drawn.add("meters_off")
        account = call.scenario.account
        amount_font = fonts.get(22, bold=True)
        block = small.get_linesize() * 2 + amount_font.get_linesize() + 10
        top = area.bottom - block - 14
        if top <= y:
            return
        pygame.draw.line(surface, palette.panel_edge, (area.x + 16, top - 8), (area.right - 16, top - 8))
        draw.text(surface, fonts.get(13, bold=True), _("BALANCE DUE"), palette.muted, (area.x + 20, top))
        amount = money(account.amount, account.currency)
        draw.text(surface, amount_font, amount, palette.accent, (area.x + 20, top + small.get_linesize()))
        late = ngettext("{n} day late", "{n} days late", account.days_past_due).format(n=account.days_past_due)
        facts = draw.fit(small, f"{late} · {account.creditor}", area.width - 40)
        y = top + small.get_linesize() + amount_font.get_linesize() + 4
        draw.text(surface, small, facts, palette.ink, (area.x + 20, y))
        self.drawn.add("balance")

    def subtitle(self) -> tuple[str, str, bool]:
        """(who, words, is_the_debtor) for the subtitle box: the debtor's words under the debtor's name,
        what the trainee is doing under "YOU"; the call's own state is the top bar's and the transcript's."""
        call = self.call
        name = call.speaker.split(",")[0].upper()
        dots = "." * (1 + int(call.kit.clock.now() * 3) % 3)
        phase = call.phase
        if phase is Phase.DEBTOR and call.line is not None:
            return name, call.line.text[: round(len(call.line.text) * call.revealed)], True
        if phase is Phase.RINGING:
            return _("CALL"), _("Ringing") + dots, False
        if phase in (Phase.WAITING, Phase.THINKING):
            return name, dots, False
        you = _("YOU")
        if phase is Phase.TALKING and call.ears.partial():
            return you, call.ears.partial(), False
        if phase is Phase.TALKING:
            seconds = f"{call.now() - call.talk_from:.0f}"
            return you, _("Listening... {seconds} s (let go of F3 to send)").format(seconds=seconds), False
        if phase is Phase.HEARING:
            return you, _("Hearing you") + dots, False
        if phase is Phase.HOLDING:
            since = call.now() - (call.hold_from if call.hold_from is not None else call.now())
            return you, _("You hold the silence... {seconds} s").format(seconds=f"{since:.0f}"), False
        last = next((t for t in reversed(call.state.turns) if t.speaker == "debtor"), None)
        return name, last.text if last is not None else "", True

    def draw_subtitle(self, surface: pygame.Surface) -> None:
        call = self.call
        palette, fonts = call.kit.look.palette, call.kit.look.fonts
        box = call.layout["subtitle"]
        speaking = call.phase is Phase.DEBTOR
        edge = palette.accent if speaking else palette.panel_edge
        draw.panel(surface, box, palette, fill=palette.panel, edge=edge, edge_width=2 if speaking else 1)
        inner = box.inflate(-36, -28)
        font, label = fonts.get(21), fonts.get(13, bold=True)
        who, words, debtor = self.subtitle()
        draw.text(surface, label, who, palette.warm if debtor else palette.accent, inner.topleft)
        body = pygame.Rect(inner.x, inner.bottom - (inner.height - label.get_linesize() - 2), inner.width, 0)
        body.height = inner.bottom - body.y
        lines = 2 if call.compact else 3
        draw.paragraph(surface, font, words, palette.ink if debtor else palette.muted, body, lines)

    def draw_chips(self, surface: pygame.Surface) -> None:
        call = self.call
        palette, font = call.kit.look.palette, self.chip_font()
        for label, lit, warning, rect in self.chip_rects(call.layout["chips"]):
            if warning:
                pygame.draw.rect(surface, palette.danger_soft, rect, border_radius=rect.height // 2)
                pygame.draw.rect(surface, palette.danger, rect, 1, border_radius=rect.height // 2)
                draw.text(surface, font, "! " + label, palette.danger, rect.center, "center")
            else:
                draw.chip(surface, font, label, rect.topleft, lit, palette)
            self.drawn.add(f"chip:{label}")

    def draw_placeholder(self, surface: pygame.Surface) -> None:
        """The input's hint in the muted colour, while nothing is typed."""
        call = self.call
        entry = call.entry
        if entry is None or entry.text() or call.phase is Phase.ENDED:
            return
        font = call.kit.look.fonts.get(16)
        rect = pygame.Rect(entry.relative_rect)
        hint = draw.fit(font, call.placeholder(), rect.width - 40)
        draw.text(surface, font, hint, call.kit.look.palette.muted, (rect.x + 16, rect.y + 12))
        self.drawn.add("placeholder")

    def draw_over(self, surface: pygame.Surface) -> None:
        call = self.call
        self.draw_placeholder(surface)
        target = call.ring.current
        if target is not None and not (call.entry is not None and call.entry.is_focused):
            draw.focus_ring(surface, target.rect, call.kit.look.palette)
        if call.confirm_hangup:
            self.draw_confirm(surface)

    def draw_confirm(self, surface: pygame.Surface) -> None:
        keys = _("Enter: hang up      Esc: keep talking")
        draw.confirm(surface, self.call.kit.look, _("Hang up and end the call?"), keys)
