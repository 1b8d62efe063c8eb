"""The end of a drill: each call's outcome, total and verdict, the drill's verdict, and the leaderboard.

Every call was saved as it finished; the leaderboard is read after those saves (the jobs run in
order), so it already counts this run. Enter leaves: back to the drills list, or closes the window
when the game was opened straight into the drill.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.i18n import _, ngettext
from game.session import TakenCall
from game.ui import draw, gateway, routes
from game.ui.drill_run import DrillRun
from game.ui.jobs import JOB_DONE
from game.ui.names import outcome_line, principle_name
from game.ui.scene import Kit, Scene
from game.ui.scenes.leaderboard import BOARD_JOB, draw_board


class DrillSummaryScene(Scene):
    """How the trainee did in the drill, and where that puts them."""

    name = "drill_summary"

    def __init__(self, kit: Kit, run: DrillRun) -> None:
        super().__init__(kit)
        self.run = run
        self.board: list[Any] | None = None
        self.board_problem = ""
        self._areas: dict[str, pygame.Rect] = {}

    def enter(self) -> None:
        self.run.leaderboard(BOARD_JOB)

    def done(self) -> None:
        if any(scene.name == "drills" for scene in self.kit.nav.scenes):
            self.kit.nav.back_to("drills")
        else:
            self.kit.quit()

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        top = fonts.get(26, bold=True).get_linesize() + 28 + 18
        button_h = fonts.px(17) + 24
        bottom = height - button_h - 22
        left_w = max(360, (width - 76) * 56 // 100)
        self._areas = {
            "left": pygame.Rect(28, top, left_w, bottom - top - 16),
            "right": pygame.Rect(28 + left_w + 20, top, width - left_w - 76, bottom - top - 16),
        }
        done = _("Done (Enter)")
        done_w = max(180, self.kit.look.fonts.get(17).size(done)[0] + 40)
        self.button(pygame.Rect(width - 28 - done_w, bottom, done_w, button_h), done, self.done, name="done")

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == JOB_DONE and event.name == BOARD_JOB:
            if event.error is not None:
                self.board_problem = _("The leaderboard could not be read: {error}").format(error=event.error)
            else:
                self.board = event.result
            return True
        if gateway.key(event, pygame.K_ESCAPE):
            self.done()
            return True
        return self.handle_common(event)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        run = self.run
        hint = _("{trainee} · results saved").format(trainee=run.trainee)
        draw.header(
            surface,
            fonts.get(26, bold=True),
            fonts.get(15),
            _("Drill results: {title}").format(title=run.drill.title),
            hint,
            palette,
        )
        if not self._areas:
            return
        self._draw_calls(surface, self._areas["left"])
        right = self._areas["right"]
        draw.panel(surface, right, palette)
        inner = right.inflate(-40, -32)
        draw.text(surface, fonts.get(18, bold=True), _("Leaderboard"), palette.ink, inner.topleft)
        board = pygame.Rect(inner.x, inner.y + fonts.get(18).get_linesize() + 14, inner.width, inner.height)
        board.height = inner.bottom - board.y
        draw_board(surface, board, self.kit.look, self.board, run.trainee, self.board_problem)

    def _draw_calls(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        run = self.run
        draw.panel(surface, area, palette)
        inner = area.inflate(-40, -32)
        passed_calls = sum(1 for n in range(1, run.session.count + 1) if run.session.call_passed(n))
        passed = run.session.passed()
        verdict = _("Drill passed") if passed else _("Not passed yet")
        big = fonts.get(30, bold=True)
        draw.text(surface, big, verdict, palette.success if passed else palette.warm, inner.topleft)
        y = inner.y + big.get_linesize()
        body = fonts.get(16)
        detail = ngettext(
            "{passed} of {n} call passed · a call passes at {mark}",
            "{passed} of {n} calls passed · a call passes at {mark}",
            run.session.count,
        ).format(passed=passed_calls, n=run.session.count, mark=run.drill.pass_marks.total)
        draw.text(surface, body, draw.fit(body, detail, inner.width), palette.muted, (inner.x, y))
        y += body.get_linesize() + 18
        if run.problem:
            y += draw.paragraph(
                surface,
                fonts.get(14, bold=True),
                run.problem,
                palette.danger,
                pygame.Rect(inner.x, y, inner.width, 60),
                2,
            )
            y += 8
        row_h = fonts.get(18).get_linesize() + fonts.get(15).get_linesize() * 2 + 26
        for number in range(1, run.session.count + 1):
            if y + row_h > inner.bottom:
                break
            tries = [t for t in run.taken if t.number == number]
            self._draw_call(surface, pygame.Rect(inner.x, y, inner.width, row_h - 10), number, tries)
            y += row_h
        advice = self._advice()
        if advice and y + body.get_linesize() * 3 + 30 <= inner.bottom:
            box = pygame.Rect(inner.x, inner.bottom - body.get_linesize() * 2 - 34, inner.width, 0)
            box.height = inner.bottom - box.y
            pygame.draw.rect(surface, palette.accent_soft, box, border_radius=10)
            label = fonts.get(14, bold=True)
            draw.text(surface, label, _("PRACTISE NEXT"), palette.accent, (box.x + 16, box.y + 10))
            room = pygame.Rect(box.x + 16, box.y + 12 + label.get_linesize(), box.width - 32, body.get_linesize())
            draw.paragraph(surface, body, advice, palette.ink, room, 1)

    def _draw_call(self, surface: pygame.Surface, box: pygame.Rect, number: int, tries: list[TakenCall]) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        run = self.run
        scenario_id = run.session.ids[number - 1]
        scenario = self.kit.catalog.find(scenario_id)
        title = scenario.title if scenario is not None else scenario_id
        best = max(tries, key=lambda t: (t.passed, t.total)) if tries else None
        edge = palette.panel_edge if best is None else palette.success if best.passed else palette.warm
        pygame.draw.rect(surface, palette.bg, box, border_radius=10)
        pygame.draw.rect(surface, edge, box, 2, border_radius=10)
        inner = box.inflate(-28, -16)
        name_font, body, bold = fonts.get(18, bold=True), fonts.get(15), fonts.get(15, bold=True)
        total_font = fonts.get(24, bold=True)
        if best is None:
            shown = draw.text(surface, body, _("Not taken"), palette.muted, (inner.right, inner.y + 2), "topright")
        else:
            shown = draw.text(surface, total_font, str(best.total), palette.ink, (inner.right, inner.y - 4), "topright")
        title_room = shown.x - 16 - inner.x
        draw.text(surface, name_font, draw.fit(name_font, f"{number}. {title}", title_room), palette.ink, inner.topleft)
        y = inner.y + name_font.get_linesize()
        if best is None:
            draw.text(surface, body, _("The drill ended before this call."), palette.muted, (inner.x, y))
            return
        verdict = draw.text(
            surface,
            bold,
            "✓ " + _("Passed") if best.passed else _("Not yet"),
            palette.success if best.passed else palette.warm,
            (inner.right, y),
            "topright",
        )
        speaker = (scenario.persona.name or scenario.account.debtor_name).split(",")[0] if scenario else _("The debtor")
        headline, detail = outcome_line(best.card, speaker)
        tries_note = " · " + _("{n} tries").format(n=len(tries)) if len(tries) > 1 else ""
        said = _("{headline}: {detail}").format(headline=headline, detail=detail)
        line = draw.fit(body, said + tries_note, verdict.x - 16 - inner.x)
        draw.text(surface, body, line, palette.muted, (inner.x, y))
        y += body.get_linesize()
        draw.text(surface, body, draw.fit(body, self._work_on(best), inner.width), palette.ink, (inner.x, y))

    def _advice(self) -> str:
        """The principle with the lowest average over the calls taken, to practise next."""
        scores: dict[str, list[int]] = {}
        for taken in self.run.taken:
            for principle in taken.card.principles:
                if principle.weight > 0:
                    scores.setdefault(principle.key, []).append(principle.score)
        if not scores:
            return ""
        key = min(scores, key=lambda k: (sum(scores[k]) / len(scores[k]), k))
        average = round(sum(scores[key]) / len(scores[key]))
        return _("{principle}: {average} on average over this drill's calls, your lowest.").format(
            principle=principle_name(key), average=average
        )

    def _work_on(self, taken: TakenCall) -> str:
        """The call's weakest principles under the drill's marks, or that there were none."""
        marks = self.run.drill.pass_marks
        low = sorted(
            (p.score, p.key)
            for p in taken.card.principles
            if p.weight > 0 and p.score < marks.principles.get(p.key, marks.total)
        )
        if taken.card.compliance:
            return _("Work on: lawful conduct first (see the call's scorecard)")
        if not low:
            return _("Every principle met its mark")
        weakest = _(", ").join(f"{principle_name(key)} {score}" for score, key in low[:3])
        return _("Work on: {principles}").format(principles=weakest)


@routes.opens(routes.DrillSummary)
def _open(kit: Kit, route: routes.DrillSummary) -> DrillSummaryScene:
    return DrillSummaryScene(kit, route.run)
