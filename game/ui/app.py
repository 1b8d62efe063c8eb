"""The game window: opening it, the frame loop, and the two entry points the command line calls.

``run_menu`` opens at the main menu; ``run_play`` opens straight into one scenario, interactive or
scripted (``script`` types a transcript's turns as a trainee would and ``screenshots`` saves a PNG
after every debtor reply and one of the scorecard); ``run_drill`` opens straight into a drill for one
trainee, saving to the results store given. Each returns an exit code. With no display they raise
``NoDisplay`` whose message is one sentence pointing to the terminal version of the game.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

import game.ui.all_scenes  # noqa: F401  (every scene registers how it is opened)
from game.ui import draw, gateway, routes
from game.ui.catalog import Catalog
from game.ui.clock import FrameClock
from game.ui.drill_run import DrillRun
from game.ui.jobs import Jobs
from game.ui.listen import Ears, open_ears
from game.ui.look import Look
from game.ui.progress_store import Progress
from game.ui.routes import open_route
from game.ui.scene import Kit, Scene, SceneStack
from game.ui.scenes.call import CallScene
from game.ui.scenes.drill_start import first_route
from game.ui.scripted import ScriptedTrainee
from game.ui.settings import Settings, home_dir, load_settings, save_settings
from game.ui.team_store import TeamStore
from game.ui.text_breaks import allow_cjk_breaks
from game.ui.voice import VoiceOut
from game.ui.voice_choice import choose_voice

if TYPE_CHECKING:
    from game.drills import Drill
    from game.engine.scenario import Scenario
    from game.engine.transcript import Transcript
    from game.store.store import ResultStore

WINDOW = (1280, 720)
MIN_WINDOW = (800, 480)
FPS = 60


class NoDisplay(RuntimeError):
    """There is no screen to open the window on."""


class UsageError(ValueError):
    """The scenario or transcript given cannot be played; the message is one sentence."""


def open_window(size: tuple[int, int] = WINDOW) -> pygame.Surface:
    """A resizable window, or NoDisplay with a sentence pointing to the terminal game."""
    no_screen = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("SDL_VIDEODRIVER")
    )
    if no_screen:
        raise NoDisplay(
            "The game window cannot open here (no display found); "
            "play in the terminal with `collector-sim console SCENARIO` instead."
        )
    try:
        pygame.display.init()
        screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    except pygame.error as err:
        raise NoDisplay(
            f"The game window cannot open here (no display: {err}); "
            "play in the terminal with `collector-sim console SCENARIO` instead."
        ) from None
    if pygame.display.get_driver() in ("offscreen", "dummy") and not os.environ.get("SDL_VIDEODRIVER"):
        pygame.display.quit()
        raise NoDisplay(
            "The game window cannot open here (no display found); "
            "play in the terminal with `collector-sim console SCENARIO` instead."
        )
    pygame.display.set_caption("Collector Sim")
    pygame.key.set_repeat(400, 35)
    return screen


def warm_up(catalog: Catalog) -> None:
    """Load the parsers the first turn needs (dates, numbers: ~0.4 s) before the loop starts."""
    from game.engine.record import TraineeTurn
    from game.engine.step import record_of, start_call, step
    from scoring import live_chips, score_call

    found = catalog.scenarios()
    if not found:
        return
    scenario = found[0]
    state, _ = start_call(scenario, 0)
    state, _, _ = step(scenario, state, TraineeTurn("Could you pay $100 by Friday, December 4?", 1.0, 4.0))
    live_chips(record_of(state), scenario)
    score_call(record_of(state), scenario)


class App:
    """Owns the window, the widget manager, the scene stack and the loop.

    In stepped mode (headless scripted play, tests) each frame first waits for background jobs, so
    a scripted call gives the same record every run; the frame benchmark turns that off.
    """

    def __init__(
        self,
        home: Path,
        *,
        stepped: bool = False,
        voice: bool | None = None,
        size: tuple[int, int] = WINDOW,
        scenario_dirs: list[Path] | None = None,
    ) -> None:
        self.screen = open_window(size)
        pygame.font.init()
        allow_cjk_breaks()
        settings = load_settings(home)
        if voice is not None:
            settings = replace(settings, voice=voice)
        look = Look.make(settings.high_contrast, settings.text_size)
        look.fonts.warm()
        catalog = Catalog(scenario_dirs)
        catalog.set(catalog.read())
        warm_up(catalog)
        self.running = True
        self.wait_for_jobs = stepped
        self.exit_code = 0
        self.frame_ms: list[float] = []
        self._swallow: int | None = None
        self._ears: Ears | None = None
        voice_out: VoiceOut = choose_voice(settings, home)
        self.kit = Kit(
            manager=self._manager(look),
            look=look,
            settings=settings,
            home=home,
            progress=Progress.load(home),
            jobs=Jobs(),
            clock=FrameClock(stepped),
            voice=voice_out,
            catalog=catalog,
            nav=SceneStack(),
            apply_settings=self.apply_settings,
            quit=self.quit,
            ears=self.ears,
            results=TeamStore(),
        )
        if settings.input_mode == "spoken":
            self.ears()

    def _manager(self, look: Look) -> pygame_gui.UIManager:
        manager = pygame_gui.UIManager(self.screen.get_size(), look.theme())
        manager.preload_fonts(look.preload())
        return manager

    def ears(self) -> Ears:
        """Spoken input, opened the first time a call asks for it (a microphone and a recogniser)."""
        if self._ears is None:
            settings = self.kit.settings
            self._ears = open_ears(True, settings.engine, settings.hands_free)
        return self._ears

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings at once; save them off the loop; rebuild the look if it changed."""
        old = self.kit.settings
        self.kit.settings = settings
        home = self.kit.home
        self.kit.jobs.submit("settings_saved", lambda: save_settings(home, settings))
        if (old.engine, old.listening) != (settings.engine, settings.listening) and self._ears is not None:
            self._ears.close()
            self._ears = None
        if settings.input_mode == "spoken":
            self.ears()
        if old.voice != settings.voice:
            self.kit.voice.close()
            self.kit.voice = choose_voice(settings, home)
        self.kit.voice.set_levels(settings.volume, settings.rate)
        if (old.high_contrast, old.text_size) != (settings.high_contrast, settings.text_size):
            self.kit.look = Look.make(settings.high_contrast, settings.text_size)
            self.kit.look.fonts.warm()
            self.kit.manager = self._manager(self.kit.look)
            self.kit.nav.remount()
        elif old.language != settings.language:
            self.kit.nav.remount()

    def resize(self, size: tuple[int, int]) -> None:
        width, height = max(size[0], MIN_WINDOW[0]), max(size[1], MIN_WINDOW[1])
        if (width, height) != size:
            self.screen = pygame.display.set_mode((width, height), pygame.RESIZABLE)
        self.kit.manager.set_window_resolution((width, height))
        self.kit.nav.remount()

    def open(self, route: object) -> Scene:
        """The scene for ``route`` (see ``game.ui.routes``)."""
        return open_route(self.kit, route)

    def frame(self) -> None:
        """One frame: events through the gateway, then update, then draw.

        A key that changes the scene (R for retry, N for next) also arrives as text; that text belongs
        to the scene the key was pressed in, so it is dropped until the key is let go."""
        if self.wait_for_jobs:
            self.kit.jobs.settle()
            self.kit.voice.settle()
        begin = time.perf_counter()
        dt = self.kit.clock.tick()
        for event in gateway.poll():
            if event.type == pygame.QUIT:
                self.quit(0)
                continue
            if gateway.is_resize(event):
                self.resize(draw.screen().get_size())
                continue
            if self._swallow is not None:
                if event.type == pygame.TEXTINPUT:
                    continue
                if event.type in (pygame.KEYDOWN, pygame.KEYUP):
                    self._swallow = None
            before = self.kit.nav.top
            self.kit.manager.process_events(event)
            self.kit.nav.handle(event)
            if event.type == pygame.KEYDOWN and self.kit.nav.top is not before:
                self._swallow = event.key
        self.kit.voice.poll()
        self.kit.nav.update(dt)
        self.kit.manager.update(dt)
        self.screen = draw.screen()
        self.kit.nav.draw(self.screen)
        self.kit.manager.draw_ui(self.screen)
        top = self.kit.nav.top
        if top is not None:
            top.draw_over(self.screen)
        pygame.display.flip()
        self.frame_ms.append((time.perf_counter() - begin) * 1000)

    def run(self, first: Scene, *, real_time: bool = True) -> int:
        self.kit.nav.push(first)
        ticker = pygame.time.Clock()
        try:
            while self.running and self.kit.nav.top is not None:
                self.frame()
                if real_time:
                    ticker.tick(FPS)
        finally:
            self.close()
        return self.exit_code

    def close(self) -> None:
        self.kit.voice.close()
        self.kit.jobs.close()
        if self._ears is not None:
            self._ears.close()
        self.kit.results.close()
        pygame.display.quit()


def _headless() -> bool:
    return os.environ.get("SDL_VIDEODRIVER", "") in ("dummy", "offscreen")


def run_menu(settings_dir: str | Path | None = None) -> int:
    """Open the game at the main menu; returns the exit code when the window closes."""
    app = App(home_dir(settings_dir))
    return app.run(app.open(routes.Menu()))


def _heard(transcript: Transcript, scenario: Scenario, base: Path) -> Transcript:
    """Audio turns recognised (as `replay` hears them), so the window types what the trainee said."""
    if not any(turn.audio for turn in transcript.turns):
        return transcript
    from game.audio.transcribe import TranscribeError, hear_for

    hear = hear_for(scenario)
    turns = []
    for turn in transcript.turns:
        if turn.audio is not None:
            path = Path(turn.audio)
            try:
                text, _ = hear(path if path.is_absolute() else base / path)
            except TranscribeError as err:
                raise UsageError(str(err)) from None
            turn = turn.model_copy(update={"audio": None, "say": text})
        turns.append(turn)
    return transcript.model_copy(update={"turns": turns})


def run_play(
    scenario_id_or_path: str,
    *,
    voice: bool,
    script: str | None,
    screenshots: str | None,
    settings_dir: str | Path | None = None,
) -> int:
    """Open the game straight into one call; with ``script``, play the transcript and exit 0."""
    from game.engine.scenario import ScenarioError, load_scenario
    from game.engine.transcript import TranscriptError, load_transcript

    try:
        scenario = load_scenario(scenario_id_or_path)
    except ScenarioError as err:
        raise UsageError(str(err)) from None
    transcript = None
    if script is not None:
        try:
            transcript = load_transcript(script)
        except TranscriptError as err:
            raise UsageError(str(err)) from None
        transcript = _heard(transcript, scenario, Path(script).parent)
    stepped = transcript is not None and _headless()
    app = App(home_dir(settings_dir), stepped=stepped, voice=voice)
    app.kit.nav.push(app.open(routes.Menu()))
    if transcript is None:
        return app.run(app.open(routes.Briefing(scenario)))
    trainee = ScriptedTrainee(app, transcript, Path(screenshots) if screenshots else None)
    call = app.open(routes.Call(scenario, transcript.seed or 0))
    assert isinstance(call, CallScene)
    return trainee.run(call, real_time=not stepped)


def run_drill(drill: Drill, trainee: str, store: ResultStore, settings_dir: str | Path | None = None) -> int:
    """Open the game straight into ``drill`` for ``trainee``, saving every call to ``store``.

    The window closes after the drill summary (or when the trainee leaves the first briefing); the
    store stays open for the caller to close.
    """
    app = App(home_dir(settings_dir))
    app.kit.results.store = store
    run = DrillRun(drill, trainee, store, app.kit.jobs, app.kit.catalog.find)
    return app.run(app.open(first_route(run)))
