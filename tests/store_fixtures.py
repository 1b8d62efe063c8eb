"""Fixtures and helper processes for the results-store tests.

``store_url`` runs a test twice: on a real SQLite file, and on a fresh database of the PostgreSQL
server named by ``COLLECTOR_SIM_TEST_PG`` (``source .ci/postgres.sh`` starts one). Without that variable
the PostgreSQL run is skipped, saying so; under CI (the ``CI`` variable set) it fails instead, so a CI
that forgot the server cannot pass with half the tests.

Run as a script, this module is the other process in the concurrency and crash tests:
``python store_fixtures.py save URL TRAINEE COUNT GO_FILE`` and ``python store_fixtures.py crash URL``.

The test modules load it with ``pytest_plugins`` and also import its helpers, so it opts out of
assertion rewriting (it asserts nothing): PYTEST_DONT_REWRITE.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PG_ENV = "COLLECTOR_SIM_TEST_PG"
PG_MISSING = (
    f"{PG_ENV} is not set; `source .ci/postgres.sh` starts a throwaway PostgreSQL server for these tests"
)
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
PRINCIPLE_KEYS = ("calm_tone", "repeat_amount", "commitment", "stay_quiet", "politeness")


def postgres_database() -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = os.environ.get(PG_ENV, "").strip()
    if not base and os.environ.get("CI"):
        pytest.fail(f"{PG_MISSING}; CI must run the PostgreSQL half of the store tests")
    if not base:
        pytest.skip(PG_MISSING)
    url = make_url(base)
    name = f"collector_sim_t_{uuid.uuid4().hex[:12]}"
    params = {"host": url.host, "port": url.port, "user": url.username, "password": url.password}
    with psycopg.connect(dbname=url.database, autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(dbname=url.database, autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty store: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'results.sqlite3'}"
    else:
        yield from postgres_database()


@pytest.fixture
def store(store_url: str) -> Iterator[Any]:
    from game.store import ResultStore

    opened = ResultStore.open(store_url)
    yield opened
    opened.close()


def scorecard(seed: int, compliance: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A scorecard in the contract's shape whose scores follow from ``seed``."""
    scores = {key: (seed * 7 + i * 13) % 61 + 40 for i, key in enumerate(PRINCIPLE_KEYS)}
    total = round(sum(scores.values()) / len(scores))
    return {
        "scenario": "angry-contractor",
        "outcome": "commitment" if total >= 70 else "no_commitment",
        "commitment": None,
        "principles": {
            key: {"score": score, "notes": [{"turn": 1, "text": "…"}]} for key, score in scores.items()
        },
        "compliance": compliance or [],
        "total": total,
        "turns": [{"speaker": "trainee", "text": "Good morning, Mr. Brennan."}],
        "passed": total >= 70 and not compliance,
    }


def turn(index: int) -> dict[str, Any]:
    speaker = "debtor" if index % 2 == 0 else "trainee"
    return {
        "speaker": speaker,
        "text": f"line {index} — 欠款 $1,250",
        "start": index * 3.0,
        "end": index * 3.0 + 2,
    }


def record(seed: int, turns: int = 6, padding: int = 0) -> dict[str, Any]:
    """A call record like ``CallRecord.as_dict``; ``padding`` makes it big so a save takes a while."""
    return {
        "schema_version": 1,
        "scenario": "angry-contractor",
        "seed": seed,
        "outcome": "commitment",
        "commitment": None,
        "ended": True,
        "events": ["x" * padding] if padding else [],
        "turns": [turn(i) for i in range(turns)],
    }


def save_results(url: str, trainee: str, count: int, go_file: str) -> None:
    """Open the store once ``go_file`` exists (so two processes start together), then save ``count`` calls."""
    from game.store import ResultStore

    print("ready", flush=True)
    while not os.path.exists(go_file):
        time.sleep(0.005)
    with ResultStore.open(url) as store:
        for seed in range(count):
            call_id = store.begin_call(trainee, "race", "angry-contractor", seed, "default", T0)
            store.save_turn(call_id, 0, turn(0))
            store.finish_call(call_id, record(seed), scorecard(seed), T0 + dt.timedelta(minutes=3))


def save_until_killed(url: str) -> None:
    """Save calls turn by turn for ever, telling the parent after each commit what is now saved."""
    from game.store import ResultStore

    store = ResultStore.open(url)
    seed = 0
    while True:
        call_id = store.begin_call("Kim", "crash", "angry-contractor", seed, "default", T0)
        print(f"begun {call_id} {seed}", flush=True)
        for index in range(4):
            store.save_turn(call_id, index, turn(index))
            print(f"turn {call_id} {index}", flush=True)
        store.finish_call(call_id, record(seed, turns=4, padding=200_000), scorecard(seed), T0)
        print(f"finished {call_id} {seed}", flush=True)
        seed += 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    if sys.argv[1] == "save":
        save_results(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif sys.argv[1] == "crash":
        save_until_killed(sys.argv[2])
