"""Covering indexes for "last contact per partner", which the roster and the overdue list compute for
every partner: with them the look-up never reads a note's row (its text), only two small indexes.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("note") as batch_op:
        batch_op.create_index("ix_note_id_occurred_on", ["id", "occurred_on"], unique=False)
    with op.batch_alter_table("note_organisation") as batch_op:
        batch_op.create_index(
            "ix_note_organisation_organisation_note", ["organisation_id", "note_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("note_organisation") as batch_op:
        batch_op.drop_index("ix_note_organisation_organisation_note")
    with op.batch_alter_table("note") as batch_op:
        batch_op.drop_index("ix_note_id_occurred_on")
