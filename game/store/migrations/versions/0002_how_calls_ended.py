"""How a call ended, and whether its promise was confirmed: what the report needs to read outcomes fast.

``ending`` says whether a finished call ran to its end (``completed``) or stopped because the input ran
out mid-call (``input_ended``); it stays empty while a call is unfinished. ``promise_confirmed`` says
whether the debtor's promise was read back and confirmed. Calls saved before this revision ran to their
end as far as anyone can tell, and their confirmation is read from the saved scorecard.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
_BATCH = 500


def upgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("ending", sa.String(20), nullable=True))
        batch.add_column(sa.Column("promise_confirmed", sa.Boolean(), nullable=True))
    calls = sa.table(
        "calls",
        sa.column("id", sa.Integer()),
        sa.column("finished_at", sa.DateTime()),
        sa.column("ending", sa.String()),
        sa.column("promise_confirmed", sa.Boolean()),
    )
    records = sa.table("call_records", sa.column("call_id", sa.Integer()), sa.column("scorecard", Json))
    conn = op.get_bind()
    conn.execute(sa.update(calls).where(calls.c.finished_at.is_not(None)).values(ending="completed"))
    confirmed: list[dict[str, object]] = []
    for call_id, card in conn.execute(sa.select(records.c.call_id, records.c.scorecard)):
        commitment = (card or {}).get("commitment") if isinstance(card, dict) else None
        confirmed.append(
            {"key": call_id, "value": bool(isinstance(commitment, dict) and commitment.get("confirmed"))}
        )
    update = (
        sa.update(calls)
        .where(calls.c.id == sa.bindparam("key"))
        .values(promise_confirmed=sa.bindparam("value"))
    )
    for start in range(0, len(confirmed), _BATCH):
        conn.execute(update, confirmed[start : start + _BATCH])


def downgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.drop_column("promise_confirmed")
        batch.drop_column("ending")
