"""Cases: one debtor over several calls, listed so a trainee can take one on.

A case is followed over time: prepare the file, choose the day and hour, make the call, write the
note, and follow up on the date it falls due. Each card says whose rules apply and how many calls
the case may take.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.cases.files import CaseError, LoadedCase, case_files, load_case
from game.i18n import _, ngettext
from game.ui import draw, gateway, routes
from game.ui.case_run import CaseRun
from game.ui.scene import Kit, Scene

JURISDICTIONS = {"US": "US", "UK": "UK", "CN": "CN", "none": "—"}


def read_cases() -> tuple[list[LoadedCase], list[str]]:
    """The shipped cases, and a sentence for each that fails to load."""
    found: list[LoadedCase] = []
    problems: list[str] = []
    for path in case_files():
        try:
            found.append(load_case(path))
        except CaseError as err:
            problems.append(str(err.problems[0]))
    return found, problems


class CasesScene(Scene):
    """Pick a case; Enter opens its file."""

    name = "cases"

    def __init__(self, kit: Kit) -> None:
        super().__init__(kit)
        self.cases, self.problems = read_cases()
        self._cards: list[tuple[pygame.Rect, LoadedCase]] = []

    def open(self, loaded: LoadedCase) -> None:
        self.go(routes.CaseFile(CaseRun(loaded)))

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        button_h = fonts.px(17) + 24
        top = fonts.get(26, bold=True).get_linesize() + 28 + 18
        card_h = fonts.get(18).get_linesize() + fonts.get(15).get_linesize() * 3 + 30
        self._cards = []
        for i, loaded in enumerate(self.cases):
            rect = pygame.Rect(28, top + i * (card_h + 12), width - 56, card_h)
            if rect.bottom > height - button_h - 40:
                break
            self._cards.append((rect, loaded))
            self.ring.add(f"case:{loaded.case.id}", rect, partial(self.open, loaded))
        self.button(
            pygame.Rect(width - 28 - 160, height - button_h - 22, 160, button_h),
            _("Back (Esc)"),
            self.kit.nav.pop,
            name="back",
            style="secondary",
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.kit.nav.pop()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for target in self.ring.targets:
                if target.name.startswith("case:") and target.rect.collidepoint(event.pos):
                    target.activate()
                    return True
        return self.handle_common(event)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width, height = surface.get_size()
        draw.header(
            surface,
            fonts.get(26, bold=True),
            fonts.get(15),
            _("Cases"),
            _("Arrows choose · Enter opens the file · Esc back"),
            palette,
        )
        body, bold = fonts.get(15), fonts.get(18, bold=True)
        if not self.cases:
            draw.text(surface, fonts.get(18), _("No cases found."), palette.muted, (width // 2, height // 2), "center")
        for rect, loaded in self._cards:
            case = loaded.case
            draw.panel(surface, rect, palette)
            inner = rect.inflate(-36, -22)
            draw.text(surface, bold, draw.fit(bold, case.title, inner.width - 280), palette.ink, inner.topleft)
            calls = ngettext("{n} call in the case", "{n} calls in the case", len(case.calls)).format(n=len(case.calls))
            rules = _("{rules} rules").format(rules=JURISDICTIONS[case.jurisdiction])
            draw.text(surface, body, f"{rules} · {calls}", palette.muted, (inner.right, inner.y + 2), "topright")
            room = pygame.Rect(inner.x, inner.y + bold.get_linesize() + 4, inner.width, inner.height)
            draw.paragraph(surface, body, case.description, palette.ink, room, 3)
        if self.problems:
            note = draw.fit(fonts.get(14), self.problems[0], width - 250)
            draw.text(surface, fonts.get(14), note, palette.danger, (28, height - 44))


@routes.opens(routes.Cases)
def _open(kit: Kit, route: routes.Cases) -> CasesScene:
    return CasesScene(kit)
