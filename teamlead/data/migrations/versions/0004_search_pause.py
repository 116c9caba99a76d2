"""Search index: a pause for bulk loads, a one-letter prefix index, and cheaper folding in the SQLite triggers.

Recreates the index with the current definition (:func:`teamlead.data.search_schema.recreate`) and refills it
from the tables. Downgrading leaves the current index in place: it serves revision 0003 just as well.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

from teamlead.data import search_schema

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_schema.recreate(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the index made here works with the schema of 0003."""
