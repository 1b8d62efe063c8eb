"""The case note: the disposition written after every call (每一次同客户的交流情况记录在案卷上).

A short keyboard form: the outcome code, the promise's amount, date and method, the next action and
its date, and a remark. It is the evidence the next caller reads, and the case scorecard checks it
against what the call shows (a promise noted that was never made, a wrong date, no follow-up date).
Up/Down (or Tab) move between fields, Left/Right change a choice or a date, typing fills the text
fields, Delete clears a field, Enter saves the note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

import pygame
from pydantic import ValidationError

from game.cases.models import NOTE_OUTCOMES, NoteForm, NoteOutcome
from game.cases.timing import debtor_time, parse_local
from game.engine.record import CallRecord
from game.i18n import N_, _
from game.ui import case_words, draw, routes
from game.ui.case_run import CaseRun
from game.ui.scene import Kit, Scene

TRANSCRIPT_LINES = 6
METHOD_CHOICES = ("", *case_words.METHODS)


@dataclass
class Field:
    """One row of the form: its key, label, kind (choice, text, money or date) and value."""

    key: str
    label: str
    kind: str
    text: str = ""
    choice: int = 0
    day: dt.date | None = None


FIELDS = (
    ("outcome", N_("Outcome"), "choice"),
    ("amount", N_("Promised amount"), "money"),
    ("date", N_("Promised date"), "date"),
    ("method", N_("Payment method"), "method"),
    ("next_action", N_("Next action"), "text"),
    ("next_date", N_("Next action date"), "date"),
    ("remark", N_("Remark"), "text"),
)


class CaseNoteScene(Scene):
    """Write the note of the call just made; Enter saves it and opens the next call's file."""

    name = "case_note"

    def __init__(self, kit: Kit, run: CaseRun, at: str, record: CallRecord | None) -> None:
        super().__init__(kit)
        self.run = run
        self.at = parse_local(at)
        self.record = record
        self.fields = [Field(key, label, kind) for key, label, kind in FIELDS]
        self.focus = 0
        self.notice = ""
        self.call_day = debtor_time(run.loaded.case, self.at).date()
        self._rows: list[pygame.Rect] = []

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    # editing
    def change(self, step: int) -> None:
        """Left/Right: the next or previous choice, or a day later or earlier."""
        current = self.fields[self.focus]
        if current.kind == "choice":
            current.choice = (current.choice + step) % len(NOTE_OUTCOMES)
        elif current.kind == "method":
            current.choice = (current.choice + step) % len(METHOD_CHOICES)
        elif current.kind == "date":
            current.day = current.day + dt.timedelta(days=step) if current.day else self.call_day

    def typed(self, text: str) -> None:
        current = self.fields[self.focus]
        if current.kind == "money":
            current.text += "".join(ch for ch in text if ch.isdigit() or ch in ".,")
        elif current.kind == "text":
            current.text += text

    def erase(self, everything: bool) -> None:
        current = self.fields[self.focus]
        if current.kind in ("money", "text"):
            current.text = "" if everything else current.text[:-1]
        elif current.kind == "date":
            current.day = None
        else:
            current.choice = 0

    def note(self) -> NoteForm | None:
        """The form as a note, or None (and a notice) when a value cannot be read."""
        amount_text = self.field("amount").text.replace(",", "")
        try:
            amount = float(amount_text) if amount_text else None
        except ValueError:
            self.notice = _("The amount must be a number, e.g. 1000.")
            return None
        method = METHOD_CHOICES[self.field("method").choice]
        try:
            return NoteForm(
                outcome=cast(NoteOutcome, NOTE_OUTCOMES[self.field("outcome").choice]),
                amount=amount,
                date=self.field("date").day,
                method=method or None,
                next_action=self.field("next_action").text.strip() or None,
                next_date=self.field("next_date").day,
                remark=self.field("remark").text.strip(),
            )
        except ValidationError:
            self.notice = _("The amount must be more than zero.")
            return None

    def save(self) -> None:
        note = self.note()
        if note is None:
            return
        self.run.add(self.at, self.record, note)
        if self.run.record().upcoming is None:
            self.swap(routes.CaseScorecard(self.run))
        else:
            self.swap(routes.CaseFile(self.run))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            self.typed(event.text)
            return True
        if event.type != pygame.KEYDOWN:
            return self.handle_common(event, arrows=False)
        key = event.key
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.save()
        elif key in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
            back = key == pygame.K_UP or (key == pygame.K_TAB and bool(event.mod & pygame.KMOD_SHIFT))
            self.focus = (self.focus + (-1 if back else 1)) % len(self.fields)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.change(1 if key == pygame.K_RIGHT else -1)
        elif key == pygame.K_BACKSPACE:
            self.erase(False)
        elif key == pygame.K_DELETE:
            self.erase(True)
        elif key == pygame.K_ESCAPE:
            self.notice = _("Every call goes on the file: write the note, then Enter.")
        else:
            return False
        return True

    # drawing
    def shown(self, current: Field) -> str:
        if current.kind == "choice":
            return case_words.word(case_words.OUTCOMES, NOTE_OUTCOMES[current.choice])
        if current.kind == "method":
            method = METHOD_CHOICES[current.choice]
            return case_words.word(case_words.METHODS, method) if method else "—"
        if current.kind == "date":
            return case_words.day(current.day) if current.day else "—"
        return current.text

    def hint(self, current: Field) -> str:
        if current.kind in ("choice", "method"):
            return _("Left/Right to choose")
        if current.kind == "date":
            return _("Left/Right a day earlier or later · Delete clears")
        return _("Type · Backspace deletes")

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width, height = surface.get_size()
        title = _("Case note: call {n}").format(n=self.run.index + 1)
        hint = _("Up/Down field · Left/Right choose · type · Enter saves")
        top = draw.header(surface, fonts.get(26, bold=True), fonts.get(15), title, hint, palette) + 14
        body, small, bold = fonts.get(17), fonts.get(15), fonts.get(17, bold=True)
        if self.record is None:
            said = _("{when}: no answer.").format(when=case_words.when(self.at))
        else:
            said = _("{when}: the call is over. What happened goes on the file.").format(when=case_words.when(self.at))
        draw.text(surface, body, draw.fit(body, said, width - 56), palette.ink, (28, top))
        top += body.get_linesize() + 6
        if self.record is not None:
            lines = [t for t in self.record.turns if t.text][-TRANSCRIPT_LINES:]
            box = pygame.Rect(28, top, width - 56, small.get_linesize() * len(lines) + 20)
            draw.panel(surface, box, palette, fill=palette.bg)
            y = box.y + 10
            for turn in lines:
                who = _("You") if turn.speaker == "trainee" else _("Debtor")
                draw.text(
                    surface,
                    small,
                    draw.fit(small, f"{who}: {turn.text}", box.width - 24),
                    palette.muted,
                    (box.x + 12, y),
                )
                y += small.get_linesize()
            top = box.bottom + 14
        row_h = max(bold.get_linesize(), body.get_linesize()) + 16
        label_w = max(bold.size(_(label))[0] for _key, label, _kind in FIELDS) + 30
        form = pygame.Rect(28, top, width - 56, row_h * len(self.fields) + 24)
        draw.panel(surface, form, palette)
        self._rows = []
        for i, current in enumerate(self.fields):
            row = pygame.Rect(form.x + 18, form.y + 12 + i * row_h, form.width - 36, row_h - 6)
            self._rows.append(row)
            draw.text(surface, bold, _(current.label), palette.ink, (row.x, row.centery), "midleft")
            value = pygame.Rect(row.x + label_w, row.y, row.width - label_w, row.height)
            focused = i == self.focus
            pygame.draw.rect(surface, palette.accent_soft if focused else palette.bg, value, border_radius=8)
            shown = self.shown(current) + ("|" if focused and current.kind in ("money", "text") else "")
            if current.kind in ("choice", "method", "date") and focused:
                shown = f"‹  {shown}  ›"
            draw.text(
                surface,
                body,
                draw.fit(body, shown, value.width - 20),
                palette.ink,
                (value.x + 10, value.centery),
                "midleft",
            )
            if focused:
                draw.focus_ring(surface, value, palette, radius=8)
        y = form.bottom + 10
        draw.text(surface, small, self.hint(self.fields[self.focus]), palette.muted, (28, y))
        if self.notice:
            draw.text(
                surface,
                small,
                draw.fit(small, self.notice, width - 56),
                palette.danger,
                (28, y + small.get_linesize() + 4),
            )
        draw.text(surface, small, _("Enter saves the note"), palette.muted, (width - 28, height - 36), "topright")


@routes.opens(routes.CaseNote)
def _open(kit: Kit, route: routes.CaseNote) -> CaseNoteScene:
    return CaseNoteScene(kit, route.run, route.at, route.record)
