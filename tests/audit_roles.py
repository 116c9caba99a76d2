"""Real PostgreSQL roles for a test: created with unique names in the per-database form ``<prefix>__<name>``,
granted what the app needs on one test database, and dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from teamlead.data.database import Database, open_database


@contextmanager
def databases_as(database: Database, *names: str) -> Iterator[list[Database]]:
    """``database`` opened once per name, each as a new non-superuser login role ``t<hex>__<name>``."""
    prefix = f"t{uuid.uuid4().hex[:10]}"
    roles = [f"{prefix}__{name}" for name in names]
    admin = create_engine(database.url, isolation_level="AUTOCOMMIT")
    opened: list[Database] = []
    try:
        with admin.connect() as connection:
            for role in roles:
                connection.execute(text(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'))
                connection.execute(text(f'GRANT CONNECT ON DATABASE "{database.url.database}" TO "{role}"'))
                connection.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
                connection.execute(
                    text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"')
                )
                connection.execute(text(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"'))
        url: URL = database.url
        opened = [open_database(url.set(username=role, password=None), create=False) for role in roles]
        yield opened
    finally:
        for other in opened:
            other.dispose()
        with admin.connect() as connection:
            for role in roles:
                connection.execute(text(f'DROP OWNED BY "{role}"'))
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
