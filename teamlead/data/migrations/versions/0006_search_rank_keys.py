"""Search index on PostgreSQL: each kind's title as its own tsvector and its sort keys beside it.

Ranking a common prefix (``de``, ``w``) used to join thousands of matches to their base tables only to sort
them; with the title and the sort keys in the index table, the ranking reads that table alone and only the
few hits shown are joined. Recreates the index (:func:`teamlead.data.search_schema.recreate`) on PostgreSQL;
SQLite's index is unchanged. Downgrading leaves the current index in place: the search of 0005 reads only its
``document`` column, which keeps its meaning.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

from teamlead.data import search_schema

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        search_schema.recreate(bind)


def downgrade() -> None:
    """Nothing to undo: the index made here serves the search of 0005 as well."""
