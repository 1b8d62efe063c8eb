"""Progress: each principle over time, one persona at a time, from the trainee's own saved calls.

A persona's page is small multiples: a row per principle with its name, a little chart of its daily
average on real dates against a dashed pass-mark line, and its latest average. PageDown/PageUp (or
Right/Left) turn to the next persona, Up/Down scroll the rows when they do not all fit. The side panel
says what to practise next: the weakest principle only where one is below the pass mark
(``next_call.weakest_principle``, the same rule the picker follows), and the best stars per scenario.
Everything is drawn directly, which costs well under a millisecond a frame.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pygame

from game.i18n import _, ngettext
from game.store.next_call import PASS_MARK, weakest_principle
from game.store.progress import ProgressPoint, daily_averages
from game.ui import draw, gateway, routes
from game.ui.names import principle_name
from game.ui.progress_store import CallResult
from game.ui.scene import Kit, Scene

NEXT_KEYS = (pygame.K_PAGEDOWN, pygame.K_RIGHT)
PREVIOUS_KEYS = (pygame.K_PAGEUP, pygame.K_LEFT)


@dataclass(frozen=True)
class PersonaPage:
    """One persona's principles over time: each principle's points, oldest first."""

    scenario: str
    title: str
    calls: int
    days: tuple[dt.date, ...]
    rows: tuple[tuple[str, tuple[ProgressPoint, ...]], ...]


def persona_pages(calls: list[CallResult], titles: dict[str, str]) -> list[PersonaPage]:
    """A page per persona the trainee has called, the most recently called first; rows by principle name."""
    points = daily_averages(
        (call.scenario, call.started_at, key, score) for call in calls for key, score in call.principles.items()
    )
    last_called: dict[str, dt.datetime] = {}
    counts: dict[str, int] = {}
    for call in calls:
        last_called[call.scenario] = max(last_called.get(call.scenario, call.started_at), call.started_at)
        counts[call.scenario] = counts.get(call.scenario, 0) + 1
    pages = []
    for scenario in sorted(last_called, key=lambda s: (-last_called[s].timestamp(), s)):
        mine = [p for p in points if p.scenario == scenario]
        principles = sorted({p.principle for p in mine}, key=lambda k: (principle_name(k), k))
        rows = tuple((k, tuple(p for p in mine if p.principle == k)) for k in principles)
        days = tuple(sorted({p.day for p in mine}))
        pages.append(PersonaPage(scenario, titles.get(scenario, scenario), counts[scenario], days, rows))
    return pages


class ProgressScene(Scene):
    """How practice is going, persona by persona."""

    name = "progress"

    def __init__(self, kit: Kit) -> None:
        super().__init__(kit)
        self.page = 0
        self.first_row = 0
        self.pages: list[PersonaPage] = []
        self.rows_shown = 0

    def enter(self) -> None:
        self.refresh()

    def resume(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        titles = {s.id: s.title for s in self.kit.catalog.scenarios()}
        self.pages = persona_pages(self.kit.progress.calls, titles)
        self.page = min(self.page, max(0, len(self.pages) - 1))

    # actions
    def turn(self, step: int) -> None:
        """To the next (1) or previous (-1) persona, wrapping round."""
        if self.pages:
            self.page = (self.page + step) % len(self.pages)
            self.first_row = 0

    def scroll(self, step: int) -> None:
        if not self.pages:
            return
        hidden = len(self.pages[self.page].rows) - max(1, self.rows_shown)
        self.first_row = max(0, min(hidden, self.first_row + step))

    def side_advice(self) -> str:
        """What to practise next: the weakest principle only when it is below the pass mark."""
        calls = self.kit.progress.calls
        weakest = weakest_principle(calls)
        if weakest is not None:
            return _("{principle}: below the pass mark of {mark} over your recent calls.").format(
                principle=principle_name(weakest), mark=PASS_MARK
            )
        if calls:
            return _("Every principle is at or above the pass mark over your recent calls.")
        return _("Play a call to see which principle needs practice.")

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        label = _("Back  (Esc)")
        button_h = self.kit.look.fonts.px(17) + 24
        button_w = max(160, self.kit.look.fonts.get(17).size(label)[0] + 44)
        self.button(
            pygame.Rect(width - 28 - button_w, height - button_h - 22, button_w, button_h),
            label,
            self.kit.nav.pop,
            name="back",
            style="secondary",
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.kit.nav.pop()
            return True
        if gateway.key(event, *NEXT_KEYS):
            self.turn(1)
            return True
        if gateway.key(event, *PREVIOUS_KEYS):
            self.turn(-1)
            return True
        if gateway.key(event, pygame.K_DOWN, pygame.K_UP):
            self.scroll(1 if event.key == pygame.K_DOWN else -1)
            return True
        return self.handle_common(event, arrows=False)

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width, height = surface.get_size()
        hint = _("PgDn/PgUp: persona · Esc back")
        top = draw.header(surface, fonts.get(26, bold=True), fonts.get(15), _("Your progress"), hint, palette) + 16
        button_h = fonts.px(17) + 24
        bottom = height - button_h - 40
        split = width * 64 // 100
        main = pygame.Rect(28, top, split - 28, bottom - top)
        side = pygame.Rect(main.right + 16, top, width - main.right - 16 - 28, bottom - top)
        draw.panel(surface, main, palette)
        draw.panel(surface, side, palette)
        self._draw_page(surface, main.inflate(-32, -28))
        self._draw_side(surface, side.inflate(-28, -28))
        calls = self.kit.progress.calls
        if calls:
            average = sum(c.total for c in calls) / len(calls)
            summary = ngettext("{n} call · average {average}", "{n} calls · average {average}", len(calls))
            text = summary.format(n=len(calls), average=f"{average:.0f}")
            room = width - 56 - 200
            small = fonts.get(14)
            where = (28, height - button_h - 22 + button_h // 2)
            draw.text(surface, small, draw.fit(small, text, room), palette.muted, where, "midleft")

    def _draw_page(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        heading, body, small = fonts.get(18, bold=True), fonts.get(15), fonts.get(13)
        if not self.pages:
            self.rows_shown = 0
            empty = _("No calls yet: after your first call, each principle's score shows here, day by day.")
            draw.paragraph(surface, fonts.get(16), empty, palette.muted, area, 4)
            return
        page = self.pages[self.page]
        counter = _("Persona {n} of {total}").format(n=self.page + 1, total=len(self.pages))
        counter_w = small.size(counter)[0]
        title = draw.fit(heading, page.title, area.width - counter_w - 16)
        draw.text(surface, heading, title, palette.ink, area.topleft)
        draw.text(surface, small, counter, palette.muted, (area.right, area.y + 4), "topright")
        y = area.y + heading.get_linesize() + 2
        days = ngettext("over {n} day", "over {n} days", len(page.days)).format(n=len(page.days))
        calls = ngettext("{n} call", "{n} calls", page.calls).format(n=page.calls)
        line = _("{calls} {days} · dashed line: pass mark {mark}").format(calls=calls, days=days, mark=PASS_MARK)
        draw.text(surface, small, draw.fit(small, line, area.width), palette.muted, (area.x, y))
        y += small.get_linesize() + 12
        name_w = min(area.width * 38 // 100, max(body.size(principle_name(k))[0] for k, _p in page.rows) + 12)
        score_w = fonts.get(16, bold=True).size("100")[0] + 12
        chart_x = area.x + name_w
        chart_w = area.width - name_w - score_w
        draw.text(surface, small, _("Principle"), palette.muted, (area.x, y))
        draw.text(surface, small, _("Score by day, 0 to 100"), palette.muted, (chart_x + 4, y))
        draw.text(surface, small, _("Latest"), palette.muted, (area.right, y), "topright")
        y += small.get_linesize() + 2
        axis_h = small.get_linesize() + 6
        more_h = small.get_linesize() + 4
        room = area.bottom - y - axis_h
        shortest, tallest = max(body.get_linesize() + 12, 34), body.get_linesize() * 2 + 16
        row_h = max(shortest, min(tallest, room // max(1, len(page.rows))))
        fits = max(1, room // row_h)
        if fits < len(page.rows):
            fits = max(1, (room - more_h) // row_h)
        self.rows_shown = min(fits, len(page.rows))
        self.first_row = max(0, min(self.first_row, len(page.rows) - fits))
        shown = page.rows[self.first_row : self.first_row + fits]
        for key, points in shown:
            row = pygame.Rect(area.x, y, area.width, row_h)
            self._draw_row(surface, row, chart_x, chart_w, key, points, page.days)
            y += row_h
        first, last = page.days[0], page.days[-1]
        draw.text(surface, small, first.isoformat(), palette.muted, (chart_x + 4, y + 4))
        if last != first:
            draw.text(surface, small, last.isoformat(), palette.muted, (chart_x + chart_w - 4, y + 4), "topright")
        if fits < len(page.rows):
            more = _("Principles {first}-{last} of {total} · Up/Down for the rest").format(
                first=self.first_row + 1, last=self.first_row + len(shown), total=len(page.rows)
            )
            draw.text(surface, small, draw.fit(small, more, area.width), palette.muted, (area.x, y + axis_h))

    def _draw_row(
        self,
        surface: pygame.Surface,
        row: pygame.Rect,
        chart_x: int,
        chart_w: int,
        key: str,
        points: tuple[ProgressPoint, ...],
        days: tuple[dt.date, ...],
    ) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        body, bold = fonts.get(15), fonts.get(16, bold=True)
        pygame.draw.line(surface, palette.panel_edge, (row.x, row.bottom - 1), (row.right, row.bottom - 1))
        name = draw.fit(body, principle_name(key), chart_x - row.x - 12)
        draw.text(surface, body, name, palette.ink, (row.x, row.centery), "midleft")
        plot = pygame.Rect(chart_x + 4, row.y + 5, chart_w - 8, row.height - 10)
        pygame.draw.rect(surface, palette.bg, plot, border_radius=4)
        pass_y = plot.bottom - round(plot.height * PASS_MARK / 100)
        for x in range(plot.x, plot.right, 10):
            pygame.draw.line(surface, palette.success, (x, pass_y), (min(x + 5, plot.right), pass_y))
        span = max(1, (days[-1] - days[0]).days)

        def at(point: ProgressPoint) -> tuple[int, int]:
            share = (point.day - days[0]).days / span if len(days) > 1 else 0.5
            return plot.x + 5 + round((plot.width - 10) * share), plot.bottom - round(plot.height * point.average / 100)

        dots = [at(p) for p in points]
        if len(dots) > 1:
            pygame.draw.lines(surface, palette.accent, False, dots, 2)
        for point, dot in zip(points, dots, strict=True):
            colour = palette.success if point.average >= PASS_MARK else palette.warm
            pygame.draw.circle(surface, colour, dot, 4)
        latest = points[-1].average
        colour = palette.success if latest >= PASS_MARK else palette.warm
        draw.text(surface, bold, f"{latest:.0f}", colour, (row.right, row.centery), "midright")

    def _draw_side(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        heading, body = fonts.get(18, bold=True), fonts.get(15)
        y = inner.y
        draw.text(surface, heading, draw.fit(heading, _("Practise next"), inner.width), palette.ink, (inner.x, y))
        y += heading.get_linesize() + 4
        weakest = weakest_principle(self.kit.progress.calls)
        room = pygame.Rect(inner.x, y, inner.width, body.get_linesize() * 4)
        colour = palette.warm if weakest is not None else palette.muted
        y += draw.paragraph(surface, body, self.side_advice(), colour, room, 4) + 14
        if y + heading.get_linesize() > inner.bottom:
            return
        draw.text(surface, heading, draw.fit(heading, _("Best stars"), inner.width), palette.ink, (inner.x, y))
        y += heading.get_linesize() + 6
        best = self.kit.progress.best_stars()
        star = max(8, fonts.px(10))
        row = max(body.get_linesize(), star * 2) + 6
        for scenario in self.kit.catalog.scenarios():
            if y + row > inner.bottom:
                break
            title = draw.fit(body, scenario.title, inner.width - star * 9)
            draw.text(surface, body, title, palette.ink, (inner.x, y))
            centre = (inner.right - star * 3 - 4, y + body.get_linesize() // 2)
            draw.stars(surface, centre, best.get(scenario.id, 0), 3, star, palette)
            y += row


@routes.opens(routes.Progress)
def _open(kit: Kit, route: routes.Progress) -> ProgressScene:
    return ProgressScene(kit)
