"""What Teamlead last wrote to partners' calendars: one row per iCalendar UID.

A publish export and an invitation (``teamlead calendar --invite``) share one SEQUENCE per UID, which rises only
when what an invitee sees changed; this table keeps that SEQUENCE, a fingerprint of what was written and when an
invitation was written (a meeting or series with one can be cancelled, no longer deleted).

What it does to existing data: nothing changes. The table starts empty; the first file written for a meeting or
series after the upgrade continues from the SEQUENCE earlier exports wrote for it (its version − 1), so
calendars that hold it take the next one as an update. Downgrading drops the table (the next export after that
numbers by version again).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_sent",
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("invited_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_calendar_sent_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_calendar_sent_series_id_meeting_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_calendar_sent")),
        sa.UniqueConstraint("meeting_id", name=op.f("uq_calendar_sent_meeting_id")),
        sa.UniqueConstraint("series_id", name=op.f("uq_calendar_sent_series_id")),
    )


def downgrade() -> None:
    op.drop_table("calendar_sent")
