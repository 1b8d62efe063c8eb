"""The results store: every call a trainee takes, saved so that nothing is lost and anything can be replayed.

One SQLite file in the user's data folder by default, or any PostgreSQL server a team shares, by URL.
The schema is migrated with Alembic when the store opens. Durability rules, and why:

- a call is begun, then saved after every turn (each its own transaction), then finished in one
  transaction, so a crash loses at most the turn being typed and never half a result;
- SQLite runs in WAL mode with ``synchronous=FULL`` and a busy timeout, and every write transaction
  starts with ``BEGIN IMMEDIATE`` so two processes queue for the write lock instead of failing;
- the store never reads the clock: the caller passes the start and finish times in.

Every failure comes out as a StoreError with one sentence, for the command line to print.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Connection,
    Engine,
    Select,
    case,
    create_engine,
    delete,
    event,
    exc,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url

from game.i18n import _
from game.store.progress import ProgressPoint, daily_averages
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

ENV_VAR = "COLLECTOR_SIM_DB"
MIGRATIONS = Path(__file__).resolve().with_name("migrations")
BUSY_TIMEOUT_S = 30
# Any fixed number: PostgreSQL processes opening the same store take this advisory lock to migrate.
_PG_MIGRATION_LOCK = 7_414_100_301
# Compact, and Chinese lines stay readable in the database.
_to_json = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class StoreError(Exception):
    """The results store could not do what was asked; the message is one sentence."""


@dataclass(frozen=True)
class ResultRow:
    """One finished call as the results table and the report see it."""

    call_id: int
    trainee: str
    drill: str | None
    scenario: str
    seed: int
    rubric: str
    started_at: dt.datetime
    finished_at: dt.datetime
    outcome: str
    total: int
    passed: bool
    principles: dict[str, int] = field(default_factory=dict)
    findings: int = 0
    confirmed: bool = False
    ending: str = "completed"

    @property
    def promised(self) -> bool:
        """The debtor promised to pay (whether or not the promise was read back)."""
        return self.outcome == "commitment"


@dataclass(frozen=True)
class Finding:
    """One compliance finding, with the trainee's words."""

    call_id: int
    trainee: str
    drill: str | None
    scenario: str
    started_at: dt.datetime
    rule: str
    turn: int | None
    text: str


@dataclass(frozen=True)
class UnfinishedCall:
    """A call that has no result to count: ``interrupted`` (begun, turns saved, never finished: the game
    was stopped or killed) or ``input_ended`` (the input ran out mid-call, so it ended unplayed).
    ``seed`` and ``rubric`` are the call's own, so it can be resumed as it was."""

    call_id: int
    trainee: str
    drill: str | None
    scenario: str
    started_at: dt.datetime
    turns: int
    reason: str
    seed: int = 0
    rubric: str = ""


@dataclass(frozen=True)
class LeaderRow:
    """A trainee's standing in one drill: the best total, and how many calls taken and passed."""

    trainee: str
    best_total: int
    calls: int
    passed: int
    last_at: dt.datetime


@dataclass(frozen=True)
class SavedCall:
    """A finished call with everything needed to replay it and score it again."""

    result: ResultRow
    record: dict[str, Any]
    scorecard: dict[str, Any]


def default_url() -> str:
    """The ``COLLECTOR_SIM_DB`` variable, else a SQLite file in the user's data folder."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env
    return f"sqlite:///{platformdirs.user_data_path('collector-sim') / 'results.sqlite3'}"


def parse_url(url: str) -> URL:
    """A store URL from what a user typed: a SQLAlchemy URL, or a plain path meaning a SQLite file."""
    example = "a file path or a URL such as postgresql://user@host/db"
    if "://" not in url:
        if ":" in re.sub(r"^[A-Za-z]:[\\/]", "", url):  # a drive letter is a path; host:port/db is a URL typo
            raise StoreError(f"{url!r} is not a database URL or a file path; give {example}")
        return URL.create("sqlite", database=str(Path(url).expanduser()))
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise StoreError(f"{url!r} is not a database URL or a file path; give {example}") from None
    if parsed.get_backend_name() == "postgres":  # the short scheme that psql, Heroku and libpq also accept
        parsed = parsed.set(drivername="postgresql")
    if parsed.get_backend_name() == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        raise StoreError(f"the results store must be SQLite or PostgreSQL, not {parsed.get_backend_name()}")
    return parsed


def _reason(err: exc.StatementError) -> str:
    """The first line of what the database (or the JSON encoder) said, without SQL or parameters."""
    cause = err.orig if err.orig is not None else err
    lines = str(cause).strip().splitlines()
    return lines[0].rstrip(".") if lines else type(cause).__name__


def _json_ready(value: Mapping[str, Any], what: str) -> dict[str, Any]:
    """Refuse what JSON cannot hold (dates, objects, NaN) before writing, with a sentence saying so."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as err:
        raise StoreError(f"the {what} cannot be saved as JSON: {err}") from None
    return dict(value)


def _utc(value: dt.datetime, name: str) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise StoreError(f"{name} must be a date and time with a time zone")
    return value.astimezone(dt.UTC)


def _set_wal(cursor: Any) -> None:
    """Switch to WAL, waiting out another process doing the same: SQLite answers that pragma with
    "database is locked" at once instead of calling the busy handler, so it is retried here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, json_serializer=_to_json)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event below start transactions, instead of the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        _set_wal(cursor)
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        reading = connection.get_execution_options().get("collector_sim_read", False)
        connection.exec_driver_sql("BEGIN DEFERRED" if reading else "BEGIN IMMEDIATE")

    return engine


def _postgres_engine(url: URL) -> Engine:
    return create_engine(
        url, json_serializer=_to_json, pool_pre_ping=True, connect_args={"connect_timeout": 10}
    )


class ResultStore:
    """Saved calls, by trainee and drill. Open with ``ResultStore.open(url)``; close when done."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self._engine = engine
        self._postgres = url.get_backend_name() == "postgresql"
        self._insert = postgresql.insert if self._postgres else sqlite.insert
        self.url = url.render_as_string(hide_password=True)

    @classmethod
    def open(cls, url: str | None = None) -> ResultStore:
        """Open (creating and migrating as needed) the store at ``url``, or at ``default_url()``."""
        target = parse_url(url or default_url())
        postgres = target.get_backend_name() == "postgresql"
        if not postgres and target.database not in (None, "", ":memory:"):
            try:
                Path(target.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"cannot create the folder for the results store: {err.strerror}") from None
        engine = _postgres_engine(target) if postgres else _sqlite_engine(target)
        store = cls(engine, target)
        try:
            store._migrate()
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except exc.StatementError as err:
            raise StoreError(f"the results store at {self.url} could not {doing}: {_reason(err)}") from err
        except exc.SQLAlchemyError as err:
            raise StoreError(f"the results store at {self.url} could not {doing}: {err}") from err

    @contextmanager
    def _write(self, doing: str) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        with self._errors(doing), self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self, doing: str) -> Iterator[Connection]:
        """One read transaction that sees a single consistent snapshot."""
        with self._errors(doing), self._engine.connect() as conn:
            if self._postgres:
                conn.execution_options(isolation_level="REPEATABLE READ")
            else:
                conn.execution_options(collector_sim_read=True)
            with conn.begin():
                yield conn

    def _migrate(self) -> None:
        """Bring the schema to the newest revision; several processes may open a new store at once."""
        script = ScriptDirectory(str(MIGRATIONS))
        heads = set(script.get_heads())
        with self._read("be opened") as conn:
            current = set(MigrationContext.configure(conn).get_current_heads())
        if current == heads:
            return
        with self._write("be migrated") as conn:
            if self._postgres:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            current = set(MigrationContext.configure(conn).get_current_heads())
            known = {rev.revision for rev in script.walk_revisions()}
            if current - known:
                newer = f"the results store at {self.url} was written by a newer Collector Sim"
                raise StoreError(f"{newer}; update the game to open it")
            if current != heads:
                config = Config()
                config.set_main_option("script_location", str(MIGRATIONS))
                config.attributes["connection"] = conn
                command.upgrade(config, "head")

    def _named_id(self, conn: Connection, table: type[Trainee] | type[DrillRow], name: str) -> int:
        """The id of the trainee or drill called ``name``, adding it if new (safe against a racing writer)."""
        found = conn.execute(select(table.id).where(table.name == name)).scalar()
        if found is None:
            conn.execute(
                self._insert(table).values(name=name).on_conflict_do_nothing(index_elements=["name"])
            )
            found = conn.execute(select(table.id).where(table.name == name)).scalar_one()
        return int(found)

    def begin_call(
        self,
        trainee: str,
        drill: str | None,
        scenario_id: str,
        seed: int,
        rubric: str,
        started_at: dt.datetime,
    ) -> int:
        """Record that a call started and return its id, for ``save_turn`` and ``finish_call``."""
        name = trainee.strip()
        if not name or len(name) > 200:
            raise StoreError("the trainee's name must be 1 to 200 characters long")
        started = _utc(started_at, "started_at")
        with self._write("begin the call") as conn:
            trainee_id = self._named_id(conn, Trainee, name)
            drill_id = self._named_id(conn, DrillRow, drill) if drill else None
            values = {
                "trainee_id": trainee_id,
                "drill_id": drill_id,
                "scenario": scenario_id,
                "seed": seed,
                "rubric": rubric,
                "started_at": started,
                "schema_version": RESULT_SCHEMA_VERSION,
            }
            return int(conn.execute(insert(Call).values(values).returning(Call.id)).scalar_one())

    def _open_call(self, conn: Connection, call_id: int) -> None:
        """Refuse to write to a call that does not exist or has already finished."""
        row = conn.execute(select(Call.finished_at).where(Call.id == call_id)).first()
        if row is None:
            raise StoreError(f"there is no call {call_id} in the results store")
        if row.finished_at is not None:
            raise StoreError(f"call {call_id} has already finished")

    def save_turn(self, call_id: int, index: int, turn: Mapping[str, Any]) -> None:
        """Save one turn of a call in progress, in its own transaction; saving an index again replaces it."""
        value = _json_ready(turn, "turn")
        with self._write("save the turn") as conn:
            self._open_call(conn, call_id)
            stmt = self._insert(CallTurn).values(call_id=call_id, position=index, turn=value)
            conn.execute(
                stmt.on_conflict_do_update(index_elements=["call_id", "position"], set_={"turn": value})
            )

    def finish_call(
        self,
        call_id: int,
        record: Mapping[str, Any],
        scorecard: Mapping[str, Any],
        finished_at: dt.datetime,
        *,
        passed: bool | None = None,
        input_ended: bool = False,
    ) -> None:
        """Save the finished call in one transaction: record, scorecard, scores and findings.

        ``passed`` is the drill's verdict (see ``game.drills.call_passes``); without it the scorecard's
        own ``passed`` counts. ``input_ended`` marks a call cut short because the input ran out: it is
        kept whole but listed as unfinished, never counted in results, pass rates or leaderboards.
        The per-turn rows go, since the record now holds every turn.
        """
        finished = _utc(finished_at, "finished_at")
        record, scorecard = _json_ready(record, "call record"), _json_ready(scorecard, "scorecard")
        total, principles, findings = _scorecard_parts(scorecard)
        outcome = str(scorecard.get("outcome") or record.get("outcome") or "")
        verdict = bool(scorecard.get("passed", False)) if passed is None else passed
        commitment = scorecard.get("commitment")
        confirmed = isinstance(commitment, Mapping) and bool(commitment.get("confirmed"))
        ending = "input_ended" if input_ended else "completed"
        with self._write("save the call") as conn:
            self._open_call(conn, call_id)
            conn.execute(
                update(Call)
                .where(Call.id == call_id)
                .values(
                    finished_at=finished,
                    outcome=outcome,
                    total=total,
                    passed=verdict,
                    ending=ending,
                    promise_confirmed=confirmed,
                )
            )
            conn.execute(
                insert(CallRecord).values(
                    call_id=call_id,
                    record_version=record.get("schema_version"),
                    record=record,
                    scorecard=scorecard,
                )
            )
            if principles:
                conn.execute(
                    insert(CallScore),
                    [{"call_id": call_id, "principle": p, "score": s} for p, s in principles.items()],
                )
            if findings:
                conn.execute(insert(CallFinding), [{"call_id": call_id, **f} for f in findings])
            conn.execute(delete(CallTurn).where(CallTurn.call_id == call_id))

    def turns(self, call_id: int) -> list[dict[str, Any]]:
        """A call's turns: those saved so far for a call in progress, or the record's once finished."""
        with self._read("read the call") as conn:
            row = conn.execute(select(Call.finished_at).where(Call.id == call_id)).first()
            if row is None:
                raise StoreError(f"there is no call {call_id} in the results store")
            if row.finished_at is not None:
                record = conn.execute(
                    select(CallRecord.record).where(CallRecord.call_id == call_id)
                ).scalar_one()
                return list(record.get("turns", []))
            stmt = select(CallTurn.turn).where(CallTurn.call_id == call_id).order_by(CallTurn.position)
            return [dict(t) for t in conn.execute(stmt).scalars()]

    def reopen_call(self, call_id: int) -> list[dict[str, Any]]:
        """Open an unfinished call for more turns and return the turns it has, to be played again and
        taken on from. An interrupted call is still open; a call the input ran out on goes back to being
        open, in one transaction: its turns saved as turns again, its record and scores gone."""
        with self._write("reopen the call") as conn:
            row = conn.execute(select(Call.finished_at, Call.ending).where(Call.id == call_id)).first()
            if row is None:
                raise StoreError(f"there is no call {call_id} in the results store")
            if row.finished_at is not None and row.ending != "input_ended":
                ended = _("call {id} was played to its end; only an unfinished call can be resumed")
                raise StoreError(ended.format(id=call_id))
            if row.finished_at is None:
                stmt = select(CallTurn.turn).where(CallTurn.call_id == call_id).order_by(CallTurn.position)
                return [dict(t) for t in conn.execute(stmt).scalars()]
            record = conn.execute(select(CallRecord.record).where(CallRecord.call_id == call_id)).scalar_one()
            turns = [dict(t) for t in record.get("turns", [])]
            for table in (CallFinding, CallScore, CallRecord):
                conn.execute(delete(table).where(table.call_id == call_id))
            reopened = {"finished_at": None, "outcome": None, "total": None, "passed": None, "ending": None}
            conn.execute(update(Call).where(Call.id == call_id).values(**reopened, promise_confirmed=None))
            if turns:
                rows = [{"call_id": call_id, "position": i, "turn": t} for i, t in enumerate(turns)]
                conn.execute(insert(CallTurn), rows)
            return turns

    def unfinished(self, trainee: str | None = None) -> list[int]:
        """Ids of calls begun but never finished (the game stopped or crashed during them), oldest first."""
        stmt = _calls(None, trainee).where(Call.finished_at.is_(None))
        with self._read("list the calls") as conn:
            return [int(i) for i in conn.execute(stmt).scalars()]

    def _result_rows(self, conn: Connection, stmt: Select[Any]) -> list[ResultRow]:
        rows = conn.execute(stmt).all()
        ids = select(stmt.subquery().c.id)
        # One row per call with a column per principle, rather than a row per score: five times fewer rows.
        names = list(conn.execute(select(CallScore.principle).distinct()).scalars())
        columns = [func.max(case((CallScore.principle == name, CallScore.score))) for name in names]
        pivot = select(CallScore.call_id, *columns).where(CallScore.call_id.in_(ids))
        pivot = pivot.group_by(CallScore.call_id)
        scores: dict[int, dict[str, int]] = {
            call_id: {name: score for name, score in zip(names, values, strict=True) if score is not None}
            for call_id, *values in conn.execute(pivot).all()
        }
        counts: dict[int, int] = {
            call_id: count
            for call_id, count in conn.execute(
                select(CallFinding.call_id, func.count())
                .where(CallFinding.call_id.in_(ids))
                .group_by(CallFinding.call_id)
            )
        }
        # Rows unpacked by position (in ``_finished_calls``'s column order): named access costs more.
        return [
            ResultRow(
                call_id=call_id,
                trainee=trainee,
                drill=drill,
                scenario=scenario,
                seed=seed,
                rubric=rubric,
                started_at=started_at,
                finished_at=finished_at,
                outcome=outcome,
                total=total,
                passed=bool(passed),
                principles=scores.get(call_id, {}),
                findings=int(counts.get(call_id, 0)),
                confirmed=bool(confirmed),
                ending=ending or "completed",
            )
            for (
                call_id,
                trainee,
                drill,
                scenario,
                seed,
                rubric,
                started_at,
                finished_at,
                outcome,
                total,
                passed,
                ending,
                confirmed,
            ) in map(tuple, rows)
        ]

    def results(self, drill: str | None = None, trainee: str | None = None) -> list[ResultRow]:
        """Every call played to its end, oldest first, optionally of one drill and/or one trainee.

        Unfinished calls are not results: ``unfinished_calls`` lists them.
        """
        with self._read("read the results") as conn:
            return self._result_rows(conn, _finished_calls(drill, trainee, completed_only=True))

    def unfinished_calls(self, drill: str | None = None, trainee: str | None = None) -> list[UnfinishedCall]:
        """Calls with no result to count, oldest first: interrupted ones and ones the input ran out on."""
        turns = select(CallTurn.call_id, func.count().label("n")).group_by(CallTurn.call_id).subquery()
        saved = func.coalesce(turns.c.n, 0).label("saved")
        stmt = (
            _calls(drill, trainee, Call.seed, Call.rubric, Call.started_at, Call.finished_at, saved)
            .outerjoin(turns, turns.c.call_id == Call.id)
            .where(Call.finished_at.is_(None) | (Call.ending == "input_ended"))
        )
        with self._read("list the unfinished calls") as conn:
            rows = conn.execute(stmt).all()
            ended = [r.id for r in rows if r.finished_at is not None]
            said = {
                call_id: len(record.get("turns", []))
                for call_id, record in conn.execute(
                    select(CallRecord.call_id, CallRecord.record).where(CallRecord.call_id.in_(ended))
                )
            }
        return [
            UnfinishedCall(
                call_id=r.id,
                trainee=r.trainee,
                drill=r.drill,
                scenario=r.scenario,
                started_at=r.started_at,
                turns=int(r.saved) if r.finished_at is None else said.get(r.id, 0),
                reason="interrupted" if r.finished_at is None else "input_ended",
                seed=int(r.seed),
                rubric=r.rubric,
            )
            for r in rows
        ]

    def transcripts(self, call_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        """The scorecard's turns of these finished calls by id, which a finding's ``turn`` indexes (for the
        report's transcripts of flagged calls)."""
        wanted = sorted(set(call_ids))
        with self._read("read the transcripts") as conn:
            return {
                int(call_id): list(card.get("turns", []))
                for call_id, card in conn.execute(
                    select(CallRecord.call_id, CallRecord.scorecard).where(CallRecord.call_id.in_(wanted))
                )
            }

    def principle_progress(self, trainee: str) -> list[ProgressPoint]:
        """Each principle over time per persona for one trainee: a day's average per scenario and principle.

        Only calls played to their end count. Sorted by scenario, principle, then day, so the progress
        scene can draw one line per principle for each persona.
        """
        stmt = (
            select(Call.scenario, Call.started_at, CallScore.principle, CallScore.score)
            .join(CallScore, CallScore.call_id == Call.id)
            .join(Trainee, Trainee.id == Call.trainee_id)
            .where(Trainee.name == trainee.strip(), Call.ending == "completed")
        )
        with self._read("read the progress") as conn:
            return daily_averages((r.scenario, r.started_at, r.principle, r.score) for r in conn.execute(stmt))

    def saved_call(self, call_id: int) -> SavedCall:
        """One finished call (played to its end or cut short) with its full record and scorecard."""
        with self._read("read the call") as conn:
            rows = self._result_rows(conn, _finished_calls(None, None).where(Call.id == call_id))
            if not rows:
                raise StoreError(f"there is no finished call {call_id} in the results store")
            saved = conn.execute(
                select(CallRecord.record, CallRecord.scorecard).where(CallRecord.call_id == call_id)
            ).one()
        return SavedCall(rows[0], dict(saved.record), dict(saved.scorecard))

    def findings(self, drill: str | None = None, trainee: str | None = None) -> list[Finding]:
        """Every compliance finding in finished calls, oldest first (a call cut short included: the words
        were said)."""
        calls = _finished_calls(drill, trainee).subquery()
        stmt = (
            select(calls, CallFinding.rule, CallFinding.turn, CallFinding.text)
            .join(CallFinding, CallFinding.call_id == calls.c.id)
            .order_by(calls.c.started_at, calls.c.id, CallFinding.position)
        )
        with self._read("read the findings") as conn:
            return [
                Finding(r.id, r.trainee, r.drill, r.scenario, r.started_at, r.rule, r.turn, r.text)
                for r in conn.execute(stmt)
            ]

    def leaderboard(self, drill: str) -> list[LeaderRow]:
        """Trainees of one drill by their best call total, best first (ties by name)."""
        stmt = (
            select(
                Trainee.name,
                func.max(Call.total).label("best"),
                func.count(Call.id).label("calls"),
                func.sum(case((Call.passed.is_(True), 1), else_=0)).label("passed"),
                func.max(Call.started_at).label("last_at"),
            )
            .join(Trainee, Trainee.id == Call.trainee_id)
            .join(DrillRow, DrillRow.id == Call.drill_id)
            .where(DrillRow.name == drill, Call.ending == "completed")
            .group_by(Trainee.name)
            .order_by(func.max(Call.total).desc(), Trainee.name)
        )
        with self._read("read the leaderboard") as conn:
            return [
                LeaderRow(r.name, int(r.best), int(r.calls), int(r.passed or 0), r.last_at)
                for r in conn.execute(stmt)
            ]


def _calls(drill: str | None, trainee: str | None, *columns: Any) -> Select[Any]:
    """Calls with their trainee's and drill's names, oldest first, of one drill and/or trainee when
    given: the id, trainee, drill and scenario columns, then ``columns``. Every list of calls starts here."""
    stmt = (
        select(Call.id, Trainee.name.label("trainee"), DrillRow.name.label("drill"), Call.scenario, *columns)
        .join(Trainee, Trainee.id == Call.trainee_id)
        .outerjoin(DrillRow, DrillRow.id == Call.drill_id)
        .order_by(Call.started_at, Call.id)
    )
    if drill is not None:
        stmt = stmt.where(DrillRow.name == drill)
    if trainee is not None:
        stmt = stmt.where(Trainee.name == trainee.strip())
    return stmt


def _finished_calls(drill: str | None, trainee: str | None, *, completed_only: bool = False) -> Select[Any]:
    """Finished calls (played to their end, or also cut short unless ``completed_only``), in the column
    order ``ResultStore._result_rows`` unpacks."""
    stmt = _calls(
        drill,
        trainee,
        Call.seed,
        Call.rubric,
        Call.started_at,
        Call.finished_at,
        Call.outcome,
        Call.total,
        Call.passed,
        Call.ending,
        Call.promise_confirmed,
    )
    return stmt.where(Call.ending == "completed" if completed_only else Call.finished_at.is_not(None))


def _scorecard_parts(scorecard: Mapping[str, Any]) -> tuple[int, dict[str, int], list[dict[str, Any]]]:
    """Total, per-principle scores and compliance findings from a scorecard (the contract's shape)."""
    try:
        total = int(scorecard["total"])
        principles = {str(name): int(p["score"]) for name, p in (scorecard.get("principles") or {}).items()}
        findings: Sequence[Mapping[str, Any]] = scorecard.get("compliance") or []
        rows = [
            {
                "position": i,
                "rule": str(f.get("rule", "")),
                "turn": None if f.get("turn") is None else int(f["turn"]),
                "text": str(f.get("text", "")),
            }
            for i, f in enumerate(findings)
        ]
    except (KeyError, TypeError, ValueError, AttributeError):
        raise StoreError(
            "the scorecard is not in the expected shape (total, principles, compliance)"
        ) from None
    return total, principles, rows
