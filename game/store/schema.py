"""The results store's tables as SQLAlchemy 2 models.

The Alembic migrations in ``migrations/versions`` create these tables; a test checks that the two
agree, so the models are the readable picture of the schema and the migrations the history.

Layout, and why: ``calls`` holds one short row per call (who, what, when, outcome, total) so that
results and reports scan it fast; the full record and scorecard, needed only to replay or re-score a
call, sit in ``call_records``; per-principle scores and compliance findings are rows of their own so
reports never parse JSON; ``call_turns`` holds a call in progress, one row per turn. A call whose
``finished_at`` stays empty was interrupted (the game was stopped or killed); its turns are kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Bumped when the meaning of a stored row changes; kept on every call so old rows stay readable.
RESULT_SCHEMA_VERSION = 1

Json = JSON().with_variant(JSONB(), "postgresql")


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A moment in UTC: stored without a zone (the same on SQLite and PostgreSQL), read back as UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    pass


class Trainee(Base):
    __tablename__ = "trainees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class DrillRow(Base):
    __tablename__ = "drills"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Call(Base):
    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_drill_started", "drill_id", "started_at"),
        Index("ix_calls_trainee_started", "trainee_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"))
    drill_id: Mapped[int | None] = mapped_column(ForeignKey("drills.id"))
    scenario: Mapped[str] = mapped_column(String(200))
    seed: Mapped[int] = mapped_column(BigInteger)
    rubric: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    outcome: Mapped[str | None] = mapped_column(String(40))
    total: Mapped[int | None] = mapped_column(Integer)
    passed: Mapped[bool | None]
    # "completed", or "input_ended" when the input ran out mid-call; empty while the call is unfinished.
    ending: Mapped[str | None] = mapped_column(String(20))
    promise_confirmed: Mapped[bool | None]
    schema_version: Mapped[int] = mapped_column(Integer)


class CallRecord(Base):
    __tablename__ = "call_records"

    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True)
    record_version: Mapped[int | None] = mapped_column(Integer)
    record: Mapped[Any] = mapped_column(Json)
    scorecard: Mapped[Any] = mapped_column(Json)


class CallScore(Base):
    __tablename__ = "call_scores"

    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True)
    principle: Mapped[str] = mapped_column(String(80), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)


class CallFinding(Base):
    __tablename__ = "call_findings"

    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(80))
    turn: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class CallTurn(Base):
    __tablename__ = "call_turns"

    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn: Mapped[Any] = mapped_column(Json)
