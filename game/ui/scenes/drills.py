"""Drills: the sets of graded calls a team lead assigns, listed so a trainee can take one.

Drill files are read, and the team's results store opened, by background jobs; a drill that fails to
load shows its problem. Choosing a drill asks the trainee's name, then runs its calls; L (or the
card's button) shows the drill's leaderboard.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pygame

from game.drills import DrillError, drill_scenarios, drill_summary, find_drills, load_drill
from game.i18n import _, ngettext
from game.store.store import ResultStore
from game.ui import draw, gateway, routes
from game.ui.jobs import JOB_DONE
from game.ui.scene import Kit, Scene

READ_JOB = "drills_read"
STORE_JOB = "store_opened"


def read_drills() -> list[dict[str, Any]]:
    """Every drill found, summarised, or with the problem that stops it (slow: a background job)."""
    rows: list[dict[str, Any]] = []
    for name, path in find_drills().items():
        try:
            drill = load_drill(path)
        except DrillError as err:
            rows.append({"name": name, "path": str(path), "problem": str(err)})
            continue
        summary = drill_summary(drill)
        rows.append({**summary, "description": drill.description, "scenarios": drill_scenarios(drill), "drill": drill})
    return rows


def open_store() -> ResultStore:
    """The team's results store at its default place (``COLLECTOR_SIM_DB`` or the user data folder)."""
    return ResultStore.open(None)


class DrillsScene(Scene):
    """The drills found in the shipped and the team lead's folders."""

    name = "drills"

    def __init__(self, kit: Kit) -> None:
        super().__init__(kit)
        self.rows: list[dict[str, Any]] | None = None
        self.problem = ""
        self._cards: list[tuple[pygame.Rect, dict[str, Any]]] = []

    def enter(self) -> None:
        self.kit.jobs.submit(READ_JOB, read_drills)
        if self.kit.results.store is None:
            self.kit.jobs.submit(STORE_JOB, open_store)

    def focused_row(self) -> dict[str, Any] | None:
        current = self.ring.current
        if current is None or ":" not in current.name:
            return None
        name = current.name.split(":", 1)[1]
        return next((row for row in self.rows or [] if row["name"] == name and "drill" in row), None)

    def start(self, row: dict[str, Any]) -> None:
        if self.kit.results.store is None:
            self.problem = self.problem or _("Opening the results store...")
            return
        self.go(routes.DrillStart(row["drill"]))

    def leaderboard(self, row: dict[str, Any]) -> None:
        if self.kit.results.store is None:
            self.problem = self.problem or _("Opening the results store...")
            return
        self.go(routes.Leaderboard(row["drill"]))

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        button_h = fonts.px(17) + 24
        top = fonts.get(26, bold=True).get_linesize() + 28 + 18
        card_h = fonts.get(18).get_linesize() + fonts.get(15).get_linesize() * 3 + 36
        board_label = _("Leaderboard (L)")
        board_w = fonts.get(15).size(board_label)[0] + 36
        board_h = fonts.px(15) + 18
        self._cards = []
        for i, row in enumerate(self.rows or []):
            rect = pygame.Rect(28, top + i * (card_h + 14), width - 56, card_h)
            if rect.bottom > height - button_h - 40:
                break
            self._cards.append((rect, row))
            if "problem" in row:
                continue
            self.ring.add(f"drill:{row['name']}", rect, partial(self.start, row))
            board = pygame.Rect(rect.right - 18 - board_w, rect.bottom - 12 - board_h, board_w, board_h)
            self.button(
                board, board_label, partial(self.leaderboard, row), name=f"board:{row['name']}", style="chip"
            )
        back = _("Back (Esc)")
        back_w = max(160, fonts.get(17).size(back)[0] + 40)
        self.button(
            pygame.Rect(width - 28 - back_w, height - button_h - 22, back_w, button_h),
            back,
            self.kit.nav.pop,
            name="back",
            style="secondary",
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.kit.nav.pop()
            return True
        if event.type == JOB_DONE and event.name == READ_JOB:
            if event.error is not None:
                self.problem = _("The drill files could not be read: {error}").format(error=event.error)
                self.rows = []
            else:
                self.rows = event.result
            self.kit.nav.remount()
            self.ring.index = 0
            return True
        if event.type == JOB_DONE and event.name == STORE_JOB:
            if event.error is not None:
                self.problem = _("Drills cannot be recorded: {error}").format(error=event.error)
            else:
                self.kit.results.opened(event.result)
                self.problem = ""
            return True
        if gateway.key(event, pygame.K_l):
            row = self.focused_row()
            if row is not None:
                self.leaderboard(row)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            on_button = any(w.relative_rect.collidepoint(event.pos) for w in self.widgets)
            for target in self.ring.targets:
                if target.name.startswith("drill:") and target.rect.collidepoint(event.pos) and not on_button:
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
            _("Drills"),
            _("Enter takes a drill · L leaderboard · Esc back"),
            palette,
        )
        body, bold = fonts.get(15), fonts.get(18, bold=True)
        if self.rows is None:
            reading = _("Reading drills...")
            draw.text(surface, fonts.get(18), reading, palette.muted, (width // 2, height // 2), "center")
        elif not self.rows:
            draw.text(
                surface,
                fonts.get(18),
                _("No drills yet. A team lead adds them as YAML files in the drills folder."),
                palette.muted,
                (width // 2, height // 2),
                "center",
            )
        for rect, row in self._cards:
            self._draw_card(surface, rect, row, body, bold)
        if self.problem:
            note, colour = self.problem, palette.danger
        elif self.kit.results.store is None:
            note, colour = _("Opening the results store..."), palette.muted
        else:
            note, colour = _("Results are saved to {url}").format(url=self.kit.results.store.url), palette.muted
        draw.text(surface, fonts.get(14), draw.fit(fonts.get(14), note, width - 250), colour, (28, height - 44))

    def _draw_card(
        self, surface: pygame.Surface, rect: pygame.Rect, row: dict[str, Any], body: pygame.font.Font, bold: Any
    ) -> None:
        palette = self.kit.look.palette
        broken = "problem" in row
        draw.panel(
            surface,
            rect,
            palette,
            fill=palette.danger_soft if broken else None,
            edge=palette.danger if broken else None,
        )
        inner = rect.inflate(-36, -24)
        title = row.get("title") or row["name"]
        draw.text(
            surface,
            bold,
            draw.fit(bold, title, inner.width - 260),
            palette.danger if broken else palette.ink,
            inner.topleft,
        )
        if broken:
            text = f"{Path(row['path']).name}: {row['problem']}"
            room = pygame.Rect(inner.x, inner.y + bold.get_linesize(), inner.width, inner.height)
            draw.paragraph(surface, body, text, palette.ink, room, 3)
            return
        marks = ngettext("{n} call · pass mark {mark}", "{n} calls · pass mark {mark}", row["calls"]).format(
            n=row["calls"], mark=row["pass_mark"]
        )
        if row.get("attempts", 1) > 1:
            marks += " · " + _("{n} tries a call").format(n=row["attempts"])
        draw.text(surface, body, marks, palette.muted, (inner.right, inner.y + 2), "topright")
        text = row.get("description") or _(", ").join(row.get("scenarios", []))
        room = pygame.Rect(inner.x, inner.y + bold.get_linesize() + 2, inner.width, inner.height)
        draw.paragraph(surface, body, text, palette.ink, room, 2)
        titles = [self._title(s) for s in row.get("scenarios", [])]
        calls = _("Calls: {titles}").format(titles=_(", ").join(titles))
        draw.text(
            surface,
            body,
            draw.fit(body, calls, inner.width - 200),
            palette.muted,
            (inner.x, inner.bottom - body.get_linesize()),
        )

    def _title(self, scenario_id: str) -> str:
        found = self.kit.catalog.find(scenario_id)
        return found.title if found is not None else scenario_id


@routes.opens(routes.Drills)
def _open(kit: Kit, route: routes.Drills) -> DrillsScene:
    return DrillsScene(kit)
