"""The main menu: Practice, Drills, Progress, Settings, Quit."""

from __future__ import annotations

import pygame

from game.i18n import N_, _, ngettext
from game.ui import draw, gateway, routes
from game.ui.portraits import draw_face, face_for
from game.ui.scene import Kit, Scene

HOTKEYS = {
    pygame.K_p: "Practice",
    pygame.K_c: "Cases",
    pygame.K_d: "Drills",
    pygame.K_g: "Progress",
    pygame.K_s: "Settings",
}


class MenuScene(Scene):
    """Where practice starts; Escape here closes the game."""

    name = "menu"

    def __init__(self, kit: Kit) -> None:
        super().__init__(kit)
        self._faces: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.confirm_quit = False

    def practice(self) -> None:
        self.go(routes.Picker())

    def drills(self) -> None:
        self.go(routes.Drills())

    def cases(self) -> None:
        self.go(routes.Cases())

    def progress(self) -> None:
        self.go(routes.Progress())

    def settings(self) -> None:
        self.go(routes.Settings())

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        button_h = max(46, fonts.px(17) + 26)
        gap = 14
        left = max(40, width // 12)
        top = max(150, height // 2 - 2 * (button_h + gap) + 40)
        button_w = min(360, width // 2 - left - 20)
        entries = [
            (N_("Practice"), self.practice, None),
            (N_("Cases"), self.cases, "secondary"),
            (N_("Drills"), self.drills, "secondary"),
            (N_("Progress"), self.progress, "secondary"),
            (N_("Settings"), self.settings, "secondary"),
            (N_("Quit"), self.kit.quit, "secondary"),
        ]
        for i, (label, action, style) in enumerate(entries):
            rect = pygame.Rect(left, top + i * (button_h + gap), button_w, button_h)
            self.button(rect, _(label), action, name=label, style=style)
        self._faces = []
        size_big = max(110, min(width // 5, height // 2))
        cx, cy = width - 40 - size_big * 7 // 6, height // 2 + 20
        people = [
            (face_for("Mike Brennan", "angry", female=False, style="contractor"), "angry", -1),
            (face_for("Margaret Ellison", "cooperative", female=True, style="retiree"), "pleased", 1),
            (face_for("Walter Pruitt", "stalling", female=False, style="shopkeeper"), "annoyed", 0),
        ]
        for face, expression, offset in people:
            small = size_big if offset == 0 else size_big * 3 // 4
            pos = (cx + offset * size_big * 2 // 3 - small // 2, cy - small // 2 + (0 if offset == 0 else 40))
            self._faces.append((draw_face(face, expression, small), pos))
        self._faces.sort(key=lambda item: item[0].get_width())

    def handle(self, event: pygame.event.Event) -> bool:
        if self.confirm_quit:
            if gateway.key(event, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_y):
                self.kit.quit()
            elif gateway.key(event, pygame.K_ESCAPE, pygame.K_n):
                self.confirm_quit = False
            return event.type in (pygame.KEYDOWN, pygame.TEXTINPUT)
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_q):
            self.confirm_quit = True
            return True
        if event.type == pygame.KEYDOWN and event.key in HOTKEYS:
            for target in self.ring.targets:
                if target.name in (HOTKEYS[event.key], _(HOTKEYS[event.key])):
                    target.activate()
                    return True
        return self.handle_common(event)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width, height = surface.get_size()
        for image, pos in self._faces:
            surface.blit(image, pos)
        left = max(40, width // 12)
        title = draw.text(
            surface, fonts.get(46, bold=True), "Collector Sim", palette.ink, (left, max(36, height // 10))
        )
        tag = _("Practise the calls that get paid: calm, clear, and on the record.")
        draw.paragraph(
            surface,
            fonts.get(19),
            tag,
            palette.muted,
            pygame.Rect(left, title.bottom + 6, width // 2 - left, 80),
            2,
        )
        calls = self.kit.progress.calls
        if calls:
            best = sum(self.kit.progress.best_stars().values())
            practised = ngettext("{n} call practised", "{n} calls practised", len(calls)).format(n=len(calls))
            earned = ngettext("{n} star earned", "{n} stars earned", best).format(n=best)
            note = f"{practised} · {earned}"
        else:
            note = _("Your first call is one click away: choose Practice.")
        draw.text(surface, fonts.get(15), note, palette.muted, (left, height - 64))
        hint = _("Arrows or Tab move · Enter chooses · P C D G S are shortcuts · Esc: quit")
        draw.text(
            surface,
            fonts.get(14),
            draw.fit(fonts.get(14), hint, width - 2 * left),
            palette.muted,
            (left, height - 36),
        )

    def draw_over(self, surface: pygame.Surface) -> None:
        super().draw_over(surface)
        if not self.confirm_quit:
            return
        draw.confirm(surface, self.kit.look, _("Quit Collector Sim?"), _("Enter: quit      Esc: stay"))


@routes.opens(routes.Menu)
def _open(kit: Kit, route: routes.Menu) -> MenuScene:
    return MenuScene(kit)
