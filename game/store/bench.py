"""The results-store benchmark: save time per call, and ``results`` and ``report`` over 10,000 calls.

Figures are milliseconds. The 10,000 calls are synthetic but shaped like real ones (a team of
trainees improving over three months on shipped scenarios, five principle scores, promises some of
them confirmed, a few compliance findings, a full record and scorecard each, and about one call in a
hundred unfinished: interrupted with its turns saved, or cut short by the end of input). They are
bulk-inserted, so seeding takes seconds; the saves timed are real ``begin_call`` / ``save_turn`` /
``finish_call`` transactions into that full store. The report is timed from the store to the finished
page, its template compiled on the way; the scenarios it names are read before
(``report_scenarios_ms``), as the command does once. ``report_10k_cpu_ms`` is the processor time of
the same render, the figure to read on a machine busy with other work.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, select

from game.store.catalogue import scenario_catalogue
from game.store.commands import results_text
from game.store.report import report_html
from game.store.schema import (
    RESULT_SCHEMA_VERSION,
    Call,
    CallFinding,
    CallRecord,
    CallScore,
    CallTurn,
    DrillRow,
    Trainee,
)
from game.store.store import ResultStore, parse_url

PRINCIPLE_KEYS = ("calm_tone", "repeat_amount", "commitment", "stay_quiet", "politeness")
SCENARIOS = ("angry-contractor", "cooperative-retiree", "stalling-shop-owner", "gatekeeper-assistant")
FIRST_NAMES = (
    "Anna", "Ben", "Chen Wei", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kofi", "Lena",
    "Marta", "Nikhil", "Olga", "Pedro", "Qing", "Rosa", "Sam", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zoe",
)  # fmt: skip
FINDINGS = (
    ("threat", "If you don't pay we'll come to your house."),
    ("false_claim", "You could be arrested for this."),
    ("insult", "Listen, you deadbeat, just pay it."),
)
START = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def synthetic_turns(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Turns shaped like ``Turn.as_dict`` output, for records of a realistic size."""
    turns = []
    for i in range(count):
        speaker = "trainee" if i % 2 else "debtor"
        turn: dict[str, Any] = {"speaker": speaker, "text": f"line {i} " + "words " * rng.randint(4, 14)}
        if speaker == "trainee":
            turn |= {"acts": ["request_payment"], "entities": {"amounts": [1250.0], "dates": [], "names": []}}
        else:
            turn |= {
                "beat": "refuse",
                "mood": {"anger": 40.0, "trust": 30.0, "willingness": 35.0, "label": "calm"},
            }
        turns.append(turn | {"stage": "negotiation", "start": i * 4.0, "end": i * 4.0 + 3.2})
    return turns


def synthetic_calls(count: int, trainees: int = 25, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Finished calls by a team that gets better with practice: trainee, times, scorecard and record."""
    rng = random.Random(seed)
    names = [
        FIRST_NAMES[i % len(FIRST_NAMES)] + ("" if i < len(FIRST_NAMES) else f" {i}") for i in range(trainees)
    ]
    skill = {name: rng.uniform(45, 75) for name in names}
    weak = {name: rng.choice(PRINCIPLE_KEYS) for name in names}
    span = dt.timedelta(days=90).total_seconds()
    for i in range(count):
        name = names[i % trainees]
        progress = i / max(count - 1, 1)
        started = START + dt.timedelta(seconds=span * progress + rng.uniform(0, 3600))
        scores = {}
        for key in PRINCIPLE_KEYS:
            base = skill[name] + 22 * progress - (18 if key == weak[name] else 0)
            scores[key] = max(0, min(100, round(rng.gauss(base, 9))))
        findings = [rng.choice(FINDINGS)] if rng.random() < 0.04 else []
        total = round(statistics.fmean(scores.values()))
        passed = total >= 70 and min(scores.values()) >= 50 and not findings
        scenario = SCENARIOS[rng.randrange(len(SCENARIOS))]
        turns = synthetic_turns(rng, 16)
        promised = scenario != "gatekeeper-assistant" and rng.random() < 0.3 + 0.6 * total / 100
        commitment = (
            {"amount": 200.0, "date": "2026-12-04", "method": "card", "confirmed": rng.random() < 0.7}
            if promised
            else None
        )
        state = rng.random()
        ending = "interrupted" if state < 0.006 else "input_ended" if state < 0.012 else "completed"
        scorecard = {
            "scenario": scenario,
            "outcome": "commitment" if promised else "no_commitment",
            "commitment": commitment,
            "principles": {k: {"score": v, "notes": []} for k, v in scores.items()},
            "compliance": [{"rule": r, "turn": 3, "text": t} for r, t in findings],
            "total": total,
            "turns": [{"speaker": t["speaker"], "text": t["text"]} for t in turns],
            "passed": passed,
        }
        record = {
            "schema_version": 1,
            "scenario": scenario,
            "seed": i,
            "outcome": scorecard["outcome"],
            "turns": turns,
        }
        yield {
            "trainee": name,
            "scenario": scenario,
            "seed": i,
            "started_at": started,
            "finished_at": started + dt.timedelta(minutes=rng.uniform(2, 9)),
            "ending": ending,
            "record": record,
            "scorecard": scorecard,
        }


def bulk_load(url: str, drill: str, calls: list[dict[str, Any]]) -> None:
    """Insert calls straight into the tables in one transaction (fast seeding, not the save path).

    A call whose ``ending`` is ``interrupted`` gets its first turns saved and no result, as a call
    stopped mid-way leaves it."""
    engine = create_engine(parse_url(url))
    try:
        with engine.begin() as conn:
            drill_id = conn.execute(insert(DrillRow).values(name=drill).returning(DrillRow.id)).scalar_one()
            names = sorted({c["trainee"] for c in calls})
            conn.execute(insert(Trainee), [{"name": n} for n in names])
            trainee_ids = {name: tid for tid, name in conn.execute(select(Trainee.id, Trainee.name))}
            call_rows = [
                {
                    "trainee_id": trainee_ids[c["trainee"]],
                    "drill_id": drill_id,
                    "scenario": c["scenario"],
                    "seed": c["seed"],
                    "rubric": "default",
                    "started_at": c["started_at"],
                    **(
                        dict.fromkeys(("finished_at", "outcome", "total", "passed", "ending", "promise_confirmed"))
                        if c["ending"] == "interrupted"
                        else {
                            "finished_at": c["finished_at"],
                            "outcome": c["scorecard"]["outcome"],
                            "total": c["scorecard"]["total"],
                            "passed": c["scorecard"]["passed"],
                            "ending": c["ending"],
                            "promise_confirmed": bool((c["scorecard"]["commitment"] or {}).get("confirmed")),
                        }
                    ),
                    "schema_version": RESULT_SCHEMA_VERSION,
                }
                for c in calls
            ]
            ids = conn.execute(
                insert(Call).returning(Call.id, sort_by_parameter_order=True), call_rows
            ).scalars()
            records: list[dict[str, Any]] = []
            scores: list[dict[str, Any]] = []
            findings: list[dict[str, Any]] = []
            turns: list[dict[str, Any]] = []
            for call_id, c in zip(ids, calls, strict=True):
                if c["ending"] == "interrupted":
                    turns.extend(
                        {"call_id": call_id, "position": n, "turn": t} for n, t in enumerate(c["record"]["turns"][:5])
                    )
                    continue
                card = c["scorecard"]
                records.append(
                    {"call_id": call_id, "record_version": 1, "record": c["record"], "scorecard": card}
                )
                scores.extend(
                    {"call_id": call_id, "principle": k, "score": p["score"]}
                    for k, p in card["principles"].items()
                )
                findings.extend(
                    {
                        "call_id": call_id,
                        "position": n,
                        "rule": f["rule"],
                        "turn": f["turn"],
                        "text": f["text"],
                    }
                    for n, f in enumerate(card["compliance"])
                )
            conn.execute(insert(CallRecord), records)
            conn.execute(insert(CallScore), scores)
            if findings:
                conn.execute(insert(CallFinding), findings)
            if turns:
                conn.execute(insert(CallTurn), turns)
    finally:
        engine.dispose()


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def bench_store(url: str | None = None, calls: int = 10_000, saves: int = 50) -> dict[str, float]:
    """Time saves into, and ``results`` and ``report`` over, a store of ``calls`` finished calls.

    ``url`` names an empty store to use (a PostgreSQL database, say); by default a temporary SQLite file.
    """
    with tempfile.TemporaryDirectory(prefix="collector-sim-bench-") as tmp:
        target = url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        store = ResultStore.open(target)
        try:
            started = time.perf_counter()
            bulk_load(target, "bench", list(synthetic_calls(calls)))
            seed_ms = _ms(time.perf_counter() - started)
            extra = list(synthetic_calls(saves, seed=11))
            turn_times, save_times = [], []
            for c in extra:
                call_id = store.begin_call(
                    c["trainee"], "bench", c["scenario"], c["seed"], "default", c["started_at"]
                )
                for index, turn in enumerate(c["record"]["turns"][:4]):
                    t0 = time.perf_counter()
                    store.save_turn(call_id, index, turn)
                    turn_times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                store.finish_call(call_id, c["record"], c["scorecard"], c["finished_at"])
                save_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            results_text(store, drill="bench")
            results_ms = _ms(time.perf_counter() - t0)
            t0 = time.perf_counter()
            scenarios = scenario_catalogue()
            scenarios_ms = _ms(time.perf_counter() - t0)
            t0, cpu0 = time.perf_counter(), time.process_time()
            report_html(store, drill="bench", scenarios=scenarios)
            report_ms, report_cpu_ms = _ms(time.perf_counter() - t0), _ms(time.process_time() - cpu0)
        finally:
            store.close()
    save_times.sort()
    return {
        "save_ms": _ms(statistics.median(save_times)),
        "save_p95_ms": _ms(save_times[int(0.95 * (len(save_times) - 1))]),
        "turn_ms": _ms(statistics.median(turn_times)),
        "results_10k_ms": results_ms,
        "report_10k_ms": report_ms,
        "report_10k_cpu_ms": report_cpu_ms,
        "report_scenarios_ms": scenarios_ms,
        "seed_10k_ms": seed_ms,
        "calls": calls + saves,
    }
