"""The trainee's settings, kept as a small JSON file in the user's data folder.

The folder is ``COLLECTOR_SIM_HOME`` when set (tests point it at a temporary folder), else the
platform's user data folder for "collector-sim". A missing or damaged file gives the defaults; an
unknown or out-of-range value is replaced by its default, so a hand-edited file never stops the game.
The language is "auto" (each scenario's own, menus in English) or fixed for the whole window.
Spoken input has its recognition engine, its listening mode (push-to-talk or hands-free) and the
trainee's calm voice measured from the calibration line (loudness, pitch, pace; no pace = not yet).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from game.audio.asr import DEFAULT_ORDER, ENGINES

if TYPE_CHECKING:
    from game.engine.record import Prosody

SETTINGS_FILE = "settings.json"
CHOICES: dict[str, tuple[str, ...]] = {
    "input_mode": ("typed", "spoken"),
    "text_size": ("small", "normal", "large", "larger"),
    "mood_meters": ("auto", "on", "off"),
    "engine": tuple(ENGINES),
    "listening": ("push-to-talk", "hands-free"),
    # "auto": each call, briefing and scorecard in its scenario's language, menus in English.
    "language": ("auto", "en", "zh"),
}


def home_dir(settings_dir: str | Path | None = None) -> Path:
    """Where settings and local progress live (not created until something is saved)."""
    if settings_dir is not None:
        return Path(settings_dir)
    env = os.environ.get("COLLECTOR_SIM_HOME")
    return Path(env) if env else platformdirs.user_data_path("collector-sim")


@dataclass(frozen=True)
class Settings:
    """What the trainee can change in the Settings scene, and the name last given for a drill."""

    voice: bool = True
    volume: float = 0.8
    rate: float = 1.0
    input_mode: str = "typed"
    text_size: str = "normal"
    high_contrast: bool = False
    mood_meters: str = "auto"
    trainee: str = ""
    engine: str = DEFAULT_ORDER[0]
    listening: str = "push-to-talk"
    language: str = "auto"
    calm_loudness_dbfs: float = 0.0
    calm_pitch_hz: float = 0.0
    calm_pitch_spread_hz: float = 0.0
    calm_wpm: float = 0.0

    @property
    def hands_free(self) -> bool:
        return self.listening == "hands-free"

    @property
    def baseline(self) -> Prosody | None:
        """The trainee's calm voice from the calibration line, or None before it was measured."""
        if self.calm_wpm <= 0:
            return None
        from game.engine.record import Prosody

        return Prosody(self.calm_loudness_dbfs, self.calm_pitch_hz, self.calm_pitch_spread_hz, self.calm_wpm, 0.0)

    def with_baseline(self, calm: Prosody) -> Settings:
        """These settings with ``calm`` (a measured calibration line) kept as the baseline."""
        return replace(
            self,
            calm_loudness_dbfs=calm.loudness_dbfs,
            calm_pitch_hz=calm.pitch_mean_hz,
            calm_pitch_spread_hz=calm.pitch_spread_hz,
            calm_wpm=calm.words_per_minute,
        )

    def language_for(self, scenario_language: str | None = None) -> str:
        """The window's language: the one the trainee fixed, else the scenario's, else English."""
        if self.language != "auto":
            return self.language
        return scenario_language or "en"

    def meters_for(self, difficulty: int) -> bool:
        """Mood meters are training wheels: on for easy calls unless the trainee chose."""
        if self.mood_meters == "auto":
            return difficulty <= 2
        return self.mood_meters == "on"

    def cleaned(self) -> Settings:
        """The same settings with every bad value replaced by its default."""
        default = Settings()
        values: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            fallback = getattr(default, f.name)
            if type(value) is not type(fallback) and not (isinstance(fallback, float) and type(value) is int):
                value = fallback
            if f.name in CHOICES and value not in CHOICES[f.name]:
                value = fallback
            values[f.name] = value
        values["volume"] = min(1.0, max(0.0, float(values["volume"])))
        values["rate"] = min(1.5, max(0.6, float(values["rate"])))
        values["trainee"] = values["trainee"].strip()[:200]
        return replace(default, **values)


def _set_aside(path: Path, reason: str) -> Settings:
    """A damaged settings file: keep it beside (the next save would overwrite it), say so, use the defaults."""
    kept = path.with_name(f"settings.damaged-{dt.datetime.now():%Y%m%d-%H%M%S}.json")
    try:
        path.replace(kept)
        where = f"it is kept as {kept.name}"
    except OSError:
        where = "it is left as it was"
    print(f"collector-sim: notice: the settings file {path} {reason}; using the defaults ({where})", file=sys.stderr)
    return Settings()


def load_settings(home: Path) -> Settings:
    """The saved settings, or the defaults when there are none or they cannot be read (with a notice)."""
    path = home / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except OSError as err:
        print(f"collector-sim: notice: cannot read {path} ({err.strerror}); using the defaults", file=sys.stderr)
        return Settings()
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested thousands deep
        return _set_aside(path, "is damaged")
    if not isinstance(data, dict):
        return _set_aside(path, "does not hold settings")
    known = {f.name for f in fields(Settings)}
    raw = object.__new__(Settings)
    for name in known:
        object.__setattr__(raw, name, data.get(name, getattr(Settings(), name)))
    return raw.cleaned()


def save_settings(home: Path, settings: Settings) -> None:
    """Write atomically, so a crash mid-save keeps the previous file."""
    home.mkdir(parents=True, exist_ok=True)
    target = home / SETTINGS_FILE
    temp = target.with_suffix(".tmp")
    temp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    temp.replace(target)
