"""Drills: the sets of calls a team lead assigns, listed so the trainee can practise their calls.

Drill files are read by a background job; a drill that fails to load shows its problem. Choosing a
drill opens the briefing of its first call. Recorded, graded drill runs are taken with
``collector-sim drill run``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.ui import draw, gateway
from game.ui.jobs import JOB_DONE
from game.ui.scene import Scene


def read_drills() -> list[dict[str, Any]]:
    """Every drill found, summarised, or with the problem that stops it (slow: a background job)."""
    from game.drills import DrillError, drill_scenarios, drill_summary, find_drills, load_drill

    rows: list[dict[str, Any]] = []
    for name, path in find_drills().items():
        try:
            drill = load_drill(path)
        except DrillError as err:
            rows.append({"name": name, "path": str(path), "problem": str(err)})
            continue
        summary = drill_summary(drill)
        rows.append({**summary, "description": drill.description or "", "scenarios": drill_scenarios(drill)})
    return rows


class DrillsScene(Scene):
    """The drills found in the shipped and the team lead's folders."""

    name = "drills"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.rows: list[dict[str, Any]] | None = None
        self.problem = ""
        self._cards: list[tuple[pygame.Rect, dict[str, Any]]] = []

    def enter(self) -> None:
        self.kit.jobs.submit("drills_read", read_drills)

    def start(self, row: dict[str, Any]) -> None:
        from game.ui.scenes.briefing import BriefingScene

        for scenario_id in row.get("scenarios", []):
            scenario = self.kit.catalog.find(scenario_id)
            if scenario is not None:
                self.kit.nav.push(BriefingScene(self.kit, scenario))
                return
        self.problem = f"None of the calls in {row['name']} can be found."

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        button_h = fonts.px(17) + 24
        top = fonts.get(26, bold=True).get_linesize() + 28 + 18
        card_h = fonts.get(18).get_linesize() + fonts.get(15).get_linesize() * 3 + 36
        self._cards = []
        for i, row in enumerate(self.rows or []):
            rect = pygame.Rect(28, top + i * (card_h + 14), width - 56, card_h)
            if rect.bottom > height - button_h - 40:
                break
            self._cards.append((rect, row))
            if "problem" not in row:
                self.ring.add(f"drill:{row['name']}", rect, lambda r=row: self.start(r))
        self.button(
            pygame.Rect(width - 28 - 160, height - button_h - 22, 160, button_h),
            "Back (Esc)",
            self.kit.nav.pop,
            name="back",
            style="secondary",
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.kit.nav.pop()
            return True
        if event.type == JOB_DONE and event.name == "drills_read":
            if event.error is not None:
                self.problem = f"The drill files could not be read: {event.error}"
                self.rows = []
            else:
                self.rows = event.result
            self.kit.nav.remount()
            self.ring.index = 0
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for target in self.ring.targets:
                if target.name.startswith("drill:") and target.rect.collidepoint(event.pos):
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
            "Drills",
            "Enter practises a drill's calls · Esc back",
            palette,
        )
        body, bold = fonts.get(15), fonts.get(18, bold=True)
        if self.rows is None:
            draw.text(
                surface,
                fonts.get(18),
                "Reading drills...",
                palette.muted,
                (width // 2, height // 2),
                "center",
            )
        elif not self.rows:
            draw.text(
                surface,
                fonts.get(18),
                "No drills yet. A team lead adds them as YAML files in the drills folder.",
                palette.muted,
                (width // 2, height // 2),
                "center",
            )
        for rect, row in self._cards:
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
                draw.fit(bold, title, inner.width - 200),
                palette.danger if broken else palette.ink,
                inner.topleft,
            )
            if broken:
                text = f"{Path(row['path']).name}: {row['problem']}"
                draw.paragraph(
                    surface,
                    body,
                    text,
                    palette.ink,
                    pygame.Rect(inner.x, inner.y + bold.get_linesize(), inner.width, inner.height),
                    3,
                )
                continue
            marks = f"{row['calls']} calls · pass mark {row['pass_mark']}"
            draw.text(surface, body, marks, palette.muted, (inner.right, inner.y + 2), "topright")
            text = row.get("description") or ", ".join(row.get("scenarios", []))
            draw.paragraph(
                surface,
                body,
                text,
                palette.ink,
                pygame.Rect(inner.x, inner.y + bold.get_linesize() + 2, inner.width, inner.height),
                2,
            )
            calls = "Calls: " + ", ".join(row.get("scenarios", []))
            draw.text(
                surface,
                body,
                draw.fit(body, calls, inner.width),
                palette.muted,
                (inner.x, inner.bottom - body.get_linesize()),
            )
        note = (
            self.problem
            or "Graded drill runs for your team lead: collector-sim drill run NAME --trainee YOUR-NAME"
        )
        draw.text(
            surface,
            fonts.get(14),
            draw.fit(fonts.get(14), note, width - 250),
            palette.danger if self.problem else palette.muted,
            (28, height - 44),
        )
