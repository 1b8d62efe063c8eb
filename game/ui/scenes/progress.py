"""Progress: the trainee's calls over time, best stars per scenario, and what to practise next.

The chart is drawn directly (a line of call totals with the pass mark), which costs well under a
millisecond a frame, rather than rendered by a plotting library off the loop.
"""

from __future__ import annotations

import pygame

from game.ui import draw, gateway, routes
from game.ui.names import principle_name
from game.ui.scene import Kit, Scene

PASS_MARK = 70


class ProgressScene(Scene):
    """How practice is going."""

    name = "progress"

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        button_h = self.kit.look.fonts.px(17) + 24
        self.button(
            pygame.Rect(width - 28 - 160, height - button_h - 22, 160, button_h),
            "Back (Esc)",
            self.kit.nav.pop,
            style="secondary",
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.kit.nav.pop()
            return True
        return self.handle_common(event)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width, height = surface.get_size()
        top = (
            draw.header(
                surface, fonts.get(26, bold=True), fonts.get(15), "Your progress", "Esc back", palette
            )
            + 18
        )
        button_h = fonts.px(17) + 24
        bottom = height - button_h - 40
        calls = self.kit.progress.calls
        chart = pygame.Rect(28, top, width * 62 // 100 - 28, bottom - top)
        side = pygame.Rect(chart.right + 20, top, width - chart.right - 48, bottom - top)
        draw.panel(surface, chart, palette)
        draw.panel(surface, side, palette)
        self._draw_chart(surface, chart.inflate(-40, -36))
        inner = side.inflate(-36, -32)
        heading = fonts.get(18, bold=True)
        body = fonts.get(15)
        y = inner.y
        draw.text(surface, heading, "Practise next", palette.ink, (inner.x, y))
        y += heading.get_linesize() + 4
        weakest = self.kit.progress.weakest_principle()
        advice = (
            f"{principle_name(weakest[0])}: averaging {weakest[1]:.0f} over your recent calls."
            if weakest
            else "Play a call to see which principle needs practice."
        )
        y += (
            draw.paragraph(
                surface,
                body,
                advice,
                palette.warm if weakest else palette.muted,
                pygame.Rect(inner.x, y, inner.width, 70),
                3,
            )
            + 16
        )
        draw.text(surface, heading, "Best stars", palette.ink, (inner.x, y))
        y += heading.get_linesize() + 6
        best = self.kit.progress.best_stars()
        scenarios = self.kit.catalog.scenarios()
        star = max(8, fonts.px(10))
        row = max(body.get_linesize(), star * 2) + 6
        for scenario in scenarios:
            if y + row > inner.bottom:
                break
            draw.text(
                surface,
                body,
                draw.fit(body, scenario.title, inner.width - star * 9),
                palette.ink,
                (inner.x, y),
            )
            draw.stars(
                surface,
                (inner.right - star * 3 - 4, y + body.get_linesize() // 2),
                best.get(scenario.id, 0),
                3,
                star,
                palette,
            )
            y += row
        if not calls:
            return
        average = sum(c.total for c in calls) / len(calls)
        summary = f"{len(calls)} call{'s' if len(calls) != 1 else ''} · average {average:.0f}"
        draw.text(surface, fonts.get(14), summary, palette.muted, (28, height - button_h - 30))

    def _draw_chart(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        heading = fonts.get(18, bold=True)
        draw.text(surface, heading, "Score per call", palette.ink, area.topleft)
        small = fonts.get(13)
        plot = pygame.Rect(
            area.x + 40,
            area.y + heading.get_linesize() + 14,
            area.width - 50,
            area.height - heading.get_linesize() - 14 - small.get_linesize() - 10,
        )
        for value in (0, 50, 100):
            y = plot.bottom - plot.height * value // 100
            pygame.draw.line(surface, palette.track, (plot.x, y), (plot.right, y))
            draw.text(surface, small, str(value), palette.muted, (plot.x - 8, y), "midright")
        pass_y = plot.bottom - plot.height * PASS_MARK // 100
        for x in range(plot.x, plot.right, 12):
            pygame.draw.line(surface, palette.success, (x, pass_y), (min(x + 6, plot.right), pass_y))
        draw.text(surface, small, "pass", palette.success, (plot.right, pass_y - 2), "bottomright")
        calls = self.kit.progress.calls[-40:]
        if not calls:
            draw.text(
                surface,
                fonts.get(16),
                "No calls yet: your scores will appear here.",
                palette.muted,
                plot.center,
                "center",
            )
            return
        step = plot.width / max(1, len(calls) - 1) if len(calls) > 1 else 0
        points = [
            (
                plot.x + (i * step if len(calls) > 1 else plot.width / 2),
                plot.bottom - plot.height * c.total / 100,
            )
            for i, c in enumerate(calls)
        ]
        if len(points) > 1:
            pygame.draw.aalines(surface, palette.accent, False, points)
            pygame.draw.lines(surface, palette.accent, False, points, 3)
        for (px, py), call in zip(points, calls, strict=True):
            colour = palette.success if call.total >= PASS_MARK else palette.warm
            pygame.draw.circle(surface, palette.panel, (round(px), round(py)), 7)
            pygame.draw.circle(surface, colour, (round(px), round(py)), 5)
        first, last = calls[0].at[:10], calls[-1].at[:10]
        draw.text(surface, small, first, palette.muted, (plot.x, plot.bottom + 6))
        if last != first:
            draw.text(surface, small, last, palette.muted, (plot.right, plot.bottom + 6), "topright")


@routes.opens(routes.Progress)
def _open(kit: Kit, route: routes.Progress) -> ProgressScene:
    return ProgressScene(kit)
