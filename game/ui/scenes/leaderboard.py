"""A drill's leaderboard: every trainee's best call total, best first, read from the results store.

The store is read by a background job; the drill summary draws the same table beside the trainee's
own calls, with the trainee's row marked.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.drills import Drill
from game.i18n import _
from game.ui import draw, gateway, routes
from game.ui.jobs import JOB_DONE
from game.ui.look import Look
from game.ui.scene import Kit, Scene

BOARD_JOB = "leaderboard_read"


def read_board(store: Any, drill: str) -> list[Any]:
    """The drill's leaderboard rows (slow: a background job)."""
    return list(store.leaderboard(drill))


def draw_board(
    surface: pygame.Surface,
    area: pygame.Rect,
    look: Look,
    rows: list[Any] | None,
    highlight: str | None = None,
    problem: str = "",
) -> None:
    """The table: rank, trainee, best total, calls passed of taken; ``highlight`` marks one trainee."""
    palette, fonts = look.palette, look.fonts
    body, bold, small = fonts.get(16), fonts.get(16, bold=True), fonts.get(13, bold=True)
    if problem or rows is None or not rows:
        text = problem or (_("Reading the results...") if rows is None else _("No calls taken yet: be the first."))
        draw.paragraph(surface, body, text, palette.danger if problem else palette.muted, area, 3)
        return
    passed_head = _("PASSED / CALLS") if area.width >= 480 else _("PASSED")
    passed_w = max(small.size(passed_head)[0], body.size("10 / 10")[0])
    best_right = area.right - 8 - passed_w - 28
    columns = [area.x + 8, area.x + 8 + body.size("00")[0] + 16, best_right, area.right - 8]
    draw.text(surface, small, "#", palette.muted, (columns[0], area.y))
    draw.text(surface, small, _("TRAINEE"), palette.muted, (columns[1], area.y))
    draw.text(surface, small, _("BEST"), palette.muted, (columns[2], area.y), "topright")
    draw.text(surface, small, passed_head, palette.muted, (columns[3], area.y), "topright")
    row_h = body.get_linesize() + 10
    y = area.y + small.get_linesize() + 8
    for rank, row in enumerate(rows, start=1):
        if y + row_h > area.bottom:
            break
        mine = highlight is not None and row.trainee == highlight
        if mine:
            band = pygame.Rect(area.x, y - 4, area.width, row_h)
            pygame.draw.rect(surface, palette.accent_soft, band, border_radius=8)
        font = bold if mine else body
        colour = palette.ink
        draw.text(surface, font, str(rank), palette.muted, (columns[0], y))
        name_room = columns[2] - columns[1] - bold.size("100")[0] - 16
        draw.text(surface, font, draw.fit(font, row.trainee, name_room), colour, (columns[1], y))
        tint = palette.success if row.best_total >= 80 else palette.warm if row.best_total >= 50 else palette.danger
        draw.text(surface, bold, str(row.best_total), tint, (columns[2], y), "topright")
        draw.text(surface, font, f"{row.passed} / {row.calls}", colour, (columns[3], y), "topright")
        y += row_h


class LeaderboardScene(Scene):
    """One drill's leaderboard, on its own."""

    name = "leaderboard"

    def __init__(self, kit: Kit, drill: Drill) -> None:
        super().__init__(kit)
        self.drill = drill
        self.rows: list[Any] | None = None
        self.problem = ""
        self._area = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        store, name = self.kit.results.store, self.drill.name
        self.kit.jobs.submit(BOARD_JOB, lambda: read_board(store, name))

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        top = fonts.get(26, bold=True).get_linesize() + 28 + 20
        button_h = fonts.px(17) + 24
        self._area = pygame.Rect(28, top, min(width - 56, 920), height - top - button_h - 44)
        self.button(
            pygame.Rect(width - 28 - 160, height - button_h - 22, 160, button_h),
            _("Back (Esc)"),
            self.kit.nav.pop,
            name="back",
            style="secondary",
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_l):
            self.kit.nav.pop()
            return True
        if event.type == JOB_DONE and event.name == BOARD_JOB:
            if event.error is not None:
                self.problem = _("The leaderboard could not be read: {error}").format(error=event.error)
            else:
                self.rows = event.result
            return True
        return self.handle_common(event)

    def draw(self, surface: pygame.Surface) -> None:
        look = self.kit.look
        surface.fill(look.palette.bg)
        fonts = look.fonts
        title = _("Leaderboard: {title}").format(title=self.drill.title)
        hint = _("Best call total per trainee · pass mark {mark} · Esc back").format(mark=self.drill.pass_marks.total)
        draw.header(surface, fonts.get(26, bold=True), fonts.get(15), title, hint, look.palette)
        draw.panel(surface, self._area, look.palette)
        draw_board(surface, self._area.inflate(-48, -40), look, self.rows, self.kit.settings.trainee, self.problem)


@routes.opens(routes.Leaderboard)
def _open(kit: Kit, route: routes.Leaderboard) -> LeaderboardScene:
    return LeaderboardScene(kit, route.drill)
