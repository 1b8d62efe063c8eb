"""The Chinese benchmarks run and report their figures (never a timing assertion)."""

from __future__ import annotations

from game.zh_bench import classify_zh_ms, engine_step_zh_ms


def test_chinese_classifier_bench_reports_time_per_line() -> None:
    figures = classify_zh_ms(rounds=1)
    assert {"p50", "p99", "cpu_p50", "cpu_p99", "lines", "cold_ms"} == set(figures)
    assert figures["lines"] == 8


def test_chinese_engine_step_bench_plays_a_whole_call() -> None:
    figures = engine_step_zh_ms(rounds=1)
    assert {"p50", "p99", "cpu_p50", "cpu_p99", "steps", "cold_call_ms"} == set(figures)
    assert figures["steps"] == 8
