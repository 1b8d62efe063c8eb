"""Nothing is lost: concurrent writers and a writer killed mid-save, on SQLite and on PostgreSQL.

The writers are real processes running store_fixtures.py; the kill is a real SIGKILL.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store_fixtures import record, scorecard, turn

from game.store import ResultStore
from game.store.store import parse_url

pytest_plugins = ["store_fixtures"]

HELPER = Path(__file__).with_name("store_fixtures.py")
ROOT = Path(__file__).resolve().parents[1]
KILLS = 6


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HELPER), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_saving_500_results_each_at_once_lose_nothing(store_url: str, tmp_path: Path) -> None:
    go = tmp_path / "go"
    names = ("Ann", "Bob")
    workers = [spawn("save", store_url, name, "500", str(go)) for name in names]
    for worker in workers:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
    go.touch()  # both open the new store (and migrate it) and start saving at the same moment
    for worker in workers:
        _, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err

    with ResultStore.open(store_url) as store:
        rows = store.results()
        assert len(rows) == 1000
        for name in names:
            assert sorted(r.seed for r in rows if r.trainee == name) == list(range(500))
        for row in rows:
            card = scorecard(row.seed)
            assert (row.total, row.passed) == (card["total"], card["passed"])
            assert row.principles == {k: p["score"] for k, p in card["principles"].items()}
        assert store.unfinished() == []
        assert len({r.call_id for r in rows}) == 1000


def test_a_process_killed_mid_save_leaves_the_store_valid_with_every_earlier_result_and_turn(
    store_url: str,
) -> None:
    rng = random.Random(5)
    finished: dict[int, int] = {}
    interrupted: dict[int, int] = {}  # call id -> turns the writer reported saved
    for _ in range(KILLS):
        worker = spawn("crash", store_url)
        assert worker.stdout is not None
        reported: list[list[str]] = []
        for _line in range(rng.randint(8, 40)):
            line = worker.stdout.readline().split()
            assert line, worker.stderr.read() if worker.stderr else "the writer stopped"
            reported.append(line)
        time.sleep(rng.uniform(0, 0.004))
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
        # The writer runs ahead of our reading: what it printed before dying is everything it committed,
        # give or take the one save it was in the middle of.
        reported += [line.split() for line in worker.stdout.read().splitlines() if len(line.split()) == 3]
        worker.stdout.close()
        if worker.stderr:
            worker.stderr.close()
        for word, call, arg in reported:
            if word == "begun":
                interrupted[int(call)] = 0
            elif word == "turn":
                interrupted[int(call)] = int(arg) + 1
            else:
                finished[int(call)] = int(arg)
                del interrupted[int(call)]

    url = parse_url(store_url)
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(str(url.database)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with ResultStore.open(store_url) as store:
        rows = {r.call_id: r for r in store.results()}
        assert finished, "the writer never got as far as finishing a call"
        for call_id, seed in finished.items():
            saved = store.saved_call(call_id)
            assert saved.scorecard == scorecard(seed)
            assert saved.record == record(seed, turns=4, padding=200_000)
        # A call finished but not reported is the one whose finish committed just before the kill.
        assert set(rows) - set(finished) <= set(interrupted)
        for call_id, saved_turns in interrupted.items():
            if call_id in rows:  # finished and committed, killed before it could say so
                assert store.saved_call(call_id).record["turns"] == [turn(i) for i in range(4)]
                continue
            turns = store.turns(call_id)
            # Every turn reported saved is there; at most the one being saved at the kill is beyond them.
            assert saved_turns <= len(turns) <= min(saved_turns + 1, 4)
            assert turns == [turn(i) for i in range(len(turns))]
        unreported = set(store.unfinished()) - set(interrupted)
        assert len(interrupted) + len(unreported) <= KILLS  # one call in progress per kill at most
        assert all(store.turns(call_id) == [] for call_id in unreported)  # begun, killed before a turn
        assert set(interrupted) - set(rows) <= set(store.unfinished())
