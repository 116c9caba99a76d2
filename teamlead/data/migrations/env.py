"""Alembic environment: always run from Teamlead with a live connection (no alembic.ini, no URL here)."""

from __future__ import annotations

from alembic import context

from teamlead.data.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode recreates tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
