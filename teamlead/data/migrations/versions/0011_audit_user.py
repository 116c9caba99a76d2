"""Who changed what: the audit names its user, the district of the record changed, and old → new values.

Adds three columns to ``audit_entry``: ``user_name`` (the database role without its per-database prefix on
PostgreSQL, the operating system user on SQLite), ``district_id`` (indexed, so the audit can be read per
district) and ``changes`` (JSON ``{field: [old, new]}`` of the fields :mod:`teamlead.rules.audit` allows: codes,
dates and numbers, never a text or a name).

What it does to existing data: every audit entry is kept as it was. Its user stays empty (the app shows
"unknown": nobody recorded who it was) and so do its values (they were never kept). Its district is filled in
from the record it is about when that record still exists and has a district (partners, agreements, notes,
meetings, series, narratives, neighbourhoods); an entry about a removed record keeps none. Downgrading drops
the three columns, and with them the users and values recorded since.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

DISTRICT_TABLES = (
    "organisation",
    "agreement",
    "note",
    "meeting",
    "meeting_series",
    "narrative",
    "neighbourhood",
)
"""The tables whose records carry their own ``district_id``: an old entry about one of them takes it."""


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN (no batch mode): the table is only appended to, never rebuilt.
    op.add_column("audit_entry", sa.Column("user_name", sa.String(length=63), nullable=True))
    op.add_column("audit_entry", sa.Column("district_id", sa.Integer(), nullable=True))
    op.add_column("audit_entry", sa.Column("changes", sa.Text(), nullable=True))
    op.create_index(op.f("ix_audit_entry_user_name"), "audit_entry", ["user_name"])
    op.create_index(op.f("ix_audit_entry_district_id"), "audit_entry", ["district_id"])
    _fill_districts()


def _fill_districts() -> None:
    """Existing entries take the district their record has now (the table names are ours, not input)."""
    for table in DISTRICT_TABLES:
        op.execute(
            f"UPDATE audit_entry SET district_id = "
            f"(SELECT {table}.district_id FROM {table} WHERE {table}.id = audit_entry.record_id) "
            f"WHERE audit_entry.table_name = '{table}' AND audit_entry.record_id IS NOT NULL"
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_entry_district_id"), table_name="audit_entry")
    op.drop_index(op.f("ix_audit_entry_user_name"), table_name="audit_entry")
    op.execute("ALTER TABLE audit_entry DROP COLUMN changes")
    op.execute("ALTER TABLE audit_entry DROP COLUMN district_id")
    op.execute("ALTER TABLE audit_entry DROP COLUMN user_name")
