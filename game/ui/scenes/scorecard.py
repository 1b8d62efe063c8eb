"""The scorecard: how the call went, principle by principle, in the trainee's own words.

Lawful-conduct findings come first and in red; when there are several, L lists them all. The top notes
quote what the trainee said, say what happened, and give a better line to try; the turn-by-turn view
(T) shows the whole call with its notes and scrolls by keyboard (arrows, PageUp/PageDown, Home/End).
Retry (R) replays the same persona, Next (N) opens the call the trainee should take next. Finishing
here records the result in the trainee's progress, saved off the frame loop.

In a drill the card shows the drill's verdict; Next goes to the drill's next call (or its summary)
and Retry is offered while attempts remain. After a demo ("Watch a pro") nothing is recorded and
Enter or Esc goes back to the briefing to practise.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from enum import Enum

import pygame
from pygame_gui.elements import UITextBox

from game.engine.record import CallRecord
from game.engine.scenario import Scenario
from game.i18n import N_, _, ngettext
from game.ui import draw, gateway, routes
from game.ui.drill_run import DrillRun
from game.ui.names import outcome_line, principle_name, rule_name, turn_number, where
from game.ui.progress_store import CallResult, write_progress
from game.ui.scene import Kit, Scene
from scoring import Scorecard

NOTE_MARK = "•"  # in the bundled font (a test checks every glyph the window draws)
SCROLL_KEYS = {
    pygame.K_DOWN: 0.05,
    pygame.K_UP: -0.05,
    pygame.K_PAGEDOWN: 0.8,
    pygame.K_PAGEUP: -0.8,
    pygame.K_END: 10.0,
    pygame.K_HOME: -10.0,
}


class View(Enum):
    """What the right-hand side shows."""

    NOTES = "notes"
    TURNS = "turns"
    LAWFUL = "lawful"

DEMO_TITLES = {"pro": N_("The pro's call"), "poor": N_("A poor call")}


class ScorecardScene(Scene):
    """The result of one call, with Retry and Next."""

    name = "scorecard"

    def __init__(
        self,
        kit: Kit,
        scenario: Scenario,
        record: CallRecord,
        card: Scorecard,
        seed: int = 0,
        *,
        drill: DrillRun | None = None,
        demo: str | None = None,
        highlights: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(kit, scenario.language)
        self.scenario = scenario
        self.record = record
        self.seed = seed
        self.card = card
        self.drill = drill
        self.demo = demo
        self.highlights = highlights
        self.view = View.NOTES
        self.box: UITextBox | None = None
        self._areas: dict[str, pygame.Rect] = {}

    @property
    def turn_view(self) -> bool:
        return self.view is View.TURNS

    def drill_passed(self) -> bool | None:
        """The drill's verdict on this call (None outside a drill)."""
        if self.drill is None or not self.drill.taken:
            return None
        return self.drill.taken[-1].passed

    def enter(self) -> None:
        if self.demo is not None:
            return
        card = self.card
        result = CallResult(
            scenario=self.scenario.id,
            title=self.scenario.title,
            at=dt.datetime.now().isoformat(timespec="seconds"),
            total=card.total,
            stars=card.stars,
            outcome=card.outcome,
            principles={p.key: p.score for p in card.principles if p.weight > 0},
            passed=card.passed,
        )
        progress = self.kit.progress
        progress.add(result)
        home, text = self.kit.home, progress.snapshot()
        self.kit.jobs.submit("progress_saved", lambda: write_progress(home, text))

    # actions
    def can_retry(self) -> bool:
        return self.drill is None or self.drill.session.can_retry()

    def retry(self) -> None:
        if self.drill is not None:
            if self.drill.session.retry():
                self.swap(routes.Call(self.scenario, self.drill.session.seed, drill=self.drill))
        elif self.demo is not None:
            self.swap(routes.Demo(self.scenario, self.demo))
        else:
            self.swap(routes.Call(self.scenario, self.seed + 1))

    def next_call(self) -> None:
        """The drill's next call (or its summary); outside a drill, the call the trainee should take next."""
        if self.drill is not None:
            following = self.drill.session.next_call()
            if following is None:
                self.swap(routes.DrillSummary(self.drill))
            else:
                self.swap(routes.Briefing(following, drill=self.drill))
        elif self.demo is None:
            following = self.kit.catalog.next_up(self.kit.progress.calls, besides=self.scenario.id)
            self.swap(routes.Briefing(following or self.scenario))

    def menu(self) -> None:
        """Esc: the main menu; in a drill, the drill's summary; after a demo, the briefing."""
        if self.drill is not None:
            self.swap(routes.DrillSummary(self.drill))
        elif self.demo is not None:
            self.kit.nav.pop()
        else:
            self.kit.nav.back_to("menu")

    def _buttons(self) -> list[tuple[str, Callable[[], None], str | None, str]]:
        """(label, action, style, name) for this card's buttons, left to right."""
        turns = (_("Notes (T)") if self.turn_view else _("Turn by turn (T)"), self.toggle_turns, "secondary", "turns")
        out: list[tuple[str, Callable[[], None], str | None, str]] = []
        if self.demo is not None:
            out = [
                (_("Practise it now (Enter)"), self.menu, None, "practise"),
                (_("Watch again (R)"), self.retry, "secondary", "retry"),
                turns,
            ]
        elif self.drill is not None:
            following = _("Drill results (N)") if self.drill.session.last else _("Next call (N)")
            if self.drill.session.can_retry():
                out.append((_("Try again (R)"), self.retry, None, "retry"))
            out += [
                (following, self.next_call, "secondary" if out else None, "next"),
                turns,
                (_("End drill (Esc)"), self.menu, "secondary", "menu"),
            ]
        else:
            out = [
                (_("Retry (R)"), self.retry, None, "retry"),
                (_("Next call (N)"), self.next_call, "secondary", "next"),
                turns,
                (_("Menu (Esc)"), self.menu, "secondary", "menu"),
            ]
        if len(self.card.compliance) > 1:
            count = len(self.card.compliance)
            label = _("Notes (L)") if self.view is View.LAWFUL else _("All {n} findings (L)").format(n=count)
            out.insert(-1 if self.demo is None else len(out), (label, self.toggle_lawful, "secondary", "lawful"))
        return out

    def _show(self, view: View) -> None:
        self.view = View.NOTES if self.view is view else view
        self.kit.nav.remount()

    def toggle_turns(self) -> None:
        self._show(View.TURNS)

    def toggle_lawful(self) -> None:
        self._show(View.LAWFUL)

    def scroll(self, by: float) -> None:
        """Move the turn-by-turn view by ``by`` of its height (the keys' way to what the wheel does)."""
        bar = self.box.scroll_bar if self.box is not None else None
        if bar is None:
            return
        visible = bar.visible_percentage
        start = bar.start_percentage + by * visible
        bar.set_scroll_from_start_percentage(max(0.0, min(1.0 - visible, start)))

    def scrolled(self) -> float:
        """How far down the turn-by-turn view is, 0-1 (0 when it fits)."""
        bar = self.box.scroll_bar if self.box is not None else None
        return bar.start_percentage if bar is not None else 0.0

    # layout
    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        top = fonts.get(26, bold=True).get_linesize() + 28 + 18
        button_h = fonts.px(17) + 24
        bottom = height - button_h - 22
        left_w = max(330, min(520, width * 42 // 100))
        self._areas = {
            "left": pygame.Rect(28, top, left_w, bottom - top - 16),
            "right": pygame.Rect(28 + left_w + 20, top, width - left_w - 76, bottom - top - 16),
        }
        labels = self._buttons()
        x = width - 28
        for label, action, style, name in reversed(labels):
            w = fonts.get(17).size(label)[0] + 40
            x -= w
            self.button(pygame.Rect(x, bottom, w, button_h), label, action, name=name, style=style)
            x -= 12
        self.ring.focus(labels[0][3])
        self.box = None
        if self.view is not View.NOTES:
            text = self._turns_html() if self.view is View.TURNS else self._findings_html()
            self.box = UITextBox(text, self._areas["right"].inflate(-8, -8), self.kit.manager)
            self.widgets.append(self.box)

    def _hex(self, rgb: tuple[int, int, int]) -> str:
        return "#{:02X}{:02X}{:02X}".format(*rgb)

    def _turns_html(self) -> str:
        palette = self.kit.look.palette
        speaker = (self.scenario.persona.name or self.scenario.account.debtor_name).split(",")[0]
        parts = []
        for i, turn in enumerate(self.card.turns):
            number = turn_number(i)
            if turn.speaker == "trainee":
                hung_up = i < len(self.record.turns) and self.record.turns[i].hangup
                silent = _("(silent {seconds} s)").format(seconds=f"{turn.silence:.0f}")
                said = html.escape(turn.text) if turn.text else f"<i>{html.escape(silent)}</i>"
                if hung_up:
                    said = "<i>" + html.escape(_("(hung up)")) + "</i>"
                if turn.interrupt:
                    said += " <i>" + html.escape(_("(cut in)")) + "</i>"
                you = html.escape(_("{n}. You:").format(n=number))
                parts.append(f"<font color='{self._hex(palette.accent)}'><b>{you}</b></font> {said}<br>")
            else:
                who = html.escape(_("{n}. {speaker}:").format(n=number, speaker=speaker))
                name = f"<font color='{self._hex(palette.warm)}'><b>{who}</b></font>"
                parts.append(f"{name} {html.escape(turn.text)}<br>")
            for note in turn.notes:
                better = " " + html.escape(_('Try: "{line}"').format(line=note.better)) if note.better else ""
                colour = palette.danger if note.points < 0 else palette.success
                parts.append(
                    f"<font color='{self._hex(colour)}'>    {NOTE_MARK} {html.escape(note.note)}</font>"
                    f"<font color='{self._hex(palette.muted)}'>{better}</font><br>"
                )
        return "".join(parts)

    def _findings_html(self) -> str:
        """Every lawful-conduct finding, with the words and the better line."""
        palette = self.kit.look.palette
        heading = html.escape(_("Lawful conduct"))
        parts = [f"<font color='{self._hex(palette.danger)}'><b>{heading}</b></font><br>"]
        for finding in self.card.compliance:
            head = f"{where(finding.turn).capitalize()} · {rule_name(finding.rule)}"
            parts.append(f"<font color='{self._hex(palette.danger)}'><b>{html.escape(head)}</b></font><br>")
            said = _('You said: "{line}"').format(line=finding.text)
            parts.append(f"{html.escape(said)}<br>{html.escape(finding.note)}<br>")
            if finding.better:
                better = html.escape(_('Try: "{line}"').format(line=finding.better))
                parts.append(f"<font color='{self._hex(palette.accent)}'>{better}</font><br>")
            parts.append("<br>")
        return "".join(parts)

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE):
            if self.view is not View.NOTES:
                self._show(self.view)
            else:
                self.menu()
            return True
        if event.type == pygame.KEYDOWN and event.key in SCROLL_KEYS and self.box is not None:
            self.scroll(SCROLL_KEYS[event.key])
            return True
        if gateway.key(event, pygame.K_r) and self.can_retry():
            self.retry()
            return True
        if gateway.key(event, pygame.K_n) and self.demo is None:
            self.next_call()
            return True
        if gateway.key(event, pygame.K_t):
            self.toggle_turns()
            return True
        if gateway.key(event, pygame.K_l) and len(self.card.compliance) > 1:
            self.toggle_lawful()
            return True
        return self.handle_common(event)

    def hint(self) -> str:
        if self.view is View.TURNS:
            return _("Arrows, PageUp/PageDown, Home/End scroll · T or Esc: back to the notes")
        if self.view is View.LAWFUL:
            return _("Arrows, PageUp/PageDown scroll · L or Esc: back to the notes")
        if self.demo is not None:
            return _("Enter or Esc: back to the briefing · R watch again · T turn by turn")
        if self.drill is not None:
            return f"{self.drill.drill.title} · {self.drill.trainee}"
        return _("R retry · N next call · T turn by turn · Esc menu")

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        title, hint = _("Scorecard: {title}").format(title=self.scenario.title), self.hint()
        if self.demo is not None:
            kind = _(DEMO_TITLES[self.demo]) if self.demo in DEMO_TITLES else _("Demo")
            title = _("{kind}: {title}").format(kind=kind, title=self.scenario.title)
        elif self.drill is not None:
            session = self.drill.session
            title = _("Drill call {number} of {count}: {title}").format(
                number=session.number, count=session.count, title=self.scenario.title
            )
        draw.header(surface, fonts.get(26, bold=True), fonts.get(15), title, hint, palette)
        if not self._areas:
            return
        self._draw_summary(surface, self._areas["left"])
        if self.view is not View.NOTES:
            edge = 2 if self.kit.look.contrast else 1
            draw.panel(surface, self._areas["right"], palette, edge_width=edge)
        else:
            self._draw_notes(surface, self._areas["right"])

    def _draw_summary(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        card = self.card
        draw.panel(surface, area, palette)
        inner = area.inflate(-40, -32)
        speaker = (self.scenario.persona.name or self.scenario.account.debtor_name).split(",")[0]
        headline, detail = outcome_line(card, speaker)
        good = card.outcome == "commitment"
        y = inner.y
        title = fonts.get(26, bold=True)
        if title.size(headline)[0] > inner.width - 140:
            title = fonts.get(20, bold=True)
        draw.text(
            surface,
            title,
            draw.fit(title, headline, inner.width - 140),
            palette.success if good else palette.ink,
            (inner.x, y),
        )
        total = draw.text(
            surface,
            fonts.get(34, bold=True),
            str(card.total),
            palette.ink,
            (inner.right, y - 4),
            "topright",
        )
        draw.text(
            surface, fonts.get(13), _("of 100"), palette.muted, (total.centerx, total.bottom - 4), "midtop"
        )
        y += title.get_linesize()
        body = fonts.get(15)
        y += draw.paragraph(
            surface,
            body,
            detail,
            palette.muted,
            pygame.Rect(inner.x, y, inner.width - 110, body.get_linesize() * 2),
            2,
        )
        y += 10
        star_size = max(14, fonts.px(17))
        draw.stars(
            surface,
            (inner.x + star_size * 4, y + star_size),
            card.stars,
            3,
            star_size,
            palette,
        )
        passed = card.passed
        badge = _("Passed") if passed else _("Not passed yet")
        if card.auto_fail:
            first = min(card.compliance, key=lambda f: f.turn if f.turn is not None else -1)
            badge = _("Auto-fail: {rule}").format(rule=rule_name(first.rule))
        verdict = self.drill_passed()
        if self.drill is not None and verdict is not None:
            passed = verdict
            needs = self.drill.drill.pass_marks.total
            badge = _("Drill: passed") if passed else _("Drill: not passed (needs {needs})").format(needs=needs)
        draw.text(
            surface,
            fonts.get(16, bold=True),
            badge,
            palette.success if passed else palette.danger if card.auto_fail else palette.warm,
            (inner.x + star_size * 8 + 14, y + star_size),
            "midleft",
        )
        y += star_size * 2 + 18
        findings = card.compliance
        label = fonts.get(15)
        row = label.get_linesize() + 14
        room_for_findings = (label.get_linesize() * 2 + 24) if findings else 0
        for principle in card.principles:
            if y + row > inner.bottom - room_for_findings:
                break
            key, counted, score = principle.key, principle.weight > 0, principle.score
            name_w = min(inner.width // 2, max(160, label.size(principle_name("stay_quiet"))[0] + 12))
            draw.text(
                surface,
                label,
                draw.fit(label, principle_name(key), name_w),
                palette.ink if counted else palette.muted,
                (inner.x, y),
            )
            bar = pygame.Rect(
                inner.x + name_w, y + label.get_linesize() // 2 - 6, inner.width - name_w - 50, 12
            )
            tint = palette.success if score >= 80 else palette.warm if score >= 50 else palette.danger
            draw.bar(surface, bar, score / 100 if counted else 0, tint, palette.track)
            draw.text(
                surface, label, str(score) if counted else "–", palette.ink, (inner.right, y), "topright"
            )
            y += row
        stats = self.stats_text()
        if y + label.get_linesize() < inner.bottom - room_for_findings:
            y += draw.paragraph(
                surface, fonts.get(14), stats, palette.muted, pygame.Rect(inner.x, y + 6, inner.width, 50), 2
            )
        if findings:
            box = pygame.Rect(
                inner.x, max(y + 4, inner.bottom - room_for_findings), inner.width, room_for_findings
            )
            box.height = inner.bottom - box.y + 12
            pygame.draw.rect(surface, palette.danger_soft, box, border_radius=10)
            pygame.draw.rect(surface, palette.danger, box, 2, border_radius=10)
            first = findings[0]
            rule = rule_name(first.rule)
            if first.turn is not None:
                text = _('Lawful conduct: {rule} on turn {n}: "{line}"').format(
                    rule=rule, n=turn_number(first.turn), line=first.text
                )
            else:
                text = _('Lawful conduct: {rule}: "{line}"').format(rule=rule, line=first.text)
            if len(findings) > 1:
                text += _(" (+{n} more: press L)").format(n=len(findings) - 1)
            draw.paragraph(surface, fonts.get(14, bold=True), text, palette.danger, box.inflate(-20, -14), 2)

    def stats_text(self) -> str:
        """How long the call was and what the trainee did in it, counted."""
        turns = self.record.turns
        mine = [t for t in turns if t.speaker == "trainee" and not t.hangup]
        seconds = int(turns[-1].end) if turns else 0
        said = sum(1 for t in mine if t.text.strip())
        silences = sum(1 for t in mine if t.silence)
        cuts = sum(1 for t in mine if t.interrupt)
        parts = (
            _("{time} on the phone").format(time=f"{seconds // 60}:{seconds % 60:02d}"),
            ngettext("{n} line said", "{n} lines said", said).format(n=said),
            ngettext("{n} silence held", "{n} silences held", silences).format(n=silences),
            ngettext("{n} interruption", "{n} interruptions", cuts).format(n=cuts),
        )
        return " · ".join(parts)

    def _draw_notes(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        notes = self.card.top_notes
        small, body, bold = fonts.get(13, bold=True), fonts.get(15), fonts.get(15, bold=True)
        heading = _("What to work on")
        said_by = _('You said: "{line}"')
        if self.demo is not None:
            heading = _("What went wrong") if notes else _("What the pro did well")
            said_by = _('The pro said: "{line}"') if self.demo == "pro" else _('The collector said: "{line}"')
        draw.text(surface, fonts.get(18, bold=True), heading, palette.ink, area.topleft)
        y = area.y + fonts.get(18).get_linesize() + 8
        if not notes and self.highlights:
            self._draw_highlights(surface, pygame.Rect(area.x, y, area.width, area.bottom - y))
            return
        if not notes:
            draw.paragraph(
                surface,
                body,
                _("A clean call: nothing to correct. Try a harder persona next."),
                palette.muted,
                pygame.Rect(area.x, y, area.width, 80),
                3,
            )
            return
        for note in notes:
            topic = note.topic
            about = principle_name(topic.split(".")[0]).upper() if topic else _("THE CALL")
            lines_text = [(small, f"{where(note.turn)} · {about}", palette.muted)]
            if note.text:
                lines_text.append((bold, said_by.format(line=note.text), palette.ink))
            lines_text.append((body, note.note, palette.ink))
            if note.better:
                lines_text.append((bold, _('Try: "{line}"').format(line=note.better), palette.accent))
            inner_w = area.width - 36
            height = sum(len(draw.wrap(f, t, inner_w)) * f.get_linesize() for f, t, _ in lines_text) + 28
            if y + height > area.bottom:
                break
            box = pygame.Rect(area.x, y, area.width, height)
            is_finding = topic.startswith("compliance")
            draw.panel(
                surface,
                box,
                palette,
                edge=palette.danger if is_finding else None,
                edge_width=2 if is_finding else 1,
            )
            ty = y + 14
            for font, text, colour in lines_text:
                ty += draw.paragraph(surface, font, text, colour, pygame.Rect(box.x + 18, ty, inner_w, 400))
            y += height + 12

    def _draw_highlights(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """A demo's good moments, as the coach called them during the call."""
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        small, body = fonts.get(13, bold=True), fonts.get(15)
        y = area.y
        for heading, text in self.highlights:
            height = small.get_linesize() + len(draw.wrap(body, text, area.width - 36)) * body.get_linesize() + 20
            if y + height > area.bottom:
                break
            box = pygame.Rect(area.x, y, area.width, height)
            draw.panel(surface, box, palette, edge=palette.success)
            draw.text(surface, small, "✓ " + heading, palette.success, (box.x + 18, box.y + 10))
            room = pygame.Rect(box.x + 18, box.y + 10 + small.get_linesize(), area.width - 36, height)
            draw.paragraph(surface, body, text, palette.ink, room)
            y += height + 10


@routes.opens(routes.Scorecard)
def _open(kit: Kit, route: routes.Scorecard) -> ScorecardScene:
    return ScorecardScene(
        kit,
        route.scenario,
        route.record,
        route.card,
        route.seed,
        drill=route.drill,
        demo=route.demo,
        highlights=route.highlights,
    )
