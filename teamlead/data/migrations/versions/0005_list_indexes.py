"""Indexes for the dashboard's lists and the roster's open agreements, then fresh planner statistics.

- ``note (follow_up_done, follow_up_on)``: the open follow-ups due by a day are one range of it, however many
  done follow-ups lie before that day (the city demo: 6,000 open among 40,000).
- ``note (kind, occurred_on)``: the recent signals are one range of it.
- ``agreement (status, due_on)``: open agreements due by a day, and open agreements per partner, without
  reading the agreements' rows.

Statistics are gathered afterwards so the planner knows the new indexes at once (SQLite ignores some indexes
until ``ANALYZE`` has run; a database made before the demo gathered them has none).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("note") as batch_op:
        batch_op.create_index("ix_note_follow_up_open", ["follow_up_done", "follow_up_on"], unique=False)
        batch_op.create_index("ix_note_kind_occurred_on", ["kind", "occurred_on"], unique=False)
    with op.batch_alter_table("agreement") as batch_op:
        batch_op.create_index("ix_agreement_status_due_on", ["status", "due_on"], unique=False)
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA analysis_limit=2000")
        connection.exec_driver_sql("ANALYZE")
    else:
        connection.exec_driver_sql("ANALYZE note")
        connection.exec_driver_sql("ANALYZE agreement")


def downgrade() -> None:
    with op.batch_alter_table("agreement") as batch_op:
        batch_op.drop_index("ix_agreement_status_due_on")
    with op.batch_alter_table("note") as batch_op:
        batch_op.drop_index("ix_note_kind_occurred_on")
        batch_op.drop_index("ix_note_follow_up_open")
