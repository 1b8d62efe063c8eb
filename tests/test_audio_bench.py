"""The voice benchmark plays a scripted call and reports its figures (it measures; it never asserts speed)."""

from __future__ import annotations

import pytest

from game.audio.bench import bench_reply_audio, cooperative_call


def test_reply_audio_benchmark_reports_prepared_and_naive_latency(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    scenario, turns = cooperative_call()
    figures = bench_reply_audio(rounds=1)
    assert set(figures) >= {"p50", "p95", "naive_p50", "naive_p95", "unprepared_p50", "unprepared_p95"}
    assert figures["scenario"] == scenario.id and 0 < figures["replies"] <= len(turns)
    assert figures["player"] == "mixer"
    assert all(figures[key] > 0 for key in ("p50", "p95", "naive_p50", "naive_p95"))
    assert figures["p50"] <= figures["p95"] and figures["naive_p50"] <= figures["naive_p95"]
