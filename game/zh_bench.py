"""Benchmarks of Chinese calls: the classifier's time per line and the engine step on a Chinese call.

The Chinese classifier cuts every line into words with jieba and reads numerals with cn2an, so its
cost differs from the English one's; both figures are measured on the lines of a whole call. The
cold figures (first line: the lexicon, the segmenter's dictionary) are reported apart, as the
game pays them before the window opens.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from game.bench import _percentile
from game.engine.scenario.models import TranscriptTurn

SCENARIO = "angry-ride-driver"
SCRIPT = [
    "王先生您好，我是东方银行信用卡中心的小李。请问是王建国先生本人吗？",
    "谢谢王先生。本次通话会录音。您的信用卡目前欠款一万二千五百元，已经逾期四十五天了。",
    "我知道开网约车很不容易，王先生。",
    "王先生，您今天能通过银行转账还一万二千五百元吗？",
    "我理解。王先生，平台几号结算？",
    "那您12月10号通过银行转账还一万二千五百元，可以吗？",
    "好的，我确认一下：12月10号，银行转账，一万二千五百元，对吗？",
    "谢谢王先生，祝您出车顺利，再见。",
]


def classify_zh_ms(rounds: int = 30) -> dict[str, Any]:
    """Time to understand one Chinese line (acts and entities), each round on fresh text so no cache helps."""
    from game.engine.scenario import load_scenario
    from game.engine.step import context_for
    from game.engine.understand import understand

    context = context_for(load_scenario(SCENARIO))
    begin = time.perf_counter()
    understand(SCRIPT[0], context)
    cold = (time.perf_counter() - begin) * 1000
    times: list[float] = []
    cpu: list[float] = []
    for n in range(rounds):
        for text in SCRIPT:
            line = f"{text}{'嗯' * (n + 1)}"  # a new line each round: the parsers' caches do not answer
            begin, begin_cpu = time.perf_counter(), time.thread_time()
            understand(line, context)
            cpu.append((time.thread_time() - begin_cpu) * 1000)
            times.append((time.perf_counter() - begin) * 1000)
    return {
        "p50": round(statistics.median(times), 3),
        "p99": round(_percentile(times, 99), 3),
        "cpu_p50": round(statistics.median(cpu), 3),
        "cpu_p99": round(_percentile(cpu, 99), 3),
        "lines": len(times),
        "cold_ms": round(cold, 1),
    }


def engine_step_zh_ms(rounds: int = 60) -> dict[str, Any]:
    """Time per engine step (classifier included) over a whole Chinese call, repeated with different seeds."""
    from game.engine.replay import timed_turn
    from game.engine.scenario import load_scenario
    from game.engine.step import start_call, step

    scenario = load_scenario(SCENARIO)
    begin = time.perf_counter()
    state, _ = start_call(scenario, rounds)
    for text in SCRIPT:
        state, _, _ = step(scenario, state, timed_turn(state, TranscriptTurn(say=text), text))
    cold = (time.perf_counter() - begin) * 1000
    times: list[float] = []
    cpu: list[float] = []
    for seed in range(rounds):
        state, _ = start_call(scenario, seed)
        for text in SCRIPT:
            turn = timed_turn(state, TranscriptTurn(say=text), text)
            begin, begin_cpu = time.perf_counter(), time.thread_time()
            state, _, _ = step(scenario, state, turn)
            cpu.append((time.thread_time() - begin_cpu) * 1000)
            times.append((time.perf_counter() - begin) * 1000)
    return {
        "p50": round(statistics.median(times), 3),
        "p99": round(_percentile(times, 99), 3),
        "cpu_p50": round(statistics.median(cpu), 3),
        "cpu_p99": round(_percentile(cpu, 99), 3),
        "steps": len(times),
        "cold_call_ms": round(cold, 1),
    }
