"""Full-text search index: FTS5 on SQLite, tsvector tables with GIN indexes on PostgreSQL, kept by triggers.

The index covers organisations, persons, roles and note texts; see :mod:`teamlead.data.search_schema` for why
it lives in the database and how both backends are made to tokenise alike. Existing rows are indexed here.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from teamlead.data import search_schema

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_schema.create(op.get_bind())


def downgrade() -> None:
    search_schema.drop(op.get_bind())
