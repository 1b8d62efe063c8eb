"""The results store on a real SQLite file and a real PostgreSQL database (see store_fixtures.py)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from store_fixtures import T0, record, scorecard, turn

from game.store import ResultStore, StoreError, default_url
from game.store.bench import bench_store
from game.store.schema import Base
from game.store.store import parse_url

pytest_plugins = ["store_fixtures"]


def save(
    store: ResultStore, trainee: str, seed: int, *, drill: str | None = "basics", minutes: int = 0, **kw
) -> int:
    started = T0 + dt.timedelta(minutes=minutes)
    call_id = store.begin_call(trainee, drill, "angry-contractor", seed, "default@1", started)
    store.finish_call(call_id, record(seed), scorecard(seed, **kw), started + dt.timedelta(minutes=4))
    return call_id


def test_a_finished_call_is_saved_whole_and_can_be_replayed(store: ResultStore) -> None:
    started = dt.datetime(2026, 3, 2, 17, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    call_id = store.begin_call("  Anna Li ", "basics", "angry-contractor", 42, "default@1", started)
    for index in range(3):
        store.save_turn(call_id, index, turn(index))
    finding = {"rule": "threat", "turn": 3, "text": "We'll come to your house."}
    card = scorecard(42, compliance=[finding])
    store.finish_call(call_id, record(42), card, started + dt.timedelta(minutes=5))

    [row] = store.results()
    assert (row.trainee, row.drill, row.scenario, row.seed, row.rubric) == (
        "Anna Li",
        "basics",
        "angry-contractor",
        42,
        "default@1",
    )
    assert row.started_at == started and row.started_at.tzinfo == dt.UTC
    assert row.finished_at == started + dt.timedelta(minutes=5)
    assert row.outcome == card["outcome"]
    assert row.total == card["total"]
    assert row.principles == {k: p["score"] for k, p in card["principles"].items()}
    assert row.passed is False
    assert row.findings == 1
    saved = store.saved_call(call_id)
    assert saved.record == record(42)
    assert saved.scorecard == card
    assert store.turns(call_id) == record(42)["turns"]
    assert store.unfinished() == []


def test_turns_of_a_call_in_progress_are_kept_in_order_and_a_resaved_index_replaces_the_old(
    store: ResultStore,
) -> None:
    call_id = store.begin_call("Ben", None, "cooperative-retiree", 1, "default", T0)
    for index in (1, 0, 2):
        store.save_turn(call_id, index, turn(index))
    store.save_turn(call_id, 2, {"speaker": "trainee", "text": "corrected"})
    assert store.turns(call_id) == [turn(0), turn(1), {"speaker": "trainee", "text": "corrected"}]
    assert store.unfinished() == [call_id]
    assert store.unfinished(trainee="Someone else") == []
    assert store.results() == []


def test_results_are_oldest_first_and_filter_by_drill_and_trainee(store: ResultStore) -> None:
    save(store, "Cara", 1, minutes=20)
    save(store, "Ben", 2, minutes=10)
    save(store, "Cara", 3, drill="advanced", minutes=5)
    save(store, "Ben", 4, drill=None, minutes=0)

    assert [r.seed for r in store.results()] == [4, 3, 2, 1]
    assert [r.seed for r in store.results(drill="basics")] == [2, 1]
    assert [r.seed for r in store.results(trainee="Cara")] == [3, 1]
    assert [r.seed for r in store.results(drill="basics", trainee="Ben")] == [2]
    assert store.results(drill="nobody-took-this") == []
    assert store.results(trainee="Ben")[0].drill is None


def test_the_leaderboard_ranks_each_trainees_best_total(store: ResultStore) -> None:
    seeds = {"Ana": [1, 2, 3], "Bo": [4], "Cy": [5, 6]}
    for name, trainee_seeds in seeds.items():
        for seed in trainee_seeds:
            save(store, name, seed)
    save(store, "Dee", 7, drill="other")

    board = store.leaderboard("basics")

    best = {name: max(scorecard(s)["total"] for s in ss) for name, ss in seeds.items()}
    expected = sorted(best, key=lambda n: (-best[n], n))
    assert [(r.trainee, r.best_total, r.calls) for r in board] == [
        (n, best[n], len(seeds[n])) for n in expected
    ]
    assert [r.passed for r in board] == [sum(scorecard(s)["passed"] for s in seeds[n]) for n in expected]
    assert store.leaderboard("missing") == []


def test_compliance_findings_keep_the_trainees_words(store: ResultStore) -> None:
    words = [
        {"rule": "false_claim", "turn": 5, "text": "You'll be arrested, 你会被逮捕"},
        {"rule": "insult", "turn": None, "text": "Listen, you <deadbeat>"},
    ]
    call_id = save(store, "Eve", 9, compliance=words)
    save(store, "Fay", 10)

    found = store.findings()
    assert [(f.call_id, f.trainee, f.rule, f.turn, f.text) for f in found] == [
        (call_id, "Eve", w["rule"], w["turn"], w["text"]) for w in words
    ]
    assert store.findings(trainee="Fay") == []


def test_the_drills_verdict_overrides_the_scorecards(store: ResultStore) -> None:
    call_id = store.begin_call("Gus", "basics", "angry-contractor", 1, "default", T0)
    store.finish_call(call_id, record(1), {**scorecard(1), "passed": False}, T0, passed=True)
    assert store.results()[0].passed is True


def test_writing_to_a_missing_or_finished_call_is_refused(store: ResultStore) -> None:
    call_id = save(store, "Hal", 1)
    with pytest.raises(StoreError, match="already finished"):
        store.save_turn(call_id, 9, turn(9))
    with pytest.raises(StoreError, match="already finished"):
        store.finish_call(call_id, record(1), scorecard(1), T0)
    with pytest.raises(StoreError, match="no call 999"):
        store.save_turn(999, 0, turn(0))
    with pytest.raises(StoreError, match="no call 999"):
        store.turns(999)
    assert store.saved_call(call_id).scorecard == scorecard(1)


def test_bad_input_is_refused_with_one_sentence_and_saves_nothing(store: ResultStore) -> None:
    with pytest.raises(StoreError, match="time zone"):
        store.begin_call("Ida", None, "angry-contractor", 1, "default", dt.datetime(2026, 3, 2, 9))
    with pytest.raises(StoreError, match="name"):
        store.begin_call("   ", None, "angry-contractor", 1, "default", T0)
    call_id = store.begin_call("Ida", None, "angry-contractor", 1, "default", T0)
    with pytest.raises(StoreError, match="scorecard"):
        store.finish_call(call_id, record(1), {"principles": {}}, T0)
    with pytest.raises(StoreError, match="JSON"):
        store.finish_call(call_id, {**record(1), "when": dt.date(2026, 1, 1)}, scorecard(1), T0)
    assert store.results() == []
    assert store.unfinished() == [call_id]


def test_the_migrated_schema_matches_the_models(store_url: str) -> None:
    ResultStore.open(store_url).close()
    engine = create_engine(parse_url(store_url))
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()


def test_a_store_written_by_a_newer_version_is_not_touched(store_url: str) -> None:
    ResultStore.open(store_url).close()
    engine = create_engine(parse_url(store_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer Collector Sim"):
        ResultStore.open(store_url)


def test_reopening_keeps_every_result(store_url: str) -> None:
    with ResultStore.open(store_url) as first:
        ids = [save(first, "Jo", seed) for seed in range(3)]
    with ResultStore.open(store_url) as again:
        assert [r.call_id for r in again.results()] == ids


def test_sqlite_stores_run_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "results.sqlite3"
    with ResultStore.open(str(path)) as store:
        save(store, "Kai", 1)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_default_store_is_the_variable_then_the_users_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLLECTOR_SIM_DB", "postgresql://team@db.internal/results")
    assert default_url() == "postgresql://team@db.internal/results"
    monkeypatch.delenv("COLLECTOR_SIM_DB")
    assert default_url().startswith("sqlite:///") and default_url().endswith("results.sqlite3")


def test_urls_and_paths_are_understood() -> None:
    assert parse_url("results.db").render_as_string() == "sqlite:///results.db"
    assert parse_url("postgresql://u:p@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(StoreError, match="SQLite or PostgreSQL"):
        parse_url("mysql://u@h/db")
    with pytest.raises(StoreError, match="not a database URL"):
        parse_url("::nonsense://")


def test_an_unreachable_server_is_one_sentence_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        ResultStore.open("postgresql://team:s3cret@127.0.0.1:1/results")
    message = str(caught.value)
    assert "could not be opened" in message and "s3cret" not in message and "\n" not in message


def test_the_benchmark_reports_its_figures(tmp_path: Path) -> None:
    figures = bench_store(calls=60, saves=3)
    assert {"save_ms", "turn_ms", "results_10k_ms", "report_10k_ms"} <= set(figures)
    assert figures["calls"] == 63


def test_a_store_of_the_first_schema_upgrades_and_keeps_its_calls(store_url: str) -> None:
    """A store written before calls recorded how they ended: its finished calls stay results, its
    unfinished one stays unfinished, and promises read back are read from the saved scorecards."""
    from alembic import command
    from alembic.config import Config

    from game.store.store import MIGRATIONS

    engine = create_engine(parse_url(store_url))
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text("INSERT INTO trainees (id, name) VALUES (1, 'Old Hand')"))
        for call_id, finished in ((1, True), (2, True), (3, False)):
            conn.execute(
                text(
                    "INSERT INTO calls (id, trainee_id, scenario, seed, rubric, started_at, finished_at, outcome,"
                    " total, passed, schema_version) VALUES (:id, 1, 'angry-contractor', 1, 'default',"
                    " :started, :finished, :outcome, :total, :passed, 1)"
                ),
                {
                    "id": call_id,
                    "started": T0.replace(tzinfo=None) + dt.timedelta(days=call_id),
                    "finished": T0.replace(tzinfo=None) + dt.timedelta(days=call_id, minutes=3) if finished else None,
                    "outcome": "commitment" if finished else None,
                    "total": 80 if finished else None,
                    "passed": True if finished else None,
                },
            )
        cards = {1: {"commitment": {"confirmed": True}}, 2: {"commitment": {"confirmed": False}}}
        for call_id, card in cards.items():
            conn.execute(
                text("INSERT INTO call_records (call_id, record, scorecard) VALUES (:id, :record, :card)"),
                {"id": call_id, "record": '{"turns": []}', "card": json.dumps(card)},
            )
        conn.execute(
            text("""INSERT INTO call_turns (call_id, position, turn) VALUES (3, 0, '{"speaker": "debtor"}')""")
        )
    engine.dispose()

    with ResultStore.open(store_url) as store:
        rows = store.results()
        assert [(r.call_id, r.ending, r.promised, r.confirmed) for r in rows] == [
            (1, "completed", True, True),
            (2, "completed", True, False),
        ]
        assert [(u.call_id, u.reason, u.turns) for u in store.unfinished_calls()] == [(3, "interrupted", 1)]
    engine = create_engine(parse_url(store_url))
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()


def test_a_call_cut_short_by_the_end_of_input_is_kept_but_not_a_result(store: ResultStore) -> None:
    kept = save(store, "Jo", 1)
    cut = store.begin_call("Jo", "basics", "angry-contractor", 2, "default", T0 + dt.timedelta(hours=1))
    store.finish_call(cut, record(2, turns=1), scorecard(2), T0 + dt.timedelta(hours=1), input_ended=True)
    assert [r.call_id for r in store.results()] == [kept]
    assert [(u.call_id, u.reason, u.turns) for u in store.unfinished_calls()] == [(cut, "input_ended", 1)]
    assert store.saved_call(cut).result.ending == "input_ended"
    assert [b.calls for b in store.leaderboard("basics")] == [1]


def test_progress_gives_each_principle_over_time_per_persona(store: ResultStore) -> None:
    for day, scenario, seed in [(0, "angry-contractor", 1), (0, "angry-contractor", 2), (2, "angry-contractor", 3),
                                (1, "cooperative-retiree", 4)]:  # fmt: skip
        started = T0 + dt.timedelta(days=day, hours=seed)
        call_id = store.begin_call("Kim", "basics", scenario, seed, "default", started)
        store.finish_call(call_id, record(seed), scorecard(seed), started)
    save(store, "Someone else", 9)
    points = store.principle_progress("Kim")
    calm = [(p.scenario, p.day, p.average, p.calls) for p in points if p.principle == "calm_tone"]
    score = {s: scorecard(s)["principles"]["calm_tone"]["score"] for s in (1, 2, 3, 4)}
    assert calm == [
        ("angry-contractor", T0.date(), (score[1] + score[2]) / 2, 2),
        ("angry-contractor", T0.date() + dt.timedelta(days=2), score[3], 1),
        ("cooperative-retiree", T0.date() + dt.timedelta(days=1), score[4], 1),
    ]
    assert {p.principle for p in points} == set(scorecard(1)["principles"])
