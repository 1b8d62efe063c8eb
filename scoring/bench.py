"""The scoring benchmark: the time to score a 40-turn call, in full and live.

``full`` scores a record whose lines the scorer has never read (each run ends every line with
different trailing whitespace, so no remembered reading helps); ``live`` is one HUD update on a
call in progress, where every earlier line has been read before: ``score_call(live=True)`` plus
``live_chips``. Figures are medians in milliseconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from statistics import median
from time import perf_counter

from game.engine.record import CallRecord, Commitment, Entities, Mood, Turn
from game.engine.scenario.models import Scenario
from scoring.coaching import bank
from scoring.rubric import rubric_for
from scoring.scorer import live_chips, score_call

TURNS = 40

_TRAINEE: tuple[tuple[str, tuple[str, ...], tuple[float, ...]], ...] = (
    (
        "Good morning, this is Anna from Northwind Supply. Am I speaking with Mr. Brennan?",
        ("greet", "identify_self", "verify_identity"),
        (),
    ),
    (
        "This is an attempt to collect a debt. I'm calling about your balance of $1,250.",
        ("mini_miranda", "state_purpose", "state_amount"),
        (1250.0,),
    ),
    ("I understand this has been a hard season, Mr. Brennan.", ("empathize",), ()),
    ("Can you pay the $1,250 today?", ("request_payment", "urgency"), (1250.0,)),
    ("When does your client's payment arrive?", ("ask_excuse_details",), ()),
    ("Calm down, that's not my problem!!", ("other",), ()),
    ("Could you pay $1,250 on Friday by bank transfer?", ("ask_commitment",), (1250.0,)),
    (
        "So that's $1,250 on Friday by bank transfer, correct? Thank you.",
        ("confirm_commitment", "thank"),
        (1250.0,),
    ),
    ("We could split it into two payments of $625.", ("propose_plan",), (625.0,)),
    ("Late payments are reported to the credit bureau.", ("consequence",), ()),
)
_DEBTOR: tuple[tuple[str, str], ...] = (
    ("Yeah, it's me. Who wants to know?", "identity_confirm"),
    ("Oh, here we go. The bill. I know about the bill!", "purpose_reaction"),
    ("My own client hasn't paid me for the Henderson job.", "excuse:client_late"),
    ("The Henderson job pays out on the third.", "excuse_countered"),
    ("I can't just pull that out of thin air.", "refuse"),
    ("Fine. $1,250 on Friday by bank transfer.", "commit"),
)


def bench_scenario() -> Scenario:
    """A small scenario in code, so the benchmark reads no scenario file."""
    return Scenario.model_validate(
        {
            "id": "bench-contractor",
            "title": "Benchmark contractor",
            "difficulty": 2,
            "account": {
                "debtor_name": "Mike Brennan",
                "title": "Mr.",
                "amount": 1250.0,
                "days_past_due": 45,
                "creditor": "Northwind Supply",
                "call_date": dt.date(2026, 12, 1),
            },
            "persona": {"archetype": "angry"},
            "excuses": [
                {
                    "id": "client_late",
                    "say": ["My own client hasn't paid me."],
                    "counter": ["ask_excuse_details"],
                }
            ],
        }
    )


def bench_record(turns: int = TURNS) -> CallRecord:
    """A call of ``turns`` turns, debtor and trainee in turn, drawing on typical lines of both."""
    out: list[Turn] = []
    clock = 0.0
    for i in range(turns):
        if i % 2 == 0:
            text, beat = _DEBTOR[(i // 2) % len(_DEBTOR)]
            out.append(Turn("debtor", text, clock, clock + 2.0, beat=beat, mood=Mood(50, 30, 40)))
        else:
            text, acts, amounts = _TRAINEE[(i // 2) % len(_TRAINEE)]
            out.append(
                Turn(
                    "trainee",
                    text,
                    clock,
                    clock + 3.0,
                    acts=acts,
                    entities=Entities(amounts=amounts),
                    interrupt=i % 13 == 0,
                )
            )
        clock += 3.5
    promise = Commitment(1250.0, "2026-12-04", "bank transfer", confirmed=True)
    return CallRecord("bench-contractor", 0, tuple(out), "commitment", promise, True)


def _padded(record: CallRecord, run: int) -> CallRecord:
    """The record with every line ending in whitespace unique to the run (the run number in binary,
    spaces and tabs): the same words, but no remembered reading of them."""
    pad = " " + format(run, "b").replace("1", " ").replace("0", "\t")
    return replace(record, turns=tuple(replace(t, text=t.text + pad) for t in record.turns))


def bench_score_call(runs: int = 200) -> dict[str, float | int]:
    """Median milliseconds to score the 40-turn call in full (lines never read) and live (one update)."""
    scenario = bench_scenario()
    record = bench_record()
    rubric = rubric_for(scenario.jurisdiction)
    bank()
    fresh = [_padded(record, run) for run in range(runs)]
    full = []
    for item in fresh:
        start = perf_counter()
        score_call(item, scenario, rubric)
        full.append(perf_counter() - start)
    ongoing = replace(record, ended=False)
    score_call(ongoing, scenario, rubric, live=True)
    live = []
    for _ in range(runs):
        start = perf_counter()
        score_call(ongoing, scenario, rubric, live=True)
        live_chips(ongoing, scenario, rubric)
        live.append(perf_counter() - start)
    return {"full": round(median(full) * 1000, 3), "live": round(median(live) * 1000, 3), "turns": TURNS}


if __name__ == "__main__":
    print(bench_score_call())
