"""Voice calibration: the trainee reads one calm line so later turns can be read against their own voice.

Shown the first time spoken input is used (no baseline saved yet). Holding F3 records the line; letting
go measures it (loudness, pitch, pace) in a background job, saves it in the settings and shows it.
Without a microphone the screen says so and offers to skip. Enter or Esc goes back to the call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.audio.prosody import CALIBRATION_LINE
from game.i18n import _
from game.ui import draw, gateway, routes
from game.ui.jobs import JOB_DONE
from game.ui.listen import Ears, measure_voice
from game.ui.scene import Kit, Scene

if TYPE_CHECKING:
    from game.engine.record import Prosody

TALK_KEY = pygame.K_F3
MEASURE_JOB = "calibration_measured"


def describe(calm: Prosody) -> str:
    """The baseline in words a trainee can read."""
    return _("Your calm voice: {loudness} dBFS loud, pitch around {pitch} Hz, {pace} words a minute.").format(
        loudness=f"{calm.loudness_dbfs:.0f}", pitch=f"{calm.pitch_mean_hz:.0f}", pace=f"{calm.words_per_minute:.0f}"
    )


class CalibrationScene(Scene):
    """Read the calibration line once; the measured voice becomes the calm baseline."""

    name = "calibration"

    def __init__(self, kit: Kit) -> None:
        super().__init__(kit)
        self.ears: Ears = kit.ears()
        self.phase = "ready" if self.ears.available else "no_mic"
        self.message = ""

    def done(self) -> None:
        if self.phase == "measuring":
            return
        if self.phase != "saved":
            self.kit.calibration_skipped = True
        self.kit.nav.pop()

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        button_h = self.kit.look.fonts.px(17) + 24
        label = _("Continue (Enter)") if self.phase == "saved" else _("Skip for now (Esc)")
        self.button(
            pygame.Rect(width - 28 - 220, height - button_h - 22, 220, button_h),
            label,
            self.done,
            name="done",
            style=None if self.phase == "saved" else "secondary",
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == JOB_DONE:
            if event.name != MEASURE_JOB:
                return False
            self._measured(event.result if event.error is None else None)
            return True
        if event.type == pygame.KEYUP and event.key == TALK_KEY:
            if self.phase == "recording":
                wav = self.ears.capture()
                if wav is None:
                    self.phase, self.message = "ready", _("Nothing was recorded: hold F3 while you read the line.")
                else:
                    self.phase, self.message = "measuring", ""
                    self.kit.jobs.submit(MEASURE_JOB, lambda: measure_voice(wav, CALIBRATION_LINE))
            return True
        if gateway.key(event, TALK_KEY):
            if self.phase in ("ready", "saved") and self.ears.available:
                self.phase = "recording"
                self.ears.start()
            return True
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.done()
            return True
        return self.handle_common(event)

    def _measured(self, calm: Prosody | None) -> None:
        if calm is None or calm.words_per_minute <= 0 or calm.pitch_mean_hz <= 0:
            self.phase, self.message = "ready", _("That could not be measured: hold F3 and read the line again.")
            return
        self.kit.apply_settings(self.kit.settings.with_baseline(calm))
        self.phase, self.message = "saved", describe(calm)
        self.kit.nav.remount()

    def status(self) -> str:
        if self.phase == "no_mic":
            notice = _(self.ears.notice) if self.ears.notice else _("No microphone was found.")
            return _("{notice} Calibration needs a microphone; you can skip it and type your answers.").format(
                notice=notice
            )
        if self.phase == "recording":
            return _("Listening... let go of F3 when you have read the line.")
        if self.phase == "measuring":
            return _("Measuring your voice...")
        if self.phase == "saved":
            return _("{baseline} Later turns are compared with it. Press Enter to continue.").format(
                baseline=self.message
            )
        return self.message or _("Hold F3, read the line in your usual calm voice, then let go.")

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width = surface.get_width()
        bottom = draw.header(
            surface,
            fonts.get(26, bold=True),
            fonts.get(15),
            _("Your calm voice"),
            _("Hold F3 and read the line · Esc skips"),
            palette,
        )
        panel_w = min(820, width - 56)
        x = (width - panel_w) // 2
        y = bottom + 24
        box = pygame.Rect(x, y, panel_w, fonts.get(22).get_linesize() * 3 + 40)
        draw.panel(surface, box, palette, edge=palette.focus if self.phase == "recording" else None)
        draw.paragraph(surface, fonts.get(22), f"“{CALIBRATION_LINE}”", palette.ink, box.inflate(-40, -40), 3)
        colour = palette.warm if self.phase == "no_mic" else palette.muted
        draw.paragraph(
            surface, fonts.get(17), self.status(), colour, pygame.Rect(x, box.bottom + 18, panel_w, 120), 4
        )


@routes.opens(routes.Calibration)
def _open(kit: Kit, route: routes.Calibration) -> CalibrationScene:
    return CalibrationScene(kit)
