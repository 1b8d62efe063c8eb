"""A keyboard-only tour of the window, saving a screenshot at each stop.

menu → picker → briefing → call → scorecard → turn by turn → retry, then a two-call drill (name,
briefing, call, scorecard, the next briefing with the first call's short result, call, summary). Every
step is a key posted to the event queue, as a trainee's keyboard would send it: no clicks, no calls
into the scenes. It runs headless on the dummy drivers in a home and results store of its own, at any
window size, text size and contrast, in any window language and on any scenario (the practice call
tabs to that scenario's card in the list):

    python -m game.ui.tour docs/screenshots [--size 800x600] [--text large] [--contrast]
    python -m game.ui.tour docs/screenshots/zh --language zh --scenario cooperative-night-nurse-zh
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pygame

from game.session.phases import Phase
from game.ui import draw, routes
from game.ui.app import App
from game.ui.clock import FRAME
from game.ui.scene import Scene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.call import CallScene
from game.ui.settings import CHOICES

MAX_FRAMES = 60 * 600
TURNS_PER_CALL = 4  # the first lines of the scenario's model call; then the trainee hangs up
DEMO_SECONDS = 14  # into Watch a pro: a few lines said and the coach's first notes


class Tour:
    """Drives one app by keys and saves ``NN-name.png`` screenshots into ``out``."""

    def __init__(self, app: App, out: Path, prefix: str = "") -> None:
        self.app = app
        self.out = out
        self.prefix = prefix
        self.shots: list[Path] = []

    # the keyboard
    def key(self, key: int, text: str = "", frames: int = 3) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text, scancode=0))
        if text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=text, scancode=0))
        self.frames(frames)

    def type(self, text: str) -> None:
        for ch in text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        self.frames(2)

    def frames(self, count: int) -> None:
        for _ in range(count):
            self.app.frame()

    def seconds(self, value: float) -> None:
        self.frames(round(value / FRAME))

    def until(self, done: Callable[[], bool], what: str) -> None:
        for _ in range(MAX_FRAMES):
            if done():
                return
            self.app.frame()
        raise RuntimeError(f"the tour never reached {what}")

    @property
    def top(self) -> Scene:
        scene = self.app.kit.nav.top
        if scene is None:
            raise RuntimeError("the window has no scene")
        return scene

    def shot(self, name: str) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"{self.prefix}{len(self.shots) + 1:02d}-{name}.png"
        pygame.image.save(draw.screen(), str(path))
        self.shots.append(path)

    # one call, by keyboard
    def take_call(self, name: str) -> None:
        """Dial (Enter on the briefing), say the model call's first lines, hang up, see the scorecard."""
        briefing = self.top
        assert isinstance(briefing, BriefingScene)
        lines = [t.say for t in briefing.scenario.model_call or [] if t.say and not t.interrupt]
        self.key(pygame.K_RETURN)
        call = self.top
        assert isinstance(call, CallScene)
        self.until(lambda: call.ready_for_input(), "the debtor's hello")
        for number, line in enumerate(lines[:TURNS_PER_CALL], start=1):
            self.type(line)
            self.key(pygame.K_RETURN)
            self.until(lambda: call.ready_for_input() or call.phase is Phase.ENDED, "the debtor's answer")
            if number == 2:
                self.shot(f"{name}-call")
            if call.phase is Phase.ENDED:
                break
        if call.phase is not Phase.ENDED:
            self.key(pygame.K_ESCAPE)
            self.shot(f"{name}-hang-up-question")
            self.key(pygame.K_RETURN)
            self.until(lambda: call.phase is Phase.ENDED, "the end of the call")
        self.frames(3)
        self.shot(f"{name}-call-ended")
        self.key(pygame.K_RETURN)
        self.until(lambda: self.top.name == "scorecard", "the scorecard")
        self.frames(3)
        self.shot(f"{name}-scorecard")

    # the tours
    def tab_to(self, target: str) -> None:
        """Tab until the focus is on ``target`` (a scene's focus name), as a trainee would."""
        for _ in range(len(self.top.ring.targets) + 1):
            current = self.top.ring.current
            if current is not None and current.name == target:
                return
            self.key(pygame.K_TAB)
        raise RuntimeError(f"the tour cannot reach {target}")

    def practice(self, scenario: str | None = None) -> None:
        """menu → picker → briefing → call → scorecard → turn by turn → retry (on ``scenario``, or the
        first card)."""
        self.app.kit.nav.push(self.app.open(routes.Menu()))
        self.frames(3)
        self.shot("menu")
        self.key(pygame.K_p)
        if scenario is not None:
            self.tab_to(f"card:{scenario}")
        self.shot("picker")
        self.key(pygame.K_RETURN)
        self.shot("briefing")
        self.take_call("practice")
        self.key(pygame.K_t)
        self.shot("turn-by-turn")
        self.key(pygame.K_PAGEDOWN)
        self.shot("turn-by-turn-paged")
        self.key(pygame.K_t)
        self.key(pygame.K_r, "r", frames=6)
        self.shot("retry")
        call = self.top
        assert isinstance(call, CallScene)
        self.until(lambda: call.ready_for_input(), "the retried call's hello")
        self.shot("retry-answered")

    def watch_and_settings(self, scenario: str) -> None:
        """From the menu: ``scenario``'s Watch a pro a few seconds in, then Settings."""
        self.app.kit.nav.back_to("menu")
        self.key(pygame.K_p)
        self.tab_to(f"card:{scenario}")
        self.key(pygame.K_RETURN)
        self.key(pygame.K_w)
        self.seconds(DEMO_SECONDS)
        self.shot("watch-a-pro")
        self.app.kit.nav.back_to("menu")
        self.key(pygame.K_s)
        self.shot("settings")
        self.key(pygame.K_ESCAPE)

    def drill(self, trainee: str = "Ana Ruiz") -> None:
        """A two-call drill from the menu: name, two calls with a short result between, the summary."""
        self.app.kit.nav.back_to("menu")
        self.key(pygame.K_d)
        self.until(lambda: self.app.kit.results.store is not None, "the results store")
        self.frames(3)
        self.shot("drills")
        self.key(pygame.K_RETURN)
        self.type(trainee)
        self.shot("drill-start")
        self.key(pygame.K_RETURN)
        self.shot("drill-briefing-1")
        self.take_call("drill-1")
        self.key(pygame.K_n)
        self.shot("drill-briefing-2-with-result")
        self.take_call("drill-2")
        self.key(pygame.K_n)
        self.app.kit.jobs.settle()
        self.frames(6)
        self.shot("drill-summary")


def take_tour(
    out: Path,
    size: tuple[int, int] = (1280, 720),
    text: str = "normal",
    contrast: bool = False,
    language: str = "auto",
    scenario: str | None = None,
) -> list[Path]:
    """The whole tour at one look, in one window language; returns the screenshots in order."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    before = os.environ.get("COLLECTOR_SIM_DB")
    with tempfile.TemporaryDirectory() as home:
        os.environ["COLLECTOR_SIM_DB"] = f"sqlite:///{Path(home) / 'results.sqlite3'}"
        app = App(Path(home) / "home", stepped=True, voice=False, size=size)
        try:
            app.kit.calibration_skipped = True
            looks = replace(app.kit.settings, text_size=text, high_contrast=contrast, language=language)
            app.apply_settings(looks)
            tour = Tour(app, out)
            tour.practice(scenario)
            if scenario is not None:
                tour.watch_and_settings(scenario)
            tour.drill()
        finally:
            app.close()
            os.environ.pop("COLLECTOR_SIM_DB", None)
            if before is not None:
                os.environ["COLLECTOR_SIM_DB"] = before
    return tour.shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.ui.tour", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the screenshots")
    parser.add_argument("--size", default="1280x720", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--text", default="normal", choices=("small", "normal", "large", "larger"))
    parser.add_argument("--contrast", action="store_true", help="high contrast")
    parser.add_argument(
        "--language", default="auto", choices=CHOICES["language"], help="the window's language (Settings)"
    )
    parser.add_argument("--scenario", help="the scenario id to practise (default: the first in the list)")
    args = parser.parse_args(argv)
    width, _, height = args.size.partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        parser.error(f"--size needs WIDTHxHEIGHT, not {args.size!r}")
    shots = take_tour(args.out, size, args.text, args.contrast, args.language, args.scenario)
    print(f"{len(shots)} screenshots in {args.out}", file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
