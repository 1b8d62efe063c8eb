"""Portraits, settings and local progress: the window's parts that need no scene."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.engine.scenario import load_scenario
from game.ui.portraits import EXPRESSIONS, Portraits, face_of, portraits_for
from game.ui.progress_store import CallResult, Progress, write_progress
from game.ui.settings import Settings, load_settings, save_settings
from tests.test_ui_support import app

__all__ = ["app"]


def test_each_expression_is_drawn_differently(app: object) -> None:
    portraits = portraits_for(load_scenario("angry-contractor"), 96)
    images = [pygame.image.tobytes(portraits.get(e), "RGBA") for e in EXPRESSIONS]
    assert len(set(images)) == len(EXPRESSIONS)
    assert portraits.notice is None


def test_a_named_image_overrides_the_drawing_and_a_bad_one_falls_back(app: object, tmp_path: Path) -> None:
    face = face_of(load_scenario("angry-contractor"))
    image = pygame.Surface((40, 40))
    image.fill((200, 10, 10))
    pygame.image.save(image, str(tmp_path / "red.png"))
    red = Portraits(face, 64, "red", tmp_path)
    assert red.get("angry").get_at((32, 32))[:3] == (200, 10, 10)
    (tmp_path / "broken.png").write_bytes(b"not a png")
    broken = Portraits(face, 64, "broken", tmp_path)
    assert broken.notice and "drawn portrait" in broken.notice
    assert broken.get("calm").get_size() == (64, 64)


def test_damaged_settings_give_the_defaults_and_bad_values_are_replaced(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert load_settings(tmp_path) == Settings()
    (tmp_path / "settings.json").write_text(json.dumps({"text_size": "huge", "volume": 3, "voice": False}))
    loaded = load_settings(tmp_path)
    assert (loaded.text_size, loaded.volume, loaded.voice) == ("normal", 1.0, False)
    save_settings(tmp_path, Settings(high_contrast=True))
    assert load_settings(tmp_path).high_contrast


def test_progress_keeps_best_stars_and_every_score(tmp_path: Path) -> None:
    progress = Progress(tmp_path)
    progress.add(
        CallResult(
            "a", "A", "2026-01-01T10:00:00", 60, 1, "no_commitment", {"calm_tone": 90, "stay_quiet": 40}
        )
    )
    progress.add(
        CallResult("a", "A", "2026-01-02T10:00:00", 85, 3, "commitment", {"calm_tone": 80, "stay_quiet": 70})
    )
    write_progress(tmp_path, progress.snapshot())
    again = Progress.load(tmp_path)
    assert again.best_stars() == {"a": 3}
    assert [c.principles["stay_quiet"] for c in again.calls] == [40, 70]


def test_a_damaged_progress_file_is_set_aside_not_lost(tmp_path: Path) -> None:
    (tmp_path / "progress.json").write_text("{broken", encoding="utf-8")
    assert Progress.load(tmp_path).calls == []
    assert list(tmp_path.glob("progress.damaged-*.json"))
