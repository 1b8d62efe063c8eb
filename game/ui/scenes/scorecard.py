"""The scorecard: how the call went, principle by principle, in the trainee's own words.

Lawful-conduct findings come first and in red. The top notes quote what the trainee said, say what
happened, and give a better line to try; the turn-by-turn view (T) shows the whole call with its
notes. Retry (R) replays the same persona, Next (N) moves to the next one. Finishing here records the
result in the trainee's progress, saved off the frame loop.

In a drill the card shows the drill's verdict; Next goes to the drill's next call (or its summary)
and Retry is offered while attempts remain. After a demo ("Watch a pro") nothing is recorded and
Enter or Esc goes back to the briefing to practise.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UITextBox

from game.engine.lines import money, spoken_date
from game.engine.record import CallRecord
from game.engine.scenario import Scenario
from game.ui import draw, gateway
from game.ui.progress_store import CallResult, write_progress
from game.ui.scene import Kit, Scene

if TYPE_CHECKING:
    from game.ui.drill_run import DrillRun

DEMO_TITLES = {"pro": "The pro's call", "poor": "A poor call"}
PRINCIPLE_NAMES = {
    "calm_tone": "Calm tone",
    "repeat_amount": "Repeat the amount",
    "commitment": "Get a commitment",
    "stay_quiet": "Know when to be quiet",
    "politeness": "Politeness",
    "right_party": "Right party",
    "excuse_handling": "Handling excuses",
    "empathy": "Empathy",
    "focus": "Focus",
    "abuse_handling": "Handling abuse",
    "relationship": "Relationship",
}
RULE_NAMES = {
    "threat": "Threat",
    "false_claim": "False claim",
    "insult": "Insult",
    "profanity": "Profanity",
    "third_party_disclosure": "Debt told to a third party",
    "unauthorised_fee": "Unauthorised fee",
    "collecting_disputed_debt": "Collecting a disputed debt",
    "missing_mini_miranda": "Missing debt-collection disclosure",
}


def principle_name(key: str) -> str:
    return PRINCIPLE_NAMES.get(key, key.replace("_", " ").capitalize())


def outcome_line(card: dict[str, Any], speaker: str, currency: str) -> tuple[str, str]:
    """A headline and a detail line for the call's outcome."""
    commitment = card.get("commitment")
    if card["outcome"] == "commitment" and commitment:
        amount = money(commitment["amount"], currency)
        detail = f"{amount} on {spoken_date(commitment['date'])} by {commitment['method']}"
        detail += ", read back and confirmed" if commitment.get("confirmed") else ", not read back"
        return "Promise to pay", detail
    return {
        "hung_up": (f"{speaker} hung up", "The call ended before a promise to pay."),
        "trainee_hung_up": ("You ended the call", "No promise to pay was made."),
    }.get(card["outcome"], ("No promise yet", "The call ended without a promise to pay."))


class ScorecardScene(Scene):
    """The result of one call, with Retry and Next."""

    name = "scorecard"

    def __init__(
        self,
        kit: Kit,
        scenario: Scenario,
        record: CallRecord,
        card: dict[str, Any],
        seed: int = 0,
        *,
        drill: DrillRun | None = None,
        demo: str | None = None,
        highlights: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(kit)
        self.scenario = scenario
        self.record = record
        self.seed = seed
        self.card = card
        self.drill = drill
        self.demo = demo
        self.highlights = highlights or []
        self.turn_view = False
        self._areas: dict[str, pygame.Rect] = {}

    def enter(self) -> None:
        if self.demo is not None:
            return
        card = self.card
        result = CallResult(
            scenario=self.scenario.id,
            title=self.scenario.title,
            at=dt.datetime.now().isoformat(timespec="seconds"),
            total=int(card["total"]),
            stars=int(card.get("stars", 0)),
            outcome=str(card["outcome"]),
            principles={k: int(v["score"]) for k, v in card["principles"].items() if v.get("weight", 1) > 0},
        )
        progress = self.kit.progress
        progress.add(result)
        home, text = self.kit.home, progress.snapshot()
        self.kit.jobs.submit("progress_saved", lambda: write_progress(home, text))

    # actions
    def retry(self) -> None:
        from game.ui.scenes.call import CallScene
        from game.ui.scenes.demo import DemoCallScene

        if self.drill is not None:
            self.drill.retry()
        elif self.demo is not None:
            self.kit.nav.replace(DemoCallScene(self.kit, self.scenario, self.demo))
        else:
            self.kit.nav.replace(CallScene(self.kit, self.scenario, self.seed + 1))

    def next_call(self) -> None:
        from game.ui.scenes.briefing import BriefingScene

        if self.drill is not None:
            self.drill.next_call()
        elif self.demo is None:
            following = self.kit.catalog.after(self.scenario.id) or self.scenario
            self.kit.nav.replace(BriefingScene(self.kit, following))

    def menu(self) -> None:
        """Esc: the main menu; in a drill, the drill's summary; after a demo, the briefing."""
        if self.drill is not None:
            self.drill.finish()
        elif self.demo is not None:
            self.kit.nav.pop()
        else:
            self.kit.nav.back_to("menu")

    def _buttons(self) -> list[tuple[str, Callable[[], None], str | None, str]]:
        """(label, action, style, name) for this card's buttons, left to right."""
        turns = ("Notes (T)" if self.turn_view else "Turn by turn (T)", self.toggle_turns, "secondary", "turns")
        if self.demo is not None:
            return [
                ("Practise it now (Enter)", self.menu, None, "practise"),
                ("Watch again (R)", self.retry, "secondary", "retry"),
                turns,
            ]
        if self.drill is not None:
            following = "Drill results (N)" if self.drill.last else "Next call (N)"
            out: list[tuple[str, Callable[[], None], str | None, str]] = []
            if self.drill.can_retry():
                out.append(("Try again (R)", self.retry, None, "retry"))
            out += [
                (following, self.next_call, "secondary" if out else None, "next"),
                turns,
                ("End drill (Esc)", self.menu, "secondary", "menu"),
            ]
            return out
        return [
            ("Retry (R)", self.retry, None, "retry"),
            ("Next call (N)", self.next_call, "secondary", "next"),
            turns,
            ("Menu (Esc)", self.menu, "secondary", "menu"),
        ]

    def toggle_turns(self) -> None:
        self.turn_view = not self.turn_view
        self.kit.nav.remount()

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
        if self.turn_view:
            box = UITextBox(self._turns_html(), self._areas["right"].inflate(-8, -8), self.kit.manager)
            self.widgets.append(box)

    def _hex(self, rgb: tuple[int, int, int]) -> str:
        return "#{:02X}{:02X}{:02X}".format(*rgb)

    def _turns_html(self) -> str:
        palette = self.kit.look.palette
        speaker = html.escape((self.scenario.persona.name or self.scenario.account.debtor_name).split(",")[0])
        parts = []
        for i, turn in enumerate(self.card.get("turns", [])):
            if turn["speaker"] == "trainee":
                said = (
                    html.escape(turn["text"])
                    if turn["text"]
                    else f"<i>(silent {turn.get('silence', 0):.0f} s)</i>"
                )
                if turn.get("interrupt"):
                    said += " <i>(cut in)</i>"
                parts.append(f"<font color='{self._hex(palette.accent)}'><b>{i}. You:</b></font> {said}<br>")
            else:
                name = f"<font color='{self._hex(palette.warm)}'><b>{i}. {speaker}:</b></font>"
                parts.append(f"{name} {html.escape(turn['text'])}<br>")
            for note in turn.get("notes", []):
                better = f' Try: "{html.escape(note["better"])}"' if note.get("better") else ""
                colour = palette.danger if note.get("points", 0) < 0 else palette.success
                parts.append(
                    f"<font color='{self._hex(colour)}'>    ▸ {html.escape(note['note'])}</font>"
                    f"<font color='{self._hex(palette.muted)}'>{better}</font><br>"
                )
        return "".join(parts)

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE):
            self.menu()
            return True
        if gateway.key(event, pygame.K_r) and (self.drill is None or self.drill.can_retry()):
            self.retry()
            return True
        if gateway.key(event, pygame.K_n) and self.demo is None:
            self.next_call()
            return True
        if gateway.key(event, pygame.K_t):
            self.toggle_turns()
            return True
        return self.handle_common(event)

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        title, hint = f"Scorecard: {self.scenario.title}", "R retry · N next call · T turn by turn · Esc menu"
        if self.demo is not None:
            title = f"{DEMO_TITLES.get(self.demo, 'Demo')}: {self.scenario.title}"
            hint = "Enter or Esc: back to the briefing · R watch again · T turn by turn"
        elif self.drill is not None:
            title = f"Drill call {self.drill.number} of {self.drill.count}: {self.scenario.title}"
            hint = f"{self.drill.drill.title} · {self.drill.trainee}"
        draw.header(surface, fonts.get(26, bold=True), fonts.get(15), title, hint, palette)
        if not self._areas:
            return
        self._draw_summary(surface, self._areas["left"])
        if self.turn_view:
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
        headline, detail = outcome_line(card, speaker, self.scenario.account.currency)
        good = card["outcome"] == "commitment"
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
            str(card["total"]),
            palette.ink,
            (inner.right, y - 4),
            "topright",
        )
        draw.text(
            surface, fonts.get(13), "of 100", palette.muted, (total.centerx, total.bottom - 4), "midtop"
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
            int(card.get("stars", 0)),
            3,
            star_size,
            palette,
        )
        passed = card.get("passed")
        badge = "Passed" if passed else "Not passed yet"
        if self.drill is not None and "drill_passed" in card:
            passed = card["drill_passed"]
            needs = self.drill.drill.pass_marks.total
            badge = "Drill: passed" if passed else f"Drill: not passed (needs {needs})"
        draw.text(
            surface,
            fonts.get(16, bold=True),
            badge,
            palette.success if passed else palette.warm,
            (inner.x + star_size * 8 + 14, y + star_size),
            "midleft",
        )
        y += star_size * 2 + 18
        findings = card.get("compliance", [])
        label = fonts.get(15)
        row = label.get_linesize() + 14
        room_for_findings = (label.get_linesize() * 2 + 24) if findings else 0
        for key, value in card["principles"].items():
            if y + row > inner.bottom - room_for_findings:
                break
            counted = value.get("weight", 1) > 0
            score = int(value["score"])
            name_w = min(inner.width // 2, max(160, label.size("Know when to be quiet")[0] + 12))
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
        turns = self.record.turns
        mine = [t for t in turns if t.speaker == "trainee" and not t.hangup]
        seconds = int(turns[-1].end) if turns else 0
        said = sum(1 for t in mine if t.text.strip())
        silences = sum(1 for t in mine if t.silence)
        cuts = sum(1 for t in mine if t.interrupt)
        stats = (
            f"{seconds // 60}:{seconds % 60:02d} on the phone · {said} lines said · "
            f"{silences} silences held · {cuts} interruptions"
        )
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
            rule = RULE_NAMES.get(first["rule"], first["rule"].replace("_", " ").capitalize())
            text = f'Lawful conduct: {rule} on turn {first["turn"]}: "{first["text"]}"'
            if len(findings) > 1:
                text += f" (+{len(findings) - 1} more)"
            draw.paragraph(surface, fonts.get(14, bold=True), text, palette.danger, box.inflate(-20, -14), 2)

    def _draw_notes(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        notes = self.card.get("top_notes", [])
        small, body, bold = fonts.get(13, bold=True), fonts.get(15), fonts.get(15, bold=True)
        heading, speaker = "What to work on", "You"
        if self.demo is not None:
            heading = "What went wrong" if notes else "What the pro did well"
            speaker = "The pro" if self.demo == "pro" else "The collector"
        draw.text(surface, fonts.get(18, bold=True), heading, palette.ink, area.topleft)
        y = area.y + fonts.get(18).get_linesize() + 8
        if not notes and self.highlights:
            self._draw_highlights(surface, pygame.Rect(area.x, y, area.width, area.bottom - y))
            return
        if not notes:
            draw.paragraph(
                surface,
                body,
                "A clean call: nothing to correct. Try a harder persona next.",
                palette.muted,
                pygame.Rect(area.x, y, area.width, 80),
                3,
            )
            return
        for note in notes:
            topic = str(note.get("topic") or note.get("about") or "")
            about = principle_name(topic.split(".")[0]).upper() if topic else "THE CALL"
            where = (
                f"TURN {note['turn']} · {about}" if note.get("turn") is not None else f"WHOLE CALL · {about}"
            )
            lines_text = [(small, where, palette.muted)]
            if note.get("text"):
                lines_text.append((bold, f'{speaker} said: "{note["text"]}"', palette.ink))
            lines_text.append((body, note["note"], palette.ink))
            if note.get("better"):
                lines_text.append((bold, f'Try: "{note["better"]}"', palette.accent))
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
