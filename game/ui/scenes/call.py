"""The call: the persona's face and voice, subtitles, the transcript, and the trainee's line.

Time is the window's: call seconds since the phone was answered, passed to the engine with each turn.
A debtor reply starts at the time the engine gives it (a short reaction gap after the trainee) and its
subtitle is revealed over the speech's real duration, or its reading time when there is no sound.
Sending a line while the subtitle is still being revealed is an interruption. The stay-silent key
holds the silence for at least ``SILENCE_MIN`` seconds counted from when the debtor stopped talking;
typing ends the hold. In spoken mode the talk key (F3) is held to speak: the clip is recognised in a
worker process and its voice features measured off the loop; starting to talk while the debtor is
still speaking cuts the debtor off and counts as an interruption, just as typing over them does.
In hands-free mode the microphone listens while the call is on screen and each phrase is sent the same
way. The first time spoken input is used the voice calibration comes first; after it, each spoken
turn shows a gentle hint on its tone against the trainee's calm baseline.
In a drill, the call is saved to the results store as it goes (see ``game.ui.drill_run``).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.elements import UITextBox

from game.engine.record import CallRecord, Mood, Prosody, TraineeTurn
from game.engine.scenario import Scenario
from game.engine.state import CallState
from game.engine.step import DebtorLine, speech_seconds
from game.engine.transcript import TRAINEE_WPM
from game.i18n import N_, _
from game.session import CallSession, TurnResult
from game.session.phases import LIVE, CallFlow, Cue, Phase
from game.ui import gateway, routes
from game.ui.call_view import CallView
from game.ui.clock import CallClock
from game.ui.drill_run import DrillRun
from game.ui.jobs import JOB_DONE
from game.ui.line_input import LineInput
from game.ui.listen import Ears, Heard, NoEars, measure_voice
from game.ui.portraits import Portraits, portraits_for
from game.ui.scene import Kit, Scene
from game.ui.understanding import warm_understanding
from game.ui.voice import Speech
from game.ui.voice_choice import likely_lines
from scoring import Scorecard

STEP_JOB = "call_step"
SCORE_JOB = "call_scored"
LINES_JOB = "call_lines"
MEASURE_JOB = "call_voice_measured"
SILENCE_MIN = 3.0
TONE_HINTS = {"loud": N_("a little loud"), "fast": N_("fast"), "pitch_spike": N_("pitch a little high")}
RING_SECONDS = 1.2
VOICE_WAIT = 1.5
END_PAUSE = 2.5
SILENCE_KEYS = (pygame.K_F2,)
HANGUP_KEYS = (pygame.K_F10,)
TALK_KEY = pygame.K_F3
# Languages the window can hear spoken answers in; a call in another language is typed.
HEARD_LANGUAGES = ("en",)
NOT_HEARD_LANGUAGE = N_(
    "Spoken answers are not recognised on Chinese calls yet: type your answers; "
    "the whole game can be played by typing."
)
CHIP_LABELS = {
    "greeted": N_("Greeted"),
    "introduced": N_("Introduced yourself"),
    "name_used": N_("Name used"),
    "asked_for_debtor": N_("Asked for the debtor"),
    "message_left": N_("Message left"),
    "nothing_disclosed": N_("Nothing disclosed"),
    "disclosure_given": N_("Disclosure given"),
    "amount_stated": N_("Amount stated"),
    "commitment_asked": N_("Payment asked"),
    "date_asked": N_("Date asked"),
    "commitment_made": N_("Promise made"),
    "commitment_confirmed": N_("Promise confirmed"),
}
# The same chips in fewer words, for a small window or large text (every chip is always shown).
SHORT_CHIP_LABELS = {
    "introduced": N_("Introduced"),
    "asked_for_debtor": N_("Asked for debtor"),
    "nothing_disclosed": N_("Nothing told"),
    "disclosure_given": N_("Disclosure"),
    "amount_stated": N_("Amount"),
    "commitment_asked": N_("Payment asked"),
    "commitment_made": N_("Promise"),
    "commitment_confirmed": N_("Confirmed"),
}
KEEP_CHIPS = {"calm": N_("Calm tone"), "no_interruptions": N_("No interruptions"), "compliant": N_("Lawful")}


class CallScene(Scene):
    """One call in progress, from the ring to the last word."""

    name = "call"
    you = N_("You")

    def __init__(self, kit: Kit, scenario: Scenario, seed: int = 0, *, drill: DrillRun | None = None) -> None:
        super().__init__(kit, scenario.language)
        self.scenario = scenario
        self.seed = seed
        self.drill = drill
        self.session = drill.dial() if drill is not None else CallSession(scenario, seed)
        self.time_limit = drill.drill.time_limit if drill is not None else None
        mode = drill.drill.input if drill is not None else kit.settings.input_mode
        self.typed_instead = mode == "spoken" and scenario.language not in HEARD_LANGUAGES
        self.spoken = mode == "spoken" and not self.typed_instead
        self.ears: Ears = NoEars()
        self.speaker = scenario.persona.name or scenario.account.debtor_name
        self.flow = CallFlow()
        self.pace = CallClock(kit.clock)
        self.line: DebtorLine | None = None
        self.speech: Speech | None = None
        self.reveal_at: float | None = None
        self.reveal_for = 1.0
        self.debtor_done_at = 0.0
        self.last_trainee_end = 0.0
        self.first_key_at: float | None = None
        self.hold_from: float | None = None
        self.hold_requested = False
        self.talk_from = 0.0
        self.talk_to = 0.0
        self.talk_interrupt = False
        self.heard_text = ""
        self.flash_until = 0.0
        self.calibrate_first = False
        self.listening = False
        self.tone_hint = ""
        self.replies = 0
        self.entries: list[str] = []
        self.chips: dict[str, bool] = {}
        self.mood: Mood | None = None
        self.shown_mood = "calm"
        self.ended_at: float | None = None
        self.end_reason = ""
        self.confirm_hangup = False
        self.draft = ""
        self.entry: LineInput | None = None
        self.transcript: UITextBox | None = None
        self.hangup_button: pygame_gui.elements.UIButton | None = None
        self.corner: pygame_gui.elements.UIButton | None = None
        self.portraits: Portraits | None = None
        self.layout: dict[str, pygame.Rect] = {}
        self.view = self.make_view()
        self.meters = kit.settings.meters_for(scenario.difficulty)
        self.compact = False
        self.card: Scorecard | None = None
        self.scoring = False
        self.leaving = False

    @property
    def state(self) -> CallState:
        return self.session.state

    # time
    def now(self) -> float:
        """Seconds since the phone was answered."""
        return self.pace.now()

    @property
    def phase(self) -> Phase:
        return self.flow.phase

    @property
    def speaking(self) -> bool:
        return self.phase is Phase.DEBTOR

    @property
    def revealed(self) -> float:
        """How much of the current line has been said, 0-1."""
        if self.line is None or self.reveal_at is None:
            return 0.0
        return max(0.0, min(1.0, (self.now() - self.reveal_at) / self.reveal_for))

    def ready_for_input(self) -> bool:
        return self.phase is Phase.TRAINEE

    # life
    def enter(self) -> None:
        self.pace.restart(RING_SECONDS)
        warm_understanding(self.kit.jobs, self.scenario.language)
        state, line = self.session.state, self.session.opening
        self.mood = state.mood
        self.shown_mood = state.mood.label
        if self.spoken:
            self.ears = self.kit.ears()
            self.ears.set_call(self.scenario)
            self.calibrate_first = self.kit.settings.baseline is None and not self.kit.calibration_skipped
        if self.kit.voice.speaks:
            scenario, seed = self.scenario, self.seed
            self.kit.jobs.submit(LINES_JOB, lambda: likely_lines(scenario, seed))
        again = self.drill.again if self.drill is not None else None
        self._queue(self._take_up(again) if again is not None else line)
        self.chips = self.session.chips()

    def _take_up(self, again: DebtorLine) -> DebtorLine:
        """A stopped drill call taken up: what was said before goes in the transcript, and after the ring
        the debtor says their last line again, at its own time in the call."""
        turns = self.session.record.turns
        last = max(i for i, turn in enumerate(turns) if turn.speaker != "trainee")
        self._log_note(_("Taken up where the call stopped."))
        for i, turn in enumerate(turns):
            if turn.speaker == "trainee":
                self.last_trainee_end = turn.end
                if turn.text.strip():
                    self._log_trainee(turn.text, turn.interrupt)
            elif i != last:
                self._log_debtor(turn.text)
                self.replies += 1
        self.pace.restart(RING_SECONDS - again.start)
        return again

    def leave(self) -> None:
        self._quiet()
        self.kit.voice.stop()

    def pause(self) -> None:
        self._quiet()

    def resume(self) -> None:
        """Back from the calibration: the phone rings again if nobody has spoken yet."""
        if self.replies == 0 and self.flow.go(Cue.RING_AGAIN):
            self.pace.restart(RING_SECONDS)

    def _quiet(self) -> None:
        if self.listening:
            self.listening = False
            self.ears.quiet()

    def record(self) -> CallRecord:
        return self.session.record

    # engine
    def _queue(self, line: DebtorLine) -> None:
        """The debtor will say ``line`` at ``line.start``: ask the voice for it now, so it is ready."""
        self.line = line
        self.reveal_at = None
        self.speech = self.kit.voice.speak(line.text, self.scenario.persona.voice)
        self.flow.go(Cue.QUEUED)

    def _step_work(self, turn: TraineeTurn) -> Callable[[], TurnResult]:
        session = self.session
        return lambda: session.take(turn)

    def _send(self, turn: TraineeTurn, cue: Cue = Cue.SEND) -> None:
        """Hand the turn to the engine off the loop (understanding a line can take a moment)."""
        if not self.flow.go(cue):
            return
        self.last_trainee_end = turn.end
        self.first_key_at = None
        self.hold_from = None
        self.hold_requested = False
        self.kit.jobs.submit(STEP_JOB, self._step_work(turn))

    def _stepped(self, result: TurnResult) -> None:
        self.chips = result.chips
        if self.drill is not None:
            self.drill.session.turns_changed(self.session)
        if result.reply is not None:
            self._queue(result.reply)
        elif self.state.ended:
            self._end()
        else:
            self.flow.go(Cue.NO_REPLY)

    def _interrupt_cut(self) -> None:
        """The trainee cut in: the debtor stops mid-line; the transcript keeps what was heard."""
        if self.line is None:
            return
        self.kit.voice.stop()
        heard = self.line.text[: round(len(self.line.text) * self.revealed)].rstrip()
        if heard:
            self._log_debtor(heard + " —")
        else:
            self._log_note(_("(you spoke before {name} could answer)").format(name=self.speaker.split(",")[0]))
        self.debtor_done_at = self.now()
        self.line = None

    def _timed(self, text: str, began: float, now: float, interrupt: bool) -> tuple[float, float]:
        """Start and end of a trainee line begun at ``began`` (call seconds) and finished ``now``."""
        start = max(began, self.last_trainee_end)
        if not interrupt:
            start = max(start, self.state.debtor_speaking_until, now - speech_seconds(text, TRAINEE_WPM))
        return start, max(now, start + 0.3)

    def send_text(self, text: str) -> None:
        """The trainee's typed line (Enter). Empty means: stay silent."""
        text = text.strip()
        if self.phase not in LIVE:
            return
        if not text:
            self.hold_silence()
            return
        now = self.now()
        interrupt = self.phase in (Phase.DEBTOR, Phase.WAITING) and self.line is not None
        if interrupt:
            self._interrupt_cut()
        began = self.first_key_at if self.first_key_at is not None else now
        start, end = self._timed(text, began, now, interrupt)
        self._log_trainee(text, interrupt=interrupt)
        if self.entry is not None:
            self.entry.set_text("")
        self.draft = ""
        self._send(TraineeTurn(text=text, start=start, end=end, interrupt=interrupt))

    # spoken answers
    def talk(self) -> None:
        """The talk key went down: record; talking over the debtor cuts them off."""
        if not self.ears.available:
            self.flash_until = self.now() + 3.0
            return
        if self.ears.hands_free:
            return
        interrupt = self.phase in (Phase.DEBTOR, Phase.WAITING) and self.line is not None
        if not self.flow.go(Cue.TALK):
            return
        self.talk_interrupt = interrupt
        if self.talk_interrupt:
            self._interrupt_cut()
        self.talk_from = self.now()
        self.hold_from = None
        self.hold_requested = False
        self.ears.start()

    def talk_done(self) -> None:
        """The talk key came up: the clip goes to recognition."""
        if self.phase is not Phase.TALKING:
            return
        self.talk_to = self.now()
        if self.ears.stop():
            self.flow.go(Cue.TALK_DONE)
        else:
            self._log_note(_("(nothing was recorded: hold F3 while you speak)"))
            self.flow.go(Cue.NOTHING_RECORDED)

    def phrase(self, seconds: float) -> None:
        """Hands-free: a phrase of ``seconds`` ended on a pause and went to recognition, like a push-to-talk clip."""
        interrupt = self.phase in (Phase.DEBTOR, Phase.WAITING) and self.line is not None
        if not self.flow.go(Cue.PHRASE):
            self._log_note(_("(that was heard while the call was busy: say it again)"))
            return
        self.talk_interrupt = interrupt
        if self.talk_interrupt:
            self._interrupt_cut()
        self.talk_to = self.now()
        self.talk_from = max(0.0, self.talk_to - seconds)
        self.hold_from = None
        self.hold_requested = False

    def _heard(self, heard: Heard) -> None:
        if self.phase is not Phase.HEARING:
            return
        if heard.error or not heard.text:
            reason = heard.error or _("no words were recognised")
            self._log_note(_("(not heard: {reason}; hold F3 and say it again, or type it)").format(reason=reason))
            self.flow.go(Cue.NOT_HEARD)
            return
        self.heard_text = heard.text
        if heard.wav is None:
            self.say_spoken(None)
            return
        wav, text = heard.wav, heard.text
        self.kit.jobs.submit(MEASURE_JOB, lambda: measure_voice(wav, text))

    def say_spoken(self, prosody: Prosody | None) -> None:
        """The recognised spoken line, with its voice features, becomes the trainee's turn."""
        if self.phase is not Phase.HEARING:
            return
        text = self.heard_text
        start, end = self._timed(text, self.talk_from, self.talk_to, self.talk_interrupt)
        self._log_trainee(text, interrupt=self.talk_interrupt)
        self._tone(prosody)
        self._send(TraineeTurn(text=text, start=start, end=end, interrupt=self.talk_interrupt, prosody=prosody))

    def _tone(self, prosody: Prosody | None) -> None:
        """A gentle hint on how the turn sounded against the trainee's calm voice."""
        baseline = self.kit.settings.baseline
        if prosody is None or baseline is None:
            return
        from game.audio.prosody import tone_flags

        flags = [_(TONE_HINTS[f]) for f in tone_flags(prosody, baseline) if f in TONE_HINTS]
        if flags:
            self.tone_hint = _("Your tone: {flags}. A calm, steady voice helps.").format(flags=_(", ").join(flags))
        else:
            self.tone_hint = _("Your tone: calm, like your own baseline.")
        self._log_note(self.tone_hint)

    def hold_silence(self) -> None:
        """Let the silence work: wait at least SILENCE_MIN seconds after the debtor stopped."""
        if self.flow.go(Cue.HOLD):
            self.hold_from = max(self.debtor_done_at, self.last_trainee_end)
        elif self.phase in (Phase.DEBTOR, Phase.WAITING):
            self.hold_requested = True

    def _silence_turn(self, now: float) -> TraineeTurn:
        """The held silence as a turn, once it has lasted long enough."""
        assert self.hold_from is not None
        start = max(self.hold_from, self.state.debtor_speaking_until)
        return TraineeTurn(text="", start=start, end=start + now - self.hold_from)

    def hold_seconds(self) -> float:
        return SILENCE_MIN

    def silence_note(self, seconds: float) -> str:
        return _("(you stay silent, {seconds} s)").format(seconds=f"{seconds:.0f}")

    def hang_up(self, note: str | None = None) -> None:
        if not self.flow.can(Cue.HANG_UP):
            return
        if self.phase is Phase.TALKING:
            self.ears.stop()
        self.confirm_hangup = False
        if self.phase in (Phase.DEBTOR, Phase.WAITING) and self.line is not None:
            self._interrupt_cut()
        now = max(self.now(), self.last_trainee_end, self.state.clock)
        self._log_note(note or _("You hung up."))
        self._send(TraineeTurn(text="", start=now, end=now, hangup=True), Cue.HANG_UP)

    def _end(self) -> None:
        if not self.flow.go(Cue.CALL_OVER):
            return
        self.ended_at = self.now()
        self._quiet()
        self.kit.voice.stop()
        by = self.state.ended_by
        self.end_reason = {
            "debtor": _("{name} hung up.").format(name=self.speaker.split(",")[0]),
            "trainee": _("You ended the call."),
            "goodbye": _("The call ended politely."),
        }.get(by or "", _("The call ended."))
        if by != "trainee":
            self._log_note(self.end_reason)
        if self.kit.nav.top is self:
            self.kit.nav.remount()
        self._score()

    def _score(self) -> None:
        """Score the call off the loop while the trainee takes in how it ended."""
        if self.scoring:
            return
        self.scoring = True
        session = self.session
        self.kit.jobs.submit(SCORE_JOB, session.finish)

    def _scored(self, card: Scorecard) -> None:
        self.card = card
        if self.drill is not None:
            self.drill.session.finish(self.session, card)
        if self.leaving:
            self.to_scorecard()

    def to_scorecard(self) -> None:
        self.leaving = True
        if self.card is None:
            self._score()
            return
        self.swap(routes.Scorecard(self.scenario, self.record(), self.card, self.seed, drill=self.drill))

    # transcript
    def _log(self, entry: str) -> None:
        self.entries.append(entry)
        if self.transcript is not None:
            self.transcript.append_html_text(entry)
            self._scroll_to_end()

    def _scroll_to_end(self) -> None:
        """Keep the newest line in view (a text box that just grew a scroll bar starts at the top)."""
        bar = self.transcript.scroll_bar if self.transcript is not None else None
        if bar is not None:
            bar.set_scroll_from_start_percentage(1.0)

    def _colour(self, which: str) -> str:
        palette = self.kit.look.palette
        rgb = {"debtor": palette.warm, "you": palette.accent, "note": palette.muted}[which]
        return "#{:02X}{:02X}{:02X}".format(*rgb)

    def _log_debtor(self, text: str) -> None:
        name = html.escape(_("{name}:").format(name=self.speaker.split(",")[0]))
        self._log(f"<font color='{self._colour('debtor')}'><b>{name}</b></font> {html.escape(text)}<br>")

    def _log_trainee(self, text: str, interrupt: bool = False) -> None:
        cut_in = html.escape(_("(cut in)"))
        cut = f" <font color='{self._colour('note')}'><i>{cut_in}</i></font>" if interrupt else ""
        you = html.escape(_("{name}:").format(name=_(self.you)))
        self._log(f"<font color='{self._colour('you')}'><b>{you}</b></font> {html.escape(text)}{cut}<br>")

    def _log_note(self, text: str) -> None:
        self._log(f"<font color='{self._colour('note')}'><i>{html.escape(text)}</i></font><br>")

    # frame
    def update(self, dt: float) -> None:
        if self.calibrate_first:
            self.calibrate_first = False
            self.go(routes.Calibration())
            return
        if self.spoken and self.ears.hands_free and not self.listening and self.phase is not Phase.ENDED:
            self.listening = True
            self.ears.listen()
        now = self.now()
        if self.phase is Phase.RINGING and now >= 0:
            self.flow.go(Cue.PICKED_UP)
        if self.phase is Phase.WAITING and self.line is not None and now >= self.line.start:
            speech = self.speech
            waited = now - self.line.start
            if speech is None or speech.ready or speech.failed or waited >= VOICE_WAIT:
                reading = (self.line.end - self.line.start) / max(0.5, self.kit.settings.rate)
                voiced = speech.duration if speech is not None and speech.ready else None
                self.reveal_for = max(0.6, voiced or reading)
                self.reveal_at = now
                self.flow.go(Cue.LINE_STARTS)
                self.mood = self.line.mood
                if voiced and speech is not None and self.pace.speed == 1.0 and not self.pace.paused:
                    self.kit.voice.play(speech)
        if self.phase is Phase.DEBTOR and self.line is not None and self.revealed >= 1.0:
            self._log_debtor(self.line.text)
            self.replies += 1
            self.debtor_done_at = now
            hung_up = self.line.hangs_up
            self.line = None
            if hung_up or self.state.ended:
                self._end()
            else:
                self.flow.go(Cue.LINE_SAID_HOLD if self.hold_requested else Cue.LINE_SAID)
                self.hold_from = now if self.hold_requested else None
                self.hold_requested = False
        if self.phase is Phase.HOLDING and self.hold_from is not None and now - self.hold_from >= self.hold_seconds():
            self._log_note(self.silence_note(now - self.hold_from))
            self._send(self._silence_turn(now))
        for seconds in self.ears.phrases():
            self.phrase(seconds)
        for heard in self.ears.poll():
            self._heard(heard)
        if (
            self.time_limit is not None
            and now >= self.time_limit
            and self.flow.can(Cue.HANG_UP)
            and self.phase is not Phase.RINGING
        ):
            limit = f"{self.time_limit // 60}:{self.time_limit % 60:02d}"
            self.hang_up(_("Time is up: a drill call may last {limit}.").format(limit=limit))
        if self.mood is not None:
            self.shown_mood = self.mood.label
        if (
            self.phase is Phase.ENDED
            and self.ended_at is not None
            and now - self.ended_at >= END_PAUSE
            and not self.leaving
        ):
            self.to_scorecard()

    # input
    def handle_job(self, event: pygame.event.Event) -> bool:
        """Background work for this call that finished; True when it was this call's."""
        if event.name == STEP_JOB:
            if event.error is not None:
                raise event.error
            self._stepped(event.result)
        elif event.name == SCORE_JOB:
            if event.error is not None:
                raise event.error
            self._scored(event.result)
        elif event.name == LINES_JOB:
            if event.error is None:
                self.kit.voice.prepare(event.result, self.scenario.persona.voice)
        elif event.name == MEASURE_JOB:
            self.say_spoken(event.result if event.error is None else None)
        else:
            return False
        return True

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == JOB_DONE:
            return self.handle_job(event)
        if event.type == pygame.KEYUP and event.key == TALK_KEY:
            self.talk_done()
            return True
        if self.confirm_hangup:
            if gateway.key(event, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_y):
                self.hang_up()
            elif gateway.key(event, pygame.K_ESCAPE, pygame.K_n):
                self.confirm_hangup = False
            return event.type in (pygame.KEYDOWN, pygame.TEXTINPUT)
        if self.phase is Phase.ENDED:
            if gateway.key(event, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE):
                self.to_scorecard()
                return True
            return self.handle_common(event)
        if gateway.key(event, TALK_KEY):
            if self.phase is not Phase.TALKING:
                self.talk()
            return True
        if gateway.key(event, pygame.K_ESCAPE):
            self.confirm_hangup = True
            return True
        if gateway.key(event, *SILENCE_KEYS):
            self.hold_silence()
            return True
        if gateway.key(event, *HANGUP_KEYS):
            self.hang_up()
            return True
        if event.type == pygame.TEXTINPUT and self.entry is not None and self.entry.is_focused:
            if self.first_key_at is None:
                self.first_key_at = self.now()
            if self.phase is Phase.HOLDING:
                self.flow.go(Cue.TYPING)
            self.hold_from = None
            self.hold_requested = False
            return False
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry:
            self.draft = self.entry.text()
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.send_text(self.entry.text())
            return True
        if event.type == pygame.KEYDOWN and self.entry is not None and self.entry.is_focused:
            if event.key == pygame.K_TAB:
                self.entry.unfocus()
                return self.handle_common(event)
            return False
        if event.type == pygame.KEYDOWN and event.key not in (
            pygame.K_TAB,
            pygame.K_RETURN,
            pygame.K_KP_ENTER,
            pygame.K_SPACE,
            pygame.K_LEFT,
            pygame.K_RIGHT,
            pygame.K_UP,
            pygame.K_DOWN,
        ):
            if self.entry is not None:
                self.entry.focus()
            return False
        return self.handle_common(event)

    # layout
    def notices(self) -> list[str]:
        """Why some of the call is not as it could be: no sound, no microphone, a save that failed."""
        found = [_(self.kit.voice.notice)] if self.kit.voice.notice else []
        if self.typed_instead:
            found.append(_(NOT_HEARD_LANGUAGE))
        if self.spoken and not self.ears.available:
            missing = _("Speech input is not available: type your answers.")
            found.append(_(self.ears.notice) if self.ears.notice else missing)
        if self.drill is not None and self.drill.problem:
            found.append(self.drill.problem)
        return found

    def keys_hint(self) -> str:
        if self.phase is Phase.ENDED:
            return _("Enter: see your scorecard")
        if self.spoken and self.ears.available and self.ears.hands_free:
            return _("Just speak: a pause sends it (or type, Enter) · F2 stays silent · Esc hangs up")
        if self.spoken and self.ears.available:
            if self.compact:
                return _("Hold F3 and speak · F2 stays silent · Esc hangs up")
            return _("Hold F3 and speak (or type, Enter) · F2 stays silent · talking over them cuts in · Esc hangs up")
        if self.compact:
            return _("Enter sends · F2 stays silent · Esc hangs up")
        return _("Enter sends · F2 stays silent · typing while they talk cuts in · Esc hangs up")

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        top_h = fonts.get(22, bold=True).get_linesize() + 30
        margin = 24
        left_w = max(240, min(360, width * 28 // 100))
        right = pygame.Rect(
            margin * 2 + left_w, top_h + 18, width - left_w - margin * 3, height - top_h - 18 - margin
        )
        button_h = fonts.px(17) + 24
        hint_lines = 2 if self.notices() or self.drill is not None else 1
        hint_h = fonts.get(14).get_linesize() * hint_lines + 6
        input_h = max(button_h, fonts.get(16).get_linesize() * 2 + 20)
        input_rect = pygame.Rect(right.x, right.bottom - input_h - hint_h, right.width, input_h)
        self.compact = height / fonts.scale < 640  # a small window, or large text in a normal one
        sub_h = fonts.get(21).get_linesize() * (2 if self.compact else 3) + 46
        chips_h = self.view.chips_height(right.width)
        subtitle = pygame.Rect(right.x, right.y, right.width, sub_h)
        chips = pygame.Rect(right.x, input_rect.y - chips_h - 12, right.width, chips_h)
        transcript = pygame.Rect(right.x, subtitle.bottom + 14, right.width, chips.y - subtitle.bottom - 26)
        left = pygame.Rect(margin, top_h + 18, left_w, height - top_h - 18 - margin)
        self.layout = {
            "top": pygame.Rect(0, 0, width, top_h),
            "left": left,
            "subtitle": subtitle,
            "chips": chips,
            "transcript": transcript,
            "input": input_rect,
        }
        self.arrange()
        side = min(left_w - 40, left.height - self.view.below_portrait())
        self.portraits = portraits_for(self.scenario, max(48, side))
        self.build_controls(input_rect, button_h)
        inside = self.layout["transcript"].inflate(-8, -8)
        self.transcript = UITextBox("".join(self.entries), inside, self.kit.manager)
        self.widgets.append(self.transcript)
        self._scroll_to_end()

    def make_view(self) -> CallView:
        return CallView(self)

    def placeholder(self) -> str:
        """The input's hint while nothing is typed."""
        talking = self.spoken and self.ears.available
        if talking and self.ears.hands_free:
            return _("Just speak, or type, then Enter")
        return _("Hold F3 and speak, or type, then Enter") if talking else _("Type what you say, then Enter")

    def arrange(self) -> None:
        """Adjust the areas before the widgets are made (a demo makes room for the coach's notes)."""

    def build_controls(self, input_rect: pygame.Rect, button_h: int) -> None:
        """The input line, Send, Stay silent and Hang up; once the call ended, only See your scorecard."""
        self.entry, self.hangup_button, self.corner = None, None, None
        fonts = self.kit.look.fonts
        if self.phase is Phase.ENDED:
            label = _("See your scorecard (Enter)")
            w = fonts.get(17).size(label)[0] + 48
            rect = pygame.Rect(input_rect.x, input_rect.y, w, button_h)
            self.button(rect, label, self.to_scorecard, name="scorecard")
            self.ring.focus("scorecard")
            return
        width = self.layout["top"].width
        margin = 24
        top_h = self.layout["top"].height
        silent_label = _("Silent (F2)") if width < 1000 else _("Stay silent (F2)")
        silent_w = fonts.get(17).size(silent_label)[0] + 36
        send_w = max(96, fonts.get(17).size(_("Send"))[0] + 40)
        entry_rect = pygame.Rect(
            input_rect.x, input_rect.y, input_rect.width - silent_w - send_w - 20, input_rect.height
        )
        self.entry = LineInput(entry_rect, manager=self.kit.manager)
        self.widgets.append(self.entry)
        if self.draft:
            self.entry.set_text(self.draft)
        self.button(
            pygame.Rect(entry_rect.right + 10, input_rect.y, send_w, button_h),
            _("Send"),
            lambda: self.send_text(self.entry.text() if self.entry else ""),
            name="send",
        )
        self.button(
            pygame.Rect(entry_rect.right + 20 + send_w, input_rect.y, silent_w, button_h),
            silent_label,
            self.hold_silence,
            name="silent",
            style="secondary",
        )
        hang_label = _("Hang up (F10)")
        hang_w = max(150, fonts.get(17).size(hang_label)[0] + 36)
        hang = pygame.Rect(width - margin - hang_w, (top_h - button_h + 8) // 2, hang_w, button_h - 8)
        self.hangup_button = self.button(hang, hang_label, self.hang_up, name="hangup", style="danger")
        self.corner = self.hangup_button
        self.entry.focus()

    def chip_items(self) -> list[tuple[str, bool, bool]]:
        """(label, lit, is_warning) for each chip: every one the scorer gives, at every window size."""
        labels = {**CHIP_LABELS, **SHORT_CHIP_LABELS} if self.compact else CHIP_LABELS
        items = [(_(labels[k]), v, False) for k, v in self.chips.items() if k in CHIP_LABELS]
        items += [
            (_("{chip}?").format(chip=_(label)), False, True)
            for k, label in KEEP_CHIPS.items()
            if self.chips.get(k) is False
        ]
        return items or [
            (_(CHIP_LABELS[key]), False, False)
            for key in ("name_used", "amount_stated", "commitment_asked", "commitment_confirmed")
        ]

    # drawing: the view's
    def draw(self, surface: pygame.Surface) -> None:
        self.view.draw(surface)

    def draw_over(self, surface: pygame.Surface) -> None:
        self.view.draw_over(surface)

    def status_text(self, status: str) -> str:
        """The top bar's status (a demo says it is one)."""
        return status


@routes.opens(routes.Call)
def _open(kit: Kit, route: routes.Call) -> CallScene:
    return CallScene(kit, route.scenario, route.seed, drill=route.drill)
