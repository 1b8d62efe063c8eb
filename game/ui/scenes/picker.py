"""The scenario picker: a card per scenario with its persona, difficulty and the trainee's best stars.

Cards are filtered by archetype; a file that fails to load shows as an error card with its
``PATH:LINE:COLUMN: message`` instead of breaking the list; F5 re-reads every file in the background.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pygame
from pygame_gui.elements import UIButton

from game.engine.scenario import Loaded, Scenario
from game.i18n import _, ngettext
from game.ui import draw, gateway, routes
from game.ui.catalog import Suggestion
from game.ui.jobs import JOB_DONE
from game.ui.names import archetype_label
from game.ui.portraits import Portraits, portraits_for
from game.ui.scene import Kit, Scene

CARD_H = 156
GAP = 18


class PickerScene(Scene):
    """Choose whom to call."""

    name = "picker"

    def __init__(self, kit: Kit) -> None:
        super().__init__(kit)
        self.filter = "all"
        self.scroll = 0
        self.reloading = False
        self.message = ""
        self.cards: list[tuple[pygame.Rect, Loaded]] = []
        self._portraits: dict[str, Portraits] = {}
        self._chips: dict[str, UIButton] = {}
        self._area = pygame.Rect(0, 0, 0, 0)

    # actions
    def choose(self, scenario: Scenario) -> None:
        self.go(routes.Briefing(scenario))

    def set_filter(self, archetype: str) -> None:
        self.filter = archetype
        self.scroll = 0
        self.kit.nav.remount()
        self.ring.focus(f"filter:{archetype}")

    def reload(self) -> None:
        if self.reloading:
            return
        self.reloading = True
        self.message = _("Reading scenario files...")
        catalog = self.kit.catalog
        self.kit.jobs.submit("scenarios_read", catalog.read)

    # layout
    def visible(self) -> list[Loaded]:
        """The cards in the filter, easiest first (files that do not load at the end)."""
        items = sorted(
            self.kit.catalog.items,
            key=lambda i: (0, i.scenario.difficulty, i.scenario.title) if i.scenario else (1, 0, str(i.path)),
        )
        if self.filter == "all":
            return items
        return [i for i in items if i.scenario is not None and i.scenario.persona.archetype == self.filter]

    def recommended(self) -> Scenario | None:
        """The call the trainee should take next (where the focus starts)."""
        found = self.suggestion()
        return found.scenario if found is not None else None

    def suggestion(self) -> Suggestion | None:
        """The suggested call and why (shown on its card)."""
        return self.kit.catalog.suggest(self.kit.progress.calls)

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        top = fonts.get(26, bold=True).get_linesize() + 28 + 16
        archetypes = sorted({s.persona.archetype for s in self.kit.catalog.scenarios()})
        x, y = 28, top
        chip_h = fonts.px(15) + 18
        self._chips = {}
        for archetype in ["all", *archetypes]:
            label = _("All") if archetype == "all" else archetype_label(archetype).capitalize()
            w = fonts.get(15).size(label)[0] + 34
            if x + w > width - 28:
                x, y = 28, y + chip_h + 8
            chip = self.button(
                pygame.Rect(x, y, w, chip_h),
                label,
                partial(self.set_filter, archetype),
                name=f"filter:{archetype}",
                style="chip",
            )
            if archetype == self.filter:
                chip.select()
            self._chips[archetype] = chip
            x += w + 8
        area_top = y + chip_h + 18
        self._area = pygame.Rect(0, area_top, width, height - area_top - 40)
        columns = max(1, min(3, (width - 56 + GAP) // (360 + GAP)))
        card_w = (width - 56 - GAP * (columns - 1)) // columns
        small = fonts.get(14).get_linesize()
        card_h = max(CARD_H, fonts.get(18, bold=True).get_linesize() + small * 4 + 44)
        self.cards = []
        for index, item in enumerate(self.visible()):
            row, col = divmod(index, columns)
            rect = pygame.Rect(28 + col * (card_w + GAP), area_top + row * (card_h + GAP), card_w, card_h)
            self.cards.append((rect, item))
            if item.scenario is not None:
                scenario = item.scenario
                self.ring.add(f"card:{scenario.id}", rect.copy(), partial(self.choose, scenario))
            else:
                self.ring.add(f"broken:{item.path}", rect.copy(), lambda: None)
        if self.cards and (self.ring.current is None or self.ring.current.name.startswith("filter:")):
            shown = [item.scenario.id for _, item in self.cards if item.scenario is not None]
            best = self.recommended()
            first = best.id if best is not None and best.id in shown else (shown[0] if shown else "")
            self.ring.focus(f"card:{first}")
        self._sync_scroll()

    def _sync_scroll(self) -> None:
        """Keep the focused card on screen and the focus targets where the cards are drawn."""
        current = self.ring.current
        for rect, item in self.cards:
            name = f"card:{item.scenario.id}" if item.scenario else f"broken:{item.path}"
            if current is not None and current.name == name:
                if rect.bottom - self.scroll > self._area.bottom:
                    self.scroll = rect.bottom - self._area.bottom
                if rect.top - self.scroll < self._area.top:
                    self.scroll = rect.top - self._area.top
        for target in self.ring.targets:
            for rect, item in self.cards:
                name = f"card:{item.scenario.id}" if item.scenario else f"broken:{item.path}"
                if target.name == name:
                    target.rect = rect.move(0, -self.scroll)

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.kit.nav.pop()
            return True
        if gateway.key(event, pygame.K_F5):
            self.reload()
            return True
        if event.type == JOB_DONE and event.name == "scenarios_read":
            self.reloading = False
            if event.error is not None:
                self.message = _("Could not read the scenario files: {error}").format(error=event.error)
            else:
                self.kit.catalog.set(event.result)
                self._portraits = {}
                broken = len(self.kit.catalog.broken())
                found = len(self.kit.catalog.scenarios())
                if broken:
                    self.message = _("Reloaded: {found} scenarios, {broken} with problems").format(
                        found=found, broken=broken
                    )
                else:
                    self.message = _("Reloaded: {found} scenarios").format(found=found)
                self.kit.nav.remount()
            return True
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y * 60)
            self._clamp_scroll()
            self._sync_targets_only()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, target in enumerate(self.ring.targets):
                card = target.name.startswith(("card:", "broken:"))
                if card and target.rect.collidepoint(event.pos) and self._area.collidepoint(event.pos):
                    self.ring.index = i
                    target.activate()
                    return True
        used = self.handle_common(event)
        if used and event.type == pygame.KEYDOWN:
            self._sync_scroll()
        return used

    def _clamp_scroll(self) -> None:
        bottom = max((r.bottom for r, _ in self.cards), default=0)
        self.scroll = max(0, min(self.scroll, bottom - self._area.bottom))

    def _sync_targets_only(self) -> None:
        for target in self.ring.targets:
            for rect, item in self.cards:
                name = f"card:{item.scenario.id}" if item.scenario else f"broken:{item.path}"
                if target.name == name:
                    target.rect = rect.move(0, -self.scroll)

    # drawing
    def _portrait(self, scenario: Scenario, size: int) -> Portraits:
        found = self._portraits.get(scenario.id)
        if found is None or found.size != size:
            found = portraits_for(scenario, size)
            self._portraits[scenario.id] = found
        return found

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        keys = _("Enter: brief me · Arrows: move · F5: reload files · Esc: back")
        draw.header(surface, fonts.get(26, bold=True), fonts.get(15), _("Choose a call"), keys, palette)
        clip = surface.get_clip()
        surface.set_clip(self._area.inflate(0, 16))
        best = self.kit.progress.best_stars()
        suggested = self.suggestion()
        for rect, item in self.cards:
            shown = rect.move(0, -self.scroll)
            if shown.bottom < self._area.top - 20 or shown.top > self._area.bottom + 20:
                continue
            if item.scenario is not None:
                why = suggested.why if suggested is not None and suggested.scenario.id == item.scenario.id else None
                self._draw_card(surface, shown, item.scenario, best.get(item.scenario.id, 0), why)
            else:
                self._draw_error(surface, shown, item)
        surface.set_clip(clip)
        if not self.cards:
            draw.text(
                surface,
                fonts.get(18),
                _("No scenarios match this filter."),
                palette.muted,
                self._area.center,
                "center",
            )
        width, height = surface.get_size()
        status = self.message or self.count_text()
        draw.text(
            surface,
            fonts.get(14),
            draw.fit(fonts.get(14), status, width - 56),
            palette.muted,
            (28, height - 28),
        )

    def count_text(self) -> str:
        total = len(self.kit.catalog.scenarios())
        shown = sum(1 for _, item in self.cards if item.scenario is not None)
        if self.filter == "all":
            return ngettext("{n} scenario", "{n} scenarios", total).format(n=total)
        return ngettext("{shown} of {n} scenario", "{shown} of {n} scenarios", total).format(shown=shown, n=total)

    def draw_over(self, surface: pygame.Surface) -> None:
        target = self.ring.current
        if target is None:
            return
        if target.name.startswith(("card:", "broken:")) and not self._area.inflate(0, 16).contains(
            target.rect
        ):
            return
        draw.focus_ring(surface, target.rect, self.kit.look.palette, 14)

    def _draw_card(
        self, surface: pygame.Surface, rect: pygame.Rect, scenario: Scenario, stars: int, why: str | None = None
    ) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        draw.panel(surface, rect, palette)
        side = min(rect.height - 28, 112)
        image = self._portrait(scenario, side).get("calm")
        surface.blit(image, (rect.x + 14, rect.y + 14))
        x = rect.x + side + 30
        room = rect.right - x - 14
        title_font, title_lines = self._title(scenario.title, room)
        y = rect.y + 12
        for line in title_lines:
            draw.text(surface, title_font, line, palette.ink, (x, y))
            y += title_font.get_linesize()
        who = scenario.persona.name or scenario.account.debtor_name
        small = fonts.get(14)
        draw.text(
            surface,
            small,
            draw.fit(small, f"{who} · {scenario.account.creditor}", room),
            palette.muted,
            (x, y),
        )
        y += small.get_linesize() + 4
        tag = archetype_label(scenario.persona.archetype)
        tag_w = small.size(tag)[0] + 18
        tag_rect = pygame.Rect(x, rect.bottom - small.get_linesize() - 18, tag_w, small.get_linesize() + 6)
        about = min(2 if len(title_lines) == 1 else 1, (tag_rect.y - 4 - y) // small.get_linesize())
        if why is not None and about > 0:  # the suggested call says why, in place of a line of its description
            reason = fonts.get(14, bold=True)
            area = pygame.Rect(x, y, room, reason.get_linesize() * about)
            used = draw.paragraph(surface, reason, why, palette.accent, area, about)
            y, about = y + used, about - used // reason.get_linesize()
        if about > 0:
            room_rect = pygame.Rect(x, y, room, small.get_linesize() * about)
            draw.paragraph(surface, small, scenario.description, palette.ink, room_rect, about)
        pygame.draw.rect(surface, palette.accent_soft, tag_rect, border_radius=tag_rect.height // 2)
        draw.text(surface, small, tag, palette.ink, tag_rect.center, "center")
        dots_x = tag_rect.right + 12
        for i in range(5):
            colour = palette.warm if i < scenario.difficulty else palette.track
            pygame.draw.circle(surface, colour, (dots_x + i * 13 + 5, tag_rect.centery), 5)
        star_size = max(7, fonts.px(8))
        pill = pygame.Rect(0, 0, star_size * 8 + 12, star_size * 2 + 10)
        pill.midtop = (rect.x + 14 + side // 2, rect.y + 14 + side - pill.height // 2)
        pygame.draw.rect(surface, palette.panel, pill, border_radius=pill.height // 2)
        pygame.draw.rect(surface, palette.panel_edge, pill, 1, border_radius=pill.height // 2)
        draw.stars(surface, pill.center, stars, 3, star_size, palette)

    def _title(self, title: str, room: int) -> tuple[pygame.font.Font, list[str]]:
        """The card title whole: on one line, a size smaller, on two lines, or (last) cut short."""
        fonts = self.kit.look.fonts
        for size, lines in ((18, 1), (16, 1), (18, 2), (16, 2)):
            font = fonts.get(size, bold=True)
            wrapped = draw.wrap(font, title, room)
            if len(wrapped) <= lines:
                return font, wrapped
        font = fonts.get(16, bold=True)
        wrapped = draw.wrap(font, title, room)
        return font, [wrapped[0], draw.fit(font, draw.rejoin(wrapped[1:]), room)]

    def _draw_error(self, surface: pygame.Surface, rect: pygame.Rect, item: Loaded) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        draw.panel(surface, rect, palette, fill=palette.danger_soft, edge=palette.danger, edge_width=2)
        bold = fonts.get(16, bold=True)
        small = fonts.get(13)
        inner = rect.inflate(-28, -24)
        draw.text(
            surface,
            bold,
            draw.fit(bold, _("Cannot load {file}").format(file=Path(item.path).name), inner.width),
            palette.danger,
            inner.topleft,
        )
        first = str(item.problems[0]) if item.problems else _("{path}: not valid").format(path=item.path)
        more = len(item.problems) - 1
        body = first + ("\n" + _("(+{n} more; run collector-sim validate)").format(n=more) if more > 0 else "")
        lines = max(1, (inner.height - bold.get_linesize()) // small.get_linesize())
        draw.paragraph(
            surface,
            small,
            body,
            palette.ink,
            pygame.Rect(inner.x, inner.y + bold.get_linesize() + 4, inner.width, inner.height),
            lines,
        )


@routes.opens(routes.Picker)
def _open(kit: Kit, route: routes.Picker) -> PickerScene:
    return PickerScene(kit)
