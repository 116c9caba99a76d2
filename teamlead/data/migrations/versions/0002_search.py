"""Full-text search index (FTS5 on SQLite, tsvector + GIN on PostgreSQL).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the search index; filled in by the search work (issue 3)."""


def downgrade() -> None:
    """Drop the search index."""
